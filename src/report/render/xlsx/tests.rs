//! The spreadsheet read back with calamine: every sheet's header is its column list's, every
//! figure is the JSON report's (numbers as numbers, withheld as `<5`), and no one is named.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};
use serde_json::Value as Json;

use super::render;
use crate::lang::Lang;
use crate::report::columns::{self, Column, Medium, columns_in};
use crate::report::render::json;
use crate::report::testkit::three_forvaltninger as report;

/// Checks one sheet against the JSON rows of the same table: the header is the Document
/// columns' Danish heads, and every figure the JSON has is in the cell below it.
fn check<R>(sheet: &Range<Data>, cols: &'static [Column<R>], rows: &Json) -> usize {
    let cols: Vec<&Column<R>> = columns_in(cols, Medium::Document).collect();
    let rows = rows.as_array().expect("a table");
    assert_eq!(
        sheet.height(),
        rows.len() + 1,
        "a header and one line per row"
    );
    for (c, col) in cols.iter().enumerate() {
        assert_eq!(
            sheet.get((0, c)),
            Some(&Data::String(col.head(Lang::Da).to_owned())),
            "{}",
            col.name
        );
    }
    let mut numbers = 0;
    for (r, row) in rows.iter().enumerate() {
        for (c, col) in cols.iter().enumerate() {
            let got = sheet.get((r + 1, c)).unwrap_or(&Data::Empty);
            match &row[col.name] {
                Json::Number(n) => {
                    let want = n.as_f64().expect("a number");
                    assert_eq!(got, &Data::Float(want), "row {r}, {}", col.name);
                    numbers += 1;
                }
                Json::Null if row["suppressed"] == true => {
                    assert_eq!(got, &Data::String("<5".into()), "row {r}, {}", col.name);
                }
                Json::Null => assert_eq!(got, &Data::Empty, "row {r}, {}", col.name),
                Json::String(s) if s.is_empty() => {}
                Json::String(_) | Json::Bool(_) => {
                    assert!(matches!(got, Data::String(_)), "row {r}, {}", col.name);
                }
                other => panic!("unexpected JSON {other}"),
            }
        }
    }
    numbers
}

#[test]
fn every_sheet_holds_the_json_reports_figures() {
    let r = report();
    let js: Json = serde_json::from_str(&json::render(&r).expect("serialises")).expect("JSON");
    let bytes = render(&r, Lang::Da).expect("written");
    let mut book = Xlsx::new(Cursor::new(bytes)).expect("an xlsx");
    assert_eq!(
        book.sheet_names(),
        [
            "Overblik",
            "Håndbogens revurdering",
            "Gennemførelse",
            "Vidensniveau",
            "Spørgsmål",
            "Moduler",
            "Problemer",
            "Medarbejderlisten",
            "Indsamling"
        ]
    );
    let mut sheet = |name: &str| book.worksheet_range(name).expect("the sheet");
    let mut numbers = check(&sheet("Overblik"), &columns::OVERVIEW, &js["overview"]);
    check(
        &sheet("Håndbogens revurdering"),
        &columns::HANDBOOK_REVIEWS,
        &js["handbook_reviews"],
    );
    numbers += check(
        &sheet("Gennemførelse"),
        &columns::COMPLETION,
        &js["completion"],
    );
    numbers += check(
        &sheet("Vidensniveau"),
        &columns::KNOWLEDGE,
        &js["knowledge"],
    );
    numbers += check(&sheet("Spørgsmål"), &columns::QUESTIONS, &js["questions"]);
    numbers += check(
        &sheet("Moduler"),
        &columns::MODULE_STATS,
        &js["module_stats"],
    );
    assert!(numbers > 250, "{numbers} figures checked");
    // Titles, not ids; Gamma withheld whole; the overview's employees are real numbers.
    let overview = sheet("Overblik");
    assert_eq!(
        overview.get((0, 0)),
        Some(&Data::String("Forvaltning".into()))
    );
    assert_eq!(
        overview.get((1, 0)),
        Some(&Data::String("Alle forvaltninger".into()))
    );
    assert_eq!(overview.get((1, 1)), Some(&Data::Float(22.0)));
    let completion = sheet("Gennemførelse");
    assert_eq!(
        completion.get((1, 1)),
        Some(&Data::String("Simuleret modul 0".into()))
    );
    let books = sheet("Indsamling");
    assert_eq!(
        books.get((1, 1)),
        Some(&Data::Float(
            js["counts"]["files_read"].as_f64().expect("n")
        ))
    );
    // Nobody is named anywhere.
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("sheet");
        assert!(
            !range
                .cells()
                .any(|(_, _, d)| matches!(d, Data::String(s) if s.contains("Alfa1") || s.contains("ghost"))),
            "{name} names someone"
        );
    }
}

#[test]
fn english_headings_with_lang_en() {
    let bytes = render(&report(), Lang::En).expect("written");
    let mut book = Xlsx::new(Cursor::new(bytes)).expect("an xlsx");
    assert_eq!(book.sheet_names()[0], "Overview");
    let overview = book.worksheet_range("Overview").expect("sheet");
    assert_eq!(
        overview.get((0, 3)),
        Some(&Data::String("All up to date".into()))
    );
}
