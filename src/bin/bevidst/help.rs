//! `bevidst --help` in the chosen language: every command's and option's help text, Danish and
//! English side by side in one table ([`TEXTS`]), put on the clap command before it parses
//! ([`localize`]), with clap's own words (headings, "Usage", the help and version flags) said in
//! the same language. The clap types in `main.rs` and the command files carry no help text of
//! their own; a test checks that every command and option has its row here.

use std::fmt::Write as _;

use bevidst::exit::Exit;
use bevidst::lang::Lang;
use bevidst::message::{Bi, Bilingual as _};
use clap::{Arg, ArgAction, Command};

/// The help of one command (`arg` `None`) or one option or argument of it. `command` is the
/// subcommand's name, `""` for `bevidst` itself.
struct Row {
    command: &'static str,
    arg: Option<&'static str>,
    text: Bi,
}

const fn row(
    command: &'static str,
    arg: Option<&'static str>,
    da: &'static str,
    en: &'static str,
) -> Row {
    Row {
        command,
        arg,
        text: Bi::new(da, en),
    }
}

/// Every help text of the command line.
const TEXTS: &[Row] = &[
    row(
        "",
        None,
        "It-sikkerhedstræning for medarbejderne i Københavns Kommune og opfølgning for kommunens \
         it-sikkerhedsfunktion.",
        "IT-security training for the employees of Københavns Kommune, and follow-up for its \
         IT-security function.",
    ),
    row(
        "",
        Some("courses"),
        "Brug kursusfilerne i denne mappe i stedet for de indbyggede kurser.",
        "Use the course files in this folder instead of the bundled courses.",
    ),
    row(
        "",
        Some("plain"),
        "Almindelige linjer på standard-output og svar på standard-input i stedet for \
         fuldskærmsvisningen, til skærmlæsere og scripts (vælges af sig selv uden en terminal; \
         se nedenfor).",
        "Plain lines on stdout and answers on stdin instead of the full-screen interface, for \
         screen readers and scripts (chosen by itself without a terminal; see below).",
    ),
    row(
        "",
        Some("lang"),
        "Sproget for alt, hvad bevidst skriver (standard: det sprog, du har valgt i bevidst, \
         ellers dansk).",
        "The language of everything bevidst writes (default: the one you chose in bevidst, \
         else Danish).",
    ),
    row(
        "check",
        None,
        "Kontrollér kursusfiler, og vis et overblik (hver fejl med fil, linje og kolonne).",
        "Validate course files and print a summary (every error, with its file, line and \
         column).",
    ),
    row(
        "check",
        Some("dir"),
        "Mappen med kursusfiler (standard: de indbyggede kurser, eller --courses).",
        "The folder of course files (default: the bundled courses, or --courses).",
    ),
    row("check", Some("format"), "Uddataformat.", "Output format."),
    row(
        "check",
        Some("reviewed"),
        "Registrér, at det, der bygger på disse afsnit af håndbogen, er gennemgået mod deres \
         nuværende tekst: DOK:AFSNIT (politik:1.7), et afsnit af politikken (1.7) eller et \
         dokuments id for alle dets afsnit; kan gentages. Skriver DIR/handbook/reviewed.lock.",
        "Record that what rests on these handbook sections was reviewed against their current \
         text: DOC:SECTION (politik:1.7), a policy section (1.7), or a document id for all its \
         sections; repeatable. Writes DIR/handbook/reviewed.lock.",
    ),
    row(
        "handbook",
        None,
        "Hvert afsnit af håndbogen med de lektioner og spørgsmål, der bygger på det, og deres \
         moduler; afsnittene uden noget; og hvert dokuments seneste revision og næste \
         gennemgang.",
        "Each handbook section with the lessons and questions resting on it and their modules, \
         the sections with nothing, and each document's last revision and next review.",
    ),
    row(
        "handbook",
        Some("dir"),
        "Mappen med kursusfiler, med håndbogen i DIR/handbook/ (standard: de indbyggede kurser, \
         eller --courses).",
        "The folder of course files, with the handbook in DIR/handbook/ (default: the bundled \
         courses, or --courses).",
    ),
    row(
        "handbook",
        Some("format"),
        "Uddataformat: text (til terminalen), md (Markdown til en revisor eller et forum) eller \
         json.",
        "Output format: text (for the terminal), md (Markdown for an auditor or a forum) or \
         json.",
    ),
    row(
        "verify",
        None,
        "Verificér logfiler med gennemførelser: for hver OK med antallet af poster og hovedets \
         hash, eller den første dårlige linje og hvorfor. En mappe verificerer hver log i den og \
         dens undermapper (det, der ikke er en almindelig fil, nævnes og åbnes ikke). Afslutter \
         med 0, kun når hver log er i orden.",
        "Verify completion logs: for each, OK with the number of records and the head hash, or \
         the first bad line and why. A folder verifies every log in it and its subfolders (what \
         is not a regular file is listed and not opened). Exits 0 only when every log is OK.",
    ),
    row(
        "verify",
        Some("files"),
        "Logfilerne (en lærendes log.ron eller kopierne i en samlemappe) eller mapper med dem.",
        "The log files (a learner's log.ron, or the copies in a collection folder), or folders \
         of them.",
    ),
    row(
        "export",
        None,
        "Skriv din log med gennemførelser, så du kan aflevere den: til standard-output, når det \
         ikke er en terminal (bevidst export > log.ron), ellers til bevidst-<installation>.ron i \
         den aktuelle mappe. Beskeder går til standard-fejl.",
        "Write your completion log for hand-in: to standard output when it is not a terminal \
         (bevidst export > log.ron), else to bevidst-<installation>.ron in the current folder. \
         Messages go to standard error.",
    ),
    row(
        "export",
        Some("out"),
        "Hvor den skal skrives; - er standard-output. En fil, der findes, beholdes uden --force.",
        "Where to write it; - is standard output. An existing file is kept unless --force.",
    ),
    row(
        "export",
        Some("force"),
        "Erstat filen, hvis den findes.",
        "Replace the file if it exists.",
    ),
    row(
        "history",
        None,
        "Dine egne gennemførelser, nyeste først, med deres kvitteringer.",
        "Your own completions, newest first, with their receipts.",
    ),
    row(
        "history",
        Some("collect"),
        "Opdatér også kopien i denne samlemappe (standard: miljøvariablen BEVIDST_COLLECT_DIR, \
         hvis den er sat).",
        "Also bring the copy in this collection folder up to date (default: the \
         BEVIDST_COLLECT_DIR environment variable, if set).",
    ),
    row(
        "report",
        None,
        "Verificér og saml en samlemappe med logfiler, eller læringsdatabasens poster \
         (it-sikkerhedsfunktionens opfølgning): dashboard, Markdown, Excel, en webside, CSV, \
         JSON eller xAPI.",
        "Verify and aggregate a collection folder of completion logs, or the LRS's records \
         (the IT-security function's follow-up): dashboard, Markdown, Excel, a web page, CSV, \
         JSON or xAPI.",
    ),
    row(
        "report",
        Some("dir"),
        "Samlemappen (undermapper læses også).",
        "The collection folder (subfolders are read too).",
    ),
    row(
        "report",
        Some("lrs"),
        "Læs posterne fra denne læringsdatabase (Learning Record Store, LRS, xAPI) i stedet \
         for fra en samlemappe, og lav præcis den rapport, mappen ville give. \
         Adgangsoplysninger: BEVIDST_LRS_USER og BEVIDST_LRS_PASSWORD, ellers \
         --lrs-credentials.",
        "Read the records from this learning record store (LRS, xAPI) instead of from a \
         collection folder, and make exactly the report the folder would give. Credential: \
         BEVIDST_LRS_USER and BEVIDST_LRS_PASSWORD, else --lrs-credentials.",
    ),
    row(
        "report",
        Some("lrs_credentials"),
        "Filen med adgangsoplysningerne til læringsdatabasen: én linje \
         »brugernavn:adgangskode«, som kun du kan læse (standard: lrs-credentials i \
         rapportens datamappe).",
        "The file with the credential for the LRS: one line \"username:password\", readable by \
         you only (default: lrs-credentials in the report's data folder).",
    ),
    row(
        "report",
        Some("lrs_full"),
        "Læs alle udsagn i læringsdatabasen igen nu, ikke kun dem, der er kommet siden sidste \
         kørsel (til revision). Det sker også af sig selv, når den sidste fulde læsning er mere \
         end 7 dage gammel, fordi Ralph sammenligner »since« med udsagnets tidspunkt og ikke \
         med, hvornår det blev gemt.",
        "Read all the statements in the LRS again now, not only those that came since the last \
         run (for an audit). It also happens by itself when the last full read is more than 7 \
         days old, because Ralph compares \"since\" with a statement's timestamp and not with \
         when it was stored.",
    ),
    row(
        "report",
        Some("roster"),
        "En CSV med medarbejdere (medarbejder, forvaltning, startdato), der viser, hvem der \
         aldrig er begyndt.",
        "A CSV of employees (medarbejder, forvaltning, startdato) to show who never started.",
    ),
    row(
        "report",
        Some("anchors"),
        "Rapportens ankerfil (standard: i rapportens datamappe).",
        "The report's anchor file (default: in the report's data folder).",
    ),
    row(
        "report",
        Some("key"),
        "Pseudonymnøglen til xAPI (standard: i rapportens datamappe; oprettes én gang).",
        "The pseudonym key for xAPI (default: in the report's data folder; created once).",
    ),
    row(
        "report",
        Some("min_group"),
        "Den mindste gruppe, der vises; mindre grupper holdes tilbage (mindst 3).",
        "The smallest group shown; smaller ones are withheld (at least 3).",
    ),
    row(
        "report",
        Some("onboarding_days"),
        "Dage fra startdatoen til fristen for introduktionen.",
        "Days from the start date to the onboarding deadline.",
    ),
    row(
        "report",
        Some("format"),
        "Uddataformat: tui (dashboardet i terminalen), md (Markdown til fora), html (én side med \
         grafer at dele og printe), xlsx (regneark til Excel), csv (til maskiner), json (samlede \
         tabeller; nævner ingen) eller xapi (xAPI-udsagn til LMS'et, med pseudonymer). \
         Standard: dashboardet i en terminal, ellers Markdown.",
        "Output format: tui (the dashboard in the terminal), md (Markdown for the forums), html \
         (one page with charts to share and print), xlsx (a spreadsheet for Excel), csv (for \
         machines), json (aggregate tables; names no one) or xapi (xAPI statements for the LMS, \
         pseudonyms). Default: the dashboard on a terminal, Markdown otherwise.",
    ),
    row(
        "report",
        Some("out"),
        "Hvor der skal skrives: en fil (md, html, xlsx, json, xapi) eller en mappe med én CSV \
         pr. tabel (csv; uden den går én lang tabel til standard-output).",
        "Where to write: a file (md, html, xlsx, json, xapi) or a folder of one CSV per table \
         (csv; without it, one long table goes to standard output).",
    ),
    row(
        "report",
        Some("now"),
        "Rapportens tidspunkt, RFC 3339 (standard: nu); til rapporter, der kan laves igen.",
        "The report's moment, RFC 3339 (default: now); for reproducible reports.",
    ),
    row(
        "report",
        Some("threads"),
        "Arbejdstråde (standard: alle kerner).",
        "Worker threads (default: all cores).",
    ),
    row(
        "report",
        Some("xapi_home_page"),
        "xAPI-kontoens hjemmeside og grundlaget for aktiviteternes id; standarden er en \
         pladsholder.",
        "The xAPI account home page and activity base; the default is a placeholder.",
    ),
    row(
        "report",
        Some("followup"),
        "Skriv også opfølgningslisterne (hvem der er forsinket, aldrig er begyndt, ikke godkendt, \
         og hvilke filer der har problemer) til FILE: persondata, oprettet, så kun du kan læse \
         den.",
        "Also write the follow-up lists (who is overdue, never started, not accepted, and which \
         files have problems) to FILE: personal data, created readable by you alone.",
    ),
    row(
        "report",
        Some("followup_dir"),
        "Skriv også én opfølgningsfil pr. forvaltning til dens ledere (hvem der er forsinket med \
         hvad, hvor længe og hvorfor) i mappen DIR: persondata, oprettet, så kun du kan læse \
         dem.",
        "Also write one follow-up file per forvaltning for its managers (who is overdue with \
         what, how long and why) into DIR: personal data, created readable by you alone.",
    ),
    row(
        "report",
        Some("followup_view"),
        "Vis opfølgningen i terminalen i stedet for dashboardet: én række pr. forsinket person \
         (sortér med s, vælg forvaltning med f) og filerne med problemer. Den indeholder \
         personoplysninger, så vis den ikke på en fælles skærm.",
        "Show the follow-up in the terminal instead of the dashboard: one row per overdue \
         person (sort with s, pick a forvaltning with f) and the files with problems. It holds \
         personal data, so do not show it on a shared screen.",
    ),
    row(
        "simulate",
        None,
        "Skriv en realistisk, simuleret samlemappe (til test, demonstrationer og benchmarks).",
        "Write a realistic simulated collection (for tests, demos and benchmarks).",
    ),
    row(
        "simulate",
        Some("learners"),
        "Antal ansatte (holdes konstant gennem udskiftningen).",
        "Headcount (kept constant through turnover).",
    ),
    row(
        "simulate",
        Some("years"),
        "År med historik.",
        "Years of history.",
    ),
    row(
        "simulate",
        Some("seed"),
        "Frø for alt tilfældigt.",
        "Seed of everything random.",
    ),
    row(
        "simulate",
        Some("out"),
        "Mappen, logfilerne skrives i.",
        "The folder to write the logs into.",
    ),
    row(
        "simulate",
        Some("roster"),
        "Skriv også en CSV med dem, der er ansat ved periodens slutning.",
        "Also write a roster CSV of those employed at the end.",
    ),
    row(
        "simulate",
        Some("end"),
        "Slutningen af den simulerede periode, RFC 3339 (standard: nu).",
        "The end of the simulated period, RFC 3339 (default: now).",
    ),
    row(
        "simulate",
        Some("synthetic"),
        "Brug det syntetiske kursussæt (som benchmarken gør) i stedet for de indbyggede kurser.",
        "Use the synthetic course set (as the benchmark does) instead of the bundled courses.",
    ),
    row(
        "status",
        None,
        "Én linje pr. modul, der skal tages eller er forsinket; afslutningskoden siger, hvor \
         presserende det er.",
        "One line per module that is due or overdue; the exit code says how pressing it is.",
    ),
    row(
        "lrs",
        None,
        "Læringsdatabasen (Learning Record Store, LRS, xAPI): send posterne i en \
         samlemappe til den.",
        "The learning record store (LRS, xAPI): send the records of a collection folder \
         to it.",
    ),
    row(
        "lrs push",
        None,
        "Send de verificerede poster i en samlemappe til læringsdatabasen som xAPI-udsagn (ét \
         pr. forsøg med selve posten og ét pr. besvaret spørgsmål). Det skader ikke at sende \
         igen: det, der allerede er der, gemmes ikke to gange.",
        "Send the verified records of a collection folder to the LRS as xAPI statements (one \
         per attempt carrying the record itself, one per answered question). Sending again is \
         harmless: what is there already is not stored twice.",
    ),
    row(
        "lrs push",
        Some("dir"),
        "Samlemappen (undermapper læses også).",
        "The collection folder (subfolders are read too).",
    ),
    row(
        "lrs push",
        Some("lrs"),
        "Læringsdatabasens xAPI-adresse, fx https://lrs.kk.dk/xAPI (http:// kun til denne \
         computer).",
        "The LRS's xAPI address, e.g. https://lrs.kk.dk/xAPI (http:// only to this computer).",
    ),
    row(
        "lrs push",
        Some("credentials"),
        "Filen med adgangsoplysningerne til læringsdatabasen, når BEVIDST_LRS_USER og \
         BEVIDST_LRS_PASSWORD ikke er sat: én linje »brugernavn:adgangskode«, som kun du kan \
         læse (standard: lrs-credentials i rapportens datamappe).",
        "The file with the credential for the LRS, when BEVIDST_LRS_USER and \
         BEVIDST_LRS_PASSWORD are not set: one line \"username:password\", readable by you \
         only (default: lrs-credentials in the report's data folder).",
    ),
    row(
        "lrs push",
        Some("batch"),
        "Omtrent så mange udsagn pr. forespørgsel.",
        "About this many statements per request.",
    ),
    row(
        "help",
        None,
        "Vis hjælpen til bevidst eller til en af dens kommandoer.",
        "Print the help of bevidst or of one of its commands.",
    ),
    row(
        "help",
        Some("command"),
        "Kommandoen, hjælpen skal handle om.",
        "The command to print the help of.",
    ),
];

