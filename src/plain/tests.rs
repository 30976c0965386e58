//! The plain mode driven in-process: typed lines in, printed lines out, with a fixed clock, a
//! seeded random source, and the real configuration and log in a temporary folder.

use jiff::Timestamp;
use jiff::civil::{Date, date};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::*;
use crate::app::Model;
use crate::app::runtime::{Live, SteppingClock};
use crate::app::store::LogStore;
use crate::config::{self, Config};
use crate::course::CourseSet;
use crate::quiz::{self, Attempt, Knowledge};
use crate::record::{self, LearnerLog};

const TODAY: Date = date(2025, 11, 28);
const SEED: u64 = 5;

/// The test course of the terminal UI: two pages, three questions (all apply, one answer,
/// true/false), all drawn, pass mark 67 %.
fn courses() -> CourseSet {
    let intro = include_str!("../../tests/fixtures/tui/intro.ron");
    CourseSet::from_sources([("intro.ron".to_owned(), intro.as_bytes())])
        .expect("the fixture course is valid")
}

struct Env {
    dir: tempfile::TempDir,
    model: Model,
    services: Live<LogStore, ChaCha8Rng>,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let (log, _) = LearnerLog::open(
            &record::log_path(&dir.path().join("data")),
            &mut ChaCha8Rng::seed_from_u64(1),
        )
        .expect("the log opens");
        let services = Live {
            rng: ChaCha8Rng::seed_from_u64(SEED),
            config_dir: dir.path().join("config"),
            store: LogStore {
                log,
                collect_dir: None,
                delivery: crate::app::delivery::Delivery::Off,
            },
            // 2025-11-28T09:00:00Z
            test_clock: Some(SteppingClock::starting_at(
                Timestamp::from_second(1_764_320_400).expect("in range"),
            )),
        };
        let model = Model::new(courses(), Config::default(), Vec::new(), TODAY, "jens");
        Env {
            dir,
            model,
            services,
        }
    }

    /// Runs the plain mode on `input`; returns how it ended and what it printed.
    fn run(&mut self, input: &str, width: usize) -> (End, String) {
        let mut out = Vec::new();
        let end = run(
            &mut self.model,
            &mut self.services,
            input.as_bytes(),
            &mut out,
            Options { width, piped: true },
        )
        .expect("writing to memory works");
        (end, String::from_utf8(out).expect("the output is UTF-8"))
    }

    fn records(&self) -> u64 {
        let log = record::log_path(&self.dir.path().join("data"));
        record::verify_file(&log).expect("the log verifies").records
    }
}

/// First start: Danish, a refused id then `ab12`, Økonomiforvaltningen (by name), no
/// personnel responsibility (by name), a start date, saved.
const FIRST_START: &str = "\nab 12\nab12\nøk\nmedarbejder\n2025-11-20\nj\n";

/// The attempt the seeded random source draws first.
fn first_attempt() -> Attempt {
    let set = courses();
    quiz::draw_adaptive(
        &set.modules[0].module,
        &Knowledge::default(),
        &mut ChaCha8Rng::seed_from_u64(SEED),
    )
}

/// One line per question: its right answer as numbers (`right`), or a wrong one; then
/// handing in from the hand-in page, confirmed.
fn answers(attempt: &Attempt, right: bool) -> String {
    let set = courses();
    let module = &set.modules[0].module;
    let mut lines = String::new();
    for item in &attempt.items {
        let q = &module.questions[item.question];
        let (good, bad): (Vec<usize>, Vec<usize>) =
            (1..=item.order.len()).partition(|p| q.choices[item.order[p - 1]].correct);
        let chosen: Vec<String> = if right { good } else { vec![bad[0]] }
            .iter()
            .map(ToString::to_string)
            .collect();
        lines.push_str(&chosen.join(","));
        lines.push('\n');
    }
    lines.push_str("aflever\nj\n");
    lines
}

