//! The fast path for reading a record line: a strict scanner over the one spelling the writer
//! emits ([`CompletionRecord::to_line`]), filling a record in place so that reading a log
//! allocates nothing per record once its buffers have grown.
//!
//! The scanner takes the line apart in the writer's order and spelling: fields in order, no
//! spaces, integers in plain decimal without leading zeros, digests and the installation in
//! lower-case hex, areas by their identifiers, booleans as `true`/`false`, format at most
//! [`FORMAT_VERSION`]. Strings are taken as they stand up to the next quote: the field rules
//! ([`CompletionRecord::check_fields`]) admit only ids, forvaltning names and versions that the
//! writer writes as themselves, so a scanned record whose hash and fields are right is exactly
//! the record ron reads from the line, and the line is its canonical spelling.
//!
//! Any line the scanner refuses, or whose hash or fields are wrong, is read again by the full
//! ron path (`encode::parse_record_into`), so every error is found and worded exactly as
//! without the scanner. A property test keeps the two in agreement on every line the writer
//! can produce and on mutated lines.

use std::sync::LazyLock;

use super::model::{CompletionRecord, FORMAT_VERSION, InstallationId};
use crate::attempt::{AnsweredQuestion, FinishedAttempt};
use crate::policy::Area;

/// An empty record to scan into; its buffers grow to fit the lines read into it.
pub(crate) fn blank() -> CompletionRecord {
    CompletionRecord {
        format: 0,
        installation: InstallationId([0; 16]),
        seq: 0,
        attempt: FinishedAttempt {
            learner: String::new(),
            forvaltning: String::new(),
            module: String::new(),
            module_version: 0,
            content_hash: [0; 32],
            started: 0,
            finished: 0,
            score: 0,
            max: 0,
            passed: false,
            answers: Vec::new(),
        },
        program: String::new(),
        prev: [0; 32],
        hash: [0; 32],
    }
}

/// Reads `line` (without its line break) into `into` if it is spelled the writer's way.
/// Returns `false`, leaving `into` in an unspecified state, when it is not.
pub(crate) fn scan_record(line: &str, into: &mut CompletionRecord) -> bool {
    scan(&mut Cursor { rest: line }, into).is_some()
}

fn scan(line: &mut Cursor<'_>, record: &mut CompletionRecord) -> Option<()> {
    let attempt = &mut record.attempt;
    line.lit(b"(format:")?;
    record.format = line.u32()?;
    if record.format > FORMAT_VERSION {
        return None;
    }
    line.lit(b",installation:")?;
    record.installation = InstallationId(line.hex()?);
    line.lit(b",seq:")?;
    record.seq = line.u64()?;
    line.lit(b",learner:")?;
    line.string(&mut attempt.learner)?;
    line.lit(b",forvaltning:")?;
    line.string(&mut attempt.forvaltning)?;
    line.lit(b",module:")?;
    line.string(&mut attempt.module)?;
    line.lit(b",module_version:")?;
    attempt.module_version = line.u32()?;
    line.lit(b",content_hash:")?;
    attempt.content_hash = line.hex()?;
    line.lit(b",started:")?;
    attempt.started = line.u64()?;
    line.lit(b",finished:")?;
    attempt.finished = line.u64()?;
    line.lit(b",score:")?;
    attempt.score = line.u32()?;
    line.lit(b",max:")?;
    attempt.max = line.u32()?;
    line.lit(b",passed:")?;
    attempt.passed = line.bool()?;
    line.lit(b",program:")?;
    line.string(&mut record.program)?;
    line.lit(b",answers:[")?;
    let mut count = 0;
    if !line.eat(b']') {
        loop {
            if count == attempt.answers.len() {
                attempt.answers.push(AnsweredQuestion {
                    id: String::new(),
                    area: Area::SecurityPolicy,
                    correct: false,
                });
            }
            let answer = &mut attempt.answers[count];
            line.lit(b"(id:")?;
            line.string(&mut answer.id)?;
            line.lit(b",area:")?;
            answer.area = line.area()?;
            line.lit(b",correct:")?;
            answer.correct = line.bool()?;
            line.lit(b")")?;
            count += 1;
            if line.eat(b']') {
                break;
            }
            line.lit(b",")?;
        }
    }
    attempt.answers.truncate(count);
    line.lit(b",prev:")?;
    record.prev = line.hex()?;
    line.lit(b",hash:")?;
    record.hash = line.hex()?;
    line.lit(b")")?;
    line.rest.is_empty().then_some(())
}

/// The unread rest of a line. Every cut is next to an ASCII byte, so it is on a character
/// boundary.
struct Cursor<'a> {
    rest: &'a str,
}

