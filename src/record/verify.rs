//! Streaming verification of a log: reads one line at a time, yields each good record, and
//! stops at the first bad line with its number and the reason. Memory does not grow with the
//! length of the log, so the report can verify a collection of millions of records.

use std::fmt;
use std::io::{self, BufRead};

pub use super::problem::Problem;

use super::encode::{MAX_LINE_BYTES, parse_header, parse_record_into, scanned_is_good};
use super::model::{CheckedForvaltning, CompletionRecord, InstallationId};
use crate::canon::{Digest32, hex};

/// The first line of a log that is not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    /// 1-based line number.
    pub line: u64,
    /// Byte offset where the line starts (the length of the good part before it).
    pub offset: u64,
    /// Why it is not accepted.
    pub problem: Problem,
}

/// Where a chain ends: what the report keeps in its anchor file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    /// The log's installation.
    pub installation: InstallationId,
    /// The last good record's sequence number (0 when there is none).
    pub last_seq: u64,
    /// The last good record's hash (32 zero bytes when there is none).
    pub last_hash: Digest32,
}

impl fmt::Display for Head {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "installation {}, seq {}, hash {}",
            self.installation,
            self.last_seq,
            hex(&self.last_hash)
        )
    }
}

/// The result of reading a log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyOutcome {
    /// The head after the last good record; `None` when the header is bad.
    pub head: Option<Head>,
    /// How many good records were read.
    pub records: u64,
    /// The first bad line, if any; the records after it are not read.
    pub bad: Option<BadLine>,
}

impl VerifyOutcome {
    /// Whether the whole log is good.
    pub fn is_ok(&self) -> bool {
        self.bad.is_none() && self.head.is_some()
    }
}

enum LineRead {
    Eof,
    TooLong,
    Line { terminated: bool },
}

/// Reads a log line by line, yielding each good record; stops at the first bad line. After
/// the iterator ends, [`LogReader::outcome`] says whether the log was good.
pub struct LogReader<R> {
    reader: R,
    buf: Vec<u8>,
    /// Lines consumed and accepted so far.
    lines: u64,
    /// Bytes consumed and accepted so far.
    good_len: u64,
    head: Option<Head>,
    records: u64,
    bad: Option<BadLine>,
    done: bool,
    /// The record last read; its buffers are reused for the next line.
    record: CompletionRecord,
    checked: CheckedForvaltning,
}

impl<R: BufRead> LogReader<R> {
    /// Starts reading a log from its first byte.
    pub fn new(reader: R) -> Self {
        LogReader {
            reader,
            buf: Vec::new(),
            lines: 0,
            good_len: 0,
            head: None,
            records: 0,
            bad: None,
            done: false,
            record: super::scan::blank(),
            checked: CheckedForvaltning::default(),
        }
    }

    /// Continues a log whose first `lines` lines (`good_len` bytes, ending at `head`) are
    /// known to be good; `reader` starts right after them.
    pub(crate) fn resume(reader: R, head: Head, lines: u64, good_len: u64) -> Self {
        LogReader {
            head: Some(head),
            lines,
            good_len,
            records: head.last_seq,
            ..LogReader::new(reader)
        }
    }

    /// The reader the log is read from.
    pub fn reader(&self) -> &R {
        &self.reader
    }

    /// The head after the last good record so far.
    pub fn head(&self) -> Option<Head> {
        self.head
    }

    /// The first bad line, once it has been reached.
    pub fn bad(&self) -> Option<&BadLine> {
        self.bad.as_ref()
    }

    /// The number of bytes of good lines read so far.
    pub fn good_len(&self) -> u64 {
        self.good_len
    }

    /// The number of good lines (header included) read so far.
    pub fn good_lines(&self) -> u64 {
        self.lines
    }

    /// What has been found so far (the whole answer once the iterator has ended).
    pub fn outcome(&self) -> VerifyOutcome {
        VerifyOutcome {
            head: self.head,
            records: self.records,
            bad: self.bad.clone(),
        }
    }

    fn fail<T>(&mut self, problem: Problem) -> Option<T> {
        self.bad = Some(BadLine {
            line: self.lines + 1,
            offset: self.good_len,
            problem,
        });
        self.done = true;
        None
    }

