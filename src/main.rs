//! The `bevidst` command: argument parsing and dispatch only.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bevidst::course::{self, CourseError, CourseSet};
use bevidst::lang::Lang;
use bevidst::record::{self, LearnerLog};
use bevidst::safe_text::sanitize;
use clap::{Parser, Subcommand, ValueEnum};

mod report_cli;

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
    },
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
    Report(report_cli::ReportArgs),
    /// Write a realistic simulated collection (for tests, demos and benchmarks).
    Simulate(report_cli::SimulateArgs),
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

/// The learner's data folder: `BEVIDST_DATA_DIR`, or the platform's data directory.
fn data_dir() -> Option<PathBuf> {
    match std::env::var_os("BEVIDST_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("dk", "Kobenhavns Kommune", "bevidst")
            .map(|d| d.data_dir().to_path_buf()),
    }
}

fn log_path(lang: Lang) -> Option<PathBuf> {
    let path = data_dir().map(|d| record::log_path(&d));
    if path.is_none() {
        eprintln!(
            "{}",
            lang.pick(
                "kan ikke finde en datamappe; sæt BEVIDST_DATA_DIR til den mappe, loggen skal ligge i",
                "cannot find a data folder; set BEVIDST_DATA_DIR to the folder the log should live in",
            )
        );
    }
    path
}

fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string(), true)
}

fn verify(files: &[PathBuf]) -> ExitCode {
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

fn export(out: Option<PathBuf>, lang: Lang) -> ExitCode {
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

fn history(collect: Option<PathBuf>, lang: Lang) -> ExitCode {
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
        let when = i64::try_from(r.finished)
            .ok()
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .map_or_else(
                || r.finished.to_string(),
                |t| {
                    t.to_zoned_datetime(tz.clone())
                        .strftime("%Y-%m-%d %H:%M")
                        .to_string()
                },
            );
        let result = match (r.passed, lang) {
            (true, Lang::Da) => "bestået",
            (false, Lang::Da) => "ikke bestået",
            (true, Lang::En) => "passed",
            (false, Lang::En) => "not passed",
        };
        println!(
            "{when}  {} v{}  {}/{}  {result}  {}",
            r.module,
            r.module_version,
            r.score,
            r.max,
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

/// Loads the course set (bundled or --courses) and runs `f`, or prints every course error.
fn with_courses(dir: Option<&PathBuf>, f: impl FnOnce(&CourseSet) -> ExitCode) -> ExitCode {
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

/// The configuration folder: `BEVIDST_CONFIG_DIR`, or the platform's config directory.
fn config_dir() -> Option<PathBuf> {
    match std::env::var_os("BEVIDST_CONFIG_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("dk", "Kobenhavns Kommune", "bevidst")
            .map(|d| d.config_dir().to_path_buf()),
    }
}

/// The login name, offered as the employee id at first start.
fn login_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_default()
}

/// The session's folders from the environment, or a message and `None`.
fn session_paths(courses: Option<&PathBuf>) -> Option<bevidst::app::session::Paths> {
    let (Some(config_dir), Some(data_dir)) = (config_dir(), data_dir()) else {
        eprintln!(
            "cannot find the configuration or data folder; set BEVIDST_CONFIG_DIR and BEVIDST_DATA_DIR"
        );
        return None;
    };
    Some(bevidst::app::session::Paths {
        config_dir,
        data_dir,
        collect_dir: std::env::var_os("BEVIDST_COLLECT_DIR")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from),
        courses: courses.cloned(),
    })
}

/// `bevidst status`: what is due, as of today in Copenhagen (or `--today`).
fn status(
    courses: Option<&PathBuf>,
    lang: Option<LangArg>,
    today: Option<jiff::civil::Date>,
) -> ExitCode {
    let Some(paths) = session_paths(courses) else {
        return ExitCode::from(bevidst::plain::status::EXIT_ERROR);
    };
    let today = today.unwrap_or_else(|| {
        jiff::Timestamp::now()
            .to_zoned_datetime(bevidst::schedule::copenhagen())
            .date()
    });
    let code = bevidst::plain::status::run(
        &paths,
        lang.map(Lang::from),
        today,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code.unwrap_or(bevidst::plain::status::EXIT_ERROR))
}

/// The learner's program on the bundled courses (or `--courses`, or the configured folder):
/// the terminal UI, or the plain line mode when asked for or when there is no terminal.
fn learn(courses: Option<&PathBuf>, plain: bool) -> ExitCode {
    use std::io::IsTerminal as _;
    let plain = bevidst::plain::wanted(
        plain,
        std::env::var("BEVIDST_PLAIN").ok().as_deref(),
        std::env::var("TERM").ok().as_deref(),
        std::io::stdout().is_terminal(),
        std::io::stdin().is_terminal(),
    );
    let Some(paths) = session_paths(courses) else {
        return ExitCode::from(2);
    };
    let started =
        bevidst::app::session::start(&paths, &login_name(), jiff::Timestamp::now(), rand::rng());
    let (mut model, mut services) = match started {
        Ok(session) => session,
        Err(e) => {
            eprintln!("{}", sanitize(&e.to_string(), false));
            return ExitCode::from(2);
        }
    };
    if plain {
        return plain_mode(&mut model, &mut services);
    }
    match bevidst::tui::run(&mut model, &mut services, bevidst::tui::Theme::from_env()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("the terminal could not be used: {e}");
            ExitCode::from(1)
        }
    }
}

/// Runs the plain line mode on stdin and stdout.
fn plain_mode(
    model: &mut bevidst::app::Model,
    services: &mut impl bevidst::app::runtime::Services,
) -> ExitCode {
    use std::io::IsTerminal as _;
    let opts = bevidst::plain::Options {
        width: bevidst::plain::width_from(std::env::var("COLUMNS").ok().as_deref()),
        echo: !std::io::stdin().is_terminal(),
    };
    let stdin = std::io::stdin().lock();
    match bevidst::plain::run(model, services, stdin, &mut std::io::stdout().lock(), opts) {
        Ok(end) => ExitCode::from(end.exit_code()),
        Err(e) => {
            eprintln!("the input or output could not be used: {e}");
            ExitCode::from(bevidst::plain::exit::IO)
        }
    }
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
        Some(Command::Check { dir, format }) => {
            check(dir.as_ref().or(cli.courses.as_ref()), format)
        }
        Some(Command::Verify { files }) => verify(&files),
        Some(Command::Export { out, lang }) => export(out, lang.into()),
        Some(Command::History { collect, lang }) => history(collect, lang.into()),
        Some(Command::Report(args)) => {
            with_courses(cli.courses.as_ref(), |set| report_cli::report(&args, set))
        }
        Some(Command::Simulate(args)) => {
            with_courses(cli.courses.as_ref(), |set| report_cli::simulate(&args, set))
        }
        Some(Command::Status { lang, today }) => status(cli.courses.as_ref(), lang, today),
        None => learn(cli.courses.as_ref(), cli.plain),
    }
}