#[test]
fn a_whole_onboarding_in_plain_lines_ends_with_a_stored_receipt() {
    let mut env = Env::new();
    let attempt = first_attempt();
    // Home: Enter opens the module; two pages; the quiz; the review of three questions;
    // back home; quit.
    let input = format!(
        "{FIRST_START}\n\n\n{}\n\n\n\ntilbage\nq\n",
        answers(&attempt, true)
    );
    let (end, out) = env.run(&input, 80);
    assert_eq!(end, End::Quit);
    assert_eq!(end.exit_code(), 0);
    // The refused id is explained, and the question asked again.
    assert!(out.contains("Svaret blev ikke godkendt:"), "{out}");
    assert!(out.contains("mellemrum"), "{out}");
    let learner = config::load(&env.services.config_dir)
        .expect("the configuration was saved")
        .learner
        .expect("with the learner");
    assert_eq!(learner.employee_id, "ab12");
    assert_eq!(learner.forvaltning, "Økonomiforvaltningen");
    assert_eq!(learner.role, crate::course::Role::Employee);
    // Every screen of the journey was printed.
    for expected in ["Trin 1 af 5", "Passer det her?", "Dine moduler"] {
        assert!(out.contains(expected), "{expected}: {out}");
    }
    assert!(
        out.contains("Side 1 af 2") && out.contains("Side 2 af 2"),
        "{out}"
    );
    assert!(out.contains("Spørgsmål 3 af 3"), "{out}");
    assert!(out.contains("✓ Bestået"), "{out}");
    assert!(out.contains("Gennemgang"), "{out}");
    // The receipt printed is the record's.
    let receipt = out
        .lines()
        .find_map(|l| l.strip_prefix("Din kvittering: "))
        .expect("a receipt");
    let log = record::log_path(&env.dir.path().join("data"));
    let head = record::verify_file(&log)
        .expect("verifies")
        .head
        .expect("a head");
    assert_eq!(record::receipt(&head.last_hash), receipt);
    assert_eq!(env.records(), 1);
    // Plain: no escape sequences, no box drawing, nothing wider than the line.
    assert!(!out.contains('\u{1b}'), "no escape sequences");
    assert!(
        !out.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)),
        "no box drawing"
    );
    for line in out.lines() {
        // A prompt and the answer echoed after it may pass the width; printed text may not.
        if !line.contains("? for hjælp): ") {
            assert!(crate::app::wrap::width(line) <= 80, "{line:?}");
        }
    }
}

#[test]
fn the_input_ending_mid_quiz_records_nothing() {
    let mut env = Env::new();
    let (end, out) = env.run(&format!("{FIRST_START}t\n1\n"), 80);
    assert_eq!(end, End::Unfinished(Unfinished::Quiz));
    assert_eq!(end.exit_code(), exit::UNFINISHED);
    assert!(
        out.trim_end()
            .ends_with("Inddata sluttede midt i quizzen. Der er ikke registreret noget."),
        "{out}"
    );
    assert_eq!(env.records(), 0);
}

#[test]
fn the_input_ending_at_first_start_saves_nothing() {
    let mut env = Env::new();
    let (end, _) = env.run("\nab12\n", 80);
    assert_eq!(end, End::Unfinished(Unfinished::FirstStart));
    assert!(
        !env.services.config_dir.join(config::CONFIG_FILE).exists(),
        "no configuration was written"
    );
}

#[test]
fn the_input_ending_at_home_is_a_normal_end() {
    let mut env = Env::new();
    let (end, _) = env.run(FIRST_START, 80);
    assert_eq!(end, End::InputEnded);
    assert_eq!(end.exit_code(), exit::OK);
}

