//! A whole onboarding through the real binary in plain mode, answered prompt by prompt from
//! what it prints: the first-start questions, every lesson page, the quiz (the right choices
//! looked up in the bundled course by the printed texts), the result, the receipt, and the
//! record on disk. A script answers faster than anyone can read, so the result is recorded
//! but does not count (issue 11, finding 1: the learner is told so, never »Bestået«, and
//! `status` agrees); `status` after an honest pass is checked on a record of one. Also the end
//! of input in the middle of a quiz, and a closed output.

use std::process::Stdio;

use bevidst::course::{Module, Role};

use super::common::{Dirs, Session, append_attempt, onboarding_only, text};

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The choice numbers (e.g. "2" or "1,3") that answer the question on `screen` rightly.
fn right_answer(screen: &str, module: &Module) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let head = lines
        .iter()
        .position(|l| l.starts_with("Spørgsmål ") && l.contains(" af 10 · "))
        .expect("a question header");
    let first = head
        + lines[head..]
            .iter()
            .position(|l| l.starts_with("1. "))
            .expect("numbered choices");
    // Between the header and the choices: the prompt, then a line saying what to choose,
    // unless the prompt says so itself (then it is not said twice).
    let said = [
        "Vælg ét svar.",
        "Vælg alle, der passer.",
        "Sandt eller falsk?",
    ];
    let end = if said.contains(&lines[first - 1].trim()) && !lines[head + 1..first - 1].is_empty() {
        first - 1
    } else {
        first
    };
    let prompt = norm(&lines[head + 1..end].join(" "));
    assert_eq!(
        prompt.matches("Vælg alle, der passer.").count().max(1),
        1,
        "never said twice: {prompt}"
    );
    let mut choices: Vec<String> = Vec::new();
    for line in &lines[first..] {
        let numbered = line
            .split_once(". ")
            .filter(|(n, _)| n.parse::<usize>().is_ok_and(|n| n == choices.len() + 1));
        match numbered {
            Some((_, rest)) => choices.push(rest.to_owned()),
            None if line.starts_with("   ") => {
                let last = choices.last_mut().expect("a choice to continue");
                last.push(' ');
                last.push_str(line.trim());
            }
            None => break,
        }
    }
    let question = module
        .questions
        .iter()
        .find(|q| norm(&q.prompt.da) == prompt)
        .unwrap_or_else(|| panic!("the printed question is in the course: {prompt}"));
    let right: Vec<String> = choices
        .iter()
        .enumerate()
        .filter(|(_, printed)| {
            question
                .choices
                .iter()
                .any(|c| c.correct && norm(&c.text.da) == norm(printed))
        })
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    assert_eq!(
        right.len(),
        question.correct_choices().count(),
        "every right choice was printed: {choices:?}"
    );
    right.join(",")
}

/// Answers the first-start questions: Danish, `ab12`, Økonomiforvaltningen, no personnel
/// responsibility, 20 November 2025.
fn first_start(s: &mut Session) {
    let screen = s.screen();
    assert!(screen.contains("Hvilket sprog vil du bruge?"), "{screen}");
    assert!(screen.contains("1. Dansk\n2. English"), "{screen}");
    s.answer("");
    let screen = s.screen();
    assert!(
        screen.contains("Hvad er dit medarbejdernummer?"),
        "{screen}"
    );
    assert!(
        screen.contains("beholde »jens«"),
        "the login is offered: {screen}"
    );
    s.answer("ab12");
    assert!(s.screen().contains("7. Økonomiforvaltningen"));
    s.answer("7");
    let screen = s.screen();
    assert!(
        screen.contains("Er du leder med personaleansvar?"),
        "{screen}"
    );
    assert!(
        screen.contains("1. Medarbejder uden personaleansvar\n2. Leder med personaleansvar"),
        "{screen}"
    );
    s.answer("1");
    assert!(s.screen().contains("Hvornår var din første arbejdsdag?"));
    s.answer("2025-11-20");
    let screen = s.screen();
    assert!(
        screen.contains("  Startdato: 20. november 2025"),
        "{screen}"
    );
    s.answer("j");
}

