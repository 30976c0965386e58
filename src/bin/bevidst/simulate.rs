//! Arguments and dispatch of `bevidst simulate`.

use std::path::PathBuf;

use bevidst::course::CourseSet;
use bevidst::exit::Exit;
use bevidst::simulate::{self, SimConfig};
use clap::Args;

use crate::out::say_err;
use crate::report::threads;

/// `bevidst simulate`: write a realistic collection for tests and benchmarks.
#[derive(Args)]
pub struct SimulateArgs {
    /// Headcount (kept constant through turnover).
    #[arg(long, default_value_t = 1000)]
    learners: usize,
    /// Years of history.
    #[arg(long, default_value_t = 2)]
    years: u32,
    /// Seed of everything random.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The folder to write the logs into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Also write a roster CSV of those employed at the end.
    #[arg(long, value_name = "FILE")]
    roster: Option<PathBuf>,
    /// The end of the simulated period, RFC 3339 (default: now).
    #[arg(long, value_name = "TIME")]
    end: Option<jiff::Timestamp>,
    /// Use the synthetic course set (as the benchmark does) instead of the bundled courses.
    #[arg(long)]
    synthetic: bool,
}

/// Runs `bevidst simulate`.
pub fn simulate(args: &SimulateArgs, courses: &CourseSet) -> Exit {
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
        Ok(s) => say_err!("{s} in {}", args.out.display()),
        Err(e) => {
            say_err!("{e}");
            return Exit::NoReport;
        }
    }
    if let Some(path) = &args.roster {
        match bevidst::report::roster::write_roster(path, &simulate::roster(&cfg)) {
            Ok(n) => say_err!("{n} employees in the roster {}", path.display()),
            Err(e) => {
                say_err!("{e}");
                return Exit::NoReport;
            }
        }
    }
    Exit::Ok
}
