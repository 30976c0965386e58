//! The help over the current screen, generated from the key map: every key of the screen
//! with what it does. On a small terminal it scrolls, with ↑/↓ in its border saying where
//! more is.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::wrapped;
use crate::app::doc::Tone;
use crate::app::texts::texts;
use crate::app::{Model, wrap};
use crate::tui::keymap;
use crate::tui::layout;
use crate::tui::theme::Theme;

pub(super) fn render(model: &Model, scroll: usize, theme: Theme, frame: &mut Frame, area: Rect) {
    let lang = model.lang();
    let t = texts(lang);
    // The keys of the screen under the help, not of the help itself.
    let rows = keymap::help(model.screen_mode(), lang, |m| model.inert(m));
    let key_w = rows.iter().map(|(k, _)| wrap::width(k)).max().unwrap_or(0);
    let width = area.width.saturating_sub(4).min(72);
    let inner_w = width.saturating_sub(4);
    let mut text = wrapped(t.help_intro, theme.tone(Tone::Text), inner_w).0;
    text.push_line(Line::default());
    text.push_line(Line::styled(t.help_this_screen, theme.tone(Tone::Heading)));
    for (keys, label) in rows {
        let pad = " ".repeat(key_w - wrap::width(&keys));
        text.push_line(Line::from(vec![
            Span::styled(format!("  {keys}{pad}  "), theme.key()),
            Span::raw(label),
        ]));
    }
    // Between the header and the footer, so both stay readable; what does not fit scrolls.
    let [_, middle, _] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let room = usize::from(middle.height.saturating_sub(2));
    let max = text.lines.len().saturating_sub(room);
    let top = scroll.min(max);
    let lines: Vec<Line> = text.lines.into_iter().skip(top).take(room).collect();
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = layout::centered(middle, width, height);
    frame.render_widget(Clear, popup);
    let mut block = Block::bordered()
        .title(format!(" {} ", t.help_title))
        .border_style(theme.key());
    if top > 0 {
        block = block.title(Line::from(" ↑ ").right_aligned());
    }
    if top < max {
        let more = format!(" ↓ {} ", lang.pick("mere", "more"));
        block = block.title_bottom(Line::from(more).right_aligned());
    }
    let inner = block.inner(popup).inner(ratatui::layout::Margin::new(1, 0));
    frame.render_widget(block, popup);
    frame.render_widget(Paragraph::new(Text::from(lines)), inner);
}
