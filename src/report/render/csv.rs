//! CSV for machines (RFC 4180; for people in a spreadsheet, `--format xlsx`): one table per
//! file (`overview.csv`, `completion.csv`, `knowledge.csv`, `questions.csv`, `modules.csv`,
//! `collection.csv`, `problem_counts.csv`, `roster_problems.csv`, `handbook_reviews.csv`), or
//! one long table with a `table` and a `measure` column. Withheld
//! figures are empty with `suppressed` set to `true`. Shares are plain decimals (0.873).
//! Aggregate only: names no one and no file or installation (the follow-up lists are
//! in the follow-up output).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::lang::Lang;
use crate::message::Bilingual;
use crate::report::columns::{self, Column};
use crate::report::model::Report;

/// Why CSV output failed.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// Writing failed.
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: csv::Error,
    },
}

impl Bilingual for CsvError {
    fn write(&self, lang: Lang, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let CsvError::Io { path, source } = self;
        let p = path.display();
        lang.write(
            out,
            format_args!("{p}: kan ikke skrives: {source}"),
            format_args!("{p}: cannot write: {source}"),
        )
    }
}
crate::danish_display!(CsvError);

/// A table: file stem, header, how many leading columns identify a row, rows.
struct Table {
    name: &'static str,
    header: Vec<&'static str>,
    keys: usize,
    rows: Vec<Vec<String>>,
}

/// A table written from its column list (every column; CSV is a data format).
fn table<R>(name: &'static str, cols: &'static [Column<R>], rows: &[R]) -> Table {
    Table {
        name,
        header: cols.iter().map(|c| c.name).collect(),
        keys: cols.iter().take_while(|c| c.key).count(),
        rows: rows
            .iter()
            .map(|r| cols.iter().map(|c| (c.value)(r, Lang::En).csv()).collect())
            .collect(),
    }
}

fn tables(r: &Report) -> Vec<Table> {
    let mut collection: Vec<(&str, u64)> = r
        .counts
        .overview()
        .iter()
        .map(|(k, _, _, v)| (*k, *v))
        .collect();
    collection.push(("min_group", u64::from(r.min_group)));
    vec![
        table("overview", &columns::OVERVIEW, &r.overview),
        table("completion", &columns::COMPLETION, &r.completion),
        table("knowledge", &columns::KNOWLEDGE, &r.knowledge),
        table("questions", &columns::QUESTIONS, &r.questions),
        table("modules", &columns::MODULE_STATS, &r.module_stats),
        Table {
            name: "collection",
            header: vec!["measure", "value"],
            keys: 1,
            rows: collection
                .iter()
                .map(|(k, v)| vec![(*k).to_owned(), v.to_string()])
                .collect(),
        },
        table(
            "problem_counts",
            &columns::PROBLEM_COUNTS,
            &r.problem_counts,
        ),
        table(
            "roster_problems",
            &columns::ROSTER_PROBLEMS,
            &r.roster_problems,
        ),
        table(
            "handbook_reviews",
            &columns::HANDBOOK_REVIEWS,
            &r.handbook_reviews,
        ),
    ]
}

/// Writes one CSV file per table into `dir` (created if missing); returns the files written.
pub fn write_dir(report: &Report, dir: &Path) -> Result<Vec<PathBuf>, CsvError> {
    let io = |path: &Path, e: std::io::Error| CsvError::Io {
        path: path.to_owned(),
        source: e.into(),
    };
    crate::fsutil::create_private_dir(dir).map_err(|e| io(dir, e))?;
    let mut written = Vec::new();
    for t in tables(report) {
        let path = dir.join(format!("{}.csv", t.name));
        let err = |source| CsvError::Io {
            path: path.clone(),
            source,
        };
        // The tables describe the staff per forvaltning: readable by the report's owner only.
        let file = crate::fsutil::create_private(&path).map_err(|e| io(&path, e))?;
        let mut w = csv::Writer::from_writer(file);
        w.write_record(&t.header).map_err(err)?;
        for row in &t.rows {
            w.write_record(row).map_err(err)?;
        }
        w.flush().map_err(|e| io(&path, e))?;
        written.push(path);
    }
    Ok(written)
}

/// Writes every table as one long table with the columns `table`, `key`, `measure`, `value`:
/// one line per figure, `key` joining the row's identifying columns with `/`.
pub fn write_long(report: &Report, out: impl Write) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["table", "key", "measure", "value"])?;
    for t in tables(report) {
        // The identifying columns come first in every table; figures follow.
        let keys = t.keys;
        for row in &t.rows {
            let key = row[..keys.min(row.len())].join("/");
            for (col, value) in t.header.iter().zip(row).skip(keys) {
                w.write_record([t.name, key.as_str(), col, value.as_str()])?;
            }
        }
    }
    w.flush()?;
    Ok(())
}
