//! The dashboard without a terminal: messages move the model, every tab draws at 80×24 (and is
//! snapshot there), small terminals get a message instead of a panic, and meaning never rests
//! on colour alone.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyEventKind, KeyModifiers};

use super::*;
use crate::report::model::Topic;
use crate::report::report_from_completions;
use crate::report::testkit::{completion, courses, index, settings};
use crate::tui::{buffer_text, handle};

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

const NO_COLOR: Theme = Theme { color: false };

fn draw(m: &Model, r: &Report, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| view(m, r, NO_COLOR, f)).expect("drawn");
    buffer_text(terminal.backend().buffer())
}

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn keys_become_messages_per_context() {
    let tabs = Context::Tabs;
    assert_eq!(to_message(tabs, press(K::Tab)), Some(Message::NextTab));
    assert_eq!(to_message(tabs, press(K::Char('j'))), Some(Message::Down));
    assert_eq!(
        to_message(tabs, press(K::Char('4'))),
        Some(Message::Goto(3))
    );
    assert_eq!(to_message(tabs, press(K::Char('7'))), None);
    assert_eq!(to_message(tabs, press(K::Esc)), Some(Message::Quit));
    assert_eq!(
        to_message(Context::Help, press(K::Esc)),
        Some(Message::CloseHelp),
        "Esc first closes the help"
    );
    assert_eq!(to_message(Context::Help, press(K::Tab)), None);
    let ctrl_c = KeyEvent::new(K::Char('c'), KeyModifiers::CONTROL);
    for ctx in Context::ALL {
        assert_eq!(to_message(ctx, ctrl_c), Some(Message::Quit), "{ctx:?}");
    }
}

#[test]
fn no_key_is_bound_twice_and_every_context_has_a_way_out() {
    assert_eq!(keys::bound_twice(KEYS, &Context::ALL), None);
    for ctx in Context::ALL {
        let help = keys::help(KEYS, &ctx, Lang::Da);
        assert!(help.iter().any(|(k, _)| k == "Ctrl-C"), "{ctx:?}");
        assert!(!keys::hints(KEYS, &ctx, Lang::En).is_empty(), "{ctx:?}");
    }
}

#[test]
fn only_presses_count() {
    let r = report();
    let mut dashboard = Dashboard {
        model: Model::new(Lang::Da),
        report: &r,
        theme: NO_COLOR,
    };
    let mut release = press(K::Tab);
    release.kind = KeyEventKind::Release;
    assert_eq!(handle(&mut dashboard, &Event::Key(release)), Flow::Continue);
    assert_eq!(
        dashboard.model.tab,
        Tab::Overview,
        "Windows sends releases too"
    );
    assert_eq!(
        handle(&mut dashboard, &Event::Key(press(K::Tab))),
        Flow::Continue
    );
    assert_eq!(dashboard.model.tab, Tab::Forvaltninger);
    assert_eq!(
        handle(&mut dashboard, &Event::Key(press(K::Char('q')))),
        Flow::Quit
    );
}

#[test]
fn update_moves_tabs_and_clamps_the_selection() {
    let r = report();
    let mut m = Model::new(Lang::Da);
    update(&mut m, &r, Message::PrevTab);
    assert_eq!(m.tab, Tab::Problems);
    update(&mut m, &r, Message::Goto(2));
    assert_eq!(m.tab, Tab::Areas);
    for _ in 0..40 {
        update(&mut m, &r, Message::Down);
    }
    assert_eq!(m.row(), crate::report::model::TOPICS - 1);
    update(&mut m, &r, Message::Home);
    assert_eq!(m.row(), 0);
    update(&mut m, &r, Message::Help);
    assert_eq!(m.context(), Context::Help);
    update(&mut m, &r, Message::CloseHelp);
    assert!(!m.quit && !m.help);
    update(&mut m, &r, Message::Quit);
    assert!(m.quit);
}

