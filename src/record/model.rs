//! The completion record: one finished attempt (passed or not, `crate::attempt`) as the
//! learner's log stores it, the installation id, and the rules a record's fields keep.
//!
//! A record holds no free text a learner wrote or chose: per question only its id, its area and
//! whether it was answered correctly. The only human-readable field is the forvaltning, and it
//! is limited to letters, digits, spaces and a little punctuation (see [`check_forvaltning`]).

use std::fmt;

use rand::Rng;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::attempt::FinishedAttempt;
use crate::canon::{Digest32, hex};
use crate::course::is_valid_id;

use super::RecordError;

/// The record format this program writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;
/// The program version written into new records.
pub const PROGRAM_VERSION: &str = env!("CARGO_PKG_VERSION");
/// The longest forvaltning name accepted, in characters.
pub const MAX_FORVALTNING_CHARS: usize = 100;
/// The most questions one record may hold (an attempt draws far fewer).
pub const MAX_ANSWERS: usize = 500;
/// Punctuation allowed in a forvaltning name besides letters, digits and spaces.
const FORVALTNING_PUNCTUATION: &str = "-.,&/()";

/// The random id of one installation (one learner's log), made when the log is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InstallationId(pub [u8; 16]);

impl InstallationId {
    /// A fresh random id.
    pub fn random(rng: &mut impl Rng) -> Self {
        let mut bytes = [0u8; 16];
        rng.fill_bytes(&mut bytes);
        InstallationId(bytes)
    }

    /// Parses 32 lower-case hex digits.
    pub fn parse(s: &str) -> Option<Self> {
        if s.len() != 32 || !s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return None;
        }
        let mut out = [0u8; 16];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&s[i * 2..i * 2 + 2], 16).ok()?;
        }
        Some(InstallationId(out))
    }
}

impl fmt::Display for InstallationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex(&self.0))
    }
}

impl Serialize for InstallationId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for InstallationId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        InstallationId::parse(&s).ok_or_else(|| {
            serde::de::Error::custom("an installation id is 32 lower-case hex digits")
        })
    }
}

/// One finished attempt, as one line of the learner's log: the attempt, and the log's chain
/// around it. The line's field order (the attempt's fields flattened in, `program` between
/// `passed` and `answers`) is written and read in `encode.rs`, beside the hash's field order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionRecord {
    /// The record format version ([`FORMAT_VERSION`]).
    pub format: u32,
    /// The installation (log) the record belongs to.
    pub installation: InstallationId,
    /// 1 for the first record of a log, then one more for each record.
    pub seq: u64,
    /// The attempt the record is of.
    pub attempt: FinishedAttempt,
    /// The version of bevidst that wrote the record.
    pub program: String,
    /// The hash of the previous record in the log (32 zero bytes for the first).
    pub prev: Digest32,
    /// SHA-256 over the canonical encoding of every field above (see `encode.rs`).
    pub hash: Digest32,
}

impl CompletionRecord {
    /// Builds and hashes the record of `attempt` that follows `prev` (at sequence `seq`) in a
    /// log.
    pub fn seal(
        attempt: FinishedAttempt,
        installation: InstallationId,
        seq: u64,
        prev: Digest32,
    ) -> Result<Self, RecordError> {
        let mut record = CompletionRecord {
            format: FORMAT_VERSION,
            installation,
            seq,
            attempt,
            program: PROGRAM_VERSION.to_owned(),
            prev,
            hash: [0; 32],
        };
        record.check_fields().map_err(RecordError::InvalidAttempt)?;
        record.hash = record.compute_hash();
        Ok(record)
    }

    /// Checks the rules every record keeps, apart from its hash and its place in the chain.
    pub fn check_fields(&self) -> Result<(), String> {
        self.check_fields_with(&mut CheckedForvaltning::default())
    }

