//! One line per module status, in Danish or English, for the home screen, `bevidst status`
//! and the report. Dates are written out ("3. marts 2026", "3 March 2026") so that no reader
//! has to guess whether 03/04 is March or April.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::{Reason, State, Status};
use crate::course::Module;
use crate::lang::Lang;
use crate::safe_text::sanitize;

const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date written out: "3. marts 2026" in Danish, "3 March 2026" in English.
pub fn format_date(date: Date, lang: Lang) -> String {
    // `month()` is 1..=12 for every jiff date, so the index is in range.
    let index = usize::try_from(date.month() - 1).unwrap_or(0).min(11);
    match lang {
        Lang::Da => format!("{}. {} {}", date.day(), MONTHS_DA[index], date.year()),
        Lang::En => format!("{} {} {}", date.day(), MONTHS_EN[index], date.year()),
    }
}

/// "Title: what is due", e.g. "Phishing: skal tages senest 3. marts 2026 (fornyelse)".
/// The title is made display-safe; everything else is the program's own text.
pub fn status_line(module: &Module, status: &Status, lang: Lang) -> String {
    let title = sanitize(module.title.get(lang), true);
    let date = |d: Date| format_date(d, lang);
    let mut line = match status.state {
        State::Waiting { from: None } => lang
            .pick(
                "venter, til introduktionen er bestået",
                "waiting until onboarding is passed",
            )
            .to_owned(),
        State::Waiting { from: Some(day) } => match lang {
            Lang::Da => format!("skal tages fra {}", date(day)),
            Lang::En => format!("to be taken from {}", date(day)),
        },
        State::Passed {
            on,
            version,
            valid_until,
        } => {
            let mut s = match (lang, valid_until) {
                (Lang::Da, Some(until)) => {
                    format!("bestået {}, gyldig til {}", date(on), date(until))
                }
                (Lang::En, Some(until)) => {
                    format!("passed {}, valid until {}", date(on), date(until))
                }
                (Lang::Da, None) => format!("bestået {}", date(on)),
                (Lang::En, None) => format!("passed {}", date(on)),
            };
            if version < module.version {
                let new = module.version;
                let note = lang.pick("er ny", "is new");
                let _ = write!(s, " (version {version}; version {new} {note})");
            }
            s
        }
        State::Due { by, reason } => {
            let head = match lang {
                Lang::Da => format!("skal tages senest {}", date(by)),
                Lang::En => format!("due by {}", date(by)),
            };
            with_reason(head, reason, status, lang)
        }
        State::Overdue { since, reason } => {
            let head = match lang {
                Lang::Da => format!("forfalden siden {}", date(since)),
                Lang::En => format!("overdue since {}", date(since)),
            };
            with_reason(head, reason, status, lang)
        }
    };
    if let Some(last) = status.last_attempt.filter(|a| !a.passed) {
        let failed = lang.pick("sidste forsøg ikke bestået", "last attempt failed");
        let _ = write!(line, "; {failed} ({})", date(last.on));
    }
    format!("{title}: {line}")
}

fn with_reason(head: String, reason: Reason, status: &Status, lang: Lang) -> String {
    let why = match reason {
        Reason::FirstTime if status.not_started() => lang.pick("ikke startet", "not started"),
        Reason::FirstTime => return head,
        Reason::Renewal { .. } => lang.pick("fornyelse", "renewal"),
        Reason::NewVersion { .. } => lang.pick("ny version", "new version"),
    };
    format!("{head} ({why})")
}
