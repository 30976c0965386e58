#!/usr/bin/env bash
# Builds the Windows installer on Linux: bevidst-<version>-x64.msi, holding bevidst.exe (built
# here for x86_64-pc-windows-gnu, release) and a Start-menu entry, and with --config the
# organisation's configuration for %ProgramData%\bevidst\config.ron.
#
#   bash packaging/windows/build.sh [--config FILE] [--exe FILE] [--out DIR]
#
# --config FILE  the organisation's config.ron to install for everyone on the machine
#                (checked first: a broken file would stop every learner's program)
# --exe FILE     package this bevidst.exe instead of building one (CI packages its debug build)
# --out DIR      where the .msi goes (default: the current folder)
#
# Needs: wixl (Debian: apt-get install wixl), and for building the exe the Rust target
# x86_64-pc-windows-gnu and mingw-w64 (see .ci/windows).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

config="" exe="" out="$PWD"
while [ $# -gt 0 ]; do
  case "$1" in
    --config) config="$(realpath "$2")"; shift 2 ;;
    --exe) exe="$(realpath "$2")"; shift 2 ;;
    --out) out="$(realpath "$2")"; shift 2 ;;
    *) echo "build.sh: unknown argument $1 (see the header of $0)" >&2; exit 64 ;;
  esac
done
command -v wixl >/dev/null || { echo "build.sh: wixl is missing; apt-get install wixl" >&2; exit 69; }

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -1)"
[ -n "$version" ] || { echo "build.sh: no version in $root/Cargo.toml" >&2; exit 65; }

if [ -z "$exe" ]; then
  (cd "$root" && cargo build --quiet --release --locked --target x86_64-pc-windows-gnu --bin bevidst)
  exe="$root/target/x86_64-pc-windows-gnu/release/bevidst.exe"
fi
[ -f "$exe" ] || { echo "build.sh: $exe does not exist" >&2; exit 66; }

defines=(-D "Version=$version")
with_config=no
if [ -n "$config" ]; then
  # The same check the program makes at every start, through the Linux build: an organisation
  # file that does not load must not reach thousands of machines.
  probe="$(mktemp -d)"
  trap 'rm -rf "$probe"' EXIT
  (cd "$root" && env -i PATH="$PATH" HOME="$probe" BEVIDST_ORG_CONFIG_DIR="$(dirname "$config")" \
     BEVIDST_CONFIG_DIR="$probe/config" BEVIDST_DATA_DIR="$probe/data" \
     cargo run --quiet --bin bevidst -- status >/dev/null 2>"$probe/err") || {
    code=$?
    # 0, 1 and 2 are answers; 3 is "cannot tell", which a broken configuration gives.
    if [ "$code" -ge 3 ]; then cat "$probe/err" >&2; exit 65; fi
  }
  [ "$(basename "$config")" = config.ron ] || { echo "build.sh: --config must name a file called config.ron" >&2; exit 64; }
  with_config=yes
fi
defines+=(-D "WithConfig=$with_config")

# wixl finds sources by relative name only: gather them in a staging folder.
stage="$(mktemp -d)"
trap 'rm -rf "$stage" ${probe:+"$probe"}' EXIT
cp "$exe" "$stage/bevidst.exe"
[ -z "$config" ] || cp "$config" "$stage/config.ron"
cp "$here/bevidst.wxs" "$stage/"
msi="$out/bevidst-$version-x64.msi"
(cd "$stage" && wixl --arch x64 "${defines[@]}" -o "$msi" bevidst.wxs)
echo "$msi"
