//! Listing a collection folder: every regular file in it and its subfolders, and every other
//! entry with the reason it is not read. Nothing is opened here; types come from the folder
//! listing and `metadata`, which never wait.
//!
//! - a subfolder is walked, once (a folder reached again, through a bind mount, is listed);
//! - a symbolic link is followed only when it leads to a regular file; a link to a folder is
//!   listed and not followed (it could lead in a circle), as is a link that leads nowhere;
//! - a named pipe, a socket or a device is listed and never opened;
//! - a temporary file (a hidden name ending in `.tmp`, such as the `.<name>.<pid>.<n>.tmp` or
//!   `.<name>.tmp` of an interrupted copy) is listed as a leftover and never read: a copy that
//!   was still being written, or was interrupted, is not evidence.
//!
//! Each file's identity for the report's cache ([`FileId`]) comes from the same look the walk
//! takes at it, so a file is looked at once, not twice.

#[cfg(unix)]
use std::collections::HashSet;
use std::fs::{self, Metadata};
use std::io;
use std::path::{Path, PathBuf};

use crate::foreign::NotAFile;
use crate::lang::Lang;
use crate::message::Bilingual as _;
use crate::report::cache::FileId;

use super::super::model::{Problem, ProblemKind};
use super::whole_file;
use crate::report::shares::in_chunks;

/// Whether a file name is a temporary file's: hidden, ending in `.tmp`.
pub fn is_leftover(name: &str) -> bool {
    name.starts_with('.')
        && Path::new(name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("tmp"))
}

/// Every regular file under `dir`, sorted, and a problem for every entry that is not read.
pub fn list_files(dir: &Path) -> io::Result<(Vec<PathBuf>, Vec<Problem>)> {
    list_files_in(dir, Lang::En)
}

/// [`list_files`] with its messages in `lang`. Errors only when `dir` itself cannot be read.
pub fn list_files_in(dir: &Path, lang: Lang) -> io::Result<(Vec<PathBuf>, Vec<Problem>)> {
    let (files, problems) = walk(dir, lang)?;
    Ok((files.into_iter().map(|(path, _)| path).collect(), problems))
}

/// A file to read, and its identity as the walk saw it.
pub(crate) type Listed = (PathBuf, FileId);

/// [`list_files_in`], with each file's identity as the walk saw it.
pub(crate) fn walk(dir: &Path, lang: Lang) -> io::Result<(Vec<Listed>, Vec<Problem>)> {
    let root = fs::metadata(dir)?;
    if !root.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotADirectory,
            "it is not a folder",
        ));
    }
    let mut walk = Walk {
        lang,
        files: Vec::new(),
        problems: Vec::new(),
        #[cfg(unix)]
        seen: HashSet::new(),
    };
    walk.first_visit(&root);
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let mut stack = vec![dir.to_path_buf()];
    let mut first = true;
    while let Some(d) = stack.pop() {
        let entries = match fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) if first => return Err(e),
            Err(e) => {
                walk.refuse(
                    &d,
                    ProblemKind::Unreadable,
                    match lang {
                        Lang::Da => format!(
                            "mappen kan ikke læses: {e}; dens filer er ikke med i rapporten"
                        ),
                        Lang::En => {
                            format!("cannot read the folder: {e}; its files are not in the report")
                        }
                    },
                );
                continue;
            }
        };
        first = false;
        let entries: Vec<io::Result<fs::DirEntry>> = entries.collect();
        // Looked at on every core: a collection folder holds tens of thousands of logs.
        let looks: Vec<Option<io::Result<Metadata>>> = in_chunks(&entries, threads, |share| {
            share
                .iter()
                .map(|e| e.as_ref().ok().map(fs::DirEntry::metadata))
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect();
        for (entry, look) in entries.into_iter().zip(looks) {
            match (entry, look) {
                (Ok(entry), look) => {
                    // Every entry read was looked at above.
                    let look = look.unwrap_or_else(|| entry.metadata());
                    if let Some(sub) = walk.entry(&entry, look) {
                        stack.push(sub);
                    }
                }
                (Err(e), _) => walk.refuse(
                    &d,
                    ProblemKind::Unreadable,
                    match lang {
                        Lang::Da => format!("en fil i mappen kan ikke læses: {e}"),
                        Lang::En => format!("an entry of the folder cannot be read: {e}"),
                    },
                ),
            }
        }
    }
    sort_paths(&mut walk.files);
    Ok((walk.files, walk.problems))
}

/// Sorts files in the order of [`Path`]'s `Ord` (component by component), for paths that all
/// begin with the same folder: on Unix by their bytes with the separator below every other
/// byte, which is the same order (a file name holds neither a separator nor a zero byte). The
/// key is made once per path and compared as bytes: several times cheaper than splitting both
/// paths into components, or mapping their bytes, at every comparison of the sort.
fn sort_paths(files: &mut [Listed]) {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        files.sort_by_cached_key(|(path, _)| {
            path.as_os_str()
                .as_bytes()
                .iter()
                .map(|&c| if c == b'/' { 0 } else { c })
                .collect::<Vec<u8>>()
        });
    }
    #[cfg(not(unix))]
    {
        files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    }
}

struct Walk {
    lang: Lang,
    files: Vec<Listed>,
    problems: Vec<Problem>,
    /// Folders already walked, by device and inode (Unix; Windows has no such pair in std, and
    /// the walk never follows a link there either).
    #[cfg(unix)]
    seen: HashSet<(u64, u64)>,
}

