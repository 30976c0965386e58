//! The learner's configuration file: who they are (employee id, forvaltning, start date), the
//! interface language, and what an organisation may set centrally (a collection folder, its own
//! list of forvaltninger, the onboarding deadline, its own course folder, a Learning Record
//! Store to send records to).
//!
//! Format (`config.ron` in the folder the caller names; `main.rs` picks the platform config
//! folder or `BEVIDST_CONFIG_DIR`), version 1:
//!
//! ```ron
//! Config(
//!     version: 1,
//!     language: Da,                       // Da or En
//!     learner: Some(Learner(              // absent until the first start is done
//!         employee_id: "ab12345",         // [A-Za-z0-9._-], 1–64 characters
//!         forvaltning: "Økonomiforvaltningen",
//!         start_date: "2025-08-01",       // ISO 8601 calendar date
//!         role: Employee,                 // Employee or Manager; Employee when absent
//!     )),
//!     collect_dir: None,                  // Some("X:/bevidst") to copy the log there
//!     forvaltninger: None,                // Some(["…", "…"]) replaces the built-in list
//!     onboarding_days: None,              // Some(30): days from start date to onboarding deadline
//!     courses: None,                      // Some("X:/kurser") uses that course folder
//!     lrs: None,                          // Some("https://lrs.example/xAPI/statements"):
//!                                         // also send each record to that LRS
//!     lrs_credentials: None,              // Some("…"): the LRS credentials file, else
//!                                         // `lrs-credentials` in this folder
//! )
//! ```
//!
//! An organisation may preinstall the same format for everyone on a machine; it lies under the
//! learner's file and wins where it must ([`organisation`]).
//!
//! Unknown fields are refused, and a file from a newer program version is refused with a
//! message instead of being misread. Writing is atomic (temporary file, sync, rename), so a
//! crash never leaves half a file.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::course::Role;
use crate::foreign::{self, ForeignError};
use crate::lang::Lang;

mod error;
mod organisation;

pub use self::error::{ConfigError, Invalid};
pub use self::organisation::load_layered;

/// The configuration format version this program reads and writes.
pub const CONFIG_VERSION: u32 = 1;
/// The file name inside the configuration folder.
pub const CONFIG_FILE: &str = "config.ron";
/// The LRS credentials file's name in the configuration folder, when the configuration names
/// no other (`Config::lrs_credentials`).
pub const LRS_CREDENTIALS_FILE: &str = "lrs-credentials";
/// Larger files are refused; a real configuration is a few hundred bytes.
const MAX_CONFIG_BYTES: u64 = 64 * 1024;

/// The forvaltninger of Københavns Kommune, offered at first start unless the configuration
/// replaces the list.
pub const DEFAULT_FORVALTNINGER: [&str; 7] = [
    "Børne- og Ungdomsforvaltningen",
    "Beskæftigelses- og Integrationsforvaltningen",
    "Kultur- og Fritidsforvaltningen",
    "Socialforvaltningen",
    "Sundheds- og Omsorgsforvaltningen",
    "Teknik- og Miljøforvaltningen",
    "Økonomiforvaltningen",
];

/// The whole configuration file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Format version; see [`CONFIG_VERSION`].
    pub version: u32,
    /// The interface language the learner chose.
    #[serde(default)]
    pub language: Lang,
    /// The first-start answers; `None` until the learner has given them.
    #[serde(default)]
    pub learner: Option<Learner>,
    /// A shared folder the learner's log is copied to after each completion.
    #[serde(default)]
    pub collect_dir: Option<PathBuf>,
    /// An organisation's own list of forvaltninger, replacing [`DEFAULT_FORVALTNINGER`].
    #[serde(default)]
    pub forvaltninger: Option<Vec<String>>,
    /// Days from the start date until the onboarding module must be passed.
    #[serde(default)]
    pub onboarding_days: Option<u32>,
    /// A course folder to use instead of the bundled courses (`--courses` wins over it).
    #[serde(default)]
    pub courses: Option<PathBuf>,
    /// The statements resource of a Learning Record Store each record is also sent to
    /// (`crate::app::outbox`); kept as written, checked when the program sends, so a bad
    /// address is a notice, never a program that cannot start.
    #[serde(default)]
    pub lrs: Option<String>,
    /// The file holding the LRS credentials, instead of [`LRS_CREDENTIALS_FILE`] in the
    /// configuration folder. Only its path is here: the credentials never are.
    #[serde(default)]
    pub lrs_credentials: Option<PathBuf>,
    /// The learner's own file as read, when an organisation's configuration lies under it:
    /// what [`save`] writes back (with the learner's language and answers), so no value of the
    /// organisation's is copied into it. Never part of the file.
    #[serde(skip)]
    pub own_file: Option<Box<Config>>,
}

