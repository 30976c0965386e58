//! One log: its anchor, its chain, and the admission of its records; and the messages for
//! what goes wrong.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::lang::Lang;
use crate::record::{self, CompletionRecord, Head, InstallationId, LogReader};
use crate::report::cache::{Hashing, VerifiedBytes};

use super::super::model::{Problem, ProblemKind};
use super::super::render::xapi::statement;
use super::files::{record_lines, refused};
use super::{FileTally, ReadConfig, Worker, open, whole_file};
use crate::message::Bilingual as _;

/// Where to stop counting a log whose later records conflict with another file of the same
/// installation: the last sequence number counted, and why the rest is not.
pub(super) struct Limit {
    /// The last record counted.
    pub last_seq: u64,
    /// Why the records after it are not counted.
    pub message: String,
}

/// The file's path relative to the collection folder, as the anchor file keeps it.
pub(super) fn relative(cfg: &ReadConfig<'_, '_>, path: &Path) -> Option<String> {
    path.strip_prefix(cfg.root)
        .ok()
        .and_then(Path::to_str)
        .map(str::to_owned)
}

/// Reads one log: verifies it, checks its anchor, admits its records (with `limit`, only
/// those up to its sequence number). Returns what its bytes were when all of them were read
/// and verified, its anchor reached, and no limit stopped it (for the report's cache).
pub(super) fn read_log(
    w: &mut Worker<'_>,
    cfg: &ReadConfig<'_, '_>,
    files: &[PathBuf],
    i: usize,
    inst: InstallationId,
    limit: Option<&Limit>,
) -> Option<VerifiedBytes> {
    let path = &files[i];
    let name = path.display().to_string();
    let mut tally = FileTally::default();
    let reader = match open(path) {
        Ok(r) => r,
        Err(e) => {
            let n = record_lines(path);
            let problem = Problem {
                records: n,
                ..refused(path, &e, cfg.lang)
            };
            w.reject_file(i, problem, 0);
            return None;
        }
    };
    let anchor = cfg.anchors.head(inst).filter(|a| a.last_seq > 0);
    let mut held: Vec<CompletionRecord> = Vec::new();
    let mut anchored = anchor.is_none();
    let mut rewritten = false;
    let mut stopped = false;
    let mut last_learner: Option<(String, u64)> = None;
    let mut log = LogReader::new(Hashing::new(reader));
    w.statements.clear();
    // The reader lends each record (no copy per record); only held ones are copied.
    while let Some(rec) = log.next_record() {
        if limit.is_some_and(|l| rec.seq > l.last_seq) {
            stopped = true;
            break;
        }
        note_learner(w, cfg, (&name, i), &mut last_learner, rec);
        if anchored {
            admit(w, cfg, &name, i, rec, &mut tally);
            continue;
        }
        let Some(a) = anchor else { continue };
        if rec.seq < a.last_seq {
            held.push(rec.clone());
        } else if rec.hash == a.last_hash {
            anchored = true;
            for r in std::mem::take(&mut held) {
                admit(w, cfg, &name, i, &r, &mut tally);
            }
            admit(w, cfg, &name, i, rec, &mut tally);
        } else {
            rewritten = true;
            break;
        }
    }
    let outcome = log.outcome();
    let read = Read {
        anchor_seq: anchor.map_or(0, |a| a.last_seq),
        anchored,
        rewritten,
        stopped,
    };
    finish_log(w, cfg, (path, i), tally, &read, &outcome, limit);
    let bytes = log.reader();
    let whole = anchored && !stopped && outcome.is_ok() && bytes.len() == log.good_len();
    whole.then(|| VerifiedBytes {
        len: bytes.len(),
        digest: bytes.digest(),
        learner: last_learner,
    })
}

/// How reading a log ended.
struct Read {
    anchor_seq: u64,
    anchored: bool,
    rewritten: bool,
    stopped: bool,
}

