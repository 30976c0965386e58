//! Arguments and dispatch of `bevidst simulate`.

use std::path::PathBuf;

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
