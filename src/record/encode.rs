//! How records are written: the canonical byte encoding their hash is taken over, the RON
//! line, and the log's header line.
//!
//! # The record hash
//!
//! `hash` is SHA-256 over the encoding of [`crate::canon`] (integers fixed-width big-endian,
//! a `bool` one byte 0 or 1, strings as a `u32` byte length then UTF-8, lists as a `u32` count
//! then items), in exactly this order:
//!
//! | # | field | encoding |
//! |---|---|---|
//! | 0 | domain tag | the 22 bytes `bevidst-completion-v1\0` |
//! | 1 | `format` | `u32` |
//! | 2 | `installation` | 16 raw bytes |
//! | 3 | `seq` | `u64` |
//! | 4 | `learner` | string |
//! | 5 | `forvaltning` | string |
//! | 6 | `module` | string |
//! | 7 | `module_version` | `u32` |
//! | 8 | `content_hash` | 32 raw bytes |
//! | 9 | `started` | `u64` |
//! | 10 | `finished` | `u64` |
//! | 11 | `score` | `u32` |
//! | 12 | `max` | `u32` |
//! | 13 | `passed` | `bool` |
//! | 14 | `program` | string |
//! | 15 | `answers` | list; each: `id` string, area code `u8` ([`crate::policy::Area::code`]), `correct` `bool` |
//! | 16 | `prev` | 32 raw bytes |
//!
//! The RON text is never hashed: the same record has many RON spellings, and ron's output may
//! change between versions. Instead a line is only accepted if it is exactly
//! [`CompletionRecord::to_line`] of the record it parses to: compact RON, fields in
//! declaration order, no struct name, no spaces (what `ron::to_string` writes, which a test
//! checks), so there is one spelling per record. A test pins one record, its line and its
//! hash (the golden vector), so a change to this encoding or to ron's output cannot pass
//! unnoticed.
//!
//! # The log file
//!
//! UTF-8 text, lines ending in `\n`. Line 1 is the header
//! `(log:"bevidst-completion-log",format:1,installation:"<32 hex digits>")`; every further line
//! is one record. Record `seq` counts 1, 2, 3 … and each record's `prev` is the previous
//! record's `hash` (32 zero bytes for the first).

use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model::{CheckedForvaltning, CompletionRecord, FORMAT_VERSION, InstallationId};
use super::scan;
use super::verify::Problem;
use std::fmt::Write as _;

use crate::attempt::{AnsweredQuestion, FinishedAttempt};
use crate::canon::{CanonHasher, Digest32, hex, parse_hex32};
use crate::safe_text::sanitize;

/// The domain tag of completion-record hashes.
pub const DOMAIN: &[u8] = b"bevidst-completion-v1\0";
/// The format name in a log's header line.
pub const LOG_NAME: &str = "bevidst-completion-log";
/// The longest line accepted when reading (a real record is a few KiB).
pub const MAX_LINE_BYTES: usize = 256 * 1024;
/// The largest log read or copied. A record is about 1 KiB and a learner finishes a few
/// attempts a year, so a real log stays far below; a larger file is refused before it is
/// read (it can only be something else, or planted).
pub const MAX_LOG_BYTES: u64 = 256 * 1024 * 1024;
/// How deeply a record line may nest (a record needs three levels).
const RECURSION_LIMIT: usize = 8;

/// The first line of a log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogHeader {
    /// Always [`LOG_NAME`].
    pub log: String,
    /// The log format version ([`FORMAT_VERSION`]).
    pub format: u32,
    /// The installation the log belongs to.
    pub installation: InstallationId,
}

/// Reads only the version of a line, ignoring every other field, so a line from a newer
/// program is reported as "newer version" rather than as garbage.
#[derive(Deserialize)]
struct VersionProbe {
    format: u32,
}

/// A record line's fields in the line's order (the attempt's fields flattened in), as serde
/// reads them; `#[serde(flatten)]` would read them as a map and lose `deny_unknown_fields`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "CompletionRecord")]
struct Line {
    format: u32,
    installation: InstallationId,
    seq: u64,
    learner: String,
    forvaltning: String,
    module: String,
    module_version: u32,
    #[serde(deserialize_with = "hex32")]
    content_hash: Digest32,
    started: u64,
    finished: u64,
    score: u32,
    max: u32,
    passed: bool,
    program: String,
    answers: Vec<AnsweredQuestion>,
    #[serde(deserialize_with = "hex32")]
    prev: Digest32,
    #[serde(deserialize_with = "hex32")]
    hash: Digest32,
}

