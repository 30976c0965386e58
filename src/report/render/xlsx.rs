//! The spreadsheet (`--format xlsx`), for people who work in Excel: one sheet per table,
//! headings in the report's language, module titles rather than ids, real numbers (shares
//! with a percentage format, so Danish Excel shows `87,3 %` and can compute with it), the
//! header row frozen and filters on. A withheld figure is the text `<5`, so it can never be
//! summed by mistake. Aggregate only, like Markdown: the same columns (`Medium::Document`)
//! from the same lists, naming no one. CSV stays the format for machines.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::lang::Lang;
use crate::report::columns::{self, Column, Medium, Value, columns_in};
use crate::report::model::Report;
use crate::report::stats::as_f64;

/// The spreadsheet's cell formats.
struct Formats {
    head: Format,
    count: Format,
    share: Format,
    decimal: Format,
    withheld: Format,
}

impl Formats {
    fn new() -> Self {
        Formats {
            head: Format::new().set_bold().set_text_wrap(),
            count: Format::new().set_num_format("0"),
            share: Format::new().set_num_format("0.0%"),
            decimal: Format::new().set_num_format("0.00"),
            withheld: Format::new().set_align(rust_xlsxwriter::FormatAlign::Right),
        }
    }
}

/// The report as an xlsx workbook, in bytes.
pub fn render(report: &Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let l = |da: &'static str, en: &'static str| lang.pick(da, en);
    let f = Formats::new();
    let mut book = Workbook::new();
    let min = report.min_group;
    let ctx = (lang, min, &f);
    sheet(
        book.add_worksheet(),
        l("Overblik", "Overview"),
        &columns::OVERVIEW,
        &report.overview,
        ctx,
    )?;
    sheet(
        book.add_worksheet(),
        l("Håndbogens revurdering", "Handbook review"),
        &columns::HANDBOOK_REVIEWS,
        &report.handbook_reviews,
        ctx,
    )?;
    sheet(
        book.add_worksheet(),
        l("Gennemførelse", "Completion"),
        &columns::COMPLETION,
        &report.completion,
        ctx,
    )?;
    sheet(
        book.add_worksheet(),
        l("Vidensniveau", "Knowledge"),
        &columns::KNOWLEDGE,
        &report.knowledge,
        ctx,
    )?;
    sheet(
        book.add_worksheet(),
        l("Spørgsmål", "Questions"),
        &columns::QUESTIONS,
        &report.questions,
        ctx,
    )?;
    sheet(
        book.add_worksheet(),
        l("Moduler", "Modules"),
        &columns::MODULE_STATS,
        &report.module_stats,
        ctx,
    )?;
    sheet(
        book.add_worksheet(),
        l("Problemer", "Problems"),
        &columns::PROBLEM_COUNTS,
        &report.problem_counts,
        ctx,
    )?;
    sheet(
        book.add_worksheet(),
        l("Medarbejderlisten", "Roster"),
        &columns::ROSTER_PROBLEMS,
        &report.roster_problems,
        ctx,
    )?;
    bookkeeping(book.add_worksheet(), report, ctx)?;
    book.save_to_buffer()
}

/// One table on its own sheet: the header row (frozen, with filters), then a row per row.
fn sheet<R>(
    ws: &mut Worksheet,
    name: &str,
    cols: &'static [Column<R>],
    rows: &[R],
    (lang, min, f): (Lang, u32, &Formats),
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let cols: Vec<&Column<R>> = columns_in(cols, Medium::Document).collect();
    for (c, col) in (0u16..).zip(&cols) {
        ws.write_string_with_format(0, c, col.head(lang), &f.head)?;
    }
    for (r, row) in (1u32..).zip(rows) {
        for (c, col) in (0u16..).zip(&cols) {
            cell(ws, (r, c), &(col.value)(row, lang), (lang, min, f))?;
        }
    }
    finish(ws, rows.len(), cols.len())
}

/// Frozen header, filters over the table, columns as wide as their contents.
fn finish(ws: &mut Worksheet, rows: usize, cols: usize) -> Result<(), XlsxError> {
    ws.set_freeze_panes(1, 0)?;
    let last_row = u32::try_from(rows).unwrap_or(u32::MAX - 1);
    let last_col = u16::try_from(cols.saturating_sub(1)).unwrap_or(0);
    ws.autofilter(0, 0, last_row, last_col)?;
    ws.set_autofit_max_width(400).autofit();
    Ok(())
}

/// One cell: numbers as numbers with their format, text display-safe, withheld as `<5`.
fn cell(
    ws: &mut Worksheet,
    (row, col): (u32, u16),
    value: &Value,
    (lang, min, formats): (Lang, u32, &Formats),
) -> Result<(), XlsxError> {
    match value {
        Value::Count(n) => {
            ws.write_number_with_format(row, col, as_f64(*n), &formats.count)?;
        }
        Value::Share(s) => {
            ws.write_number_with_format(row, col, *s, &formats.share)?;
        }
        Value::Decimal(d) => {
            ws.write_number_with_format(row, col, *d, &formats.decimal)?;
        }
        Value::Withheld => {
            ws.write_string_with_format(row, col, value.text(lang, min), &formats.withheld)?;
        }
        Value::Empty => {}
        Value::Text(_) | Value::Label { .. } | Value::Flag(_) => {
            let text = value.text(lang, min);
            if !text.is_empty() {
                ws.write_string(row, col, text)?;
            }
        }
    }
    Ok(())
}

/// The collection's bookkeeping: what was read, counted and rejected.
fn bookkeeping(
    ws: &mut Worksheet,
    report: &Report,
    (lang, _, f): (Lang, u32, &Formats),
) -> Result<(), XlsxError> {
    ws.set_name(lang.pick("Indsamling", "Collection"))?;
    ws.write_string_with_format(0, 0, lang.pick("Hvad", "What"), &f.head)?;
    ws.write_string_with_format(0, 1, lang.pick("Antal", "Count"), &f.head)?;
    let figures = report.counts.overview();
    for (r, (_, da, en, value)) in (1u32..).zip(&figures) {
        ws.write_string(r, 0, lang.pick(da, en))?;
        ws.write_number_with_format(r, 1, as_f64(*value), &f.count)?;
    }
    finish(ws, figures.len(), 2)
}

#[cfg(test)]
mod tests;
