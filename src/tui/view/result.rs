//! The result: pass or fail against the pass mark, the score, the receipt once the record is
//! stored (or why it is not), and the share of right answers per area, beside the learner's
//! own shares in earlier attempts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use super::styled;
use crate::app::{Model, ResultState, doc};
use crate::tui::theme::Theme;

pub(super) fn render(
    model: &Model,
    state: &ResultState,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let Some(module) = model.courses.modules.get(state.module) else {
        return;
    };
    let paras = doc::result(module, state, &model.history, model.lang());
    let lines = doc::layout(
        &paras,
        usize::from(area.width.min(crate::tui::layout::MAX_TEXT_WIDTH)),
    );
    frame.render_widget(Paragraph::new(styled(&lines, theme)), area);
}
