//! The `bevidst` command: argument parsing and dispatch only.

use std::path::PathBuf;
use std::process::ExitCode;

use bevidst::lang::Lang;
use clap::{Parser, Subcommand, ValueEnum};

mod check;
mod handbook;
mod learn;
mod paths;
mod records;
mod report;

/// IT-security training for the employees of Københavns Kommune, and follow-up for its
/// IT-security function.
#[derive(Parser)]
#[command(version, about, after_help = LEARN_HELP)]
struct Cli {
    /// Use the course files in this folder instead of the bundled courses.
    #[arg(long, global = true, value_name = "DIR")]
    courses: Option<PathBuf>,
    /// Plain lines on stdout and answers on stdin instead of the full-screen interface, for
    /// screen readers and scripts (chosen by itself without a terminal; see below).
    #[arg(long)]
    plain: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

/// The exit codes of the learner's program, shown under `bevidst --help`.
const LEARN_HELP: &str = "\
Without a subcommand, bevidst runs the learner's program: the full-screen interface in a
terminal, or the plain line mode for screen readers and scripts (docs/plain.md). The plain
mode is used with --plain, when the environment variable BEVIDST_PLAIN is set (to anything
but 0), when TERM=dumb, and when stdout or stdin is not a terminal. Lines are wrapped to
COLUMNS (default 80). Type ? in the plain mode for its commands; the end of the input ends
the program.

Exit codes of the learner's program:
  0  the learner quit, or the input ended with nothing unfinished
  1  the terminal, the output or the input could not be used
  2  the program could not start (configuration, course files or log unreadable)
  3  plain mode: the input ended in the middle of the first-start questions, a quiz, an
     unsaved result or a setting; nothing of it was recorded
  64 the command line could not be understood (every subcommand)";

/// The exit codes of `bevidst status`, shown under `bevidst status --help`.
const STATUS_HELP: &str = "\
Exit codes:
  0  nothing is due
  1  something is due, or bevidst is not set up yet (the onboarding is due)
  2  something is overdue
  3  the status could not be worked out (configuration, course files or log unreadable)
  64 the command line could not be understood (a mistyped option)
Nothing is printed when nothing is due. Example for a login script:
  bevidst status || echo 'Start bevidst to take them.'";

#[derive(Subcommand)]
enum Command {
    /// Validate course files and print a summary (every error, with its file, line and column).
    Check {
        /// The folder of course files (default: the bundled courses, or --courses).
        dir: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Record that what rests on these handbook sections was reviewed against their
        /// current text: DOC:SECTION (politik:1.7), a policy section (1.7), or a document id
        /// for all its sections; repeatable. Writes DIR/handbook/reviewed.lock.
        #[arg(long, value_name = "SECTION")]
        reviewed: Vec<String>,
    },
    /// Each handbook section with the lessons and questions resting on it and their modules,
    /// the sections with nothing, and each document's last revision and next review.
    Handbook(handbook::HandbookArgs),
    /// Verify completion logs: for each, OK with the number of records and the head hash, or
    /// the first bad line and why. Exits 0 only when every log is OK.
    Verify {
        /// The log files (a learner's log.ron, or the copies in a collection folder).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write your completion log to a file for hand-in (default: bevidst-<installation>.ron
    /// in the current folder).
    Export {
        /// Where to write it.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t = LangArg::Da)]
        lang: LangArg,
    },
    /// Your own completions, newest first, with their receipts.
    History {
        /// Also bring the copy in this collection folder up to date (default: the
        /// `BEVIDST_COLLECT_DIR` environment variable, if set).
        #[arg(long, value_name = "DIR")]
        collect: Option<PathBuf>,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t = LangArg::Da)]
        lang: LangArg,
    },
    /// Verify and aggregate a collection folder of completion logs (the IT-security function's
    /// follow-up): dashboard, Markdown, CSV, JSON or xAPI.
    Report(report::ReportArgs),
    /// Write a realistic simulated collection (for tests, demos and benchmarks).
    Simulate(report::SimulateArgs),
    /// One line per module that is due or overdue; the exit code says how pressing it is.
    #[command(after_help = STATUS_HELP)]
    Status {
        /// Language of the lines (default: the one the learner chose).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Count as if today were this date (YYYY-MM-DD), for testing login scripts.
        #[arg(long, hide = true, value_name = "DATE")]
        today: Option<jiff::civil::Date>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Da,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Da => Lang::Da,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// The exit code of a command line that cannot be parsed (`EX_USAGE`): distinct from the
/// 1 and 2 that `bevidst status` uses for "due" and "overdue".
const EXIT_USAGE: u8 = 64;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(EXIT_USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Some(Command::Check {
            dir,
            format,
            reviewed,
        }) => check::check(dir.as_ref().or(cli.courses.as_ref()), format, &reviewed),
        Some(Command::Handbook(args)) => handbook::handbook(&args, cli.courses.as_ref()),
        Some(Command::Verify { files }) => records::verify(&files),
        Some(Command::Export { out, lang }) => records::export(out, lang.into()),
        Some(Command::History { collect, lang }) => records::history(collect, lang.into()),
        Some(Command::Report(args)) => {
            check::with_courses(cli.courses.as_ref(), |set| report::report(&args, set))
        }
        Some(Command::Simulate(args)) => {
            check::with_courses(cli.courses.as_ref(), |set| report::simulate(&args, set))
        }
        Some(Command::Status { lang, today }) => learn::status(cli.courses.as_ref(), lang, today),
        None => learn::learn(cli.courses.as_ref(), cli.plain),
    }
}
