//! The reasons of [`NotAccepted`] in Danish and English (the English ones are its `Display`):
//! the one home of these texts, for the learner's result and the report alike.

use super::NotAccepted;
use crate::lang::Lang;

impl NotAccepted {
    /// The reason in Danish or English.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Da => self.danish(),
        }
    }

    fn danish(&self) -> String {
        match self {
            NotAccepted::UnknownModule(m) => format!(
                "modulet `{m}` findes ikke i kursussættet; er det et udgået modul, så lav rapporten med det kursussæt, der havde det (--courses)"
            ),
            NotAccepted::UnknownContentHash {
                module,
                version,
                hash,
            } => format!(
                "indholdshashen {hash}… passer ikke til nogen kendt version af modulet `{module}` (forsøget siger version {version}); indholdet er ændret, eller versionen er ældre end rapportens hukommelse"
            ),
            NotAccepted::WrongCount { answers, draw } => format!(
                "forsøget nævner {answers} svar, men modulet stiller {draw} spørgsmål"
            ),
            NotAccepted::UnknownQuestion { module, question } => format!(
                "spørgsmålet `{question}` er ikke et spørgsmål i modulet `{module}` i kursussættet"
            ),
            NotAccepted::RepeatedQuestion(q) => format!(
                "spørgsmålet `{q}` står der mere end én gang; en quiz stiller hvert spørgsmål én gang"
            ),
            NotAccepted::AreaDisagrees(q) => {
                format!("spørgsmålet `{q}` står under et andet område, end kurset giver det")
            }
            NotAccepted::ScoreAboveMax => "scoren er over maksimum".into(),
            NotAccepted::ScoreDisagreesWithAnswers => {
                "scoren eller maksimum passer ikke til de spørgsmål, forsøget nævner".into()
            }
            NotAccepted::PassedDisagreesWithPassMark => {
                "`passed` passer ikke til modulets beståelsesgrænse".into()
            }
            NotAccepted::FinishedBeforeStart => "forsøget sluttede, før det begyndte".into(),
            NotAccepted::BeforeEarliest => {
                "forsøget er dateret før 2020, før nogen post fra bevidst kan findes (tjek computerens ur)"
                    .into()
            }
            NotAccepted::InTheFuture => {
                "forsøget sluttede i fremtiden (tjek computerens ur)".into()
            }
            NotAccepted::TooLong { seconds } => format!(
                "forsøget tog {seconds} s, mere end de 24 timer, en quiz må tage"
            ),
            NotAccepted::TooFast { seconds, minimum } => format!(
                "forsøget tog {seconds} s, mindre end de {minimum} s, det tager at skimme spørgsmålene"
            ),
        }
    }
}
