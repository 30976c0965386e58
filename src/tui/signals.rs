//! Signals a full-screen program must answer: SIGTERM, SIGHUP (the window closed) and SIGINT
//! (`kill -INT`; Ctrl-C itself arrives as a key in raw mode) restore the terminal before the
//! program ends, and Ctrl-Z suspends it with the terminal restored, redrawing in full after
//! `fg`. Unix only: Windows has neither signal, and its console is restored by crossterm.
//!
//! A thread of its own waits for the signals (signal-hook's iterator), so the run loop can keep
//! blocking in `event::read` without using any CPU while it waits.

use std::io;

/// Watches for the ending signals until dropped; on one, restores the terminal and exits with
/// 128 + the signal's number, as a shell expects. Whatever was unfinished is not recorded
/// (only a handed-in quiz is).
pub struct Guard {
    #[cfg(unix)]
    handle: signal_hook::iterator::Handle,
}

impl Guard {
    /// Starts watching.
    pub fn install() -> io::Result<Guard> {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
            let handle = signals.handle();
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    restore();
                    std::process::exit(128 + signal);
                }
            });
            Ok(Guard { handle })
        }
        #[cfg(not(unix))]
        Ok(Guard {})
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        #[cfg(unix)]
        self.handle.close();
    }
}

/// Leaves raw mode and the alternate screen and shows the cursor.
#[cfg(unix)]
fn restore() {
    ratatui::restore();
    let _ = ratatui::crossterm::execute!(io::stdout(), ratatui::crossterm::cursor::Show);
}

/// Ctrl-Z: restores the terminal, stops the program as the shell's job control expects, and
/// when it is continued (`fg`) takes the terminal again and clears it, so the next draw is
/// whole. Elsewhere than Unix nothing happens.
pub fn suspend(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    #[cfg(unix)]
    {
        use ratatui::crossterm::{execute, terminal};
        restore();
        // Stops here until continued.
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        terminal::enable_raw_mode()?;
        execute!(io::stdout(), terminal::EnterAlternateScreen)?;
        terminal.clear()?;
    }
    #[cfg(not(unix))]
    let _ = terminal;
    Ok(())
}
