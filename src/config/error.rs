//! Why the configuration could not be read or written, in the learner's words: where in the
//! file (path:line:column), what is wrong in plain terms, and what to do.

use std::fmt;
use std::path::PathBuf;

use super::{CONFIG_VERSION, IdProblem, MAX_CONFIG_BYTES};
use crate::foreign::NotAFile;
use crate::lang::Lang;
use crate::message::{Bi, Bilingual, IoReason};

/// Why a configuration file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Something that is not a file is at the configuration's name.
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What is there.
        kind: NotAFile,
    },
    /// The file is larger than any real configuration.
    TooLarge {
        /// The file.
        path: PathBuf,
    },
    /// The file is not valid RON, or has a field this version does not know.
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong there.
        problem: ron::Error,
    },
    /// The file was written by a newer version of the program.
    Newer {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
    },
    /// A value in the file is not allowed.
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: Invalid,
    },
    /// The organisation's preinstalled configuration cannot be used; the learner cannot fix
    /// it, IT can.
    Organisation(Box<ConfigError>),
    /// The file could not be written.
    Write {
        /// The file (or its folder).
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// A value the configuration may not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// The file is not UTF-8 text.
    NotUtf8,
    /// `version: 0`.
    VersionZero,
    /// The employee id breaks the id rule (the id as shown, made display-safe).
    EmployeeId(String, IdProblem),
    /// A forvaltning name breaks the record rule: the field, and the rule's words.
    Forvaltning(&'static str, String),
    /// `forvaltninger: []`.
    NoForvaltninger,
    /// The organisation's configuration names a learner.
    LearnerInOrganisation,
}

/// What the learner can do about a file that cannot be read.
const FIX_OR_MOVE: Bi = Bi::new(
    "Ret filen, eller flyt den væk; så stiller bevidst startspørgsmålene igen.",
    "Fix the file, or move it away to answer the first-start questions again.",
);

impl Bilingual for ConfigError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fix = FIX_OR_MOVE.get(lang);
        match self {
            ConfigError::Read { path, source } => {
                let (path, why) = (path.display(), IoReason(source).text(lang));
                lang.write(
                    out,
                    format_args!("{path}: konfigurationen kan ikke læses: {why}."),
                    format_args!("{path}: cannot read the configuration: {why}."),
                )
            }
            ConfigError::NotAFile { path, kind } => {
                let (path, kind) = (path.display(), kind.text(lang));
                lang.write(
                    out,
                    format_args!(
                        "{path}: konfigurationen er {kind}, ikke en fil. Fjern den, eller erstat \
                         den med konfigurationsfilen."
                    ),
                    format_args!(
                        "{path}: the configuration is {kind}, not a file. Remove it, or replace \
                         it with the configuration file."
                    ),
                )
            }
            ConfigError::TooLarge { path } => {
                let path = path.display();
                lang.write(
                    out,
                    format_args!(
                        "{path}: filen er større end {MAX_CONFIG_BYTES} bytes, så den er ikke en \
                         bevidst-konfiguration. Flyt den væk."
                    ),
                    format_args!(
                        "{path}: the file is larger than {MAX_CONFIG_BYTES} bytes, so it is not a \
                         bevidst configuration. Move it away."
                    ),
                )
            }
            ConfigError::Parse {
                path,
                line,
                column,
                problem,
            } => {
                let (path, what) = (path.display(), Syntax(problem).text(lang));
                lang.write(
                    out,
                    format_args!("{path}:{line}:{column}: {what}. {fix}"),
                    format_args!("{path}:{line}:{column}: {what}. {fix}"),
                )
            }
            ConfigError::Newer { path, found } => {
                let path = path.display();
                lang.write(
                    out,
                    format_args!(
                        "{path}: konfigurationen har formatversion {found}, men denne bevidst \
                         læser version {CONFIG_VERSION}; opdatér bevidst."
                    ),
                    format_args!(
                        "{path}: the configuration has format version {found}, but this bevidst \
                         reads version {CONFIG_VERSION}; update bevidst."
                    ),
                )
            }
            ConfigError::Invalid { path, problem } => {
                let (path, what) = (path.display(), problem.text(lang));
                lang.write(
                    out,
                    format_args!("{path}: {what}. {fix}"),
                    format_args!("{path}: {what}. {fix}"),
                )
            }
            ConfigError::Organisation(inner) => {
                inner.write(lang, out)?;
                lang.write(
                    out,
                    format_args!(
                        "\nDin organisation har installeret denne fil til alle på computeren; \
                         kontakt it-supporten."
                    ),
                    format_args!(
                        "\nYour organisation installed this file for everyone on this computer; \
                         contact IT."
                    ),
                )
            }
            ConfigError::Write { path, source } => {
                let (path, why) = (path.display(), IoReason(source).text(lang));
                lang.write(
                    out,
                    format_args!("{path}: konfigurationen kan ikke gemmes: {why}"),
                    format_args!("{path}: cannot save the configuration: {why}"),
                )
            }
        }
    }
}