    /// Reads one line into `buf` (line break included), at most [`MAX_LINE_BYTES`].
    fn read_line(&mut self) -> io::Result<LineRead> {
        self.buf.clear();
        loop {
            let available = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                return Ok(if self.buf.is_empty() {
                    LineRead::Eof
                } else {
                    LineRead::Line { terminated: false }
                });
            }
            let (take, terminated) = match memchr::memchr(b'\n', available) {
                Some(i) => (i + 1, true),
                None => (available.len(), false),
            };
            if self.buf.len() + take > MAX_LINE_BYTES + 1 {
                return Ok(LineRead::TooLong);
            }
            self.buf.extend_from_slice(&available[..take]);
            self.reader.consume(take);
            if terminated {
                return Ok(LineRead::Line { terminated: true });
            }
        }
    }

    fn at_eof(&mut self) -> bool {
        self.reader.fill_buf().is_ok_and(<[u8]>::is_empty)
    }

    /// Reads the next line into `buf`; `Err` carries the problem with it, `Ok(false)` is a
    /// clean end. The line's text is checked by whoever reads it ([`Self::line`]).
    fn next_line(&mut self) -> Result<bool, Problem> {
        match self.read_line() {
            Err(e) => Err(Problem::Read(e.to_string())),
            Ok(LineRead::Eof) => Ok(false),
            Ok(LineRead::TooLong) => Err(Problem::TooLong),
            Ok(LineRead::Line { terminated: false }) => Err(Problem::Torn),
            Ok(LineRead::Line { terminated: true }) => {
                // A crash can leave the end of a file filled with zero bytes; no record holds
                // one. Any other complete line is judged by what it says.
                if self.at_eof() && memchr::memchr(0, &self.buf).is_some() {
                    return Err(Problem::Torn);
                }
                Ok(true)
            }
        }
    }

    /// The line in `buf`, without its line break.
    fn line(buf: &[u8]) -> &[u8] {
        buf.strip_suffix(b"\n").unwrap_or(buf)
    }

    /// Counts a good line of `len` bytes (its line break included).
    fn accept_line(&mut self, len: usize) {
        self.lines += 1;
        self.good_len += len as u64;
    }

    /// Reads the next record straight from the reader's buffer, when its line lies there
    /// whole and is a good record in the writer's spelling: no copy of the line. Returns the
    /// line's length (line break included), having consumed it; otherwise consumes nothing,
    /// and the line is read the full way (a good record has no zero byte, so the torn-tail
    /// rule of [`Self::next_line`] never applies to it).
    fn record_in_place(&mut self) -> Option<usize> {
        let available = self.reader.fill_buf().ok()?;
        let len = memchr::memchr(b'\n', available).filter(|&n| n <= MAX_LINE_BYTES)?;
        let text = std::str::from_utf8(&available[..len]).ok()?;
        if !(super::scan::scan_record(text, &mut self.record)
            && scanned_is_good(&self.record, &mut self.checked))
        {
            return None;
        }
        self.reader.consume(len + 1);
        Some(len + 1)
    }

    fn read_header(&mut self) -> Result<Head, Problem> {
        if !self.next_line()? {
            return Err(Problem::Empty);
        }
        let text = std::str::from_utf8(Self::line(&self.buf)).map_err(|_| Problem::NotUtf8)?;
        let header = parse_header(text)?;
        self.accept_line(self.buf.len());
        Ok(Head {
            installation: header.installation,
            last_seq: 0,
            last_hash: [0; 32],
        })
    }
}

impl<R: BufRead> LogReader<R> {
    /// Reads the next good record, without copying it out: the reader's own buffers are
    /// reused, so a whole log is verified without an allocation per record. `None` at the
    /// end of the log or at its first bad line.
    pub fn next_record(&mut self) -> Option<&CompletionRecord> {
        if self.done {
            return None;
        }
        let head = match self.head {
            Some(h) => h,
            None => match self.read_header() {
                Ok(h) => {
                    self.head = Some(h);
                    h
                }
                Err(p) => return self.fail(p),
            },
        };
        let len = if let Some(len) = self.record_in_place() {
            len
        } else {
            match self.next_line() {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Err(p) => return self.fail(p),
            }
            // Only a last line without its line break (or with the zero bytes a crash
            // leaves) is torn; a complete line that does not verify was written or edited
            // so, which is damage.
            let line = Self::line(&self.buf);
            if let Err(p) = parse_record_into(line, &mut self.record, &mut self.checked) {
                return self.fail(p);
            }
            self.buf.len()
        };
        let record = &self.record;
        let expected = head.last_seq.saturating_add(1);
        if record.installation != head.installation {
            let found = record.installation;
            return self.fail(Problem::OtherInstallation { found });
        }
        if record.seq != expected {
            let found = record.seq;
            return self.fail(Problem::SequenceGap { expected, found });
        }
        if record.prev != head.last_hash {
            return self.fail(Problem::BrokenLink);
        }
        self.head = Some(Head {
            installation: head.installation,
            last_seq: record.seq,
            last_hash: record.hash,
        });
        self.accept_line(len);
        self.records += 1;
        Some(&self.record)
    }
}

impl<R: BufRead> LogReader<R> {
    /// Reads the rest of the log and says what was found.
    pub fn verify_to_end(mut self) -> VerifyOutcome {
        while self.next_record().is_some() {}
        self.outcome()
    }
}

impl<R: BufRead> Iterator for LogReader<R> {
    type Item = CompletionRecord;

    fn next(&mut self) -> Option<CompletionRecord> {
        self.next_record().cloned()
    }
}

/// Verifies a whole log, handing each good record to `each` as it is read.
pub fn verify_reader(
    reader: impl BufRead,
    mut each: impl FnMut(&CompletionRecord),
) -> VerifyOutcome {
    let mut log = LogReader::new(reader);
    while let Some(record) = log.next_record() {
        each(record);
    }
    log.outcome()
}