/// What the help flag says.
const HELP: Bi = Bi::new("Vis hjælpen.", "Print help.");
/// What the version flag says.
const VERSION: Bi = Bi::new("Vis versionen.", "Print version.");
/// The heading of a command's subcommands.
const COMMANDS: Bi = Bi::new("Kommandoer", "Commands");
/// The heading of positional arguments.
const ARGUMENTS: Bi = Bi::new("Argumenter", "Arguments");
/// The heading of options.
const OPTIONS: Bi = Bi::new("Tilvalg", "Options");
/// The word before the usage line (clap's "Usage:").
pub(crate) const USAGE: Bi = Bi::new("Brug:", "Usage:");
/// clap's placeholder for options in a usage line, in the chosen language.
pub(crate) const OPTIONS_TAG: Bi = Bi::new("[TILVALG]", "[OPTIONS]");
/// The placeholder of a subcommand in a usage line.
const COMMAND_TAG: Bi = Bi::new("KOMMANDO", "COMMAND");
/// "[standard: …]" after an option's help.
const DEFAULT: Bi = Bi::new("standard", "default");
/// "[mulige værdier: …]" after an option's help.
const POSSIBLE: Bi = Bi::new("mulige værdier", "possible values");

/// The help texts of `command` (`""` for the top) and its options, in `lang`, and its headings,
/// help and version flags; the same for its subcommands. Also adds the `help` subcommand
/// (clap's own would speak English).
pub(crate) fn localize(command: Command, lang: Lang) -> Command {
    let top = command
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(VERSION.get(lang))
                .help_heading(OPTIONS.get(lang)),
        )
        .subcommand(
            Command::new("help").arg(
                Arg::new("command")
                    .value_name(COMMAND_TAG.get(lang))
                    .num_args(0..=1),
            ),
        )
        .after_help(learn_help(lang))
        .mut_subcommand("status", |c| c.after_help(status_help(lang)));
    one(top, "", lang)
}

