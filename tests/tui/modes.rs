//! The input mode is decided once, by the model: on every screen the terminal UI's key table
//! and the plain mode's word table read the same `Mode`, and both have something to offer in
//! it.

use bevidst::app::Mode;
use bevidst::lang::Lang;
use bevidst::plain::commands;
use bevidst::plain::context::Context;
use bevidst::tui::keymap;

use super::common::states;

#[test]
fn both_interfaces_read_the_mode_the_model_decides() {
    let mut seen = Vec::new();
    let mut samples = states();
    // A terminal too small for the screen, over a quiz question.
    let mut small = samples
        .iter()
        .find(|(name, _)| *name == "quiz_single_choice")
        .map(|(_, m)| m.clone())
        .expect("a quiz sample");
    bevidst::app::update(&mut small, bevidst::app::Message::TooSmall(true));
    samples.push(("too_small_quiz", small));
    for (name, model) in samples {
        let mode = model.mode();
        seen.push(mode);
        assert!(
            !keymap::hints(mode, Lang::Da).is_empty()
                || keymap::quit_hint(mode, Lang::Da).is_some(),
            "{name}: no keys"
        );
        // The plain mode prints its help instead of opening it, so it reads through the help
        // to the screen under it.
        let plain = match mode {
            Mode::Help | Mode::TooSmall => model.screen_mode(),
            other => other,
        };
        assert_eq!(Context::of(&model).mode(), plain, "{name}");
        assert!(commands::rows(plain).next().is_some(), "{name}: no words");
    }
    for mode in Mode::ALL {
        assert!(seen.contains(&mode), "no screen sample in {mode:?}");
    }
}
