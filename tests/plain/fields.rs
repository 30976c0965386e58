//! Typed text fields in the plain mode: the value saved is the one typed, never an edit of
//! what was shown; invisible characters are refused with a word; a refused value is never
//! offered as the default.

use crate::common::{Dirs, text};

/// First start with the id lines given, then Økonomiforvaltningen, a date, saved; returns the
/// saved id and the transcript.
fn first_start_with(ids: &[&str]) -> (Option<String>, String) {
    let dirs = Dirs::new();
    let input = format!("\n{}\n7\n1\n2025-08-01\nj\n", ids.join("\n"));
    let out = dirs.run(&[], &input);
    let saved = bevidst::config::load(&dirs.config())
        .ok()
        .and_then(|c| c.learner)
        .map(|l| l.employee_id);
    (saved, text(&out.stdout))
}

#[test]
fn a_direction_mark_in_a_typed_id_is_refused_and_the_next_value_is_saved_whole() {
    for mark in ['\u{202e}', '\u{200f}'] {
        let (saved, out) = first_start_with(&[&format!("ab{mark}21"), "valid1"]);
        assert_eq!(saved.as_deref(), Some("valid1"), "{out}");
        let code = format!("U+{:04X}", u32::from(mark));
        assert!(out.contains(&code), "the mark is named by its code: {out}");
        assert!(!out.contains(mark), "and never printed");
    }
}

#[test]
fn a_nul_in_a_typed_id_is_refused_with_a_word() {
    let (saved, out) = first_start_with(&["ab\u{0}12", "ab12"]);
    assert_eq!(saved.as_deref(), Some("ab12"), "{out}");
    assert!(out.contains("U+0000"), "{out}");
}

#[test]
fn a_refused_value_is_never_offered_as_the_default() {
    let (_, out) = first_start_with(&["ab 12", "ab12"]);
    assert!(!out.contains("beholde »ab 12«"), "{out}");
    let after = out
        .split("Svaret blev ikke godkendt")
        .nth(1)
        .expect("refused");
    assert!(after.contains("Skriv dit svar (? for hjælp): "), "{after}");
}
