//! The report's memory between runs: the anchors (the heads it accepted, so a rewritten log is
//! caught), the anchor memory (so a lost anchor file is noticed) and the cache.

use std::path::{Path, PathBuf};

use super::{Paths, RunError, Settings};
use crate::course::CourseSet;
use crate::lang::Lang;
use crate::record;
use crate::report::aggregate;
use crate::report::anchors::{AnchorError, AnchorMemory, Anchors};
use crate::report::cache::{self, ReportCache};
use crate::report::model::{Problem, ProblemKind};
use crate::verdict::CourseIndex;

/// What the report remembers from its earlier runs.
pub(super) struct Remembered<'p> {
    pub anchors: Anchors,
    pub memory: Option<(&'p PathBuf, AnchorMemory)>,
    pub index: CourseIndex,
    pub cache: ReportCache,
}

/// Reads the anchors, the anchor memory and the cache of the run that began at `started`.
pub(super) fn remember<'p>(
    paths: &'p Paths,
    courses: &CourseSet,
    settings: &Settings,
    started: i64,
) -> Result<Remembered<'p>, RunError> {
    let anchors = Anchors::load(&paths.anchors)?;
    let memory = match &paths.memory {
        Some(m) => Some((m, AnchorMemory::load(m)?)),
        None => None,
    };
    let index = CourseIndex::new(courses, &anchors.versions);
    let cache = ReportCache::open(
        &cache::cache_path(&paths.anchors),
        cache::fingerprint(&index, aggregate::before_until(settings.now.as_second())),
        started,
    );
    Ok(Remembered {
        anchors,
        memory,
        index,
        cache,
    })
}

/// Brings the anchors up to date with the heads read this run and saves them, and notes in the
/// anchor memory how many there are; the error saving them, if any.
pub(super) fn keep_anchors(
    paths: &Paths,
    mut anchors: Anchors,
    mut memory: Option<(&PathBuf, AnchorMemory)>,
    heads: Vec<(record::Head, Option<String>)>,
    index: &CourseIndex,
) -> Option<AnchorError> {
    let mut changed = false;
    for (head, file) in heads {
        changed |= anchors.advance(head, file);
    }
    let versions = index.known_versions();
    changed |= anchors.versions != versions;
    anchors.versions = versions;
    // An anchor file that would be written as it is stays as it is (a re-run over an
    // unchanged collection writes nothing).
    let mut anchor_error = if changed || !paths.anchors.exists() {
        anchors.save(&paths.anchors).err()
    } else {
        None
    };
    if anchor_error.is_none()
        && let Some((path, memory)) = &mut memory
    {
        memory.note(&paths.anchors, anchors.heads.len() as u64);
        anchor_error = memory.save(path).err();
    }
    anchor_error
}

/// The warning that the anchor file lost what it held.
pub(super) fn lost_anchors_problem(path: &Path, held: u64, lang: Lang) -> Problem {
    Problem {
        path: path.display().to_string(),
        line: None,
        kind: ProblemKind::AnchorsMissing,
        message: match lang {
            Lang::Da => format!(
                "ankerfilen havde ankre for {held} logs efter en tidligere kørsel, men nu mangler \
                 den eller er tom. Denne gang kan omskrevne logs ikke opdages. Genskab filen fra \
                 en sikkerhedskopi, før rapporten køres igen"
            ),
            Lang::En => format!(
                "the anchor file held anchors for {held} logs after an earlier run, but it is now \
                 missing or empty. This time rewritten logs cannot be detected. Restore the file \
                 from a backup before the report is run again"
            ),
        },
        records: 0,
        who: None,
    }
}
