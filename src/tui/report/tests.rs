//! The dashboard without a terminal: messages move the model, every tab draws at 80×24, small
//! terminals get a message instead of a panic, and meaning never rests on colour alone.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::report::report_from_completions;
use crate::report::testkit::{completion, courses, index, settings};

fn report() -> Report {
    let set = courses();
    let mut items = Vec::new();
    for i in 0..8 {
        let forv = if i < 6 {
            "Socialforvaltningen"
        } else {
            "Økonomiforvaltningen"
        };
        let c = completion(
            &set,
            0,
            &format!("{}", 1000 + i),
            forv,
            1_738_400_000 + i64::from(i),
            &[true, true, i % 2 == 0, false],
        );
        items.push((format!("{i}.ron"), 2, c));
    }
    // One learner failed onboarding long ago: overdue.
    let c = completion(
        &set,
        0,
        "1099",
        "Socialforvaltningen",
        1_730_450_000,
        &[false; 4],
    );
    items.push(("late.ron".into(), 2, c));
    report_from_completions(
        &index(),
        &settings(5),
        None,
        items.iter().map(|(p, l, c)| (p.as_str(), *l, c)),
    )
    .0
}

fn draw(m: &Model, r: &Report, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| view(m, r, f)).expect("drawn");
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn keys_become_messages_and_only_presses_count() {
    assert_eq!(to_message(press(KeyCode::Tab)), Some(Message::NextTab));
    assert_eq!(to_message(press(KeyCode::Char('j'))), Some(Message::Down));
    assert_eq!(
        to_message(press(KeyCode::Char('4'))),
        Some(Message::Goto(Tab::Questions))
    );
    assert_eq!(
        to_message(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Message::Quit)
    );
    let mut release = press(KeyCode::Down);
    release.kind = KeyEventKind::Release;
    assert_eq!(to_message(release), None, "Windows sends releases too");
}

#[test]
fn update_moves_tabs_and_clamps_the_selection() {
    let r = report();
    let mut m = Model::new(Lang::Da, false);
    update(&mut m, &r, Message::PrevTab);
    assert_eq!(m.tab, Tab::Problems);
    update(&mut m, &r, Message::Goto(Tab::Areas));
    for _ in 0..40 {
        update(&mut m, &r, Message::Down);
    }
    assert_eq!(m.row(), crate::report::model::TOPICS - 1);
    update(&mut m, &r, Message::Home);
    assert_eq!(m.row(), 0);
    update(&mut m, &r, Message::Help);
    update(&mut m, &r, Message::Quit);
    assert!(!m.quit && !m.help, "Esc first closes the help");
    update(&mut m, &r, Message::Quit);
    assert!(m.quit);
}

#[test]
fn every_tab_draws_at_80x24() {
    let r = report();
    let mut m = Model::new(Lang::Da, true);
    let expect = [
        (Tab::Overview, "Poster læst: 9"),
        (Tab::Forvaltninger, "Socialforvaltningen"),
        (Tab::Areas, "pr. forvaltning"),
        (Tab::Questions, "sim-start-q00"),
        (Tab::Overdue, "--followup"),
        (Tab::Problems, "Ingen problemer."),
    ];
    for (tab, text) in expect {
        m.tab = tab;
        let screen = draw(&m, &r, 80, 24);
        assert!(screen.contains(text), "{tab:?} lacks {text:?}:\n{screen}");
        assert!(
            screen.contains("q afslut"),
            "the footer comes from the key table"
        );
    }
}

#[test]
fn small_groups_show_as_withheld_and_the_selection_has_a_symbol() {
    let r = report();
    let mut m = Model::new(Lang::En, true);
    m.tab = Tab::Forvaltninger;
    let screen = draw(&m, &r, 80, 24);
    // Økonomiforvaltningen has two learners: withheld.
    let line = screen
        .lines()
        .find(|l| l.contains("Økonomiforvaltningen"))
        .expect("row");
    assert!(line.contains("<5"), "{line}");
    assert!(!line.contains('%'), "{line}");
    assert!(
        screen.contains("› "),
        "selection is marked without colour:\n{screen}"
    );
}

#[test]
fn tiny_terminals_get_a_message_not_a_panic() {
    let r = report();
    let mut m = Model::new(Lang::Da, false);
    for tab in Tab::ALL {
        m.tab = tab;
        for (w, h) in [(1, 1), (20, 5), (59, 30), (60, 12), (200, 60)] {
            let screen = draw(&m, &r, w, h);
            if w < 60 || h < 12 {
                assert!(w < 20 || screen.contains("Terminalen"), "{screen}");
            }
        }
    }
}

#[test]
fn every_column_is_headed_as_in_markdown() {
    use crate::report::columns::{COMPLETION, Medium, QUESTIONS, columns_in};
    let r = report();
    let md = crate::report::render::markdown::render(&r, Lang::Da);
    let mut m = Model::new(Lang::Da, true);
    for (tab, heads) in [
        (
            Tab::Forvaltninger,
            columns_in(&COMPLETION, Medium::Dashboard)
                .map(|c| c.head(Lang::Da))
                .collect::<Vec<_>>(),
        ),
        (
            Tab::Questions,
            columns_in(&QUESTIONS, Medium::Dashboard)
                .map(|c| c.head(Lang::Da))
                .collect(),
        ),
    ] {
        m.tab = tab;
        let screen = draw(&m, &r, 80, 24);
        assert!(
            screen.lines().any(|l| heads.iter().all(|h| l.contains(h))),
            "{tab:?} lacks one of {heads:?}:\n{screen}"
        );
    }
    let header = md
        .lines()
        .find(|l| l.starts_with("| Forvaltning | Modul |"))
        .expect("completion header");
    assert!(header.contains("| Medarbejdere |"), "{header}");
}

#[test]
fn no_tab_names_a_learner() {
    let r = report();
    let mut m = Model::new(Lang::Da, true);
    for tab in Tab::ALL {
        update(&mut m, &r, Message::Goto(tab));
        for _ in 0..tab.rows(&r).max(1) {
            let screen = draw(&m, &r, 120, 40);
            for id in (1000..1008).chain([1099]) {
                assert!(
                    !screen
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w == id.to_string()),
                    "{tab:?} names learner {id}:\n{screen}"
                );
            }
            update(&mut m, &r, Message::Down);
        }
    }
}
