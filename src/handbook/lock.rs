//! The hash of a section's text, and `reviewed.lock`: per section, the hash of the text the
//! courses were last reviewed against. `bevidst check` compares the two and lists what must be
//! looked at; `bevidst check DIR --reviewed DOC:SECTION` records a review.
//!
//! The section hash is SHA-256 over the canonical encoding of `crate::canon`: the domain tag
//! `bevidst-handbook-section-v1\0`, then the section's Danish title and its text, each with
//! every run of white space collapsed to one space and trimmed (so re-wrapping a paragraph or
//! re-indenting the file changes nothing, and changing one word changes the hash).
//!
//! The lock file, `reviewed.lock` beside the handbook's documents, is UTF-8 text, one item a
//! line; blank lines and lines starting with `#` are comments:
//!
//! ```text
//! bevidst-reviewed-lock 1
//! politik:1.1 <64 lower-case hex digits>
//! politik:1.2 <…>
//! ```
//!
//! The first line names the format and its version; a newer version is refused. Then one line
//! per section, `DOCUMENT:NUMBER`, one space, the hash; each section at most once, sorted.
//! bevidst writes the file itself (temporary file, then rename); hand edits are not needed.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use super::{Citation, Handbook, Section};
use crate::canon::{CanonHasher, Digest32, hex, parse_hex32};
use crate::course::CourseError;

/// The lock file's name, in the handbook folder.
pub const FILE: &str = "reviewed.lock";
/// The format version this program writes and reads.
pub const FORMAT_VERSION: u32 = 1;
const MAGIC: &str = "bevidst-reviewed-lock";

/// The hash of a section's words (its Danish title and text, white space collapsed).
pub fn section_hash(section: &Section) -> Digest32 {
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut h = CanonHasher::new(b"bevidst-handbook-section-v1\0");
    h.str(&words(&section.title.da)).str(&words(&section.text));
    h.finish()
}

/// Per section (`politik:1.7`), the hash of the text the courses were last reviewed against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewLock {
    /// The recorded hashes by section key.
    pub entries: BTreeMap<String, Digest32>,
}

impl ReviewLock {
    /// Reads a lock file's text; `name` is used in error messages.
    pub fn parse(name: &str, text: &str) -> Result<ReviewLock, Vec<CourseError>> {
        let mut lock = ReviewLock::default();
        let mut errors = Vec::new();
        let mut header = false;
        for (i, line) in text.lines().enumerate() {
            let at = |column: usize, message: String| CourseError {
                path: name.to_owned(),
                position: Some((i + 1, column)),
                message,
            };
            let line = line.trim_end();
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !header {
                header = true;
                match line
                    .strip_prefix(MAGIC)
                    .map(str::trim)
                    .map(str::parse::<u32>)
                {
                    Some(Ok(FORMAT_VERSION)) => continue,
                    Some(Ok(v)) if v > FORMAT_VERSION => {
                        return Err(vec![at(
                            1,
                            format!(
                                "the lock file is format {v}, written by a newer bevidst; this \
                                 one reads format {FORMAT_VERSION}; use the newer bevidst"
                            ),
                        )]);
                    }
                    _ => {
                        return Err(vec![at(
                            1,
                            format!(
                                "the lock file must start with `{MAGIC} {FORMAT_VERSION}`; \
                                 delete it and record the reviews again with --reviewed"
                            ),
                        )]);
                    }
                }
            }
            let parsed = line
                .split_once(' ')
                .and_then(|(key, h)| Some((key, parse_hex32(h.trim())?)))
                .filter(|(key, _)| key.contains(':'));
            match parsed {
                Some((key, hash)) => {
                    if lock.entries.insert(key.to_owned(), hash).is_some() {
                        errors.push(at(
                            1,
                            format!("`{key}` is in the lock file twice; keep the last line"),
                        ));
                    }
                }
                None => errors.push(at(
                    1,
                    "expected `DOCUMENT:SECTION <64 hex digits>`; record the review again \
                     with --reviewed"
                        .into(),
                )),
            }
        }
        if errors.is_empty() {
            Ok(lock)
        } else {
            Err(errors)
        }
    }

