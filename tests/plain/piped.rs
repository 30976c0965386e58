//! Piped input that is refused again and again (`yes 1 | bevidst`): the program gives up
//! after a few lines that change nothing, says why, exits 3 and keeps nothing unfinished.

use crate::common::{Dirs, text};

/// The same line two thousand times, as `yes` would send it (less than a pipe's buffer, so
/// it is all written before the program reads).
fn over_and_over(line: &str) -> String {
    format!("{line}\n").repeat(2000)
}

#[test]
fn a_new_learner_answering_one_forever_is_given_up_on_and_nothing_is_saved() {
    let dirs = Dirs::new();
    let out = dirs.run(&[], &over_and_over("1"));
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{stdout}");
    assert!(stdout.contains("bevidst stopper her"), "{stdout}");
    assert!(
        stdout.len() < 20_000,
        "the output stays short: {} bytes",
        stdout.len()
    );
    assert!(
        !dirs.config().join("config.ron").exists(),
        "the first start was not saved"
    );
}

#[test]
fn a_set_up_learner_answering_one_forever_is_given_up_on_and_nothing_is_recorded() {
    let dirs = Dirs::new();
    // Set up first: Danish, ab12, Økonomiforvaltningen, a start date, saved.
    let setup = dirs.run(&[], "\nab12\n7\n1\n2025-08-01\nj\n");
    assert_eq!(setup.status.code(), Some(0), "{}", text(&setup.stdout));
    let out = dirs.run(&[], &over_and_over("1"));
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{stdout}");
    assert!(stdout.contains("bevidst stopper her"), "{stdout}");
    assert!(
        stdout.len() < 50_000,
        "the output stays short: {} bytes",
        stdout.len()
    );
    assert!(
        !dirs.log().exists() || {
            let outcome = bevidst::record::verify_file(&dirs.log()).expect("the log reads");
            outcome.records == 0
        }
    );
}
