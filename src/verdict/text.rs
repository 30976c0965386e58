//! The reasons of [`NotAccepted`] in Danish and English, side by side: the one home of these
//! texts, for the learner's result and the report alike.

use std::fmt;

use super::NotAccepted;
use crate::lang::Lang;
use crate::message::{Bi, Bilingual};

impl Bilingual for NotAccepted {
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per reason, each a pair of texts"
    )]
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fixed = match self {
            NotAccepted::UnknownModule(m) => {
                return lang.write(
                    out,
                    format_args!(
                        "modulet `{m}` findes ikke i kursussættet; er det et udgået modul, så lav \
                         rapporten med det kursussæt, der havde det (--courses)"
                    ),
                    format_args!(
                        "module `{m}` is not in the course set; if it is a retired module, report \
                         with the course set that had it (--courses)"
                    ),
                );
            }
            NotAccepted::UnknownContentHash {
                module,
                version,
                hash,
            } => {
                return lang.write(
                    out,
                    format_args!(
                        "indholdshashen {hash}… passer ikke til nogen kendt version af modulet \
                         `{module}` (forsøget siger version {version}); indholdet er ændret, eller \
                         versionen er ældre end rapportens hukommelse"
                    ),
                    format_args!(
                        "content hash {hash}… is not that of any known version of module \
                         `{module}` (the attempt says version {version}); the content was \
                         altered, or the version predates this report's memory"
                    ),
                );
            }
            NotAccepted::WrongCount { answers, draw } => {
                return lang.write(
                    out,
                    format_args!(
                        "forsøget nævner {answers} svar, men modulet stiller {draw} spørgsmål"
                    ),
                    format_args!(
                        "the attempt lists {answers} answers, but the module asks {draw} questions"
                    ),
                );
            }
            NotAccepted::UnknownQuestion { module, question } => {
                return lang.write(
                    out,
                    format_args!(
                        "spørgsmålet `{question}` er ikke et spørgsmål i modulet `{module}` i \
                         kursussættet"
                    ),
                    format_args!(
                        "question `{question}` is not a question of module `{module}` in the \
                         course set"
                    ),
                );
            }
            NotAccepted::RepeatedQuestion(q) => {
                return lang.write(
                    out,
                    format_args!(
                        "spørgsmålet `{q}` står der mere end én gang; en quiz stiller hvert \
                         spørgsmål én gang"
                    ),
                    format_args!(
                        "question `{q}` is listed more than once; a quiz asks each question once"
                    ),
                );
            }
            NotAccepted::AreaDisagrees(q) => {
                return lang.write(
                    out,
                    format_args!(
                        "spørgsmålet `{q}` står under et andet område, end kurset giver det"
                    ),
                    format_args!(
                        "question `{q}` is listed under another area than the course gives it"
                    ),
                );
            }
            NotAccepted::ScoreAboveMax => {
                Bi::new("scoren er over maksimum", "the score is above the maximum")
            }
            NotAccepted::ScoreDisagreesWithAnswers => Bi::new(
                "scoren eller maksimum passer ikke til de spørgsmål, forsøget nævner",
                "the score or the maximum does not match the questions listed",
            ),
            NotAccepted::PassedDisagreesWithPassMark => Bi::new(
                "`passed` passer ikke til modulets beståelsesgrænse",
                "`passed` does not agree with the module's pass mark",
            ),
            NotAccepted::FinishedBeforeStart => Bi::new(
                "forsøget sluttede, før det begyndte",
                "the attempt finished before it started",
            ),
            NotAccepted::BeforeEarliest => Bi::new(
                "forsøget er dateret før 2020, før nogen post fra bevidst kan findes (tjek \
                 computerens ur)",
                "the attempt is dated before 2020, before any bevidst record can exist (check \
                 the computer's clock)",
            ),
            NotAccepted::InTheFuture => Bi::new(
                "forsøget sluttede i fremtiden (tjek computerens ur)",
                "the attempt finished in the future (check the computer's clock)",
            ),
            NotAccepted::TooLong { seconds } => {
                return lang.write(
                    out,
                    format_args!("forsøget tog {seconds} s, mere end de 24 timer, en quiz må tage"),
                    format_args!(
                        "the attempt took {seconds} s, more than the 24 hours a quiz may take"
                    ),
                );
            }
            NotAccepted::TooFast { seconds, minimum } => {
                return lang.write(
                    out,
                    format_args!(
                        "forsøget tog {seconds} s, mindre end de {minimum} s, det tager at \
                         skimme spørgsmålene"
                    ),
                    format_args!(
                        "the attempt took {seconds} s, less than the {minimum} s it takes to skim \
                         its questions"
                    ),
                );
            }
        };
        fixed.write(lang, out)
    }
}

crate::danish_display!(NotAccepted);
