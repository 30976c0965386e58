//! The overview, forvaltninger and areas tabs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Sparkline, Wrap};

use super::{Columns, Model, column_window, percent, window};
use crate::app::doc::Tone;
use crate::lang::Lang;
use crate::report::columns as cols;
use crate::report::model::{Gated, OverviewRow, Report, Topic};
use crate::report::render::{overview_summary, pct, safe, share_in, trend_words, withheld};
use crate::tui::theme::Theme;

pub(super) fn overview(m: &Model, r: &Report, frame: &mut Frame, body: Rect, theme: Theme) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let mut lines: Vec<Line<'_>> = overview_summary(r, m.lang)
        .into_iter()
        .map(Line::from)
        .collect();
    if !r.roster_used {
        lines.push(Line::from(Span::styled(
            l(
                "Andele af de ansatte kræver en medarbejderliste (--roster).",
                "Shares of employees need a roster (--roster).",
            ),
            theme.tone(Tone::Warning),
        )));
    }
    let head_h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let [head, table, detail] = Layout::vertical([
        Constraint::Length(head_h),
        Constraint::Fill(1),
        Constraint::Length(5),
    ])
    .areas(body);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(format!(
                " {} · {} {} ",
                l("Overblik", "Overview"),
                l("opgjort", "as of"),
                r.today
            ))),
        head,
    );
    column_window(
        (frame, table),
        (m, r),
        (
            l(
                " Personer pr. forvaltning (Udv.: siden kvartalet før, ↑↓ kun når sikker) ",
                " People per forvaltning (Tr.: since the quarter before, ↑↓ only when certain) ",
            )
            .into(),
            &cols::OVERVIEW,
        ),
        (r.overview.len(), |i| &r.overview[i]),
    );
    let text = r
        .overview
        .get(m.row())
        .map(|row| overview_detail(r, row, m.lang))
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(text.into_iter().map(Line::from).collect::<Vec<_>>())
            .wrap(Wrap { trim: true })
            .block(Block::bordered()),
        detail,
    );
}

/// The selected overview row in words: the whole name, and the figures the table has no room
/// for.
fn overview_detail(r: &Report, row: &OverviewRow, lang: Lang) -> Vec<String> {
    let name = match &row.forvaltning {
        Some(f) => safe(f),
        None => lang
            .pick("Alle forvaltninger", "All forvaltninger")
            .to_owned(),
    };
    let Gated::Shown(f) = &row.figures else {
        return vec![
            name,
            match lang {
                Lang::Da => format!(
                    "Vises ikke: færre end {} ansatte, eller tallet kunne regnes ud af de andre.",
                    r.min_group
                ),
                Lang::En => format!(
                    "Withheld: fewer than {} employees, or the figure could be worked out from the others.",
                    r.min_group
                ),
            },
        ];
    };
    let p = |s: f64| pct(lang, s);
    let mut lines = vec![name];
    if row.roster {
        let before = match &f.before {
            Gated::Shown(b) => match lang {
                Lang::Da => format!(
                    "; kvartalet før {} ajour, {} onboarding",
                    p(b.up_to_date_share()),
                    p(b.onboarded_share())
                ),
                Lang::En => format!(
                    "; quarter before {} up to date, {} onboarding",
                    p(b.up_to_date_share()),
                    p(b.onboarded_share())
                ),
            },
            Gated::Withheld => String::new(),
        };
        let now = f.now();
        lines.push(match lang {
            Lang::Da => format!(
                "{} ansatte: {} onboarding bestået, {} alt ajour{before}{}",
                now.employees,
                p(now.onboarded_share()),
                p(now.up_to_date_share()),
                f.trend
                    .map(|t| format!(" ({})", trend_words(t, lang)))
                    .unwrap_or_default()
            ),
            Lang::En => format!(
                "{} employees: {} onboarding passed, {} all up to date{before}{}",
                now.employees,
                p(now.onboarded_share()),
                p(now.up_to_date_share()),
                f.trend
                    .map(|t| format!(" ({})", trend_words(t, lang)))
                    .unwrap_or_default()
            ),
        });
    }
    lines.push(match (lang, row.roster) {
        (Lang::Da, true) => format!(
            "Forsinkede: {} · aldrig startet: {} · forsøgt, ikke godkendt: {}",
            f.overdue, f.never_started, f.not_accepted
        ),
        (Lang::Da, false) => format!(
            "{} med poster · forsinkede: {} · forsøgt, ikke godkendt: {}",
            f.employees, f.overdue, f.not_accepted
        ),
        (Lang::En, true) => format!(
            "Overdue: {} · never started: {} · attempted, not accepted: {}",
            f.overdue, f.never_started, f.not_accepted
        ),
        (Lang::En, false) => format!(
            "{} with records · overdue: {} · attempted, not accepted: {}",
            f.employees, f.overdue, f.not_accepted
        ),
    });
    lines
}

