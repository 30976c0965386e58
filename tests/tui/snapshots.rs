//! Every screen at 80×24 on a test terminal, as text. The snapshots (in `snapshots/`) record
//! the words and the layout; the cells whose colour or symbol carries meaning are asserted in
//! `cells.rs`, since snapshots do not record style.

use bevidst::tui::Theme;

use super::common::{render, states, text};

#[test]
fn every_screen_at_80_by_24() {
    for (name, model) in states() {
        let buffer = render(&model, Theme { color: true }, 80, 24);
        insta::assert_snapshot!(name, text(&buffer));
    }
}

#[test]
fn the_too_small_message() {
    let (_, model) = states().swap_remove(0);
    let buffer = render(&model, Theme { color: true }, 59, 16);
    insta::assert_snapshot!("too_small_59x16", text(&buffer));
}
