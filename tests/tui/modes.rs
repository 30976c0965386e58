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

#[test]
fn a_key_or_word_that_would_do_nothing_is_not_offered() {
    use super::common::{render, text};
    let samples = states();
    let sample = |name: &str| {
        samples
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, m)| m.clone())
            .expect("the sample")
    };
    // The first question of the first start has nothing before it: Esc (and »tilbage«) would
    // do nothing, so neither the footer, the help nor the plain help offers it. One step on,
    // they go back and are offered.
    for (name, offered) in [
        ("first_start_language", false),
        ("first_start_forvaltning", true),
    ] {
        let mut model = sample(name);
        let screen = text(&render(
            &model,
            bevidst::tui::Theme { color: false },
            80,
            24,
        ));
        let footer = screen.lines().last().expect("a footer");
        assert_eq!(footer.contains("Esc"), offered, "{name}: {footer}");
        let plain =
            bevidst::plain::screen::help(&Context::of(&model), Lang::Da, 80, |m| model.inert(m))
                .join("\n");
        assert_eq!(plain.contains("tilbage:"), offered, "{name}: {plain}");
        bevidst::app::update(&mut model, bevidst::app::Message::Help);
        let help = text(&render(
            &model,
            bevidst::tui::Theme { color: false },
            80,
            24,
        ));
        assert_eq!(help.contains("Esc "), offered, "{name}: {help}");
        bevidst::app::update(&mut model, bevidst::app::Message::Back);
        let before = sample(name);
        if !offered {
            bevidst::app::update(&mut model, bevidst::app::Message::Back);
            assert_eq!(
                model.screen, before.screen,
                "{name}: Back does nothing here"
            );
        }
    }
}
