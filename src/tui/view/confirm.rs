//! A yes/no question over the screen, with its keys from the key map.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::wrapped;
use crate::app::Mode;
use crate::app::doc::Tone;
use crate::app::texts::texts;
use crate::app::{Confirm, Model};
use crate::tui::keymap;
use crate::tui::layout;
use crate::tui::theme::Theme;

pub(super) fn render(model: &Model, confirm: Confirm, theme: Theme, frame: &mut Frame, area: Rect) {
    let lang = model.lang();
    let t = texts(lang);
    let question = match confirm {
        Confirm::LeaveQuiz { .. } => t.leave_quiz.to_owned(),
        Confirm::HandIn { unanswered } => crate::app::hand_in::confirm_text(lang, unanswered),
        Confirm::DiscardUnsaved(_) => t.discard_unsaved.to_owned(),
    };
    let width = area.width.saturating_sub(8).min(60);
    let (text, text_h) = wrapped(
        &question,
        theme.tone(Tone::Heading),
        width.saturating_sub(4),
    );
    let mut keys = Vec::new();
    for (key, label) in keymap::hints(Mode::Confirm, lang) {
        keys.push(Span::styled(key, theme.key()));
        keys.push(Span::raw(format!(" {label}   ")));
    }
    let popup = layout::centered(area, width, text_h + 4);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", t.confirm_title))
        .border_style(theme.dialog());
    let inner = block.inner(popup).inner(Margin::new(1, 0));
    frame.render_widget(block, popup);
    let [question_area, _gap, keys_area] = inner.layout(&Layout::vertical([
        Constraint::Length(text_h),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    frame.render_widget(Paragraph::new(text), question_area);
    frame.render_widget(Line::from(keys), keys_area);
}
