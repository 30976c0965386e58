//! Arguments and dispatch of `bevidst report`.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use bevidst::course::CourseSet;
use bevidst::exit::Exit;
use bevidst::lang::Lang;
use bevidst::message::Bilingual as _;
use bevidst::report::privacy::{
    DEFAULT_MIN_GROUP, MIN_MIN_GROUP, Pseudonymizer, load_or_create_key,
};
use bevidst::report::read::XapiSink;
use bevidst::report::render::xapi::{DEFAULT_HOME_PAGE, XapiOptions, XapiWriter};
use bevidst::report::render::{csv as csv_out, followup, html, json, markdown, xlsx};
use bevidst::report::{self, Paths, Settings};
use bevidst::schedule::Rules;
use clap::{Args, ValueEnum};

use crate::out::{Out, say_err};

/// `bevidst report`: verify and aggregate a collection folder.
#[derive(Args)]
pub struct ReportArgs {
    #[arg(required_unless_present = "lrs")]
    dir: Option<PathBuf>,
    #[arg(long, value_name = "URL", conflicts_with = "dir")]
    lrs: Option<String>,
    #[arg(long, value_name = "FILE", requires = "lrs")]
    lrs_credentials: Option<PathBuf>,
    #[arg(long, requires = "lrs")]
    lrs_full: bool,
    #[arg(long, value_name = "FILE")]
    roster: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    anchors: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    key: Option<PathBuf>,
    #[arg(long, default_value_t = DEFAULT_MIN_GROUP, value_parser = clap::value_parser!(u32).range(i64::from(MIN_MIN_GROUP)..))]
    min_group: u32,
    #[arg(long, value_name = "DAYS")]
    onboarding_days: Option<u32>,
    #[arg(long, value_enum)]
    format: Option<ReportFormat>,
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    #[arg(long, value_name = "TIME")]
    now: Option<jiff::Timestamp>,
    #[arg(long)]
    threads: Option<usize>,
    #[arg(long, value_name = "URL", default_value = DEFAULT_HOME_PAGE)]
    xapi_home_page: String,
    #[arg(long, value_name = "FILE")]
    followup: Option<PathBuf>,
    #[arg(long, value_name = "DIR")]
    followup_dir: Option<PathBuf>,
    #[arg(long, conflicts_with_all = ["format", "out"])]
    followup_view: bool,
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
    /// A spreadsheet for Excel: one sheet per table, real numbers (needs --out).
    Xlsx,
    /// One self-contained web page with charts, to share and print.
    Html,
    /// xAPI statements for the LMS (pseudonyms).
    Xapi,
}

pub(crate) fn threads(n: Option<usize>) -> usize {
    n.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from))
        .max(1)
}

/// The report's data folder: `BEVIDST_DATA_DIR/report` or the platform's data folder.
pub(crate) fn report_dir() -> PathBuf {
    let base = match std::env::var_os("BEVIDST_DATA_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => directories::ProjectDirs::from("dk", "Kobenhavns Kommune", "bevidst")
            .map_or_else(|| PathBuf::from("."), |d| d.data_dir().to_path_buf()),
    };
    base.join("report")
}

