//! CSV for spreadsheets: one table per file (`overview.csv`, `completion.csv`,
//! `knowledge.csv`, `questions.csv`, `modules.csv`, `overdue.csv`, `never_started.csv`,
//! `problems.csv`), or one long table with a `table` and a `measure` column. Withheld figures
//! are empty with `suppressed` set to `true`. Shares are plain decimals (0.873), dates ISO.
//! The overdue lists name employees: these files are for the security function itself.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::report::model::{Report, Topic};

use super::safe;

/// Why CSV output failed.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// Writing failed.
    #[error("{path}: cannot write: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: csv::Error,
    },
}

/// A table: file stem, header, rows.
struct Table {
    name: &'static str,
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

fn o<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn topic_parts(t: Topic) -> (&'static str, &'static str) {
    match t {
        Topic::Area(a) => ("area", a.ident()),
        Topic::Goal(g) => (
            "goal",
            match g {
                crate::policy::Goal::Confidentiality => "Confidentiality",
                crate::policy::Goal::Integrity => "Integrity",
                crate::policy::Goal::Availability => "Availability",
            },
        ),
    }
}

/// The overview, completion and knowledge tables.
fn summary_tables(r: &Report) -> Vec<Table> {
    let c = &r.counts;
    let mut overview: Vec<(&str, u64)> = c.overview().iter().map(|(k, _, _, v)| (*k, *v)).collect();
    overview.push(("min_group", u64::from(r.min_group)));
    vec![
        Table {
            name: "overview",
            header: vec!["measure", "value"],
            rows: overview
                .iter()
                .map(|(k, v)| vec![(*k).to_owned(), v.to_string()])
                .collect(),
        },
        Table {
            name: "completion",
            header: vec![
                "forvaltning",
                "module",
                "suppressed",
                "learners",
                "started",
                "not_accepted",
                "passed",
                "overdue",
                "completion_rate",
                "pass_rate",
            ],
            rows: r
                .completion
                .iter()
                .map(|x| {
                    vec![
                        safe(&x.forvaltning),
                        x.module.clone(),
                        x.suppressed.to_string(),
                        o(x.learners),
                        o(x.started),
                        o(x.not_accepted),
                        o(x.passed),
                        o(x.overdue),
                        o(x.completion_rate),
                        o(x.pass_rate),
                    ]
                })
                .collect(),
        },
        Table {
            name: "knowledge",
            header: vec![
                "forvaltning",
                "kind",
                "topic",
                "quarter",
                "suppressed",
                "learners",
                "correct",
                "asked",
                "share",
                "trend",
            ],
            rows: r
                .knowledge
                .iter()
                .map(|x| {
                    let (kind, topic) = topic_parts(x.topic);
                    vec![
                        x.forvaltning.as_deref().map_or_else(|| "*".into(), safe),
                        kind.into(),
                        topic.into(),
                        x.quarter.clone(),
                        x.suppressed.to_string(),
                        o(x.learners),
                        o(x.correct),
                        o(x.asked),
                        o(x.share),
                        x.trend
                            .map(|t| format!("{t:?}").to_lowercase())
                            .unwrap_or_default(),
                    ]
                })
                .collect(),
        },
    ]
}

/// The per-question, per-module, overdue and problem tables.
fn detail_tables(r: &Report) -> Vec<Table> {
    vec![
        Table {
            name: "questions",
            header: vec![
                "question",
                "module",
                "area",
                "suppressed",
                "n",
                "facility",
                "discrimination",
                "flags",
            ],
            rows: r
                .questions
                .iter()
                .map(|q| {
                    vec![
                        q.id.clone(),
                        q.module.clone(),
                        q.area.ident().into(),
                        q.suppressed.to_string(),
                        o(q.n),
                        o(q.facility),
                        o(q.discrimination),
                        q.flags
                            .iter()
                            .map(|f| f.label(crate::lang::Lang::En))
                            .collect::<Vec<_>>()
                            .join(";"),
                    ]
                })
                .collect(),
        },
        Table {
            name: "modules",
            header: vec!["module", "suppressed", "n", "mean", "sd", "alpha"],
            rows: r
                .module_stats
                .iter()
                .map(|m| {
                    vec![
                        m.module.clone(),
                        m.suppressed.to_string(),
                        o(m.n),
                        o(m.mean),
                        o(m.sd),
                        o(m.alpha),
                    ]
                })
                .collect(),
        },
        Table {
            name: "overdue",
            header: vec!["employee_id", "forvaltning", "module", "overdue_since"],
            rows: r
                .overdue
                .iter()
                .map(|x| {
                    vec![
                        safe(&x.learner),
                        safe(&x.forvaltning),
                        x.module.to_string(),
                        x.since.to_string(),
                    ]
                })
                .collect(),
        },
        Table {
            name: "never_started",
            header: vec!["employee_id", "forvaltning", "start_date"],
            rows: r
                .never_started
                .iter()
                .map(|x| vec![safe(&x.learner), safe(&x.forvaltning), x.start.clone()])
                .collect(),
        },
        Table {
            name: "problems",
            header: vec!["path", "line", "kind", "records", "message"],
            rows: r
                .problems
                .iter()
                .map(|p| {
                    vec![
                        safe(&p.path),
                        o(p.line),
                        p.kind.label(crate::lang::Lang::En).into(),
                        p.records.to_string(),
                        safe(&p.message),
                    ]
                })
                .collect(),
        },
    ]
}

fn tables(r: &Report) -> Vec<Table> {
    let mut t = summary_tables(r);
    t.extend(detail_tables(r));
    t
}

/// Writes one CSV file per table into `dir` (created if missing); returns the files written.
pub fn write_dir(report: &Report, dir: &Path) -> Result<Vec<PathBuf>, CsvError> {
    let io = |path: &Path, e: std::io::Error| CsvError::Io {
        path: path.to_owned(),
        source: e.into(),
    };
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let mut written = Vec::new();
    for t in tables(report) {
        let path = dir.join(format!("{}.csv", t.name));
        let err = |source| CsvError::Io {
            path: path.clone(),
            source,
        };
        let mut w = csv::Writer::from_path(&path).map_err(err)?;
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
        let keys = match t.name {
            "completion" | "never_started" => 2,
            "knowledge" => 4,
            "questions" | "overdue" => 3,
            _ => 1,
        };
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
