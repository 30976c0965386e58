//! The questions, overdue and problems tabs: long lists, drawn as windows through the
//! columns of their row types.

#[allow(clippy::wildcard_imports)]
use super::*;

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
    let title = l(
        " Forsinkede (hvem, ikke hvordan de klarede sig) ",
        " Overdue (who, not how they did) ",
    );
    column_window(
        (frame, body),
        (m, r),
        (title.into(), &cols::OVERDUE),
        (r.overdue.len(), |i| &r.overdue[i]),
    );
}

pub(super) fn problems(m: &Model, r: &Report, frame: &mut Frame, body: Rect) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let [list, detail] = Layout::vertical([Constraint::Fill(1), Constraint::Length(5)]).areas(body);
    column_window(
        (frame, list),
        (m, r),
        (
            l(" Ikke talt med ", " Not counted ").into(),
            &cols::PROBLEMS,
        ),
        (r.problems.len(), |i| &r.problems[i]),
    );
    let text = r.problems.get(m.row()).map_or_else(
        || l("Ingen problemer.", "No problems.").to_owned(),
        |p| safe(&p.message),
    );
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(Block::bordered()),
        detail,
    );
}
