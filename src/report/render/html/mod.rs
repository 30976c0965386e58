//! A page to share (`--format html`): one self-contained file for the forums where results
//! are discussed (policy 1.8). No external request of any kind: the CSS is inline, the charts
//! are inline SVG ([`charts`]), there is no script, font or image from elsewhere. HTML comes
//! from maud, which escapes every text by default. Danish or English, printable (a print
//! style sheet, each section on a new page), accessible (headings in order, table headers
//! with scope, a title and a description in words for every chart).
//!
//! Aggregate only, like Markdown: the same column lists, the same withheld figures, naming no
//! one.

pub mod charts;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{overview_note, overview_summary, quarter_heading, safe, share_in};
use crate::lang::Lang;
use crate::report::columns::{self, Align, Column, Medium, columns_in};
use crate::report::model::{Report, Topic};

/// The page's style: screen and print, no external resource.
const STYLE: &str = r"
:root { color-scheme: light; }
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #111; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #08457e; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
nav ol { columns: 2; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid #bbb; padding: .2rem .45rem; vertical-align: top; }
thead th { background: #eef2f8; }
tbody th { text-align: left; font-weight: normal; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.note { color: #333; font-size: .9rem; max-width: 60rem; }
.summary p { margin: .2rem 0; font-size: 1.05rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: .5rem 0; }
figcaption { font-weight: 600; }
svg.chart { max-width: 100%; height: auto; font-size: 11px; }
svg .label { fill: #222; }
svg .label.weak, svg .total { font-weight: 700; }
svg .value { font-size: 11px; fill: #111; }
svg .grid { stroke: #ddd; stroke-width: 1; }
svg .bar { fill: #6b8fc2; }
svg .bar.weak { fill: #b8461b; }
svg .withheld { fill: #e4e4e4; }
svg path.line { fill: none; stroke-width: 2; }
svg path.g0 { stroke: #08457e; }
svg path.g1 { stroke: #b8461b; }
svg path.g2 { stroke: #3a7d2c; }
svg text.g0 { fill: #08457e; }
svg text.g1 { fill: #b8461b; }
svg text.g2 { fill: #3a7d2c; }
dl.glossary dt { font-weight: 700; margin-top: .6rem; }
dl.glossary dd { margin-left: 1.2rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  nav { display: none; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  table, svg, figure { break-inside: avoid; }
  thead { display: table-header-group; }
}
";

/// The whole page.
pub fn render(report: &Report, lang: Lang) -> String {
    let l = |da: &'static str, en: &'static str| lang.pick(da, en);
    let sections: [(&str, &str, Markup); 7] = [
        (
            "overblik",
            l("Overblik", "Overview"),
            overview(report, lang),
        ),
        (
            "gennemfoerelse",
            l(
                "Gennemførelse pr. forvaltning og modul",
                "Completion per forvaltning and module",
            ),
            completion(report, lang),
        ),
        (
            "omraader",
            l("Vidensniveau pr. område", "Knowledge per area"),
            areas(report, lang),
        ),
        (
            "udvikling",
            l("Udvikling pr. forvaltning", "Trends per forvaltning"),
            trends(report, lang),
        ),
        (
            "spoergsmaal",
            l("Spørgsmål der bør ses på", "Questions to review"),
            questions(report, lang),
        ),
        (
            "forklaringer",
            l("Sådan læses tallene", "How to read the figures"),
            glossary(report, lang),
        ),
        (
            "problemer",
            l("Problemer og optælling", "Problems and bookkeeping"),
            problems(report, lang),
        ),
    ];
    let title = format!(
        "{} {}",
        l("Opfølgning på it-sikkerhed:", "Follow-up on IT security:"),
        report.today
    );
    let page = html! {
        (DOCTYPE)
        html lang=(l("da", "en")) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { (title) }
                    p.note { (privacy_note(report, lang)) }
                }
                nav aria-label=(l("Indhold", "Contents")) {
                    ol { @for (id, heading, _) in &sections { li { a href={ "#" (id) } { (heading) } } } }
                }
                main {
                    @for (id, heading, body) in &sections {
                        section id=(id) aria-labelledby={ (id) "-h" } {
                            h2 id={ (id) "-h" } { (heading) }
                            (body)
                        }
                    }
                }
            }
        }
    };
    page.into_string()
}

fn privacy_note(report: &Report, lang: Lang) -> String {
    let n = report.min_group;
    match lang {
        Lang::Da => format!(
            "Grupper med færre end {n} medarbejdere vises ikke (vist som «<{n}»), og heller ikke grupper, som ellers kunne regnes ud af de viste tal. Siden nævner ingen personer og ingen filer."
        ),
        Lang::En => format!(
            "Groups of fewer than {n} learners are withheld (shown as «<{n}»), and so are groups that could otherwise be worked out from the figures shown. The page names no person and no file."
        ),
    }
}

/// A table drawn from a column list (the columns Markdown shows); the first column heads
/// each row.
fn table<'r, R: 'r>(
    report: &Report,
    lang: Lang,
    (caption, cols): (&str, &'static [Column<R>]),
    rows: impl Iterator<Item = &'r R>,
) -> Markup {
    let cols: Vec<&Column<R>> = columns_in(cols, Medium::Document).collect();
    let class = |c: &Column<R>| match c.align {
        Align::Left => None,
        Align::Right => Some("num"),
    };
    html! {
        table {
            caption { (caption) }
            thead { tr { @for c in &cols { th scope="col" { (c.head(lang)) } } } }
            tbody {
                @for r in rows {
                    tr {
                        @for (i, c) in cols.iter().enumerate() {
                            @if i == 0 {
                                th scope="row" { (c.text(r, lang, report.min_group)) }
                            } @else {
                                td class=[class(c)] { (c.text(r, lang, report.min_group)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn overview(report: &Report, lang: Lang) -> Markup {
    html! {
        div.summary { @for line in overview_summary(report, lang) { p { (line) } } }
        (table(report, lang, (lang.pick("Personer pr. forvaltning", "People per forvaltning"), &columns::OVERVIEW), report.overview.iter()))
        p.note { (overview_note(report, lang)) }
        @if !report.handbook_reviews.is_empty() {
            (table(report, lang, (lang.pick("It-sikkerhedshåndbogens revurdering", "Review of the IT-security handbook"), &columns::HANDBOOK_REVIEWS), report.handbook_reviews.iter()))
        }
    }
}

fn completion(report: &Report, lang: Lang) -> Markup {
    html! {
        figure { (charts::heatmap(report, lang)) }
        (table(report, lang, (lang.pick("Gennemførelse pr. forvaltning og modul", "Completion per forvaltning and module"), &columns::COMPLETION), report.completion.iter()))
    }
}

fn areas(report: &Report, lang: Lang) -> Markup {
    let Some(chart) = charts::areas(report, lang) else {
        return html! { p { (lang.pick("Ingen svar endnu.", "No answers yet.")) } };
    };
    let latest = report
        .quarters
        .last()
        .map(|q| quarter_heading(report, q, lang))
        .unwrap_or_default();
    let forv = &report.forvaltninger;
    html! {
        figure { (chart) }
        table {
            caption { (lang.pick("Vidensniveau pr. forvaltning og område", "Knowledge per forvaltning and area")) " (" (latest) ")" }
            thead { tr {
                th scope="col" { (lang.pick("Område / mål", "Area / goal")) }
                @for f in forv { th scope="col" { (safe(f)) } }
                th scope="col" { (lang.pick("Alle forvaltninger", "All forvaltninger")) }
            } }
            tbody {
                @for t in Topic::all() {
                    tr {
                        th scope="row" { (t.name(lang)) }
                        @for f in forv { td.num { (latest_in(report, lang, Some(f), t)) } }
                        td.num { (latest_in(report, lang, None, t)) }
                    }
                }
            }
        }
        p.note { (trend_note(lang)) }
    }
}

fn latest_in(report: &Report, lang: Lang, forv: Option<&str>, t: Topic) -> String {
    report
        .quarters
        .last()
        .map_or_else(|| "–".to_owned(), |q| share_in(report, lang, forv, t, q))
}

fn trend_note(lang: Lang) -> &'static str {
    lang.pick(
        "Andel rigtige svar, gennemsnit over medarbejderne (hver tæller én gang). ↑/↓: en ændring siden kvartalet før, der er for stor til at være tilfældig (signifikant på 95 %-niveau); →: ingen sikker ændring.",
        "Share of correct answers, averaged over the learners (each counts once). ↑/↓: a change since the quarter before too large to be chance (significant at the 95% level); →: no certain change.",
    )
}

fn trends(report: &Report, lang: Lang) -> Markup {
    let shown: Vec<&String> = report
        .forvaltninger
        .iter()
        .filter(|f| {
            report
                .knowledge
                .iter()
                .any(|r| r.forvaltning.as_ref() == Some(*f) && r.figures.shown().is_some())
        })
        .collect();
    html! {
        p.note { (lang.pick(
            "Hver graf viser én forvaltnings andel rigtige svar pr. mål i politik 1.1 (fortrolighed, integritet, tilgængelighed) de seneste kvartaler. * markerer kvartalet, der er i gang. Et hul er et kvartal, der ikke vises.",
            "Each chart shows one forvaltning's share of correct answers per goal of policy 1.1 (confidentiality, integrity, availability) over the latest quarters. * marks the quarter in progress. A gap is a quarter that is withheld.")) }
        div.charts {
            figure {
                figcaption { (lang.pick("Alle forvaltninger", "All forvaltninger")) }
                (charts::trend(report, None, lang, "trend-all"))
            }
            @for (i, f) in shown.iter().enumerate() {
                figure {
                    figcaption { (safe(f)) }
                    (charts::trend(report, Some(f), lang, &format!("trend-{i}")))
                }
            }
        }
    }
}

fn questions(report: &Report, lang: Lang) -> Markup {
    let flagged: Vec<_> = report
        .questions
        .iter()
        .filter(|q| q.figures.shown().is_some_and(|f| !f.flags.is_empty()))
        .collect();
    html! {
        @if flagged.is_empty() {
            p { (lang.pick("Ingen spørgsmål er markeret.", "No question is flagged.")) }
        } @else {
            (table(report, lang, (lang.pick("Markerede spørgsmål, første forsøg", "Flagged questions, first attempts"), &columns::QUESTIONS), flagged.into_iter()))
        }
        (table(report, lang, (lang.pick("Moduler, første forsøg", "Modules, first attempts"), &columns::MODULE_STATS), report.module_stats.iter()))
    }
}

fn glossary(report: &Report, lang: Lang) -> Markup {
    html! {
        dl.glossary {
            @for (term, meaning) in super::glossary(report, lang) {
                dt { (term) }
                dd { (meaning) }
            }
        }
    }
}

fn problems(report: &Report, lang: Lang) -> Markup {
    let l = |da: &'static str, en: &'static str| lang.pick(da, en);
    html! {
        table {
            caption { (l("Indsamling", "Collection")) }
            thead { tr { th scope="col" { (l("Hvad", "What")) } th scope="col" { (l("Antal", "Count")) } } }
            tbody {
                @for (_, da, en, v) in report.counts.overview() {
                    tr { th scope="row" { (l(da, en)) } td.num { (v) } }
                }
            }
        }
        @if report.problem_counts.is_empty() && report.roster_problems.is_empty() {
            p { (l("Ingen problemer.", "No problems.")) }
        } @else {
            p.note { (l("Filer og poster, der ikke er talt med, pr. forvaltning og slags. Hvilke filer det er, står i opfølgningsfilen.", "Files and records not counted, per forvaltning and kind. Which files they are is in the follow-up file.")) }
            (table(report, lang, (l("Ikke talt med", "Not counted"), &columns::PROBLEM_COUNTS), report.problem_counts.iter()))
            @if !report.roster_problems.is_empty() {
                (table(report, lang, (l("Medarbejderlisten", "Roster"), &columns::ROSTER_PROBLEMS), report.roster_problems.iter()))
            }
        }
    }
}

#[cfg(test)]
mod tests;