impl Walk {
    fn refuse(&mut self, path: &Path, kind: ProblemKind, message: String) {
        self.problems.push(whole_file(path, kind, message));
    }

    /// Notes a folder as walked; false when it was walked before.
    #[cfg_attr(
        not(unix),
        expect(
            clippy::unused_self,
            reason = "only Unix gives a folder's identity in std"
        )
    )]
    fn first_visit(&mut self, meta: &Metadata) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            self.seen.insert((meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            true
        }
    }

    /// Sorts one entry: a regular file to read, a folder to walk (returned), or a problem.
    fn entry(&mut self, entry: &fs::DirEntry, look: io::Result<Metadata>) -> Option<PathBuf> {
        let lang = self.lang;
        let path = entry.path();
        let leftover = is_leftover(&entry.file_name().to_string_lossy());
        let meta = match look {
            Ok(m) => m,
            Err(e) => {
                self.refuse(
                    &path,
                    ProblemKind::Unreadable,
                    match lang {
                        Lang::Da => format!("kan ikke læses: {e}"),
                        Lang::En => format!("cannot read: {e}"),
                    },
                );
                return None;
            }
        };
        let kind = meta.file_type();
        if kind.is_dir() && !leftover {
            if self.first_visit(&meta) {
                return Some(path);
            }
            self.refuse(
                &path,
                ProblemKind::NotAFile,
                lang.pick(
                    "mappen er allerede læst ad en anden vej; den læses ikke igen",
                    "this folder was already read by another way; it is not read again",
                )
                .into(),
            );
            return None;
        }
        if leftover {
            self.refuse(
                &path,
                ProblemKind::Leftover,
                lang.pick(
                    "en midlertidig fil fra en kopi, der blev afbrudt eller stadig skrives; den \
                     læses ikke og tælles aldrig med (den rigtige kopi har navnet uden punktum \
                     og .tmp). Den kan slettes, når ingen bevidst kopierer",
                    "a temporary file of a copy that was interrupted or is still being written; \
                     it is not read and never counted (the real copy has the name without the \
                     dot and .tmp). It can be deleted when no bevidst is copying",
                )
                .into(),
            );
            return None;
        }
        if kind.is_file() {
            self.files.push((path, FileId::from_metadata(&meta)));
            return None;
        }
        if kind.is_symlink() {
            self.link(path);
            return None;
        }
        let what = NotAFile::of(&meta).unwrap_or(NotAFile::Other);
        self.refuse(
            &path,
            ProblemKind::NotAFile,
            match lang {
                Lang::Da => format!(
                    "det er {}, ikke en fil; den åbnes ikke, og kun bevidst-logs hører hjemme i \
                     indsamlingsmappen",
                    what.text(lang)
                ),
                Lang::En => format!(
                    "it is {}, not a file; it is not opened, and only bevidst completion logs \
                     belong in the collection folder",
                    what.text(lang)
                ),
            },
        );
        None
    }

    /// A symbolic link: followed only when it leads to a regular file.
    fn link(&mut self, path: PathBuf) {
        let lang = self.lang;
        match fs::metadata(&path) {
            Ok(target) if target.is_file() => {
                let id = FileId::from_metadata(&target);
                self.files.push((path, id));
            }
            Ok(target) => {
                let what = NotAFile::of(&target).unwrap_or(NotAFile::Other);
                self.refuse(
                    &path,
                    ProblemKind::NotAFile,
                    match lang {
                        Lang::Da => format!(
                            "en genvej (symbolsk link) til {}; kun genveje til almindelige \
                             filer følges",
                            what.text(lang)
                        ),
                        Lang::En => format!(
                            "a symbolic link to {}; only links to regular files are followed",
                            what.text(lang)
                        ),
                    },
                );
            }
            Err(e) => self.refuse(
                &path,
                ProblemKind::Unreadable,
                match lang {
                    Lang::Da => {
                        format!("en genvej (symbolsk link), der ikke fører til nogen fil: {e}")
                    }
                    Lang::En => format!("a symbolic link that leads to no file: {e}"),
                },
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// The walk's cheap order is `Path`'s own for the paths a walk yields: one folder,
        /// then names joined one by one (names with dots, dashes, digits, letters beyond
        /// ASCII, and prefixes of one another; never `.` or `..`, which a folder listing
        /// leaves out).
        #[test]
        fn the_walks_order_is_the_order_of_paths(
            a in prop::collection::vec("[a.\\-0Zé]{1,4}", 1..4),
            b in prop::collection::vec("[a.\\-0Zé]{1,4}", 1..4),
        ) {
            let join = |names: &[String]| {
                names.iter().fold(PathBuf::from("/samling/"), |p, n| p.join(n))
            };
            let real = |names: &[String]| names.iter().all(|n| n != "." && n != "..");
            prop_assume!(real(&a) && real(&b));
            let (a, b) = (join(&a), join(&b));
            let id = FileId::from_metadata(&fs::metadata(".").expect("metadata"));
            let mut files = vec![(a.clone(), id), (b.clone(), id)];
            sort_paths(&mut files);
            let mut paths = [a, b];
            paths.sort();
            prop_assert_eq!(files.into_iter().map(|(p, _)| p).collect::<Vec<_>>(), paths);
        }
    }
}
