//! Prints the home, lesson, quiz and result screens of the bundled courses as text, drawn on
//! ratatui's test backend at 80×24 (a fixed day and a seeded draw, so the output repeats):
//! `cargo run --example screens`. `docs/tui.md` shows its output.

use bevidst::app::runtime::{Services, Stored, dispatch};
use bevidst::app::{FinishedAttempt, Message, Model, Screen};
use bevidst::config::{Config, Learner};
use bevidst::tui::Theme;
use jiff::Timestamp;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

struct Demo {
    rng: ChaCha8Rng,
}

impl Services for Demo {
    type Rng = ChaCha8Rng;
    fn now(&self) -> Timestamp {
        Timestamp::from_second(1_764_320_400).unwrap_or(Timestamp::UNIX_EPOCH)
    }
    fn rng(&mut self) -> &mut ChaCha8Rng {
        &mut self.rng
    }
    fn save_config(&mut self, _: &Config) -> Result<(), String> {
        Ok(())
    }
    fn save_record(
        &mut self,
        _: &FinishedAttempt,
        _: Timestamp,
        _: bevidst::lang::Lang,
    ) -> Result<Stored, String> {
        Ok(Stored {
            receipt: "7F3A-91C2-0B4D".into(),
            copy_problem: None,
        })
    }
}

fn show(title: &str, model: &Model) -> Result<(), Box<dyn std::error::Error>> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24))?;
    terminal.draw(|f| bevidst::tui::view::view(model, Theme { color: false }, f))?;
    println!("{title}\n```text");
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut skip = 0usize;
        for x in 0..buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            if skip == 0 {
                line.push_str(symbol);
            }
            skip = skip
                .max(unicode_width::UnicodeWidthStr::width(symbol))
                .saturating_sub(1);
        }
        println!("{}", line.trim_end());
    }
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
    let mut demo = Demo {
        rng: ChaCha8Rng::seed_from_u64(7),
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
    show("Result", &model)?;
    Ok(())
}
