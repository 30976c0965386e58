//! Tests of `keymap`.

use ratatui::crossterm::event::KeyModifiers;

use super::*;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn the_same_key_means_what_the_mode_says() {
    let j = press(K::Char('j'));
    assert_eq!(to_message(C::Quiz, j), Some(Message::Down));
    assert_eq!(to_message(C::Confirm, j), Some(Message::Yes));
    assert_eq!(to_message(C::Text, j), Some(Message::Input('j')));
    let q = press(K::Char('q'));
    assert_eq!(to_message(C::Home, q), Some(Message::Quit));
    assert_eq!(to_message(C::Text, q), Some(Message::Input('q')));
    assert_eq!(
        to_message(C::Quiz, press(K::Char('3'))),
        Some(Message::Pick(2))
    );
    assert_eq!(
        to_message(C::Text, press(K::Char('3'))),
        Some(Message::Input('3'))
    );
    assert_eq!(to_message(C::Quiz, press(K::Char('0'))), None);
}

#[test]
fn ctrl_c_quits_everywhere_and_ctrl_letters_never_type() {
    let ctrl_c = KeyEvent::new(K::Char('c'), KeyModifiers::CONTROL);
    for mode in Mode::ALL {
        assert_eq!(to_message(mode, ctrl_c), Some(Message::Quit), "{mode:?}");
    }
    let ctrl_x = KeyEvent::new(K::Char('x'), KeyModifiers::CONTROL);
    assert_eq!(to_message(C::Text, ctrl_x), None);
    let ctrl_3 = KeyEvent::new(K::Char('3'), KeyModifiers::CONTROL);
    assert_eq!(to_message(C::Quiz, ctrl_3), None);
}

#[test]
fn the_language_key_works_wherever_the_learner_reads_or_answers() {
    let big_l = KeyEvent::new(K::Char('L'), KeyModifiers::SHIFT);
    for mode in [
        C::Home,
        C::Settings,
        C::Lesson,
        C::Quiz,
        C::HandIn,
        C::Result,
        C::ResultUnsaved,
        C::Review,
    ] {
        assert_eq!(
            to_message(mode, big_l),
            Some(Message::ToggleLanguage),
            "{mode:?}"
        );
    }
    assert_eq!(to_message(C::Text, big_l), Some(Message::Input('L')));
}

#[test]
fn shifted_keys_still_match() {
    let big_g = KeyEvent::new(K::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(to_message(C::Lesson, big_g), Some(Message::Last));
    let question = KeyEvent::new(K::Char('?'), KeyModifiers::SHIFT);
    assert_eq!(to_message(C::Home, question), Some(Message::Help));
}

#[test]
fn every_mode_has_a_way_out_and_hints() {
    for mode in Mode::ALL {
        let help = help(mode, Lang::Da, |_| false);
        assert!(
            help.iter().any(|(k, _)| k == "Ctrl-C"),
            "{mode:?} has no Ctrl-C"
        );
        assert!(
            quit_hint(mode, Lang::En).is_some(),
            "{mode:?}: the footer shows no way to quit"
        );
        let opens_help = help.iter().any(|(k, _)| k == "?" || k == "F1");
        assert!(
            opens_help || matches!(mode, C::Help | C::Confirm),
            "{mode:?} has no help key"
        );
    }
    assert_eq!(
        key_for(C::Lesson, &Message::Confirm, Lang::Da).as_deref(),
        Some("Enter")
    );
}

#[test]
fn the_footer_merges_up_and_down_and_keeps_the_help_apart() {
    let hints = hints(C::Quiz, Lang::Da);
    let keys: Vec<&str> = hints.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["↑↓", "1–9", "Enter", "→", "Esc"]);
    assert_eq!(
        help_hint(C::Quiz, Lang::Da),
        Some(("?".to_owned(), "hjælp"))
    );
}

#[test]
fn no_key_is_bound_twice_in_one_mode() {
    assert_eq!(keys::bound_twice(BINDINGS, &Mode::ALL), None);
}

#[test]
fn the_footer_names_the_key_its_label_starts_with_in_each_language() {
    let keys = |lang| -> Vec<String> {
        hints(C::Confirm, lang)
            .into_iter()
            .map(|(k, _)| k)
            .collect()
    };
    assert_eq!(keys(Lang::Da), ["j", "n"]);
    assert_eq!(keys(Lang::En), ["y", "n"], "not \"j yes\"");
}
