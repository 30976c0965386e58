//! `bevidst handbook` (each section with what rests on it, and each document's review cycle),
//! and the handbook half of `bevidst check`: comparing the sections' text with
//! `reviewed.lock`, and recording reviews with `--reviewed`.

use std::io::Write;
use std::path::{Path, PathBuf};

use bevidst::course::{CourseError, CourseSet};
use bevidst::exit::Exit;
use bevidst::handbook::{lock, render, trace};
use bevidst::lang::Lang;
use clap::{Args, ValueEnum};

use crate::check::with_courses;
use crate::out::{Out, say_err};

/// `bevidst handbook`: the handbook's coverage and review cycle.
#[derive(Args)]
pub struct HandbookArgs {
    dir: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = HandbookFormat::Text)]
    format: HandbookFormat,
    #[arg(long, hide = true, value_name = "DATE")]
    today: Option<jiff::civil::Date>,
}

/// The output formats of `bevidst handbook`.
#[derive(Clone, Copy, ValueEnum)]
pub enum HandbookFormat {
    /// Text for the terminal.
    Text,
    /// Markdown for an auditor or a forum.
    Md,
    /// JSON.
    Json,
}

pub(crate) fn handbook(args: &HandbookArgs, courses: Option<&PathBuf>, lang: Lang) -> Exit {
    with_courses(args.dir.as_ref().or(courses), lang, |set| {
        let today = args.today.unwrap_or_else(|| {
            jiff::Timestamp::now()
                .to_zoned_datetime(bevidst::schedule::copenhagen())
                .date()
        });
        let overview = render::overview(set, today, lang);
        let out = match args.format {
            HandbookFormat::Text => overview.to_text(lang),
            HandbookFormat::Md => overview.to_markdown(lang),
            HandbookFormat::Json => match serde_json::to_string_pretty(&overview) {
                Ok(json) => json + "\n",
                Err(e) => {
                    say_err!("cannot write the overview as JSON: {e}");
                    return Exit::NotOk;
                }
            },
        };
        // A closed pipe (`bevidst handbook | head`) is the reader's choice, not an error.
        let mut stdout = Out::stdout();
        let _ = stdout.write_all(out.as_bytes());
        stdout.finish(Exit::Ok)
    })
}

fn print_errors(errors: &[CourseError]) {
    for e in errors {
        say_err!("{e}");
    }
}

/// The course folder as the user should name it in `bevidst check DIR --reviewed …`.
fn course_dir(set: &CourseSet) -> String {
    set.handbook
        .folder
        .as_deref()
        .and_then(Path::parent)
        .map_or_else(|| "courses".to_owned(), |d| d.display().to_string())
}

/// `--reviewed`: records the current text of the named sections in the handbook's lock file.
/// Returns whether it succeeded (every message already printed).
pub(crate) fn record_reviews(set: &CourseSet, keys: &[String], out: &mut Out<impl Write>) -> bool {
    let Some(folder) = &set.handbook.folder else {
        say_err!(
            "--reviewed: these courses use the handbook built into bevidst, whose review record \
             cannot be changed; run it on a course folder with a handbook/ folder (in the \
             source tree: `bevidst check courses --reviewed …`)"
        );
        return false;
    };
    let mut lock = match lock::read(&set.handbook) {
        Ok(lock) => lock,
        Err(errors) => {
            print_errors(&errors);
            return false;
        }
    };
    let recorded = match trace::record(&set.handbook, &mut lock, keys) {
        Ok(recorded) => recorded,
        Err(message) => {
            say_err!("{message}");
            return false;
        }
    };
    if let Err(e) = lock::write(folder, &lock) {
        say_err!(
            "cannot write {}: {e}; no review was recorded",
            folder.join(lock::FILE).display()
        );
        return false;
    }
    for key in recorded {
        out.line(format_args!("recorded the review of {key}"));
    }
    true
}

/// Compares the handbook with its lock: prints what must be reviewed (stderr) and the
/// sections nothing teaches or tests (stdout, as information). Returns the review as JSON
/// for `--format json` and whether it is clean, or `None` when the lock cannot be read.
pub(crate) fn review(
    set: &CourseSet,
    print_text: bool,
    out: &mut Out<impl Write>,
) -> Option<(serde_json::Value, bool)> {
    let lock = match lock::read(&set.handbook) {
        Ok(lock) => lock,
        Err(errors) => {
            print_errors(&errors);
            return None;
        }
    };
    let review = trace::review(set, &lock);
    if print_text {
        let _ = write!(out, "{}", review.info_text());
        let _ = write!(
            std::io::stderr(),
            "{}",
            review.to_review_text(&course_dir(set))
        );
        if !review.is_clean() {
            say_err!(
                "{} handbook section(s) to review; nothing was changed",
                review.to_review.len()
            );
        }
    }
    Some((review.to_json(), review.is_clean()))
}
