//! The follow-up view without a terminal: its keys, sorting and the forvaltning filter, the
//! personal-data banner on every screen, snapshots at 80×24 and 120×40, and the dashboard of
//! the same collection still naming no one.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyModifiers;

use super::*;
use crate::report::model::{Problem, ProblemKind, Report};
use std::fmt::Write as _;

use crate::report::report_from_completions;
use crate::report::roster::parse_roster;
use crate::report::testkit::{completion, courses, index, settings};
use crate::tui::buffer_text;

const NO_COLOR: Theme = Theme { color: false };

/// Three forvaltninger of 9, 6 and 3 on a roster: a quarter never started, a quarter failed
/// onboarding, a quarter answered too fast to be accepted (the report's own problems, by
/// file and line), a quarter passed; and a broken log.
fn data() -> (Report, FollowUpData) {
    let set = courses();
    let mut roster = String::from("medarbejder,forvaltning,startdato\n");
    let mut items = Vec::new();
    for (f, n) in [("Alfa", 9_u32), ("Beta", 6), ("Gamma", 3)] {
        for i in 0..n {
            let id = format!("{f}{i}");
            let start = if i % 2 == 0 {
                "2024-09-01"
            } else {
                "2025-01-10"
            };
            let _ = writeln!(roster, "{id},{f},{start}");
            let at = 1_738_400_000 + i64::from(i) * 86_400;
            let mut c = match i % 4 {
                0 => continue,
                1 => completion(&set, 0, &id, f, at, &[false; 4]),
                _ => completion(&set, 0, &id, f, at, &[true; 4]),
            };
            if i % 4 == 2 {
                c.attempt.started = c.attempt.finished;
            }
            items.push((format!("{id}.ron"), u64::from(i) + 2, c));
        }
    }
    let (roster, _) =
        parse_roster(std::path::Path::new("r.csv"), roster.as_bytes()).expect("roster");
    let (r, mut f) = report_from_completions(
        &index(),
        &settings(5),
        Some(&roster),
        items.iter().map(|(p, l, c)| (p.as_str(), *l, c)),
    );
    f.problems.push(Problem {
        path: "Beta9.ron".into(),
        line: Some(4),
        kind: ProblemKind::BrokenChain,
        message: "the chain breaks here".into(),
        records: 3,
        who: None,
    });
    let d = FollowUpData::new(&f, &r.modules);
    (r, d)
}

fn draw(m: &Model, d: &FollowUpData, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| view(m, d, NO_COLOR, f)).expect("drawn");
    buffer_text(terminal.backend().buffer())
}

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn keys_sort_filter_and_leave_and_none_is_bound_twice() {
    assert_eq!(keys::bound_twice(KEYS, &Context::ALL), None);
    let tabs = Context::Tabs;
    assert_eq!(to_message(tabs, press(K::Char('s'))), Some(Message::Sort));
    assert_eq!(
        to_message(tabs, press(K::Char('f'))),
        Some(Message::NextForvaltning)
    );
    assert_eq!(
        to_message(tabs, press(K::Char('F'))),
        Some(Message::PrevForvaltning)
    );
    assert_eq!(
        to_message(tabs, press(K::Char('2'))),
        Some(Message::Goto(1))
    );
    assert_eq!(to_message(tabs, press(K::Char('3'))), None);
    assert_eq!(
        to_message(Context::Help, press(K::Esc)),
        Some(Message::CloseHelp)
    );
    let ctrl_c = KeyEvent::new(K::Char('c'), KeyModifiers::CONTROL);
    for ctx in Context::ALL {
        assert_eq!(to_message(ctx, ctrl_c), Some(Message::Quit), "{ctx:?}");
    }
    // The footer and the help come from the table.
    let hints = keys::hints(KEYS, &tabs, Lang::Da);
    assert!(
        hints.iter().any(|(k, l)| k == "s" && *l == "sortér"),
        "{hints:?}"
    );
    assert!(hints.iter().any(|(k, _)| k == "f"), "{hints:?}");
}

#[test]
fn s_cycles_the_order_and_every_order_holds() {
    let (_, d) = data();
    assert!(d.people.len() > 3, "enough people to sort");
    let mut m = Model::new(Lang::Da);
    let days =
        |m: &Model| -> Vec<i32> { people_shown(m, &d).iter().map(|p| p.most_days()).collect() };
    let most = days(&m);
    assert!(most.windows(2).all(|w| w[0] >= w[1]), "{most:?}");
    update(&mut m, &d, Message::Down);
    update(&mut m, &d, Message::Sort);
    assert_eq!(
        (m.sort, m.row()),
        (SortBy::Forvaltning, 0),
        "back to the top"
    );
    let by_forv: Vec<(String, i32)> = people_shown(&m, &d)
        .iter()
        .map(|p| (p.forvaltning.clone(), -p.most_days()))
        .collect();
    assert!(by_forv.windows(2).all(|w| w[0] <= w[1]), "{by_forv:?}");
    update(&mut m, &d, Message::Sort);
    let ids: Vec<&str> = people_shown(&m, &d)
        .iter()
        .map(|p| p.learner.as_str())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] <= w[1]), "{ids:?}");
    update(&mut m, &d, Message::Sort);
    assert_eq!(m.sort, SortBy::MostOverdue, "round again");
    // Every order shows the same people.
    assert_eq!(ids.len(), most.len());
}

