//! The learner's program (terminal UI or plain line mode) and `bevidst status`.

use std::path::PathBuf;
use std::process::ExitCode;

use bevidst::lang::Lang;
use bevidst::safe_text::sanitize;

use crate::LangArg;
use crate::paths::{login_name, session_paths};

/// `bevidst status`: what is due, as of today in Copenhagen (or `--today`).
pub(crate) fn status(
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
pub(crate) fn learn(courses: Option<&PathBuf>, plain: bool) -> ExitCode {
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
pub(crate) fn plain_mode(
    model: &mut bevidst::app::Model,
    services: &mut impl bevidst::app::runtime::Services,
) -> ExitCode {
    use std::io::IsTerminal as _;
    let opts = bevidst::plain::Options {
        width: bevidst::plain::width_from(std::env::var("COLUMNS").ok().as_deref()),
        piped: !std::io::stdin().is_terminal(),
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
