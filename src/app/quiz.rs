//! The quiz, its result and its review as states of the journey: answering drawn questions,
//! handing in, and reading back what was right. Scoring itself is `crate::quiz`'s.

use jiff::Timestamp;

use super::Message;
use crate::attempt::FinishedAttempt;
use crate::config::Learner;
use crate::course::{LoadedModule, Question, QuestionKind, Selection};
use crate::quiz::{self, Answer, Attempt, Outcome};
use crate::verdict::NotAccepted;

/// An attempt being answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizState {
    /// Index into `courses.modules`.
    pub module: usize,
    /// The drawn questions with their choice order.
    pub attempt: Attempt,
    /// When the quiz started.
    pub started: Timestamp,
    /// The question on screen (index into `attempt.items`).
    pub current: usize,
    /// The highlighted choice (display position).
    pub cursor: usize,
    /// Per question, the marked choices (indices into the question's choices).
    pub answers: Vec<Answer>,
    /// Whether the learner just tried to go on without choosing an answer (the screen says
    /// to choose one first; nothing is ever chosen for them).
    pub needs_answer: bool,
}

/// What happened to the quiz on a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizStep {
    /// Still answering.
    Stay,
    /// On to the hand-in page: after the last question, or asked for.
    Summary,
}

impl QuizState {
    /// A fresh quiz on `attempt`.
    pub fn new(module: usize, attempt: Attempt, started: Timestamp) -> QuizState {
        let n = attempt.items.len();
        QuizState {
            module,
            attempt,
            started,
            current: 0,
            cursor: 0,
            answers: vec![Answer::new(); n],
            needs_answer: false,
        }
    }

    /// The question on screen and its choice order.
    pub fn current_question<'m>(
        &self,
        module: &'m LoadedModule,
    ) -> Option<(&'m Question, &[usize])> {
        let item = self.attempt.items.get(self.current)?;
        let q = module.module.questions.get(item.question)?;
        Some((q, &item.order))
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| !a.is_empty()).count()
    }

    /// How many questions have none.
    pub fn unanswered(&self) -> usize {
        self.answers.len() - self.answered()
    }

    /// Goes to question `index` (clamped to the attempt).
    pub fn go_to(&mut self, index: usize, module: &LoadedModule) {
        self.current = index.min(self.attempt.items.len().saturating_sub(1));
        // Put the cursor on the first marked choice, so returning to a question shows the answer.
        self.cursor = self
            .current_question(module)
            .and_then(|(_, order)| {
                let answer = self.answers.get(self.current)?;
                order.iter().position(|c| answer.contains(c))
            })
            .unwrap_or(0);
    }

    /// Marks the choice at display position `pos`: single-answer questions replace the answer,
    /// multiple-choice questions toggle it.
    fn mark(&mut self, pos: usize, kind: QuestionKind, order: &[usize]) {
        let (Some(&choice), Some(answer)) = (order.get(pos), self.answers.get_mut(self.current))
        else {
            return;
        };
        self.cursor = pos;
        match kind.selection() {
            Selection::Many => {
                if !answer.remove(&choice) {
                    answer.insert(choice);
                }
            }
            Selection::One => {
                answer.clear();
                answer.insert(choice);
            }
        }
    }

    /// Handles a message while answering.
    pub fn handle(&mut self, msg: &Message, module: &LoadedModule) -> QuizStep {
        self.needs_answer = false;
        let Some((q, order)) = self.current_question(module) else {
            return QuizStep::Summary;
        };
        let kind = q.kind;
        let order = order.to_vec();
        let last = self.attempt.items.len().saturating_sub(1);
        match msg {
            Message::Up => self.cursor = self.cursor.saturating_sub(1),
            Message::Down => self.cursor = (self.cursor + 1).min(order.len().saturating_sub(1)),
            Message::First => self.cursor = 0,
            Message::Last => self.cursor = order.len().saturating_sub(1),
            Message::Pick(pos) => self.mark(*pos, kind, &order),
            Message::Toggle => self.mark(self.cursor, kind, &order),
            Message::Answer(positions) => {
                let valid = positions.iter().all(|p| *p < order.len());
                let allowed = match kind.selection() {
                    Selection::Many => true,
                    Selection::One => positions.len() <= 1,
                };
                if valid
                    && allowed
                    && let Some(answer) = self.answers.get_mut(self.current)
                {
                    *answer = positions.iter().map(|p| order[*p]).collect();
                    if let Some(&p) = positions.first() {
                        self.cursor = p;
                    }
                }
            }
            Message::Prev => self.go_to(self.current.saturating_sub(1), module),
            // The hand-in page: asked for, or on from the last question.
            Message::HandIn => return QuizStep::Summary,
            // An answer is always the learner's explicit choice: Enter never takes the
            // highlighted one for them (skipping is its own key).
            Message::Confirm if self.answers.get(self.current).is_none_or(Answer::is_empty) => {
                self.needs_answer = true;
            }
            Message::Next | Message::Confirm if self.current >= last => {
                return QuizStep::Summary;
            }
            Message::Next | Message::Confirm => self.go_to(self.current + 1, module),
            _ => {}
        }
        QuizStep::Stay
    }

    /// Scores the attempt and turns it into a result waiting to be stored.
    pub fn hand_in(self, module: &LoadedModule) -> ResultState {
        let outcome = quiz::score(&module.module, &self.attempt, &self.answers);
        ResultState {
            module: self.module,
            attempt: self.attempt,
            answers: self.answers,
            started: self.started,
            outcome,
            save: SaveState::Saving,
            acceptance: Acceptance::Pending,
        }
    }
}