/// A SHA-256 digest from 64 hex digits (the canonical check insists on lower case).
fn hex32<'de, D: Deserializer<'de>>(d: D) -> Result<Digest32, D::Error> {
    let s = String::deserialize(d)?;
    parse_hex32(&s).ok_or_else(|| serde::de::Error::custom("a hash is 64 hex digits"))
}

impl<'de> Deserialize<'de> for CompletionRecord {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let l = Line::deserialize(d)?;
        Ok(CompletionRecord {
            format: l.format,
            installation: l.installation,
            seq: l.seq,
            attempt: FinishedAttempt {
                learner: l.learner,
                forvaltning: l.forvaltning,
                module: l.module,
                module_version: l.module_version,
                content_hash: l.content_hash,
                started: l.started,
                finished: l.finished,
                score: l.score,
                max: l.max,
                passed: l.passed,
                answers: l.answers,
            },
            program: l.program,
            prev: l.prev,
            hash: l.hash,
        })
    }
}

impl Serialize for CompletionRecord {
    /// The fields of `Line`, in its order; digests as 64 hex digits.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = &self.attempt;
        let mut st = s.serialize_struct("CompletionRecord", 17)?;
        st.serialize_field("format", &self.format)?;
        st.serialize_field("installation", &self.installation)?;
        st.serialize_field("seq", &self.seq)?;
        st.serialize_field("learner", &a.learner)?;
        st.serialize_field("forvaltning", &a.forvaltning)?;
        st.serialize_field("module", &a.module)?;
        st.serialize_field("module_version", &a.module_version)?;
        st.serialize_field("content_hash", &hex(&a.content_hash))?;
        st.serialize_field("started", &a.started)?;
        st.serialize_field("finished", &a.finished)?;
        st.serialize_field("score", &a.score)?;
        st.serialize_field("max", &a.max)?;
        st.serialize_field("passed", &a.passed)?;
        st.serialize_field("program", &self.program)?;
        st.serialize_field("answers", &a.answers)?;
        st.serialize_field("prev", &hex(&self.prev))?;
        st.serialize_field("hash", &hex(&self.hash))?;
        st.end()
    }
}

impl CompletionRecord {
    /// The record's canonical hash (the `hash` field itself is not part of it).
    pub fn compute_hash(&self) -> Digest32 {
        let a = &self.attempt;
        let mut h = CanonHasher::new(DOMAIN);
        h.u32(self.format)
            .fixed(&self.installation.0)
            .u64(self.seq)
            .str(&a.learner)
            .str(&a.forvaltning)
            .str(&a.module)
            .u32(a.module_version)
            .fixed(&a.content_hash)
            .u64(a.started)
            .u64(a.finished)
            .u32(a.score)
            .u32(a.max)
            .bool(a.passed)
            .str(&self.program)
            .len(a.answers.len());
        for q in &a.answers {
            h.str(&q.id).u8(q.area.code()).bool(q.correct);
        }
        h.fixed(&self.prev);
        h.finish()
    }

    /// The record as one compact RON line, without the line break: exactly what
    /// `ron::to_string` writes for it (a test holds the two equal), but written here so that
    /// the spelling on disk cannot change when ron is upgraded, and twice as fast to check.
    pub fn to_line(&self) -> String {
        let a = &self.attempt;
        let mut s = String::with_capacity(480 + 56 * a.answers.len());
        let _ = write!(s, "(format:{},installation:", self.format);
        push_hex(&mut s, &self.installation.0);
        let _ = write!(s, ",seq:{},learner:", self.seq);
        push_string(&mut s, &a.learner);
        s.push_str(",forvaltning:");
        push_string(&mut s, &a.forvaltning);
        s.push_str(",module:");
        push_string(&mut s, &a.module);
        let _ = write!(s, ",module_version:{},content_hash:", a.module_version);
        push_hex(&mut s, &a.content_hash);
        let _ = write!(
            s,
            ",started:{},finished:{},score:{},max:{},passed:{},program:",
            a.started, a.finished, a.score, a.max, a.passed
        );
        push_string(&mut s, &self.program);
        s.push_str(",answers:[");
        for (i, q) in a.answers.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            s.push_str("(id:");
            push_string(&mut s, &q.id);
            let _ = write!(s, ",area:{},correct:{})", q.area.ident(), q.correct);
        }
        s.push_str("],prev:");
        push_hex(&mut s, &self.prev);
        s.push_str(",hash:");
        push_hex(&mut s, &self.hash);
        s.push(')');
        s
    }
}

/// A RON string literal, escaped as ron escapes it (`char::escape_debug`). Valid records never
/// need an escape: ids are ASCII, and forvaltning names admit no character that escapes.
fn push_string(s: &mut String, text: &str) {
    s.push('"');
    if text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b" .,_-+&/()".contains(&b))
    {
        s.push_str(text);
    } else {
        s.extend(text.chars().flat_map(char::escape_debug));
    }
    s.push('"');
}