    /// The file's text, entries sorted.
    pub fn to_text(&self) -> String {
        let mut out = String::from(
            "# The handbook sections the lessons and questions were last reviewed against: per\n\
             # section the SHA-256 of its words. Written by `bevidst check DIR --reviewed\n\
             # DOC:SECTION`; see courses/README.md.\n",
        );
        let _ = writeln!(out, "{MAGIC} {FORMAT_VERSION}");
        for (key, hash) in &self.entries {
            let _ = writeln!(out, "{key} {}", hex(hash));
        }
        out
    }

    /// The hash recorded for a section, if any.
    pub fn get(&self, citation: Citation) -> Option<&Digest32> {
        self.entries.get(&citation.to_string())
    }

    /// Records the current text of a section as reviewed.
    pub fn record(&mut self, citation: Citation, section: &Section) {
        self.entries
            .insert(citation.to_string(), section_hash(section));
    }

    /// Keys of sections the handbook no longer has.
    pub fn stale<'a>(&'a self, handbook: &'a Handbook) -> impl Iterator<Item = &'a str> + 'a {
        self.entries
            .keys()
            .filter(|k| handbook.resolve(k).is_none())
            .map(String::as_str)
    }
}

/// The lock of a handbook: `reviewed.lock` in its folder, or the bundled one. A missing file
/// is an empty lock (every section is then new).
pub fn read(handbook: &Handbook) -> Result<ReviewLock, Vec<CourseError>> {
    match &handbook.folder {
        Some(folder) => {
            let path = folder.join(FILE);
            let name = path.display().to_string();
            match std::fs::read_to_string(&path) {
                Ok(text) => ReviewLock::parse(&name, &text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ReviewLock::default()),
                Err(e) => Err(vec![CourseError::whole(
                    name,
                    format!("cannot read the lock file: {e}"),
                )]),
            }
        }
        None => match super::load::bundled_lock() {
            Some((name, text)) => ReviewLock::parse(name, text),
            None => Ok(ReviewLock::default()),
        },
    }
}

/// Writes the lock into a handbook folder, all or nothing.
pub fn write(folder: &Path, lock: &ReviewLock) -> std::io::Result<()> {
    crate::fsutil::write_atomic(
        &folder.join(FILE),
        lock.to_text().as_bytes(),
        crate::fsutil::Access::Folder,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::Text;

    fn section(text: &str) -> Section {
        Section {
            number: "1.7".into(),
            title: Text {
                da: "It-beredskab".into(),
                en: None,
            },
            text: text.into(),
        }
    }

    #[test]
    fn the_hash_ignores_layout_and_sees_every_word() {
        let a = section_hash(&section("Der skal udarbejdes\n\n  beredskabsplaner."));
        let b = section_hash(&section("Der skal udarbejdes beredskabsplaner."));
        let c = section_hash(&section("Der kan udarbejdes beredskabsplaner."));
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn a_lock_round_trips_and_refuses_what_it_cannot_read() {
        let mut lock = ReviewLock::default();
        lock.record(Citation::parse("1.7"), &section("x"));
        lock.record(Citation::parse("regulativ:2.1"), &section("y"));
        let text = lock.to_text();
        assert_eq!(ReviewLock::parse("reviewed.lock", &text), Ok(lock));

        let newer = "bevidst-reviewed-lock 2\n";
        let e = ReviewLock::parse("reviewed.lock", newer).expect_err("a newer format");
        assert!(e[0].to_string().contains("newer bevidst"), "{}", e[0]);
        let bad = format!("{MAGIC} 1\npolitik:1.7 abc\n");
        let e = ReviewLock::parse("reviewed.lock", &bad).expect_err("a short hash");
        assert!(e[0].to_string().starts_with("reviewed.lock:2:1: expected"));
    }
}