/// Whether a handed-in attempt counts: the verdict ([`crate::verdict`]), the same the report
/// gives its record. Known once the record is stored, with its finish time; until then the
/// result shows the score, never "passed".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acceptance {
    /// Not judged yet (the record is being stored, or could not be).
    Pending,
    /// The attempt counts.
    Accepted,
    /// The attempt is recorded, but does not count, and why.
    NotAccepted(NotAccepted),
}

/// What kind of answer a question wants, as said under its prompt ("Vælg ét svar."), or
/// `None` when the prompt already says it in the same words (many course questions end in
/// "Vælg alle, der passer."), so it is never said twice.
pub fn answer_hint(question: &Question, lang: crate::lang::Lang) -> Option<&'static str> {
    let t = super::texts::texts(lang);
    let hint = match question.kind {
        QuestionKind::Single => t.kind_single,
        QuestionKind::Multiple => t.kind_multiple,
        QuestionKind::TrueFalse => t.kind_true_false,
    };
    let prompt = question.prompt.get(lang).trim_end();
    (!prompt.ends_with(hint)).then_some(hint)
}

/// Where the record of a result stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Asked to be stored; no answer yet.
    Saving,
    /// Stored safely.
    Stored {
        /// The completion receipt.
        receipt: String,
        /// Why the copy to the collection folder failed, if it did, as the learner reads it
        /// (`texts::copy_failed`).
        copy_problem: Option<String>,
        /// Why the record is not in the Learning Record Store yet, if one is configured and
        /// it is not, as the learner reads it (`courier::Failure`).
        send_problem: Option<String>,
    },
    /// Could not be stored (why); the learner can try again.
    Failed(String),
}

/// A handed-in attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultState {
    /// Index into `courses.modules`.
    pub module: usize,
    /// The questions that were asked.
    pub attempt: Attempt,
    /// The learner's answers.
    pub answers: Vec<Answer>,
    /// When the quiz started.
    pub started: Timestamp,
    /// The score.
    pub outcome: Outcome,
    /// Whether the record is stored.
    pub save: SaveState,
    /// Whether the attempt counts.
    pub acceptance: Acceptance,
}

impl ResultState {
    /// The finished attempt to store, for `learner`. Its finish time is its start time until
    /// the runtime sets it from the clock ([`FinishedAttempt::finish_at`]).
    pub fn finished(&self, module: &LoadedModule, learner: &Learner) -> FinishedAttempt {
        let started = u64::try_from(self.started.as_second()).unwrap_or(0);
        FinishedAttempt::from_scored(
            module,
            &self.attempt,
            &self.outcome,
            (&learner.employee_id, &learner.forvaltning),
            started,
            started,
        )
    }

    /// Whether the record is stored.
    pub fn is_stored(&self) -> bool {
        matches!(self.save, SaveState::Stored { .. })
    }
}

/// The review of a result, one question at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewState {
    /// The result being reviewed.
    pub result: ResultState,
    /// The question on screen (index into the attempt).
    pub index: usize,
    /// Lines scrolled down.
    pub scroll: usize,
}