#[test]
fn a_new_employee_answering_from_a_pipe_is_recorded_but_told_it_does_not_count() {
    let dirs = Dirs::new();
    let courses = bevidst::course::bundled().expect("the bundled courses load");
    let module = &courses.modules[0].module;
    // No --plain: stdout is a pipe, so the plain mode is chosen by itself.
    let mut s = Session::start(&dirs, &[]);

    first_start(&mut s);

    let home = s.screen();
    assert!(
        home.contains("Medarbejdernummer ab12 · Økonomiforvaltningen"),
        "{home}"
    );
    assert!(
        home.contains(
            "1. Velkommen: it-sikkerhed i Københavns Kommune\n   Forfalden siden 5. december 2025 (ikke startet)"
        ),
        "the status in words: {home}"
    );
    s.answer("");

    for page in 1..=6 {
        let screen = s.screen();
        assert!(screen.contains(&format!("Side {page} af 6")), "{screen}");
        s.answer("");
    }

    for n in 1..=10 {
        let screen = s.screen();
        assert!(screen.contains(&format!("Spørgsmål {n} af 10")), "{screen}");
        if n == 1 {
            s.answer("gentag");
            let again = s.screen();
            assert!(again.contains("Spørgsmål 1 af 10"), "repeated: {again}");
        }
        s.answer(&right_answer(&screen, module));
    }

    // The hand-in page lists every question as answered; handing in is asked once more.
    let page = s.screen();
    assert!(
        page.contains("Du har svaret på 10 af 10 spørgsmål."),
        "{page}"
    );
    assert!(page.contains("10. Besvaret: "), "{page}");
    s.answer("aflever");
    assert!(s.screen().contains("Vil du aflevere quizzen nu?"));
    s.answer("j");

    let result = s.screen();
    assert!(result.contains("✗ Ikke godkendt"), "{result}");
    assert!(!result.contains("Bestået"), "never »Bestået«: {result}");
    assert!(
        norm(&result).contains("Forsøget er gemt, men det tæller ikke med: forsøget tog"),
        "{result}"
    );
    assert!(
        norm(&result).contains("Du kan tage quizzen igen, når du er klar."),
        "{result}"
    );
    assert!(
        result.contains("Du fik 10 af 10 rigtige (100 %)"),
        "{result}"
    );
    let receipt = result
        .lines()
        .find_map(|l| l.strip_prefix("Din kvittering: "))
        .expect("the receipt")
        .to_owned();
    s.answer("q");
    let (code, transcript) = s.finish();
    assert_eq!(code, 0, "{transcript}");
    assert!(!transcript.contains('\u{1b}'), "no escape sequences");
    assert!(
        !transcript
            .chars()
            .any(|c| ('\u{2500}'..='\u{257f}').contains(&c)),
        "no box drawing"
    );

    // The record on disk is the one whose receipt was printed, and the log verifies.
    let outcome = bevidst::record::verify_file(&dirs.log()).expect("the log reads");
    assert!(outcome.bad.is_none());
    assert_eq!(outcome.records, 1);
    let head = outcome.head.expect("a head");
    assert_eq!(bevidst::record::receipt(&head.last_hash), receipt);
    let log = dirs.log();
    let verify = dirs.run(&["verify", log.to_str().expect("UTF-8 path")], "");
    assert_eq!(verify.status.code(), Some(0));
    // The learner's language (Danish) is the language of `verify` too.
    assert!(text(&verify.stdout).contains("OK, 1 poster"));

    // The attempt that does not count passes nothing: the onboarding is still due.
    let still = dirs.run(&["status", "--today", "2025-12-01"], "");
    assert_eq!(still.status.code(), Some(1), "{}", text(&still.stderr));
    assert!(
        text(&still.stdout).contains("Velkommen"),
        "{}",
        text(&still.stdout)
    );

    append_attempt(&dirs, &courses.modules[0], 1_764_320_400, 600);
    status_after_the_pass(&dirs);
}

