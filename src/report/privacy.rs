//! Privacy rules of the report (persondataloven/GDPR; policy 1.1 "begrænset til det
//! nødvendige"):
//! - [`Gate`]: an aggregated cell is shown only when at least `min_group` distinct learners
//!   are in it; otherwise all its figures are withheld.
//! - [`suppress`]: secondary suppression. Where a total is published beside its parts, the
//!   withheld parts together could be found by subtraction; so while the withheld parts of a
//!   shown total cover fewer than `min_group` learners (but more than none), the smallest
//!   shown part is withheld too, over every relation until nothing changes (a fixed point).
//!   Afterwards any sum or difference of published counts along a relation covers either no
//!   withheld learner or at least `min_group` of them.
//! - [`Pseudonymizer`]: exports that leave the security function carry HMAC-SHA256 of the
//!   employee id under a key only the report's owner holds. A plain hash of a 7-digit employee
//!   number is reversed by trying all ten million in well under a second; without the key,
//!   the HMAC cannot be.
//!
//! Key file format (`report.key`): the line `bevidst-report-key 1`, then 64 hex digits (32
//! random bytes). It is created once, never overwritten, readable only by its owner where the
//! platform has Unix permissions.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use hmac::{Hmac, KeyInit, Mac};
use rand::Rng;
use sha2::Sha256;

use super::model::Gated;
use crate::canon::{hex, parse_hex32};
use crate::lang::Lang;
use crate::message::{self, Bi, Bilingual};

/// The smallest `--min-group` accepted: with two, each of the pair could read the other's
/// result from the cell.
pub const MIN_MIN_GROUP: u32 = 3;
/// The default minimum group size.
pub const DEFAULT_MIN_GROUP: u32 = 5;

/// Decides whether a group is large enough to show.
#[derive(Debug, Clone, Copy)]
pub struct Gate {
    min: u64,
}

impl Gate {
    /// A gate at `min_group`, never below [`MIN_MIN_GROUP`].
    pub fn new(min_group: u32) -> Self {
        Gate {
            min: u64::from(min_group.max(MIN_MIN_GROUP)),
        }
    }

    /// The minimum in force.
    pub fn min(self) -> u64 {
        self.min
    }

    /// Whether a group of `learners` may be shown.
    pub fn shows(self, learners: u64) -> bool {
        learners >= self.min
    }

    /// A group's figures, shown or withheld as a whole.
    pub fn admit<T>(self, learners: u64, figures: T) -> Gated<T> {
        if self.shows(learners) {
            Gated::Shown(figures)
        } else {
            Gated::Withheld
        }
    }
}

/// A published total and the cells that add up to it (indices into a table's cells).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// The total's cell.
    pub total: usize,
    /// The parts' cells.
    pub parts: Vec<usize>,
}

/// Secondary suppression to a fixed point (see the module header). `learners[i]` is cell
/// i's number of distinct learners, `withheld[i]` whether it is withheld (the primary
/// suppression on entry, the final one on return). Ties between equally small parts go to the
/// lower index, so the result is the same on every run.
pub fn suppress(learners: &[u64], withheld: &mut [bool], relations: &[Relation], min: u64) {
    loop {
        let mut changed = false;
        for rel in relations {
            if withheld.get(rel.total).is_none_or(|&w| w) {
                continue;
            }
            let hidden: u64 = rel
                .parts
                .iter()
                .filter(|&&i| withheld[i])
                .map(|&i| learners[i])
                .sum();
            if hidden == 0 || hidden >= min {
                continue;
            }
            let smallest = rel
                .parts
                .iter()
                .copied()
                .filter(|&i| !withheld[i])
                .min_by_key(|&i| (learners[i], i));
            // With no shown part left the total itself would give the withheld parts away.
            withheld[smallest.unwrap_or(rel.total)] = true;
            changed = true;
        }
        if !changed {
            return;
        }
    }
}

/// Computes learner pseudonyms.
#[derive(Clone)]
pub struct Pseudonymizer {
    /// HMAC-SHA256 already keyed (the key's inner and outer pads absorbed), so each pseudonym
    /// only hashes the id, and no call can meet a key the MAC refuses.
    keyed: HmacSha256,
}

