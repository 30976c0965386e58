//! Why a typed answer is not accepted, in the learner's words.

use crate::app::texts;
use crate::config::IdProblem;
use crate::lang::Lang;

/// Why a typed answer is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormError {
    /// The employee id breaks the id rule.
    Id(IdProblem),
    /// The date cannot be read.
    DateUnreadable,
    /// The date is written right but does not exist (30 February).
    DateNotExists,
    /// The date is before 1970 or more than a year ahead.
    DateRange,
    /// No forvaltning was chosen (none is chosen for the learner).
    NoForvaltning,
}

impl FormError {
    /// The problem in the learner's language, with what to do.
    pub fn text(self, lang: Lang) -> String {
        let t = texts::texts(lang);
        match self {
            FormError::Id(IdProblem::Empty) => t.err_id_empty.to_owned(),
            FormError::Id(IdProblem::TooLong) => t.err_id_too_long.to_owned(),
            FormError::Id(IdProblem::BadChar(c)) => texts::err_id_char(lang, c),
            FormError::DateUnreadable => t.err_date_unreadable.to_owned(),
            FormError::DateRange => t.err_date_range.to_owned(),
            FormError::DateNotExists => lang
                .pick(
                    "Den dato findes ikke. Tjek dag og måned.",
                    "That date does not exist. Check the day and the month.",
                )
                .to_owned(),
            FormError::NoForvaltning => lang
                .pick(
                    "Vælg den forvaltning, du arbejder i, på listen.",
                    "Choose the administration you work in from the list.",
                )
                .to_owned(),
        }
    }
}
