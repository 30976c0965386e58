//! The cells whose colour or symbol carries meaning: selection, right and wrong, the receipt,
//! the current question. Each is checked with colour and with `NO_COLOR`, where the symbol or
//! a modifier must carry the meaning alone.

use bevidst::tui::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::common::{column_of, render, row_with, states, text};

const COLOR: Theme = Theme { color: true };
const NO_COLOR: Theme = Theme { color: false };

fn state(name: &str) -> bevidst::app::Model {
    states()
        .into_iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no state {name}"))
        .1
}

fn reversed(buffer: &Buffer, x: u16, y: u16) -> bool {
    buffer[(x, y)].modifier.contains(Modifier::REVERSED)
}

#[test]
fn no_color_means_no_colour_on_any_screen() {
    for (name, model) in states() {
        let buffer = render(&model, NO_COLOR, 80, 24);
        for cell in &buffer.content {
            assert_eq!(cell.fg, Color::Reset, "{name}: a foreground colour");
            assert_eq!(cell.bg, Color::Reset, "{name}: a background colour");
        }
    }
}

#[test]
fn the_highlighted_choice_is_marked_and_reversed_in_both_modes() {
    let model = state("quiz_single_choice");
    for theme in [COLOR, NO_COLOR] {
        let buffer = render(&model, theme, 80, 24);
        let all = text(&buffer);
        let cursor_rows: Vec<&str> = all.lines().filter(|l| l.starts_with(" › ")).collect();
        assert_eq!(cursor_rows.len(), 1, "one highlighted choice:\n{all}");
        let y = row_with(&buffer, " › (");
        let x = column_of(&buffer, y, "›");
        assert!(
            reversed(&buffer, x, y),
            "{theme:?}: the highlight is reversed"
        );
        let other = row_with(&buffer, "   ( ) ");
        assert!(!reversed(&buffer, x, other), "{theme:?}: others are not");
    }
}

#[test]
fn marked_choices_show_their_mark() {
    let buffer = render(&state("quiz_multiple_choice"), NO_COLOR, 80, 24);
    let all = text(&buffer);
    assert_eq!(all.matches("[x]").count(), 2, "{all}");
    assert_eq!(all.matches("[ ]").count(), 1, "{all}");
    let y = row_with(&buffer, "[x] 1");
    let x = column_of(&buffer, y, "[");
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::BOLD),
        "a marked choice is bold too"
    );
}

#[test]
fn the_current_question_is_reversed_in_the_progress_bar() {
    let model = state("quiz_true_false");
    let bevidst::app::Screen::Quiz(quiz) = &model.screen else {
        panic!("a quiz");
    };
    let buffer = render(&model, NO_COLOR, 80, 24);
    let y = 2;
    let x0 = 1;
    for i in 0..quiz.answers.len() {
        let x = x0 + u16::try_from(i).expect("few questions");
        assert_eq!(
            reversed(&buffer, x, y),
            i == quiz.current,
            "cell {i} of the progress bar"
        );
    }
}

#[test]
fn right_and_wrong_carry_symbols_and_colours() {
    let model = state("review_wrong_answer");
    let colour = render(&model, COLOR, 80, 24);
    let plain = render(&model, NO_COLOR, 80, 24);
    for buffer in [&colour, &plain] {
        let wrong = row_with(buffer, "(dit svar)");
        let right = row_with(buffer, "(rigtigt svar)");
        assert_eq!(buffer[(1, wrong)].symbol(), "✗");
        assert_eq!(buffer[(1, right)].symbol(), "✓");
    }
    let wrong = row_with(&colour, "(dit svar)");
    let right = row_with(&colour, "(rigtigt svar)");
    assert_eq!(colour[(1, wrong)].fg, Color::Red);
    assert_eq!(colour[(1, right)].fg, Color::Green);
    for buffer in [&colour, &plain] {
        let y = row_with(buffer, "Du svarede forkert");
        assert_eq!(buffer[(1, y)].symbol(), "✗");
    }
}

#[test]
fn pass_and_fail_read_without_colour() {
    for (name, symbol, word, colour) in [
        ("result_passed", "✓", "Bestået", Color::Green),
        ("result_failed", "✗", "Ikke bestået", Color::Red),
    ] {
        let model = state(name);
        let plain = render(&model, NO_COLOR, 80, 24);
        let y = row_with(&plain, word);
        assert_eq!(plain[(1, y)].symbol(), symbol, "{name}");
        assert!(plain[(1, y)].modifier.contains(Modifier::BOLD), "{name}");
        let colour_buffer = render(&model, COLOR, 80, 24);
        assert_eq!(colour_buffer[(1, y)].fg, colour, "{name}");
    }
}

#[test]
fn the_receipt_stands_out_without_colour() {
    let buffer = render(&state("result_passed"), NO_COLOR, 80, 24);
    let y = row_with(&buffer, "7F3A-91C2-0B4D");
    let x = column_of(&buffer, y, "7F3A");
    assert!(reversed(&buffer, x, y));
}

#[test]
fn the_selected_module_is_marked_and_reversed_and_statuses_have_symbols() {
    for theme in [COLOR, NO_COLOR] {
        let buffer = render(&state("home_after_passing"), theme, 80, 24);
        let passed = row_with(&buffer, "Introduktion til it-sikkerhed  ");
        let x = column_of(&buffer, passed, "✓");
        assert_eq!(buffer[(x, passed)].symbol(), "✓", "a passed module shows ✓");
        let selected = row_with(&buffer, " › ");
        assert_ne!(
            selected, passed,
            "the next module is preselected, not the passed one"
        );
        assert!(reversed(&buffer, 1, selected), "{theme:?}");
        assert!(!reversed(&buffer, 1, passed), "{theme:?}");
    }
}

#[test]
fn an_unstored_result_says_so_and_offers_to_save_again() {
    let buffer = render(&state("result_not_stored"), NO_COLOR, 80, 24);
    let all = text(&buffer);
    assert!(all.contains("kunne ikke gemmes: the disk is full"), "{all}");
    assert!(
        !all.contains("Din kvittering"),
        "no receipt before it is stored"
    );
    let footer = all.lines().nth(23).unwrap_or_default();
    assert!(footer.contains("Enter gem igen"), "{footer}");
}
