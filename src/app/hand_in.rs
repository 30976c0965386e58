//! The hand-in page of a quiz: before an attempt is handed in, every question is listed as
//! answered or not, with a way back to each, and handing in is its own deliberate act (asked
//! once more, since the answers cannot be changed afterwards). Both interfaces show it from
//! here.

use super::QuizState;
use super::doc::{Para, Tone};
use crate::course::LoadedModule;
use crate::lang::Lang;
use crate::safe_text::sanitize;

/// A quiz on its hand-in page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandInState {
    /// The quiz, as answered so far.
    pub quiz: QuizState,
    /// The selected question (index into the attempt).
    pub selected: usize,
}

impl HandInState {
    /// The hand-in page of `quiz`, with its first unanswered question selected (else the
    /// question the learner came from).
    pub fn new(quiz: QuizState) -> HandInState {
        let selected = quiz
            .answers
            .iter()
            .position(crate::quiz::Answer::is_empty)
            .unwrap_or(quiz.current);
        HandInState { quiz, selected }
    }

    /// Per question, whether it is answered and its prompt (display-safe), in attempt order.
    pub fn rows(&self, module: &LoadedModule, lang: Lang) -> Vec<(bool, String)> {
        self.quiz
            .attempt
            .items
            .iter()
            .zip(&self.quiz.answers)
            .map(|(item, answer)| {
                let prompt = module
                    .module
                    .questions
                    .get(item.question)
                    .map(|q| sanitize(q.prompt.get(lang), true))
                    .unwrap_or_default();
                (!answer.is_empty(), prompt)
            })
            .collect()
    }
}

/// The page's heading and what it says before the list: how many are answered, and that
/// handing in is final.
pub fn intro(state: &HandInState, lang: Lang) -> Vec<Para> {
    let answered = state.quiz.answered();
    let total = state.quiz.answers.len();
    let status = match lang {
        Lang::Da => format!("Du har svaret på {answered} af {total} spørgsmål."),
        Lang::En => format!("You have answered {answered} of {total} questions."),
    };
    let what = match (lang, total - answered) {
        (Lang::Da, 0) => "Se dine svar igen, hvis du vil. Når du afleverer, kan du ikke ændre dem.",
        (Lang::En, 0) => {
            "Look at your answers again if you like. Once you hand in, you cannot change them."
        }
        (Lang::Da, _) => {
            "Et ubesvaret spørgsmål tæller som forkert. Gå tilbage til det, eller aflever, når du er klar."
        }
        (Lang::En, _) => {
            "An unanswered question counts as wrong. Go back to it, or hand in when you are ready."
        }
    };
    vec![
        Para::new(
            Tone::Title,
            lang.pick("Aflever quizzen", "Hand in the quiz"),
        ),
        Para::new(Tone::Heading, status),
        Para::new(Tone::Text, what),
    ]
}

/// "Besvaret" or "Ikke besvaret", for a row of the list.
pub fn answered_word(lang: Lang, answered: bool) -> &'static str {
    if answered {
        lang.pick("Besvaret", "Answered")
    } else {
        lang.pick("Ikke besvaret", "Not answered")
    }
}

/// The question before handing in, in the dialog that asks it.
pub fn confirm_text(lang: Lang, unanswered: usize) -> String {
    match unanswered {
        0 => lang
            .pick(
                "Vil du aflevere quizzen nu? Du kan ikke ændre dine svar bagefter.",
                "Hand in the quiz now? You cannot change your answers afterwards.",
            )
            .to_owned(),
        n => super::texts::unanswered_warning(lang, n),
    }
}

/// Said under a question when the learner tried to go on without choosing an answer.
pub fn choose_first(lang: Lang) -> &'static str {
    lang.pick(
        "✗ Vælg et svar, før du går videre. Du kan også springe spørgsmålet over og vende tilbage til det.",
        "✗ Choose an answer before you go on. You can also skip the question and come back to it.",
    )
}
