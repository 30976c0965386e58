//! »Mine resultater«: the learner's own record. Every finished attempt, newest first, with its
//! module's title, the day it finished, the score, whether it passed, did not pass or is not
//! accepted, and its receipt; then, per module the learner has taken, how long it is valid.
//!
//! Whether an attempt counts is the verdict's ([`crate::verdict`]), asked as the home screen
//! asks it (as of the end of today): an attempt it does not accept never reads as passed, as
//! on the result screen and in the report. How long a module is valid is the schedule's
//! ([`crate::schedule::plan`], through [`Model::statuses`]). The terminal UI and the plain mode
//! show [`page`]; `bevidst history` prints [`attempts`] a line each.

use jiff::civil::Date;

use super::Model;
use super::doc::{Para, Tone};
use super::status::{self, short_date_with_year};
use super::texts::texts;
use crate::attempt::FinishedAttempt;
use crate::course::CourseSet;
use crate::lang::Lang;
use crate::message::Bilingual as _;
use crate::safe_text::sanitize;
use crate::schedule::{self, Reason, State, Status};
use crate::verdict::{CourseIndex, NotAccepted, utc_seconds};

/// One finished attempt as the learner's record shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastAttempt<'a> {
    /// The attempt as the log holds it.
    pub attempt: &'a FinishedAttempt,
    /// The module's title in the learner's language, display-safe; its id when the course set
    /// has no such module.
    pub title: String,
    /// The day it finished, in Copenhagen.
    pub day: Option<Date>,
    /// The completion receipt of its record, if known.
    pub receipt: Option<&'a str>,
    /// Why the verdict does not accept it; `None` when it counts.
    pub not_accepted: Option<NotAccepted>,
}

impl PastAttempt<'_> {
    /// "✓ Bestået", "✗ Ikke bestået" or "✗ Ikke godkendt" (the result screen's words), and
    /// their tone. Only an attempt the verdict accepts can read as passed.
    pub fn verdict(&self, lang: Lang) -> (Tone, &'static str) {
        let t = texts(lang);
        match (&self.not_accepted, self.attempt.passed) {
            (Some(_), _) => (Tone::Wrong, t.result_not_accepted),
            (None, true) => (Tone::Right, t.result_passed),
            (None, false) => (Tone::Wrong, t.result_failed),
        }
    }

    /// Whether the attempt counts as a pass of its module.
    pub fn passed(&self) -> bool {
        self.not_accepted.is_none() && self.attempt.passed
    }

    /// The verdict, the score and the receipt on one line: "✓ Bestået · 9 af 10 rigtige ·
    /// kvittering 7F3A-91C2-0B4D".
    pub fn outcome(&self, lang: Lang) -> String {
        words::outcome(lang, self.verdict(lang).1, self.attempt, self.receipt)
    }

    /// Why the attempt does not count, as a sentence; `None` when it counts.
    pub fn why_not_counted(&self, lang: Lang) -> Option<String> {
        self.not_accepted
            .as_ref()
            .map(|why| words::not_counted(lang, &why.text(lang)))
    }
}

/// The attempts of `history`, newest first, each with the receipt at its place in `receipts`
/// (the two in the log's order) and the verdict of `judge` as of the end of `today`.
pub fn attempts<'a>(
    courses: &CourseSet,
    judge: &CourseIndex,
    history: &'a [FinishedAttempt],
    receipts: &'a [Option<String>],
    today: Date,
    lang: Lang,
) -> Vec<PastAttempt<'a>> {
    let now = status::end_of(today);
    let tz = schedule::copenhagen();
    history
        .iter()
        .enumerate()
        .rev()
        .map(|(i, attempt)| PastAttempt {
            attempt,
            title: courses.get(&attempt.module).map_or_else(
                || sanitize(&attempt.module, true),
                |m| sanitize(m.module.title.get(lang), true),
            ),
            day: schedule::local_date(utc_seconds(attempt.finished), &tz),
            receipt: receipts.get(i).and_then(Option::as_deref),
            not_accepted: judge.check(attempt, now).err(),
        })
        .collect()
}

/// The page of the screen: the attempts, then how long each module taken is valid.
pub fn page(model: &Model) -> Vec<Para> {
    let lang = model.lang();
    let t = texts(lang);
    // Titles from the whole catalogue: an attempt may be at a module of another role.
    let past = attempts(
        &model.catalogue,
        &model.judge,
        &model.history,
        &model.receipts,
        model.today,
        lang,
    );
    if past.is_empty() {
        return vec![Para::new(Tone::Text, t.my_results_none)];
    }
    let mut out = vec![Para::new(Tone::Heading, t.my_results_attempts)];
    // The date as a column, the title and the verdict beside it.
    let width = past
        .iter()
        .map(|p| day_text(p, lang).chars().count())
        .max()
        .unwrap_or(0);
    for p in &past {
        let day = format!("{:width$}  ", day_text(p, lang));
        let indent = " ".repeat(width + 2);
        out.push(Para::with_prefix(Tone::Text, day, p.title.clone()));
        out.push(Para::with_prefix(
            p.verdict(lang).0,
            indent.clone(),
            p.outcome(lang),
        ));
        if let Some(why) = p.why_not_counted(lang) {
            out.push(Para::with_prefix(Tone::Muted, indent, why));
        }
    }
    out.push(Para::blank());
    out.push(Para::new(Tone::Heading, t.my_results_validity));
    let statuses = model.statuses();
    for (m, st) in model.courses.modules.iter().zip(&statuses) {
        if !model.history.iter().any(|a| a.module == m.module.id) {
            continue;
        }
        out.push(Para::with_prefix(
            Tone::Text,
            format!("{} ", status::symbol(st)),
            format!(
                "{}: {}",
                sanitize(m.module.title.get(lang), true),
                validity(st, lang)
            ),
        ));
    }
    out
}

