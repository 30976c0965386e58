//! Arguments and dispatch of `bevidst report` and `bevidst simulate`.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;

use bevidst::course::CourseSet;
use bevidst::lang::Lang;
use bevidst::report::privacy::{
    DEFAULT_MIN_GROUP, MIN_MIN_GROUP, Pseudonymizer, load_or_create_key,
};
use bevidst::report::read::XapiSink;
use bevidst::report::render::xapi::{DEFAULT_HOME_PAGE, XapiOptions, XapiWriter};
use bevidst::report::render::{csv as csv_out, followup, json, markdown};
use bevidst::report::{self, Paths, Settings};
use bevidst::schedule::Rules;
use bevidst::simulate::{self, SimConfig};
use clap::{Args, ValueEnum};

/// `bevidst report`: verify and aggregate a collection folder.
#[derive(Args)]
pub struct ReportArgs {
    /// The collection folder (subfolders are read too).
    dir: PathBuf,
    /// A CSV of employees (medarbejder, forvaltning, startdato) to show who never started.
    #[arg(long, value_name = "FILE")]
    roster: Option<PathBuf>,
    /// The report's anchor file (default: in the report's data folder).
    #[arg(long, value_name = "FILE")]
    anchors: Option<PathBuf>,
    /// The pseudonym key for xAPI (default: in the report's data folder; created once).
    #[arg(long, value_name = "FILE")]
    key: Option<PathBuf>,
    /// The smallest group shown; smaller ones are withheld (at least 3).
    #[arg(long, default_value_t = DEFAULT_MIN_GROUP, value_parser = clap::value_parser!(u32).range(i64::from(MIN_MIN_GROUP)..))]
    min_group: u32,
    /// Days from the start date to the onboarding deadline.
    #[arg(long, value_name = "DAYS")]
    onboarding_days: Option<u32>,
    /// Output format (default: the dashboard on a terminal, Markdown otherwise).
    #[arg(long, value_enum)]
    format: Option<ReportFormat>,
    /// Where to write: a file (md, json, xapi) or a folder of one CSV per table (csv; without
    /// it, one long table goes to standard output).
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Language of the report.
    #[arg(long, value_enum, default_value_t = LangChoice::Da)]
    lang: LangChoice,
    /// The report's moment, RFC 3339 (default: now); for reproducible reports.
    #[arg(long, value_name = "TIME")]
    now: Option<jiff::Timestamp>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// The xAPI account home page and activity base; the default is a placeholder.
    #[arg(long, value_name = "URL", default_value = DEFAULT_HOME_PAGE)]
    xapi_home_page: String,
    /// Also write the follow-up lists (who is overdue, never started, not accepted, and which
    /// files have problems) to FILE: personal data, created readable by you alone.
    #[arg(long, value_name = "FILE")]
    followup: Option<PathBuf>,
}

/// Output formats of `bevidst report`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// The dashboard in the terminal.
    Tui,
    /// Markdown for the forums.
    Md,
    /// CSV for spreadsheets.
    Csv,
    /// JSON (aggregate tables; names no one).
    Json,
    /// xAPI statements for the LMS (pseudonyms).
    Xapi,
}

/// A language choice.
#[derive(Clone, Copy, ValueEnum)]
pub enum LangChoice {
    /// Dansk.
    Da,
    /// English.
    En,
}

impl From<LangChoice> for Lang {
    fn from(l: LangChoice) -> Lang {
        match l {
            LangChoice::Da => Lang::Da,
            LangChoice::En => Lang::En,
        }
    }
}

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

fn threads(n: Option<usize>) -> usize {
    n.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from))
        .max(1)
}

/// The report's data folder: `BEVIDST_DATA_DIR/report` or the platform's data folder.
fn report_dir() -> PathBuf {
    let base = match std::env::var_os("BEVIDST_DATA_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => directories::ProjectDirs::from("dk", "Kobenhavns Kommune", "bevidst")
            .map_or_else(|| PathBuf::from("."), |d| d.data_dir().to_path_buf()),
    };
    base.join("report")
}

