//! The reasons of [`Implausible`] in Danish (the English ones are its `Display`).

use super::Implausible;
use crate::lang::Lang;

impl Implausible {
    /// The reason in Danish or English.
    pub fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Implausible::UnknownModule(m) => format!(
                "modulet `{m}` findes ikke i kursussættet; er det et udgået modul, så lav rapporten med det kursussæt, der havde det (--courses)"
            ),
            Implausible::UnknownQuestion { module, question } => {
                format!(
                    "spørgsmålet `{question}` er ikke et spørgsmål i modulet `{module}` i kursussættet"
                )
            }
            Implausible::UnknownContentHash {
                module,
                version,
                hash,
            } => format!(
                "indholdshashen {hash}… passer ikke til nogen kendt version af modulet `{module}` (posten siger version {version}); indholdet er ændret, eller versionen er ældre end rapportens hukommelse"
            ),
            Implausible::ScoreAboveMax => "scoren er over maksimum".into(),
            Implausible::ScoreDisagreesWithAnswers => {
                "scoren eller maksimum passer ikke til de spørgsmål, posten nævner".into()
            }
            Implausible::PassedDisagreesWithPassMark => {
                "`passed` passer ikke til modulets beståelsesgrænse".into()
            }
            Implausible::FinishedBeforeStart => "forsøget sluttede, før det begyndte".into(),
            Implausible::InTheFuture => {
                "forsøget sluttede i fremtiden (tjek medarbejderens ur)".into()
            }
            Implausible::TooFast { seconds, minimum } => format!(
                "forsøget tog {seconds} s, mindre end de {minimum} s det tager at skimme spørgsmålene"
            ),
        }
    }
}