/// Lists what was not counted of a log, notes its head to anchor, and keeps its tally.
fn finish_log(
    w: &mut Worker<'_>,
    cfg: &ReadConfig<'_, '_>,
    (path, i): (&Path, usize),
    mut tally: FileTally,
    read: &Read,
    outcome: &record::VerifyOutcome,
    limit: Option<&Limit>,
) {
    let name = path.display().to_string();
    // Counting the lines costs a second read, needed only when some are left unread.
    let (total, unread) = if read.anchored && outcome.bad.is_none() && !read.stopped {
        (tally.counted + tally.rejected, 0)
    } else {
        let total = record_lines(path);
        (total, total.saturating_sub(tally.counted + tally.rejected))
    };
    if !read.anchored {
        let message = unanchored_message(
            read.anchor_seq,
            read.rewritten,
            outcome.bad.as_ref(),
            total,
            cfg.lang,
        );
        w.problems.push((
            i,
            Problem {
                records: unread,
                ..whole_file(path, ProblemKind::RewrittenHistory, message)
            },
        ));
        tally.rejected += unread;
        tally.problem = true;
        w.tallies.push((i, tally));
        return;
    }
    let mut last = outcome.head;
    match (limit, read.stopped) {
        (Some(l), true) => {
            w.problems.push((
                i,
                Problem {
                    records: unread,
                    ..whole_file(path, ProblemKind::DuplicateInstallation, l.message.clone())
                },
            ));
            tally.rejected += unread;
            tally.problem = true;
            last = last.map(|h| Head {
                last_seq: h.last_seq.min(l.last_seq),
                ..h
            });
        }
        _ => {
            if let Some(bad) = &outcome.bad {
                let before = tally.counted + tally.rejected;
                w.problems
                    .push((i, bad_line_problem(&name, bad, unread, before, cfg.lang)));
                tally.rejected += unread;
                tally.problem = true;
            }
        }
    }
    if let Some(head) = last {
        // A head counted only up to a conflict names no file: no one file holds that chain.
        let file = if limit.is_none() {
            relative(cfg, path)
        } else {
            None
        };
        w.heads.push((head, file));
    }
    flush_statements(w, cfg);
    w.tallies.push((i, tally));
}

/// Notes each change of the employee id from one record to the next. The ids themselves are
/// not in the message: problems go into the pseudonymised exports too.
pub(super) fn note_learner(
    w: &mut Worker<'_>,
    cfg: &ReadConfig<'_, '_>,
    (name, i): (&str, usize),
    last: &mut Option<(String, u64)>,
    rec: &CompletionRecord,
) {
    let line = rec.seq + 1;
    if let Some((before, before_line)) = last.as_ref()
        && *before != rec.attempt.learner
    {
        let message = match cfg.lang {
            Lang::Da => format!(
                "medarbejdernummeret er et andet her end i linje {before_line}; posterne tælles \
                 under det nummer, hver af dem har. Tjek med medarbejderen, om nummeret er \
                 rettet, eller om to personer bruger samme installation"
            ),
            Lang::En => format!(
                "the employee id here differs from the one at line {before_line}; the records \
                 are counted under the id each names. Check with the learner whether the id was \
                 corrected or two people use one installation"
            ),
        };
        w.problems.push((
            i,
            Problem {
                path: name.to_owned(),
                line: Some(line),
                kind: ProblemKind::LearnerChanged,
                message,
                records: 0,
                who: None,
            },
        ));
    }
    if last
        .as_ref()
        .is_none_or(|(before, _)| *before != rec.attempt.learner)
    {
        *last = Some((rec.attempt.learner.clone(), line));
    }
}