/// Runs `bevidst report`.
pub fn report(args: &ReportArgs, courses: &CourseSet, lang: Lang) -> Exit {
    // The follow-up view is personal data on the screen, so only in a terminal (never piped
    // into a file by accident); said before the collection is read.
    if args.followup_view && !std::io::stdout().is_terminal() {
        say_err!(
            "{}",
            lang.pick(
                "--followup-view kan kun vises i en terminal; brug --followup FILE for at få \
                 opfølgningen i en fil",
                "--followup-view can only be shown in a terminal; use --followup FILE to get \
                 the follow-up in a file",
            )
        );
        return Exit::Output;
    }
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        ReportFormat::Tui
    } else {
        ReportFormat::Md
    });
    let key_path = args
        .key
        .clone()
        .unwrap_or_else(|| report_dir().join("report.key"));
    let anchors = args
        .anchors
        .clone()
        .unwrap_or_else(|| report_dir().join("anchors.txt"));
    let (collection, extra) = match collection(args, &anchors, lang) {
        Ok(found) => found,
        Err(exit) => return exit,
    };
    let paths = Paths {
        collection,
        roster: args.roster.clone(),
        anchors,
        // Beside the pseudonym key, which is kept apart from a shared anchor file.
        memory: Some(parent_of(&key_path).join("anchor-memory.txt")),
    };
    let settings = Settings {
        min_group: args.min_group,
        rules: args.onboarding_days.map_or_else(Rules::default, |d| Rules {
            onboarding_days: d,
            ..Rules::default()
        }),
        now: args.now.unwrap_or_else(jiff::Timestamp::now),
        lang,
        // The lists of who is overdue and who never started, only for an output that shows them.
        followup: args.followup.is_some() || args.followup_dir.is_some() || args.followup_view,
    };
    let needs_key = matches!(format, ReportFormat::Xapi);
    let pseudo = if needs_key {
        match load_or_create_key(&key_path, &mut rand::rng()) {
            Ok(k) => Some(Pseudonymizer::new(k)),
            Err(e) => {
                say_err!("{}", e.in_lang(lang));
                return Exit::NoReport;
            }
        }
    } else {
        None
    };
    let xapi = match xapi_sink(format, pseudo.as_ref(), args) {
        Ok(x) => x,
        Err(e) => return fail(args.out.as_deref(), &e, lang),
    };
    let out = match report::run_with(
        &paths,
        courses,
        &settings,
        threads(args.threads),
        xapi.as_ref(),
        extra,
    ) {
        Ok(o) => o,
        Err(e) => {
            say_err!("{}", e.in_lang(lang));
            return Exit::NoReport;
        }
    };
    say_run_notes(&out, &paths.anchors, lang);
    let r = &out.report;
    let written = if args.followup_view {
        bevidst::tui::report::followup::run_followup_view(&out.followup, &r.modules, lang)
    } else {
        render(format, r, args, lang, xapi)
    };
    if let Err(e) = written {
        return fail(args.out.as_deref(), &e, lang);
    }
    if let Some(path) = &args.followup
        && let Err(e) = followup::write(&out.followup, lang, path)
    {
        return fail(Some(path), &e, lang);
    }
    if let Some(dir) = &args.followup_dir
        && let Err(e) = followup::write_per_forvaltning(&out.followup, &r.modules, lang, dir)
    {
        return fail(Some(dir), &e, lang);
    }
    say_summary(r, out.followup.problems.len(), lang);
    Exit::Ok
}

/// What the run noticed besides the report: lost anchors, the cache, an anchor file it could
/// not write.
fn say_run_notes(out: &report::RunOutput, anchors: &Path, lang: Lang) {
    if let Some(held) = out.anchors_lost {
        warn_lost_anchors(anchors, held, lang);
    }
    if let Some(note) = &out.cache_note {
        say_err!("{}", bevidst::message::Bilingual::in_lang(note, lang));
    }
    if let Some(e) = &out.anchor_error {
        say_err!(
            "{}",
            match lang {
                Lang::Da => format!(
                    "{}; rapporten er færdig, men næste kørsel kan ikke kontrollere disse logs' historik",
                    e.in_lang(lang)
                ),
                Lang::En => format!(
                    "{}; the report is complete, but the next run cannot check these logs' history",
                    e.in_lang(lang)
                ),
            }
        );
    }
}

/// The folder to report on, and problems found before it is read. From an LRS its records
/// are first written into a mirror folder beside the anchors, which is then reported on as
/// any collection folder.
fn collection(
    args: &ReportArgs,
    anchors: &Path,
    lang: Lang,
) -> Result<(PathBuf, Vec<report::model::Problem>), Exit> {
    match (&args.lrs, &args.dir) {
        (Some(url), _) => {
            let source = (url.as_str(), args.lrs_credentials.as_deref(), args.lrs_full);
            crate::lrs::sync_for_report(source, anchors, lang)
        }
        (None, Some(dir)) => Ok((dir.clone(), Vec::new())),
        (None, None) => Err(Exit::Usage),
    }
}

