//! Renderers: one per output format. Each takes a finished [`Report`] (privacy already
//! applied), so none can show what the report withheld. JSON and xAPI leave the security
//! function and carry pseudonyms instead of employee ids.

pub mod csv;
pub mod followup;
pub mod json;
pub mod markdown;
pub mod xapi;

use crate::lang::Lang;

use super::columns::Value;
pub use super::columns::{num2, pct};
use super::model::{Gated, Report, Topic};

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

/// Text from records or files, made safe for a terminal, a Markdown table or a CSV cell.
pub fn safe(s: &str) -> String {
    crate::safe_text::sanitize(s, true)
}
