//! What the learner is told, in Danish or English: the notices from opening the log and the
//! errors of the record store (whose `Display` is the Danish text).

use std::fmt;
use std::path::Path;

use super::verify::BadLine;
use super::{OpenNotice, RecordError};
use crate::lang::Lang;
use crate::message::{Bilingual, IoReason};

impl Bilingual for RecordError {
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per error, each a pair of texts"
    )]
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Io { what, path, source } => {
                let (path, why) = (path.display(), IoReason(source).text(lang));
                lang.write(
                    out,
                    format_args!(
                        "{path} kunne ikke læses eller skrives ({why}); tjek at disken er \
                         tilgængelig"
                    ),
                    format_args!("{what} {path}: {why}"),
                )
            }
            RecordError::Locked { path } => {
                let path = path.display();
                lang.write(
                    out,
                    format_args!(
                        "{path} bruges af en anden bevidst, der kører; luk det andet \
                         bevidst-vindue og prøv igen (loggen er ikke ændret)"
                    ),
                    format_args!(
                        "{path} is in use by another running bevidst; close the other bevidst \
                         window and try again (the log was not changed)"
                    ),
                )
            }
            RecordError::Damaged { path, bad } => {
                let (path, line, problem) = (path.display(), bad.line, bad.problem.text(lang));
                lang.write(
                    out,
                    format_args!(
                        "{path}, linje {line}: {problem}. Filen er ikke ændret. Intet kan gemmes, \
                         før it har set på den: kontakt it-sikkerhedsfunktionen og send dem filen"
                    ),
                    format_args!(
                        "{path}, line {line}: {problem}; the file was not changed. Nothing more \
                         can be saved until IT has looked at it: contact the IT-security \
                         function and send them this file"
                    ),
                )
            }
            RecordError::InvalidAttempt(why) => lang.write(
                out,
                format_args!("gennemførelsen kan ikke gemmes: {why}"),
                format_args!("the completion cannot be recorded: {why}"),
            ),
            RecordError::Append { path, source, .. } => {
                let (path, why) = (path.display(), IoReason(source).text(lang));
                lang.write(
                    out,
                    format_args!(
                        "gennemførelsen kunne ikke gemmes i {path} ({why}); loggen har stadig \
                         alle tidligere gennemførelser. Frigør diskplads eller tjek disken, og \
                         tag quizzen igen"
                    ),
                    format_args!(
                        "the completion could not be saved in {path} ({why}); the log still \
                         holds every earlier record. Free some disk space or check the disk, \
                         then take the quiz again"
                    ),
                )
            }
            RecordError::ChangedUnderneath { path } => {
                let path = path.display();
                lang.write(
                    out,
                    format_args!(
                        "{path} blev ændret, mens bevidst kørte (den er blevet kortere); intet er \
                         skrevet. Kontakt it-sikkerhedsfunktionen"
                    ),
                    format_args!(
                        "{path} changed while bevidst was running (it is shorter than before); \
                         nothing was written. Contact the IT-security function"
                    ),
                )
            }
            RecordError::CollectionUnreachable { dir, source } => {
                let (dir, why) = (dir.display(), IoReason(source).text(lang));
                lang.write(
                    out,
                    format_args!(
                        "samlemappen {dir} kan ikke nås ({why}); din gennemførelse er gemt på \
                         denne computer og kopieres, næste gang bevidst starter"
                    ),
                    format_args!(
                        "the collection folder {dir} cannot be reached ({why}); your completion \
                         is saved on this computer and will be copied the next time bevidst \
                         starts"
                    ),
                )
            }
            RecordError::CollectionWrite { path, source } => {
                let (path, why) = (path.display(), IoReason(source).text(lang));
                lang.write(
                    out,
                    format_args!(
                        "kopien {path} kan ikke skrives i samlemappen ({why}); din gennemførelse \
                         er gemt på denne computer og kopieres, næste gang bevidst starter"
                    ),
                    format_args!(
                        "cannot write the copy {path} in the collection folder ({why}); your \
                         completion is saved on this computer and will be copied the next time \
                         bevidst starts"
                    ),
                )
            }
            RecordError::CollectionDiverged { path } => {
                let path = path.display();
                lang.write(
                    out,
                    format_args!(
                        "kopien {path} i samlemappen passer ikke med loggen på denne computer; \
                         ingen af dem er ændret. Kontakt it-sikkerhedsfunktionen"
                    ),
                    format_args!(
                        "the copy {path} in the collection folder does not match the log on \
                         this computer (the local log is not a continuation of it); neither was \
                         changed. Contact the IT-security function"
                    ),
                )
            }
            RecordError::Foreign(e) => {
                let (path, why) = (e.path().display(), e.reason(lang));
                lang.write(
                    out,
                    format_args!("loggen {path} kan ikke bruges: {why}"),
                    format_args!("the log {path} cannot be used: {why}"),
                )
            }
            RecordError::CollectionBlocked(e) => {
                let (path, why) = (e.path().display(), e.reason(lang));
                lang.write(
                    out,
                    format_args!(
                        "kopien {path} i samlemappen er ikke en log: {why}. Den er ikke rørt. \
                         Din gennemførelse er gemt på denne computer. Kontakt \
                         it-sikkerhedsfunktionen"
                    ),
                    format_args!(
                        "the copy {path} in the collection folder is not a log: {why}. It was \
                         left alone. Your completion is saved on this computer. Contact the \
                         IT-security function"
                    ),
                )
            }
            RecordError::Unwritable { dir, reason } => {
                let dir = dir.display();
                lang.write(
                    out,
                    format_args!(
                        "der kan ikke skrives i mappen {dir} ({reason}); dine resultater kan \
                         ikke gemmes på denne computer. Kontakt din it-support"
                    ),
                    format_args!(
                        "the folder {dir} cannot be written to ({reason}); your results cannot \
                         be saved on this computer. Contact your IT support"
                    ),
                )
            }
            RecordError::NotThisInstallation { path, expected } => {
                let path = path.display();
                lang.write(
                    out,
                    format_args!(
                        "{path} er ikke loggen for installation {expected}; intet er kopieret"
                    ),
                    format_args!(
                        "{path} is not the log of installation {expected}; nothing was copied"
                    ),
                )
            }
        }
    }
}

impl Bilingual for BadLine {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, problem) = (self.line, self.problem.text(lang));
        lang.write(
            out,
            format_args!("linje {line}: {problem}"),
            format_args!("line {line}: {problem}"),
        )
    }
}

crate::danish_display!(RecordError, BadLine);

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