/// Who the learner is, as given at first start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Learner {
    /// The employee id (medarbejdernummer), `[A-Za-z0-9._-]`, 1–64 characters.
    pub employee_id: String,
    /// The learner's forvaltning.
    pub forvaltning: String,
    /// The first working day; deadlines for onboarding count from it.
    #[serde(with = "iso_date")]
    pub start_date: Date,
    /// Whether the learner is a manager (managers' modules are due only for them). Absent in
    /// files written before roles existed, which therefore read as an employee.
    #[serde(default)]
    pub role: Role,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            version: CONFIG_VERSION,
            language: Lang::Da,
            learner: None,
            collect_dir: None,
            forvaltninger: None,
            onboarding_days: None,
            courses: None,
            lrs: None,
            lrs_credentials: None,
            own_file: None,
        }
    }
}

impl Config {
    /// The forvaltninger to offer: the configured list, or the built-in one.
    pub fn forvaltninger(&self) -> Vec<String> {
        match &self.forvaltninger {
            Some(list) if !list.is_empty() => list.clone(),
            _ => DEFAULT_FORVALTNINGER
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        }
    }
}

/// Why an employee id is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    /// Nothing was typed.
    Empty,
    /// More than 64 characters.
    TooLong,
    /// A character outside `[A-Za-z0-9._-]`.
    BadChar(char),
}

/// Checks an employee id against the rule records use: `[A-Za-z0-9._-]`, 1–64 characters.
pub fn check_employee_id(id: &str) -> Result<(), IdProblem> {
    if id.is_empty() {
        return Err(IdProblem::Empty);
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        return Err(IdProblem::BadChar(c));
    }
    if id.len() > 64 {
        return Err(IdProblem::TooLong);
    }
    Ok(())
}

/// The part of a login name that is a valid employee id, as the first-start default.
pub fn id_from_login(login: &str) -> String {
    login
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        .take(64)
        .collect()
}

/// Reads `dir/config.ron`; a missing file is the default configuration (first start).
pub fn load(dir: &Path) -> Result<Config, ConfigError> {
    load_file(dir).map(Option::unwrap_or_default)
}

/// Reads `dir/config.ron`; `None` when there is no such file.
fn load_file(dir: &Path) -> Result<Option<Config>, ConfigError> {
    let path = dir.join(CONFIG_FILE);
    // An organisation may preinstall the file, so it is read like any file bevidst did not
    // create: only a regular file, never a pipe or a device (which would hang the start).
    let bytes = match foreign::read_bytes(&path, MAX_CONFIG_BYTES) {
        Ok(b) => b,
        Err(e) if e.is_missing() => return Ok(None),
        Err(ForeignError::Io { source, .. }) => return Err(ConfigError::Read { path, source }),
        Err(ForeignError::TooLarge { .. }) => return Err(ConfigError::TooLarge { path }),
        Err(ForeignError::NotAFile { kind, .. }) => {
            return Err(ConfigError::NotAFile { path, kind });
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| ConfigError::Invalid {
        path: path.clone(),
        problem: Invalid::NotUtf8,
    })?;
    parse(&path, &text).map(Some)
}

/// The language the configuration in `dir` names, read leniently: a file that is otherwise
/// broken still names its learner's language, so the message about it can be in that
/// language. Danish when there is no file or no language in it.
pub fn language(dir: &Path) -> Lang {
    #[derive(Deserialize)]
    #[serde(rename = "Config")]
    struct LanguageProbe {
        #[serde(default)]
        language: Lang,
    }
    foreign::read_bytes(&dir.join(CONFIG_FILE), MAX_CONFIG_BYTES)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| ron_options().from_str::<LanguageProbe>(&text).ok())
        .map_or(Lang::Da, |probe| probe.language)
}

