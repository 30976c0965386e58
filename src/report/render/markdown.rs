//! Markdown for the security function's forums. Aggregated tables only: the overdue list is
//! shown as counts per forvaltning and module (a forum is a wider audience than the security
//! function), and no individual appears.

use std::fmt::Write as _;

use super::{latest_share, num2, opt, opt_pct, safe, share_in, withheld};
use crate::lang::Lang;
use crate::report::model::{Report, Topic};

/// How many problems the Markdown lists one by one (a forum post is no place for thousands);
/// the counts per kind above the list cover all of them.
pub const PROBLEMS_LISTED: usize = 100;

/// How many quarters the knowledge tables show (the latest ones).
pub const QUARTERS_SHOWN: usize = 4;

fn cell(s: &str) -> String {
    safe(s).replace('|', "\\|")
}

fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(
        out,
        "|{}|",
        header.iter().map(|_| "---").collect::<Vec<_>>().join("|")
    );
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
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
                "Grupper med færre end {n} medarbejdere vises ikke (vist som «<{n}»). Ingen enkeltpersoners resultater vises."
            ),
            Lang::En => format!(
                "Groups of fewer than {n} learners are withheld (shown as «<{n}»). No individual's results are shown."
            ),
        }
    );
    overview(&mut out, report, lang);
    completion(&mut out, report, lang);
    knowledge(&mut out, report, lang);
    modules(&mut out, report, lang);
    questions(&mut out, report, lang);
    problems(&mut out, report, lang);
    out
}

fn overview(out: &mut String, report: &Report, lang: Lang) {
    let l = |da: &'static str, en: &'static str| lang.pick(da, en);
    let c = &report.counts;
    let _ = writeln!(out, "## {}\n", l("Overblik", "Overview"));
    let rows: Vec<Vec<String>> = c
        .overview()
        .iter()
        .map(|(_, da, en, value)| vec![l(da, en).to_owned(), value.to_string()])
        .collect();
    table(out, &[l("Hvad", "What"), l("Antal", "Count")], &rows);
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
    let rows: Vec<Vec<String>> = report
        .completion
        .iter()
        .map(|r| {
            vec![
                r.forvaltning.clone(),
                r.module.clone(),
                opt(report, r.learners),
                opt_pct(report, lang, r.completion_rate),
                opt(report, r.not_accepted),
                opt_pct(report, lang, r.pass_rate),
                opt(report, r.overdue),
            ]
        })
        .collect();
    table(
        out,
        &[
            "Forvaltning",
            l("Modul", "Module"),
            l("Medarbejdere", "Learners"),
            l("Gennemført", "Completed"),
            l("Forsøgt, ikke godkendt", "Attempted, not accepted"),
            l("Bestået", "Passed"),
            l("Forsinkede", "Overdue"),
        ],
        &rows,
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
        let mut header: Vec<&str> = vec![l("Emne", "Topic")];
        header.extend(quarters.iter().map(|q| q.as_str()));
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
            "Andel rigtige svar. ↑/↓: ændring på mindst ét procentpoint siden kvartalet før; →: uændret.",
            "Share of correct answers. ↑/↓: change of at least one percentage point since the quarter before; →: unchanged."
        )
    );

    if let Some(q) = report.quarters.last() {
        let _ = writeln!(
            out,
            "## {} ({q})\n",
            l(
                "Vidensniveau pr. forvaltning og område",
                "Knowledge level per forvaltning and area"
            )
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
    let w = withheld(report);
    let _ = writeln!(
        out,
        "## {}\n",
        l("Moduler (første forsøg)", "Modules (first attempts)")
    );
    let rows: Vec<Vec<String>> = report
        .module_stats
        .iter()
        .map(|m| {
            vec![
                m.module.clone(),
                opt(report, m.n),
                opt_pct(report, lang, m.mean),
                opt_pct(report, lang, m.sd),
                m.alpha.map_or_else(
                    || {
                        if m.suppressed {
                            w.clone()
                        } else {
                            "–".into()
                        }
                    },
                    |v| num2(lang, v),
                ),
            ]
        })
        .collect();
    table(
        out,
        &[
            l("Modul", "Module"),
            "n",
            l("Middel", "Mean"),
            l("Spredning", "SD"),
            "Cronbach α",
        ],
        &rows,
    );
}

fn questions(out: &mut String, report: &Report, lang: Lang) {
    let l = |da: &'static str, en: &'static str| lang.pick(da, en);
    let _ = writeln!(
        out,
        "## {}\n",
        l("Spørgsmål der bør ses på", "Questions to review")
    );
    let flagged: Vec<Vec<String>> = report
        .questions
        .iter()
        .filter(|q| !q.flags.is_empty())
        .map(|q| {
            vec![
                q.id.clone(),
                q.module.clone(),
                opt(report, q.n),
                opt_pct(report, lang, q.facility),
                q.discrimination
                    .map_or_else(|| "–".into(), |v| num2(lang, v)),
                q.flags
                    .iter()
                    .map(|f| f.label(lang))
                    .collect::<Vec<_>>()
                    .join(", "),
            ]
        })
        .collect();
    if flagged.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            l("Ingen spørgsmål er markeret.", "No question is flagged.")
        );
    } else {
        table(
            out,
            &[
                l("Spørgsmål", "Question"),
                l("Modul", "Module"),
                "n",
                l("Sværhed (andel rigtige)", "Facility"),
                l("Diskrimination", "Discrimination"),
                l("Markering", "Flag"),
            ],
            &flagged,
        );
    }
}

fn problems(out: &mut String, report: &Report, lang: Lang) {
    let l = |da: &'static str, en: &'static str| lang.pick(da, en);
    let _ = writeln!(out, "## {}\n", l("Problemer", "Problems"));
    let mut by_kind: std::collections::BTreeMap<_, (u64, u64)> = std::collections::BTreeMap::new();
    for p in &report.problems {
        let e = by_kind.entry(p.kind).or_default();
        e.0 += 1;
        e.1 += p.records;
    }
    if by_kind.is_empty() {
        let _ = writeln!(out, "{}\n", l("Ingen.", "None."));
    } else {
        let rows: Vec<Vec<String>> = by_kind
            .iter()
            .map(|(k, (n, recs))| vec![k.label(lang).into(), n.to_string(), recs.to_string()])
            .collect();
        table(
            out,
            &[
                l("Slags", "Kind"),
                l("Antal", "Count"),
                l("Poster ikke talt med", "Records not counted"),
            ],
            &rows,
        );
        let rows: Vec<Vec<String>> = report
            .problems
            .iter()
            .take(PROBLEMS_LISTED)
            .map(|p| {
                vec![
                    match p.line {
                        Some(line) => format!("{}:{line}", p.path),
                        None => p.path.clone(),
                    },
                    p.kind.label(lang).into(),
                    p.message.clone(),
                ]
            })
            .collect();
        table(
            out,
            &[l("Hvor", "Where"), l("Slags", "Kind"), l("Hvad", "What")],
            &rows,
        );
        let more = report.problems.len().saturating_sub(PROBLEMS_LISTED);
        if more > 0 {
            let _ = writeln!(
                out,
                "{}\n",
                match lang {
                    Lang::Da => format!(
                        "… og {more} problemer mere. Alle står i oversigten (`--format tui`) og i `problems.csv` (`--format csv`)."
                    ),
                    Lang::En => format!(
                        "… and {more} more problems. All are listed in the dashboard (`--format tui`) and in `problems.csv` (`--format csv`)."
                    ),
                }
            );
        }
    }
}