/// The prominent warning that the anchor file lost what it held.
fn warn_lost_anchors(anchors: &Path, held: u64, lang: Lang) {
    say_err!(
        "{}",
        match lang {
            Lang::Da => format!(
                "ADVARSEL: ankerfilen {} havde ankre for {held} logs efter en tidligere \
                 kørsel, men mangler nu eller er tom. Omskrevne logs kan ikke opdages i denne \
                 rapport. Genskab filen fra en sikkerhedskopi.",
                anchors.display()
            ),
            Lang::En => format!(
                "WARNING: the anchor file {} held anchors for {held} logs after an earlier \
                 run, but it is now missing or empty. Rewritten logs cannot be detected in \
                 this report. Restore the file from a backup.",
                anchors.display()
            ),
        }
    );
}

/// The closing line on stderr: what was read, counted and rejected, and how many logs had
/// anchors.
fn say_summary(r: &report::model::Report, problems: usize, lang: Lang) {
    let c = &r.counts;
    say_err!(
        "{}",
        match lang {
            Lang::Da => format!(
                "{} filer og {} poster læst: {} talt med, {} afvist ({} problemer); ankre fra \
                 tidligere kørsler for {} logs.",
                c.files_read,
                c.records_read,
                c.records_counted,
                c.records_rejected,
                problems,
                c.anchored_logs
            ),
            Lang::En => format!(
                "{} files and {} records read: {} counted, {} rejected ({} problems); anchors \
                 from earlier runs for {} logs.",
                c.files_read,
                c.records_read,
                c.records_counted,
                c.records_rejected,
                problems,
                c.anchored_logs
            ),
        }
    );
}

/// The folder a file lives in (`.` for a bare file name).
fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The xAPI output, when the format is xAPI.
fn xapi_sink(
    format: ReportFormat,
    pseudo: Option<&Pseudonymizer>,
    args: &ReportArgs,
) -> std::io::Result<Option<XapiSink>> {
    let (ReportFormat::Xapi, Some(p)) = (format, pseudo) else {
        return Ok(None);
    };
    let writer = open_out(args.out.as_deref()).and_then(XapiWriter::new)?;
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
            None => csv_out::write_long(r, Out::stdout()).map_err(std::io::Error::other),
        },
        ReportFormat::Html => write_text(args.out.as_deref(), &html::render(r, lang)),
        ReportFormat::Xlsx => {
            let bytes = xlsx::render(r, lang).map_err(std::io::Error::other)?;
            write_binary(args.out.as_deref(), &bytes)
        }
        ReportFormat::Xapi => finish_xapi(xapi),
    }
}

/// A file format that is not text: to `--out`, or to standard output when that is not a
/// terminal (a spreadsheet's bytes would scramble the screen).
fn write_binary(path: Option<&Path>, bytes: &[u8]) -> std::io::Result<()> {
    if path.is_none() && std::io::stdout().is_terminal() {
        return Err(std::io::Error::other(
            "this format is not text; name a file with --out FILE",
        ));
    }
    let mut w = open_out(path)?;
    w.write_all(bytes)?;
    w.flush()
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

/// The report's output: a file readable by its owner only (it describes people), or standard
/// output (where a closed pipe ends the output quietly).
fn open_out(path: Option<&Path>) -> std::io::Result<Box<dyn std::io::Write + Send>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(report::create_output(p)?)),
        None => Box::new(std::io::BufWriter::new(Out::stdout())),
    })
}

fn write_text(path: Option<&Path>, text: &str) -> std::io::Result<()> {
    let mut w = open_out(path)?;
    w.write_all(text.as_bytes())?;
    w.flush()
}

/// The report was made but could not be written.
fn fail(path: Option<&Path>, e: &std::io::Error, lang: Lang) -> Exit {
    let what = lang.pick("kan ikke skrive rapporten", "cannot write the report");
    let why = bevidst::message::IoReason(e).text(lang);
    if let Some(p) = path {
        say_err!("{}: {what}: {why}", p.display());
    } else {
        say_err!("{what}: {why}");
    }
    Exit::Output
}
