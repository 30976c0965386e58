/* A stand-in for Windows' bcryptprimitives.dll, for running the Windows build under Wine in
 * CI only; it is never shipped (the MSI does not contain it).
 *
 * Why: Rust's standard library (1.78 and later) gets its random bytes (HashMap seeds, and
 * the `rand` crate through it) from ProcessPrng in bcryptprimitives.dll, which every
 * supported Windows has. Debian 12's Wine 8.0 lacks that DLL, so bevidst.exe does not even
 * start under it (exit code 53, "DLL not found"). Placed beside the exe, this DLL answers
 * ProcessPrng with SystemFunction036 (RtlGenRandom) from advapi32, which Wine has: the
 * system's own random source, as on Windows. A newer Wine (9.x) ships bcryptprimitives.dll;
 * .ci/windows then uses Wine's own and leaves this one out.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c
 */
#include <windows.h>

/* RtlGenRandom's real name in advapi32; declared here because its header needs
 * SystemFunction036 spelled out. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* ProcessPrng never fails on Windows; callers (Rust's std) do not check the result. A
 * failure of the system's source is therefore fatal here rather than a buffer left as it
 * was. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            ExitProcess(70);
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
