//! A command line that cannot be understood, said in the chosen language: clap's error kinds
//! and the values it found, as one [`Bilingual`] message ([`UsageError`]), with the usage line
//! and where to find help. Help and version requests, which clap also reports as errors, are
//! printed to standard output, in the chosen language.

use std::fmt;
use std::io::Write as _;

use bevidst::exit::Exit;
use bevidst::lang::Lang;
use bevidst::message::{Bi, Bilingual};
use clap::CommandFactory as _;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::help::{OPTIONS_TAG, USAGE, localize, rendered};
use crate::out::{Out, say_err};

/// A command line clap refused, as the learner is told it.
pub(crate) struct UsageError<'a>(pub(crate) &'a clap::Error);

impl UsageError<'_> {
    /// A string the error carries about `kind` (several joined with commas).
    fn context(&self, kind: ContextKind) -> String {
        match self.0.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(list)) => list.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    }
}

impl Bilingual for UsageError<'_> {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let arg = self.context(ContextKind::InvalidArg);
        let value = self.context(ContextKind::InvalidValue);
        let sub = self.context(ContextKind::InvalidSubcommand);
        let fixed = match self.0.kind() {
            ErrorKind::InvalidValue => {
                let valid = self.context(ContextKind::ValidValue);
                lang.write(
                    out,
                    format_args!("»{value}« kan ikke bruges som {arg}; skriv en af: {valid}"),
                    format_args!("“{value}” cannot be used for {arg}; write one of: {valid}"),
                )?;
                None
            }
            ErrorKind::ValueValidation => {
                let why = std::error::Error::source(self.0)
                    .map(|e| format!(" ({e})"))
                    .unwrap_or_default();
                lang.write(
                    out,
                    format_args!("»{value}« kan ikke bruges som {arg}{why}"),
                    format_args!("“{value}” cannot be used for {arg}{why}"),
                )?;
                None
            }
            ErrorKind::UnknownArgument => {
                lang.write(
                    out,
                    format_args!("tilvalget »{arg}« findes ikke her"),
                    format_args!("there is no option “{arg}” here"),
                )?;
                None
            }
            ErrorKind::InvalidSubcommand => {
                lang.write(
                    out,
                    format_args!("kommandoen »{sub}« findes ikke"),
                    format_args!("there is no command “{sub}”"),
                )?;
                None
            }
            ErrorKind::MissingRequiredArgument => {
                lang.write(
                    out,
                    format_args!("der mangler: {arg}"),
                    format_args!("missing: {arg}"),
                )?;
                None
            }
            ErrorKind::ArgumentConflict => {
                let prior = self.context(ContextKind::PriorArg);
                lang.write(
                    out,
                    format_args!("{arg} kan ikke bruges sammen med {prior}"),
                    format_args!("{arg} cannot be used together with {prior}"),
                )?;
                None
            }
            ErrorKind::NoEquals => {
                lang.write(
                    out,
                    format_args!("{arg} skal have sin værdi efter et lighedstegn"),
                    format_args!("{arg} needs its value after an equals sign"),
                )?;
                None
            }
            ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
                lang.write(
                    out,
                    format_args!("{arg} har ikke det rigtige antal værdier"),
                    format_args!("{arg} does not have the right number of values"),
                )?;
                None
            }
            ErrorKind::MissingSubcommand => {
                Some(Bi::new("der mangler en kommando", "a command is missing"))
            }
            ErrorKind::InvalidUtf8 => Some(Bi::new(
                "et argument er ikke gyldig UTF-8-tekst",
                "an argument is not valid UTF-8 text",
            )),
            _ => Some(Bi::new(
                "kommandolinjen kunne ikke forstås",
                "the command line could not be understood",
            )),
        };
        if let Some(fixed) = fixed {
            fixed.write(lang, out)?;
        }
        self.write_tail(lang, out)
    }
}

impl UsageError<'_> {
    /// What clap suggests, the usage line and where to find help.
    fn write_tail(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (kind, da, en) in [
            (ContextKind::SuggestedArg, "mente du", "did you mean"),
            (ContextKind::SuggestedSubcommand, "mente du", "did you mean"),
            (ContextKind::SuggestedValue, "mente du", "did you mean"),
        ] {
            let suggested = self.context(kind);
            if !suggested.is_empty() {
                let ask = Bi::new(da, en).get(lang);
                write!(out, "; {ask} {suggested}?")?;
            }
        }
        let usage = self.context(ContextKind::Usage);
        if let Some(line) = usage.strip_prefix(USAGE.get(Lang::En)) {
            let line = line.replace(OPTIONS_TAG.get(Lang::En), OPTIONS_TAG.get(lang));
            write!(out, "\n\n{}{line}", USAGE.get(lang))?;
        }
        lang.write(
            out,
            format_args!("\n\nSkriv »bevidst --help« for at få hjælp."),
            format_args!("\n\nFor more information, try “bevidst --help”."),
        )
    }
}

bevidst::danish_display!(UsageError<'_>);

/// Says what clap refused (or prints the help or version it was asked for) and the exit code.
pub(crate) fn refused(e: &clap::Error, lang: Lang) -> Exit {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let mut out = Out::stdout();
            let _ = write!(out, "{}", rendered(&e.render().to_string(), lang));
            out.finish(Exit::Ok)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            say_err!("{}", rendered(&e.render().to_string(), lang));
            Exit::Usage
        }
        _ => {
            let error = Bi::new("fejl", "error").get(lang);
            say_err!("{error}: {}", UsageError(e).in_lang(lang));
            Exit::Usage
        }
    }
}

/// `bevidst help [COMMAND]`: the help of bevidst or of one command, as `--help` gives it.
pub(crate) fn help(command: Option<&str>, lang: Lang) -> Exit {
    let args = ["bevidst"].into_iter().chain(command).chain(["--help"]);
    match localize(crate::Cli::command(), lang).try_get_matches_from(args) {
        Err(e) => refused(&e, lang),
        Ok(_) => Exit::Ok,
    }
}
