//! The roster: a CSV of the employees who should be trained, so the report can show who has
//! never started and use the real start date for the onboarding deadline.
//!
//! Format: a header row, then one row per employee with three columns, in any order, named
//! (case and spaces ignored) `medarbejder` or `employee_id`, `forvaltning`, and `startdato` or
//! `start_date`, and optionally a fourth, `rolle` or `role`: `leder` (or `manager`) for an
//! employee with personnel responsibility, `medarbejder` (or `employee`) or empty for one
//! without. Dates are `YYYY-MM-DD`. Commas separate fields; a file whose header has
//! semicolons and no commas (Danish spreadsheet export) is read with semicolons. Employee ids
//! and forvaltning names follow the record rules (`record::check_learner_id`,
//! `record::check_forvaltning`), so they match what learners give.
//!
//! The role decides who a managers' module is due for. Without the column the roster says
//! nothing about roles ([`RosterEntry::role`] is `None`), and the report goes by the records
//! as it does without a roster (see `report::finalize`).
//!
//! Bad rows are reported with their line number and left out; a header without the three
//! columns rejects the whole file. [`write_roster`] writes the same format (Danish column
//! names and values, commas), as `bevidst simulate --roster` does.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::course::Role;
use crate::lang::Lang;
use crate::message::{Bilingual, IoReason};

/// The largest roster read: 45,000 employees take about 3 MB.
const MAX_ROSTER_BYTES: u64 = 256 * 1024 * 1024;

/// One employee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterEntry {
    /// Employee id.
    pub id: String,
    /// Forvaltning.
    pub forvaltning: String,
    /// Start date.
    pub start: Date,
    /// Manager or not; `None` when the roster has no role column.
    pub role: Option<Role>,
}

/// The employees of a roster, in file order.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    /// The accepted rows.
    pub employees: Vec<RosterEntry>,
    by_id: HashMap<String, usize>,
}

impl Roster {
    /// The employee with this id.
    pub fn get(&self, id: &str) -> Option<&RosterEntry> {
        self.by_id.get(id).map(|&i| &self.employees[i])
    }

    /// The position in [`Roster::employees`] of the employee with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    fn push(&mut self, e: RosterEntry) -> bool {
        if self.by_id.contains_key(&e.id) {
            return false;
        }
        self.by_id.insert(e.id.clone(), self.employees.len());
        self.employees.push(e);
        true
    }
}

/// A rejected row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// 1-based line in the file.
    pub line: u64,
    /// What is wrong and what to do.
    pub message: String,
}

