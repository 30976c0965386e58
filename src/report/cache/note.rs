//! Why the report's cache was not used or not saved: a note for the person who runs the
//! report, never an error (the report is the same either way).

use std::fmt;
use std::io;
use std::path::PathBuf;

use super::file::Damage;
use crate::lang::Lang;
use crate::message::{Bi, Bilingual, IoReason};

/// Why the report's cache was not used or not saved. The report is complete and the same
/// either way; only the time it takes differs.
#[derive(Debug)]
pub enum CacheNote {
    /// The last run's cache could not be used; every log was read afresh.
    Unusable {
        /// The cache file.
        path: PathBuf,
        /// Why.
        why: Damage,
    },
    /// What the cache held for this run could not be read back while the report was made;
    /// the report was made again without it, and the next run makes it anew.
    ReadBack {
        /// The cache file.
        path: PathBuf,
    },
    /// The new cache could not be saved; the next run reads every log afresh.
    NotSaved {
        /// The cache file.
        path: PathBuf,
        /// Why.
        error: io::Error,
    },
}

impl Bilingual for CacheNote {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CacheNote::Unusable { path, why } => {
                let p = path.display();
                let why = match why {
                    Damage::Read(e) => IoReason(e).text(lang),
                    Damage::Garbled => Bi::new(
                        "den er afbrudt eller beskadiget",
                        "it is cut off or damaged",
                    )
                    .get(lang)
                    .to_owned(),
                };
                lang.write(
                    out,
                    format_args!(
                        "{p}: rapportens mellemlager kunne ikke bruges ({why}); alle logs er \
                         læst forfra, og mellemlageret er lavet på ny"
                    ),
                    format_args!(
                        "{p}: the report's cache could not be used ({why}); every log was read \
                         afresh, and the cache was made anew"
                    ),
                )
            }
            CacheNote::ReadBack { path } => {
                let p = path.display();
                lang.write(
                    out,
                    format_args!(
                        "{p}: rapportens mellemlager kunne ikke læses under kørslen; rapporten \
                         er lavet forfra uden det, og næste kørsel laver mellemlageret på ny"
                    ),
                    format_args!(
                        "{p}: the report's cache could not be read during the run; the report \
                         was made afresh without it, and the next run makes the cache anew"
                    ),
                )
            }
            CacheNote::NotSaved { path, error } => {
                let (p, why) = (path.display(), IoReason(error).text(lang));
                lang.write(
                    out,
                    format_args!(
                        "{p}: rapportens mellemlager kunne ikke gemmes ({why}); næste kørsel \
                         læser alle logs forfra"
                    ),
                    format_args!(
                        "{p}: the report's cache could not be saved ({why}); the next run reads \
                         every log afresh"
                    ),
                )
            }
        }
    }
}

crate::danish_display!(CacheNote);

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::CacheNote;
    use crate::lang::Lang;
    use crate::message::Bilingual as _;

    #[test]
    fn a_cache_that_did_not_read_back_is_named_and_said_to_be_made_anew() {
        let note = CacheNote::ReadBack {
            path: PathBuf::from("rapport/anchors.cache"),
        };
        let (da, en) = (note.text(Lang::Da), note.text(Lang::En));
        assert!(
            da.starts_with("rapport/anchors.cache: rapportens mellemlager"),
            "{da}"
        );
        assert!(da.contains("lavet forfra uden det"), "{da}");
        assert!(en.contains("was made afresh without it"), "{en}");
    }
}
