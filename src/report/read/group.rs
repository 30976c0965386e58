//! Several files of one installation: which of them is the installation's log, which are
//! copies of it, and which conflict with it (see the rules in the module above).

use std::path::PathBuf;

use crate::canon::Digest32;
use crate::lang::Lang;
use crate::record::{self, InstallationId};

use super::super::model::{Problem, ProblemKind};
use super::cached::read_single;
use super::files::record_lines;
use super::log::{Limit, read_log, relative};
use super::{ReadConfig, Worker, open, whole_file};

/// One file's chain: the hashes of its good records, in order.
struct Scan {
    i: usize,
    hashes: Vec<Digest32>,
}

impl Scan {
    /// Whether this chain begins with all of `other`.
    fn extends(&self, other: &Scan) -> bool {
        self.hashes.starts_with(&other.hashes)
    }
}

/// Reads the files of one installation.
pub(super) fn read_group<'a>(
    w: &mut Worker<'a>,
    cfg: &ReadConfig<'a, '_>,
    files: &[PathBuf],
    probed: &[super::Probed],
    group: &[(InstallationId, usize)],
) {
    let Some(&(inst, _)) = group.first() else {
        return;
    };
    if let [(_, only)] = group {
        read_single(w, cfg, files, (*only, &probed[*only].1), inst);
        return;
    }
    let scans: Vec<Scan> = group
        .iter()
        .map(|&(_, i)| {
            let mut hashes = Vec::new();
            if let Ok(r) = open(&files[i]) {
                record::verify_reader(r, |rec| hashes.push(rec.hash));
            }
            Scan { i, hashes }
        })
        .collect();
    // A file that does not reach the anchor conflicts with the anchored log.
    let anchor = cfg.anchors.head(inst).filter(|a| a.last_seq > 0);
    let reaches = |s: &Scan| {
        anchor.is_none_or(|a| {
            usize::try_from(a.last_seq - 1)
                .ok()
                .and_then(|k| s.hashes.get(k))
                == Some(&a.last_hash)
        })
    };
    let (candidates, displacing): (Vec<&Scan>, Vec<&Scan>) = scans.iter().partition(|s| reaches(s));
    for s in &displacing {
        displaces(w, cfg, files, s.i, (inst, anchor.map_or(0, |a| a.last_seq)));
    }
    if let Some(own) = own_log(cfg, files, inst, &candidates) {
        read_own(w, cfg, files, (inst, own), &candidates);
        return;
    }
    let Some(longest) = candidates
        .iter()
        .max_by_key(|s| (s.hashes.len(), std::cmp::Reverse(s.i)))
    else {
        return;
    };
    if candidates.iter().all(|s| longest.extends(s)) {
        let keep_name = files[longest.i].display().to_string();
        for s in candidates.iter().filter(|s| s.i != longest.i) {
            copy(w, cfg, files, s.i, &keep_name, inst);
        }
        read_log(w, cfg, files, longest.i, inst, None);
        return;
    }
    // The files differ and none is the installation's own: only what they all share counts.
    let common = candidates
        .iter()
        .map(|s| s.hashes.as_slice())
        .reduce(|a, b| {
            let n = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            &a[..n]
        })
        .map_or(0, <[Digest32]>::len) as u64;
    let n_files = candidates.len();
    let message = match cfg.lang {
        Lang::Da => format!(
            "installation {inst} findes i {n_files} filer med forskellig historik; kun de \
             {common} første poster, som de alle har, tælles med (fra én af dem). Find ud af, \
             hvilken kopi der er den ægte, og fjern de andre"
        ),
        Lang::En => format!(
            "installation {inst} appears in {n_files} files whose histories differ; only the \
             first {common} records, which they all share, are counted (from one of them). Find \
             out which copy is genuine and remove the others"
        ),
    };
    let mut rest = candidates.iter();
    if let Some(first) = rest.next() {
        let limit = Limit {
            last_seq: common,
            message: message.clone(),
        };
        read_log(w, cfg, files, first.i, inst, Some(&limit));
    }
    for s in rest {
        conflict(w, cfg, files, s.i, message.clone());
    }
}