#[test]
fn repeat_prints_the_question_again_and_help_lists_its_commands() {
    let mut env = Env::new();
    let (_, out) = env.run(&format!("{FIRST_START}t\ngentag\n?\n"), 80);
    assert_eq!(out.matches("Spørgsmål 1 af 3").count(), 2, "{out}");
    assert!(out.contains("Det kan du skrive her:"), "{out}");
    assert!(out.contains("  aflever: til afleveringen"), "{out}");
    assert!(out.contains("  gentag: vis skærmen igen"), "{out}");
}

#[test]
fn a_wrong_answer_is_refused_with_what_to_type_and_the_question_stays() {
    let mut env = Env::new();
    let attempt = first_attempt();
    let set = courses();
    let kind = set.modules[0].module.questions[attempt.items[0].question].kind;
    let (_, out) = env.run(&format!("{FIRST_START}t\n9\n\n"), 80);
    let max = attempt.items[0].order.len();
    assert!(
        out.contains(&format!("Skriv et tal fra 1 til {max}.")),
        "{kind:?}: {out}"
    );
    assert!(out.contains("Skriv dit svar som tal, fx 2."), "{out}");
    assert!(!out.contains("Spørgsmål 2 af 3"), "{out}");
}

#[test]
fn leaving_the_quiz_asks_first_and_no_keeps_the_question() {
    let mut env = Env::new();
    let (end, out) = env.run(&format!("{FIRST_START}t\nafbryd\nn\nafbryd\nj\n"), 80);
    assert_eq!(out.matches("Er du sikker?").count(), 2, "{out}");
    assert_eq!(
        out.matches("Spørgsmål 1 af 3").count(),
        2,
        "asked again after no"
    );
    let after = out.rsplit("Er du sikker?").next().unwrap_or_default();
    assert!(after.contains("Dine moduler"), "back home after yes: {out}");
    assert_eq!(end, End::InputEnded);
    assert_eq!(env.records(), 0);
}

#[test]
fn a_failed_attempt_can_be_retried_and_both_are_recorded() {
    let mut env = Env::new();
    let attempt = first_attempt();
    let (end, out) = env.run(
        &format!("{FIRST_START}t\n{}t\n", answers(&attempt, false)),
        80,
    );
    assert!(out.contains("✗ Ikke bestået"), "{out}");
    assert_eq!(end, End::Unfinished(Unfinished::Quiz), "the retry is open");
    assert_eq!(env.records(), 1);
}

#[test]
fn the_language_switches_and_english_words_work() {
    let mut env = Env::new();
    let (_, out) = env.run(
        &format!("{FIRST_START}l\nsettings\n2\nxy9\nback\nquit\n"),
        80,
    );
    assert!(out.contains("Your modules"), "{out}");
    assert!(out.contains("Settings"), "{out}");
    assert!(out.contains("2. Employee id: ab12"), "{out}");
    assert!(
        out.contains("2. Employee id: xy9"),
        "the change is shown: {out}"
    );
    assert_eq!(
        config::load(&env.services.config_dir)
            .expect("saved")
            .learner
            .expect("learner")
            .employee_id,
        "xy9"
    );
}

#[test]
fn a_narrow_width_wraps_every_printed_line() {
    let mut env = Env::new();
    let (_, out) = env.run(&format!("{FIRST_START}\n"), 30);
    for line in out.lines().filter(|l| !l.contains("): ")) {
        assert!(crate::app::wrap::width(line) <= 30, "{line:?}");
    }
}

#[test]
fn long_lines_and_bytes_that_are_not_text_do_no_harm() {
    let mut env = Env::new();
    let mut input = "x".repeat(10_000).into_bytes();
    input.extend_from_slice(b"\n\xff\xfe\n\x1b[2J\n");
    let mut out = Vec::new();
    let end = run(
        &mut env.model,
        &mut env.services,
        input.as_slice(),
        &mut out,
        Options {
            width: 80,
            piped: true,
        },
    )
    .expect("runs");
    let out = String::from_utf8(out).expect("UTF-8");
    assert!(out.contains("Linjen er for lang."), "{out}");
    assert!(!out.contains('\u{1b}'), "control characters are not echoed");
    assert_eq!(end, End::Unfinished(Unfinished::FirstStart));
}

