//! The learner's program (terminal UI or plain line mode) and `bevidst status`.

use std::path::PathBuf;

use bevidst::exit::Exit;
use bevidst::lang::Lang;
use bevidst::message::Bilingual as _;
use bevidst::safe_text::sanitize;

use crate::out::{Out, say_err};
use crate::paths::{login_name, session_paths};
use crate::said::Said;

/// `bevidst status`: what is due, as of today in Copenhagen (or `--today`).
/// `lang` is `--lang` if given (else the status speaks the learner's language), `said` the
/// language of this run.
pub(crate) fn status(
    courses: Option<&PathBuf>,
    lang: Option<Lang>,
    today: Option<jiff::civil::Date>,
    said: Lang,
) -> Exit {
    let Some(paths) = session_paths(courses, said) else {
        return Exit::StatusUnknown;
    };
    let today = today.unwrap_or_else(|| {
        jiff::Timestamp::now()
            .to_zoned_datetime(bevidst::schedule::copenhagen())
            .date()
    });
    let mut out = Out::stdout();
    let mut err = Out::new(std::io::stderr().lock());
    let code = bevidst::plain::status::run(&paths, lang, today, &mut out, &mut err);
    let exit = code
        .ok()
        .and_then(|c| Exit::from_code(c, &Exit::STATUS))
        .unwrap_or(Exit::StatusUnknown);
    let _ = err.finish(Exit::Ok);
    out.finish(exit)
}

/// The learner's program on the bundled courses (or `--courses`, or the configured folder):
/// the terminal UI, or the plain line mode when asked for or when there is no terminal.
pub(crate) fn learn(courses: Option<&PathBuf>, plain: bool, lang: Lang) -> Exit {
    use std::io::IsTerminal as _;
    let plain = bevidst::plain::wanted(
        plain,
        std::env::var("BEVIDST_PLAIN").ok().as_deref(),
        std::env::var("TERM").ok().as_deref(),
        std::io::stdout().is_terminal(),
        std::io::stdin().is_terminal(),
    );
    let Some(paths) = session_paths(courses, lang) else {
        return Exit::CannotStart;
    };
    let env = bevidst::app::session::Environment {
        login: login_name(),
        lrs_env: bevidst::lrs::EnvCredentials::from_vars(|name| std::env::var(name).ok()),
    };
    let started = bevidst::app::session::start(&paths, &env, jiff::Timestamp::now(), rand::rng());
    let (mut model, mut services) = match started {
        Ok(session) => session,
        Err(e) => {
            say_err!("{}", sanitize(&e.text(lang), false));
            return Exit::CannotStart;
        }
    };
    if plain {
        return plain_mode(&mut model, &mut services, lang);
    }
    match bevidst::tui::run(&mut model, &mut services, bevidst::tui::Theme::from_env()) {
        Ok(()) => Exit::Ok,
        Err(e) => {
            say_err!("{}", Said::TerminalUnusable(&e).in_lang(lang));
            Exit::Terminal
        }
    }
}

/// Runs the plain line mode on stdin and stdout. A closed stdout ends it quietly (there is no
/// one left to tell).
pub(crate) fn plain_mode(
    model: &mut bevidst::app::Model,
    services: &mut impl bevidst::app::runtime::Services,
    lang: Lang,
) -> Exit {
    use std::io::IsTerminal as _;
    let opts = bevidst::plain::Options {
        width: bevidst::plain::width_from(std::env::var("COLUMNS").ok().as_deref()),
        piped: !std::io::stdin().is_terminal(),
    };
    let stdin = std::io::stdin().lock();
    match bevidst::plain::run(model, services, stdin, &mut std::io::stdout().lock(), opts) {
        Ok(end) => Exit::from_code(end.exit_code(), &Exit::LEARNER).unwrap_or(Exit::Unfinished),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Terminal,
        Err(e) => {
            say_err!("{}", Said::InputOutputUnusable(&e).in_lang(lang));
            Exit::Terminal
        }
    }
}
