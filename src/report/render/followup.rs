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
use crate::report::model::{FollowUp, ModuleHead, PersonDue};

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

/// The follow-up for one forvaltning's managers: one row per person who is overdue, most
/// overdue first, with their modules, how many days and why; the first line is
/// [`FIRST_LINE`].
pub fn render_for_managers(
    forvaltning: &str,
    people: &[PersonDue],
    today: &str,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{FIRST_LINE}\n");
    let _ = writeln!(
        out,
        "## {}\n",
        crate::safe_text::sanitize(forvaltning, true)
    );
    let _ = writeln!(
        out,
        "{} {today}.\n",
        lang.pick(
            "Medarbejdere, der er forsinkede med it-sikkerhedsuddannelsen, til forvaltningens ledere. Filen nævner personer: del den kun med dem, der skal følge op, og slet den bagefter. Opgjort",
            "Employees overdue with their IT-security training, for the forvaltning's managers. The file names people: share it only with those who follow up, and delete it afterwards. As of"
        )
    );
    section(
        &mut out,
        lang,
        (
            lang.pick("Hvem skal følges op", "Whom to follow up"),
            &columns::MANAGERS,
        ),
        people.iter(),
    );
    crate::safe_text::sanitize(&out, false)
}

/// A file name for a forvaltning's follow-up: letters and digits kept (æ, ø and å too),
/// everything else a dash, so no name can leave the folder or hide.
pub fn managers_file_name(forvaltning: &str) -> String {
    let mut name = String::from("opfoelgning-");
    for c in crate::safe_text::sanitize(forvaltning, true)
        .chars()
        .take(80)
    {
        name.push(if c.is_alphanumeric() { c } else { '-' });
    }
    name.push_str(".md");
    name
}

/// Writes one follow-up file per forvaltning with anyone overdue into `dir` (made readable by
/// its owner alone), each private like the follow-up output; returns the files written.
pub fn write_per_forvaltning(
    f: &FollowUp,
    modules: &[ModuleHead],
    lang: Lang,
    dir: &Path,
) -> std::io::Result<Vec<std::path::PathBuf>> {
    crate::fsutil::create_private_dir(dir)?;
    let mut written: Vec<std::path::PathBuf> = Vec::new();
    for (forv, people) in f.per_person(modules) {
        // Two names that differ only in what the file name cannot hold get a number.
        let mut path = dir.join(managers_file_name(&forv));
        let mut k = 1;
        while written.contains(&path) {
            k += 1;
            path = dir.join(managers_file_name(&format!("{forv}-{k}")));
        }
        let text = render_for_managers(&forv, &people, &f.today, lang);
        crate::fsutil::write_private(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// Writes the follow-up output to `path`, readable and writable by its owner alone: the text
/// goes to a new private file beside it that replaces `path` whole (see [`crate::fsutil`]), so
/// an existing file with wider permissions is never written into, and a crash leaves either
/// the old file or the complete new one.
pub fn write(f: &FollowUp, lang: Lang, path: &Path) -> std::io::Result<()> {
    crate::fsutil::write_private(path, render(f, lang).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testkit::three_forvaltninger_with_followup;

    #[test]
    fn each_forvaltning_gets_a_private_file_of_its_own_people_most_overdue_first() {
        let (r, f) = three_forvaltninger_with_followup();
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("ledere");
        let written = write_per_forvaltning(&f, &r.modules, Lang::Da, &out).expect("written");
        let per = f.per_person(&r.modules);
        assert!(!per.is_empty(), "someone is overdue");
        assert_eq!(written.len(), per.len());
        for (forv, people) in &per {
            let path = out.join(managers_file_name(forv));
            let text = std::fs::read_to_string(&path).expect("the file");
            assert_eq!(text.lines().next(), Some(FIRST_LINE));
            for p in people {
                assert!(text.contains(&format!("| {} |", p.learner)), "{text}");
            }
            // Nobody from another forvaltning.
            for (other, theirs) in &per {
                if other != forv {
                    for p in theirs {
                        assert!(!text.contains(&format!("| {} |", p.learner)));
                    }
                }
            }
            let days: Vec<i32> = people.iter().map(PersonDue::most_days).collect();
            assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");
            assert!(text.contains("dage"), "{text}");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt as _;
                let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode();
                assert_eq!(mode(&path) & 0o777, 0o600);
                assert_eq!(mode(&out) & 0o777, 0o700);
            }
        }
        // ghost never started: listed so, with the onboarding module.
        let alfa = &per["Alfa"];
        let ghost = alfa.iter().find(|p| p.learner == "ghost").expect("ghost");
        assert!(ghost.never_started);
        assert!(
            ghost
                .modules
                .iter()
                .any(|m| m.title.0 == "Simuleret modul 0"),
            "{ghost:?}"
        );
    }

    #[test]
    fn a_forvaltnings_name_cannot_leave_the_folder() {
        assert_eq!(
            managers_file_name("../Øk\u{202e}/x"),
            "opfoelgning----Øk-x.md"
        );
        assert_eq!(
            managers_file_name("Børne- og Ungdomsforvaltningen"),
            "opfoelgning-Børne--og-Ungdomsforvaltningen.md"
        );
    }
}
