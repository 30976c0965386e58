//! The overview, forvaltninger and areas tabs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Row, Sparkline, Table};

use super::{
    Columns, Model, column_window, dashboard_columns, header_row, percent, row_of, window,
};
use crate::app::doc::Tone;
use crate::report::columns as cols;
use crate::report::model::{Report, Topic};
use crate::report::render::{safe, share_in, withheld};
use crate::tui::theme::Theme;

pub(super) fn overview(m: &Model, r: &Report, frame: &mut Frame, body: Rect, theme: Theme) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body);
    let lines = collection_lines(m, r, theme);
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(l(" Indsamling ", " Collection "))),
        left,
    );
    let (shown, widths) = dashboard_columns(&cols::MODULE_STATS, m);
    let rows: Vec<Row<'_>> = r
        .module_stats
        .iter()
        .map(|s| row_of(&shown, s, m, r))
        .collect();
    frame.render_widget(
        Table::new(rows, widths)
            .header(header_row(&shown, m))
            .block(
                Block::bordered().title(l(" Moduler, første forsøg ", " Modules, first attempts ")),
            ),
        right,
    );
}

/// The overview's left column: what was read, counted and rejected.
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
            format!(
                "  {} {}",
                c.records_rejected,
                l("afvist (se Problemer)", "rejected (see Problems)")
            ),
            rejected_style,
        )),
        Line::from(format!("{}: {}", l("Medarbejdere", "Learners"), c.learners)),
        Line::from(format!(
            "{}: {}",
            l("Forsinkede", "Overdue"),
            r.overdue_total()
                .map_or_else(|| withheld(r), |n| n.to_string())
        )),
        Line::from(if r.roster_used {
            format!(
                "{}: {}",
                l("Aldrig startet", "Never started"),
                c.never_started
            )
        } else {
            l("Ingen personaleliste (--roster)", "No roster (--roster)").to_owned()
        }),
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