/// `status` after the onboarding is passed: nothing due on the onboarding alone; the bundled
/// refreshers for an employee due next (not the managers'), and overdue in 2100.
fn status_after_the_pass(dirs: &Dirs) {
    let only = onboarding_only(dirs.dir.path());
    let done = dirs.run(
        &["status", "--courses", only.to_str().expect("UTF-8 path")],
        "",
    );
    assert_eq!(done.status.code(), Some(0), "{}", text(&done.stderr));
    assert_eq!(
        text(&done.stdout),
        "",
        "nothing is printed when nothing is due"
    );
    // The pass is of 28 November 2025; the refreshers are due 30 days later.
    let due = dirs.run(&["status", "--today", "2025-12-01"], "");
    assert_eq!(due.status.code(), Some(1), "{}", text(&due.stderr));
    let lines = text(&due.stdout);
    let learner = Role::Employee;
    let refreshers = bevidst::course::bundled()
        .expect("the bundled courses load")
        .modules
        .iter()
        .filter(|m| m.module.every_months().is_some() && m.module.audience.includes(learner))
        .count();
    assert_eq!(
        lines.lines().count(),
        refreshers,
        "every refresher: {lines}"
    );
    assert!(
        lines.lines().all(|l| l.contains(": skal tages senest ")),
        "{lines}"
    );
    assert!(!lines.contains("Velkommen"), "{lines}");
    assert!(
        !lines.contains("For ledere"),
        "not the managers' module: {lines}"
    );
    let late = dirs.run(&["status", "--today", "2100-01-01", "--lang", "en"], "");
    assert_eq!(late.status.code(), Some(2));
    let lines = text(&late.stdout);
    assert!(
        lines.lines().all(|l| l.contains(": overdue since ")),
        "{lines}"
    );
}

#[test]
fn the_input_ending_mid_quiz_exits_3_and_records_nothing() {
    let dirs = Dirs::new();
    let out = dirs.run(&["--plain"], "\nab12\n7\n1\n2025-11-20\nj\nt\n1\n");
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Spørgsmål 2 af 10"), "{stdout}");
    assert!(
        stdout
            .trim_end()
            .ends_with("Inddata sluttede midt i quizzen. Der er ikke registreret noget."),
        "{stdout}"
    );
    let outcome = bevidst::record::verify_file(&dirs.log()).expect("the log reads");
    assert!(outcome.bad.is_none());
    assert_eq!(outcome.records, 0, "nothing was recorded");
    assert!(
        dirs.config().join("config.ron").exists(),
        "the confirmed first-start answers were saved"
    );
}

#[test]
fn a_closed_output_ends_the_program_quietly_with_exit_code_1() {
    let dirs = Dirs::new();
    let mut child = dirs
        .command(&["--plain"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    drop(child.stdout.take());
    drop(child.stdin.take());
    let out = child.wait_with_output().expect("ends");
    assert_eq!(out.status.code(), Some(1));
    // As `cat` does: a reader that went away is no error to report (issue 11).
    assert_eq!(text(&out.stderr), "", "quiet on a closed pipe");
}

#[test]
fn a_configuration_that_cannot_be_read_stops_the_start_with_exit_code_2() {
    let dirs = Dirs::new();
    std::fs::create_dir_all(dirs.config()).expect("mkdir");
    std::fs::write(
        dirs.config().join("config.ron"),
        "Config(version: 1, colour: Red)",
    )
    .expect("write");
    let out = dirs.run(&["--plain"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("config.ron"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn the_plain_journey_writes_nothing_into_folders_the_caller_names() {
    crate::leaks::leaves_outside_folders_empty(
        "journey::a_new_employee_answering_from_a_pipe_is_recorded_but_told_it_does_not_count",
    );
}
