//! The questions, overdue and problems tabs: long lists, drawn as windows through the
//! columns of their row types. Aggregate only: overdue learners and problems are counted
//! per forvaltning; who and which files is in the follow-up output, never on this screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{Model, column_window};
use crate::report::columns as cols;
use crate::report::model::Report;
use crate::report::render::safe;

pub(super) fn questions(m: &Model, r: &Report, frame: &mut Frame, body: Rect) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
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

pub(super) fn problems(m: &Model, r: &Report, frame: &mut Frame, body: Rect) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let [list, detail] = Layout::vertical([Constraint::Fill(1), Constraint::Length(5)]).areas(body);
    column_window(
        (frame, list),
        (m, r),
        (
            l(
                " Ikke talt med, pr. forvaltning (filerne: --followup) ",
                " Not counted, per forvaltning (the files: --followup) ",
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