/// Why a roster could not be used at all.
#[derive(Debug, thiserror::Error)]
pub enum RosterError {
    /// The file cannot be read.
    Unreadable {
        /// The roster file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file cannot be written.
    Unwritable {
        /// The roster file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The header lacks a required column.
    Columns {
        /// The roster file.
        path: PathBuf,
        /// The column(s) missing.
        missing: String,
        /// The header as found.
        found: String,
    },
}

impl Bilingual for RosterError {
    fn write(&self, lang: Lang, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RosterError::Unreadable { path, source } => {
                let (p, why) = (path.display(), IoReason(source).text(lang));
                lang.write(
                    out,
                    format_args!("{p}: medarbejderlisten kan ikke læses: {why}"),
                    format_args!("{p}: cannot read the roster: {why}"),
                )
            }
            RosterError::Unwritable { path, source } => {
                let (p, why) = (path.display(), IoReason(source).text(lang));
                lang.write(
                    out,
                    format_args!("{p}: medarbejderlisten kan ikke skrives: {why}"),
                    format_args!("{p}: cannot write the roster: {why}"),
                )
            }
            RosterError::Columns {
                path,
                missing,
                found,
            } => {
                let p = path.display();
                lang.write(
                    out,
                    format_args!(
                        "{p}:1: medarbejderlisten har ingen kolonne {missing}; overskriften skal nævne `medarbejder` (eller `employee_id`), `forvaltning` og `startdato` (eller `start_date`) og må nævne `rolle` (eller `role`); fundet: {found}"
                    ),
                    format_args!(
                        "{p}:1: the roster has no column {missing}; the header must name `medarbejder` (or `employee_id`), `forvaltning` and `startdato` (or `start_date`), and may name `rolle` (or `role`), found: {found}"
                    ),
                )
            }
        }
    }
}
crate::danish_display!(RosterError);

/// Reads a roster file; returns the accepted rows and the rejected ones.
pub fn read_roster(path: &Path) -> Result<(Roster, Vec<RowProblem>), RosterError> {
    // Only a regular file, never a pipe or a device (see `crate::foreign`).
    let bytes = crate::foreign::read_bytes(path, MAX_ROSTER_BYTES).map_err(|e| {
        let source = match e {
            crate::foreign::ForeignError::Io { source, .. } => source,
            other => std::io::Error::other(other.reason(crate::lang::Lang::En)),
        };
        RosterError::Unreadable {
            path: path.to_owned(),
            source,
        }
    })?;
    parse_roster(path, &bytes)
}

/// Parses roster bytes (`path` names the file in messages).
pub fn parse_roster(path: &Path, bytes: &[u8]) -> Result<(Roster, Vec<RowProblem>), RosterError> {
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let delimiter = if first_line.contains(&b';') && !first_line.contains(&b',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(normalize_header).collect(),
        Err(e) => {
            return Err(RosterError::Columns {
                path: path.to_owned(),
                missing: "(none readable)".into(),
                found: e.to_string(),
            });
        }
    };
    let find = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let cols = (
        find(&["medarbejder", "medarbejderid", "employee_id", "employeeid"]),
        find(&["forvaltning"]),
        find(&["startdato", "start_date", "startdate"]),
    );
    let role_col = find(&["rolle", "role"]);
    let (Some(id_col), Some(forv_col), Some(start_col)) = cols else {
        let missing: Vec<&str> = [
            (cols.0, "`medarbejder`"),
            (cols.1, "`forvaltning`"),
            (cols.2, "`startdato`"),
        ]
        .iter()
        .filter(|(c, _)| c.is_none())
        .map(|(_, n)| *n)
        .collect();
        return Err(RosterError::Columns {
            path: path.to_owned(),
            missing: missing.join(", "),
            found: header.join(","),
        });
    };
    let mut roster = Roster::default();
    let mut problems = Vec::new();
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                problems.push(RowProblem {
                    line,
                    message: format!("cannot read the row: {e}; save the roster as UTF-8 CSV"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let field = |i: usize| record.get(i).unwrap_or("");
        if record.iter().all(str::is_empty) {
            continue;
        }
        let role = role_col.map(field);
        match row(field(id_col), field(forv_col), field(start_col), role) {
            Ok(entry) => {
                // Roster problems reach the aggregate outputs, so they name the line, never
                // the employee id.
                if !roster.push(entry) {
                    problems.push(RowProblem {
                        line,
                        message: "the employee id on this line is listed on an earlier line too; keep one row per employee".to_owned(),
                    });
                }
            }
            Err(message) => problems.push(RowProblem { line, message }),
        }
    }
    Ok((roster, problems))
}

/// Writes `employees` as a roster file that [`read_roster`] reads back; returns how many rows
/// were written.
pub fn write_roster<'a>(
    path: &Path,
    employees: impl IntoIterator<Item = &'a RosterEntry>,
) -> Result<u64, RosterError> {
    let err = |source| RosterError::Unwritable {
        path: path.to_owned(),
        source,
    };
    let employees: Vec<&RosterEntry> = employees.into_iter().collect();
    // The role column only when the roster knows roles, so a roster without them reads back
    // without them.
    let with_roles = employees.iter().any(|e| e.role.is_some());
    let mut w = csv::Writer::from_path(path).map_err(|e| err(e.into()))?;
    let header = ["medarbejder", "forvaltning", "startdato", "rolle"];
    w.write_record(&header[..if with_roles { 4 } else { 3 }])
        .map_err(|e| err(e.into()))?;
    let mut n = 0;
    for e in employees {
        let start = e.start.to_string();
        let mut record = vec![e.id.as_str(), e.forvaltning.as_str(), &start];
        if with_roles {
            record.push(e.role.map_or("", role_word));
        }
        w.write_record(&record).map_err(|e| err(e.into()))?;
        n += 1;
    }
    w.flush().map_err(err)?;
    Ok(n)
}

fn normalize_header(h: &str) -> String {
    h.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A role as the roster writes it.
fn role_word(role: Role) -> &'static str {
    match role {
        Role::Employee => "medarbejder",
        Role::Manager => "leder",
    }
}

/// A role as a roster may write it (case ignored; empty is an employee).
fn parse_role(word: &str) -> Result<Role, String> {
    match word.to_lowercase().as_str() {
        "" | "medarbejder" | "employee" => Ok(Role::Employee),
        "leder" | "manager" => Ok(Role::Manager),
        _ => Err(format!(
            "role `{}` is not known; write `leder` for an employee with personnel responsibility, `medarbejder` or nothing for one without",
            crate::safe_text::sanitize(word, true)
        )),
    }
}

fn row(
    id: &str,
    forvaltning: &str,
    start: &str,
    role: Option<&str>,
) -> Result<RosterEntry, String> {
    if !crate::course::is_valid_id(id) {
        return Err(
            "the employee id is not valid; use 1–64 characters from A–Z, a–z, 0–9, '.', '_' and '-'"
                .to_owned(),
        );
    }
    if let Err(why) = crate::record::check_forvaltning(forvaltning) {
        return Err(format!(
            "forvaltning `{}`: {why}",
            crate::safe_text::sanitize(forvaltning, true)
        ));
    }
    let start: Date = start.parse().map_err(|_| {
        format!(
            "start date `{}` is not a date; write it as YYYY-MM-DD",
            crate::safe_text::sanitize(start, true)
        )
    })?;
    Ok(RosterEntry {
        id: id.to_owned(),
        forvaltning: forvaltning.to_owned(),
        start,
        role: role.map(parse_role).transpose()?,
    })
}

#[cfg(test)]
mod tests;
