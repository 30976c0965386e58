//! What a run reads besides the logs' content: which files of the collection are logs (the
//! report's own files never are), and the roster.

use std::path::{Path, PathBuf};

use super::{Paths, RunError};
use crate::lang::Lang;
use crate::message::Bilingual as _;
use crate::report::cache;
use crate::report::model::{Problem, ProblemKind};
use crate::report::read;
use crate::report::roster::{Roster, read_roster};

/// The logs to read, their identities as the walk saw them, and the entries not read.
pub(super) type Logs = (Vec<PathBuf>, Vec<cache::FileId>, Vec<Problem>);

/// The files of the collection to read as logs (the report's own files never count as logs,
/// should they live in the collection), with their identities, and the entries not read.
pub(super) fn list_logs(paths: &Paths, lang: Lang) -> Result<Logs, RunError> {
    let (files, walk_problems) =
        read::walk(&paths.collection, lang).map_err(|source| RunError::Collection {
            path: paths.collection.clone(),
            source,
        })?;
    let cache_path = cache::cache_path(&paths.anchors);
    let own: Vec<PathBuf> = [
        &paths.anchors,
        &cache_path,
        &cache_path.with_extension("cache.tmp"),
    ]
    .into_iter()
    .chain(paths.roster.as_ref())
    .filter_map(|p| p.canonicalize().ok())
    .collect();
    // Sized once: tens of thousands of files.
    let (mut logs, mut ids) = (
        Vec::with_capacity(files.len()),
        Vec::with_capacity(files.len()),
    );
    for (f, id) in files.into_iter().filter(|(f, _)| !is_own(f, &own)) {
        logs.push(f);
        ids.push(id);
    }
    Ok((logs, ids, walk_problems))
}

/// Whether `f` is one of the report's own files (canonical paths); only files with the same
/// name are resolved, so the check costs nothing for the logs.
fn is_own(f: &Path, own: &[PathBuf]) -> bool {
    own.iter()
        .any(|o| o.file_name() == f.file_name() && f.canonicalize().is_ok_and(|c| &c == o))
}

/// The roster, its row problems, and the rows accepted and rejected. A roster that cannot be
/// used at all (unreadable, wrong columns) becomes one problem, and the report goes on without.
pub(super) fn load_roster(paths: &Paths, lang: Lang) -> (Option<Roster>, Vec<Problem>, u64, u64) {
    let Some(path) = &paths.roster else {
        return (None, Vec::new(), 0, 0);
    };
    let shown = path.display().to_string();
    match read_roster(path) {
        Ok((roster, rows)) => {
            let rejected = rows.len() as u64;
            let problems = rows
                .into_iter()
                .map(|r| Problem {
                    path: shown.clone(),
                    line: Some(r.line),
                    kind: ProblemKind::Roster,
                    message: format!("{}; the row is left out", r.message),
                    records: 0,
                    who: None,
                })
                .collect();
            let accepted = roster.employees.len() as u64;
            (Some(roster), problems, accepted, rejected)
        }
        Err(e) => (
            None,
            vec![Problem {
                path: shown,
                line: None,
                kind: ProblemKind::Roster,
                message: match lang {
                    Lang::Da => format!(
                        "{}; rapporten er lavet uden medarbejderlisten",
                        e.text(lang)
                    ),
                    Lang::En => format!("{}; the report is made without the roster", e.text(lang)),
                },
                records: 0,
                who: None,
            }],
            0,
            0,
        ),
    }
}