#[test]
fn plain_mode_is_chosen_without_a_terminal_or_when_asked() {
    assert!(!wanted(false, None, Some("xterm"), true, true));
    assert!(wanted(true, None, Some("xterm"), true, true));
    assert!(wanted(false, Some("1"), Some("xterm"), true, true));
    assert!(!wanted(false, Some("0"), Some("xterm"), true, true));
    assert!(!wanted(false, Some(""), Some("xterm"), true, true));
    assert!(wanted(false, None, Some("dumb"), true, true));
    assert!(wanted(false, None, None, false, true));
    assert!(wanted(false, None, None, true, false));
}

#[test]
fn the_width_comes_from_columns_when_it_is_a_sensible_number() {
    assert_eq!(width_from(None), 80);
    assert_eq!(width_from(Some("120")), 120);
    assert_eq!(width_from(Some(" 100 ")), 100);
    assert_eq!(width_from(Some("5")), 20);
    assert_eq!(width_from(Some("99999999999999999999999")), 80);
    assert_eq!(width_from(Some("-3")), 80);
    assert_eq!(width_from(Some("0")), 80);
    assert_eq!(width_from(Some("wide")), 80);
}

#[test]
fn no_forvaltning_is_chosen_for_the_learner() {
    let mut env = Env::new();
    let (end, out) = env.run("\nab12\n\n", 80);
    assert!(
        out.contains("Skriv et tal fra 1 til 7 (? for hjælp): "),
        "{out}"
    );
    assert!(
        out.contains("Vælg den forvaltning, du arbejder i, på listen."),
        "an empty line is refused: {out}"
    );
    assert_eq!(end, End::Unfinished(Unfinished::FirstStart));
}

#[test]
fn no_role_is_chosen_for_the_learner() {
    let mut env = Env::new();
    let (end, out) = env.run("\nab12\nøk\n\n", 80);
    assert!(out.contains("Er du leder med personaleansvar?"), "{out}");
    assert!(
        out.contains("1. Medarbejder uden personaleansvar")
            && out.contains("2. Leder med personaleansvar"),
        "{out}"
    );
    assert!(
        out.contains("Skriv et tal fra 1 til 2 (? for hjælp): "),
        "{out}"
    );
    let refused = out
        .split("Er du leder med personaleansvar?")
        .nth(2)
        .expect("the question is asked again after an empty line");
    assert!(
        refused.contains("Vælg på listen, om du er leder med personaleansvar."),
        "an empty line is refused with a word: {out}"
    );
    assert_eq!(end, End::Unfinished(Unfinished::FirstStart));
    // A manager is one by name, and the summary says so.
    let mut env = Env::new();
    let (_, out) = env.run("\nab12\nøk\nleder\n2025-11-20\nj\n", 80);
    assert!(out.contains("Rolle: Leder med personaleansvar"), "{out}");
    let learner = config::load(&env.services.config_dir)
        .expect("saved")
        .learner
        .expect("a learner");
    assert_eq!(learner.role, crate::course::Role::Manager);
}

#[test]
fn a_lesson_page_shows_the_cited_sections_own_words_on_a_word() {
    let mut env = Env::new();
    let (_, out) = env.run(&format!("{FIRST_START}\nkilde\n\n"), 80);
    let section = out
        .split("kilde\n")
        .nth(1)
        .expect("the section follows the word");
    assert!(
        section.contains("Fra It-sikkerhedspolitik for Københavns Kommune, revideret"),
        "{section}"
    );
    assert!(
        section.contains("Tryk Enter for at gå tilbage til siden (? for hjælp): "),
        "{section}"
    );
    let back = section
        .split("til siden (? for hjælp): ")
        .nth(1)
        .expect("back");
    assert!(back.contains("Side 1 af 2"), "back on the page: {back}");
}