/// Lower-case hex in quotes; the same digits as [`crate::canon::hex`], without a `fmt` call per byte
/// (verifying a collection re-writes three digests per record).
fn push_hex(s: &mut String, bytes: &[u8]) {
    s.push('"');
    crate::canon::push_hex(s, bytes);
    s.push('"');
}

/// The header line (without the line break) of a new log.
pub fn header_line(installation: InstallationId) -> String {
    format!("(log:\"{LOG_NAME}\",format:{FORMAT_VERSION},installation:\"{installation}\")")
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// The version a line claims, when it is newer than this program reads.
fn newer_version(line: &str) -> Option<u32> {
    options()
        .from_str::<VersionProbe>(line)
        .ok()
        .map(|p| p.format)
        .filter(|&v| v > FORMAT_VERSION)
}

/// Parses a header line (without its line break).
pub fn parse_header(line: &str) -> Result<LogHeader, Problem> {
    match options().from_str::<LogHeader>(line) {
        Ok(h) if h.log != LOG_NAME => Err(Problem::NotALog),
        Ok(h) if h.format > FORMAT_VERSION => Err(Problem::NewerVersion { found: h.format }),
        Ok(h) if h.format != FORMAT_VERSION => Err(Problem::NotALog),
        Ok(h) if header_line(h.installation) != line => Err(Problem::NotCanonical),
        Ok(h) => Ok(h),
        Err(_) => {
            Err(newer_version(line)
                .map_or(Problem::NotALog, |found| Problem::NewerVersion { found }))
        }
    }
}

/// Parses a record line (without its line break) and checks everything that does not depend
/// on the records before it: syntax, canonical spelling, the hash and the field rules. The
/// reason given for a bad line is display-safe (the line may hold escape sequences). The log
/// reader uses [`parse_record_into`]; this is the one-line form its tests use.
#[cfg(test)]
pub fn parse_record(line: &str) -> Result<CompletionRecord, Problem> {
    let mut record = scan::blank();
    parse_record_into(
        line.as_bytes(),
        &mut record,
        &mut CheckedForvaltning::default(),
    )?;
    Ok(record)
}

/// [`parse_record`] into a record whose buffers are reused (reading a log allocates nothing
/// per record), and the forvaltning name checked only when it changes. A line that is not
/// UTF-8 is [`Problem::NotUtf8`]. On an error `record` holds nothing useful.
///
/// A good line in the writer's spelling is read by the scanner (`scan`); any other line, and
/// any whose hash or fields are wrong, is read again by ron, which finds and words the first
/// thing wrong with it exactly as it always has.
pub(crate) fn parse_record_into(
    line: &[u8],
    record: &mut CompletionRecord,
    checked: &mut CheckedForvaltning,
) -> Result<(), Problem> {
    let text = std::str::from_utf8(line).map_err(|_| Problem::NotUtf8)?;
    if scan::scan_record(text, record) && scanned_is_good(record, checked) {
        return Ok(());
    }
    *record = parse_with_ron(text)?;
    Ok(())
}

/// Whether a record the scanner read has the right hash and fields: then it is exactly what
/// ron would read from its line (`scan`'s header), and the line is good.
pub(crate) fn scanned_is_good(record: &CompletionRecord, checked: &mut CheckedForvaltning) -> bool {
    record.compute_hash() == record.hash && record.check_fields_with(checked).is_ok()
}

/// The full check of a record line through ron: what [`parse_record_into`] falls back on,
/// and what decides the problem with every line that is not good.
pub(crate) fn parse_with_ron(line: &str) -> Result<CompletionRecord, Problem> {
    let record = parse_spelling(line)?;
    // The hash first: an edited line is "changed after it was written", whatever it now says.
    if record.compute_hash() != record.hash {
        return Err(Problem::HashMismatch);
    }
    record
        .check_fields()
        .map_err(|why| Problem::Invalid(sanitize(&why, true)))?;
    Ok(record)
}

/// The record a line spells, read by ron, if it is in the one canonical spelling.
fn parse_spelling(line: &str) -> Result<CompletionRecord, Problem> {
    let record: CompletionRecord = match options().from_str(line) {
        Ok(r) => r,
        Err(e) => {
            return Err(match newer_version(line) {
                Some(found) => Problem::NewerVersion { found },
                None => Problem::Unparsable(sanitize(&e.code.to_string(), true)),
            });
        }
    };
    if record.format > FORMAT_VERSION {
        return Err(Problem::NewerVersion {
            found: record.format,
        });
    }
    if record.to_line() != line {
        return Err(Problem::NotCanonical);
    }
    Ok(record)
}
