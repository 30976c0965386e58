//! Why a line of a log is not accepted, in words for the learner (Danish or English) and for
//! the security function's `bevidst verify`.

use std::fmt;

use super::encode::MAX_LINE_BYTES;
use super::model::{FORMAT_VERSION, InstallationId};
use crate::lang::Lang;
use crate::message::{Bi, Bilingual};

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

impl Bilingual for Problem {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (da, en) = match self {
            Problem::Empty => (
                "filen er tom; den er ikke en bevidst-log",
                "the file is empty; it is not a bevidst log",
            ),
            Problem::NotALog => (
                "første linje er ikke hovedet på en bevidst-log",
                "the first line is not the header of a bevidst completion log",
            ),
            Problem::Torn => (
                "sidste linje er afbrudt (skrevet under et nedbrud eller strømsvigt)",
                "the last line is cut off (written during a crash or power cut)",
            ),
            Problem::TooLong => {
                return lang.write(
                    out,
                    format_args!(
                        "linjen er længere end {MAX_LINE_BYTES} bytes; ingen poster er så lange"
                    ),
                    format_args!(
                        "the line is longer than {MAX_LINE_BYTES} bytes; no record is that long"
                    ),
                );
            }
            Problem::NotUtf8 => ("linjen er ikke UTF-8-tekst", "the line is not UTF-8 text"),
            Problem::Unparsable(why) => {
                return lang.write(
                    out,
                    format_args!("linjen kan ikke læses ({why})"),
                    format_args!("the line cannot be read as a record ({why})"),
                );
            }
            Problem::NotCanonical => (
                "linjen er ikke skrevet, som bevidst skriver den (den er redigeret)",
                "the line is not spelled the way bevidst writes it (it was edited)",
            ),
            Problem::Invalid(why) => {
                return lang.write(
                    out,
                    format_args!("posten er ugyldig: {why}"),
                    format_args!("the record is not valid: {why}"),
                );
            }
            Problem::HashMismatch => (
                "hashen passer ikke til indholdet (posten er ændret, efter at den blev skrevet)",
                "hash mismatch: the record was changed after it was written",
            ),
            Problem::OtherInstallation { found } => {
                return lang.write(
                    out,
                    format_args!("posten hører til en anden installation ({found})"),
                    format_args!("the record belongs to another installation ({found})"),
                );
            }
            Problem::SequenceGap { expected, found } => {
                return lang.write(
                    out,
                    format_args!(
                        "løbenummer {found}, hvor {expected} skulle komme (en post mangler, \
                         er gentaget eller flyttet)"
                    ),
                    format_args!(
                        "sequence gap: number {found} where {expected} was expected (a record is \
                         missing, repeated or moved)"
                    ),
                );
            }
            Problem::BrokenLink => (
                "brudt kæde: `prev` er ikke hashen af posten før",
                "broken link: `prev` is not the hash of the record before it",
            ),
            Problem::NewerVersion { found } => {
                return lang.write(
                    out,
                    format_args!(
                        "skrevet af en nyere bevidst (format {found}, denne kender \
                         {FORMAT_VERSION}); opdatér bevidst"
                    ),
                    format_args!(
                        "written by a newer bevidst (format {found}, this one knows \
                         {FORMAT_VERSION}); update bevidst"
                    ),
                );
            }
            Problem::Read(why) => {
                return lang.write(
                    out,
                    format_args!("filen kan ikke læses: {why}"),
                    format_args!("the file cannot be read: {why}"),
                );
            }
        };
        Bi::new(da, en).write(lang, out)
    }
}

crate::danish_display!(Problem);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::model::InstallationId;

    #[test]
    fn every_problem_is_told_in_both_languages_and_displays_in_danish() {
        let problems = [
            Problem::Empty,
            Problem::NotALog,
            Problem::Torn,
            Problem::TooLong,
            Problem::NotUtf8,
            Problem::Unparsable("x".into()),
            Problem::NotCanonical,
            Problem::Invalid("x".into()),
            Problem::HashMismatch,
            Problem::OtherInstallation {
                found: InstallationId([0; 16]),
            },
            Problem::SequenceGap {
                expected: 2,
                found: 3,
            },
            Problem::BrokenLink,
            Problem::NewerVersion { found: 9 },
            Problem::Read("x".into()),
        ];
        for p in &problems {
            let (da, en) = (p.text(Lang::Da), p.text(Lang::En));
            assert_ne!(da, en, "{p:?}");
            assert_eq!(p.to_string(), da, "{p:?}");
        }
    }
}