impl std::fmt::Debug for Pseudonymizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pseudonymizer(key withheld)")
    }
}

type HmacSha256 = Hmac<Sha256>;

impl Pseudonymizer {
    /// A pseudonymizer with the given key.
    pub fn new(key: [u8; 32]) -> Self {
        // HMAC pads a key shorter than the hash's 64-byte block with zeros (RFC 2104), so the
        // 32-byte key, zero-padded to a block, is the same key; as a whole block it goes
        // through the infallible `KeyInit::new`.
        let mut block = [0u8; 64];
        block[..key.len()].copy_from_slice(&key);
        Pseudonymizer {
            keyed: <HmacSha256 as KeyInit>::new(&block.into()),
        }
    }

    /// The pseudonym of an employee id: HMAC-SHA256, 64 hex digits.
    pub fn pseudonym(&self, employee_id: &str) -> String {
        let mut mac = self.keyed.clone();
        mac.update(employee_id.as_bytes());
        hex(&mac.finalize().into_bytes())
    }
}

/// The first line of a key file.
const KEY_HEADER: &str = "bevidst-report-key 1";

/// Why the pseudonym key could not be had.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// Reading, creating or writing failed.
    Io {
        /// The key file.
        path: PathBuf,
        /// What was being done.
        action: &'static str,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not a key file.
    Malformed(PathBuf),
}

impl Bilingual for KeyError {
    fn write(&self, lang: Lang, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyError::Io {
                path,
                action,
                source,
            } => message::write_file_failure(
                lang,
                out,
                path,
                action,
                Bi::new("pseudonymnøglen", "the pseudonym key"),
                source,
            ),
            KeyError::Malformed(path) => {
                let p = path.display();
                lang.write(
                    out,
                    format_args!(
                        "{p}: dette er ikke en nøgle til bevidsts rapport (der skal stå `{KEY_HEADER}` og 64 hex-cifre); genskab nøglen fra en sikkerhedskopi. Slet den ikke: pseudonymer lavet med en ny nøgle passer ikke med tidligere udtræk"
                    ),
                    format_args!(
                        "{p}: this is not a bevidst report key (expected `{KEY_HEADER}` and 64 hex digits); restore the key from backup. Do not delete it: pseudonyms made with a new key will not match earlier exports"
                    ),
                )
            }
        }
    }
}
crate::danish_display!(KeyError);

/// Reads the key at `path`, or creates it (with `rng`) if there is none. An existing file is
/// never overwritten.
pub fn load_or_create_key(path: &Path, rng: &mut impl Rng) -> Result<[u8; 32], KeyError> {
    let io = |action, source| KeyError::Io {
        path: path.to_owned(),
        action,
        source,
    };
    // Read like any file bevidst did not create (a pipe there must not hang the report).
    let read = crate::foreign::read_text(path, 4096);
    match read {
        Ok(text) => parse_key(&text).ok_or_else(|| KeyError::Malformed(path.to_owned())),
        Err(e) if e.is_missing() => {
            crate::fsutil::create_private_dir(&crate::fsutil::parent_of(path))
                .map_err(|e| io("create the folder of", e))?;
            let mut key = [0u8; 32];
            rng.fill_bytes(&mut key);
            let mut file = crate::fsutil::create_options(crate::fsutil::Access::Private)
                .create_new(true)
                .open(path)
                .map_err(|e| io("create", e))?;
            file.write_all(format!("{KEY_HEADER}\n{}\n", hex(&key)).as_bytes())
                .and_then(|()| file.sync_all())
                .map_err(|e| io("write", e))?;
            Ok(key)
        }
        Err(crate::foreign::ForeignError::Io { source, .. }) => Err(io("read", source)),
        Err(_) => Err(KeyError::Malformed(path.to_owned())),
    }
}

