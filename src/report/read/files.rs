//! One file at a time: which installation it belongs to (or why it is not a log), and how
//! many record lines it has.

use std::io::{self, BufRead as _, Read as _};
use std::path::Path;

use crate::foreign::{self, ForeignError};
use crate::lang::Lang;
use crate::record::{self, InstallationId, LogReader};

use super::super::model::{Problem, ProblemKind};
use super::{BUF_BYTES, open, whole_file};

/// Read buffer for a file's header line (about a hundred bytes).
const HEADER_BYTES: usize = 512;
use crate::message::Bilingual as _;

/// The problem for a file that was not opened (not a regular file, too large, unreadable).
pub(super) fn refused(path: &Path, e: &ForeignError, lang: Lang) -> Problem {
    let (kind, hint) = match e {
        ForeignError::Io { .. } => (
            ProblemKind::Unreadable,
            lang.pick(
                "; tjek rettighederne til indsamlingsmappen",
                "; check the permissions of the collection folder",
            ),
        ),
        ForeignError::NotAFile { .. } => (
            ProblemKind::NotAFile,
            lang.pick(
                "; kun bevidst-logs hører hjemme i indsamlingsmappen",
                "; only bevidst completion logs belong in the collection folder",
            ),
        ),
        ForeignError::TooLarge { .. } => (
            ProblemKind::NotALog,
            lang.pick(
                "; ingen bevidst-log er så stor",
                "; no bevidst completion log is that large",
            ),
        ),
    };
    whole_file(path, kind, format!("{}{hint}", e.reason(lang)))
}

/// The installation a file belongs to, or why it is not a log.
pub(super) fn probe(path: &Path, lang: Lang) -> Result<InstallationId, Problem> {
    // The fast way: only the header line (a small buffer: not the whole file for one line).
    // It decides no more than which installation the file belongs to; the full verification
    // later checks the header again, strictly.
    let mut reader = foreign::open(path, record::MAX_LOG_BYTES)
        .map_err(|e| refused(path, &e, lang))?
        .reader(HEADER_BYTES);
    let mut line = String::new();
    let first = (&mut reader).take(4096).read_line(&mut line);
    if first.is_ok()
        && let Some(text) = line.strip_suffix('\n')
    {
        if let Some(installation) = canonical_header(text) {
            return Ok(installation);
        }
        if let Ok(header) = ron::from_str::<record::LogHeader>(text)
            && header.log == record::LOG_NAME
            && header.format == record::FORMAT_VERSION
        {
            return Ok(header.installation);
        }
    }
    let reader = open(path).map_err(|e| refused(path, &e, lang))?;
    let mut log = LogReader::new(reader);
    let _ = log.next();
    if let Some(head) = log.head() {
        return Ok(head.installation);
    }
    let (kind, message) = match log.bad().map(|b| &b.problem) {
        Some(p @ record::Problem::NewerVersion { .. }) => (ProblemKind::NewerFormat, p.text(lang)),
        Some(p @ record::Problem::Read(_)) => (ProblemKind::Unreadable, p.text(lang)),
        Some(p) => (
            ProblemKind::NotALog,
            format!(
                "{}; {}",
                p.text(lang),
                lang.pick(
                    "kun bevidst-logs hører hjemme i indsamlingsmappen",
                    "only bevidst completion logs belong in the collection folder"
                )
            ),
        ),
        None => (
            ProblemKind::NotALog,
            lang.pick("ikke en bevidst-log", "not a bevidst completion log")
                .to_owned(),
        ),
    };
    Err(whole_file(path, kind, message))
}

/// The installation a header line names, when it is spelled exactly as the writer spells it
/// (as every log's is): read without ron.
fn canonical_header(text: &str) -> Option<InstallationId> {
    let (_, rest) = text.split_once("installation:\"")?;
    let installation = InstallationId::parse(rest.get(..32)?)?;
    (record::header_line(installation) == text).then_some(installation)
}

/// Record lines in a file (every line after the first, a cut-off last one included). Only
/// read for files with problems.
#[expect(
    clippy::naive_bytecount,
    reason = "only files with problems are counted; a plain count is fast enough"
)]
pub(super) fn record_lines(path: &Path) -> u64 {
    let Ok(mut r) = open(path) else { return 0 };
    let mut lines = 0u64;
    let mut last = b'\n';
    let mut buf = vec![0u8; BUF_BYTES];
    loop {
        match r.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                lines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
                last = buf[n - 1];
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    let total = lines + u64::from(last != b'\n');
    total.saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::canonical_header;
    use crate::record::{InstallationId, header_line};

    #[test]
    fn only_the_writers_spelling_of_a_header_is_read_without_ron() {
        let id = InstallationId([0xa5; 16]);
        let line = header_line(id);
        assert_eq!(canonical_header(&line), Some(id));
        for other in [
            line.replace(',', ", "),
            format!("{line} "),
            line.replace("installation:\"a5", "installation:\"A5"),
            line.replace("format:", "format:0"),
            line[..line.len() - 2].to_owned(),
        ] {
            assert_eq!(canonical_header(&other), None, "{other}");
        }
    }
}
