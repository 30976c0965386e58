//! »Mine resultater«: the learner's attempts with their receipts and how long each module is
//! valid (`app::my_results`), read like a pager.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{key_hint, more_hint, scrolled_doc};
use crate::app::texts::texts;
use crate::app::{Message, Mode, Model, my_results};
use crate::tui::keymap::key_for;
use crate::tui::theme::Theme;

pub(super) fn render(model: &Model, scroll: usize, theme: Theme, frame: &mut Frame, area: Rect) {
    let lang = model.lang();
    let end = [(
        key_for(Mode::MyResults, &Message::Confirm, lang),
        texts(lang).go_overview,
    )];
    scrolled_doc(
        &my_results::page(model),
        scroll,
        (
            more_hint(Mode::MyResults, lang, theme),
            key_hint(&end, theme),
        ),
        theme,
        frame,
        area,
    );
}
