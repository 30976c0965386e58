//! The overview and forvaltninger tabs, and the collection's bookkeeping.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{Look, Model, column_window};
use crate::app::doc::Tone;
use crate::lang::Lang;
use crate::report::columns as cols;
use crate::report::model::{Gated, OverviewRow, Report};
use crate::report::render::{overview_summary, pct, trend_words};
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
        Look::of(m, r),
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
    // The group as the table's first column names it (a forvaltning, all, or a role).
    let name = cols::OVERVIEW[0].text(row, lang, r.min_group);
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
        let trend = f
            .trend
            .map(|t| format!(" ({})", trend_words(t, lang)))
            .unwrap_or_default();
        let (onboarded, current) = (p(now.onboarded_share()), p(now.up_to_date_share()));
        lines.push(match lang {
            Lang::Da => format!(
                "{} ansatte: {onboarded} onboarding bestået, {current} alt ajour{before}{trend}",
                now.employees
            ),
            Lang::En => format!(
                "{} employees: {onboarded} onboarding passed, {current} all up to date{before}{trend}",
                now.employees
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
        Look::of(m, r),
        (title.into(), &cols::COMPLETION),
        (r.completion.len(), |i| &r.completion[i]),
    );
}
