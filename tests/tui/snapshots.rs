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
fn every_screen_at_60_by_16_the_smallest_size() {
    for (name, model) in states() {
        let buffer = render(&model, Theme { color: true }, 60, 16);
        insta::assert_snapshot!(format!("{name}_60x16"), text(&buffer));
    }
}

/// The bundled courses on the home screen, whose long titles and statuses must fit.
fn bundled_home() -> bevidst::app::Model {
    bundled_home_as(bevidst::course::Role::Employee)
}

/// The bundled courses on the home screen of a learner in `role`.
fn bundled_home_as(role: bevidst::course::Role) -> bevidst::app::Model {
    let config = bevidst::config::Config {
        learner: Some(bevidst::config::Learner {
            employee_id: "ab12".into(),
            forvaltning: "Økonomiforvaltningen".into(),
            start_date: super::common::TODAY,
            role,
        }),
        ..bevidst::config::Config::default()
    };
    let courses = bevidst::course::bundled().expect("the bundled courses load");
    bevidst::app::Model::new(courses, config, Vec::new(), super::common::TODAY, "ab12")
}

#[test]
fn the_bundled_home_fits_at_80_by_24_and_60_by_16() {
    let model = bundled_home();
    for (w, h) in [(80, 24), (60, 16)] {
        let buffer = render(&model, Theme { color: true }, w, h);
        let shown = text(&buffer);
        if w == 80 {
            let list: Vec<&str> = shown
                .lines()
                .filter(|l| l.contains(" ○ ") || l.contains(" ◔ "))
                .collect();
            assert!(list.len() >= 7, "{shown}");
            assert!(
                list.iter().all(|l| !l.contains('…')),
                "every row whole at 80×24:\n{shown}"
            );
        }
        insta::assert_snapshot!(format!("home_bundled_{w}x{h}"), shown);
    }
}

#[test]
fn the_managers_module_is_on_a_managers_home_only() {
    use bevidst::course::Role;
    let title = "For ledere: it-sikkerhed i din enhed";
    let employee = text(&render(
        &bundled_home_as(Role::Employee),
        Theme { color: true },
        80,
        24,
    ));
    assert!(!employee.contains(title), "{employee}");
    let manager = bundled_home_as(Role::Manager);
    let (_, total) = manager.progress();
    assert_eq!(total, bundled_home().progress().1 + 1, "one module more");
    let shown = text(&render(&manager, Theme { color: true }, 80, 24));
    assert!(shown.contains(title), "{shown}");
    assert!(shown.contains(&format!("0 af {total} moduler")), "{shown}");
    insta::assert_snapshot!("home_bundled_manager_80x24", shown);
}

#[test]
fn a_question_taller_than_the_screen_says_where_more_is() {
    use bevidst::app::runtime::{Offline, dispatch};
    use bevidst::app::{Message, Screen};
    use rand::SeedableRng;
    let mut model = bundled_home();
    let mut services = Offline {
        clock: bevidst::app::runtime::SteppingClock::starting_at(
            jiff::Timestamp::from_second(1_764_320_400).expect("time"),
        ),
        rng: rand_chacha::ChaCha8Rng::seed_from_u64(7),
        receipt: "0000-0000-0000".into(),
    };
    dispatch(&mut model, Message::StartQuiz, &mut services);
    let mut found = false;
    for _ in 0..10 {
        assert!(matches!(model.screen, Screen::Quiz(_)));
        dispatch(&mut model, Message::First, &mut services);
        let top = text(&render(&model, Theme { color: true }, 60, 16));
        if top.contains("↓ mere nedenfor") {
            dispatch(&mut model, Message::Last, &mut services);
            let bottom = text(&render(&model, Theme { color: true }, 60, 16));
            assert!(bottom.contains("↑ mere ovenfor"), "{bottom}");
            assert!(
                bottom.contains('›'),
                "the highlighted choice shows: {bottom}"
            );
            insta::assert_snapshot!("quiz_taller_than_the_screen_60x16", top);
            found = true;
            break;
        }
        dispatch(&mut model, Message::Next, &mut services);
    }
    assert!(found, "some bundled question is taller than 60×16");
}

#[test]
fn the_help_scrolls_on_a_small_terminal() {
    let (_, mut model) = states()
        .into_iter()
        .find(|(name, _)| *name == "help_on_home")
        .expect("the help sample");
    let top = text(&render(&model, Theme { color: true }, 60, 16));
    assert!(top.contains("↓ mere"), "{top}");
    for _ in 0..40 {
        bevidst::app::update(&mut model, bevidst::app::Message::Down);
    }
    let bottom = text(&render(&model, Theme { color: true }, 60, 16));
    assert!(bottom.contains("↑"), "{bottom}");
    assert!(!bottom.contains("↓ mere"), "{bottom}");
    assert!(
        bottom.contains("Ctrl-C"),
        "the last row is reached: {bottom}"
    );
}

#[test]
fn the_too_small_message() {
    let (_, model) = states().swap_remove(0);
    let buffer = render(&model, Theme { color: true }, 59, 16);
    insta::assert_snapshot!("too_small_59x16", text(&buffer));
}