    /// [`Self::check_fields`], with the forvaltning name checked only when it is not the one
    /// `checked` last passed.
    pub(crate) fn check_fields_with(&self, checked: &mut CheckedForvaltning) -> Result<(), String> {
        if self.format != FORMAT_VERSION {
            return Err(format!("format version {} is not 1", self.format));
        }
        if self.seq == 0 {
            return Err("sequence number 0; records count from 1".into());
        }
        let a = &self.attempt;
        if !is_valid_id(&a.learner) {
            return Err(format!(
                "learner id `{}` is not valid; {ID_RULE}",
                a.learner
            ));
        }
        checked.check(&a.forvaltning)?;
        if !is_valid_id(&a.module) {
            return Err(format!("module id `{}` is not valid; {ID_RULE}", a.module));
        }
        if a.module_version == 0 {
            return Err("module version 0; versions start at 1".into());
        }
        if a.finished < a.started {
            return Err(format!(
                "finished ({}) before it started ({})",
                a.finished, a.started
            ));
        }
        if !(1..=64).contains(&self.program.len())
            || !self
                .program
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+'))
        {
            return Err("the program version is not a version number".into());
        }
        if a.answers.is_empty() || a.answers.len() > MAX_ANSWERS {
            return Err(format!(
                "{} questions; a record holds 1–{MAX_ANSWERS}",
                a.answers.len()
            ));
        }
        if usize::try_from(a.max).ok() != Some(a.answers.len()) {
            return Err(format!(
                "the maximum score {} is not the number of questions, {}",
                a.max,
                a.answers.len()
            ));
        }
        let right = a.answers.iter().filter(|q| q.correct).count();
        if usize::try_from(a.score).ok() != Some(right) {
            return Err(format!(
                "the score {} is not the number of correct answers, {right}",
                a.score
            ));
        }
        if let Some(q) = a.answers.iter().find(|q| !is_valid_id(&q.id)) {
            return Err(format!("question id `{}` is not valid; {ID_RULE}", q.id));
        }
        Ok(())
    }
}

/// The last forvaltning name that passed [`check_forvaltning`]. Every line of a log repeats
/// its learner's forvaltning, and checking a name character by character costs a tenth of
/// verifying the whole record, so a log reader checks it again only when it changes.
#[derive(Debug, Default)]
pub(crate) struct CheckedForvaltning(Option<String>);

impl CheckedForvaltning {
    fn check(&mut self, name: &str) -> Result<(), String> {
        if self.0.as_deref() == Some(name) {
            return Ok(());
        }
        check_forvaltning(name)?;
        let kept = self.0.get_or_insert_with(String::new);
        kept.clear();
        kept.push_str(name);
        Ok(())
    }
}

const ID_RULE: &str = "ids are 1–64 characters from A–Z, a–z, 0–9, '.', '_' and '-'";

/// Checks a forvaltning name: 1–100 characters, letters (æ, ø, å and others), digits, single
/// spaces between words and `- . , & / ( )`. The limit keeps the name display-safe and
/// keeps its RON spelling free of escapes, so the canonical line cannot change with the
/// Unicode tables of a later Rust or ron.
pub fn check_forvaltning(name: &str) -> Result<(), String> {
    let chars = name.chars().count();
    if chars == 0 || chars > MAX_FORVALTNING_CHARS {
        return Err(format!(
            "the forvaltning name has {chars} characters; it must have 1–{MAX_FORVALTNING_CHARS}"
        ));
    }
    if name.starts_with(' ') || name.ends_with(' ') || name.contains("  ") {
        return Err(
            "the forvaltning name has spaces at its ends or two in a row; remove them".into(),
        );
    }
    if let Some((_, c, why)) = crate::safe_text::first_forbidden(name) {
        return Err(format!(
            "the forvaltning name contains {why}, U+{:04X}; remove it",
            u32::from(c)
        ));
    }
    let allowed = |c: char| {
        (c.is_alphanumeric() || c == ' ' || FORVALTNING_PUNCTUATION.contains(c))
            && c.escape_debug().eq(std::iter::once(c))
    };
    if let Some(c) = name.chars().find(|&c| !allowed(c)) {
        return Err(format!(
            "the forvaltning name contains '{}' (U+{:04X}); use letters, digits, spaces and \
             {FORVALTNING_PUNCTUATION}",
            c.escape_debug(),
            u32::from(c)
        ));
    }
    Ok(())
}

/// Checks a learner (employee) id: 1–64 characters from `[A-Za-z0-9._-]`.
pub fn check_learner_id(id: &str) -> Result<(), String> {
    if is_valid_id(id) {
        Ok(())
    } else {
        Err(format!(
            "the employee id `{}` is not valid; {ID_RULE}",
            id.escape_debug()
        ))
    }
}