/// Reads the installation's own log; the other candidates are its copies or conflict with it.
fn read_own(
    w: &mut Worker<'_>,
    cfg: &ReadConfig<'_, '_>,
    files: &[PathBuf],
    (inst, own): (InstallationId, &Scan),
    candidates: &[&Scan],
) {
    let own_name = files[own.i].display().to_string();
    for s in candidates.iter().filter(|s| s.i != own.i) {
        if own.extends(s) {
            copy(w, cfg, files, s.i, &own_name, inst);
        } else {
            let message = match cfg.lang {
                Lang::Da => format!(
                    "installation {inst} har sin egen log i {own_name}, og denne fil \
                     afviger fra den eller går ud over den; den tælles ikke med, så en \
                     plantet fil aldrig kan ændre en log. Find ud af, hvor den kommer fra"
                ),
                Lang::En => format!(
                    "installation {inst} has its own log in {own_name}, and this file \
                     differs from it or goes beyond it; it is not counted, so a planted \
                     file can never change a log. Find out where it comes from"
                ),
            };
            conflict(w, cfg, files, s.i, message);
        }
    }
    read_log(w, cfg, files, own.i, inst, None);
}

/// Lists file `i` as conflicting with the installation's log anchored at record `seq`.
fn displaces(
    w: &mut Worker<'_>,
    cfg: &ReadConfig<'_, '_>,
    files: &[PathBuf],
    i: usize,
    (inst, seq): (InstallationId, u64),
) {
    let message = match cfg.lang {
        Lang::Da => format!(
            "installation {inst} har en forankret log fra en tidligere kørsel, og denne fil \
             passer ikke med den (post {seq} er en anden eller mangler); den tælles ikke med. \
             Den kan være plantet eller en gammel, omskrevet kopi: find ud af, hvor den \
             kommer fra"
        ),
        Lang::En => format!(
            "installation {inst} has a log anchored by an earlier run, and this file does \
             not match it (record {seq} differs or is missing); it is not counted. It may be \
             planted or an old, rewritten copy: find out where it comes from"
        ),
    };
    conflict(w, cfg, files, i, message);
}

/// The installation's own log among the candidates: the file its anchor was read from, or
/// else the only one with the copy's name (`<installation>.ron`).
fn own_log<'s>(
    cfg: &ReadConfig<'_, '_>,
    files: &[PathBuf],
    inst: InstallationId,
    candidates: &[&'s Scan],
) -> Option<&'s Scan> {
    if let Some(anchored) = cfg.anchors.paths.get(&inst)
        && let Some(s) = candidates
            .iter()
            .find(|s| relative(cfg, &files[s.i]).as_ref() == Some(anchored))
    {
        return Some(s);
    }
    let copy_name = record::collection_file_name(inst);
    let mut named = candidates
        .iter()
        .filter(|s| files[s.i].file_name().is_some_and(|n| *n == *copy_name));
    match (named.next(), named.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// Lists file `i` as a conflict: none of its records counts.
fn conflict(
    w: &mut Worker<'_>,
    _cfg: &ReadConfig<'_, '_>,
    files: &[PathBuf],
    i: usize,
    message: String,
) {
    let n = record_lines(&files[i]);
    let problem = Problem {
        records: n,
        ..whole_file(&files[i], ProblemKind::DuplicateInstallation, message)
    };
    w.reject_file(i, problem, 0);
}

/// Lists file `i` as a copy of `keep_name`: its records are counted once, from that file.
fn copy(
    w: &mut Worker<'_>,
    cfg: &ReadConfig<'_, '_>,
    files: &[PathBuf],
    i: usize,
    keep_name: &str,
    inst: InstallationId,
) {
    let n = record_lines(&files[i]);
    let message = match cfg.lang {
        Lang::Da => format!(
            "en ældre eller ens kopi af {keep_name} (installation {inst}); dens poster tælles \
             med én gang, fra den fil"
        ),
        Lang::En => format!(
            "an older or identical copy of {keep_name} (installation {inst}); its records are \
             counted once, from that file"
        ),
    };
    let problem = Problem {
        records: n,
        ..whole_file(&files[i], ProblemKind::DuplicateCopy, message)
    };
    w.reject_file(i, problem, 0);
}
