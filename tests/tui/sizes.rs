//! Every screen at sizes from nothing to huge: drawing never panics, below the minimum it
//! says the terminal is too small, and from the minimum up it draws the screen.

use bevidst::tui::Theme;
use bevidst::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use proptest::prelude::*;

use super::common::{render, states, text};

const SIZES: [(u16, u16); 14] = [
    (0, 0),
    (1, 1),
    (0, 24),
    (80, 0),
    (5, 3),
    (20, 5),
    (59, 16),
    (60, 15),
    (60, 16),
    (61, 17),
    (80, 24),
    (60, 100),
    (300, 16),
    (250, 80),
];

#[test]
fn every_screen_at_every_size() {
    for (name, model) in states() {
        for (w, h) in SIZES {
            for theme in [Theme { color: true }, Theme { color: false }] {
                let buffer = render(&model, theme, w, h);
                let shown = text(&buffer);
                let small = w < MIN_WIDTH || h < MIN_HEIGHT;
                if w >= 30 && h >= 3 {
                    assert_eq!(
                        shown.contains("for lille") || shown.contains("too small"),
                        small,
                        "{name} at {w}×{h}:\n{shown}"
                    );
                }
                if !small {
                    assert!(shown.contains(" bevidst · "), "{name} at {w}×{h}");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_size_draws_without_panicking(w in 0u16..200, h in 0u16..70, pick in 0usize..64) {
        let all = states();
        let (_, model) = &all[pick % all.len()];
        let _ = render(model, Theme { color: pick % 2 == 0 }, w, h);
    }
}
