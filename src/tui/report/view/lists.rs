//! The questions, overdue and problems tabs: long lists, drawn as windows through the
//! columns of their row types. Aggregate only: overdue learners and problems are counted
//! per forvaltning; who and which files is in the follow-up output, never on this screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Paragraph, Wrap};

use ratatui::widgets::{Row, Table};

use super::summary::collection_lines;
use super::{Model, column_window, dashboard_columns, header_row, row_of};
use crate::report::columns as cols;
use crate::report::model::Report;
use crate::report::render::safe;
use crate::tui::theme::Theme;

pub(super) fn questions(m: &Model, r: &Report, frame: &mut Frame, body: Rect) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let modules_h = u16::try_from(r.module_stats.len() + 3).unwrap_or(u16::MAX);
    let [modules, body] = Layout::vertical([
        Constraint::Length(modules_h.min(body.height / 2)),
        Constraint::Fill(1),
    ])
    .areas(body);
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
        modules,
    );
    let flagged = |i: usize| {
        r.questions[i]
            .figures
            .shown()
            .is_some_and(|f| !f.flags.is_empty())
    };
    // Flagged questions first: they are what an author comes here for.
    let order: Vec<usize> = (0..r.questions.len())
        .filter(|&i| flagged(i))
        .chain((0..r.questions.len()).filter(|&i| !flagged(i)))
        .collect();
    let count = (0..r.questions.len()).filter(|&i| flagged(i)).count();
    let title = format!(
        " {} · {count} {} ",
        l("Spørgsmål, første forsøg", "Questions, first attempts"),
        l("markeret ⚑", "flagged ⚑")
    );
    column_window(
        (frame, body),
        (m, r),
        (title, &cols::QUESTIONS),
        (r.questions.len(), |i| &r.questions[order[i]]),
    );
}

pub(super) fn overdue(m: &Model, r: &Report, frame: &mut Frame, body: Rect) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    // Most overdue first; withheld groups last. The names are in the follow-up output only.
    let mut order: Vec<usize> = (0..r.completion.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(r.completion[i].figures.shown().map(|f| f.overdue)));
    let title = l(
        " Forsinkede pr. forvaltning og modul (navnene: --followup) ",
        " Overdue per forvaltning and module (names: --followup) ",
    );
    column_window(
        (frame, body),
        (m, r),
        (title.into(), &cols::COMPLETION),
        (r.completion.len(), |i| &r.completion[order[i]]),
    );
}

pub(super) fn problems(m: &Model, r: &Report, frame: &mut Frame, body: Rect, theme: Theme) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let [top, detail] = Layout::vertical([Constraint::Fill(1), Constraint::Length(5)]).areas(body);
    let [books, list] =
        Layout::horizontal([Constraint::Length(36), Constraint::Fill(1)]).areas(top);
    frame.render_widget(
        Paragraph::new(collection_lines(m, r, theme))
            .block(Block::bordered().title(l(" Indsamling ", " Collection "))),
        books,
    );
    column_window(
        (frame, list),
        (m, r),
        (
            l(
                " Ikke talt med (filerne: --followup) ",
                " Not counted (the files: --followup) ",
            )
            .into(),
            &cols::PROBLEM_COUNTS,
        ),
        (r.problem_counts.len(), |i| &r.problem_counts[i]),
    );
    let roster: Vec<String> = r
        .roster_problems
        .iter()
        .map(|p| match p.line {
            Some(n) => format!(
                "{} {n}: {}",
                l("Medarbejderlisten, linje", "Roster, line"),
                p.message
            ),
            None => format!("{}: {}", l("Medarbejderlisten", "Roster"), p.message),
        })
        .collect();
    let text = if roster.is_empty() && r.problem_counts.is_empty() {
        l("Ingen problemer.", "No problems.").to_owned()
    } else if roster.is_empty() {
        l(
            "Medarbejderlisten: ingen problemer.",
            "Roster: no problems.",
        )
        .to_owned()
    } else {
        roster.join(" · ")
    };
    frame.render_widget(
        Paragraph::new(safe(&text))
            .wrap(Wrap { trim: true })
            .block(Block::bordered()),
        detail,
    );
}
