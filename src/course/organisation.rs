//! The organisation profile: what only the municipality knows (where to report an incident,
//! its secure-mail solution, its data protection officer, where the handbook is on the
//! intranet …), in one file the security function edits, `courses/organisation.ron`.
//!
//! Course text refers to a value by placeholder, `{{name}}`, in any Danish or English text.
//! Loading a module replaces each placeholder with the profile's value in the same language
//! (Danish where the value has no English), before the layout is normalised and the content
//! hash is taken: the hash therefore covers what the learner reads. A placeholder the profile
//! does not define is an error at its line and column. Values the municipality has not yet
//! confirmed are marked `example: true`, and `bevidst check` lists them.
//!
//! The format:
//!
//! ```ron
//! Organisation(
//!     name: (da: "Københavns Kommune", en: "the City of Copenhagen"),
//!     values: {
//!         "indberetning": Value(
//!             about: "Det ene sted, man anmelder en hændelse",
//!             text: (da: "it-supporten", en: "IT support"),
//!         ),
//!         "sikker_mail": Value(
//!             about: "Løsningen til sikker mail",
//!             text: (da: "kommunens løsning til sikker mail"),
//!             example: true,
//!         ),
//!     },
//! )
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use super::Text;
use super::error::CourseError;
use super::load::read_ron;
use super::locate::Locator;
use crate::lang::Lang;

/// The profile's file name in a course folder; it is not a module.
pub const FILE: &str = "organisation.ron";
/// The longest placeholder name, in characters.
const MAX_NAME: usize = 40;

/// An organisation profile: its name and the values course text refers to.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The organisation's name.
    pub name: Option<Text>,
    /// Each value by its placeholder name.
    pub values: BTreeMap<String, Value>,
}

/// One value of the profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Value {
    /// What the value is, for the people who edit the profile.
    pub about: String,
    /// The text that replaces the placeholder.
    pub text: Text,
    /// Whether this is an example that the municipality must replace with its real value.
    #[serde(default)]
    pub example: bool,
}

/// A placeholder as it stands in a file: its name and byte offset of its `{{`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// The name between the braces.
    pub name: String,
    /// Byte offset of the opening braces in the source.
    pub offset: usize,
}

/// A placeholder that cannot stand: unclosed, or a name outside `[a-z0-9_]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    /// Byte offset of the opening braces.
    pub offset: usize,
    /// What is wrong, in words an author can act on.
    pub message: String,
}

/// Every `{{name}}` in `src`, in order, and every malformed one.
pub fn scan(src: &str) -> (Vec<Placeholder>, Vec<Malformed>) {
    let mut found = Vec::new();
    let mut bad = Vec::new();
    let mut rest = 0;
    while let Some(start) = src[rest..].find("{{").map(|i| rest + i) {
        let inner = start + 2;
        let Some(len) = src[inner..].find("}}") else {
            bad.push(Malformed {
                offset: start,
                message: "`{{` starts a placeholder but no `}}` closes it".into(),
            });
            break;
        };
        let name = &src[inner..inner + len];
        if is_valid_name(name) {
            found.push(Placeholder {
                name: name.to_owned(),
                offset: start,
            });
        } else {
            bad.push(Malformed {
                offset: start,
                message: format!(
                    "`{{{{{name}}}}}` is not a placeholder name; a name is 1 to {MAX_NAME} characters from a–z, 0–9 and _"
                ),
            });
        }
        rest = inner + len + 2;
    }
    (found, bad)
}

