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

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use rand::{Rng, RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::canon::Digest32;
use crate::course::{CourseSet, LoadedModule};
use crate::quiz;
use crate::record::{
    AnswerResult, CompletionRecord, InstallationId, RecordDraft, collection_file_name, header_line,
};

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

/// Why a simulation failed.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    /// Writing failed.
    #[error("{path}: cannot write: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The course set has no module to take.
    #[error("the course set has no modules; give --courses a folder with course files")]
    NoModules,
}

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
}

/// The employees of a simulation: the staff at the start and the hires that replace leavers.
pub fn people(cfg: &SimConfig) -> Vec<Person> {
    let mut rng = ChaCha8Rng::seed_from_u64(cfg.seed);
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

/// Writes a roster CSV of the employees still employed at the end.
pub fn write_roster(cfg: &SimConfig, path: &Path) -> Result<u64, SimError> {
    let err = |source| SimError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = fs::File::create(path).map_err(err)?;
    let mut w = BufWriter::new(file);
    writeln!(w, "medarbejder,forvaltning,startdato").map_err(err)?;
    let mut n = 0;
    for p in people(cfg).iter().filter(|p| p.leaves.is_none()) {
        let date = crate::report::aggregate::local_date(p.start);
        writeln!(w, "{},{},{date}", p.id, p.forvaltning).map_err(err)?;
        n += 1;
    }
    w.flush().map_err(err)?;
    Ok(n)
}

/// How a learner behaves.
struct Traits {
    ability: f64,
    forv_bonus: f64,
    late_prone: f64,
    speed_clicker: bool,
}

/// The attempts of one person, written to one log (two when they change PC).
#[allow(clippy::too_many_arguments)]
fn write_person(
    courses: &CourseSet,
    cfg: &SimConfig,
    p: &Person,
    k: u64,
    rng: &mut ChaCha8Rng,
    out: &Path,
    copies_dir: &Path,
    sum: &mut SimSummary,
) -> Result<(), SimError> {
    sum.people += 1;
    let forv_index = FORVALTNINGER
        .iter()
        .position(|(n, _)| *n == p.forvaltning)
        .unwrap_or(0);
    #[allow(clippy::cast_precision_loss)]
    let traits = Traits {
        ability: normal(rng),
        forv_bonus: (forv_index as f64 - 3.0) * 0.08,
        late_prone: rng.random_range(0.0..1.0),
        speed_clicker: rng.random_bool(0.002),
    };
    let until = p.leaves.unwrap_or(cfg.end).min(cfg.end);
    let begin = cfg.end - i64::from(cfg.years) * YEAR;
    let mut attempts: Vec<RecordDraft> = Vec::new();
    // Onboarding modules first, then refreshers on their schedule.
    let mut onboarded: Option<i64> = None;
    for m in courses
        .modules
        .iter()
        .filter(|m| m.module.every_months().is_none())
    {
        let t = p.start + delay(rng, &traits, 2, 40);
        if let Some(pass) = take_until_passed(m, p, &traits, t, until, begin, rng, &mut attempts) {
            onboarded = Some(onboarded.map_or(pass, |o: i64| o.max(pass)));
        }
    }
    if courses
        .modules
        .iter()
        .all(|m| m.module.every_months().is_some())
    {
        onboarded = Some(p.start);
    }
    if let Some(on) = onboarded {
        for m in courses
            .modules
            .iter()
            .filter(|m| m.module.every_months().is_some())
        {
            let every = i64::from(m.module.every_months().unwrap_or(12)) * YEAR / 12;
            let mut due = on + 30 * DAY;
            loop {
                let t = due - 20 * DAY + delay(rng, &traits, 0, 120);
                if t >= until {
                    break;
                }
                match take_until_passed(m, p, &traits, t, until, begin, rng, &mut attempts) {
                    Some(pass) => due = pass + every,
                    None => break,
                }
            }
        }
    }
    attempts.sort_by_key(|a| a.finished);
    // About 3 % change PC once: the records after the change go to a second installation.
    let split = if attempts.len() > 2 && rng.random_bool(0.03) {
        rng.random_range(1..attempts.len())
    } else {
        attempts.len()
    };
    let second = attempts.split_off(split);
    for (n, part) in [attempts, second].into_iter().enumerate() {
        if part.is_empty() {
            continue;
        }
        let installation = InstallationId::random(rng);
        let lines = seal_all(part, installation);
        let defect = rng.random_range(0.0..1.0);
        let path = out.join(collection_file_name(installation));
        let text = defective(installation, &lines, defect, sum);
        write_file(&path, &text)?;
        sum.files += 1;
        sum.records += lines.len() as u64;
        if n == 0 && k % 2000 == 1999 {
            // An identical copy in a subfolder, as when someone copies a folder by hand.
            write_file(&copies_dir.join(collection_file_name(installation)), &text)?;
            sum.files += 1;
            sum.records += lines.len() as u64;
            sum.copies += 1;
        }
    }
    Ok(())
}

/// A delay in seconds: usually `typical_days` or less, later for the late-prone.
fn delay(rng: &mut impl Rng, t: &Traits, min_days: i64, typical_days: i64) -> i64 {
    let late = rng.random_bool(0.15 + 0.35 * t.late_prone);
    let days = if late {
        rng.random_range(typical_days..typical_days * 3 + 1)
    } else {
        rng.random_range(min_days..typical_days + 1)
    };
    days * DAY + rng.random_range(8 * 3600..16 * 3600)
}

/// Takes a module (retrying failures within days) until passed; returns the pass time.
#[allow(clippy::too_many_arguments)]
fn take_until_passed(
    m: &LoadedModule,
    p: &Person,
    traits: &Traits,
    mut t: i64,
    until: i64,
    begin: i64,
    rng: &mut ChaCha8Rng,
    out: &mut Vec<RecordDraft>,
) -> Option<i64> {
    for tries in 0..4 {
        if t >= until {
            return None;
        }
        let draft = attempt(m, p, traits, t, tries, begin, rng);
        let passed = draft.passed;
        let finished = i64::try_from(draft.finished).unwrap_or(i64::MAX);
        out.push(draft);
        if passed {
            return Some(finished);
        }
        t = finished + rng.random_range(DAY..10 * DAY);
    }
    None
}

/// One attempt, drawn by the real quiz engine and answered by the model in the header.
fn attempt(
    m: &LoadedModule,
    p: &Person,
    traits: &Traits,
    start: i64,
    tries: u32,
    begin: i64,
    rng: &mut ChaCha8Rng,
) -> RecordDraft {
    let drawn = quiz::draw_attempt(&m.module, rng);
    #[allow(clippy::cast_precision_loss)]
    let years_in = (start - begin) as f64 / YEAR as f64;
    let mut answers = Vec::with_capacity(drawn.items.len());
    let mut seconds: i64 = 0;
    for item in &drawn.items {
        let q = &m.module.questions[item.question];
        let spread = f64::from(u8::try_from(item.question % 5).unwrap_or(0));
        let difficulty = f64::from(q.area.code()) * 0.09 - 0.5 + spread * 0.1;
        let mut logit =
            1.2 + traits.ability + traits.forv_bonus + 0.12 * years_in + 0.3 * f64::from(tries)
                - difficulty;
        match quirk(&q.id) {
            // A wrong key: the stronger the learner, the likelier the "wrong" answer.
            Quirk::WrongKey => logit = 0.2 - 1.5 * traits.ability,
            Quirk::TooEasy => logit += 4.0,
            Quirk::None => {}
        }
        let correct = rng.random_range(0.0..1.0) < 1.0 / (1.0 + (-logit).exp());
        answers.push(AnswerResult {
            id: q.id.clone(),
            area: q.area,
            correct,
        });
        seconds += if traits.speed_clicker {
            1
        } else {
            rng.random_range(12..90)
        };
    }
    let score = u32::try_from(answers.iter().filter(|a| a.correct).count()).unwrap_or(0);
    let max = u32::try_from(answers.len()).unwrap_or(0);
    // Time on the quiz screen beyond answering: reading and thinking (none for a clicker).
    let reading = if traits.speed_clicker {
        0
    } else {
        rng.random_range(20..240)
    };
    let started = u64::try_from(start).unwrap_or(0);
    RecordDraft {
        learner: p.id.clone(),
        forvaltning: p.forvaltning.clone(),
        module: m.module.id.clone(),
        module_version: m.module.version,
        content_hash: m.hash,
        started,
        finished: started + u64::try_from(seconds + reading).unwrap_or(0),
        score,
        max,
        passed: quiz::passes(score, max, m.module.pass_mark),
        answers,
    }
}

/// A flaw a question can have, for the item statistics to find.
enum Quirk {
    None,
    WrongKey,
    TooEasy,
}

/// About one question in 40 has a wrong key and one in 40 is trivially easy, chosen by a
/// hash of its id (FNV-1a), so the same questions are flawed in every run.
fn quirk(id: &str) -> Quirk {
    let h = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    match h % 40 {
        0 => Quirk::WrongKey,
        1 => Quirk::TooEasy,
        _ => Quirk::None,
    }
}

/// Seals a learner's drafts into a chain of record lines.
fn seal_all(drafts: Vec<RecordDraft>, installation: InstallationId) -> Vec<String> {
    let mut prev: Digest32 = [0; 32];
    let mut lines = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.into_iter().enumerate() {
        // The drafts are built to the field rules, so sealing succeeds; one that did not
        // would be left out rather than stop the simulation.
        let Ok(r) = CompletionRecord::seal(d, installation, i as u64 + 1, prev) else {
            continue;
        };
        prev = r.hash;
        lines.push(r.to_line());
    }
    lines
}

/// The log's text, with a defect for a few logs: an edited score (0.1 %) or a torn last line
/// (0.1 %).
fn defective(
    installation: InstallationId,
    lines: &[String],
    x: f64,
    sum: &mut SimSummary,
) -> String {
    let header = header_line(installation);
    let mut text = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum::<usize>() + 80);
    text.push_str(&header);
    text.push('\n');
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    if x < 0.001 && !lines.is_empty() {
        // Raise the first record's score by editing the text: the hash no longer matches.
        if let Some(at) = text.find(",score:") {
            let digit = at + 7;
            let old = text.as_bytes()[digit];
            let new = if old == b'9' {
                '8'
            } else {
                char::from(old + 1)
            };
            text.replace_range(digit..=digit, &new.to_string());
            sum.tampered += 1;
        }
    } else if x < 0.002 && !lines.is_empty() {
        // A power cut during the last append: half a line, no line break.
        let cut = lines.last().map_or(0, |l| l.len() / 2 + 1);
        text.truncate(text.len() - cut);
        sum.torn += 1;
    }
    text
}

fn write_file(path: &Path, text: &str) -> Result<(), SimError> {
    fs::write(path, text).map_err(|source| SimError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Whole seconds of a non-negative duration (at most some hundred years here).
#[allow(clippy::cast_possible_truncation)]
fn seconds(v: f64) -> i64 {
    v.clamp(0.0, 1e12) as i64
}

/// A standard normal variate (Box–Muller).
fn normal(rng: &mut impl Rng) -> f64 {
    let u1: f64 = rng.random_range(1e-12..1.0);
    let u2: f64 = rng.random_range(0.0..1.0);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}