/// Runs `bevidst report`.
pub fn report(args: &ReportArgs, courses: &CourseSet) -> ExitCode {
    let lang: Lang = args.lang.into();
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        ReportFormat::Tui
    } else {
        ReportFormat::Md
    });
    let paths = Paths {
        collection: args.dir.clone(),
        roster: args.roster.clone(),
        anchors: args
            .anchors
            .clone()
            .unwrap_or_else(|| report_dir().join("anchors.txt")),
    };
    let mut rules = Rules::default();
    if let Some(d) = args.onboarding_days {
        rules.onboarding_days = d;
    }
    let settings = Settings {
        min_group: args.min_group,
        rules,
        now: args.now.unwrap_or_else(jiff::Timestamp::now),
        lang,
    };
    let needs_key = matches!(format, ReportFormat::Xapi);
    let pseudo = if needs_key {
        let key_path = args
            .key
            .clone()
            .unwrap_or_else(|| report_dir().join("report.key"));
        match load_or_create_key(&key_path, &mut rand::rng()) {
            Ok(k) => Some(Pseudonymizer::new(k)),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    } else {
        None
    };
    let xapi = match xapi_sink(format, pseudo.as_ref(), args) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let out = match report::run(
        &paths,
        courses,
        &settings,
        threads(args.threads),
        xapi.as_ref(),
    ) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if let Some(e) = &out.anchor_error {
        eprintln!("{e}; the report is complete, but the next run cannot check these logs' history");
    }
    let r = &out.report;
    let written = render(format, r, args, lang, xapi);
    if let Err(e) = written {
        return fail(args.out.as_deref(), &e);
    }
    if let Some(path) = &args.followup
        && let Err(e) = followup::write(&out.followup, lang, path)
    {
        return fail(Some(path), &e);
    }
    let c = &r.counts;
    eprintln!(
        "{}",
        match lang {
            Lang::Da => format!(
                "{} filer og {} poster læst: {} talt med, {} afvist ({} problemer).",
                c.files_read,
                c.records_read,
                c.records_counted,
                c.records_rejected,
                out.followup.problems.len()
            ),
            Lang::En => format!(
                "{} files and {} records read: {} counted, {} rejected ({} problems).",
                c.files_read,
                c.records_read,
                c.records_counted,
                c.records_rejected,
                out.followup.problems.len()
            ),
        }
    );
    ExitCode::SUCCESS
}

/// The xAPI output, when the format is xAPI.
fn xapi_sink(
    format: ReportFormat,
    pseudo: Option<&Pseudonymizer>,
    args: &ReportArgs,
) -> Result<Option<XapiSink>, ExitCode> {
    let (ReportFormat::Xapi, Some(p)) = (format, pseudo) else {
        return Ok(None);
    };
    let writer = open_out(args.out.as_deref())
        .and_then(XapiWriter::new)
        .map_err(|e| fail(args.out.as_deref(), &e))?;
    Ok(Some(XapiSink {
        writer: Mutex::new(writer),
        pseudo: p.clone(),
        options: XapiOptions {
            home_page: args.xapi_home_page.trim_end_matches('/').to_owned(),
        },
        error: Mutex::new(None),
    }))
}

/// Renders the report in the chosen format.
fn render(
    format: ReportFormat,
    r: &report::model::Report,
    args: &ReportArgs,
    lang: Lang,
    xapi: Option<XapiSink>,
) -> std::io::Result<()> {
    match format {
        ReportFormat::Tui => bevidst::tui::report::run_dashboard(r, lang),
        ReportFormat::Md => write_text(args.out.as_deref(), &markdown::render(r, lang)),
        ReportFormat::Json => match json::render(r) {
            Ok(text) => write_text(args.out.as_deref(), &text),
            Err(e) => Err(std::io::Error::other(e)),
        },
        ReportFormat::Csv => match &args.out {
            Some(dir) => csv_out::write_dir(r, dir)
                .map(|_| ())
                .map_err(std::io::Error::other),
            None => csv_out::write_long(r, std::io::stdout().lock()).map_err(std::io::Error::other),
        },
        ReportFormat::Xapi => finish_xapi(xapi),
    }
}

fn finish_xapi(xapi: Option<XapiSink>) -> std::io::Result<()> {
    let Some(sink) = xapi else { return Ok(()) };
    if let Some(e) = sink
        .error
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
    {
        return Err(e);
    }
    let writer = sink
        .writer
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    writer.finish().map(|_| ())
}

fn open_out(path: Option<&Path>) -> std::io::Result<Box<dyn std::io::Write + Send>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p)?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    })
}

fn write_text(path: Option<&Path>, text: &str) -> std::io::Result<()> {
    let mut w = open_out(path)?;
    w.write_all(text.as_bytes())?;
    w.flush()
}

fn fail(path: Option<&Path>, e: &std::io::Error) -> ExitCode {
    match path {
        Some(p) => eprintln!("{}: cannot write the report: {e}", p.display()),
        None => eprintln!("cannot write the report: {e}"),
    }
    ExitCode::from(2)
}

/// Runs `bevidst simulate`.
pub fn simulate(args: &SimulateArgs, courses: &CourseSet) -> ExitCode {
    let synthetic;
    let set = if args.synthetic {
        match simulate::courses::synthetic_courses(simulate::courses::Shape::default()) {
            Ok(s) => {
                synthetic = s;
                &synthetic
            }
            Err(errors) => {
                for e in errors {
                    eprintln!("{e}");
                }
                return ExitCode::from(2);
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
        Ok(s) => {
            eprintln!("{s} in {}", args.out.display());
        }
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    }
    if let Some(path) = &args.roster {
        match simulate::write_roster(&cfg, path) {
            Ok(n) => eprintln!("{n} employees in the roster {}", path.display()),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
