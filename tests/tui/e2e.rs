//! The real binary in a real pseudo-terminal (tmux): first start, the whole bundled
//! onboarding quiz, the receipt on screen, the record on disk, and the terminal back in its
//! normal state after quitting (alternate screen left, cursor shown, the same `stty` settings
//! as before, so raw mode is off). Needs tmux; `.ci/run` installs it.

use std::path::Path;
use std::time::Duration;

use crate::tmux::{Tmux, quoted};

/// Presses `keys` after checking that the footer (the screen's last line) names `shown`: a
/// newcomer needs no key the footer does not show.
fn press(tmux: &Tmux, shown: &str, keys: &[&str]) {
    // The screen may still be drawing the previous step's footer: look again until it has
    // settled (a few seconds on a busy machine), then insist.
    let footer_of = |screen: &str| {
        screen
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_owned()
    };
    let mut screen = tmux.wait_for("afslut");
    for _ in 0..100 {
        if footer_of(&screen).contains(shown) {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
        screen = tmux.wait_for("afslut");
    }
    let footer = footer_of(&screen);
    assert!(
        footer.contains(shown),
        "the footer shows {shown:?}: {footer}\n{screen}"
    );
    tmux.keys(keys);
}

/// Answers the first-start questions on screen, with the keys the footer shows: Danish,
/// `ab12`, Økonomiforvaltningen (the last of the list), no personnel responsibility, today.
fn first_start(tmux: &Tmux) {
    tmux.wait_for("Hvilket sprog vil du bruge?");
    assert_eq!(
        tmux.display("#{alternate_on}"),
        "1",
        "the UI uses the alternate screen"
    );
    press(tmux, "Enter bekræft", &["Enter"]);
    tmux.wait_for("Hvad er dit medarbejdernummer?");
    tmux.wait_for("jens");
    press(
        tmux,
        "Backspace slet",
        &["BSpace", "BSpace", "BSpace", "BSpace"],
    );
    tmux.keys(&["a", "b", "1", "2"]);
    press(tmux, "Enter bekræft", &["Enter"]);
    tmux.wait_for("Hvilken forvaltning arbejder du i?");
    press(tmux, "↑↓ flyt", &["Down"; 7]);
    press(tmux, "Enter bekræft", &["Enter"]);
    tmux.wait_for("Er du leder med personaleansvar?");
    press(tmux, "↑↓ flyt", &["Down"]);
    press(tmux, "Enter bekræft", &["Enter"]);
    tmux.wait_for("Hvornår var din første arbejdsdag?");
    press(tmux, "Enter bekræft", &["Enter"]);
    tmux.wait_for("Passer det her?");
    press(tmux, "Enter gem", &["Enter"]);
    let home = tmux.wait_for("Dine moduler");
    assert!(
        home.contains("Medarbejdernummer ab12 · Økonomiforvaltningen"),
        "{home}"
    );
}

#[test]
fn the_real_binary_from_first_start_to_receipt_in_a_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let config = dir.path().join("config");
    let bin = Path::new(env!("CARGO_BIN_EXE_bevidst"));
    let script = format!(
        "stty -g > {before}; BEVIDST_DATA_DIR={data} BEVIDST_CONFIG_DIR={config} USER=jens {bin}; \
         echo $? > {code}; stty -g > {after}; echo SHELL-IS-BACK; exec sh",
        before = quoted(&dir.path().join("stty-before")),
        after = quoted(&dir.path().join("stty-after")),
        code = quoted(&dir.path().join("exit-code")),
        data = quoted(&data),
        config = quoted(&config),
        bin = quoted(bin),
    );
    let tmux = Tmux::start(dir.path(), "e2e", &script, Duration::from_secs(10));

    first_start(&tmux);
    assert!(
        config.join("config.ron").exists(),
        "the first-start answers are saved"
    );

    // The onboarding (preselected on the home screen), its pages read to the end and its
    // whole quiz answered with the first choice each time, only with keys the footer shows.
    press(&tmux, "Enter åbn", &["Enter"]);
    tmux.wait_for("Side 1 af 6");
    while !tmux.screen().contains("Spørgsmål 1 af 10") {
        press(&tmux, "Enter videre", &["Enter"]);
        std::thread::sleep(Duration::from_millis(50));
    }
    for n in 1..=10 {
        tmux.wait_for(&format!("Spørgsmål {n} af 10"));
        press(&tmux, "1–9 vælg", &["1"]);
        press(&tmux, "Enter videre", &["Enter"]);
    }
    // The hand-in page lists every question as answered; handing in is asked once more.
    // (The footer is drawn last, so once it shows, the page is whole.)
    let page = tmux.wait_for("a aflever");
    assert!(
        page.contains("Du har svaret på 10 af 10 spørgsmål."),
        "{page}"
    );
    press(&tmux, "a aflever", &["a"]);
    tmux.wait_for("Vil du aflevere quizzen nu?");
    press(&tmux, "j ja", &["j"]);
    let result = tmux.wait_for("Din kvittering:");
    let receipt: String = result
        .split("Din kvittering:")
        .nth(1)
        .expect("the receipt follows its label")
        .trim_start()
        .chars()
        .take(14)
        .collect();
    assert_eq!(receipt.len(), 14, "{result}");
    assert_eq!(receipt.matches('-').count(), 2, "grouped: {receipt}");

    // The record on disk is the one on screen.
    let log = bevidst::record::log_path(&data);
    let outcome = bevidst::record::verify_file(&log).expect("the log verifies");
    assert!(outcome.bad.is_none());
    assert_eq!(outcome.records, 1);
    let head = outcome.head.expect("a head");
    assert_eq!(bevidst::record::receipt(&head.last_hash), receipt);

    // Quit; the terminal is as it was.
    tmux.keys(&["q"]);
    tmux.wait_for("SHELL-IS-BACK");
    let code = std::fs::read_to_string(dir.path().join("exit-code")).expect("exit code");
    assert_eq!(code.trim(), "0");
    assert_eq!(
        tmux.display("#{alternate_on}"),
        "0",
        "the alternate screen is left"
    );
    assert_eq!(tmux.display("#{cursor_flag}"), "1", "the cursor is shown");
    let before = std::fs::read_to_string(dir.path().join("stty-before")).expect("stty before");
    let after = std::fs::read_to_string(dir.path().join("stty-after")).expect("stty after");
    assert_eq!(
        before, after,
        "raw mode is off again: the terminal settings are restored"
    );
}

#[test]
fn the_terminal_journey_writes_nothing_into_folders_the_caller_names() {
    crate::leaks::leaves_outside_folders_empty(
        "e2e::the_real_binary_from_first_start_to_receipt_in_a_terminal",
    );
}