/// [`localize`] for one command and, below it, its subcommands.
fn one(command: Command, name: &'static str, lang: Lang) -> Command {
    let mut command = command
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(HELP.get(lang))
                .help_heading(OPTIONS.get(lang)),
        )
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            USAGE.get(lang)
        ))
        .subcommand_help_heading(COMMANDS.get(lang))
        .subcommand_value_name(COMMAND_TAG.get(lang))
        .long_about(None::<&str>);
    if let Some(about) = text_of(name, None) {
        command = command.about(about.get(lang));
    }
    command = command.mut_args(|arg| {
        // The help and version flags were given their words above.
        if matches!(arg.get_id().as_str(), "help" | "version") {
            return arg;
        }
        let takes_values = arg.get_action().takes_values();
        let heading = if arg.is_positional() {
            ARGUMENTS
        } else {
            OPTIONS
        };
        let mut help = text_of(name, Some(arg.get_id().as_str()))
            .map(|t| t.get(lang).to_owned())
            .unwrap_or_default();
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect();
        if takes_values && values.len() > 1 && !arg.is_hide_possible_values_set() {
            let _ = write!(help, " [{}: {}]", POSSIBLE.get(lang), values.join(", "));
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
            let _ = write!(help, " [{}: {}]", DEFAULT.get(lang), defaults.join(", "));
        }
        arg.help(help)
            .long_help(None::<&str>)
            .help_heading(heading.get(lang))
            .hide_possible_values(takes_values)
            .hide_default_value(takes_values)
    });
    let names: Vec<&'static str> = TEXTS
        .iter()
        .filter(|r| r.arg.is_none() && !r.command.is_empty())
        .map(|r| r.command)
        .collect();
    // A nested command's rows are named by its path (`lrs push`).
    for sub in names {
        let local = match name {
            "" => Some(sub),
            parent => sub.strip_prefix(parent).and_then(|r| r.strip_prefix(' ')),
        };
        if let Some(local) = local.filter(|l| !l.contains(' '))
            && command.find_subcommand(local).is_some()
        {
            command = command.mut_subcommand(local, |c| one(c, sub, lang));
        }
    }
    command
}

