//! Why a typed answer is not accepted, in the learner's words, with what to do.

use std::fmt;

use crate::config::IdProblem;
use crate::lang::Lang;
use crate::message::{Bi, Bilingual};

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
    /// No role was chosen (none is chosen for the learner).
    NoRole,
}

/// The rule an employee id follows, said after a character it may not contain.
const ID_RULE: Bi = Bi::new(
    "Brug bogstaverne a–z, tal, punktum, bindestreg og understreg.",
    "Use the letters a–z, digits, dot, hyphen and underscore.",
);

impl Bilingual for FormError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fixed = match self {
            FormError::Id(IdProblem::Empty) => {
                Bi::new("Skriv dit medarbejdernummer.", "Type your employee id.")
            }
            FormError::Id(IdProblem::TooLong) => Bi::new(
                "Medarbejdernummeret må højst have 64 tegn.",
                "The employee id may have at most 64 characters.",
            ),
            FormError::Id(IdProblem::BadChar(c)) => return bad_char(*c, lang, out),
            FormError::DateUnreadable => Bi::new(
                "Datoen kan ikke læses. Skriv den som ÅÅÅÅ-MM-DD, fx 2025-08-01.",
                "That date cannot be read. Write it as YYYY-MM-DD, e.g. 2025-08-01.",
            ),
            FormError::DateRange => Bi::new(
                "Datoen ligger uden for det mulige. Tjek årstallet.",
                "That date is out of range. Check the year.",
            ),
            FormError::DateNotExists => Bi::new(
                "Den dato findes ikke. Tjek dag og måned.",
                "That date does not exist. Check the day and the month.",
            ),
            FormError::NoForvaltning => Bi::new(
                "Vælg den forvaltning, du arbejder i, på listen.",
                "Choose the administration you work in from the list.",
            ),
            FormError::NoRole => Bi::new(
                "Vælg på listen, om du er leder med personaleansvar.",
                "Choose from the list whether you are a manager with personnel responsibility.",
            ),
        };
        fixed.write(lang, out)
    }
}

crate::danish_display!(FormError);

/// A character the employee id may not contain, and the rule.
fn bad_char(c: char, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
    let rule = ID_RULE.get(lang);
    // An invisible character (a control or a direction mark copied along with the id) is
    // named by its code, since showing it would show nothing, or turn the text around.
    let invisible = c.is_control() || crate::safe_text::forbidden_char(c).is_some();
    let code = u32::from(c);
    if invisible {
        lang.write(
            out,
            format_args!(
                "Medarbejdernummeret indeholder et usynligt tegn (U+{code:04X}), fx fra kopieret \
                 tekst. Skriv det igen. {rule}"
            ),
            format_args!(
                "The employee id contains an invisible character (U+{code:04X}), e.g. from \
                 copied text. Type it again. {rule}"
            ),
        )
    } else if c.is_whitespace() {
        lang.write(
            out,
            format_args!("Medarbejdernummeret må ikke indeholde mellemrum. {rule}"),
            format_args!("The employee id may not contain spaces. {rule}"),
        )
    } else {
        lang.write(
            out,
            format_args!("Tegnet »{c}« kan ikke bruges. {rule}"),
            format_args!("The character “{c}” cannot be used. {rule}"),
        )
    }
}