#[test]
fn enter_shows_the_selected_question_on_a_page_of_its_own() {
    let r = report();
    assert!(r.questions.len() > 1, "the fixture has questions");
    let mut m = Model::new(Lang::Da);
    assert_eq!(
        to_message(Context::Tabs, press(K::Enter)),
        Some(Message::Detail)
    );
    update(&mut m, &r, Message::Detail);
    assert_eq!(
        m.page,
        Page::List,
        "only the questions tab has a page per row"
    );
    update(&mut m, &r, Message::Goto(Tab::Questions.index()));
    update(&mut m, &r, Message::Down);
    update(&mut m, &r, Message::Detail);
    assert_eq!(m.context(), Context::Detail);
    let page = draw(&m, &r, 80, 24);
    assert!(page.contains("Spørgsmål 2 af"), "{page}");
    // The page holds the question's own words, which the list window does not.
    let order = view::question_order(&r);
    let shown = &r.questions[order[1]];
    let words: String = shown.prompt.get(Lang::Da).chars().take(20).collect();
    assert!(page.contains(&words), "{page}");
    // ↑↓ go from question to question on the page; Esc goes back to the list, same row.
    assert_eq!(
        to_message(Context::Detail, press(K::Down)),
        Some(Message::Down)
    );
    update(&mut m, &r, Message::Down);
    assert!(draw(&m, &r, 80, 24).contains("Spørgsmål 3 af"));
    assert_eq!(
        to_message(Context::Detail, press(K::Esc)),
        Some(Message::CloseDetail),
        "Esc leaves the page, not the dashboard"
    );
    update(&mut m, &r, Message::CloseDetail);
    assert_eq!((m.context(), m.row()), (Context::Tabs, 2));
    m.selected[Tab::Questions.index()] = 0;
    update(&mut m, &r, Message::Detail);
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("question_page_{w}x{h}"), draw(&m, &r, w, h));
    }
}

#[test]
fn every_tab_draws_at_80x24() {
    let r = report();
    let mut m = Model::new(Lang::Da);
    let expect = [
        (Tab::Overview, "Alle forvaltninger"),
        (Tab::Forvaltninger, "Socialforvaltningen"),
        (Tab::Areas, "pr. forvaltning"),
        (Tab::Questions, "sim-start-q00"),
        (Tab::Overdue, "--followup"),
        (Tab::Problems, "Poster læst: 9"),
    ];
    for (tab, text) in expect {
        m.tab = tab;
        let screen = draw(&m, &r, 80, 24);
        assert!(screen.contains(text), "{tab:?} lacks {text:?}:\n{screen}");
        assert!(
            screen.contains("q afslut"),
            "the footer comes from the key table"
        );
        insta::assert_snapshot!(format!("tab_{tab:?}").to_lowercase(), screen);
    }
    m.tab = Tab::Overview;
    m.help = true;
    insta::assert_snapshot!("help", draw(&m, &r, 80, 24));
}

