//! The regions of the screen, computed from the frame's area on every draw. The event loop
//! uses [`reading`] too, to tell `update` how much text fits, so scrolling stops exactly at
//! the end of a page.

use ratatui::layout::{Constraint, Flex, Layout, Margin, Rect};

/// Narrower than this, the interface says the terminal is too small.
pub const MIN_WIDTH: u16 = 60;
/// Lower than this, the interface says the terminal is too small.
pub const MIN_HEIGHT: u16 = 16;
/// Reading text is kept at most this wide on large terminals.
pub const MAX_TEXT_WIDTH: u16 = 100;

/// The header bar, the body and the footer bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// One line at the top.
    pub header: Rect,
    /// Everything between, with a blank line under the header and a margin each side.
    pub body: Rect,
    /// One line at the bottom: the keys.
    pub footer: Rect,
}

/// Whether `area` is big enough for the interface.
pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

/// Splits the frame.
pub fn areas(area: Rect) -> Areas {
    let [header, _gap, body, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    Areas {
        header,
        body: body.inner(Margin::new(1, 0)),
        footer,
    }
}

/// The parts of a reading screen (lesson, review).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// The scrollable text.
    pub text: Rect,
    /// The column for its scrollbar.
    pub bar: Rect,
    /// One line under the text saying where the keys lead (next page, the quiz).
    pub hint: Rect,
}

/// Splits the body of a reading screen.
pub fn reading(body: Rect) -> Reading {
    let [upper, _gap, hint] = body.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    let [text, _gap, bar] = upper.layout(
        &Layout::horizontal([
            Constraint::Max(MAX_TEXT_WIDTH),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .flex(Flex::Start),
    );
    Reading { text, bar, hint }
}

/// The viewport `update` should know for a terminal of `size`.
pub fn viewport(size: Rect) -> crate::app::Viewport {
    let text = reading(areas(size).body).text;
    crate::app::Viewport {
        width: text.width,
        height: text.height,
    }
}

/// A rectangle of at most `width`×`height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    )
}
