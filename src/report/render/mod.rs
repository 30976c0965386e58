//! Renderers: one per output format. Each takes a finished [`Report`] (privacy already
//! applied), so none can show what the report withheld. JSON and xAPI leave the security
//! function and carry pseudonyms instead of employee ids.

pub mod csv;
pub mod followup;
mod glossary;
pub mod html;
pub mod json;
pub mod markdown;
pub mod xapi;
pub mod xlsx;

use crate::lang::Lang;

pub use self::glossary::glossary;

use super::columns::Value;
pub use super::columns::{num2, pct};
use super::model::{Gated, Report, Topic, Trend};

/// How a withheld figure is shown: `<5` for a minimum group of 5.
pub fn withheld(report: &Report) -> String {
    Value::Withheld.text(Lang::Da, report.min_group)
}

/// The latest knowledge share and trend for a topic in a forvaltning (`None` = all), as text.
pub fn latest_share(report: &Report, lang: Lang, forv: Option<&str>, topic: Topic) -> String {
    let Some(q) = report.quarters.last() else {
        return Value::Empty.text(lang, report.min_group);
    };
    share_in(report, lang, forv, topic, q)
}

/// The knowledge share and trend of one cell, as text (a pivot of the knowledge table's
/// `share` and `trend` columns); `–` when nobody answered there.
pub fn share_in(
    report: &Report,
    lang: Lang,
    forv: Option<&str>,
    topic: Topic,
    quarter: &str,
) -> String {
    let row = report.knowledge_cell(forv, topic, quarter);
    let min = report.min_group;
    match row.map(|r| &r.figures) {
        None => Value::Empty.text(lang, min),
        Some(Gated::Withheld) => Value::Withheld.text(lang, min),
        Some(Gated::Shown(f)) => {
            let share = Value::Share(f.share).text(lang, min);
            match f.trend {
                Some(t) => format!("{share} {}", t.arrow()),
                None => share,
            }
        }
    }
}

/// A quarter's label, marked when it is the report's own quarter and so not over yet:
/// `2025-Q2 (i gang)`.
pub fn quarter_heading(report: &Report, quarter: &str, lang: Lang) -> String {
    if quarter == report.current_quarter {
        format!("{quarter} ({})", lang.pick("i gang", "in progress"))
    } else {
        quarter.to_owned()
    }
}

/// The overview in words, for all forvaltninger together: one line per figure, as every
/// format puts it above the table.
pub fn overview_summary(report: &Report, lang: Lang) -> Vec<String> {
    let Some(all) = report.overview.iter().find(|r| r.is_total()) else {
        return vec![
            lang.pick("Ingen medarbejdere endnu.", "No employees yet.")
                .to_owned(),
        ];
    };
    let Gated::Shown(f) = &all.figures else {
        return vec![format!(
            "{} {}",
            lang.pick("Færre end", "Fewer than"),
            match lang {
                Lang::Da => format!("{} medarbejdere: tallene vises ikke.", report.min_group),
                Lang::En => format!("{} employees: the figures are withheld.", report.min_group),
            }
        )];
    };
    let p = |s: f64| pct(lang, s);
    let now = f.now();
    let mut lines = Vec::new();
    if all.roster {
        let before = match (&f.before, f.trend) {
            (Gated::Shown(b), Some(t)) => match lang {
                Lang::Da => format!(
                    " ({} ved udgangen af kvartalet før: {})",
                    p(b.up_to_date_share()),
                    trend_words(t, lang)
                ),
                Lang::En => format!(
                    " ({} at the end of the quarter before: {})",
                    p(b.up_to_date_share()),
                    trend_words(t, lang)
                ),
            },
            _ => String::new(),
        };
        lines.push(match lang {
            Lang::Da => format!(
                "{} ansatte. {} har bestået onboarding; {} har alt ajour{before}.",
                now.employees,
                p(now.onboarded_share()),
                p(now.up_to_date_share())
            ),
            Lang::En => format!(
                "{} employees. {} have passed onboarding; {} have everything up to date{before}.",
                now.employees,
                p(now.onboarded_share()),
                p(now.up_to_date_share())
            ),
        });
    } else {
        lines.push(match lang {
            Lang::Da => format!("{} medarbejdere med poster.", now.employees),
            Lang::En => format!("{} learners with records.", now.employees),
        });
    }
    // Who never started is known only from a roster.
    let never = all.roster.then_some(f.never_started);
    lines.push(match lang {
        Lang::Da => format!(
            "{} personer er forsinkede med mindst ét modul; {} har forsøgt uden at få et forsøg godkendt{}.",
            f.overdue,
            f.not_accepted,
            never.map_or_else(String::new, |n| format!("; {n} er aldrig startet"))
        ),
        Lang::En => format!(
            "{} people are overdue with at least one module; {} tried without an attempt being accepted{}.",
            f.overdue,
            f.not_accepted,
            never.map_or_else(String::new, |n| format!("; {n} never started"))
        ),
    });
    lines
}

/// What an arrow means, in words.
pub fn trend_words(t: Trend, lang: Lang) -> &'static str {
    match t {
        Trend::Up => lang.pick("sikkert bedre", "certainly better"),
        Trend::Down => lang.pick("sikkert dårligere", "certainly worse"),
        Trend::Flat => lang.pick("ingen sikker ændring", "no certain change"),
    }
}

/// The note under the overview table: what its figures mean, and that shares need a roster.
pub fn overview_note(report: &Report, lang: Lang) -> String {
    let mut s = lang
        .pick(
            "Alle tal er personer, ikke moduler: en medarbejder, der er forsinket med tre moduler, tælles én gang. »Alt ajour«: intet modul forsinket. »Udvikling« sammenligner andelen med alt ajour med den sidste dag i kvartalet før: ↑/↓ kun når ændringen er for stor til at være tilfældig (signifikant på 95 %-niveau), → ellers.",
            "Every figure counts people, not modules: an employee overdue with three modules counts once. »All up to date«: no module overdue. »Trend« compares the share with everything up to date with the last day of the quarter before: ↑/↓ only when the change is too large to be chance (significant at the 95% level), → otherwise.",
        )
        .to_owned();
    if !report.roster_used {
        s.push(' ');
        s.push_str(lang.pick(
            "Andele af de ansatte kræver en medarbejderliste (--roster): uden den kender rapporten kun dem, der har gennemført noget, så onboarding ville være 100 % pr. konstruktion, og ingen kan tælles som aldrig startet.",
            "Shares of employees need a roster (--roster): without one the report knows only those who completed something, so onboarding would be 100% by construction, and no one can be counted as never started.",
        ));
    }
    s
}

/// Text from records or files, made safe for a terminal, a Markdown table or a CSV cell.
pub fn safe(s: &str) -> String {
    crate::safe_text::sanitize(s, true)
}
