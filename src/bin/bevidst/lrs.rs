//! `bevidst lrs push`, and reaching an LRS for it and for `bevidst report --lrs`: the
//! endpoint from `--lrs`, the credential from `BEVIDST_LRS_USER` and `BEVIDST_LRS_PASSWORD`
//! or the credentials file.

use std::fmt;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use bevidst::course::CourseSet;
use bevidst::exit::Exit;
use bevidst::lang::Lang;
use bevidst::lrs::mirror::{Mirror, Synced};
use bevidst::lrs::push::{Progress, Pushed, push_collection};
use bevidst::lrs::{Client, Credentials, Endpoint, EnvCredentials, Refused, Timeouts};
use bevidst::message::Bilingual;
use bevidst::record::BadLine;
use bevidst::report::model::{Problem, ProblemKind};
use clap::{Args, Subcommand};

use crate::out::say_err;

/// `bevidst lrs`: the Learning Record Store.
#[derive(Args)]
pub struct LrsArgs {
    #[command(subcommand)]
    command: LrsCommand,
}

#[derive(Subcommand)]
enum LrsCommand {
    Push(PushArgs),
}

/// `bevidst lrs push DIR --lrs URL`.
#[derive(Args)]
pub struct PushArgs {
    dir: PathBuf,
    #[arg(long, value_name = "URL")]
    lrs: String,
    #[arg(long, value_name = "FILE")]
    credentials: Option<PathBuf>,
    #[arg(long, value_name = "N", default_value_t = bevidst::lrs::push::BATCH)]
    batch: usize,
}

/// Runs `bevidst lrs …`.
pub fn lrs(args: &LrsArgs, courses: &CourseSet, lang: Lang) -> Exit {
    match &args.command {
        LrsCommand::Push(push) => self::push(push, courses, lang),
    }
}

/// The client for `url`, with the credential from the environment or `file` (default: the
/// report's data folder's `lrs-credentials`); says what is wrong and gives the exit code if
/// there is none.
pub(crate) fn connect(url: &str, file: Option<&Path>, lang: Lang) -> Result<Client, Exit> {
    let endpoint = Endpoint::parse(url).map_err(|e| {
        say_err!("{}", e.in_lang(lang));
        Exit::Usage
    })?;
    let file = file.map_or_else(
        || crate::report::report_dir().join("lrs-credentials"),
        Path::to_path_buf,
    );
    let env = EnvCredentials::from_vars(|name| std::env::var(name).ok());
    let credentials = Credentials::resolve(&env, &file).map_err(|e| {
        say_err!("{}", e.in_lang(lang));
        Exit::NoReport
    })?;
    Ok(Client::new(endpoint, credentials, Timeouts::OFFICER))
}

/// Brings the report's mirror of the LRS at `url` up to date (beside `anchors`; all of it
/// again if `full`) and gives
/// the folder to report on and a problem per statement that carried no readable record.
pub(crate) fn sync_for_report(
    (url, file, full): (&str, Option<&Path>, bool),
    anchors: &Path,
    lang: Lang,
) -> Result<(PathBuf, Vec<Problem>), Exit> {
    let client = connect(url, file, lang)?;
    let base = match anchors.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mirror = Mirror::new(&base, client.endpoint(), client.user());
    let started = Instant::now();
    let synced = mirror
        .sync(&client, full, jiff::Timestamp::now())
        .map_err(|e| {
            say_err!("{}", e.in_lang(lang));
            Exit::NoReport
        })?;
    say_err!(
        "{}",
        Note::Read(&synced, started.elapsed().as_secs_f64()).in_lang(lang)
    );
    let statements = client.endpoint().statements();
    let problems = synced
        .unreadable
        .iter()
        .map(|u| Problem {
            path: format!(
                "{statements}?statementId={}",
                u.statement_id.as_deref().unwrap_or("?")
            ),
            line: None,
            kind: ProblemKind::Unreadable,
            message: u.reason().text(lang),
            records: 1,
            who: None,
        })
        .collect();
    Ok((mirror.logs(), problems))
}

