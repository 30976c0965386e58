//! The `bevidst` command: argument parsing and dispatch only.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use bevidst::exit::Exit;
use bevidst::lang::Lang;
use clap::{CommandFactory as _, FromArgMatches as _, Parser, Subcommand, ValueEnum};

mod check;
mod handbook;
mod help;
mod learn;
mod lrs;
mod out;
mod paths;
mod records;
mod report;
mod said;
mod simulate;
mod usage;

/// The command line. Its help texts, in Danish and English, are in `help.rs`.
#[derive(Parser)]
// `bin_name`: the usage lines say `bevidst`, as the README does, also on Windows, where the
// program's own name would be `bevidst.exe`.
#[command(version, bin_name = "bevidst")]
struct Cli {
    #[arg(long, global = true, value_name = "DIR")]
    courses: Option<PathBuf>,
    #[arg(long)]
    plain: bool,
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    Check {
        dir: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_name = "SECTION")]
        reviewed: Vec<String>,
    },
    Handbook(handbook::HandbookArgs),
    Verify {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    Export {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long)]
        force: bool,
    },
    History {
        #[arg(long, value_name = "DIR")]
        collect: Option<PathBuf>,
    },
    Report(Box<report::ReportArgs>),
    Lrs(lrs::LrsArgs),
    Simulate(simulate::SimulateArgs),
    Status {
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
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = language(&args);
    out::set_lang(lang);
    let matches = match help::localize(Cli::command(), lang).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return usage::refused(&e, lang),
    };
    if let Some(("help", sub)) = matches.subcommand() {
        return usage::help(sub.get_one::<String>("command").map(String::as_str), lang);
    }
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return usage::refused(&e, lang),
    };
    match cli.command {
        Some(Command::Check {
            dir,
            format,
            reviewed,
        }) => check::check(dir.as_ref().or(cli.courses.as_ref()), format, &reviewed),
        Some(Command::Handbook(args)) => handbook::handbook(&args, cli.courses.as_ref(), lang),
        Some(Command::Verify { files }) => records::verify(&files, lang),
        Some(Command::Export { out, force }) => records::export(out, force, lang),
        Some(Command::History { collect }) => records::history(collect, cli.courses.as_ref(), lang),
        Some(Command::Report(args)) => check::with_courses(cli.courses.as_ref(), lang, |set| {
            report::report(&args, set, lang)
        }),
        Some(Command::Lrs(args)) => {
            check::with_courses(cli.courses.as_ref(), lang, |set| lrs::lrs(&args, set, lang))
        }
        Some(Command::Simulate(args)) => check::with_courses(cli.courses.as_ref(), lang, |set| {
            simulate::simulate(&args, set, lang)
        }),
        Some(Command::Status { today }) => {
            learn::status(cli.courses.as_ref(), cli.lang, today, lang)
        }
        None => learn::learn(cli.courses.as_ref(), cli.plain, lang),
    }
}

/// The language of everything this run says, chosen once: `--lang`, else the learner's
/// configuration (read leniently, so a broken one still names its language), else Danish.
fn language(args: &[OsString]) -> Lang {
    let mut rest = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = rest.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => rest.next(),
            Some(v) if v.starts_with('=') => Some(v[1..].to_owned().into()),
            _ => continue,
        };
        if let Some(lang) = value.and_then(|v| Lang::from_str(&v, true).ok()) {
            return lang;
        }
    }
    paths::config_dir().map_or(Lang::Da, |dir| bevidst::config::language(&dir))
}
