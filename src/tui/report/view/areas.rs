//! The areas tab: knowledge per area and goal for all forvaltninger or, with `f`, for one
//! forvaltning at a time (latest quarter, its arrow, and a text sparkline over as many
//! quarters as the window has room for, the quarters it spans in its heading, the quarter in
//! progress marked `*`, a withheld quarter `░`, never a figure), sortable weakest first; below it, for the selected topic, a bar per forvaltning and a bar per
//! quarter, both on a scale that starts a little below the lowest value (so 75 % and 80 % do
//! not look alike) with the values printed, and the 95 % interval and the arrow in words.
//! The charts take a share of the window, so they grow with it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};

use super::{Columns, Model, percent, window};
use crate::app::doc::Tone;
use crate::lang::Lang;
use crate::report::model::{Gated, Report, Topic};
use crate::report::render::markdown::initials;
use crate::report::render::{pct, quarter_heading, safe, share_in, trend_words, withheld};
use crate::tui::theme::Theme;

/// The topics in the order the tab lists them: weakest first in the latest quarter (topics
/// without a shown figure last), or the policy's order.
pub(super) fn topic_order(r: &Report, forv: Option<&str>, weakest_first: bool) -> Vec<Topic> {
    let mut topics: Vec<Topic> = Topic::all().collect();
    if weakest_first && let Some(q) = r.quarters.last() {
        topics.sort_by(|a, b| {
            let key = |t: &Topic| r.knowledge_share(forv, *t, q).unwrap_or(f64::INFINITY);
            key(a).total_cmp(&key(b))
        });
    }
    topics
}

/// A text sparkline of quarterly shares on the scale `lo..1`: `░` where withheld, `·` where
/// nobody answered.
fn spark(r: &Report, (forv, t): (Option<&str>, Topic), quarters: &[String], lo: f64) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    quarters
        .iter()
        .map(|q| match r.knowledge_cell(forv, t, q).map(|c| &c.figures) {
            None => '·',
            Some(Gated::Withheld) => '░',
            Some(Gated::Shown(f)) => {
                let step = ((f.share - lo) / (1.0 - lo).max(0.01) * 7.0)
                    .round()
                    .clamp(0.0, 7.0);
                BARS[usize::try_from(percent(step)).unwrap_or(0).min(7)]
            }
        })
        .collect()
}

/// The sparkline's heading: the quarters it spans, the one in progress marked `*`.
fn span_heading(r: &Report, quarters: &[String], lang: Lang) -> String {
    let short = |q: &String| {
        let star = if *q == r.current_quarter { "*" } else { "" };
        format!(
            "{}{}{star}",
            q.get(2..4).unwrap_or(""),
            q.get(5..).unwrap_or("")
        )
    };
    match (quarters.first(), quarters.last()) {
        (Some(a), Some(b)) if quarters.len() >= 9 => format!("{}…{}", short(a), short(b)),
        (Some(_), Some(b)) => format!("{}…{}", lang.pick("Kvt.", "Qtr."), short(b)),
        _ => lang.pick("Kvartaler", "Quarters").to_owned(),
    }
}

/// The start of a scale that shows differences: five points below the lowest value, on a
/// five-point step.
fn scale_start(values: impl Iterator<Item = f64>) -> f64 {
    let lowest = values.fold(1.0, f64::min);
    (((lowest - 0.05) * 20.0).floor() / 20.0).clamp(0.0, 0.9)
}

/// A bar on the scale `lo..1`, in tenths of a percentage point, labelled with its value.
fn bar(label: String, share: Option<f64>, lo: f64, r: &Report) -> Bar<'static> {
    match share {
        Some(s) => Bar::with_label(label, percent((s - lo).max(0.0) * 1000.0 / 10.0))
            .text_value(format!("{:.0}", s * 100.0)),
        None => Bar::with_label(label, 0).text_value(withheld(r)),
    }
}

pub(super) fn areas(m: &Model, r: &Report, frame: &mut Frame, body: Rect, theme: Theme) {
    let say = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let forv = m.areas_forvaltning(r);
    let topics = topic_order(r, forv, m.weakest_first);
    let [top, bottom] =
        Layout::vertical([Constraint::Fill(1), Constraint::Percentage(45)]).areas(body);
    // The sparkline takes what the names leave, up to every quarter there is.
    let room = usize::from(top.width.saturating_sub(4 + 30 + 10 + 2));
    let n_quarters = r.quarters.len().min(room.clamp(4, 40));
    let shown_quarters = &r.quarters[r.quarters.len() - n_quarters..];
    let lo = scale_start(shown_quarters.iter().flat_map(|quarter| {
        topics
            .iter()
            .filter_map(|topic| r.knowledge_share(forv, *topic, quarter))
    }));
    let span = span_heading(r, shown_quarters, m.lang);
    let spark_w = u16::try_from(n_quarters.max(span.chars().count())).unwrap_or(16);
    let order = if m.weakest_first {
        say(
            "svageste først (s: politikkens orden)",
            "weakest first (s: policy order)",
        )
    } else {
        say(
            "politikkens orden (s: svageste først)",
            "policy order (s: weakest first)",
        )
    };
    window(
        frame,
        top,
        Columns {
            title: format!(
                " {}, {} (f) · {order} ",
                say("Vidensniveau", "Knowledge level"),
                forv.map_or_else(
                    || say("alle forvaltninger", "all forvaltninger").to_owned(),
                    safe
                )
            ),
            header: vec![
                say("Område / mål", "Area / goal"),
                say("Seneste", "Latest"),
                &span,
            ],
            widths: &[
                Constraint::Fill(1),
                Constraint::Length(10),
                Constraint::Length(spark_w),
            ],
        },
        (topics.len(), m.row()),
        |row| {
            let t = topics[row];
            let latest = r.quarters.last().map_or_else(
                || "–".into(),
                |quarter| share_in(r, m.lang, forv, t, quarter),
            );
            vec![
                t.name(m.lang).to_owned(),
                latest,
                spark(r, (forv, t), shown_quarters, lo),
            ]
        },
    );
    let Some(&topic) = topics.get(m.row()) else {
        return;
    };
    let [charts, words] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(bottom);
    let [chart, trend] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(charts);
    by_forvaltning(m, r, (frame, chart), topic, theme);
    by_quarter(m, r, (frame, trend), (forv, topic), theme);
    frame.render_widget(
        Paragraph::new(Line::from(latest_in_words(r, (forv, topic), m.lang))),
        words,
    );
}

