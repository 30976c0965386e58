//! The terminal user interface: the only part of the program that knows about terminals.
//! It turns key presses into `app` messages through the key map, runs them through the same
//! journey the plain mode uses (`app::runtime::dispatch`), and draws the model.
//!
//! Both full-screen programs, the learner's journey and the report dashboard, run through the
//! same loop ([`run_program`]) and key-table machinery ([`keys`]), and draw with the same
//! [`Theme`].
//!
//! Terminal manners: `ratatui::try_init` enters raw mode and the alternate screen and installs
//! a panic hook that restores the terminal first; every exit path then restores it exactly
//! once. Only key *presses* count (Windows also sends releases). The loop blocks in
//! `event::read` while waiting, so it uses no CPU, and redraws after every event, resize
//! included.

pub mod keymap;
pub mod keys;
pub mod layout;
pub mod report;
pub mod signals;
pub mod theme;
pub mod view;

use std::io;

use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyEvent, KeyEventKind};
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

/// A full-screen program the run loop drives: the learner's journey ([`Journey`]) or the
/// report dashboard (`report::Dashboard`).
pub trait Program {
    /// Learns the terminal's size, before every draw.
    fn resize(&mut self, size: Size);
    /// Draws the program; pure.
    fn draw(&self, frame: &mut Frame);
    /// Applies a key press; says whether to go on.
    fn key(&mut self, key: KeyEvent) -> Flow;
}

/// Runs `program` in the terminal until it quits; the terminal is restored on return.
pub fn run_program(program: &mut impl Program) -> io::Result<()> {
    let mut terminal = ratatui::try_init().inspect_err(|_| ratatui::restore())?;
    let guard = signals::Guard::install();
    let result = guard.and_then(|_guard| event_loop(&mut terminal, program));
    // Whatever the loop returned: show the cursor again (it is hidden while drawing), then
    // leave raw mode and the alternate screen, exactly once.
    let _ = terminal.show_cursor();
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    program: &mut impl Program,
) -> io::Result<()> {
    loop {
        program.resize(terminal.size()?);
        terminal.draw(|frame| program.draw(frame))?;
        let event = event::read()?;
        if is_suspend(&event) {
            signals::suspend(terminal)?;
            continue;
        }
        if handle(program, &event) == Flow::Quit {
            return Ok(());
        }
    }
}

/// Ctrl-Z, which suspends the program (in raw mode it arrives as a key, not as SIGTSTP).
fn is_suspend(event: &Event) -> bool {
    matches!(event, Event::Key(key) if key.kind == KeyEventKind::Press
        && key.modifiers.contains(ratatui::crossterm::event::KeyModifiers::CONTROL)
        && matches!(key.code, ratatui::crossterm::event::KeyCode::Char('z' | 'Z')))
}

/// Applies one terminal event to `program`: a key press goes to it; releases (Windows sends
/// them too), repeats and other events change nothing, and the loop redraws after each.
pub fn handle(program: &mut impl Program, event: &Event) -> Flow {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => program.key(*key),
        _ => Flow::Continue,
    }
}

/// The learner's journey as a [`Program`]: the model, the services its effects need and the
/// theme.
pub struct Journey<'a, S> {
    /// The journey's state.
    pub model: &'a mut Model,
    /// What effects are performed with.
    pub services: &'a mut S,
    /// How it is drawn.
    pub theme: Theme,
}

impl<S: Services> Program for Journey<'_, S> {
    fn resize(&mut self, size: Size) {
        sync_viewport(size, self.model, self.services);
    }

    fn draw(&self, frame: &mut Frame) {
        view::view(self.model, self.theme, frame);
    }

    fn key(&mut self, key: KeyEvent) -> Flow {
        press(self.model, self.services, key)
    }
}

/// Runs the learner's interface until the learner quits; the terminal is restored on return.
pub fn run(model: &mut Model, services: &mut impl Services, theme: Theme) -> io::Result<()> {
    run_program(&mut Journey {
        model,
        services,
        theme,
    })
}

/// Tells `update` how much text fits, and whether the screen fits at all, when the terminal
/// size changed.
pub fn sync_viewport(size: Size, model: &mut Model, services: &mut impl Services) {
    let area = Rect::new(0, 0, size.width, size.height);
    let too_small = !layout::fits(area);
    if too_small != model.too_small {
        dispatch(model, Message::TooSmall(too_small), services);
    }
    let viewport = layout::viewport(area);
    if viewport != model.viewport {
        dispatch(model, Message::Resize(viewport), services);
    }
}

/// Applies one terminal event: a key press becomes a message through the key map; releases,
/// repeats and other events change nothing (the caller redraws after every event anyway).
pub fn handle_event(model: &mut Model, services: &mut impl Services, event: &Event) -> Flow {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => press(model, services, *key),
        _ => Flow::Continue,
    }
}

/// A key press, through the key table of the model's input mode, applied to the journey.
fn press(model: &mut Model, services: &mut impl Services, key: KeyEvent) -> Flow {
    match keymap::to_message(model.mode(), key) {
        Some(msg) => dispatch(model, msg, services),
        None => Flow::Continue,
    }
}