/// Only the version, read leniently first so a newer file gets a clear message instead of
/// "unknown field".
#[derive(Deserialize)]
#[serde(rename = "Config")]
struct VersionProbe {
    version: u32,
}

fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(16)
}

fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let spanned = |e: ron::error::SpannedError| ConfigError::Parse {
        path: path.to_owned(),
        line: e.span.start.line.max(1),
        column: e.span.start.col.max(1),
        problem: e.code,
    };
    if let Ok(probe) = ron_options().from_str::<VersionProbe>(text)
        && probe.version > CONFIG_VERSION
    {
        return Err(ConfigError::Newer {
            path: path.to_owned(),
            found: probe.version,
        });
    }
    let config: Config = ron_options().from_str(text).map_err(spanned)?;
    let invalid = |problem: Invalid| ConfigError::Invalid {
        path: path.to_owned(),
        problem,
    };
    if config.version == 0 {
        return Err(invalid(Invalid::VersionZero));
    }
    if let Some(learner) = &config.learner {
        if let Err(problem) = check_employee_id(&learner.employee_id) {
            let shown = crate::safe_text::sanitize(&learner.employee_id, true);
            return Err(invalid(Invalid::EmployeeId(shown, problem)));
        }
        if let Err(why) = crate::record::check_forvaltning(&learner.forvaltning) {
            return Err(invalid(Invalid::Forvaltning("forvaltning", why)));
        }
    }
    if let Some(list) = &config.forvaltninger {
        if list.is_empty() {
            return Err(invalid(Invalid::NoForvaltninger));
        }
        for name in list {
            if let Err(why) = crate::record::check_forvaltning(name) {
                let shown = crate::safe_text::sanitize(name, true);
                return Err(invalid(Invalid::Forvaltning(
                    "forvaltninger",
                    format!("{shown:?}: {why}"),
                )));
            }
        }
    }
    Ok(config)
}

/// Writes `dir/config.ron` atomically: a temporary file in the same folder, synced, then
/// renamed over the old one. Creates the folder if needed. The file names the learner, so it
/// is readable by them only (0600, a new folder 0700, on Unix). Only the learner's own part is
/// written: nothing that came from the organisation's configuration.
pub fn save(dir: &Path, config: &Config) -> Result<(), ConfigError> {
    let config = &organisation::own_part(config);
    let path = dir.join(CONFIG_FILE);
    let write_err = |path: &Path| {
        let path = path.to_owned();
        move |source| ConfigError::Write { path, source }
    };
    crate::fsutil::create_private_dir(dir).map_err(write_err(dir))?;
    let pretty = ron::ser::PrettyConfig::new().struct_names(true);
    let body = ron::ser::to_string_pretty(config, pretty).map_err(|e| ConfigError::Write {
        path: path.clone(),
        source: std::io::Error::other(e.to_string()),
    })?;
    let text = format!(
        "// bevidst configuration, format version {CONFIG_VERSION}. Written by the program; you may edit it.\n{body}\n"
    );
    crate::fsutil::write_private(&path, text.as_bytes()).map_err(write_err(&path))?;
    Ok(())
}

/// Dates as ISO 8601 strings (`2025-08-01`), readable and hand-editable.
mod iso_date {
    use jiff::civil::Date;
    use serde::{Deserialize as _, Deserializer, Serializer, de::Error as _};

    #[expect(
        clippy::trivially_copy_pass_by_ref,
        reason = "serde's `with` passes a reference"
    )]
    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse::<Date>()
            .map_err(|_| D::Error::custom(format!("{}{s}", super::error::NOT_A_DATE)))
    }
}

#[cfg(test)]
mod tests;
