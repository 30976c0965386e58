//! The exit codes of every `bevidst` command, in one place. `bevidst --help` and
//! `bevidst status --help` print their tables from here ([`Exit::table`]), the plain mode and
//! `bevidst status` return them, and the binary turns them into the process's exit code.
//!
//! The codes follow the custom of Unix tools: 0 is success; small numbers are a command's own
//! answers (for `bevidst status`, how pressing the due modules are, so a login script can act
//! on them); 64 (`EX_USAGE`) is a command line that cannot be understood and 74 (`EX_IOERR`)
//! output that cannot be written, such as a full disk. A closed pipe is not an error: a
//! command whose reader went away (`bevidst verify … | head -1`) stops writing quietly and
//! ends with the code its work earned, as `cat` does.

use crate::lang::Lang;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done: the learner quit, nothing is due, every log verified, the report was made.
    Ok,
    /// `bevidst status`: nothing is due.
    NothingDue,
    /// The learner's program: the terminal, the output or the input could not be used.
    Terminal,
    /// The learner's program could not start (configuration, course files or log unreadable).
    CannotStart,
    /// Plain mode: the input ended in the middle of the first-start questions, a quiz, an
    /// unsaved result or a setting; nothing of it was recorded.
    Unfinished,
    /// `bevidst status`: something is due, or bevidst is not set up yet.
    Due,
    /// `bevidst status`: something is overdue.
    Overdue,
    /// `bevidst status`: the status could not be worked out.
    StatusUnknown,
    /// `check`, `verify`, `export`, `history`: not everything was in order (a course file
    /// with errors, a log that did not verify, nothing to export, a log that cannot be used).
    NotOk,
    /// `report`, `simulate`, `lrs push`: nothing could be made or sent (course files,
    /// collection folder, anchor file or key unusable; the LRS unreachable or refusing).
    NoReport,
    /// The output could not be written (a full disk, a file that cannot be created).
    Output,
    /// The command line could not be understood.
    Usage,
}

impl Exit {
    /// The process exit code.
    pub const fn code(self) -> u8 {
        match self {
            Exit::Ok | Exit::NothingDue => 0,
            Exit::Terminal | Exit::Due | Exit::NotOk => 1,
            Exit::CannotStart | Exit::Overdue | Exit::NoReport => 2,
            Exit::Unfinished | Exit::StatusUnknown => 3,
            Exit::Usage => 64,
            Exit::Output => 74,
        }
    }

    /// What the code means, in words, for the help tables.
    pub fn meaning(self, lang: Lang) -> &'static str {
        match self {
            Exit::Ok => lang.pick(
                "færdig, og alt var i orden (den lærendes program: afsluttet, eller inputtet \
                 sluttede uden noget ufærdigt)",
                "done, and everything was in order (the learner's program: the learner quit, or \
                 the input ended with nothing unfinished)",
            ),
            Exit::NothingDue => lang.pick("intet skal tages", "nothing is due"),
            Exit::Terminal => lang.pick(
                "terminalen, output eller input kunne ikke bruges",
                "the terminal, the output or the input could not be used",
            ),
            Exit::CannotStart => lang.pick(
                "programmet kunne ikke starte (konfiguration, kursusfiler eller log kan ikke læses)",
                "the program could not start (configuration, course files or log unreadable)",
            ),
            Exit::Unfinished => lang.pick(
                "linjetilstand: inputtet sluttede midt i startspørgsmålene, en quiz, et ikke gemt \
                 resultat eller en indstilling; intet af det er gemt",
                "plain mode: the input ended in the middle of the first-start questions, a quiz, \
                 an unsaved result or a setting; nothing of it was recorded",
            ),
            Exit::Due => lang.pick(
                "noget skal tages, eller bevidst er ikke sat op endnu",
                "something is due, or bevidst is not set up yet (the onboarding is due)",
            ),
            Exit::Overdue => lang.pick("noget er forsinket", "something is overdue"),
            Exit::StatusUnknown => lang.pick(
                "status kunne ikke findes (konfiguration, kursusfiler eller log kan ikke læses)",
                "the status could not be worked out (configuration, course files or log \
                 unreadable)",
            ),
            Exit::NotOk => lang.pick(
                "ikke alt var i orden (en kursusfil med fejl, en log, der ikke kunne \
                 verificeres, intet at eksportere, eller et udsagn, som læringsdatabasen afviste)",
                "not everything was in order (a course file with errors, a log that did not \
                 verify, nothing to export, or a statement the LRS refused)",
            ),
            Exit::NoReport => lang.pick(
                "der kunne ikke laves en rapport eller sendes noget (kursusfiler, samlemappe, \
                 ankerfil eller nøgle kan ikke bruges, eller læringsdatabasen kan ikke nås eller \
                 afviser adgangsoplysningerne)",
                "no report could be made, or nothing could be sent (course files, collection \
                 folder, anchor file or key unusable, or the LRS unreachable or refusing the \
                 credential)",
            ),
            Exit::Output => lang.pick(
                "output kunne ikke skrives (fx en fuld disk)",
                "the output could not be written (a full disk, a file that cannot be created)",
            ),
            Exit::Usage => lang.pick(
                "kommandolinjen kunne ikke forstås",
                "the command line could not be understood",
            ),
        }
    }

    /// The codes of the learner's program (`bevidst` without a subcommand).
    pub const LEARNER: [Exit; 5] = [
        Exit::Ok,
        Exit::Terminal,
        Exit::CannotStart,
        Exit::Unfinished,
        Exit::Usage,
    ];

    /// The codes of `bevidst status`.
    pub const STATUS: [Exit; 6] = [
        Exit::NothingDue,
        Exit::Due,
        Exit::Overdue,
        Exit::StatusUnknown,
        Exit::Output,
        Exit::Usage,
    ];

    /// The codes of the other commands.
    pub const COMMANDS: [Exit; 5] = [
        Exit::Ok,
        Exit::NotOk,
        Exit::NoReport,
        Exit::Output,
        Exit::Usage,
    ];

    /// What `code` stands for in the table of one command (`None` if it is not in it).
    pub fn from_code(code: u8, table: &[Exit]) -> Option<Exit> {
        table.iter().copied().find(|e| e.code() == code)
    }

    /// A table of `exits` for a help text: one line per code, in order, `  <code> <meaning>`.
    pub fn table(exits: &[Exit], lang: Lang) -> String {
        let mut sorted = exits.to_vec();
        sorted.sort_by_key(|e| e.code());
        sorted
            .iter()
            .map(|e| format!("  {:<3}{}", e.code(), e.meaning(lang)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_table_gives_each_code_one_meaning() {
        for table in [&Exit::LEARNER[..], &Exit::STATUS, &Exit::COMMANDS] {
            let mut codes: Vec<u8> = table.iter().map(|e| e.code()).collect();
            codes.sort_unstable();
            let n = codes.len();
            codes.dedup();
            assert_eq!(codes.len(), n, "a code is used twice in {table:?}");
            for e in table {
                assert_eq!(Exit::from_code(e.code(), table), Some(*e));
            }
        }
    }
}
