//! When this installation first saw each module version. A new version of a module sends the
//! learner through it again, with a grace period that runs from the day the version came into
//! use (`schedule::Rules::version_since`). Course files carry no date, so the learner's
//! program notes the day it first met each version, in `versions.ron` beside the log.
//!
//! Format (version 1): `(format: 1, modules: {"adgang": (version: 2, since: "2026-11-28")})`.
//! The file is derived data: if it is damaged it is left as it is, no dates are used (an old
//! pass then counts until it expires, as the schedule documents), and the learner is told.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::course::CourseSet;
use crate::lang::Lang;

/// The file's name in the data folder.
pub const SEEN_FILE: &str = "versions.ron";
const FORMAT: u32 = 1;
/// Larger files are not read (a real one is a line per module); only a regular file is.
const MAX_SEEN_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeenFile {
    format: u32,
    modules: BTreeMap<String, Seen>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Seen {
    version: u32,
    since: String,
}

/// Per module id, the day its current version came into use, as last noted; reads only (for
/// `bevidst status`, which must not write). A missing or damaged file gives no dates.
pub fn read(data_dir: &Path, courses: &CourseSet) -> BTreeMap<String, Date> {
    crate::foreign::read_text(&data_dir.join(SEEN_FILE), MAX_SEEN_BYTES)
        .ok()
        .and_then(|text| ron::from_str::<SeenFile>(&text).ok())
        .filter(|f| f.format == FORMAT)
        .map(|f| current_since(&f, courses))
        .unwrap_or_default()
}

fn current_since(file: &SeenFile, courses: &CourseSet) -> BTreeMap<String, Date> {
    courses
        .modules
        .iter()
        .filter_map(|l| {
            let seen = file.modules.get(&l.module.id)?;
            let date = seen.since.parse::<Date>().ok()?;
            (seen.version == l.module.version).then(|| (l.module.id.clone(), date))
        })
        .collect()
}

/// Notes today as the first day of every module version not seen before, saves the file if
/// anything changed, and returns, per module id, the day its current version came into use.
/// The second value is a message for the learner when the file could not be read or written.
pub fn update(
    data_dir: &Path,
    courses: &CourseSet,
    today: Date,
    lang: Lang,
) -> (BTreeMap<String, Date>, Option<String>) {
    let path = data_dir.join(SEEN_FILE);
    let mut file = match crate::foreign::read_text(&path, MAX_SEEN_BYTES) {
        Ok(text) => match ron::from_str::<SeenFile>(&text) {
            Ok(f) if f.format == FORMAT => f,
            _ => return (BTreeMap::new(), Some(damaged(lang, &path))),
        },
        Err(e) if e.is_missing() => SeenFile {
            format: FORMAT,
            modules: BTreeMap::new(),
        },
        Err(_) => return (BTreeMap::new(), Some(damaged(lang, &path))),
    };
    let mut changed = false;
    for m in courses.modules.iter().map(|l| &l.module) {
        let entry = file.modules.get(&m.id);
        if entry.is_none_or(|seen| seen.version < m.version) {
            file.modules.insert(
                m.id.clone(),
                Seen {
                    version: m.version,
                    since: today.to_string(),
                },
            );
            changed = true;
        }
    }
    let since = current_since(&file, courses);
    let mut note = None;
    if changed {
        let written = ron::to_string(&file)
            .map_err(std::io::Error::other)
            .and_then(|text| crate::fsutil::write_private(&path, text.as_bytes()));
        if written.is_err() {
            note = Some(match lang {
                Lang::Da => format!(
                    "Kunne ikke gemme {}. Nye versioner af moduler får derfor ingen frist endnu.",
                    path.display()
                ),
                Lang::En => format!(
                    "Could not save {}. New module versions therefore get no deadline yet.",
                    path.display()
                ),
            });
        }
    }
    (since, note)
}

fn damaged(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Da => format!(
            "Filen {} kan ikke læses, så nye versioner af moduler får ingen frist. Filen er ikke \
             ændret; kontakt it-supporten, hvis beskeden bliver ved.",
            path.display()
        ),
        Lang::En => format!(
            "The file {} cannot be read, so new module versions get no deadline. The file was \
             not changed; contact IT support if this message persists.",
            path.display()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::{CourseSet, parse_module};

    fn set(version: u32) -> CourseSet {
        let src = include_str!("../../tests/fixtures/valid/eksempel.ron")
            .replace("version: 1,", &format!("version: {version},"));
        let loaded = parse_module("eksempel.ron", src.as_bytes()).expect("valid fixture");
        CourseSet {
            modules: vec![loaded],
            ..CourseSet::default()
        }
    }

    #[test]
    fn a_version_keeps_the_day_it_was_first_seen_and_a_new_one_gets_today() {
        let dir = tempfile::tempdir().expect("temp dir");
        let day1 = jiff::civil::date(2026, 1, 10);
        let day2 = jiff::civil::date(2026, 3, 5);
        let (since, note) = update(dir.path(), &set(1), day1, Lang::Da);
        assert_eq!((since.get("eksempel"), note), (Some(&day1), None));
        let (since, _) = update(dir.path(), &set(1), day2, Lang::Da);
        assert_eq!(
            since.get("eksempel"),
            Some(&day1),
            "same version: first day kept"
        );
        let (since, _) = update(dir.path(), &set(2), day2, Lang::Da);
        assert_eq!(since.get("eksempel"), Some(&day2), "new version: today");
        assert_eq!(
            read(dir.path(), &set(2)),
            since,
            "reading alone gives the same dates"
        );
        assert!(
            read(dir.path(), &set(3)).is_empty(),
            "a version not yet noted has no date"
        );
    }

    #[test]
    fn a_damaged_file_is_left_alone_and_reported() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(SEEN_FILE);
        std::fs::write(&path, "not ron at all").expect("write");
        let (since, note) = update(dir.path(), &set(1), jiff::civil::date(2026, 1, 1), Lang::En);
        assert!(since.is_empty());
        assert!(note.is_some_and(|n| n.contains("cannot be read")));
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "not ron at all"
        );
    }
}
