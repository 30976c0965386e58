//! `bevidst status`: one line per module that is due or overdue, and an exit code a login
//! script can act on (0 nothing due, 1 something due, 2 something overdue). The statuses are
//! the home screen's (`app::status::statuses`, which asks `schedule::plan`), worded by
//! `schedule::status_line`.
//!
//! It only reads: the log is read line by line and verified, never opened for writing, so a
//! login script cannot move a torn line aside or take the log's lock from a running bevidst.
//! A learner who has not answered the first-start questions yet counts as due (onboarding
//! starts with them). With a Learning Record Store configured, how many results await sending
//! is said on stderr (from the outbox; nothing is sent).

use std::collections::BTreeMap;
use std::io::{self, BufReader, Write};
use std::path::Path;

use jiff::civil::Date;

use crate::app::delivery::{Awaiting, awaiting};
use crate::app::session::Paths;
use crate::attempt::FinishedAttempt;
use crate::config::{self, Config};
use crate::course::CourseSet;
use crate::lang::Lang;
use crate::message::Bilingual as _;
use crate::record::{self, BadLine, CompletionRecord, RecordError, verify_reader};
use crate::safe_text::sanitize;
use crate::schedule::{self, Urgency};

/// The exit code when the status cannot be worked out (configuration, course files or log
/// unreadable); the reason is on stderr.
pub const EXIT_ERROR: u8 = crate::exit::Exit::StatusUnknown.code();

/// What is due for a learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// One line per module due or overdue, in course order.
    pub lines: Vec<String>,
    /// The most pressing of all modules.
    pub urgency: Urgency,
}

/// The modules due or overdue on `today` among those for the learner's role (a managers'
/// module is never due for an employee), or `None` when the first-start questions have not
/// been answered (there is no learner to plan for). The verdict judges against the whole
/// set, as on the home screen.
pub fn due(
    courses: &CourseSet,
    history: &[FinishedAttempt],
    config: &Config,
    version_since: &BTreeMap<String, Date>,
    today: Date,
    lang: Lang,
) -> Option<Due> {
    let role = config.learner.as_ref()?.role;
    let judge = crate::verdict::CourseIndex::for_learner(courses, history);
    let courses = courses.for_role(role);
    let statuses =
        crate::app::status::statuses(&courses, &judge, history, config, version_since, today);
    let lines = courses
        .modules
        .iter()
        .zip(&statuses)
        .filter(|(_, s)| s.urgency() != Urgency::Nothing)
        .map(|(m, s)| schedule::status_line(&m.module, s, lang))
        .collect();
    Some(Due {
        lines,
        urgency: schedule::worst(&statuses),
    })
}

/// The learner's records from the log at `path`, read without changing it, with the first
/// bad line if the log is damaged (the records before it still count). A missing log is no
/// records.
pub fn read_records(path: &Path) -> Result<(Vec<CompletionRecord>, Option<BadLine>), RecordError> {
    // Only a regular file is read (a pipe at the log's name must not hang the status).
    let file = match crate::foreign::open(path, record::MAX_LOG_BYTES) {
        Ok(f) => f.into_file(),
        Err(e) if e.is_missing() => return Ok((Vec::new(), None)),
        Err(e) => return Err(RecordError::Foreign(Box::new(e))),
    };
    let mut records = Vec::new();
    let outcome = verify_reader(BufReader::new(file), |r| records.push(r.clone()));
    Ok((records, outcome.bad))
}