fn push(args: &PushArgs, courses: &CourseSet, lang: Lang) -> Exit {
    let client = match connect(&args.lrs, args.credentials.as_deref(), lang) {
        Ok(c) => c,
        Err(exit) => return exit,
    };
    let started = Instant::now();
    let mut last = Instant::now();
    let live = std::io::stderr().is_terminal();
    let mut progress = |p: Progress| {
        if live || last.elapsed().as_secs() >= 10 {
            last = Instant::now();
            say_err!("{}", Note::Progress(p).in_lang(lang));
        }
    };
    let pushed = match push_collection(
        &args.dir,
        courses,
        (&client, args.batch),
        lang,
        &mut progress,
    ) {
        Ok(p) => p,
        Err(e) => {
            say_err!("{}", e.in_lang(lang));
            return Exit::NoReport;
        }
    };
    summary(&pushed, started.elapsed().as_secs_f64(), lang)
}

/// The problems on the way and the closing line; `NotOk` when something was not sent.
fn summary(p: &Pushed, seconds: f64, lang: Lang) -> Exit {
    for (path, bad) in &p.bad_logs {
        say_err!("{}", Note::BadLog(path, bad).in_lang(lang));
    }
    for (path, why) in &p.unreadable {
        say_err!("{}: {why}", crate::paths::shown(Path::new(path)));
    }
    for r in &p.statements.refused {
        say_err!("{}", Note::Refused(r).in_lang(lang));
    }
    say_err!("{}", Note::Summary(p, seconds).in_lang(lang));
    if p.bad_logs.is_empty() && p.unreadable.is_empty() && p.statements.refused.is_empty() {
        Exit::Ok
    } else {
        Exit::NotOk
    }
}

/// What `lrs push` says on the way.
enum Note<'a> {
    /// After a batch.
    Progress(Progress),
    /// A log with a bad line: what was sent of it.
    BadLog(&'a Path, &'a BadLine),
    /// A statement the LRS refused.
    Refused(&'a Refused),
    /// The closing line, with the seconds it took.
    Summary(&'a Pushed, f64),
    /// `report --lrs`: what was read from the LRS, with the seconds it took.
    Read(&'a Synced, f64),
}

impl Bilingual for Note<'_> {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Progress(p) => {
                let (done, files, records) = (p.files_done, p.files, p.records);
                lang.write(
                    out,
                    format_args!("… {records} poster sendt, {done} af {files} filer læst"),
                    format_args!("… {records} records sent, {done} of {files} files read"),
                )
            }
            Note::BadLog(path, bad) => {
                let (path, line) = (crate::paths::shown(path), bad.line);
                let why = bad.problem.text(lang);
                lang.write(
                    out,
                    format_args!(
                        "{path}:{line}: {why}; posterne fra denne linje og frem er ikke sendt"
                    ),
                    format_args!(
                        "{path}:{line}: {why}; the records from this line on were not sent"
                    ),
                )
            }
            Note::Refused(r) => {
                let (id, status, why) = (&r.statement_id, r.status, &r.reason);
                lang.write(
                    out,
                    format_args!("udsagn {id} blev afvist af læringsdatabasen ({status}): {why}"),
                    format_args!("statement {id} was refused by the LRS ({status}): {why}"),
                )
            }
            Note::Read(s, seconds) => {
                let (read, new, unreadable) = (s.statements, s.new_lines, s.unreadable.len());
                let seconds = decimal(lang, *seconds);
                lang.write(
                    out,
                    format_args!(
                        "{read} udsagn læst fra læringsdatabasen på {seconds} s: {new} nye \
                         poster; {unreadable} udsagn med en post, der ikke kan læses."
                    ),
                    format_args!(
                        "{read} statements read from the LRS in {seconds} s: {new} new \
                         records; {unreadable} statements with a record that cannot be read."
                    ),
                )
            }
            Note::Summary(p, seconds) => {
                let s = &p.statements;
                let (files, records, new, there, refused) = (
                    p.files,
                    p.records,
                    s.accepted,
                    s.already_there,
                    s.refused.len(),
                );
                let seconds = decimal(lang, *seconds);
                lang.write(
                    out,
                    format_args!(
                        "{records} verificerede poster fra {files} filer sendt på {seconds} s: \
                         {new} udsagn gemt, {there} fandtes allerede, {refused} afvist."
                    ),
                    format_args!(
                        "{records} verified records from {files} files sent in {seconds} s: \
                         {new} statements stored, {there} already there, {refused} refused."
                    ),
                )
            }
        }
    }
}

/// Seconds with one decimal, in the language's notation (Danish writes a decimal comma).
fn decimal(lang: Lang, seconds: f64) -> String {
    let s = format!("{seconds:.1}");
    match lang {
        Lang::Da => s.replace('.', ","),
        Lang::En => s,
    }
}
