//! A quiz question: progress (one cell per question, answered ■ or not □, the current one
//! reversed), the prompt, what kind of answer is wanted, and the choices. The highlighted
//! choice is marked `›` and reversed; marked choices show (•) or [x]; none of it rests on
//! colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Paragraph;

use crate::app::doc::{self, Para, Tone};
use crate::app::texts;
use crate::app::{Model, QuizState};
use crate::course::Selection;
use crate::safe_text::sanitize;
use crate::tui::theme::Theme;

pub(super) fn render(
    model: &Model,
    state: &QuizState,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let lang = model.lang();
    let Some(module) = model.courses.modules.get(state.module) else {
        return;
    };
    let Some((question, order)) = state.current_question(module) else {
        return;
    };
    let [progress, _gap, body] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(progress_line(model, state, theme), progress);

    let width = usize::from(body.width.min(crate::tui::layout::MAX_TEXT_WIDTH));
    let mut head = vec![Para::new(
        Tone::Heading,
        sanitize(question.prompt.get(lang), true),
    )];
    head.extend(crate::app::quiz::answer_hint(question, lang).map(|h| Para::new(Tone::Muted, h)));
    head.push(Para::blank());
    let head = doc::layout(&head, width);
    let mut lines: Vec<Line> = head
        .iter()
        .map(|l| Line::styled(l.text.clone(), theme.tone(l.tone)))
        .collect();
    let answer = state.answers.get(state.current);
    let mut cursor_span = (0, 0);
    for (pos, &c) in order.iter().enumerate() {
        let Some(choice) = question.choices.get(c) else {
            continue;
        };
        let marked = answer.is_some_and(|a| a.contains(&c));
        let mark = match (question.kind.selection(), marked) {
            (Selection::Many, true) => "[x]",
            (Selection::Many, false) => "[ ]",
            (Selection::One, true) => "(•)",
            (Selection::One, false) => "( )",
        };
        let is_cursor = pos == state.cursor;
        let pointer = if is_cursor { "›" } else { " " };
        let prefix = format!("{pointer} {mark} {} ", pos + 1);
        let tone = if marked { Tone::Heading } else { Tone::Text };
        let wrapped = doc::layout(
            &[Para::with_prefix(
                tone,
                prefix,
                sanitize(choice.text.get(lang), true),
            )],
            width,
        );
        let start = lines.len();
        for l in wrapped {
            let mut style = theme.tone(l.tone);
            if is_cursor {
                style = theme.selected();
            } else if marked {
                style = style.add_modifier(Modifier::BOLD);
            }
            lines.push(Line::from(Span::styled(l.text, style)));
        }
        if is_cursor {
            cursor_span = (start, lines.len());
        }
    }
    if state.needs_answer {
        lines.push(Line::default());
        let nudge = doc::layout(
            &[Para::new(
                Tone::Wrong,
                crate::app::hand_in::choose_first(lang),
            )],
            width,
        );
        lines.extend(
            nudge
                .into_iter()
                .map(|l| Line::styled(l.text, theme.tone(l.tone))),
        );
    }
    let visible = window(&lines, cursor_span, usize::from(body.height), lang, theme);
    frame.render_widget(Paragraph::new(Text::from(visible)), body);
}

/// The lines that fit in `height`, scrolled just enough that the highlighted choice (the
/// lines `cursor_span`) is fully in view. When they do not all fit, a line at each edge where
/// more continues says so in words.
fn window(
    lines: &[Line<'static>],
    cursor_span: (usize, usize),
    height: usize,
    lang: crate::lang::Lang,
    theme: Theme,
) -> Vec<Line<'static>> {
    let top_for = |room: usize| cursor_span.1.saturating_sub(room).min(cursor_span.0);
    let (top, room) = if lines.len() <= height {
        (0, height)
    } else if top_for(height.saturating_sub(1)) == 0 {
        (0, height.saturating_sub(1))
    } else {
        let room = height.saturating_sub(2);
        (top_for(room), room)
    };
    let end = (top + room).min(lines.len());
    let marker = |text: &str| Line::styled(text.to_owned(), theme.tone(Tone::Heading));
    let mut visible: Vec<Line> = Vec::new();
    if top > 0 {
        visible.push(marker(lang.pick("↑ mere ovenfor", "↑ more above")));
    }
    visible.extend(
        lines
            .get(top..end)
            .map(<[Line]>::to_vec)
            .unwrap_or_default(),
    );
    if end < lines.len() {
        visible.push(marker(lang.pick("↓ mere nedenfor", "↓ more below")));
    }
    visible
}

/// One cell per question: ■ answered, □ not; the current one reversed. Then the count.
fn progress_line(model: &Model, state: &QuizState, theme: Theme) -> Line<'static> {
    let mut spans: Vec<Span> = state
        .answers
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let (cell, tone) = if a.is_empty() {
                ("□", Tone::Muted)
            } else {
                ("■", Tone::Right)
            };
            let mut style = theme.tone(tone);
            if i == state.current {
                style = style.add_modifier(Modifier::REVERSED);
            }
            Span::styled(cell, style)
        })
        .collect();
    spans.push(Span::raw("  "));
    spans.push(Span::styled(
        texts::answered_of(model.lang(), state.answered(), state.answers.len()),
        theme.tone(Tone::Muted),
    ));
    Line::from(spans)
}
