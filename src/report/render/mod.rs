//! Renderers: one per output format. Each takes a finished [`Report`] (privacy already
//! applied), so none can show what the report withheld. JSON and xAPI leave the security
//! function and carry pseudonyms instead of employee ids.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod xapi;

use crate::lang::Lang;

use super::model::{Report, Topic};

/// A share as a percentage with one decimal, in the language's notation.
pub fn pct(lang: Lang, share: f64) -> String {
    let s = format!("{:.1}", share * 100.0);
    match lang {
        Lang::Da => format!("{} %", s.replace('.', ",")),
        Lang::En => format!("{s}%"),
    }
}

/// A number with two decimals, in the language's notation.
pub fn num2(lang: Lang, v: f64) -> String {
    let s = format!("{v:.2}");
    match lang {
        Lang::Da => s.replace('.', ","),
        Lang::En => s,
    }
}

/// How a withheld figure is shown: `<5` for a minimum group of 5.
pub fn withheld(report: &Report) -> String {
    format!("<{}", report.min_group)
}

/// A figure that privacy may withhold: the figure, or `<5` when it is withheld.
pub fn opt<T: ToString>(report: &Report, v: Option<T>) -> String {
    v.map_or_else(|| withheld(report), |v| v.to_string())
}

/// A share that privacy may withhold: `83,2 %`, or `<5` when it is withheld.
pub fn opt_pct(report: &Report, lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(|| withheld(report), |v| pct(lang, v))
}

/// The latest knowledge share and trend for a topic in a forvaltning (`None` = all), as text.
pub fn latest_share(report: &Report, lang: Lang, forv: Option<&str>, topic: Topic) -> String {
    let Some(q) = report.quarters.last() else {
        return "–".into();
    };
    share_in(report, lang, forv, topic, q)
}

/// The knowledge share and trend of one cell, as text; `–` when nobody answered there.
pub fn share_in(
    report: &Report,
    lang: Lang,
    forv: Option<&str>,
    topic: Topic,
    quarter: &str,
) -> String {
    let row = report
        .knowledge
        .iter()
        .find(|r| r.forvaltning.as_deref() == forv && r.topic == topic && r.quarter == quarter);
    match row {
        None => "–".into(),
        Some(r) => match r.share {
            None => withheld(report),
            Some(s) => match r.trend {
                Some(t) => format!("{} {}", pct(lang, s), t.arrow()),
                None => pct(lang, s),
            },
        },
    }
}

/// Text from records or files, made safe for a terminal, a Markdown table or a CSV cell.
pub fn safe(s: &str) -> String {
    crate::safe_text::sanitize(s, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(pct(Lang::Da, 0.8734), "87,3 %");
        assert_eq!(pct(Lang::En, 0.8734), "87.3%");
        assert_eq!(num2(Lang::Da, 0.756), "0,76");
    }
}
