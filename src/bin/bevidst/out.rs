//! Writing a command's output the way Unix tools do: a closed pipe (`bevidst verify … | head
//! -1`) ends the output quietly, as with `cat`, and the command goes on to the exit code its
//! work earned; any other failure (a full disk) is kept, said once on stderr, and ends the
//! command with [`Exit::Output`]. `println!` and `eprintln!` would panic instead, so the
//! binary writes only through [`Out`] and [`say_err!`].

use std::fmt;
use std::io::{self, Write};

use bevidst::exit::Exit;
use bevidst::lang::Lang;
use bevidst::message::Bilingual as _;

use crate::said::Said;

/// The language of this run, chosen once at the start (`main.rs`), for what [`Out::finish`]
/// says.
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Sets the language of this run's messages (once; later calls change nothing).
pub(crate) fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// A line on stderr; a failure to write it is ignored (there is nowhere left to say it).
macro_rules! say_err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
pub(crate) use say_err;

/// Standard output (or a file) for a command's lines.
pub(crate) struct Out<W: Write> {
    inner: W,
    closed: bool,
    error: Option<io::Error>,
}

impl Out<io::Stdout> {
    /// The process's standard output.
    pub(crate) fn stdout() -> Self {
        Out::new(io::stdout())
    }
}

impl<W: Write> Out<W> {
    /// Output into `inner`.
    pub(crate) fn new(inner: W) -> Self {
        Out {
            inner,
            closed: false,
            error: None,
        }
    }

    /// Writes one line.
    pub(crate) fn line(&mut self, line: impl fmt::Display) {
        let _ = writeln!(self, "{line}");
    }

    /// Flushes and ends the output: `exit` if all is well (or the reader went away), else a
    /// message on stderr and [`Exit::Output`].
    pub(crate) fn finish(mut self, exit: Exit) -> Exit {
        let _ = self.flush();
        match self.error {
            None => exit,
            Some(e) => {
                let lang = LANG.get().copied().unwrap_or_default();
                say_err!("{}", Said::OutputUnwritable(&e).in_lang(lang));
                Exit::Output
            }
        }
    }

    /// Passes `result` on, except a closed pipe, which ends the output quietly; an error is
    /// also kept for [`Out::finish`].
    fn note(&mut self, result: io::Result<()>) -> io::Result<()> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => {
                let kept = io::Error::new(e.kind(), e.to_string());
                self.error.get_or_insert(kept);
                Err(e)
            }
            Ok(()) => Ok(()),
        }
    }
}

impl<W: Write> Write for Out<W> {
    /// After a closed pipe, everything is dropped quietly; other errors are passed on (and
    /// kept for [`Out::finish`]).
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write_all(buf);
        self.note(result).map(|()| buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.note(result)
    }
}
