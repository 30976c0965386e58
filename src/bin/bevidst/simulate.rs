//! Arguments and dispatch of `bevidst simulate`.

use std::path::{Path, PathBuf};

use bevidst::course::CourseSet;
use bevidst::exit::Exit;
use bevidst::simulate::{self, SimConfig};
use clap::Args;

use bevidst::lang::Lang;
use bevidst::message::Bilingual as _;

use crate::out::say_err;
use crate::report::threads;
use crate::said::Said;

/// `bevidst simulate`: write a realistic collection for tests and benchmarks.
#[derive(Args)]
pub struct SimulateArgs {
    #[arg(long, default_value_t = 1000)]
    learners: usize,
    #[arg(long, default_value_t = 2)]
    years: u32,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    #[arg(long, value_name = "FILE")]
    roster: Option<PathBuf>,
    #[arg(long, value_name = "TIME")]
    end: Option<jiff::Timestamp>,
    #[arg(long)]
    synthetic: bool,
}

/// Runs `bevidst simulate`.
pub fn simulate(args: &SimulateArgs, courses: &CourseSet, lang: Lang) -> Exit {
    if let Some(why) = not_empty(&args.out, lang) {
        let out = args.out.display();
        say_err!(
            "{}",
            match lang {
                Lang::Da => format!(
                    "{out}: {why}; simulate skriver en ny samling i en ny eller tom mappe (vælg en anden --out)"
                ),
                Lang::En => format!(
                    "{out}: {why}; simulate writes a new collection into a new or empty folder (choose another --out)"
                ),
            }
        );
        return Exit::NoReport;
    }
    let synthetic;
    let set = if args.synthetic {
        match simulate::courses::synthetic_courses(simulate::courses::Shape::default()) {
            Ok(s) => {
                synthetic = s;
                &synthetic
            }
            Err(errors) => {
                for e in errors {
                    say_err!("{e}");
                }
                return Exit::NoReport;
            }
        }
    } else {
        courses
    };
    let cfg = SimConfig {
        learners: args.learners,
        years: args.years,
        seed: args.seed,
        end: args.end.unwrap_or_else(jiff::Timestamp::now).as_second(),
        threads: threads(None),
    };
    match simulate::simulate(set, &cfg, &args.out) {
        Ok(s) => say_err!("{}", Said::Simulated(&s, &args.out).in_lang(lang)),
        Err(e) => {
            say_err!("{}", e.in_lang(lang));
            return Exit::NoReport;
        }
    }
    if let Some(path) = &args.roster {
        match bevidst::report::roster::write_roster(path, &simulate::roster(&cfg)) {
            Ok(n) => say_err!("{}", Said::RosterWritten(n, path).in_lang(lang)),
            Err(e) => {
                say_err!("{e}");
                return Exit::NoReport;
            }
        }
    }
    Exit::Ok
}

/// Why `dir` cannot take a new collection: it holds something already, or is no folder. A
/// missing folder is fine (it is created).
fn not_empty(dir: &Path, lang: Lang) -> Option<String> {
    // Asked first, not read from `read_dir`'s error: Windows says "invalid name" (or "the
    // directory name is invalid") when asked to list a file, not "not a directory".
    if std::fs::metadata(dir).is_ok_and(|m| !m.is_dir()) {
        return Some(
            lang.pick("det er ikke en mappe", "it is not a folder")
                .to_owned(),
        );
    }
    match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_some().then(|| {
            lang.pick("mappen er ikke tom", "the folder is not empty")
                .to_owned()
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => Some(match lang {
            Lang::Da => format!(
                "mappen kan ikke læses ({})",
                bevidst::message::IoReason(&e).text(lang)
            ),
            Lang::En => format!(
                "the folder cannot be read ({})",
                bevidst::message::IoReason(&e).text(lang)
            ),
        }),
    }
}
