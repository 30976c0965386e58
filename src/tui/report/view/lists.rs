//! The questions, overdue and problems tabs: long lists, drawn as windows through the
//! columns of their row types. Aggregate only: overdue learners and problems are counted
//! per forvaltning; who and which files is in the follow-up output, never on this screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Paragraph, Wrap};

use ratatui::text::Line;

use super::summary::collection_lines;
use super::{Look, Model, Page, column_window};
use crate::lang::Lang;
use crate::report::columns as cols;
use crate::report::model::{QuestionRow, Report};
use crate::report::render::{num2, pct, safe};
use crate::tui::theme::Theme;

pub(super) fn questions(m: &Model, r: &Report, frame: &mut Frame, body: Rect) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let order = question_order(r);
    if m.page == Page::Question {
        return question_page(m, r, &order, (frame, body));
    }
    let count = r
        .questions
        .iter()
        .filter(|q| q.figures.shown().is_some_and(|f| !f.flags.is_empty()))
        .count();
    let title = format!(
        " {} · {count} {} · {} ",
        l("Spørgsmål, første forsøg", "Questions, first attempts"),
        l("markeret ⚑", "flagged ⚑"),
        l("Enter: hele spørgsmålet", "Enter: the whole question")
    );
    let [list, detail] = Layout::vertical([Constraint::Fill(1), Constraint::Length(7)]).areas(body);
    column_window(
        (frame, list),
        Look::of(m, r),
        (title, &cols::QUESTIONS),
        (r.questions.len(), |i| &r.questions[order[i]]),
    );
    let text = order
        .get(m.row())
        .map(|&i| question_detail(r, &r.questions[i], m.lang))
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(
            text.into_iter()
                .map(|s| Line::from(safe(&s)))
                .collect::<Vec<_>>(),
        )
        .wrap(Wrap { trim: true })
        .block(Block::bordered()),
        detail,
    );
}

/// The selected question on a page of its own (Enter on the list): the same words as the pane
/// under the list, with the room to read them.
fn question_page(m: &Model, r: &Report, order: &[usize], (frame, body): (&mut Frame, Rect)) {
    let Some(&i) = order.get(m.row()) else {
        return;
    };
    let title = match m.lang {
        Lang::Da => format!(" Spørgsmål {} af {} ", m.row() + 1, order.len()),
        Lang::En => format!(" Question {} of {} ", m.row() + 1, order.len()),
    };
    let mut lines: Vec<Line> = Vec::new();
    for (n, text) in question_detail(r, &r.questions[i], m.lang)
        .into_iter()
        .enumerate()
    {
        if n > 0 {
            lines.push(Line::default());
        }
        lines.push(Line::from(safe(&text)));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(title)),
        body,
    );
}

/// The questions in the order the tab lists them: flagged first (they are what an author comes
/// here for), then the rest, each in course order.
pub(in crate::tui::report) fn question_order(r: &Report) -> Vec<usize> {
    let flagged = |i: &usize| {
        r.questions[*i]
            .figures
            .shown()
            .is_some_and(|f| !f.flags.is_empty())
    };
    let (mut first, rest): (Vec<usize>, Vec<usize>) = (0..r.questions.len()).partition(flagged);
    first.extend(rest);
    first
}

/// One question in words: its text, module and area, its figures, what its flags mean, and
/// its module's test statistics.
fn question_detail(r: &Report, q: &QuestionRow, lang: Lang) -> Vec<String> {
    let min = r.min_group;
    let mut lines = vec![
        format!(
            "{} · {} · {}",
            q.id,
            q.module_title.get(lang),
            q.area.name(lang)
        ),
        format!("»{}«", q.prompt.get(lang)),
    ];
    lines.push(match q.figures.shown() {
        None => match lang {
            Lang::Da => format!("Færre end {min} første forsøg: tallene vises ikke."),
            Lang::En => format!("Fewer than {min} first attempts: the figures are withheld."),
        },
        Some(f) => {
            let share = f.facility.map_or_else(|| "–".into(), |v| pct(lang, v));
            let disc = f.discrimination.map_or_else(|| "–".into(), |v| num2(lang, v));
            match lang {
                Lang::Da => format!(
                    "{} første forsøg · {share} svarer rigtigt (højere = lettere) · diskrimination {disc} (over 0: de stærke svarer oftere rigtigt end de svage)",
                    f.n
                ),
                Lang::En => format!(
                    "{} first attempts · {share} answer correctly (higher = easier) · discrimination {disc} (above 0: the strong answer correctly more often than the weak)",
                    f.n
                ),
            }
        }
    });
    if let Some(f) = q.figures.shown() {
        for flag in &f.flags {
            lines.push(format!("⚑ {}: {}", flag.label(lang), flag.explain(lang)));
        }
    }
    if let Some(t) = r
        .module_stats
        .iter()
        .find(|m| m.module == q.module)
        .and_then(|m| m.figures.shown())
    {
        let alpha = t.alpha.map_or_else(|| "–".into(), |v| num2(lang, v));
        let mean = t.mean.map_or_else(|| "–".into(), |v| pct(lang, v));
        lines.push(match lang {
            Lang::Da => format!(
                "Modulet, første forsøg: {} forsøg, middel {mean}, Cronbach α {alpha} (om spørgsmålene måler det samme; over 0,7 er godt)",
                t.n
            ),
            Lang::En => format!(
                "The module, first attempts: {} attempts, mean {mean}, Cronbach α {alpha} (whether the questions measure the same thing; above 0.7 is good)",
                t.n
            ),
        });
    }
    lines
}

pub(super) fn overdue(m: &Model, r: &Report, frame: &mut Frame, body: Rect) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    // Most overdue first; withheld groups last. The names are in the follow-up output only.
    let mut order: Vec<usize> = (0..r.completion.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(r.completion[i].figures.shown().map(|f| f.overdue)));
    let title = l(
        " Forsinkede pr. forvaltning og modul (navnene: --followup-view) ",
        " Overdue per forvaltning and module (names: --followup-view) ",
    );
    column_window(
        (frame, body),
        Look::of(m, r),
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
    // Grouped by kind: each kind's forvaltninger together, in the kinds' order.
    let mut order: Vec<usize> = (0..r.problem_counts.len()).collect();
    order.sort_by_key(|&i| r.problem_counts[i].kind);
    column_window(
        (frame, list),
        Look::of(m, r),
        (
            l(
                " Ikke talt med, pr. slags (filerne: --followup-view) ",
                " Not counted, per kind (the files: --followup-view) ",
            )
            .into(),
            &cols::PROBLEM_COUNTS,
        ),
        (order.len(), |i| &r.problem_counts[order[i]]),
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
