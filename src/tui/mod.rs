//! The terminal user interface: the only part of the program that knows about terminals.
//! It turns key presses into `app` messages through the key map, runs them through the same
//! journey the plain mode uses (`app::runtime::dispatch`), and draws the model.
//!
//! Terminal manners: `ratatui::try_init` enters raw mode and the alternate screen and installs
//! a panic hook that restores the terminal first; every exit path then restores it exactly
//! once. Only key *presses* count (Windows also sends releases). The loop blocks in
//! `event::read` while waiting, so it uses no CPU, and redraws after every event, resize
//! included.

pub mod keymap;
pub mod layout;
pub mod report;
pub mod theme;
pub mod view;

use std::io;

use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::layout::{Rect, Size};

use crate::app::runtime::{Flow, Services, dispatch};
use crate::app::{Message, Model};
pub use theme::Theme;

/// A drawn buffer as text, one line per row with trailing spaces removed; the hidden second
/// cell of a wide character is skipped. For the README's screen samples and the snapshot tests.
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0usize;
        for x in area.left()..area.right() {
            let symbol = buffer[(x, y)].symbol();
            if skip == 0 {
                line.push_str(symbol);
            }
            skip = skip
                .max(unicode_width::UnicodeWidthStr::width(symbol))
                .saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Runs the interface until the learner quits; the terminal is restored on return.
pub fn run(model: &mut Model, services: &mut impl Services, theme: Theme) -> io::Result<()> {
    let mut terminal = ratatui::try_init().inspect_err(|_| ratatui::restore())?;
    let result = event_loop(&mut terminal, model, services, theme);
    // Whatever the loop returned: show the cursor again (it is hidden while drawing), then
    // leave raw mode and the alternate screen, exactly once.
    let _ = terminal.show_cursor();
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    model: &mut Model,
    services: &mut impl Services,
    theme: Theme,
) -> io::Result<()> {
    loop {
        sync_viewport(terminal.size()?, model, services);
        terminal.draw(|frame| view::view(model, theme, frame))?;
        if handle_event(model, services, &event::read()?) == Flow::Quit {
            return Ok(());
        }
    }
}

/// Tells `update` how much text fits when the terminal size changed.
pub fn sync_viewport(size: Size, model: &mut Model, services: &mut impl Services) {
    let viewport = layout::viewport(Rect::new(0, 0, size.width, size.height));
    if viewport != model.viewport {
        dispatch(model, Message::Resize(viewport), services);
    }
}

/// Applies one terminal event: a key press becomes a message through the key map; releases,
/// repeats and other events change nothing (the caller redraws after every event anyway).
pub fn handle_event(model: &mut Model, services: &mut impl Services, event: &Event) -> Flow {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            match keymap::to_message(keymap::context(model), *key) {
                Some(msg) => dispatch(model, msg, services),
                None => Flow::Continue,
            }
        }
        _ => Flow::Continue,
    }
}