/// The help text of a command (`arg` `None`) or of one of its options.
fn text_of(command: &str, arg: Option<&str>) -> Option<Bi> {
    TEXTS
        .iter()
        .find(|r| r.command == command && r.arg == arg)
        .map(|r| r.text)
}

/// What `bevidst --help` says after the options: the plain mode, and the exit codes (from
/// [`Exit`], where they are defined).
fn learn_help(lang: Lang) -> String {
    let learner = Exit::table(&Exit::LEARNER, lang);
    let commands = Exit::table(&Exit::COMMANDS, lang);
    match lang {
        Lang::Da => format!(
            "\
Uden en kommando kører bevidst den lærendes program: fuldskærmsvisningen i en terminal, eller
linjetilstanden til skærmlæsere og scripts (docs/plain.md). Linjetilstanden bruges med --plain,
når miljøvariablen BEVIDST_PLAIN er sat (til andet end 0), når TERM=dumb, og når standard-output
eller standard-input ikke er en terminal. Linjerne ombrydes efter COLUMNS (standard 80). Skriv ?
i linjetilstanden for at se dens kommandoer; når inputtet slutter, slutter programmet.

Afslutningskoder for den lærendes program:
{learner}

Afslutningskoder for check, handbook, verify, export, history, report, lrs og simulate:
{commands}
Et lukket rør er ikke en fejl: uddata stopper stille (bevidst verify ... | head -1)."
        ),
        Lang::En => format!(
            "\
Without a subcommand, bevidst runs the learner's program: the full-screen interface in a
terminal, or the plain line mode for screen readers and scripts (docs/plain.md). The plain
mode is used with --plain, when the environment variable BEVIDST_PLAIN is set (to anything
but 0), when TERM=dumb, and when stdout or stdin is not a terminal. Lines are wrapped to
COLUMNS (default 80). Type ? in the plain mode for its commands; the end of the input ends
the program.

Exit codes of the learner's program:
{learner}

Exit codes of check, handbook, verify, export, history, report, lrs and simulate:
{commands}
A closed pipe is not an error: the output stops quietly (bevidst verify ... | head -1)."
        ),
    }
}