/// The collection's bookkeeping (the problems tab): what was read, counted and rejected.
pub(super) fn collection_lines<'a>(m: &Model, r: &Report, theme: Theme) -> Vec<Line<'a>> {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let c = &r.counts;
    let rejected_style = if c.records_rejected > 0 {
        theme.tone(Tone::Warning)
    } else {
        Style::new()
    };
    let lines = vec![
        Line::from(Span::styled(
            format!("{} {}", l("Opgjort", "As of"), r.today),
            theme.tone(Tone::Title),
        )),
        Line::from(""),
        Line::from(format!(
            "{}: {}",
            l("Filer læst", "Files read"),
            c.files_read
        )),
        Line::from(format!(
            "  {} {} · {} {} · {} {}",
            c.files_counted,
            l("talt", "counted"),
            c.files_partly_counted,
            l("delvis", "partly"),
            c.files_rejected,
            l("afvist", "rejected")
        )),
        Line::from(format!(
            "{}: {}",
            l("Poster læst", "Records read"),
            c.records_read
        )),
        Line::from(format!(
            "  {} {}",
            c.records_counted,
            l("talt med", "counted")
        )),
        Line::from(Span::styled(
            format!("  {} {}", c.records_rejected, l("afvist", "rejected")),
            rejected_style,
        )),
        Line::from(format!(
            "{}: {}",
            l("Medarbejdere med poster", "Learners with records"),
            c.learners
        )),
        Line::from(format!(
            "{}: {}",
            l("Logs med anker", "Logs anchored"),
            c.anchored_logs
        )),
        Line::from(""),
        Line::from(Span::styled(
            format!(
                "{} <{}",
                l("Grupper vises ikke under", "Groups withheld below"),
                r.min_group
            ),
            theme.tone(Tone::Muted),
        )),
    ];
    lines
}

pub(super) fn forvaltninger(m: &Model, r: &Report, frame: &mut Frame, body: Rect) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let title = l(
        " Gennemførelse pr. forvaltning og modul ",
        " Completion per forvaltning and module ",
    );
    column_window(
        (frame, body),
        (m, r),
        (title.into(), &cols::COMPLETION),
        (r.completion.len(), |i| &r.completion[i]),
    );
}

/// A text sparkline of quarterly shares (`·` where withheld or empty).
pub(super) fn spark(r: &Report, forv: Option<&str>, t: Topic, last: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let start = r.quarters.len().saturating_sub(last);
    r.quarters[start..]
        .iter()
        .map(|q| {
            r.knowledge_share(forv, t, q).map_or('·', |s| {
                // Shares between 40 % and 100 % fill the eight steps; real levels live there.
                let step = ((s - 0.4) / 0.6 * 7.0).round().clamp(0.0, 7.0);
                BARS[usize::try_from(percent(step)).unwrap_or(0).min(7)]
            })
        })
        .collect()
}

pub(super) fn areas(m: &Model, r: &Report, frame: &mut Frame, body: Rect, theme: Theme) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let topics: Vec<Topic> = Topic::all().collect();
    let [top, bottom] = Layout::vertical([Constraint::Fill(1), Constraint::Length(9)]).areas(body);
    window(
        frame,
        top,
        Columns {
            title: l(
                " Vidensniveau, alle forvaltninger ",
                " Knowledge level, all forvaltninger ",
            )
            .into(),
            header: vec![
                l("Område / mål", "Area / goal"),
                l("Seneste", "Latest"),
                l("Kvartaler", "Quarters"),
            ],
            widths: &[
                Constraint::Fill(1),
                Constraint::Length(10),
                Constraint::Length(14),
            ],
        },
        (topics.len(), m.row()),
        |i| {
            let t = topics[i];
            let latest = r
                .quarters
                .last()
                .map_or_else(|| "–".into(), |q| share_in(r, m.lang, None, t, q));
            vec![t.name(m.lang).to_owned(), latest, spark(r, None, t, 12)]
        },
    );
    let Some(&topic) = topics.get(m.row()) else {
        return;
    };
    let [chart, trend] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(bottom);
    let latest = r.quarters.last().cloned().unwrap_or_default();
    let bars: Vec<Bar<'_>> = r
        .forvaltninger
        .iter()
        .map(|fv| {
            let share = r.knowledge_share(Some(fv), topic, &latest);
            let label = crate::report::render::markdown::initials(fv);
            match share {
                Some(s) => Bar::with_label(label, percent(s * 100.0))
                    .text_value(format!("{:.0}", s * 100.0)),
                None => Bar::with_label(label, 0).text_value(withheld(r)),
            }
        })
        .collect();
    frame.render_widget(
        BarChart::new(Vec::<Bar<'_>>::new())
            .data(BarGroup::new(bars))
            .bar_width(3)
            .bar_gap(1)
            .max(100)
            .bar_style(theme.tone(Tone::Title))
            .block(Block::bordered().title(format!(
                " {} % · {latest} ",
                l("pr. forvaltning", "per forvaltning")
            ))),
        chart,
    );
    // Heights from 40 % up: knowledge levels live there, and a change of a few points
    // should be visible (the same scale as the table's text sparklines).
    let series: Vec<Option<u64>> = r
        .quarters
        .iter()
        .map(|q| {
            r.knowledge_share(None, topic, q)
                .map(|s| percent((s - 0.4) / 0.6 * 100.0))
        })
        .collect();
    frame.render_widget(
        Sparkline::default()
            .data(&series)
            .max(100)
            .style(theme.tone(Tone::Title))
            .block(Block::bordered().title(format!(" {} · 40–100 % ", safe(topic.name(m.lang))))),
        trend,
    );
}
