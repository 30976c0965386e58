//! What the learner is told, in Danish or English: the notices from opening the log and the
//! errors of the record store. `Display` of [`RecordError`] is the English text.

use std::path::Path;

use super::{OpenNotice, RecordError};
use crate::lang::Lang;

impl RecordError {
    /// The error in words for the learner, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            RecordError::Io { path, source, .. } => format!(
                "{} kunne ikke læses eller skrives ({source}); tjek at disken er tilgængelig",
                path.display()
            ),
            RecordError::Locked { path } => format!(
                "{} bruges af en anden bevidst, der kører; luk det andet bevidst-vindue og prøv \
                 igen (loggen er ikke ændret)",
                path.display()
            ),
            RecordError::Damaged { path, bad } => format!(
                "{}, linje {}: {}. Filen er ikke ændret. Intet kan gemmes, før it har set på \
                 den: kontakt it-sikkerhedsfunktionen og send dem filen",
                path.display(),
                bad.line,
                bad.problem.text(Lang::Da)
            ),
            RecordError::InvalidAttempt(why) => {
                format!("gennemførelsen kan ikke gemmes: {why}")
            }
            RecordError::Append { path, source, .. } => format!(
                "gennemførelsen kunne ikke gemmes i {} ({source}); loggen har stadig alle \
                 tidligere gennemførelser. Frigør diskplads eller tjek disken, og tag quizzen \
                 igen",
                path.display()
            ),
            RecordError::ChangedUnderneath { path } => format!(
                "{} blev ændret, mens bevidst kørte (den er blevet kortere); intet er skrevet. \
                 Kontakt it-sikkerhedsfunktionen",
                path.display()
            ),
            RecordError::CollectionUnreachable { dir, source } => format!(
                "samlemappen {} kan ikke nås ({source}); din gennemførelse er gemt på denne \
                 computer og kopieres, næste gang bevidst starter",
                dir.display()
            ),
            RecordError::CollectionWrite { path, source } => format!(
                "kopien {} kan ikke skrives i samlemappen ({source}); din gennemførelse er \
                 gemt på denne computer og kopieres, næste gang bevidst starter",
                path.display()
            ),
            RecordError::CollectionDiverged { path } => format!(
                "kopien {} i samlemappen passer ikke med loggen på denne computer; ingen af dem \
                 er ændret. Kontakt it-sikkerhedsfunktionen",
                path.display()
            ),
            RecordError::Foreign(e) => format!(
                "loggen {} kan ikke bruges: {}",
                e.path().display(),
                e.reason(lang)
            ),
            RecordError::CollectionBlocked(e) => format!(
                "kopien {} i samlemappen er ikke en log: {}. Den er ikke rørt. Din gennemførelse \
                 er gemt på denne computer. Kontakt it-sikkerhedsfunktionen",
                e.path().display(),
                e.reason(lang)
            ),
            RecordError::Unwritable { dir, reason } => format!(
                "der kan ikke skrives i mappen {} ({reason}); dine resultater kan ikke gemmes på \
                 denne computer. Kontakt din it-support",
                dir.display()
            ),
            RecordError::NotThisInstallation { path, expected } => format!(
                "{} er ikke loggen for installation {expected}; intet er kopieret",
                path.display()
            ),
        }
    }
}

impl OpenNotice {
    /// What the learner should be told, one message per event, in `lang`.
    pub fn messages(&self, lang: Lang, log: &Path) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(t) = &self.torn {
            out.push(match lang {
                Lang::Da => format!(
                    "Den sidste linje i {} var afbrudt (nedbrud eller strømsvigt). Den er \
                     flyttet til {} ({} bytes) og ikke slettet; alle kvitteringer, du har \
                     fået, er stadig i loggen.",
                    log.display(),
                    t.side_file.display(),
                    t.bytes
                ),
                Lang::En => format!(
                    "The last line of {} was cut off (a crash or power cut). It was moved to \
                     {} ({} bytes), not deleted; every receipt you were given is still in \
                     the log.",
                    log.display(),
                    t.side_file.display(),
                    t.bytes
                ),
            });
        }
        if let Some(bad) = &self.read_only {
            out.push(match lang {
                Lang::Da => format!(
                    "Loggen {} er beskadiget i linje {}: {}. Filen er ikke ændret, og nye \
                     gennemførelser kan ikke gemmes. Kontakt it-sikkerhedsfunktionen og send \
                     dem filen.",
                    log.display(),
                    bad.line,
                    bad.problem.text(Lang::Da)
                ),
                Lang::En => format!(
                    "The log {} is damaged at line {}: {}. The file was not changed, and new \
                     completions cannot be saved. Contact the IT-security function and send \
                     them the file.",
                    log.display(),
                    bad.line,
                    bad.problem.text(Lang::En)
                ),
            });
        }
        if let Some(reason) = &self.unwritable {
            let dir = crate::fsutil::parent_of(log);
            out.push(match lang {
                Lang::Da => format!(
                    "Der kan ikke skrives i mappen {} ({reason}). Du kan læse siderne og se, hvad \
                     der skal tages, men resultater af quizzer kan ikke gemmes. Kontakt din \
                     it-support.",
                    dir.display()
                ),
                Lang::En => format!(
                    "The folder {} cannot be written to ({reason}). You can read the pages and \
                     see what is due, but quiz results cannot be saved. Contact your IT support.",
                    dir.display()
                ),
            });
        }
        out
    }
}
