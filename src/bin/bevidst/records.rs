//! `bevidst verify`, `export` and `history`: the learner's completion log from the command line.

use std::io::{IsTerminal as _, Write};
use std::path::{Path, PathBuf};

use bevidst::app::my_results;
use bevidst::attempt::FinishedAttempt;
use bevidst::course::CourseSet;
use bevidst::exit::Exit;
use bevidst::lang::Lang;
use bevidst::record::{self, LearnerLog, RecordError};
use bevidst::report::model::ProblemKind;
use bevidst::report::read::list_files;
use bevidst::safe_text::sanitize;
use bevidst::verdict::CourseIndex;

use crate::out::{Out, say_err};
use crate::paths::{log_path, session_paths, shown};
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

/// `bevidst export`: the learner's log for hand-in, as Unix tools write: to standard output
/// with `--out -` or when standard output is not a terminal (`bevidst export > log.ron`), else
/// into a file, which is not replaced without `--force`. Messages go to standard error, so
/// they never mix with the log.
pub(crate) fn export(out_path: Option<PathBuf>, force: bool, lang: Lang) -> Exit {
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
        Some(p) if p.as_os_str() == "-" => return export_to_stdout(&log, lang),
        Some(p) => p,
        None if !std::io::stdout().is_terminal() => return export_to_stdout(&log, lang),
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
    // Checked before writing: the export replaces the file atomically, which never fails on
    // an existing one.
    if !force && target.symlink_metadata().is_ok() {
        say_err!(
            "{}: {}",
            shown(&target),
            lang.pick(
                "findes allerede og er ikke ændret; vælg en anden fil med --out, eller brug --force for at erstatte den",
                "already exists and was not changed; choose another file with --out, or use --force to replace it"
            )
        );
        return Exit::NotOk;
    }
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
    say_err!(
        "{} {} ({} {})",
        lang.pick("Loggen er skrevet til", "The log was written to"),
        shown(&target),
        outcome.records,
        lang.pick("gennemførelser", "completions")
    );
    warn_if_damaged(&outcome, lang);
    Exit::Ok
}

/// The log on standard output; a closed pipe ends it quietly, a full disk is exit 74.
fn export_to_stdout(log: &Path, lang: Lang) -> Exit {
    let mut out = Out::stdout();
    match record::export_log_to(log, &mut out) {
        Ok(outcome) => {
            warn_if_damaged(&outcome, lang);
            out.finish(Exit::Ok)
        }
        Err(e) => {
            // A failed write is said by `finish` (once); anything else here.
            let exit = out.finish(Exit::NotOk);
            if exit != Exit::Output {
                say_err!("{}", sanitize(&e.text(lang), true));
            }
            exit
        }
    }
}

/// Warns on stderr when the exported log is damaged (it is exported all the same, for IT).
fn warn_if_damaged(outcome: &record::VerifyOutcome, lang: Lang) {
    if let Some(bad) = &outcome.bad {
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
}

/// `bevidst history`: the learner's completions, newest first, by module title, with the
/// verdict's word on each (an attempt that does not count says so and why) and its receipt:
/// the lines of »Mine resultater« (`app::my_results`), judged on the course set the program
/// uses.
pub(crate) fn history(collect: Option<PathBuf>, courses: Option<&PathBuf>, lang: Lang) -> Exit {
    let Some(path) = log_path(lang) else {
        return Exit::NotOk;
    };
    let mut out = Out::stdout();
    if !path.exists() {
        out.line(lang.pick("Ingen gennemførelser endnu.", "No completions yet."));
        return out.finish(Exit::Ok);
    }
    let Some(set) = learner_courses(courses, lang) else {
        return Exit::NotOk;
    };
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
    let history: Vec<FinishedAttempt> = log.records().iter().map(|r| r.attempt.clone()).collect();
    let receipts: Vec<Option<String>> = log
        .records()
        .iter()
        .map(|r| Some(record::receipt(&r.hash)))
        .collect();
    let judge = CourseIndex::for_learner(&set, &history);
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(bevidst::schedule::copenhagen())
        .date();
    let tz = jiff::tz::TimeZone::system();
    for past in my_results::attempts(&set, &judge, &history, &receipts, today, lang) {
        let a = past.attempt;
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
        out.line(format_args!(
            "{when}  {}  {}",
            past.title,
            past.outcome(lang)
        ));
        if let Some(why) = past.why_not_counted(lang) {
            out.line(format_args!("{:18}{}", "", sanitize(&why, true)));
        }
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

/// The course set the learner's program uses (`--courses`, the configured folder, or the
/// bundled courses), or `None` after saying why it cannot be read.
fn learner_courses(courses: Option<&PathBuf>, lang: Lang) -> Option<CourseSet> {
    let paths = session_paths(courses, lang)?;
    let config = match bevidst::config::load(&paths.config_dir) {
        Ok(c) => c,
        Err(e) => {
            say_err!("{}", sanitize(&e.text(lang), false));
            return None;
        }
    };
    match bevidst::app::session::courses(&paths, &config) {
        Ok(set) => Some(set),
        Err(errors) => {
            for e in &errors {
                say_err!("{}", sanitize(&e.to_string(), false));
            }
            say_err!(
                "{}",
                lang.pick(
                    "kursusfilerne har fejl; ret dem (se `bevidst check`), og prøv igen",
                    "the course set has errors; fix them (see `bevidst check`) and try again"
                )
            );
            None
        }
    }
}
