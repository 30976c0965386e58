//! Tests of `keymap`.

use super::*;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn the_same_key_means_what_the_context_says() {
    let j = press(K::Char('j'));
    assert_eq!(to_message(C::Quiz, j), Some(Message::Down));
    assert_eq!(to_message(C::Confirm, j), Some(Message::Yes));
    assert_eq!(to_message(C::FormText, j), Some(Message::Input('j')));
    let q = press(K::Char('q'));
    assert_eq!(to_message(C::Home, q), Some(Message::Quit));
    assert_eq!(to_message(C::FormText, q), Some(Message::Input('q')));
    assert_eq!(
        to_message(C::Quiz, press(K::Char('3'))),
        Some(Message::Pick(2))
    );
    assert_eq!(
        to_message(C::FormText, press(K::Char('3'))),
        Some(Message::Input('3'))
    );
}

#[test]
fn ctrl_c_quits_everywhere_and_ctrl_letters_never_type() {
    let ctrl_c = KeyEvent::new(K::Char('c'), KeyModifiers::CONTROL);
    for ctx in ALL {
        assert_eq!(to_message(*ctx, ctrl_c), Some(Message::Quit), "{ctx:?}");
    }
    let ctrl_x = KeyEvent::new(K::Char('x'), KeyModifiers::CONTROL);
    assert_eq!(to_message(C::FormText, ctrl_x), None);
}

#[test]
fn shifted_keys_still_match() {
    let big_g = KeyEvent::new(K::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(to_message(C::Lesson, big_g), Some(Message::Last));
    let question = KeyEvent::new(K::Char('?'), KeyModifiers::SHIFT);
    assert_eq!(to_message(C::Home, question), Some(Message::Help));
}

#[test]
fn every_context_has_a_way_out_and_hints() {
    for ctx in ALL {
        let help = help(*ctx, Lang::Da);
        assert!(
            help.iter().any(|(k, _)| k == "Ctrl-C"),
            "{ctx:?} has no Ctrl-C"
        );
        assert!(!hints(*ctx, Lang::En).is_empty(), "{ctx:?} has no hints");
        let opens_help = help.iter().any(|(k, _)| k == "?" || k == "F1");
        assert!(
            opens_help || matches!(ctx, C::Help | C::Confirm),
            "{ctx:?} has no help key"
        );
    }
    assert_eq!(
        key_for(C::Lesson, Action::Confirm, Lang::Da).as_deref(),
        Some("Enter")
    );
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for ctx in ALL {
        let mut seen = Vec::new();
        for b in BINDINGS.iter().filter(|b| applies(b, *ctx)) {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} bound twice in {ctx:?}");
                seen.push(*k);
            }
        }
    }
}