#[test]
fn small_groups_show_as_withheld_and_the_selection_has_a_symbol() {
    let r = report();
    let mut m = Model::new(Lang::En);
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
    let mut m = Model::new(Lang::Da);
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
    let mut m = Model::new(Lang::Da);
    for (tab, heads) in [
        (
            Tab::Forvaltninger,
            columns_in(&COMPLETION, Medium::Dashboard)
                .map(|c| c.dashboard_head(Lang::Da))
                .collect::<Vec<_>>(),
        ),
        (
            Tab::Questions,
            columns_in(&QUESTIONS, Medium::Dashboard)
                .map(|c| c.dashboard_head(Lang::Da))
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
    let mut m = Model::new(Lang::Da);
    for tab in Tab::ALL {
        update(&mut m, &r, Message::Goto(tab.index()));
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

#[test]
fn every_tab_uses_the_window_at_80x24_and_120x40() {
    let r = crate::report::testkit::three_forvaltninger();
    let mut m = Model::new(Lang::Da);
    for (w, h) in [(80, 24), (120, 40)] {
        for tab in Tab::ALL {
            m.tab = tab;
            let screen = draw(&m, &r, w, h);
            insta::assert_snapshot!(format!("window_{w}x{h}_{tab:?}").to_lowercase(), screen);
        }
        m.tab = Tab::Areas;
        m.help = true;
        insta::assert_snapshot!(format!("window_{w}x{h}_help"), draw(&m, &r, w, h));
        m.help = false;
    }
    // The charts grow with the window.
    m.tab = Tab::Areas;
    let bar_rows = |screen: &str| screen.lines().filter(|l| l.contains('█')).count();
    assert!(bar_rows(&draw(&m, &r, 120, 40)) > bar_rows(&draw(&m, &r, 80, 24)));
}

#[test]
fn the_areas_tab_lists_the_weakest_first_and_says_what_its_scale_is() {
    let r = crate::report::testkit::three_forvaltninger();
    let mut m = Model::new(Lang::Da);
    update(&mut m, &r, Message::Goto(2));
    let q = r.quarters.last().expect("a quarter");
    let weakest = Topic::all()
        .filter_map(|t| Some((t, r.knowledge_share(None, t, q)?)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .expect("a shown topic")
        .0;
    let screen = draw(&m, &r, 120, 40);
    let first = screen
        .lines()
        .find(|l| l.contains("› "))
        .expect("the selected row");
    assert!(first.contains(weakest.name(Lang::Da)), "{first}");
    assert!(screen.contains(" fra "), "the scale's start:\n{screen}");
    assert!(screen.contains("95 %:"), "the interval in words:\n{screen}");
    // `s` returns to the policy's order.
    update(&mut m, &r, Message::SortAreas);
    let screen = draw(&m, &r, 120, 40);
    let first = screen.lines().find(|l| l.contains("› ")).expect("row");
    assert!(first.contains("Sikkerhedspolitik"), "{first}");
}

#[test]
fn the_help_explains_every_figure_and_scrolls() {
    let r = report();
    let mut m = Model::new(Lang::Da);
    update(&mut m, &r, Message::Help);
    let screen = draw(&m, &r, 120, 60);
    for term in [
        "Sådan læses tallene",
        "Alt ajour",
        "↑ ↓ →",
        "Diskrimination",
    ] {
        assert!(screen.contains(term), "{term}:\n{screen}");
    }
    assert_eq!(
        to_message(Context::Help, press(K::Down)),
        Some(Message::Down)
    );
    update(&mut m, &r, Message::Down);
    assert_eq!(
        (m.help_scroll, m.row()),
        (1, 0),
        "scrolls the help, not the table"
    );
    update(&mut m, &r, Message::CloseHelp);
    assert!(!m.help);
}

#[test]
fn f_shows_one_forvaltnings_areas_over_time_and_withheld_cells_as_withheld() {
    let mut r = crate::report::testkit::three_forvaltninger();
    // Mark the latest quarter as the one in progress, as it is when the report is run in it.
    r.current_quarter = r.quarters.last().expect("a quarter").clone();
    let mut m = Model::new(Lang::Da);
    update(&mut m, &r, Message::Goto(2));
    let screen = draw(&m, &r, 120, 40);
    assert!(
        screen.contains("Vidensniveau, alle forvaltninger (f)"),
        "{screen}"
    );
    assert!(
        screen.contains("25Q1*"),
        "the quarter in progress is marked:\n{screen}"
    );
    assert_eq!(
        to_message(Context::Tabs, press(K::Char('f'))),
        Some(Message::NextForvaltning)
    );
    for name in &r.forvaltninger {
        update(&mut m, &r, Message::NextForvaltning);
        assert_eq!(m.areas_forvaltning(&r), Some(name.as_str()));
        let screen = draw(&m, &r, 120, 40);
        assert!(
            screen.contains(&format!("Vidensniveau, {name} (f)")),
            "{screen}"
        );
        let withheld = r
            .knowledge
            .iter()
            .filter(|k| k.forvaltning.as_deref() == Some(name.as_str()))
            .all(|k| k.figures.is_withheld());
        if withheld {
            // Gamma's two learners: every cell withheld, no figure anywhere in the list.
            let rows: Vec<&str> = screen
                .lines()
                .filter(|l| l.starts_with('│'))
                .filter(|l| l.contains("Sikkerhedspolitik") || l.contains("Adgangsstyring"))
                .collect();
            assert!(!rows.is_empty(), "{screen}");
            for row in rows {
                assert!(row.contains("<5") && row.contains('░'), "{row}");
                assert!(!row.contains('%'), "{row}");
            }
        }
        for lang in [Lang::Da, Lang::En] {
            m.lang = lang;
            for (w, h) in [(80, 24), (120, 40)] {
                insta::assert_snapshot!(
                    format!("areas_{name}_{lang:?}_{w}x{h}").to_lowercase(),
                    draw(&m, &r, w, h)
                );
            }
        }
        m.lang = Lang::Da;
    }
    update(&mut m, &r, Message::NextForvaltning);
    assert_eq!(m.areas_forvaltning(&r), None, "after the last: all again");
    update(&mut m, &r, Message::PrevForvaltning);
    assert_eq!(
        m.areas_forvaltning(&r),
        r.forvaltninger.last().map(String::as_str)
    );
}
