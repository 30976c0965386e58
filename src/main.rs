//! The `bevidst` command: argument parsing and dispatch only.

use std::path::PathBuf;
use std::process::ExitCode;

use bevidst::course::{self, CourseError, CourseSet};
use clap::{Parser, Subcommand, ValueEnum};

/// IT-security training for the employees of Københavns Kommune, and follow-up for its
/// IT-security function.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Use the course files in this folder instead of the bundled courses.
    #[arg(long, global = true, value_name = "DIR")]
    courses: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate course files and print a summary (every error, with its file, line and column).
    Check {
        /// The folder of course files (default: the bundled courses, or --courses).
        dir: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn load_courses(dir: Option<&PathBuf>) -> Result<CourseSet, Vec<CourseError>> {
    match dir {
        Some(dir) => course::load_dir(dir),
        None => course::bundled(),
    }
}

fn check(dir: Option<&PathBuf>, format: Format) -> ExitCode {
    let result = load_courses(dir);
    let summary = course::summarize(&result);
    match format {
        Format::Json => match serde_json::to_string_pretty(&summary) {
            Ok(json) => println!("{json}"),
            Err(e) => eprintln!("cannot write the summary as JSON: {e}"),
        },
        Format::Text => match &result {
            Ok(_) => print!("{}", summary.to_text()),
            Err(errors) => {
                for e in errors {
                    eprintln!("{e}");
                }
                eprintln!("{} error(s); nothing was changed", errors.len());
            }
        },
    }
    if summary.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { dir, format }) => {
            check(dir.as_ref().or(cli.courses.as_ref()), format)
        }
        None => {
            eprintln!("the learner interface is not built yet; try `bevidst check`");
            ExitCode::from(2)
        }
    }
}
