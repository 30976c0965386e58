//! `bevidst simulate`: writes a realistic collection of completion logs, for tests, demos and
//! the benchmark. Logs are written in the real format (sealed records, real hashes, quizzes
//! drawn by the real quiz engine), one file per installation, as the collection copy names
//! them.
//!
//! The model, per simulated employee:
//! - a forvaltning (Københavns Kommune's seven, weighted by their size), an ability, and a
//!   start date: the staff at the start of the period begin when the programme is launched
//!   (spread over its first quarter), new hires over the whole period (turnover 10 % a year,
//!   each leaver replaced), so the headcount stays at `learners`;
//! - a role: about 8 % are managers (»ledere«), who alone take the managers' modules;
//! - the onboarding module within days of starting (most) or weeks (some), then each refresher
//!   a month after onboarding and again every `every_months` after each pass, some on time,
//!   some late; failed attempts are retaken within days;
//! - each question answered correctly with a probability that rises with ability, with the
//!   learner's experience, and over the years (the programme works), and differs by area and
//!   forvaltning (knowledge varies by area and forvaltning); about one question in 40 has a
//!   wrong key (strong learners miss it) and one in 40 is trivially easy, for the item
//!   statistics to flag;
//! - about 3 % change PC once, so their records are split over two installations;
//! - defects, as a real collection has them: a few logs with an edited line (hash mismatch), a
//!   few with a torn last line, a few "speed-clickers" whose records are implausibly fast, and a
//!   few duplicate copies in a subfolder.
//!
//! Deterministic: the same seed gives the same files, whatever the number of threads.

pub mod courses;
mod person;

use self::person::write_person;

use std::fs;
use std::path::{Path, PathBuf};

use rand::{Rng, RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::course::{CourseSet, Role};
use crate::lang::Lang;
use crate::message::{Bilingual, IoReason};
use crate::report::roster::RosterEntry;
use crate::schedule::{COPENHAGEN, local_date};

/// Københavns Kommune's seven forvaltninger, as learners give them, with rough headcounts.
pub const FORVALTNINGER: [(&str, u32); 7] = [
    ("Børne- og Ungdomsforvaltningen", 17_000),
    ("Sundheds- og Omsorgsforvaltningen", 11_000),
    ("Socialforvaltningen", 7_000),
    ("Teknik- og Miljøforvaltningen", 3_200),
    ("Beskæftigelses- og Integrationsforvaltningen", 2_600),
    ("Økonomiforvaltningen", 2_300),
    ("Kultur- og Fritidsforvaltningen", 1_900),
];

/// The share of employees who are managers (personnel responsibility).
const MANAGER_SHARE: f64 = 0.08;

const DAY: i64 = 86_400;
const YEAR: i64 = 365 * DAY;

/// What to simulate.
#[derive(Debug, Clone)]
pub struct SimConfig {
    /// Headcount (kept constant through turnover).
    pub learners: usize,
    /// Years of history, ending at `end`.
    pub years: u32,
    /// The seed of everything random.
    pub seed: u64,
    /// The end of the simulated period, UTC seconds (the report's "now").
    pub end: i64,
    /// Worker threads.
    pub threads: usize,
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SimSummary {
    /// Log files written (copies included).
    pub files: u64,
    /// Records written (lines after the header, defective ones included).
    pub records: u64,
    /// Employees simulated (leavers included).
    pub people: u64,
    /// Logs with an edited line.
    pub tampered: u64,
    /// Logs with a torn last line.
    pub torn: u64,
    /// Duplicate copies written.
    pub copies: u64,
}

impl Bilingual for SimSummary {
    fn write(&self, lang: Lang, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let SimSummary {
            files,
            records,
            people,
            tampered,
            torn,
            copies,
        } = self;
        lang.write(
            out,
            format_args!(
                "{files} filer, {records} poster, {people} ansatte ({tampered} redigerede logs, \
                 {torn} afbrudte, {copies} kopier)"
            ),
            format_args!(
                "{files} files, {records} records, {people} employees ({tampered} edited logs, \
                 {torn} torn, {copies} copies)"
            ),
        )
    }
}

/// Why a simulation failed.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    /// Writing failed.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The course set has no module to take.
    NoModules,
}

impl Bilingual for SimError {
    fn write(&self, lang: Lang, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SimError::Io { path, source } => {
                let (path, why) = (path.display(), IoReason(source).text(lang));
                lang.write(
                    out,
                    format_args!("{path}: kan ikke skrives: {why}"),
                    format_args!("{path}: cannot write: {why}"),
                )
            }
            SimError::NoModules => lang.write(
                out,
                format_args!(
                    "kursussættet har ingen moduler; giv --courses en mappe med kursusfiler"
                ),
                format_args!(
                    "the course set has no modules; give --courses a folder with course files"
                ),
            ),
        }
    }
}