fn is_valid_name(name: &str) -> bool {
    (1..=MAX_NAME).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

impl Organisation {
    /// Reads and checks a profile file: RON errors located as for course files, a value that
    /// is empty or itself holds a placeholder is an error at its name.
    pub fn parse(name: &str, bytes: &[u8]) -> Result<Organisation, Vec<CourseError>> {
        let (org, src): (Organisation, &str) = read_ron(name, bytes)?;
        let loc = Locator::new(src);
        let mut errors = Vec::new();
        for (key, value) in &org.values {
            let at = loc.string(key, 0).map(|o| loc.line_col(o)).or(Some((1, 1)));
            let mut problem = |message: String| {
                errors.push(CourseError {
                    path: name.to_owned(),
                    position: at,
                    message,
                });
            };
            if !is_valid_name(key) {
                problem(format!(
                    "\"{key}\" is not a placeholder name; a name is 1 to {MAX_NAME} characters from a–z, 0–9 and _"
                ));
            }
            for (lang, text) in value.text.parts() {
                if text.trim().is_empty() {
                    problem(format!(
                        "the {lang} text of \"{key}\" is empty; write the value"
                    ));
                }
                if text.contains("{{") || text.contains("}}") {
                    problem(format!(
                        "the {lang} text of \"{key}\" holds `{{{{` or `}}}}`; a value cannot refer to another"
                    ));
                }
                if let Some((_, c, why)) = crate::safe_text::first_forbidden(text) {
                    problem(format!(
                        "the {lang} text of \"{key}\" holds {why}, U+{:04X}; remove it",
                        u32::from(c)
                    ));
                }
            }
        }
        errors.sort_by_key(|e| e.position);
        if errors.is_empty() {
            Ok(org)
        } else {
            Err(errors)
        }
    }

    /// The value of `name` in `lang`, if the profile defines it.
    pub fn get(&self, name: &str, lang: Lang) -> Option<&str> {
        self.values.get(name).map(|v| v.text.get(lang))
    }

    /// `text` with every defined placeholder replaced by its value in `lang`; undefined ones
    /// are left as they are (loading has refused them already).
    pub fn fill(&self, text: &str, lang: Lang) -> String {
        let (found, _) = scan(text);
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for p in found {
            if let Some(value) = self.get(&p.name, lang) {
                out.push_str(&text[copied..p.offset]);
                out.push_str(value);
                copied = p.offset + p.name.len() + 4;
            }
        }
        out.push_str(&text[copied..]);
        out
    }

    /// Replaces the placeholders of both languages of `text`.
    pub(crate) fn fill_text(&self, text: &mut Text) {
        text.da = self.fill(&text.da, Lang::Da);
        text.en = text.en.as_deref().map(|en| self.fill(en, Lang::En));
    }

    /// The names of the values marked as examples.
    pub fn examples(&self) -> impl Iterator<Item = &str> {
        self.values
            .iter()
            .filter(|(_, v)| v.example)
            .map(|(k, _)| k.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Organisation {
        Organisation::parse(
            "organisation.ron",
            br#"Organisation(values: {
                "indberetning": Value(about: "x", text: (da: "it-supporten", en: "IT support")),
                "dpo": Value(about: "y", text: (da: "DPO-en"), example: true),
            })"#,
        )
        .expect("a valid profile")
    }

    #[test]
    fn placeholders_are_filled_per_language_with_danish_as_fallback() {
        let org = profile();
        assert_eq!(
            org.fill("Ring til {{indberetning}} eller {{dpo}}.", Lang::Da),
            "Ring til it-supporten eller DPO-en."
        );
        assert_eq!(
            org.fill("Call {{indberetning}} or {{dpo}}.", Lang::En),
            "Call IT support or DPO-en."
        );
        assert_eq!(
            org.fill("{{ukendt}} bliver stående", Lang::Da),
            "{{ukendt}} bliver stående"
        );
        assert_eq!(org.examples().collect::<Vec<_>>(), vec!["dpo"]);
    }

    #[test]
    fn scanning_finds_names_offsets_and_malformed_braces() {
        let (found, bad) = scan("a {{x_1}} b {{Æ}} c {{open");
        assert_eq!(
            found,
            vec![Placeholder {
                name: "x_1".into(),
                offset: 2
            }]
        );
        assert_eq!(bad.len(), 2);
        assert!(bad[0].message.contains("not a placeholder name"), "{bad:?}");
        assert!(bad[1].message.contains("no `}}` closes it"), "{bad:?}");
    }

    #[test]
    fn a_value_that_refers_to_another_or_is_empty_is_refused() {
        let errors = Organisation::parse(
            "organisation.ron",
            br#"Organisation(values: {
                "a": Value(about: "x", text: (da: "se {{b}}")),
                "b": Value(about: "x", text: (da: " ")),
            })"#,
        )
        .expect_err("two bad values");
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 2, "{text:?}");
        assert!(text[0].contains("organisation.ron:2:"), "{text:?}");
        assert!(text[0].contains("cannot refer to another"), "{text:?}");
        assert!(text[1].contains("is empty"), "{text:?}");
    }
}
