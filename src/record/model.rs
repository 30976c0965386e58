//! The completion record: one finished attempt (passed or not) as the learner's log stores it,
//! the draft the quiz hands over, the installation id, and the rules a record's fields keep.
//!
//! A record holds no free text a learner wrote or chose: per question only its id, its area and
//! whether it was answered correctly. The only human-readable field is the forvaltning, and it
//! is limited to letters, digits, spaces and a little punctuation (see [`check_forvaltning`]).

use std::fmt;

use rand::Rng;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::canon::{Digest32, hex, parse_hex32};
use crate::course::{LoadedModule, is_valid_id};
use crate::policy::Area;
use crate::quiz::{Attempt, Outcome};

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

/// Serde for a SHA-256 digest as 64 hex digits (the canonical check insists on lower case).
mod hex32 {
    use super::{Deserialize, Deserializer, Digest32, Serializer, hex, parse_hex32};

    pub fn serialize<S: Serializer>(d: &Digest32, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex(d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Digest32, D::Error> {
        let s = String::deserialize(d)?;
        parse_hex32(&s).ok_or_else(|| serde::de::Error::custom("a hash is 64 hex digits"))
    }
}

/// How one question of the attempt went. Holds no text of the question or of the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerResult {
    /// The question's id in the course.
    pub id: String,
    /// The question's area (policy 1.3).
    pub area: Area,
    /// Whether it was answered correctly.
    pub correct: bool,
}

/// Everything the quiz knows about a finished attempt; the log adds the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordDraft {
    /// The learner's employee id.
    pub learner: String,
    /// The learner's forvaltning.
    pub forvaltning: String,
    /// The module's id.
    pub module: String,
    /// The module's version.
    pub module_version: u32,
    /// The module's content hash ([`LoadedModule::hash`]).
    pub content_hash: Digest32,
    /// When the attempt started, UTC seconds since 1970.
    pub started: u64,
    /// When it finished, UTC seconds since 1970.
    pub finished: u64,
    /// Questions answered correctly.
    pub score: u32,
    /// Questions asked.
    pub max: u32,
    /// Whether the score reached the pass mark.
    pub passed: bool,
    /// Per question asked, in the order asked.
    pub answers: Vec<AnswerResult>,
}

impl RecordDraft {
    /// The draft for a scored attempt of `module`.
    pub fn from_attempt(
        module: &LoadedModule,
        attempt: &Attempt,
        outcome: &Outcome,
        learner: &str,
        forvaltning: &str,
        started: u64,
        finished: u64,
    ) -> Self {
        let answers = attempt
            .items
            .iter()
            .zip(&outcome.correct)
            .filter_map(|(item, &correct)| {
                let q = module.module.questions.get(item.question)?;
                Some(AnswerResult {
                    id: q.id.clone(),
                    area: q.area,
                    correct,
                })
            })
            .collect();
        RecordDraft {
            learner: learner.to_owned(),
            forvaltning: forvaltning.to_owned(),
            module: module.module.id.clone(),
            module_version: module.module.version,
            content_hash: module.hash,
            started,
            finished,
            score: outcome.score,
            max: outcome.max,
            passed: outcome.passed,
            answers,
        }
    }
}

/// One finished attempt, as one line of the learner's log. Field order here is the order of
/// the RON line; the hash's field order is documented in `encode.rs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompletionRecord {
    /// The record format version ([`FORMAT_VERSION`]).
    pub format: u32,
    /// The installation (log) the record belongs to.
    pub installation: InstallationId,
    /// 1 for the first record of a log, then one more for each record.
    pub seq: u64,
    /// The learner's employee id.
    pub learner: String,
    /// The learner's forvaltning.
    pub forvaltning: String,
    /// The module's id.
    pub module: String,
    /// The module's version.
    pub module_version: u32,
    /// The module's content hash.
    #[serde(with = "hex32")]
    pub content_hash: Digest32,
    /// When the attempt started, UTC seconds since 1970.
    pub started: u64,
    /// When it finished, UTC seconds since 1970.
    pub finished: u64,
    /// Questions answered correctly.
    pub score: u32,
    /// Questions asked.
    pub max: u32,
    /// Whether the score reached the pass mark.
    pub passed: bool,
    /// The version of bevidst that wrote the record.
    pub program: String,
    /// Per question asked, in the order asked.
    pub answers: Vec<AnswerResult>,
    /// The hash of the previous record in the log (32 zero bytes for the first).
    #[serde(with = "hex32")]
    pub prev: Digest32,
    /// SHA-256 over the canonical encoding of every field above (see `encode.rs`).
    #[serde(with = "hex32")]
    pub hash: Digest32,
}

impl CompletionRecord {
    /// Builds and hashes the record that follows `prev` (at sequence `seq`) in a log.
    pub fn seal(
        draft: RecordDraft,
        installation: InstallationId,
        seq: u64,
        prev: Digest32,
    ) -> Result<Self, RecordError> {
        let mut record = CompletionRecord {
            format: FORMAT_VERSION,
            installation,
            seq,
            learner: draft.learner,
            forvaltning: draft.forvaltning,
            module: draft.module,
            module_version: draft.module_version,
            content_hash: draft.content_hash,
            started: draft.started,
            finished: draft.finished,
            score: draft.score,
            max: draft.max,
            passed: draft.passed,
            program: PROGRAM_VERSION.to_owned(),
            answers: draft.answers,
            prev,
            hash: [0; 32],
        };
        record.check_fields().map_err(RecordError::InvalidDraft)?;
        record.hash = record.compute_hash();
        Ok(record)
    }

    /// Checks the rules every record keeps, apart from its hash and its place in the chain.
    pub fn check_fields(&self) -> Result<(), String> {
        if self.format != FORMAT_VERSION {
            return Err(format!("format version {} is not 1", self.format));
        }
        if self.seq == 0 {
            return Err("sequence number 0; records count from 1".into());
        }
        if !is_valid_id(&self.learner) {
            return Err(format!(
                "learner id `{}` is not valid; {ID_RULE}",
                self.learner
            ));
        }
        check_forvaltning(&self.forvaltning)?;
        if !is_valid_id(&self.module) {
            return Err(format!(
                "module id `{}` is not valid; {ID_RULE}",
                self.module
            ));
        }
        if self.module_version == 0 {
            return Err("module version 0; versions start at 1".into());
        }
        if self.finished < self.started {
            return Err(format!(
                "finished ({}) before it started ({})",
                self.finished, self.started
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
        if self.answers.is_empty() || self.answers.len() > MAX_ANSWERS {
            return Err(format!(
                "{} questions; a record holds 1–{MAX_ANSWERS}",
                self.answers.len()
            ));
        }
        if usize::try_from(self.max).ok() != Some(self.answers.len()) {
            return Err(format!(
                "the maximum score {} is not the number of questions, {}",
                self.max,
                self.answers.len()
            ));
        }
        let right = self.answers.iter().filter(|a| a.correct).count();
        if usize::try_from(self.score).ok() != Some(right) {
            return Err(format!(
                "the score {} is not the number of correct answers, {right}",
                self.score
            ));
        }
        if let Some(a) = self.answers.iter().find(|a| !is_valid_id(&a.id)) {
            return Err(format!("question id `{}` is not valid; {ID_RULE}", a.id));
        }
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