crate::danish_display!(SimSummary, SimError);

/// One simulated employee, as the roster knows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Employee id (7 digits, as Københavns Kommune's).
    pub id: String,
    /// Forvaltning.
    pub forvaltning: String,
    /// Start date, UTC seconds.
    pub start: i64,
    /// Leaving date, if before the end.
    pub leaves: Option<i64>,
    /// Manager or not.
    pub role: Role,
}

/// The employees of a simulation: the staff at the start and the hires that replace leavers.
pub fn people(cfg: &SimConfig) -> Vec<Person> {
    let mut rng = ChaCha8Rng::seed_from_u64(cfg.seed);
    // Roles come from a source of their own, so the rest of a seed's collection is the same
    // as before roles existed.
    let mut roles = ChaCha8Rng::seed_from_u64(cfg.seed ^ 0x4c45_4445_5245);
    let begin = cfg.end - i64::from(cfg.years) * YEAR;
    let total: u32 = FORVALTNINGER.iter().map(|(_, n)| n).sum();
    let mut out = Vec::new();
    let mut slots: Vec<(i64, usize)> = (0..cfg.learners)
        .map(|_| {
            // Existing staff start when the programme is launched, over its first quarter.
            (
                begin + rng.random_range(0..90 * DAY),
                pick_forvaltning(&mut rng, total),
            )
        })
        .collect();
    for (start, forv) in slots.drain(..) {
        let mut start = start;
        loop {
            // Leaving follows a 10 %/year exponential; the replacement starts a month later.
            let u: f64 = rng.random_range(1e-9..1.0);
            let stay = seconds(-u.ln() / 0.10 * 365.0 * 86_400.0);
            let leaves = start.saturating_add(stay.max(30 * DAY));
            let id = format!("{}", 1_000_000 + out.len());
            out.push(Person {
                id,
                forvaltning: FORVALTNINGER[forv].0.to_owned(),
                start,
                leaves: (leaves < cfg.end).then_some(leaves),
                role: if roles.random_bool(MANAGER_SHARE) {
                    Role::Manager
                } else {
                    Role::Employee
                },
            });
            if leaves >= cfg.end {
                break;
            }
            start = leaves + rng.random_range(7 * DAY..60 * DAY);
            if start >= cfg.end {
                break;
            }
        }
    }
    out
}

fn pick_forvaltning(rng: &mut impl Rng, total: u32) -> usize {
    let mut x = rng.random_range(0..total);
    for (i, (_, n)) in FORVALTNINGER.iter().enumerate() {
        if x < *n {
            return i;
        }
        x -= n;
    }
    0
}