impl Bilingual for Invalid {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Invalid::NotUtf8 => lang.write(
                out,
                format_args!("filen er ikke UTF-8-tekst; gem den som UTF-8"),
                format_args!("the file is not UTF-8 text; save it as UTF-8"),
            ),
            Invalid::VersionZero => lang.write(
                out,
                format_args!("`version` skal være {CONFIG_VERSION}"),
                format_args!("`version` must be {CONFIG_VERSION}"),
            ),
            Invalid::EmployeeId(id, problem) => {
                let why = match (problem, lang) {
                    (IdProblem::Empty, Lang::Da) => "det er tomt".to_owned(),
                    (IdProblem::Empty, Lang::En) => "it is empty".to_owned(),
                    (IdProblem::TooLong, Lang::Da) => "det er for langt".to_owned(),
                    (IdProblem::TooLong, Lang::En) => "it is too long".to_owned(),
                    (IdProblem::BadChar(c), Lang::Da) => format!("det indeholder {c:?}"),
                    (IdProblem::BadChar(c), Lang::En) => format!("it contains {c:?}"),
                };
                lang.write(
                    out,
                    format_args!(
                        "`employee_id` »{id}« kan ikke bruges ({why}); brug bogstaver, tal, `.`, \
                         `_` og `-`, højst 64 tegn"
                    ),
                    format_args!(
                        "`employee_id` “{id}” is not allowed ({why}); use letters, digits, `.`, \
                         `_` and `-`, at most 64 characters"
                    ),
                )
            }
            Invalid::Forvaltning(field, why) => write!(out, "`{field}`: {why}"),
            Invalid::LearnerInOrganisation => lang.write(
                out,
                format_args!(
                    "organisationens konfiguration nævner en medarbejder; fjern `learner`: hver \
                     medarbejder svarer selv ved første start"
                ),
                format_args!(
                    "the organisation's configuration names a learner; remove `learner`: every \
                     learner gives their own at first start"
                ),
            ),
            Invalid::NoForvaltninger => lang.write(
                out,
                format_args!(
                    "`forvaltninger` er en tom liste; skriv mindst én, eller fjern feltet for at \
                     bruge den indbyggede liste"
                ),
                format_args!(
                    "`forvaltninger` is an empty list; list at least one, or remove the field to \
                     use the built-in list"
                ),
            ),
        }
    }
}

/// The words of [`NOT_A_DATE`] mark a start date that is not a date, so it can be told in
/// Danish too (serde carries a custom error only as text).
pub(super) const NOT_A_DATE: &str = "not a date in the form YYYY-MM-DD: ";

/// A RON syntax or shape problem in plain words.
struct Syntax<'a>(&'a ron::Error);

