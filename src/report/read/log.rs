//! One installation at a time: copies of it, its anchor, its chain, and the admission of its
//! records; and the messages for what goes wrong.

use super::files::record_lines;
#[allow(clippy::wildcard_imports)]
use super::*;

/// Reads the files of one installation.
pub(super) fn read_group(
    w: &mut Worker<'_>,
    cfg: &ReadConfig<'_>,
    files: &[PathBuf],
    group: &[(InstallationId, usize)],
) {
    let Some(&(inst, _)) = group.first() else {
        return;
    };
    let members: Vec<usize> = group.iter().map(|&(_, i)| i).collect();
    if let [only] = members[..] {
        read_log(w, cfg, files, only, inst);
        return;
    }
    // Several files: find the longest and whether every other is a prefix of it.
    let scans: Vec<(usize, Option<Head>, Vec<Digest32>)> = members
        .iter()
        .map(|&i| {
            let mut hashes = Vec::new();
            let outcome = open(&files[i])
                .map(|r| record::verify_reader(r, |rec| hashes.push(rec.hash)))
                .ok();
            (i, outcome.and_then(|o| o.head), hashes)
        })
        .collect();
    let longest = scans
        .iter()
        .max_by_key(|(i, h, _)| (h.map_or(0, |h| h.last_seq), std::cmp::Reverse(*i)))
        .map(|(i, _, hashes)| (*i, hashes));
    let Some((keep, keep_hashes)) = longest else {
        return;
    };
    let is_prefix = |h: &Option<Head>| {
        h.is_some_and(|h| {
            h.last_seq == 0
                || usize::try_from(h.last_seq - 1)
                    .ok()
                    .and_then(|k| keep_hashes.get(k))
                    == Some(&h.last_hash)
        })
    };
    let all_prefixes = scans.iter().all(|(_, h, _)| is_prefix(h));
    let keep_name = files[keep].display().to_string();
    for &(i, _, _) in &scans {
        if all_prefixes && i == keep {
            continue;
        }
        let n = record_lines(&files[i]);
        let n_files = members.len();
        let (kind, message) = if all_prefixes {
            (
                ProblemKind::DuplicateCopy,
                match cfg.lang {
                    Lang::Da => format!(
                        "en ældre eller ens kopi af {keep_name} (installation {inst}); dens poster tælles med én gang, fra den fil"
                    ),
                    Lang::En => format!(
                        "an older or identical copy of {keep_name} (installation {inst}); its records are counted once, from that file"
                    ),
                },
            )
        } else {
            (
                ProblemKind::DuplicateInstallation,
                match cfg.lang {
                    Lang::Da => format!(
                        "installation {inst} findes i {n_files} filer med forskellig historik; ingen af dem tælles med. Find ud af, hvilken kopi der er den ægte, og fjern de andre"
                    ),
                    Lang::En => format!(
                        "installation {inst} appears in {n_files} files whose histories differ; none of them is counted. Find out which copy is genuine and remove the others"
                    ),
                },
            )
        };
        w.problems.push((
            i,
            Problem {
                records: n,
                ..whole_file(&files[i], kind, message)
            },
        ));
        w.tallies.push((
            i,
            FileTally {
                counted: 0,
                rejected: n,
                problem: true,
            },
        ));
    }
    if all_prefixes {
        read_log(w, cfg, files, keep, inst);
    }
}

/// Reads one log: verifies it, checks its anchor, admits its records.
pub(super) fn read_log(
    w: &mut Worker<'_>,
    cfg: &ReadConfig<'_>,
    files: &[PathBuf],
    i: usize,
    inst: InstallationId,
) {
    let path = &files[i];
    let name = path.display().to_string();
    let mut tally = FileTally::default();
    let Ok(reader) = open(path) else {
        let n = record_lines(path);
        w.problems.push((
            i,
            Problem {
                records: n,
                ..whole_file(
                    path,
                    ProblemKind::Unreadable,
                    cfg.lang
                        .pick(
                            "filen kunne ikke åbnes igen",
                            "the file could not be opened again",
                        )
                        .into(),
                )
            },
        ));
        w.tallies.push((
            i,
            FileTally {
                counted: 0,
                rejected: n,
                problem: true,
            },
        ));
        return;
    };
    let anchor = cfg.anchors.head(inst).filter(|a| a.last_seq > 0);
    let mut held: Vec<CompletionRecord> = Vec::new();
    let mut anchored = anchor.is_none();
    let mut rewritten = false;
    let mut log = LogReader::new(reader);
    w.statements.clear();
    for rec in log.by_ref() {
        if anchored {
            admit(w, cfg, &name, i, &rec, &mut tally);
            continue;
        }
        let Some(a) = anchor else { continue };
        if rec.seq < a.last_seq {
            held.push(rec);
        } else if rec.hash == a.last_hash {
            anchored = true;
            for r in std::mem::take(&mut held) {
                admit(w, cfg, &name, i, &r, &mut tally);
            }
            admit(w, cfg, &name, i, &rec, &mut tally);
        } else {
            rewritten = true;
            break;
        }
    }
    let outcome = log.outcome();
    // Counting the lines costs a second read, needed only when some are left unread.
    let (total, unread) = if anchored && outcome.bad.is_none() {
        (tally.counted + tally.rejected, 0)
    } else {
        let total = record_lines(path);
        (total, total.saturating_sub(tally.counted + tally.rejected))
    };
    if !anchored {
        let message = unanchored_message(
            anchor.map_or(0, |a| a.last_seq),
            rewritten,
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
    if let Some(bad) = &outcome.bad {
        let before = tally.counted + tally.rejected;
        w.problems
            .push((i, bad_line_problem(&name, bad, unread, before, cfg.lang)));
        tally.rejected += unread;
        tally.problem = true;
    }
    if let Some(head) = outcome.head {
        w.heads.push(head);
    }
    flush_statements(w, cfg);
    w.tallies.push((i, tally));
}

pub(super) fn admit(
    w: &mut Worker<'_>,
    cfg: &ReadConfig<'_>,
    name: &str,
    i: usize,
    rec: &CompletionRecord,
    tally: &mut FileTally,
) {
    let line = rec.seq + 1;
    match crate::report::admit(&mut w.agg, (cfg.now, cfg.lang), name, line, rec) {
        Ok(()) => {
            tally.counted += 1;
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
pub(super) fn flush_statements(w: &mut Worker<'_>, cfg: &ReadConfig<'_>) {
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
