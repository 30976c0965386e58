//! Markdown for the security function's forums. Aggregated tables only: overdue learners are
//! counted per forvaltning and module, problems per forvaltning and kind, and no person, file
//! or installation appears. The whole text passes the display-safety filter at the end.

use std::fmt::Write as _;

use super::{latest_share, safe, share_in};
use crate::lang::Lang;
use crate::report::columns::{self, Align, Column, Medium, columns_in};
use crate::report::model::{Report, Topic};

/// How many quarters the knowledge tables show (the latest ones).
pub const QUARTERS_SHOWN: usize = 4;

fn cell(s: &str) -> String {
    safe(s).replace('|', "\\|")
}

fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let align = vec![Align::Left; header.len()];
    aligned_table(out, header, &align, rows);
}

fn aligned_table(out: &mut String, header: &[&str], align: &[Align], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(
        out,
        "|{}|",
        align
            .iter()
            .map(|a| match a {
                Align::Left => "---",
                Align::Right => "---:",
            })
            .collect::<Vec<_>>()
            .join("|")
    );
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// Rows written through their column list (the columns Markdown shows).
fn column_table<'r, R: 'r>(
    out: &mut String,
    report: &Report,
    lang: Lang,
    cols: &'static [Column<R>],
    rows: impl Iterator<Item = &'r R>,
) {
    let cols: Vec<&Column<R>> = columns_in(cols, Medium::Document).collect();
    let header: Vec<&str> = cols.iter().map(|c| c.head(lang)).collect();
    let align: Vec<Align> = cols.iter().map(|c| c.align).collect();
    let rows: Vec<Vec<String>> = rows
        .map(|r| {
            cols.iter()
                .map(|c| c.text(r, lang, report.min_group))
                .collect()
        })
        .collect();
    aligned_table(out, &header, &align, &rows);
}

/// The whole report as Markdown.
pub fn render(report: &Report, lang: Lang) -> String {
    let l = |da: &'static str, en: &'static str| lang.pick(da, en);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} {}\n",
        l("Opfølgning på it-sikkerhed:", "Follow-up on IT security:"),
        report.today
    );
    let n = report.min_group;
    let _ = writeln!(
        out,
        "{}\n",
        match lang {
            Lang::Da => format!(
                "Grupper med færre end {n} medarbejdere vises ikke (vist som «<{n}»), og heller ikke grupper, som ellers kunne regnes ud af de viste tal. Vidensniveauet tæller hver medarbejder én gang. Rapporten nævner ingen personer og ingen filer."
            ),
            Lang::En => format!(
                "Groups of fewer than {n} learners are withheld (shown as «<{n}»), and so are groups that could otherwise be worked out from the figures shown. The knowledge level counts each learner once. The report names no person and no file."
            ),
        }
    );
    overview(&mut out, report, lang);
    handbook_reviews(&mut out, report, lang);
    completion(&mut out, report, lang);
    knowledge(&mut out, report, lang);
    modules(&mut out, report, lang);
    questions(&mut out, report, lang);
    problems(&mut out, report, lang);
    crate::safe_text::sanitize(&out, false)
}

fn overview(out: &mut String, report: &Report, lang: Lang) {
    let l = |da: &'static str, en: &'static str| lang.pick(da, en);
    let _ = writeln!(out, "## {}\n", l("Overblik", "Overview"));
    for line in super::overview_summary(report, lang) {
        let _ = writeln!(out, "{line}  ");
    }
    out.push('\n');
    column_table(
        out,
        report,
        lang,
        &columns::OVERVIEW,
        report.overview.iter(),
    );
    let _ = writeln!(out, "{}\n", super::overview_note(report, lang));
}

/// When the handbook itself is next to be reviewed (policy 1.8), overdue in words.
fn handbook_reviews(out: &mut String, report: &Report, lang: Lang) {
    if report.handbook_reviews.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## {}
",
        lang.pick(
            "It-sikkerhedshåndbogens revurdering",
            "Review of the IT-security handbook"
        )
    );
    column_table(
        out,
        report,
        lang,
        &columns::HANDBOOK_REVIEWS,
        report.handbook_reviews.iter(),
    );
}

fn completion(out: &mut String, report: &Report, lang: Lang) {
    let l = |da: &'static str, en: &'static str| lang.pick(da, en);
    let _ = writeln!(
        out,
        "## {}\n",
        l(
            "Gennemførelse pr. forvaltning og modul",
            "Completion per forvaltning and module"
        )
    );
    column_table(
        out,
        report,
        lang,
        &columns::COMPLETION,
        report.completion.iter(),
    );
}