/// The selected topic per forvaltning in the latest quarter.
fn by_forvaltning(
    m: &Model,
    r: &Report,
    (frame, area): (&mut Frame, Rect),
    topic: Topic,
    theme: Theme,
) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let latest = r.quarters.last().cloned().unwrap_or_default();
    let shares: Vec<Option<f64>> = r
        .forvaltninger
        .iter()
        .map(|f| r.knowledge_share(Some(f), topic, &latest))
        .collect();
    let lo = scale_start(shares.iter().flatten().copied());
    let n = u16::try_from(r.forvaltninger.len().max(1)).unwrap_or(u16::MAX);
    let bar_w = (area.width.saturating_sub(2) / n)
        .saturating_sub(1)
        .clamp(3, 12);
    let bars: Vec<Bar<'_>> = r
        .forvaltninger
        .iter()
        .zip(&shares)
        .map(|(f, s)| {
            // Whole names where the bars are wide enough, initials otherwise.
            let name = safe(f);
            let label = if name.chars().count() <= usize::from(bar_w) {
                name
            } else {
                initials(f)
            };
            bar(label, *s, lo, r)
        })
        .collect();
    let title = format!(
        " {} · {} · {} {} ",
        l("pr. forvaltning", "per forvaltning"),
        quarter_heading(r, &latest, m.lang),
        l("fra", "from"),
        pct(m.lang, lo)
    );
    frame.render_widget(scaled_chart(bars, (bar_w, lo), title, theme), area);
}

/// Bars on the scale from `lo` to 100 %, `width` cells wide, in a box with its title.
fn scaled_chart(
    bars: Vec<Bar<'_>>,
    (width, lo): (u16, f64),
    title: String,
    theme: Theme,
) -> BarChart<'_> {
    BarChart::new(Vec::<Bar<'_>>::new())
        .data(BarGroup::new(bars))
        .bar_width(width)
        .bar_gap(1)
        .max(percent((1.0 - lo) * 100.0))
        .bar_style(theme.tone(Tone::Title))
        .block(Block::bordered().title(title))
}

/// The selected topic for the forvaltning shown (or all), a bar per quarter with its label.
fn by_quarter(
    m: &Model,
    r: &Report,
    (frame, area): (&mut Frame, Rect),
    (forv, topic): (Option<&str>, Topic),
    theme: Theme,
) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let fits = usize::from(area.width.saturating_sub(2) / 6).max(1);
    let quarters = &r.quarters[r.quarters.len().saturating_sub(fits)..];
    let shares: Vec<Option<f64>> = quarters
        .iter()
        .map(|q| r.knowledge_share(forv, topic, q))
        .collect();
    let lo = scale_start(shares.iter().flatten().copied());
    let bars: Vec<Bar<'_>> = quarters
        .iter()
        .zip(&shares)
        .map(|(q, s)| {
            // `2025-Q2` → `25Q2`, a star for the quarter in progress.
            let short = format!(
                "{}{}{}",
                q.get(2..4).unwrap_or(""),
                q.get(5..).unwrap_or(""),
                if *q == r.current_quarter { "*" } else { "" }
            );
            bar(short, *s, lo, r)
        })
        .collect();
    let title = format!(
        " {}{} · {} {} ",
        safe(topic.name(m.lang)),
        forv.map(|f| format!(" · {}", safe(f))).unwrap_or_default(),
        l("fra", "from"),
        pct(m.lang, lo)
    );
    frame.render_widget(scaled_chart(bars, (5, lo), title, theme), area);
}

/// The latest figure of the forvaltning shown (or all), its 95 % interval and what its arrow
/// means.
fn latest_in_words(r: &Report, (forv, topic): (Option<&str>, Topic), lang: Lang) -> String {
    let Some(row) = r
        .quarters
        .last()
        .and_then(|q| r.knowledge_cell(forv, topic, q))
    else {
        return String::new();
    };
    let Some(f) = row.figures.shown() else {
        return format!(
            "{}: {} ({})",
            safe(topic.name(lang)),
            withheld(r),
            lang.pick(
                "vises ikke: for få medarbejdere, eller tallet kunne regnes ud",
                "withheld: too few learners, or the figure could be worked out"
            )
        );
    };
    let (a, b) = f.interval;
    let trend = f
        .trend
        .map(|t| format!(" · {} {}", t.arrow(), trend_words(t, lang)))
        .unwrap_or_default();
    format!(
        "{}: {} ({} {}–{}){trend}",
        safe(topic.name(lang)),
        pct(lang, f.share),
        lang.pick("95 %:", "95%:"),
        pct(lang, a),
        pct(lang, b)
    )
}
