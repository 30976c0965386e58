//! The cited handbook section over a lesson page or a review, in place of the screen's text:
//! the policy's own words, scrollable like the page it was opened from.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

use super::{key_hint, more_hint, scrolled_doc};
use crate::app::{Message, Mode, Model};
use crate::tui::keymap::key_for;
use crate::tui::theme::Theme;

pub(super) fn render(model: &Model, scroll: usize, theme: Theme, frame: &mut Frame, area: Rect) {
    let lang = model.lang();
    let Some(page) = model.source_page() else {
        return;
    };
    frame.render_widget(Clear, area);
    let back = key_for(Mode::Source, &Message::Back, lang);
    let end = key_hint(&[(back, lang.pick("tilbage", "back"))], theme);
    scrolled_doc(
        &page,
        scroll,
        (more_hint(Mode::Source, lang, theme), end),
        theme,
        frame,
        area,
    );
}
