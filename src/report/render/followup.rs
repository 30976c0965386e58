//! The follow-up output: who is overdue, who never started, whose attempts were not accepted,
//! and which files have problems. It is personal data on purpose (the security function
//! follows up on people with it), so it is kept apart from every aggregate output: its own
//! file, its first line saying it holds personal data, written readable and writable by its
//! owner alone (0600 where the platform has Unix permissions).
//!
//! Markdown, in the report's language; text from records and files is display-safe.

use std::fmt::Write as _;
use std::path::Path;

use crate::lang::Lang;
use crate::report::columns::{self, Align, Column, Medium, columns_in};
use crate::report::model::FollowUp;

/// The first line of every follow-up output, in both languages whatever the report's.
pub const FIRST_LINE: &str =
    "# Personoplysninger / Personal data: bevidst-opfølgning / bevidst follow-up";

/// The follow-up lists as Markdown; the first line is [`FIRST_LINE`].
pub fn render(f: &FollowUp, lang: Lang) -> String {
    let l = |da: &'static str, en: &'static str| lang.pick(da, en);
    let mut out = String::new();
    let _ = writeln!(out, "{FIRST_LINE}\n");
    let _ = writeln!(
        out,
        "{} {}\n",
        l(
            "Denne fil nævner medarbejdere og filer ved navn, til it-sikkerhedsfunktionens egen opfølgning. Del den ikke, og slet den, når opfølgningen er gjort. Opgjort",
            "This file names employees and files, for the IT-security function's own follow-up. Do not share it, and delete it when the follow-up is done. As of"
        ),
        f.today
    );
    section(
        &mut out,
        lang,
        (
            l(
                "Forsinkede (hvem, ikke hvordan de klarede sig)",
                "Overdue (who, not how they did)",
            ),
            &columns::OVERDUE,
        ),
        f.overdue.iter(),
    );
    if f.roster_used {
        section(
            &mut out,
            lang,
            (
                l("Aldrig startet", "Never started"),
                &columns::NEVER_STARTED,
            ),
            f.never_started.iter(),
        );
    }
    section(
        &mut out,
        lang,
        (
            l(
                "Forsøg, der ikke blev godkendt",
                "Attempts that were not accepted",
            ),
            &columns::NOT_ACCEPTED,
        ),
        f.problems.iter().filter(|p| p.who.is_some()),
    );
    section(
        &mut out,
        lang,
        (
            l("Filer med problemer", "Files with problems"),
            &columns::PROBLEMS,
        ),
        f.problems.iter(),
    );
    crate::safe_text::sanitize(&out, false)
}

/// One heading and its table (or "none").
fn section<'r, R: 'r>(
    out: &mut String,
    lang: Lang,
    (title, cols): (&str, &'static [Column<R>]),
    rows: impl Iterator<Item = &'r R>,
) {
    let _ = writeln!(out, "## {title}\n");
    let cols: Vec<&Column<R>> = columns_in(cols, Medium::Document).collect();
    let mut body = String::new();
    for r in rows {
        let cells: Vec<String> = cols
            .iter()
            // Nothing in the follow-up lists is withheld; the minimum only writes `<n`.
            .map(|c| c.text(r, lang, 0).replace('|', "\\|"))
            .collect();
        let _ = writeln!(body, "| {} |", cells.join(" | "));
    }
    if body.is_empty() {
        let _ = writeln!(out, "{}\n", lang.pick("Ingen.", "None."));
        return;
    }
    let heads: Vec<&str> = cols.iter().map(|c| c.head(lang)).collect();
    let rule: Vec<&str> = cols
        .iter()
        .map(|c| match c.align {
            Align::Left => "---",
            Align::Right => "---:",
        })
        .collect();
    let _ = writeln!(
        out,
        "| {} |\n|{}|\n{body}",
        heads.join(" | "),
        rule.join("|")
    );
}

/// Writes the follow-up output to `path`, readable and writable by its owner alone: the text
/// goes to a new private file beside it that replaces `path` whole (see [`crate::fsutil`]), so
/// an existing file with wider permissions is never written into, and a crash leaves either
/// the old file or the complete new one.
pub fn write(f: &FollowUp, lang: Lang, path: &Path) -> std::io::Result<()> {
    crate::fsutil::write_private(path, render(f, lang).as_bytes())
}