/// How many attempts the record holds, for the screen's header.
pub fn count(model: &Model) -> String {
    words::count(model.lang(), model.history.len())
}

fn day_text(p: &PastAttempt, lang: Lang) -> String {
    p.day
        .map_or_else(|| "?".to_owned(), |d| short_date_with_year(d, lang))
}

/// How long a module is valid, from its status: until a date, for good (onboarding), no longer
/// (overdue), or not yet passed.
pub fn validity(status: &Status, lang: Lang) -> String {
    let t = texts(lang);
    match status.state {
        State::Passed {
            valid_until: Some(until),
            ..
        } => words::valid_until(lang, until, None),
        State::Passed {
            valid_until: None, ..
        } => t.valid_for_good.to_owned(),
        State::Due {
            by,
            reason: reason @ (Reason::Renewal { .. } | Reason::NewVersion { .. }),
        } => words::valid_until(lang, by, Some(reason)),
        State::Overdue {
            since,
            reason: Reason::Renewal { .. } | Reason::NewVersion { .. },
        } => words::expired(lang, since),
        State::Due {
            reason: Reason::FirstTime,
            ..
        }
        | State::Overdue {
            reason: Reason::FirstTime,
            ..
        }
        | State::Waiting { .. } => t.not_passed_yet.to_owned(),
    }
}

/// The texts of this screen that hold values (its fixed texts are in [`super::texts`]).
mod words {
    use jiff::civil::Date;

    use crate::app::texts;
    use crate::attempt::FinishedAttempt;
    use crate::lang::Lang;
    use crate::schedule::Reason;

    /// "3 forsøg", "1 attempt".
    pub(super) fn count(lang: Lang, n: usize) -> String {
        match (lang, n) {
            (Lang::Da, n) => format!("{n} forsøg"),
            (Lang::En, 1) => "1 attempt".to_owned(),
            (Lang::En, n) => format!("{n} attempts"),
        }
    }

    /// "✓ Bestået · 9 af 10 rigtige · kvittering 7F3A-91C2-0B4D".
    pub(super) fn outcome(
        lang: Lang,
        verdict: &str,
        a: &FinishedAttempt,
        receipt: Option<&str>,
    ) -> String {
        let (score, max) = (a.score, a.max);
        let receipt = receipt.map_or_else(String::new, |r| {
            format!(" · {} {r}", lang.pick("kvittering", "receipt"))
        });
        match lang {
            Lang::Da => format!("{verdict} · {score} af {max} rigtige{receipt}"),
            Lang::En => format!("{verdict} · {score} of {max} right{receipt}"),
        }
    }

    /// Why an attempt does not count (`why` is the verdict's reason).
    pub(super) fn not_counted(lang: Lang, why: &str) -> String {
        match lang {
            Lang::Da => format!("Tæller ikke med: {why}."),
            Lang::En => format!("Does not count: {why}."),
        }
    }

    /// "gyldig til 15. december 2026", and what to do before then when it is due again.
    pub(super) fn valid_until(lang: Lang, until: Date, due: Option<Reason>) -> String {
        let day = texts::date(lang, until);
        let then = match (lang, due) {
            (_, None | Some(Reason::FirstTime)) => "",
            (Lang::Da, Some(Reason::Renewal { .. })) => "; tag det igen inden da",
            (Lang::En, Some(Reason::Renewal { .. })) => "; take it again before then",
            (Lang::Da, Some(Reason::NewVersion { .. })) => "; tag den nye version inden da",
            (Lang::En, Some(Reason::NewVersion { .. })) => "; take the new version before then",
        };
        match lang {
            Lang::Da => format!("gyldig til {day}{then}"),
            Lang::En => format!("valid until {day}{then}"),
        }
    }

    /// "ikke gyldig længere, forfalden siden 1. marts 2026".
    pub(super) fn expired(lang: Lang, since: Date) -> String {
        let day = texts::date(lang, since);
        match lang {
            Lang::Da => format!("ikke gyldig længere, forfalden siden {day}"),
            Lang::En => format!("no longer valid, overdue since {day}"),
        }
    }
}

#[cfg(test)]
mod tests;