/// What `bevidst status --help` says after the options.
fn status_help(lang: Lang) -> String {
    let codes = Exit::table(&Exit::STATUS, lang);
    match lang {
        Lang::Da => format!(
            "\
Afslutningskoder:
{codes}
Der skrives intet, når intet skal tages. Eksempel til et login-script:
  bevidst status || echo 'Start bevidst for at tage dem.'"
        ),
        Lang::En => format!(
            "\
Exit codes:
{codes}
Nothing is printed when nothing is due. Example for a login script:
  bevidst status || echo 'Start bevidst to take them.'"
        ),
    }
}

/// A help text as clap renders it, with clap's placeholder for options in `lang`.
pub(crate) fn rendered(text: &str, lang: Lang) -> String {
    text.replace(OPTIONS_TAG.get(Lang::En), &OPTIONS_TAG.text(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory as _;

    #[test]
    fn every_command_and_option_has_its_help_in_both_languages() {
        let command = localize(crate::Cli::command(), Lang::Da);
        let mut missing = Vec::new();
        let mut check = |name: &'static str, c: &Command| {
            if text_of(name, None).is_none() {
                missing.push(format!("{name}: the command"));
            }
            for arg in c.get_arguments() {
                let id = arg.get_id().as_str();
                if arg.is_hide_set() || matches!(id, "help" | "version") {
                    continue;
                }
                if text_of(name, Some(id)).is_none() {
                    missing.push(format!("{name}: {id}"));
                }
            }
        };
        check("", &command);
        let named = |path: String| {
            TEXTS
                .iter()
                .find(|r| r.command == path)
                .map_or("?", |r| r.command)
        };
        for sub in command.get_subcommands() {
            check(named(sub.get_name().to_owned()), sub);
            for nested in sub.get_subcommands() {
                check(
                    named(format!("{} {}", sub.get_name(), nested.get_name())),
                    nested,
                );
            }
        }
        assert!(missing.is_empty(), "no help text in help.rs: {missing:?}");
        for r in TEXTS {
            assert_ne!(r.text.da, r.text.en, "{} {:?}", r.command, r.arg);
        }
    }

    #[test]
    fn the_help_speaks_the_chosen_language() {
        for (lang, words, not) in [
            (
                Lang::Da,
                ["Brug:", "Tilvalg:", "Kommandoer:", "Vis hjælpen."],
                "Usage:",
            ),
            (
                Lang::En,
                ["Usage:", "Options:", "Commands:", "Print help."],
                "Brug:",
            ),
        ] {
            let help = localize(crate::Cli::command(), lang)
                .render_help()
                .to_string();
            for w in words {
                assert!(help.contains(w), "{lang:?}: {w} in\n{help}");
            }
            assert!(!help.contains(not), "{lang:?}:\n{help}");
        }
    }
}
