//! A synthetic course set of a realistic shape: one onboarding module and a number of yearly
//! refreshers, each with a bank that covers several areas of policy 1.3. Written as RON and
//! loaded through the real loader, so its content hashes are the real ones. Used by the
//! simulator (when no course set is given), the benchmark and the report's tests; the
//! benchmark's figures then do not change when the bundled courses do.

use std::fmt::Write as _;

use crate::course::{CourseError, CourseSet};
use crate::policy::{Area, Goal};

/// The shape of a synthetic course set.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Yearly refresher modules besides the onboarding module.
    pub refreshers: usize,
    /// Questions in each bank.
    pub bank: usize,
    /// Questions per attempt.
    pub draw: usize,
}

impl Default for Shape {
    /// One onboarding module and six yearly refreshers, banks of 16, attempts of 8.
    fn default() -> Self {
        Shape {
            refreshers: 6,
            bank: 16,
            draw: 8,
        }
    }
}

/// The id of the `i`-th synthetic module (0 is the onboarding module).
pub fn module_id(i: usize) -> String {
    if i == 0 {
        "sim-start".to_owned()
    } else {
        format!("sim-opfrisk-{i}")
    }
}

/// The RON text of the `i`-th module of a synthetic set.
pub fn module_ron(i: usize, shape: Shape) -> String {
    let kind = if i == 0 {
        "Onboarding".to_owned()
    } else {
        "Refresher(every_months: 12)".to_owned()
    };
    let id = module_id(i);
    let mut questions = String::new();
    for q in 0..shape.bank {
        // Each module leans on a few areas, as real modules do; across modules all eleven
        // areas and three goals are covered.
        let area = Area::ALL[(i * 3 + q % 4) % Area::ALL.len()];
        let goal = Goal::ALL[(i + q) % Goal::ALL.len()];
        let _ = write!(
            questions,
            r#"Question(id: "{id}-q{q:02}", area: {area}, goals: [{goal:?}], section: "1.6", kind: Single,
  prompt: (da: "Spørgsmål {q} i modul {i}: hvad gør du, når en ukendt afsender beder dig åbne et vedhæftet dokument om din løn?", en: "Question {q} of module {i}: what do you do when an unknown sender asks you to open an attachment about your salary?"),
  choices: [
    Choice(text: (da: "Åbner det straks.", en: "Open it at once."), correct: false, feedback: (da: "Nej.", en: "No.")),
    Choice(text: (da: "Kontakter it-supporten først.", en: "Contact IT support first."), correct: true, feedback: (da: "Ja.", en: "Yes.")),
    Choice(text: (da: "Videresender det til kolleger.", en: "Forward it to colleagues."), correct: false, feedback: (da: "Nej.", en: "No.")),
  ],
  explanation: (da: "Ukendte vedhæftninger kan være skadelige.", en: "Unknown attachments can be harmful.")),
"#,
            area = area.ident(),
        );
    }
    format!(
        r#"Module(id: "{id}", version: 1, kind: {kind},
  title: (da: "Simuleret modul {i}", en: "Simulated module {i}"),
  summary: (da: "Et genereret modul til test og måling.", en: "A generated module for tests and benchmarks."),
  sections: ["1.6"],
  lessons: [Lesson(title: (da: "Læs", en: "Read"), section: "1.6", body: (da: "Tekst.", en: "Text."))],
  questions: [
{questions}  ],
  draw: {draw}, pass_mark: 75)
"#,
        draw = shape.draw,
    )
}

/// Builds and loads a synthetic course set of the given shape.
pub fn synthetic_courses(shape: Shape) -> Result<CourseSet, Vec<CourseError>> {
    let files: Vec<(String, String)> = (0..=shape.refreshers)
        .map(|i| (format!("sim/{}.ron", module_id(i)), module_ron(i, shape)))
        .collect();
    CourseSet::from_sources(files.iter().map(|(n, s)| (n.clone(), s.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_synthetic_set_loads_and_validates() {
        let set = synthetic_courses(Shape::default()).expect("synthetic courses are valid");
        assert_eq!(set.modules.len(), 7);
        assert_eq!(set.modules[0].module.every_months(), None);
        assert_eq!(set.modules[1].module.every_months(), Some(12));
        assert_eq!(set.modules[3].module.questions.len(), 16);
    }
}