fn parse_key(text: &str) -> Option<[u8; 32]> {
    let mut lines = text.lines();
    (lines.next()? == KEY_HEADER).then_some(())?;
    parse_hex32(lines.next()?.trim())
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    use super::*;

    #[test]
    fn gate_withholds_small_groups_and_never_goes_below_three() {
        let g = Gate::new(5);
        assert_eq!(g.admit(4, 0.5), Gated::Withheld);
        assert_eq!(g.admit(5, 0.5), Gated::Shown(0.5));
        assert_eq!(Gate::new(1).min(), 3);
    }

    fn suppressed(learners: &[u64], relations: &[Relation], min: u64) -> Vec<bool> {
        let mut w: Vec<bool> = learners.iter().map(|&n| n < min).collect();
        suppress(learners, &mut w, relations, min);
        w
    }

    #[test]
    fn withheld_parts_grow_until_they_cover_the_minimum() {
        // The total (0) of five parts; parts 1 and 2 (1 and 1 learner) are withheld, and
        // together still fewer than 5: the smallest shown part (4, 3 learners) goes too.
        let rel = [Relation {
            total: 0,
            parts: vec![1, 2, 3, 4, 5],
        }];
        let w = suppressed(&[3020, 1, 1, 3000, 3, 15], &rel, 5);
        assert_eq!(w, [false, true, true, false, true, false]);
        // A lone small part takes the smallest other with it, as before.
        let w = suppressed(
            &[52, 3, 40, 9],
            &[Relation {
                total: 0,
                parts: vec![1, 2, 3],
            }],
            5,
        );
        assert_eq!(w, [false, true, false, true]);
        // Nothing withheld, nothing to protect.
        let w = suppressed(
            &[39, 30, 9],
            &[Relation {
                total: 0,
                parts: vec![1, 2],
            }],
            5,
        );
        assert_eq!(w, [false; 3]);
    }

    #[test]
    fn suppression_reaches_a_fixed_point_across_relations() {
        // Two totals share part 3: withholding it to protect part 2 in the first relation also
        // covers part 4, the second relation's lone small part.
        let rel = [
            Relation {
                total: 0,
                parts: vec![2, 3],
            },
            Relation {
                total: 1,
                parts: vec![3, 4, 5],
            },
        ];
        let learners = [12, 26, 2, 10, 1, 15];
        let w = suppressed(&learners, &rel, 5);
        assert_eq!(w, [false, false, true, true, true, false]);
        for r in &rel {
            let hidden: u64 = r
                .parts
                .iter()
                .filter(|&&i| w[i])
                .map(|&i| learners[i])
                .sum();
            assert!(hidden == 0 || hidden >= 5);
        }
    }

    #[test]
    fn pseudonyms_are_keyed_and_stable() {
        let a = Pseudonymizer::new([1; 32]);
        let b = Pseudonymizer::new([2; 32]);
        assert_eq!(a.pseudonym("1234567"), a.pseudonym("1234567"));
        assert_ne!(a.pseudonym("1234567"), b.pseudonym("1234567"));
        assert_ne!(a.pseudonym("1234567"), a.pseudonym("1234568"));
        assert_eq!(a.pseudonym("x").len(), 64);
    }

    #[test]
    fn pseudonyms_are_rfc_4231_hmac_sha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?". The key is
        // shorter than 32 bytes; HMAC zero-pads it, so the padded key gives the same MAC.
        let mut key = [0u8; 32];
        key[..4].copy_from_slice(b"Jefe");
        assert_eq!(
            Pseudonymizer::new(key).pseudonym("what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // RFC 4231 test case 1 fills a 20-byte key with 0x0b; "Hi There".
        let mut key = [0u8; 32];
        key[..20].fill(0x0b);
        assert_eq!(
            Pseudonymizer::new(key).pseudonym("Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        );
    }

    #[test]
    fn the_key_is_created_once_and_then_reused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sub/report.key");
        let k1 = load_or_create_key(&path, &mut ChaCha8Rng::seed_from_u64(1)).expect("created");
        let k2 = load_or_create_key(&path, &mut ChaCha8Rng::seed_from_u64(2)).expect("read");
        assert_eq!(k1, k2, "an existing key is never replaced");
        std::fs::write(&path, "garbage").expect("write");
        let err =
            load_or_create_key(&path, &mut ChaCha8Rng::seed_from_u64(3)).expect_err("must fail");
        assert!(
            err.text(Lang::En).contains("not a bevidst report key"),
            "{err}"
        );
    }
}
