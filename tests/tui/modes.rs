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
    for (name, model) in states() {
        let mode = model.mode();
        seen.push(mode);
        assert!(!keymap::hints(mode, Lang::Da).is_empty(), "{name}: no keys");
        // The plain mode prints its help instead of opening it, so it reads through the help
        // to the screen under it.
        let plain = match mode {
            Mode::Help => model.screen_mode(),
            other => other,
        };
        assert_eq!(Context::of(&model).mode(), plain, "{name}");
        assert!(commands::rows(plain).next().is_some(), "{name}: no words");
    }
    for mode in Mode::ALL {
        assert!(seen.contains(&mode), "no screen sample in {mode:?}");
    }
}
