//! One simulated employee: their attempts, drawn by the real quiz engine and answered by the
//! model in the module header, sealed into a log, with the occasional defect.

use std::fs;
use std::path::Path;

use rand::{Rng, RngExt};
use rand_chacha::ChaCha8Rng;

use super::{DAY, FORVALTNINGER, Person, SimConfig, SimError, SimSummary, YEAR};
use crate::attempt::{AnsweredQuestion, FinishedAttempt};
use crate::canon::Digest32;
use crate::course::{CourseSet, LoadedModule};
use crate::quiz;
use crate::record::{CompletionRecord, InstallationId, collection_file_name, header_line};

/// How a learner behaves.
pub(super) struct Traits {
    ability: f64,
    forv_bonus: f64,
    late_prone: f64,
    speed_clicker: bool,
}

/// The attempts of one person, written to one log (two when they change PC).
#[expect(
    clippy::too_many_arguments,
    reason = "the simulation's inputs, each used once"
)]
pub(super) fn write_person(
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
    #[expect(clippy::cast_precision_loss, reason = "an index below ten")]
    let traits = Traits {
        ability: normal(rng),
        forv_bonus: (forv_index as f64 - 3.0) * 0.08,
        late_prone: rng.random_range(0.0..1.0),
        speed_clicker: rng.random_bool(0.002),
    };
    let until = p.leaves.unwrap_or(cfg.end).min(cfg.end);
    let begin = cfg.end - i64::from(cfg.years) * YEAR;
    let mut attempts: Vec<FinishedAttempt> = Vec::new();
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
pub(super) fn delay(rng: &mut impl Rng, t: &Traits, min_days: i64, typical_days: i64) -> i64 {
    let late = rng.random_bool(0.15 + 0.35 * t.late_prone);
    let days = if late {
        rng.random_range(typical_days..typical_days * 3 + 1)
    } else {
        rng.random_range(min_days..typical_days + 1)
    };
    days * DAY + rng.random_range(8 * 3600..16 * 3600)
}

/// Takes a module (retrying failures within days) until passed; returns the pass time.
#[expect(
    clippy::too_many_arguments,
    reason = "the simulation's inputs, each used once"
)]
pub(super) fn take_until_passed(
    m: &LoadedModule,
    p: &Person,
    traits: &Traits,
    mut t: i64,
    until: i64,
    begin: i64,
    rng: &mut ChaCha8Rng,
    out: &mut Vec<FinishedAttempt>,
) -> Option<i64> {
    for tries in 0..4 {
        if t >= until {
            return None;
        }
        let done = attempt(m, p, traits, t, tries, begin, rng);
        let passed = done.passed;
        let finished = i64::try_from(done.finished).unwrap_or(i64::MAX);
        out.push(done);
        if passed {
            return Some(finished);
        }
        t = finished + rng.random_range(DAY..10 * DAY);
    }
    None
}

/// One attempt, drawn by the real quiz engine and answered by the model in the header.
pub(super) fn attempt(
    m: &LoadedModule,
    p: &Person,
    traits: &Traits,
    start: i64,
    tries: u32,
    begin: i64,
    rng: &mut ChaCha8Rng,
) -> FinishedAttempt {
    let drawn = quiz::draw_attempt(&m.module, rng);
    #[expect(
        clippy::cast_precision_loss,
        reason = "seconds of some years, far below 2^52"
    )]
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
        answers.push(AnsweredQuestion {
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
    FinishedAttempt {
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
pub(super) enum Quirk {
    None,
    WrongKey,
    TooEasy,
}

/// About one question in 40 has a wrong key and one in 40 is trivially easy, chosen by a
/// hash of its id (FNV-1a), so the same questions are flawed in every run.
pub(super) fn quirk(id: &str) -> Quirk {
    let h = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    match h % 40 {
        0 => Quirk::WrongKey,
        1 => Quirk::TooEasy,
        _ => Quirk::None,
    }
}

/// Seals a learner's attempts into a chain of record lines.
pub(super) fn seal_all(
    attempts: Vec<FinishedAttempt>,
    installation: InstallationId,
) -> Vec<String> {
    let mut prev: Digest32 = [0; 32];
    let mut lines = Vec::with_capacity(attempts.len());
    for (i, d) in attempts.into_iter().enumerate() {
        // The attempts are built to the field rules, so sealing succeeds; one that did not
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
pub(super) fn defective(
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

pub(super) fn write_file(path: &Path, text: &str) -> Result<(), SimError> {
    fs::write(path, text).map_err(|source| SimError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// A standard normal variate (Box–Muller).
pub(super) fn normal(rng: &mut impl Rng) -> f64 {
    let u1: f64 = rng.random_range(1e-12..1.0);
    let u2: f64 = rng.random_range(0.0..1.0);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}