fn knowledge(out: &mut String, report: &Report, lang: Lang) {
    let l = |da: &'static str, en: &'static str| lang.pick(da, en);
    let quarters: Vec<&String> = report
        .quarters
        .iter()
        .rev()
        .take(QUARTERS_SHOWN)
        .rev()
        .collect();
    for (title, topics) in [
        (
            l(
                "Vidensniveau pr. område (politik 1.3), alle forvaltninger",
                "Knowledge level per area (policy 1.3), all forvaltninger",
            ),
            Topic::all()
                .filter(|t| matches!(t, Topic::Area(_)))
                .collect::<Vec<_>>(),
        ),
        (
            l(
                "Vidensniveau pr. mål (politik 1.1), alle forvaltninger",
                "Knowledge level per goal (policy 1.1), all forvaltninger",
            ),
            Topic::all()
                .filter(|t| matches!(t, Topic::Goal(_)))
                .collect(),
        ),
    ] {
        let _ = writeln!(out, "## {title}\n");
        let heads: Vec<String> = quarters
            .iter()
            .map(|q| super::quarter_heading(report, q, lang))
            .collect();
        let mut header: Vec<&str> = vec![l("Emne", "Topic")];
        header.extend(heads.iter().map(String::as_str));
        let rows: Vec<Vec<String>> = topics
            .iter()
            .map(|&t| {
                let mut r = vec![t.name(lang).to_owned()];
                r.extend(quarters.iter().map(|q| share_in(report, lang, None, t, q)));
                r
            })
            .collect();
        table(out, &header, &rows);
    }
    let _ = writeln!(
        out,
        "{}\n",
        l(
            "Andel rigtige svar, gennemsnit over medarbejderne. ↑/↓: en ændring siden kvartalet før, der er for stor til at være tilfældig (signifikant på 95 %-niveau); →: ingen sikker ændring. Et kvartal »i gang« er ikke slut, så dets tal kan nå at ændre sig.",
            "Share of correct answers, averaged over the learners. ↑/↓: a change since the quarter before too large to be chance (significant at the 95% level); →: no certain change. A quarter »in progress« is not over, so its figures may still change."
        )
    );

    if let Some(q) = report.quarters.last() {
        let _ = writeln!(
            out,
            "## {} ({})\n",
            l(
                "Vidensniveau pr. forvaltning og område",
                "Knowledge level per forvaltning and area"
            ),
            super::quarter_heading(report, q, lang)
        );
        let forv: Vec<&String> = report.forvaltninger.iter().collect();
        // Full names would make the table too wide to read; initials, with a legend.
        let short: Vec<String> = forv.iter().map(|f| initials(f)).collect();
        let mut header: Vec<&str> = vec![l("Område", "Area")];
        header.extend(short.iter().map(String::as_str));
        let rows: Vec<Vec<String>> = Topic::all()
            .map(|t| {
                let mut r = vec![t.name(lang).to_owned()];
                r.extend(forv.iter().map(|f| latest_share(report, lang, Some(f), t)));
                r
            })
            .collect();
        table(out, &header, &rows);
        let legend: Vec<String> = short
            .iter()
            .zip(&forv)
            .map(|(a, f)| format!("{a} = {}", cell(f)))
            .collect();
        let _ = writeln!(out, "{}\n", legend.join("; "));
    }
}

/// Initials of a forvaltning's words ("Børne- og Ungdomsforvaltningen" → "BU"), or its first
/// three letters when it has no capitalised word.
pub fn initials(name: &str) -> String {
    let s: String = name
        .split([' ', '-'])
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    if s.is_empty() {
        name.chars().take(3).collect()
    } else {
        s
    }
}

fn modules(out: &mut String, report: &Report, lang: Lang) {
    let l = |da: &'static str, en: &'static str| lang.pick(da, en);
    let _ = writeln!(
        out,
        "## {}\n",
        l("Moduler (første forsøg)", "Modules (first attempts)")
    );
    column_table(
        out,
        report,
        lang,
        &columns::MODULE_STATS,
        report.module_stats.iter(),
    );
}

fn questions(out: &mut String, report: &Report, lang: Lang) {
    let l = |da: &'static str, en: &'static str| lang.pick(da, en);
    let _ = writeln!(
        out,
        "## {}\n",
        l("Spørgsmål der bør ses på", "Questions to review")
    );
    let flagged = || {
        report
            .questions
            .iter()
            .filter(|q| q.figures.shown().is_some_and(|f| !f.flags.is_empty()))
    };
    if flagged().next().is_none() {
        let _ = writeln!(
            out,
            "{}\n",
            l("Ingen spørgsmål er markeret.", "No question is flagged.")
        );
    } else {
        column_table(out, report, lang, &columns::QUESTIONS, flagged());
    }
}

fn problems(out: &mut String, report: &Report, lang: Lang) {
    let l = |da: &'static str, en: &'static str| lang.pick(da, en);
    let _ = writeln!(
        out,
        "## {}\n",
        l("Problemer og optælling", "Problems and bookkeeping")
    );
    let rows: Vec<Vec<String>> = report
        .counts
        .overview()
        .iter()
        .map(|(_, da, en, value)| vec![l(da, en).to_owned(), value.to_string()])
        .collect();
    table(out, &[l("Hvad", "What"), l("Antal", "Count")], &rows);
    if report.problem_counts.is_empty() && report.roster_problems.is_empty() {
        let _ = writeln!(out, "{}\n", l("Ingen.", "None."));
        return;
    }
    let _ = writeln!(
        out,
        "{}\n",
        l(
            "Filer og poster, der ikke er talt med, pr. forvaltning og slags. Hvilke filer det er, står i opfølgningsfilen (`--followup`).",
            "Files and records not counted, per forvaltning and kind. Which files they are is in the follow-up file (`--followup`)."
        )
    );
    if !report.problem_counts.is_empty() {
        column_table(
            out,
            report,
            lang,
            &columns::PROBLEM_COUNTS,
            report.problem_counts.iter(),
        );
    }
    if !report.roster_problems.is_empty() {
        column_table(
            out,
            report,
            lang,
            &columns::ROSTER_PROBLEMS,
            report.roster_problems.iter(),
        );
    }
}
