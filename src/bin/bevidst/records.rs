//! `bevidst verify`, `export` and `history`: the learner's completion log from the command line.

use std::io::Write;
use std::path::{Path, PathBuf};

use bevidst::exit::Exit;
use bevidst::lang::Lang;
use bevidst::record::{self, LearnerLog, RecordError};
use bevidst::report::model::ProblemKind;
use bevidst::report::read::list_files;
use bevidst::safe_text::sanitize;

use crate::out::{Out, say_err};
use crate::paths::{log_path, shown};
use crate::said::Said;
use bevidst::message::Bilingual as _;

/// `bevidst verify`: each file, or every file in each folder.
pub(crate) fn verify(paths: &[PathBuf], lang: Lang) -> Exit {
    let mut out = Out::stdout();
    let mut all_ok = true;
    for path in paths {
        if path.is_dir() {
            all_ok &= verify_folder(&mut out, path, lang);
        } else {
            all_ok &= verify_one(&mut out, path, lang);
        }
    }
    out.finish(if all_ok { Exit::Ok } else { Exit::NotOk })
}

/// Verifies every regular file under `dir`; lists what is not read, and why.
fn verify_folder(out: &mut Out<impl Write>, dir: &Path, lang: Lang) -> bool {
    let (files, skipped) = match list_files(dir) {
        Ok(listed) => listed,
        Err(e) => {
            out.line(Said::FolderUnreadable(dir, &e).in_lang(lang));
            return false;
        }
    };
    let mut ok = true;
    for p in &skipped {
        // A temporary file of an interrupted copy is no log and no failure; the rest is.
        ok &= matches!(p.kind, ProblemKind::Leftover);
        out.line(format_args!(
            "{}: {}",
            sanitize(&p.path, true),
            sanitize(&p.message, true)
        ));
    }
    if files.is_empty() && skipped.is_empty() {
        out.line(Said::NoLogsInFolder(dir).in_lang(lang));
        return false;
    }
    for f in &files {
        ok &= verify_one(out, f, lang);
    }
    ok
}

/// Verifies one file and says how it went; true when it is a good log.
fn verify_one(out: &mut Out<impl Write>, path: &Path, lang: Lang) -> bool {
    match record::verify_file(path) {
        Ok(outcome) => match (&outcome.bad, outcome.head) {
            (None, Some(head)) => {
                out.line(Said::Verified(path, outcome.records, &head).in_lang(lang));
                true
            }
            (Some(bad), _) => {
                out.line(Said::BadLine(path, bad).in_lang(lang));
                false
            }
            (None, None) => {
                out.line(Said::NotALog(path).in_lang(lang));
                false
            }
        },
        Err(RecordError::Foreign(e)) => {
            out.line(Said::NotOpened(path, &e).in_lang(lang));
            false
        }
        Err(e) => {
            out.line(sanitize(&e.text(lang), true));
            false
        }
    }
}

/// `bevidst export`: the learner's log into a file for hand-in.
pub(crate) fn export(out_path: Option<PathBuf>, lang: Lang) -> Exit {
    let Some(log) = log_path(lang) else {
        return Exit::NotOk;
    };
    if !log.exists() {
        say_err!(
            "{}: {}",
            shown(&log),
            lang.pick(
                "der er ingen log endnu; intet at eksportere",
                "there is no log yet; nothing to export"
            )
        );
        return Exit::NotOk;
    }
    let target = match out_path {
        Some(p) => p,
        None => match record::verify_file(&log) {
            Ok(outcome) => match outcome.head {
                Some(head) => PathBuf::from(record::export_file_name(head.installation)),
                None => PathBuf::from("bevidst-log.ron"),
            },
            Err(e) => {
                say_err!("{}", sanitize(&e.text(lang), true));
                return Exit::NotOk;
            }
        },
    };
    let outcome = match record::export_log(&log, &target) {
        Ok(o) => o,
        Err(e @ RecordError::Io { .. }) => {
            say_err!("{}", sanitize(&e.text(lang), true));
            return Exit::Output;
        }
        Err(e) => {
            say_err!("{}", sanitize(&e.text(lang), true));
            return Exit::NotOk;
        }
    };
    let mut out = Out::stdout();
    out.line(format_args!(
        "{} {} ({} {})",
        lang.pick("Loggen er skrevet til", "The log was written to"),
        shown(&target),
        outcome.records,
        lang.pick("gennemførelser", "completions")
    ));
    if let Some(bad) = outcome.bad {
        say_err!(
            "{} {}: {}",
            lang.pick(
                "Advarsel: loggen er beskadiget i linje",
                "Warning: the log is damaged at line"
            ),
            bad.line,
            bad.problem.text(lang)
        );
    }
    out.finish(Exit::Ok)
}

/// `bevidst history`: the learner's completions, newest first.
pub(crate) fn history(collect: Option<PathBuf>, lang: Lang) -> Exit {
    let Some(path) = log_path(lang) else {
        return Exit::NotOk;
    };
    let mut out = Out::stdout();
    if !path.exists() {
        out.line(lang.pick("Ingen gennemførelser endnu.", "No completions yet."));
        return out.finish(Exit::Ok);
    }
    let (log, notice) = match LearnerLog::open(&path, &mut rand::rng()) {
        Ok(opened) => opened,
        Err(e) => {
            say_err!("{}", sanitize(&e.text(lang), true));
            return Exit::NotOk;
        }
    };
    for message in notice.messages(lang, &path) {
        say_err!("{}", sanitize(&message, false));
    }
    if log.records().is_empty() {
        out.line(lang.pick("Ingen gennemførelser endnu.", "No completions yet."));
    }
    let tz = jiff::tz::TimeZone::system();
    for r in log.records().iter().rev() {
        let a = &r.attempt;
        let when = i64::try_from(a.finished)
            .ok()
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .map_or_else(
                || a.finished.to_string(),
                |t| {
                    t.to_zoned_datetime(tz.clone())
                        .strftime("%Y-%m-%d %H:%M")
                        .to_string()
                },
            );
        let result = match (a.passed, lang) {
            (true, Lang::Da) => "bestået",
            (false, Lang::Da) => "ikke bestået",
            (true, Lang::En) => "passed",
            (false, Lang::En) => "not passed",
        };
        out.line(format_args!(
            "{when}  {} v{}  {}/{}  {result}  {}",
            a.module,
            a.module_version,
            a.score,
            a.max,
            record::receipt(&r.hash)
        ));
    }
    let collect = collect.or_else(|| {
        std::env::var_os("BEVIDST_COLLECT_DIR")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
    });
    let mut exit = if log.read_only().is_some() {
        Exit::NotOk
    } else {
        Exit::Ok
    };
    if let Some(dir) = collect {
        match log.collect(&dir) {
            Ok(copy) => out.line(format_args!(
                "{} {}",
                lang.pick(
                    "Kopien i samlemappen er opdateret:",
                    "The copy in the collection folder is up to date:"
                ),
                shown(&copy)
            )),
            Err(e) => {
                say_err!("{}", sanitize(&e.text(lang), true));
                exit = Exit::NotOk;
            }
        }
    }
    out.finish(exit)
}
