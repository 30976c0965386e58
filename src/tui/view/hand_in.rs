//! The hand-in page: how many questions are answered, then every question with whether it is
//! answered (■/□ and the word, never colour alone), the selected one marked `›`; Enter goes
//! back to it, and handing in is its own key, asked once more.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, ListState, Paragraph};

use super::styled;
use crate::app::doc::{self, Tone};
use crate::app::{HandInState, Model, hand_in, wrap};
use crate::tui::theme::Theme;

pub(super) fn render(
    model: &Model,
    state: &HandInState,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let lang = model.lang();
    let Some(module) = model.courses.modules.get(state.quiz.module) else {
        return;
    };
    let width = area.width.min(crate::tui::layout::MAX_TEXT_WIDTH);
    let intro = doc::layout(&hand_in::intro(state, lang), usize::from(width));
    let intro_h = u16::try_from(intro.len()).unwrap_or(u16::MAX);
    let [top, _gap, list_area] = area.layout(&Layout::vertical([
        Constraint::Length(intro_h),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(Paragraph::new(styled(&intro, theme)), top);
    let rows = state.rows(module, lang);
    let word_w = [true, false]
        .iter()
        .map(|a| wrap::width(hand_in::answered_word(lang, *a)))
        .max()
        .unwrap_or(0);
    // Room after the highlight symbol (2), the number (3), the cell (2) and the word.
    let room = usize::from(list_area.width).saturating_sub(2 + 3 + 2 + word_w + 2);
    let items: Vec<ListItem> = rows
        .iter()
        .enumerate()
        .map(|(i, (answered, prompt))| {
            let (cell, tone) = if *answered {
                ("■", Tone::Right)
            } else {
                ("□", Tone::Warning)
            };
            let word = hand_in::answered_word(lang, *answered);
            let pad = " ".repeat(word_w - wrap::width(word));
            ListItem::new(Line::from(vec![
                Span::raw(format!("{:>2} ", i + 1)),
                Span::styled(format!("{cell} {word}{pad}  "), theme.tone(tone)),
                Span::raw(wrap::truncate(prompt, room)),
            ]))
        })
        .collect();
    let mut list_state = ListState::default().with_selected(Some(state.selected));
    frame.render_stateful_widget(super::choice_list(items, theme), list_area, &mut list_state);
}