/// Writes the collection into `out` (created if missing) and returns what was written.
pub fn simulate(courses: &CourseSet, cfg: &SimConfig, out: &Path) -> Result<SimSummary, SimError> {
    if courses.modules.is_empty() {
        return Err(SimError::NoModules);
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| SimError::Io { path, source }
    };
    fs::create_dir_all(out).map_err(io(out))?;
    let copies_dir = out.join("kopier");
    fs::create_dir_all(&copies_dir).map_err(io(&copies_dir))?;
    let everyone = people(cfg);
    // Each person takes the modules for their role (`CourseSet::for_role`, as the learner's
    // program does).
    let employees = courses.for_role(Role::Employee);
    let managers = courses.for_role(Role::Manager);
    let (employees, managers) = (&employees, &managers);
    let threads = cfg.threads.max(1);
    let chunk = everyone.len().div_ceil(threads).max(1);
    let results: Vec<Result<SimSummary, SimError>> = std::thread::scope(|s| {
        let handles: Vec<_> = everyone
            .chunks(chunk)
            .enumerate()
            .map(|(ci, part)| {
                let copies_dir = &copies_dir;
                s.spawn(move || {
                    let mut sum = SimSummary::default();
                    for (j, p) in part.iter().enumerate() {
                        let k = (ci * chunk + j) as u64;
                        let mut rng = ChaCha8Rng::seed_from_u64(
                            cfg.seed ^ (k.wrapping_mul(0x9E37_79B9_7F4A_7C15)),
                        );
                        let courses = match p.role {
                            Role::Employee => employees,
                            Role::Manager => managers,
                        };
                        write_person(courses, cfg, p, k, &mut rng, out, copies_dir, &mut sum)?;
                    }
                    Ok(sum)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or(Err(SimError::NoModules)))
            .collect()
    });
    let mut total = SimSummary::default();
    for r in results {
        let s = r?;
        total.files += s.files;
        total.records += s.records;
        total.people += s.people;
        total.tampered += s.tampered;
        total.torn += s.torn;
        total.copies += s.copies;
    }
    Ok(total)
}

/// The roster of the employees still employed at the end (for
/// [`write_roster`](crate::report::roster::write_roster)), in the order they were hired.
pub fn roster(cfg: &SimConfig) -> Vec<RosterEntry> {
    people(cfg)
        .into_iter()
        .filter(|p| p.leaves.is_none())
        .map(|p| RosterEntry {
            start: local_date(p.start, &COPENHAGEN).unwrap_or(jiff::civil::Date::MAX),
            id: p.id,
            forvaltning: p.forvaltning,
            role: Some(p.role),
        })
        .collect()
}

/// Whole seconds of a non-negative duration (at most some hundred years here).
#[expect(clippy::cast_possible_truncation, reason = "clamped to 0–10^12 first")]
fn seconds(v: f64) -> i64 {
    v.clamp(0.0, 1e12) as i64
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::io::BufReader;

    use super::*;
    use crate::report::testkit::{MANAGERS_MODULE, courses_with_managers};

    fn config(learners: usize) -> SimConfig {
        SimConfig {
            learners,
            years: 2,
            seed: 11,
            end: 1_749_988_800,
            threads: 2,
        }
    }

    #[test]
    fn about_one_in_twelve_is_a_manager_and_the_roster_says_who() {
        let cfg = config(5_000);
        let everyone = people(&cfg);
        let managers = everyone.iter().filter(|p| p.role == Role::Manager).count();
        #[expect(clippy::cast_precision_loss, reason = "counts of a few thousand")]
        let share = managers as f64 / everyone.len() as f64;
        assert!((0.06..0.10).contains(&share), "{share}");
        let roles: BTreeMap<&str, Role> =
            everyone.iter().map(|p| (p.id.as_str(), p.role)).collect();
        let roster = roster(&cfg);
        assert!(
            roster
                .iter()
                .all(|e| e.role.is_some() && e.role == roles.get(e.id.as_str()).copied()),
            "every roster row has the person's role"
        );
    }

    #[test]
    fn only_managers_take_a_managers_module() {
        let cfg = config(300);
        let dir = tempfile::tempdir().expect("temp dir");
        simulate(&courses_with_managers(), &cfg, dir.path()).expect("simulated");
        let roles: BTreeMap<String, Role> =
            people(&cfg).into_iter().map(|p| (p.id, p.role)).collect();
        let mut took: BTreeSet<String> = BTreeSet::new();
        for entry in fs::read_dir(dir.path()).expect("the collection") {
            let path = entry.expect("an entry").path();
            if !path.is_file() {
                continue;
            }
            let file = fs::File::open(&path).expect("opens");
            crate::record::verify_reader(BufReader::new(file), |r| {
                if r.attempt.module == MANAGERS_MODULE {
                    took.insert(r.attempt.learner.clone());
                }
            });
        }
        assert!(!took.is_empty(), "managers take it");
        for learner in &took {
            assert_eq!(roles.get(learner), Some(&Role::Manager), "{learner}");
        }
    }
}
