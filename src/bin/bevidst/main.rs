//! The `bevidst` command: argument parsing and dispatch only.

use std::path::PathBuf;
use std::process::ExitCode;

use bevidst::exit::Exit;
use bevidst::lang::Lang;
use clap::{CommandFactory as _, FromArgMatches as _, Parser, Subcommand, ValueEnum};

mod check;
mod handbook;
mod learn;
mod out;
mod paths;
mod records;
mod report;
mod simulate;

/// IT-security training for the employees of Københavns Kommune, and follow-up for its
/// IT-security function.
#[derive(Parser)]
#[command(version, about)]
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

/// What `bevidst --help` says after the options: the plain mode, and the exit codes (from
/// [`Exit`], where they are defined).
fn learn_help() -> String {
    format!(
        "\
Without a subcommand, bevidst runs the learner's program: the full-screen interface in a
terminal, or the plain line mode for screen readers and scripts (docs/plain.md). The plain
mode is used with --plain, when the environment variable BEVIDST_PLAIN is set (to anything
but 0), when TERM=dumb, and when stdout or stdin is not a terminal. Lines are wrapped to
COLUMNS (default 80). Type ? in the plain mode for its commands; the end of the input ends
the program.

Exit codes of the learner's program:
{}

Exit codes of check, handbook, verify, export, history, report and simulate:
{}
A closed pipe is not an error: the output stops quietly (bevidst verify ... | head -1).",
        Exit::table(&Exit::LEARNER, Lang::En),
        Exit::table(&Exit::COMMANDS, Lang::En)
    )
}

/// What `bevidst status --help` says after the options.
fn status_help() -> String {
    format!(
        "\
Exit codes:
{}
Nothing is printed when nothing is due. Example for a login script:
  bevidst status || echo 'Start bevidst to take them.'",
        Exit::table(&Exit::STATUS, Lang::En)
    )
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
    /// the first bad line and why. A folder verifies every log in it and its subfolders (what
    /// is not a regular file is listed and not opened). Exits 0 only when every log is OK.
    Verify {
        /// The log files (a learner's log.ron, or the copies in a collection folder), or
        /// folders of them.
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
        #[arg(long, value_enum, default_value_t = Lang::Da)]
        lang: Lang,
    },
    /// Your own completions, newest first, with their receipts.
    History {
        /// Also bring the copy in this collection folder up to date (default: the
        /// `BEVIDST_COLLECT_DIR` environment variable, if set).
        #[arg(long, value_name = "DIR")]
        collect: Option<PathBuf>,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t = Lang::Da)]
        lang: Lang,
    },
    /// Verify and aggregate a collection folder of completion logs (the IT-security function's
    /// follow-up): dashboard, Markdown, CSV, JSON or xAPI.
    Report(report::ReportArgs),
    /// Write a realistic simulated collection (for tests, demos and benchmarks).
    Simulate(simulate::SimulateArgs),
    /// One line per module that is due or overdue; the exit code says how pressing it is.
    Status {
        /// Language of the lines (default: the one the learner chose).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
        /// Count as if today were this date (YYYY-MM-DD), for testing login scripts.
        #[arg(long, hide = true, value_name = "DATE")]
        today: Option<jiff::civil::Date>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    ExitCode::from(run().code())
}

fn run() -> Exit {
    let command = Cli::command()
        .after_help(learn_help())
        .mut_subcommand("status", |c| c.after_help(status_help()));
    let parsed = command
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout; a closed pipe there is no error either.
            let _ = e.print();
            return if e.use_stderr() {
                Exit::Usage
            } else {
                Exit::Ok
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
        Some(Command::Export { out, lang }) => records::export(out, lang),
        Some(Command::History { collect, lang }) => records::history(collect, lang),
        Some(Command::Report(args)) => {
            check::with_courses(cli.courses.as_ref(), |set| report::report(&args, set))
        }
        Some(Command::Simulate(args)) => {
            check::with_courses(cli.courses.as_ref(), |set| simulate::simulate(&args, set))
        }
        Some(Command::Status { lang, today }) => learn::status(cli.courses.as_ref(), lang, today),
        None => learn::learn(cli.courses.as_ref(), cli.plain),
    }
}
