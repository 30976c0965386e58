//! One file at a time: which installation it belongs to (or why it is not a log), and how
//! many record lines it has.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use super::{BUF_BYTES, open, whole_file};
use crate::lang::Lang;
use crate::record::{self, InstallationId, LogReader};
use crate::report::model::{Problem, ProblemKind};

/// The installation a file belongs to, or why it is not a log.
pub(super) fn probe(path: &Path, lang: Lang) -> Result<InstallationId, Problem> {
    // The fast way: only the header line. It decides no more than which installation the file
    // belongs to; the full verification later checks the header again, strictly.
    if let Some(installation) = header_installation(path) {
        return Ok(installation);
    }
    let reader = open(path).map_err(|e| {
        whole_file(
            path,
            ProblemKind::Unreadable,
            match lang {
                Lang::Da => {
                    format!("filen kan ikke åbnes: {e}; tjek rettighederne til indsamlingsmappen")
                }
                Lang::En => format!(
                    "cannot open the file: {e}; check the permissions of the collection folder"
                ),
            },
        )
    })?;
    let mut log = LogReader::new(reader);
    let _ = log.next();
    if let Some(head) = log.head() {
        return Ok(head.installation);
    }
    let in_progress = path.file_name().is_some_and(|n| {
        n.to_string_lossy().starts_with('.') && n.to_string_lossy().ends_with(".tmp")
    });
    let (kind, message) = match log.bad().map(|b| &b.problem) {
        _ if in_progress => (
            ProblemKind::NotALog,
            lang.pick(
                "en kopi, der stadig skrives (midlertidig fil); kør rapporten igen senere",
                "a copy still being written (temporary file); run the report again later",
            )
            .to_owned(),
        ),
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

/// The installation a file's first line names, if it is a current log header.
pub(super) fn header_installation(path: &Path) -> Option<InstallationId> {
    use std::io::BufRead as _;
    let file = File::open(path).ok()?;
    let mut line = String::new();
    BufReader::with_capacity(512, file)
        .take(4096)
        .read_line(&mut line)
        .ok()?;
    let header: record::LogHeader = ron::from_str(line.strip_suffix('\n')?).ok()?;
    (header.log == record::LOG_NAME && header.format == record::FORMAT_VERSION)
        .then_some(header.installation)
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