impl Cursor<'_> {
    // Always inlined: each call site's literal is then a constant the compiler compares in
    // place, instead of a call to `memcmp` with a length (a quarter fewer instructions per
    // record, measured with cachegrind).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn lit(&mut self, s: &[u8]) -> Option<()> {
        if !self.rest.as_bytes().starts_with(s) {
            return None;
        }
        self.rest = self.rest.get(s.len()..)?;
        Some(())
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.rest.as_bytes().first() == Some(&b);
        if hit {
            self.rest = &self.rest[1..];
        }
        hit
    }

    /// Moves past `n` bytes already looked at (all ASCII).
    fn skip(&mut self, n: usize) -> Option<()> {
        self.rest = self.rest.get(n..)?;
        Some(())
    }

    /// Decimal digits as `Display` writes them: no sign, no leading zero, no overflow.
    fn u64(&mut self) -> Option<u64> {
        let bytes = self.rest.as_bytes();
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || (digits > 1 && bytes[0] == b'0') {
            return None;
        }
        let mut v = 0u64;
        for &b in &bytes[..digits] {
            v = v.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        }
        self.skip(digits)?;
        Some(v)
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.u64()?).ok()
    }

    fn bool(&mut self) -> Option<bool> {
        if self.lit(b"true").is_some() {
            Some(true)
        } else {
            self.lit(b"false")?;
            Some(false)
        }
    }

    /// A quoted string, as it stands up to the next quote (whether the writer would spell it
    /// so is left to the field rules; see the module's header).
    fn string(&mut self, into: &mut String) -> Option<()> {
        self.lit(b"\"")?;
        let end = find_quote(self.rest.as_bytes())?;
        into.clear();
        into.push_str(self.rest.get(..end)?);
        self.skip(end + 1)
    }

    /// `N` bytes as `2 N` lower-case hex digits in quotes.
    fn hex<const N: usize>(&mut self) -> Option<[u8; N]> {
        let quoted = self.rest.as_bytes().get(..2 * N + 2)?;
        let digits = quoted.strip_prefix(b"\"")?.strip_suffix(b"\"")?;
        let mut out = [0u8; N];
        // Any byte that is not a lower-case hex digit sets the high bit of `bad`.
        let mut bad = 0u8;
        for (byte, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
            let (hi, lo) = (NIBBLE[usize::from(pair[0])], NIBBLE[usize::from(pair[1])]);
            bad |= hi | lo;
            *byte = (hi << 4) | (lo & 15);
        }
        if bad & 0x80 != 0 {
            return None;
        }
        self.skip(2 * N + 2)?;
        Some(out)
    }

    /// An area by its identifier, followed by a comma.
    fn area(&mut self) -> Option<Area> {
        let rest = self.rest.as_bytes();
        let key = u32::from_le_bytes(*rest.first_chunk()?);
        // Every key compared, without a branch per area: which one a record names next is
        // anybody's guess, so a search that stops early mostly stops at a mispredicted jump.
        let hits = AREAS
            .iter()
            .enumerate()
            .fold(0u32, |hits, (i, &(k, _, _))| {
                hits | (u32::from(k == key) << i)
            });
        let &(_, ident, area) = AREAS.get(hits.trailing_zeros() as usize)?;
        if !rest.starts_with(ident) || rest.get(ident.len()) != Some(&b',') {
            return None;
        }
        self.skip(ident.len())?;
        Some(area)
    }
}

/// The first `"` in `bytes`, eight bytes at a time. Most strings are short ids, for which a
/// call to a search routine costs more than the search.
fn find_quote(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    const QUOTES: u64 = u64::from_le_bytes([b'"'; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut start = 0;
    for chunk in &mut chunks {
        // A byte of `x` is zero where the chunk has a quote; the lowest flagged byte is the
        // first zero (a borrow can only flag bytes above a real zero).
        let x = u64::from_le_bytes(chunk.try_into().ok()?) ^ QUOTES;
        let flagged = x.wrapping_sub(ONES) & !x & HIGHS;
        if flagged != 0 {
            return Some(start + flagged.trailing_zeros() as usize / 8);
        }
        start += 8;
    }
    let tail = chunks.remainder();
    tail.iter().position(|&b| b == b'"').map(|i| start + i)
}

/// The areas' identifiers with their first four bytes as a number to compare first. They are
/// unique for today's identifiers; should two ever clash, the second would be refused by the
/// scanner and read by ron (slower, never wrong), and the property test that good lines
/// never fall back would fail. Each record names ten areas.
static AREAS: LazyLock<[(u32, &[u8], Area); Area::ALL.len()]> = LazyLock::new(|| {
    Area::ALL.map(|area| {
        let ident = area.ident().as_bytes();
        let mut head = [b','; 4];
        for (h, &b) in head.iter_mut().zip(ident) {
            *h = b;
        }
        (u32::from_le_bytes(head), ident, area)
    })
});

/// The value of each lower-case hex digit; 0xff for every other byte (digests are read in
/// a tight loop, three per record).
const NIBBLE: [u8; 256] = {
    let mut table = [0xff; 256];
    let mut d = 0u8;
    while d < 16 {
        let digit = if d < 10 { b'0' + d } else { b'a' + d - 10 };
        table[digit as usize] = d;
        d += 1;
    }
    table
};
