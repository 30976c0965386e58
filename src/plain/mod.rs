//! The plain line mode: the learner journey as lines of text on stdout and answers typed on
//! stdin, for screen readers and braille displays (which cannot follow a full-screen
//! interface) and for scripts. No alternate screen, no box drawing, no colour: each screen is
//! printed once when it changes, then a prompt says what to type.
//!
//! It drives the same journey as the terminal UI: `app::runtime::dispatch` with messages, the
//! model shown through `app::doc`, `app::texts` and `app::status`. Input and output are any
//! `BufRead` and `Write`, so tests drive it in-process as well as through the binary.
//!
//! When the input ends, the program ends. Nothing unfinished is recorded: a quiz is only
//! recorded when handed in, and the first-start answers only when confirmed. [`End`] says
//! whether something was left unfinished, which becomes the exit code (see [`exit`]).

pub mod commands;
pub mod context;
pub mod input;
pub mod screen;
pub mod status;
pub mod texts;

use std::io::{self, BufRead, Read as _, Write};

use crate::app::runtime::{Flow, Services, dispatch};
use crate::app::{Model, Screen};
use crate::lang::Lang;
use crate::safe_text::sanitize;

use crate::message::Bilingual as _;
use context::Context;
use input::Parsed;

/// The exit codes of the learner's program in plain mode (defined in [`crate::exit::Exit`]).
pub mod exit {
    use crate::exit::Exit;

    /// The learner quit, or the input ended with nothing unfinished.
    pub const OK: u8 = Exit::Ok.code();
    /// The output (or input) could not be used.
    pub const IO: u8 = Exit::Terminal.code();
    /// The program could not start: configuration, course files or the log unreadable.
    pub const START: u8 = Exit::CannotStart.code();
    /// The input ended in the middle of something (first start, quiz, unsaved result or
    /// setting), or piped input was given up on; nothing unfinished was recorded.
    pub const UNFINISHED: u8 = Exit::Unfinished.code();
}

/// Lines longer than this are refused (and read past), so a stream without line breaks
/// cannot fill the memory.
const MAX_LINE_BYTES: usize = 4096;

/// The width lines are wrapped to when `COLUMNS` does not say.
pub const DEFAULT_WIDTH: usize = 80;

/// How the plain mode prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Columns to wrap lines to.
    pub width: usize,
    /// The input is not a terminal (a pipe or a file): each line read is printed after its
    /// prompt (a terminal echoes it itself), so the output reads as a conversation, and after
    /// [`MAX_IDLE_LINES`] lines in a row that change nothing the program gives up, since no
    /// one is there to read why.
    pub piped: bool,
}

/// Lines in a row that change nothing (refused, or the same screen again) after which piped
/// input is given up on: a script answering wrongly would otherwise loop for ever.
pub const MAX_IDLE_LINES: usize = 5;

/// The width from the value of `COLUMNS`: a number from 20 to 1000 (clamped), else 80.
pub fn width_from(columns: Option<&str>) -> usize {
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| w > 0)
        .map_or(DEFAULT_WIDTH, |w| w.clamp(20, 1000))
}

/// Whether to use the plain mode rather than the terminal UI: asked for (`--plain`, or
/// `BEVIDST_PLAIN` set to anything but empty or `0`), or no terminal to draw on (stdout or
/// stdin is not a terminal, or `TERM=dumb`).
pub fn wanted(
    asked: bool,
    env_plain: Option<&str>,
    term: Option<&str>,
    stdout_tty: bool,
    stdin_tty: bool,
) -> bool {
    asked
        || env_plain.is_some_and(|v| !v.is_empty() && v != "0")
        || term == Some("dumb")
        || !stdout_tty
        || !stdin_tty
}

/// What was left unfinished when the input ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unfinished {
    /// The first-start answers were not confirmed.
    FirstStart,
    /// A quiz was not handed in.
    Quiz,
    /// A result could not be stored.
    Result,
    /// A setting was being changed.
    Setting,
}

impl Unfinished {
    /// What was not kept, in the learner's language.
    pub fn text(self, lang: Lang) -> &'static str {
        let t = texts::texts(lang);
        match self {
            Unfinished::FirstStart => t.ended_first_start,
            Unfinished::Quiz => t.ended_quiz,
            Unfinished::Result => t.ended_result,
            Unfinished::Setting => t.ended_setting,
        }
    }
}

/// How the plain mode ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The learner quit.
    Quit,
    /// The input ended with nothing unfinished.
    InputEnded,
    /// The input ended in the middle of something, which was not kept.
    Unfinished(Unfinished),
    /// Piped input gave [`MAX_IDLE_LINES`] lines in a row that changed nothing; whatever was
    /// unfinished was not kept.
    GaveUp,
}

