//! `bevidst check`, and loading the course set for the other commands.

use std::path::PathBuf;
use std::process::ExitCode;

use bevidst::course::{self, CourseError, CourseSet};

use crate::Format;

pub(crate) fn load_courses(dir: Option<&PathBuf>) -> Result<CourseSet, Vec<CourseError>> {
    match dir {
        Some(dir) => course::load_dir(dir),
        None => course::bundled(),
    }
}

pub(crate) fn check(dir: Option<&PathBuf>, format: Format) -> ExitCode {
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

/// Loads the course set (bundled or --courses) and runs `f`, or prints every course error.
pub(crate) fn with_courses(
    dir: Option<&PathBuf>,
    f: impl FnOnce(&CourseSet) -> ExitCode,
) -> ExitCode {
    match load_courses(dir) {
        Ok(set) => f(&set),
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            eprintln!("the course set has errors; fix them (see `bevidst check`) and try again");
            ExitCode::from(2)
        }
    }
}