/// Runs `bevidst status` on the files in `paths` as of `today`, in `lang` (default: the
/// configured language): the lines on `out`, warnings and errors on `err`. Returns the exit
/// code: 0, 1 or 2 by urgency (1 when not set up yet), [`EXIT_ERROR`] when the status cannot
/// be worked out.
pub fn run(
    paths: &Paths,
    lang: Option<Lang>,
    today: Date,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let config =
        match config::load_layered(paths.organisation_config_dir.as_deref(), &paths.config_dir) {
            Ok(c) => c,
            Err(e) => {
                // A configuration that cannot be used may still name its language.
                let lang = lang.unwrap_or_else(|| config::language(&paths.config_dir));
                writeln!(err, "{}", sanitize(&e.text(lang), false))?;
                return Ok(EXIT_ERROR);
            }
        };
    let lang = lang.unwrap_or(config.language);
    if config.learner.is_none() {
        writeln!(out, "{}", super::texts::texts(lang).not_set_up)?;
        return Ok(Urgency::Due.exit_code());
    }
    let courses = match crate::app::session::courses(paths, &config) {
        Ok(c) => c,
        Err(errors) => {
            let broken = crate::app::session::StartError::Courses(errors);
            writeln!(err, "{}", sanitize(&broken.text(lang), false))?;
            return Ok(EXIT_ERROR);
        }
    };
    let log = record::log_path(&paths.data_dir);
    let records = match read_records(&log) {
        Ok((records, bad)) => {
            if let Some(bad) = bad {
                writeln!(
                    err,
                    "{}: {} {}: {}",
                    sanitize(&log.display().to_string(), true),
                    lang.pick(
                        "Advarsel: loggen er beskadiget i linje",
                        "Warning: the log is damaged at line"
                    ),
                    bad.line,
                    bad.problem.text(lang)
                )?;
            }
            records
        }
        Err(e) => {
            writeln!(err, "{}", sanitize(&e.text(lang), true))?;
            return Ok(EXIT_ERROR);
        }
    };
    // A note, not a module due: on stderr, so a login script's lines and exit code stay.
    if let Some(n) = awaiting(&config, &paths.data_dir, &records).filter(|&n| n > 0) {
        writeln!(err, "{}", Awaiting(n).text(lang))?;
    }
    let history: Vec<FinishedAttempt> = records.into_iter().map(|r| r.attempt).collect();
    let version_since = crate::app::seen::read(&paths.data_dir, &courses);
    let Some(due) = due(&courses, &history, &config, &version_since, today, lang) else {
        return Ok(Urgency::Due.exit_code());
    };
    for line in &due.lines {
        writeln!(out, "{line}")?;
    }
    Ok(due.urgency.exit_code())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Learner;
    use crate::course::Role;
    use jiff::civil::date;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;
    use std::fs;

    fn courses() -> CourseSet {
        let intro = include_str!("../../tests/fixtures/tui/intro.ron");
        CourseSet::from_sources([("intro.ron".to_owned(), intro.as_bytes())])
            .expect("the fixture course is valid")
    }

    fn config() -> Config {
        Config {
            learner: Some(Learner {
                employee_id: "ab12".into(),
                forvaltning: "Økonomiforvaltningen".into(),
                start_date: date(2025, 11, 20),
                role: Role::Employee,
            }),
            ..Config::default()
        }
    }

    fn pass(finished: u64) -> FinishedAttempt {
        FinishedAttempt::honest_pass(&courses().modules[0], finished)
    }

    #[test]
    fn due_lists_what_is_due_with_the_worst_urgency() {
        let set = courses();
        assert_eq!(
            due(
                &set,
                &[],
                &Config::default(),
                &BTreeMap::new(),
                date(2025, 11, 25),
                Lang::Da
            ),
            None,
            "no learner yet"
        );
        let d = due(
            &set,
            &[],
            &config(),
            &BTreeMap::new(),
            date(2025, 11, 25),
            Lang::Da,
        )
        .expect("a learner");
        assert_eq!(d.urgency, Urgency::Due);
        assert_eq!(
            d.lines,
            ["Introduktion til it-sikkerhed: skal tages senest 4. december 2025 (ikke startet)"]
        );
        let late = due(
            &set,
            &[],
            &config(),
            &BTreeMap::new(),
            date(2025, 12, 5),
            Lang::En,
        )
        .expect("a learner");
        assert_eq!(late.urgency, Urgency::Overdue);
        // Passed on 28 November 2025: nothing is due afterwards.
        let done = due(
            &set,
            &[pass(1_764_320_400)],
            &config(),
            &BTreeMap::new(),
            date(2026, 6, 1),
            Lang::Da,
        )
        .expect("a learner");
        assert_eq!(done.urgency, Urgency::Nothing);
        assert!(done.lines.is_empty());
    }

    #[test]
    fn a_managers_module_is_due_only_when_the_learner_is_a_manager() {
        let leder = include_str!("../../tests/fixtures/tui/leder.ron");
        let set = CourseSet::from_sources([("leder.ron".to_owned(), leder.as_bytes())])
            .expect("the fixture course is valid");
        let as_role = |role| {
            let mut c = config();
            if let Some(l) = &mut c.learner {
                l.role = role;
            }
            due(
                &set,
                &[],
                &c,
                &BTreeMap::new(),
                date(2025, 11, 25),
                Lang::Da,
            )
            .expect("a learner")
        };
        let employee = as_role(Role::Employee);
        assert_eq!(
            (employee.urgency, employee.lines.len()),
            (Urgency::Nothing, 0)
        );
        let manager = as_role(Role::Manager);
        assert_eq!(manager.urgency, Urgency::Due);
        assert_eq!(
            manager.lines,
            [
                "For ledere: adgang og nye medarbejdere: skal tages senest 20. december 2025 (ikke startet)"
            ]
        );
    }

    #[test]
    fn history_is_read_up_to_a_damaged_line_and_a_missing_log_is_empty() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = record::log_path(dir.path());
        assert_eq!(read_records(&path).expect("no log"), (Vec::new(), None));
        let (mut log, _) =
            record::LearnerLog::open(&path, &mut ChaCha8Rng::seed_from_u64(3)).expect("opens");
        let attempt = FinishedAttempt {
            answers: vec![crate::attempt::AnsweredQuestion {
                id: "tui-intro-02".into(),
                area: courses().modules[0].module.questions[1].area,
                correct: true,
            }],
            content_hash: courses().modules[0].hash,
            ..FinishedAttempt::sample("tui-intro", 1, 1_764_320_400, true)
        };
        log.append(attempt).expect("appends");
        drop(log);
        let mut text = fs::read_to_string(&path).expect("reads");
        text.push_str("not a record\n");
        fs::write(&path, text).expect("writes");
        let (records, bad) = read_records(&path).expect("reads");
        assert_eq!(records.len(), 1, "the good record counts");
        assert_eq!(records[0].attempt.module, "tui-intro");
        assert_eq!(bad.expect("the damage is reported").line, 3);
    }
}
