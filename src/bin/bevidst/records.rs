//! `bevidst verify`, `export` and `history`: the learner's completion log from the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use bevidst::lang::Lang;
use bevidst::record::{self, LearnerLog};
use bevidst::safe_text::sanitize;

use crate::paths::{log_path, shown};

pub(crate) fn verify(files: &[PathBuf]) -> ExitCode {
    let mut all_ok = true;
    for path in files {
        match record::verify_file(path) {
            Ok(outcome) => match (&outcome.bad, outcome.head) {
                (None, Some(head)) => println!(
                    "{}: OK, {} records, head {} (installation {})",
                    shown(path),
                    outcome.records,
                    bevidst::canon::hex(&head.last_hash),
                    head.installation
                ),
                (bad, _) => {
                    all_ok = false;
                    match bad {
                        Some(bad) => println!("{}: {bad}", shown(path)),
                        None => println!("{}: not a log", shown(path)),
                    }
                }
            },
            Err(e) => {
                all_ok = false;
                println!("{}", sanitize(&e.to_string(), true));
            }
        }
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

pub(crate) fn export(out: Option<PathBuf>, lang: Lang) -> ExitCode {
    let Some(log) = log_path(lang) else {
        return ExitCode::from(1);
    };
    if !log.exists() {
        eprintln!(
            "{}: {}",
            shown(&log),
            lang.pick(
                "der er ingen log endnu; intet at eksportere",
                "there is no log yet; nothing to export"
            )
        );
        return ExitCode::from(1);
    }
    let out = match out {
        Some(out) => out,
        None => match record::verify_file(&log) {
            Ok(outcome) => match outcome.head {
                Some(head) => PathBuf::from(record::export_file_name(head.installation)),
                None => PathBuf::from("bevidst-log.ron"),
            },
            Err(e) => {
                eprintln!("{}", sanitize(&e.text(lang), true));
                return ExitCode::from(1);
            }
        },
    };
    match record::export_log(&log, &out) {
        Ok(outcome) => {
            println!(
                "{} {} ({} {})",
                lang.pick("Loggen er skrevet til", "The log was written to"),
                shown(&out),
                outcome.records,
                lang.pick("gennemførelser", "completions")
            );
            if let Some(bad) = outcome.bad {
                eprintln!(
                    "{} {}: {}",
                    lang.pick(
                        "Advarsel: loggen er beskadiget i linje",
                        "Warning: the log is damaged at line"
                    ),
                    bad.line,
                    bad.problem.text(lang)
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", sanitize(&e.text(lang), true));
            ExitCode::from(1)
        }
    }
}

pub(crate) fn history(collect: Option<PathBuf>, lang: Lang) -> ExitCode {
    let Some(path) = log_path(lang) else {
        return ExitCode::from(1);
    };
    if !path.exists() {
        println!(
            "{}",
            lang.pick("Ingen gennemførelser endnu.", "No completions yet.")
        );
        return ExitCode::SUCCESS;
    }
    let (log, notice) = match LearnerLog::open(&path, &mut rand::rng()) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("{}", sanitize(&e.text(lang), true));
            return ExitCode::from(1);
        }
    };
    for message in notice.messages(lang, &path) {
        eprintln!("{message}");
    }
    if log.records().is_empty() {
        println!(
            "{}",
            lang.pick("Ingen gennemførelser endnu.", "No completions yet.")
        );
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
        println!(
            "{when}  {} v{}  {}/{}  {result}  {}",
            a.module,
            a.module_version,
            a.score,
            a.max,
            record::receipt(&r.hash)
        );
    }
    let collect = collect.or_else(|| {
        std::env::var_os("BEVIDST_COLLECT_DIR")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
    });
    if let Some(dir) = collect {
        match log.collect(&dir) {
            Ok(copy) => println!(
                "{} {}",
                lang.pick(
                    "Kopien i samlemappen er opdateret:",
                    "The copy in the collection folder is up to date:"
                ),
                shown(&copy)
            ),
            Err(e) => {
                eprintln!("{}", sanitize(&e.text(lang), true));
                return ExitCode::from(1);
            }
        }
    }
    if log.read_only().is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
