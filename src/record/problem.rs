//! Why a line of a log is not accepted, in words for the learner (Danish or English) and for
//! the security function's `bevidst verify`.

use std::fmt;

use super::encode::MAX_LINE_BYTES;
use super::model::{FORMAT_VERSION, InstallationId};
use crate::lang::Lang;

/// Why a line of a log is not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file is empty.
    Empty,
    /// The first line is not the header of a bevidst completion log.
    NotALog,
    /// The last line is cut off: no line break, or the zero bytes a crash leaves.
    Torn,
    /// A line is longer than any record can be.
    TooLong,
    /// A line is not UTF-8 text.
    NotUtf8,
    /// A line is not a record.
    Unparsable(String),
    /// A line is a record, but not spelled the one way this program writes it.
    NotCanonical,
    /// A record breaks a rule of its fields.
    Invalid(String),
    /// A record's `hash` does not match its content.
    HashMismatch,
    /// A record belongs to another installation than the log's header names.
    OtherInstallation {
        /// The installation the record names.
        found: InstallationId,
    },
    /// A record's sequence number does not follow the previous one.
    SequenceGap {
        /// The number that should have come.
        expected: u64,
        /// The number that came.
        found: u64,
    },
    /// A record's `prev` is not the previous record's hash.
    BrokenLink,
    /// A line was written by a newer bevidst, in a format this one does not know.
    NewerVersion {
        /// The format version of the line.
        found: u32,
    },
    /// The file could not be read to the end.
    Read(String),
}

impl Problem {
    /// The problem in words, in Danish or English.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Empty, Lang::Da) => "filen er tom; den er ikke en bevidst-log".into(),
            (Problem::Empty, Lang::En) => "the file is empty; it is not a bevidst log".into(),
            (Problem::NotALog, Lang::Da) => "første linje er ikke hovedet på en bevidst-log".into(),
            (Problem::NotALog, Lang::En) => {
                "the first line is not the header of a bevidst completion log".into()
            }
            (Problem::Torn, Lang::Da) => {
                "sidste linje er afbrudt (skrevet under et nedbrud eller strømsvigt)".into()
            }
            (Problem::Torn, Lang::En) => {
                "the last line is cut off (written during a crash or power cut)".into()
            }
            (Problem::TooLong, Lang::Da) => {
                format!("linjen er længere end {MAX_LINE_BYTES} bytes; ingen poster er så lange")
            }
            (Problem::TooLong, Lang::En) => {
                format!("the line is longer than {MAX_LINE_BYTES} bytes; no record is that long")
            }
            (Problem::NotUtf8, Lang::Da) => "linjen er ikke UTF-8-tekst".into(),
            (Problem::NotUtf8, Lang::En) => "the line is not UTF-8 text".into(),
            (Problem::Unparsable(why), Lang::Da) => format!("linjen kan ikke læses ({why})"),
            (Problem::Unparsable(why), Lang::En) => {
                format!("the line cannot be read as a record ({why})")
            }
            (Problem::NotCanonical, Lang::Da) => {
                "linjen er ikke skrevet, som bevidst skriver den (den er redigeret)".into()
            }
            (Problem::NotCanonical, Lang::En) => {
                "the line is not spelled the way bevidst writes it (it was edited)".into()
            }
            (Problem::Invalid(why), Lang::Da) => format!("posten er ugyldig: {why}"),
            (Problem::Invalid(why), Lang::En) => format!("the record is not valid: {why}"),
            (Problem::HashMismatch, Lang::Da) => {
                "hashen passer ikke til indholdet (posten er ændret, efter at den blev skrevet)"
                    .into()
            }
            (Problem::HashMismatch, Lang::En) => {
                "hash mismatch: the record was changed after it was written".into()
            }
            (Problem::OtherInstallation { found }, Lang::Da) => {
                format!("posten hører til en anden installation ({found})")
            }
            (Problem::OtherInstallation { found }, Lang::En) => {
                format!("the record belongs to another installation ({found})")
            }
            (Problem::SequenceGap { expected, found }, Lang::Da) => format!(
                "løbenummer {found}, hvor {expected} skulle komme (en post mangler, \
                 er gentaget eller flyttet)"
            ),
            (Problem::SequenceGap { expected, found }, Lang::En) => format!(
                "sequence gap: number {found} where {expected} was expected (a record is \
                 missing, repeated or moved)"
            ),
            (Problem::BrokenLink, Lang::Da) => {
                "brudt kæde: `prev` er ikke hashen af posten før".into()
            }
            (Problem::BrokenLink, Lang::En) => {
                "broken link: `prev` is not the hash of the record before it".into()
            }
            (Problem::NewerVersion { found }, Lang::Da) => format!(
                "skrevet af en nyere bevidst (format {found}, denne kender {FORMAT_VERSION}); \
                 opdatér bevidst"
            ),
            (Problem::NewerVersion { found }, Lang::En) => format!(
                "written by a newer bevidst (format {found}, this one knows \
                 {FORMAT_VERSION}); update bevidst"
            ),
            (Problem::Read(why), Lang::Da) => format!("filen kan ikke læses: {why}"),
            (Problem::Read(why), Lang::En) => format!("the file cannot be read: {why}"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}
