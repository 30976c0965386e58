//! Prints the home, lesson, quiz and result screens of the bundled courses as text, drawn on
//! ratatui's test backend at 80×24 (a fixed day and a seeded draw, so the output repeats):
//! `cargo run --example screens`. `docs/tui.md` shows its output.

use bevidst::app::runtime::{Offline, SteppingClock, dispatch};
use bevidst::app::{Message, Model, Screen};
use bevidst::config::{Config, Learner};
use bevidst::tui::Theme;
use jiff::Timestamp;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn show(title: &str, model: &Model) -> Result<(), Box<dyn std::error::Error>> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24))?;
    terminal.draw(|f| bevidst::tui::view::view(model, Theme { color: false }, f))?;
    println!("{title}\n```text");
    print!("{}", bevidst::tui::buffer_text(terminal.backend().buffer()));
    println!("```\n");
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let courses = bevidst::course::bundled().map_err(|e| format!("{} course errors", e.len()))?;
    let config = Config {
        learner: Some(Learner {
            employee_id: "ab12".into(),
            forvaltning: "Økonomiforvaltningen".into(),
            start_date: jiff::civil::date(2025, 11, 20),
            role: bevidst::course::Role::Employee,
        }),
        ..Config::default()
    };
    let mut model = Model::new(
        courses,
        config,
        Vec::new(),
        jiff::civil::date(2025, 11, 28),
        "ab12",
    );
    let mut demo = Offline {
        clock: SteppingClock::starting_at(
            Timestamp::from_second(1_764_320_400).unwrap_or(Timestamp::UNIX_EPOCH),
        ),
        rng: ChaCha8Rng::seed_from_u64(7),
        receipt: "7F3A-91C2-0B4D".into(),
    };
    show("Home", &model)?;
    dispatch(&mut model, Message::Confirm, &mut demo);
    show("Lesson", &model)?;
    dispatch(&mut model, Message::StartQuiz, &mut demo);
    dispatch(&mut model, Message::Down, &mut demo);
    dispatch(&mut model, Message::Toggle, &mut demo);
    show("Quiz", &model)?;
    while let Screen::Quiz(q) = &model.screen {
        // Answer right, so the sample shows a pass.
        let module = &model.courses.modules[q.module].module;
        let item = &q.attempt.items[q.current];
        let right: Vec<usize> = (0..item.order.len())
            .filter(|&p| module.questions[item.question].choices[item.order[p]].correct)
            .collect();
        dispatch(&mut model, Message::Answer(right), &mut demo);
        dispatch(&mut model, Message::Confirm, &mut demo);
    }
    dispatch(&mut model, Message::HandIn, &mut demo);
    dispatch(&mut model, Message::Yes, &mut demo);
    show("Result", &model)?;
    Ok(())
}