impl End {
    /// The exit code: [`exit::OK`] or [`exit::UNFINISHED`].
    pub fn exit_code(self) -> u8 {
        match self {
            End::Quit | End::InputEnded => exit::OK,
            End::Unfinished(_) | End::GaveUp => exit::UNFINISHED,
        }
    }
}

/// What is unfinished on the model's screen, if anything.
pub fn unfinished(model: &Model) -> Option<Unfinished> {
    match &model.screen {
        Screen::FirstStart(_) => Some(Unfinished::FirstStart),
        Screen::Quiz(_) | Screen::HandIn(_) => Some(Unfinished::Quiz),
        Screen::Result(r) if !r.is_stored() => Some(Unfinished::Result),
        Screen::Review(r) if !r.result.is_stored() => Some(Unfinished::Result),
        Screen::Settings(s) if s.editing => Some(Unfinished::Setting),
        _ => None,
    }
}

/// One line of input.
enum Read {
    /// A line, without its line break.
    Line(String),
    /// A line longer than [`MAX_LINE_BYTES`], read past.
    TooLong,
    /// The input ended.
    End,
}

fn read_line(input: &mut impl BufRead) -> io::Result<Read> {
    let mut buf = Vec::new();
    let limit = u64::try_from(MAX_LINE_BYTES + 1).unwrap_or(u64::MAX);
    let n = input.by_ref().take(limit).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(Read::End);
    }
    if buf.last() != Some(&b'\n') && buf.len() > MAX_LINE_BYTES {
        loop {
            let mut rest = Vec::new();
            let k = input.by_ref().take(limit).read_until(b'\n', &mut rest)?;
            if k == 0 || rest.last() == Some(&b'\n') {
                return Ok(Read::TooLong);
            }
        }
    }
    while matches!(buf.last(), Some(b'\n' | b'\r')) {
        buf.pop();
    }
    // Bytes that are not UTF-8 become U+FFFD: they are refused as answers like any other
    // wrong character, never a reason to stop.
    Ok(Read::Line(String::from_utf8_lossy(&buf).into_owned()))
}

fn print(out: &mut impl Write, lines: &[String]) -> io::Result<()> {
    for line in lines {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Runs the journey on `input` and `out` until the learner quits or the input ends.
pub fn run<S: Services>(
    model: &mut Model,
    services: &mut S,
    mut input: impl BufRead,
    out: &mut impl Write,
    opts: Options,
) -> io::Result<End> {
    // Every page is printed whole, so nothing is ever scrolled: Enter turns the page.
    let viewport = crate::app::Viewport {
        width: u16::try_from(opts.width).unwrap_or(u16::MAX),
        height: u16::MAX,
    };
    dispatch(model, crate::app::Message::Resize(viewport), services);
    let mut shown = screen::screen(model, opts.width);
    print(out, &shown)?;
    let mut idle = 0;
    loop {
        if opts.piped && idle >= MAX_IDLE_LINES {
            writeln!(out)?;
            writeln!(out, "{}", texts::gave_up(model.lang(), MAX_IDLE_LINES))?;
            out.flush()?;
            return Ok(End::GaveUp);
        }
        let lang = model.lang();
        let ctx = Context::of(model);
        write!(out, "{}", screen::prompt(&ctx, lang))?;
        out.flush()?;
        let line = match read_line(&mut input)? {
            Read::End => {
                writeln!(out)?;
                return Ok(match unfinished(model) {
                    Some(what) => {
                        writeln!(out, "{}", what.text(lang))?;
                        out.flush()?;
                        End::Unfinished(what)
                    }
                    None => End::InputEnded,
                });
            }
            Read::TooLong => {
                if opts.piped {
                    writeln!(out)?;
                }
                writeln!(out, "{}", texts::texts(lang).line_too_long)?;
                idle += 1;
                continue;
            }
            Read::Line(line) => line,
        };
        if opts.piped {
            writeln!(out, "{}", sanitize(&line, true))?;
        }
        // A line that changes the screen is progress; anything else counts towards giving up.
        idle += 1;
        match input::parse(&line, &ctx) {
            Parsed::Help => {
                writeln!(out)?;
                print(
                    out,
                    &screen::help(&ctx, lang, opts.width, |m| model.inert(m)),
                )?;
                writeln!(out)?;
            }
            Parsed::Repeat => {
                writeln!(out)?;
                print(out, &shown)?;
            }
            Parsed::Refuse(why) => writeln!(out, "{}", why.text(lang))?,
            Parsed::Send(msgs) => {
                for msg in msgs {
                    if dispatch(model, msg, services) == Flow::Quit {
                        out.flush()?;
                        return Ok(End::Quit);
                    }
                }
                let now = screen::screen(model, opts.width);
                if now != shown {
                    writeln!(out)?;
                    print(out, &now)?;
                    shown = now;
                    idle = 0;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