#[test]
fn f_filters_to_one_forvaltning_at_a_time_and_round_to_all() {
    let (_, d) = data();
    let mut m = Model::new(Lang::En);
    let everyone = people_shown(&m, &d).len();
    let mut seen = 0;
    for name in &d.forvaltninger {
        update(&mut m, &d, Message::NextForvaltning);
        assert_eq!(m.filter(&d), Some(name.as_str()));
        let shown = people_shown(&m, &d);
        assert!(!shown.is_empty() && shown.iter().all(|p| &p.forvaltning == name));
        seen += shown.len();
        let screen = draw(&m, &d, 120, 40);
        assert!(screen.contains(&format!("· {name} (f)")), "{screen}");
    }
    assert_eq!(seen, everyone, "each person in one forvaltning");
    update(&mut m, &d, Message::NextForvaltning);
    assert_eq!(m.filter(&d), None, "after the last: all again");
    update(&mut m, &d, Message::PrevForvaltning);
    assert_eq!(m.filter(&d), d.forvaltninger.last().map(String::as_str));
    // The selection stays on the list.
    for _ in 0..100 {
        update(&mut m, &d, Message::Down);
    }
    assert_eq!(m.row() + 1, people_shown(&m, &d).len());
}

#[test]
fn the_files_tab_groups_problems_by_file_and_kind() {
    let problem = |path: &str, line, kind| Problem {
        path: path.into(),
        line,
        kind,
        message: format!("{kind:?} at {line:?}"),
        records: 1,
        who: None,
    };
    let f = FollowUp {
        problems: vec![
            problem("b.ron", Some(4), ProblemKind::BrokenChain),
            problem("a.ron", Some(7), ProblemKind::NotAccepted),
            problem("a.ron", Some(2), ProblemKind::NotAccepted),
            problem("a.ron", None, ProblemKind::TornTail),
        ],
        ..FollowUp::default()
    };
    let groups: Vec<(&str, ProblemKind, u64, Vec<u64>)> = f
        .problems_by_file()
        .into_iter()
        .map(|g| (leak(g.path), g.kind, g.problems, g.lines))
        .collect();
    assert_eq!(
        groups,
        [
            ("a.ron", ProblemKind::TornTail, 1, vec![]),
            ("a.ron", ProblemKind::NotAccepted, 2, vec![2, 7]),
            ("b.ron", ProblemKind::BrokenChain, 1, vec![4]),
        ]
    );
    // The view lists the report's own: each attempt not accepted, at its file and line.
    let (_, d) = data();
    let not_accepted: Vec<&FileProblems> = d
        .files
        .iter()
        .filter(|g| matches!(g.kind, ProblemKind::NotAccepted))
        .collect();
    assert_eq!(not_accepted.len(), 4, "{:?}", d.files);
    let mut m = Model::new(Lang::Da);
    update(&mut m, &d, Message::Goto(1));
    let screen = draw(&m, &d, 120, 40);
    assert!(screen.contains("Alfa2.ron"), "{screen}");
    assert!(
        screen.contains("Problemer: 1 · poster ikke talt med: 1 · linjer: 4"),
        "{screen}"
    );
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

#[test]
fn every_screen_says_it_is_personal_data_first() {
    let (_, d) = data();
    for lang in [Lang::Da, Lang::En] {
        let mut m = Model::new(lang);
        for (w, h) in [(80, 24), (120, 40), (60, 12)] {
            for tab in Tab::ALL {
                m.tab = tab;
                for help in [false, true] {
                    m.help = help;
                    let screen = draw(&m, &d, w, h);
                    let first = screen.lines().next().unwrap_or_default();
                    let word = lang.pick("Personoplysninger", "Personal data");
                    assert!(first.contains(word), "{w}×{h} {tab:?}:\n{screen}");
                }
            }
        }
    }
}

#[test]
fn the_view_names_the_people_and_the_dashboard_of_the_same_collection_does_not() {
    let (r, d) = data();
    let m = Model::new(Lang::Da);
    let screen = draw(&m, &d, 120, 40);
    let named: Vec<&str> = d
        .people
        .iter()
        .map(|p| p.learner.as_str())
        .filter(|id| screen.contains(id))
        .collect();
    assert!(!named.is_empty(), "{screen}");
    let mut dm = crate::tui::report::Model::new(Lang::Da);
    for tab in crate::tui::report::Tab::ALL {
        dm.tab = tab;
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        terminal
            .draw(|f| crate::tui::report::view(&dm, &r, NO_COLOR, f))
            .expect("drawn");
        let dashboard = buffer_text(terminal.backend().buffer());
        for id in d.people.iter().map(|p| &p.learner) {
            assert!(
                !dashboard
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == id),
                "{tab:?} names {id}"
            );
        }
        assert!(!dashboard.contains("Personoplysninger"));
    }
}

#[test]
fn snapshots_at_80x24_and_120x40() {
    let (_, d) = data();
    for lang in [Lang::Da, Lang::En] {
        let mut m = Model::new(lang);
        for (w, h) in [(80, 24), (120, 40)] {
            for tab in Tab::ALL {
                m.tab = tab;
                let name = format!("followup_{lang:?}_{w}x{h}_{tab:?}").to_lowercase();
                insta::assert_snapshot!(name, draw(&m, &d, w, h));
            }
            m.tab = Tab::People;
            m.help = true;
            let name = format!("followup_{lang:?}_{w}x{h}_help").to_lowercase();
            insta::assert_snapshot!(name, draw(&m, &d, w, h));
            m.help = false;
        }
    }
}

#[test]
fn tiny_terminals_get_a_message_not_a_panic() {
    let (_, d) = data();
    let mut m = Model::new(Lang::Da);
    for tab in Tab::ALL {
        m.tab = tab;
        for (w, h) in [(1, 1), (20, 5), (59, 30), (200, 60)] {
            let screen = draw(&m, &d, w, h);
            if w < 60 {
                assert!(w < 20 || screen.contains("Terminalen"), "{screen}");
            }
        }
    }
}