pub(super) fn admit(
    w: &mut Worker<'_>,
    cfg: &ReadConfig<'_, '_>,
    name: &str,
    i: usize,
    rec: &CompletionRecord,
    tally: &mut FileTally,
) {
    let line = rec.seq + 1;
    match crate::report::admit(&mut w.agg, (cfg.now, cfg.lang), name, line, rec) {
        Ok(()) => {
            tally.counted += 1;
            tally.latest = tally.latest.max(rec.attempt.finished);
            if let Some(sink) = cfg.xapi
                && let Some(mi) = cfg.index.module(&rec.attempt.module)
            {
                let title = &cfg.index.modules[mi].title;
                w.statements
                    .push(statement(rec, title, &sink.pseudo, &sink.options).to_string());
            }
        }
        Err(p) => {
            tally.rejected += 1;
            tally.problem = true;
            w.problems.push((i, p));
        }
    }
}

/// Why a log that does not reach its anchor is not counted.
pub(super) fn unanchored_message(
    a: u64,
    rewritten: bool,
    bad: Option<&record::BadLine>,
    total: u64,
    lang: Lang,
) -> String {
    let why = match (lang, rewritten, bad.is_some()) {
        (Lang::Da, true, _) => format!(
            "post {a} er ikke den, rapporten forankrede ved en tidligere kørsel: loggens historik er omskrevet"
        ),
        (Lang::Da, false, true) => format!(
            "loggen er beskadiget før post {a}, som rapporten forankrede ved en tidligere kørsel, så intet i den kan stoles på"
        ),
        (Lang::Da, false, false) => format!(
            "loggen slutter før post {a}, som rapporten forankrede ved en tidligere kørsel: poster er fjernet"
        ),
        (Lang::En, true, _) => format!(
            "record {a} is not the one this report anchored on an earlier run: the log's history was rewritten"
        ),
        (Lang::En, false, true) => format!(
            "the log is damaged before record {a}, which this report anchored on an earlier run, so none of it can be trusted"
        ),
        (Lang::En, false, false) => format!(
            "the log ends before record {a}, which this report anchored on an earlier run: records were removed"
        ),
    };
    let mut message = match lang {
        Lang::Da => format!(
            "{why}; ingen af dens {total} poster tælles med. Bed medarbejderens it-support om den oprindelige log"
        ),
        Lang::En => format!(
            "{why}; none of its {total} records is counted. Ask the learner's IT support for the original log"
        ),
    };
    if let Some(bad) = bad {
        let _ = write!(
            message,
            " ({} {}: {})",
            lang.pick("også: linje", "also: line"),
            bad.line,
            bad.problem.text(lang)
        );
    }
    message
}

/// The problem for a log's first bad line; `unread` lines from it on are not counted,
/// `before` records before it were.
pub(super) fn bad_line_problem(
    name: &str,
    bad: &record::BadLine,
    unread: u64,
    before: u64,
    lang: Lang,
) -> Problem {
    let kind = match bad.problem {
        record::Problem::Torn => ProblemKind::TornTail,
        record::Problem::NewerVersion { .. } => ProblemKind::NewerFormat,
        record::Problem::Read(_) => ProblemKind::Unreadable,
        _ => ProblemKind::BrokenChain,
    };
    Problem {
        path: name.to_owned(),
        line: Some(bad.line),
        kind,
        message: match lang {
            Lang::Da => format!(
                "{}; denne linje og de {} efter den tælles ikke med, de {before} før den gør",
                bad.problem.text(lang),
                unread.saturating_sub(1),
            ),
            Lang::En => format!(
                "{}; this line and the {} after it are not counted, the {before} before it are",
                bad.problem.text(lang),
                unread.saturating_sub(1),
            ),
        },
        records: unread,
        who: None,
    }
}

/// Writes a file's statements to the shared xAPI output in one go (so files do not interleave).
pub(super) fn flush_statements(w: &mut Worker<'_>, cfg: &ReadConfig<'_, '_>) {
    if let Some(sink) = cfg.xapi
        && !w.statements.is_empty()
    {
        let mut writer = sink
            .writer
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Err(e) = writer.write_serialized(&w.statements) {
            let mut first = sink
                .error
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            first.get_or_insert(e);
        }
    }
}