impl Bilingual for Syntax<'_> {
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per kind of mistake, each a pair of texts"
    )]
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ron::Error as E;
        let list = |names: &[&str]| {
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self.0 {
            E::ExpectedNamedStructLike(_)
            | E::ExpectedStructLike
            | E::ExpectedDifferentStructName { .. }
            | E::ExpectedStructName(_) => lang.write(
                out,
                format_args!(
                    "her skulle der stå `Config(` eller `Learner(`; filen er ikke skrevet som en \
                     bevidst-konfiguration"
                ),
                format_args!(
                    "`Config(` or `Learner(` was expected here; the file is not written as a \
                     bevidst configuration"
                ),
            ),
            E::NoSuchStructField {
                expected, found, ..
            } => {
                let known = list(expected);
                lang.write(
                    out,
                    format_args!(
                        "feltet `{found}` findes ikke (er det stavet forkert?); felterne her er \
                         {known}"
                    ),
                    format_args!(
                        "there is no field `{found}` (is it misspelt?); the fields here are {known}"
                    ),
                )
            }
            E::MissingStructField { field, .. } => lang.write(
                out,
                format_args!("feltet `{field}` mangler"),
                format_args!("the field `{field}` is missing"),
            ),
            E::DuplicateStructField { field, .. } => lang.write(
                out,
                format_args!("feltet `{field}` står der mere end én gang"),
                format_args!("the field `{field}` is there more than once"),
            ),
            E::NoSuchEnumVariant {
                expected, found, ..
            } => {
                let known = list(expected);
                lang.write(
                    out,
                    format_args!("`{found}` kan ikke stå her; skriv en af {known}"),
                    format_args!("`{found}` cannot be here; write one of {known}"),
                )
            }
            E::ExpectedString | E::ExpectedStringEnd => lang.write(
                out,
                format_args!("her skulle der stå en tekst i anførselstegn, fx \"ab12345\""),
                format_args!("a text in double quotes was expected here, e.g. \"ab12345\""),
            ),
            E::ExpectedInteger | E::InvalidIntegerDigit { .. } => lang.write(
                out,
                format_args!("her skulle der stå et helt tal"),
                format_args!("a whole number was expected here"),
            ),
            E::IntegerOutOfBounds => lang.write(
                out,
                format_args!("tallet er for stort"),
                format_args!("the number is too large"),
            ),
            E::ExpectedBoolean => lang.write(
                out,
                format_args!("her skulle der stå true eller false"),
                format_args!("true or false was expected here"),
            ),
            E::ExpectedOption | E::ExpectedOptionEnd => lang.write(
                out,
                format_args!("her skulle der stå `Some(…)` eller `None`"),
                format_args!("`Some(…)` or `None` was expected here"),
            ),
            E::ExpectedArray | E::ExpectedArrayEnd => lang.write(
                out,
                format_args!("her skulle der stå en liste i firkantede parenteser, `[…]`"),
                format_args!("a list in square brackets, `[…]`, was expected here"),
            ),
            E::ExpectedComma => lang.write(
                out,
                format_args!("her mangler et komma"),
                format_args!("a comma is missing here"),
            ),
            E::ExpectedStructLikeEnd => lang.write(
                out,
                format_args!("her mangler en afsluttende parentes `)`, eller et komma"),
                format_args!("a closing parenthesis `)`, or a comma, is missing here"),
            ),
            E::ExpectedIdentifier => lang.write(
                out,
                format_args!("her skulle der stå et feltnavn"),
                format_args!("a field name was expected here"),
            ),
            E::ExpectedMapColon => lang.write(
                out,
                format_args!("her mangler et kolon mellem feltets navn og værdi"),
                format_args!("a colon between the field's name and value is missing here"),
            ),
            E::Eof => lang.write(
                out,
                format_args!("filen slutter for tidligt; mangler der en afsluttende parentes?"),
                format_args!("the file ends too early; is a closing parenthesis missing?"),
            ),
            E::TrailingCharacters => lang.write(
                out,
                format_args!("der står mere efter konfigurationens sidste parentes"),
                format_args!("there is more after the configuration's last parenthesis"),
            ),
            E::UnexpectedChar(c) => lang.write(
                out,
                format_args!("tegnet {c:?} kan ikke stå her"),
                format_args!("the character {c:?} cannot be here"),
            ),
            E::UnclosedBlockComment | E::UnclosedLineComment => lang.write(
                out,
                format_args!("en kommentar slutter ikke"),
                format_args!("a comment is not closed"),
            ),
            E::ExceededRecursionLimit => lang.write(
                out,
                format_args!("filen har flere lag af parenteser, end en konfiguration kan have"),
                format_args!("the file nests deeper than a configuration can"),
            ),
            E::Message(text) if text.starts_with(NOT_A_DATE) => {
                let date = &text[NOT_A_DATE.len()..];
                lang.write(
                    out,
                    format_args!("`{date}` er ikke en dato skrevet som ÅÅÅÅ-MM-DD, fx 2025-08-01"),
                    format_args!("`{date}` is not a date written as YYYY-MM-DD, e.g. 2025-08-01"),
                )
            }
            other => lang.write(
                out,
                format_args!("filen kan ikke læses her ({other})"),
                format_args!("the file cannot be read here ({other})"),
            ),
        }
    }
}

crate::danish_display!(ConfigError, Invalid);
