//! The page without a browser: self-contained (no external request anywhere), escaped,
//! structured for a screen reader, one SVG per chart, and naming no one. The browser test
//! (`tests/report_html.rs`) renders it for real.

use super::render;
use crate::lang::Lang;
use crate::report::testkit::three_forvaltninger;

/// Every place a page can make a request: `src=`, `href=`, `url(`, `@import`, and their
/// values; `href="#…"` (a place on the page itself) is the only one allowed.
pub(crate) fn external_requests(page: &str) -> Vec<String> {
    let lower = page.to_lowercase();
    let mut found = Vec::new();
    for needle in [
        "src=", "url(", "@import", "<link", "<script", "<iframe", "<img", "<object",
    ] {
        if let Some(i) = lower.find(needle) {
            found.push(lower[i..(i + 60).min(lower.len())].to_owned());
        }
    }
    let mut rest = lower.as_str();
    while let Some(i) = rest.find("href=") {
        let value = &rest[i + 5..];
        if !value.starts_with("\"#") {
            found.push(value.chars().take(60).collect());
        }
        rest = value;
    }
    for scheme in ["http://", "https://", "//"] {
        for attr in ["src=\"", "href=\"", "url("] {
            if lower.contains(&format!("{attr}{scheme}")) {
                found.push(format!("{attr}{scheme}"));
            }
        }
    }
    found
}

#[test]
fn the_page_makes_no_external_request() {
    let page = render(&three_forvaltninger(), Lang::Da);
    assert_eq!(external_requests(&page), Vec::<String>::new());
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "no address at all"
    );
    // The check itself finds what it looks for.
    for bad in [
        "<img src=\"https://x/y.png\">",
        "<a href=\"http://x\">",
        "<style>a{background:url(x.png)}</style>",
        "<link rel=stylesheet href=\"//cdn/x.css\">",
    ] {
        assert!(!external_requests(bad).is_empty(), "{bad}");
    }
}

#[test]
fn headings_charts_and_tables_are_there_for_a_screen_reader() {
    let r = three_forvaltninger();
    let page = render(&r, Lang::Da);
    assert!(
        page.starts_with("<!DOCTYPE html><html lang=\"da\">"),
        "{}",
        &page[..60]
    );
    for h in [
        "<h1>Opfølgning på it-sikkerhed: 2025-06-15</h1>",
        ">Overblik</h2>",
        ">Gennemførelse pr. forvaltning og modul</h2>",
        ">Vidensniveau pr. område</h2>",
        ">Udvikling pr. forvaltning</h2>",
        ">Spørgsmål der bør ses på</h2>",
        ">Sådan læses tallene</h2>",
        ">Problemer og optælling</h2>",
    ] {
        assert!(page.contains(h), "lacks {h}");
    }
    // One SVG per chart: the heatmap, the areas, and a trend for all and each shown
    // forvaltning (Gamma is withheld, and Beta with it).
    let svgs = page.matches("<svg ").count();
    let trends = page.matches("class=\"chart\" id=\"trend-").count();
    assert_eq!(svgs, 2 + trends, "{svgs} charts");
    assert!(trends >= 1);
    assert_eq!(page.matches("role=\"img\"").count(), svgs);
    assert_eq!(
        page.matches("<title id=").count(),
        svgs,
        "every chart has a title"
    );
    assert_eq!(page.matches("<desc id=").count(), svgs, "and a description");
    assert!(page.contains("<th scope=\"col\">"), "table headers");
    assert!(page.contains("@media print") && page.contains("break-before: page"));
    // The weakest areas are marked with a symbol, not colour alone.
    assert!(page.contains("▼ "), "weakest marked");
    assert!(page.contains("blandt de svageste"));
    // The glossary explains the figures.
    for term in [
        "Diskrimination",
        "Cronbach α",
        "95 %-interval",
        "signifikant",
    ] {
        assert!(page.contains(term), "glossary lacks {term}");
    }
    // English with --lang en.
    let en = render(&r, Lang::En);
    assert!(en.contains("<html lang=\"en\">") && en.contains(">Overview</h2>"));
}

#[test]
fn text_from_records_is_escaped_and_nobody_is_named() {
    let mut r = three_forvaltninger();
    r.forvaltninger
        .push("<script>alert(1)</script>\u{202e}".into());
    let page = render(&r, Lang::Da);
    assert!(!page.contains("<script>"), "escaped");
    assert!(page.contains("&lt;script&gt;"));
    assert!(!page.contains('\u{202e}'), "display-safe");
    for id in ["Alfa1", "Beta0", "ghost"] {
        assert!(!page.contains(id), "names {id}");
    }
}
