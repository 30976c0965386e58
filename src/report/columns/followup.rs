//! The column lists of the follow-up tables, which name people and files (personal data,
//! written only to the follow-up output).

use super::{Column, Shown, Value, kind, text};
use crate::lang::Lang;
use crate::report::model::{OverdueReason, OverdueRow, PersonRow, Problem};

fn reason(r: OverdueReason, lang: Lang) -> Value {
    Value::Label {
        shown: r.label(lang).to_owned(),
        data: match r {
            OverdueReason::FirstTime => "first_time",
            OverdueReason::Renewal => "renewal",
            OverdueReason::NewVersion => "new_version",
            OverdueReason::NotAccepted => "not_accepted",
        }
        .to_owned(),
    }
}

/// Who is overdue with what.
pub static OVERDUE: [Column<OverdueRow>; 5] = [
    Column::new(
        "employee_id",
        ("Medarbejder", "Employee"),
        |r: &OverdueRow, _| text(&r.learner),
    )
    .key()
    .fixed(12),
    Column::new(
        "forvaltning",
        ("Forvaltning", "Forvaltning"),
        |r: &OverdueRow, _| text(&r.forvaltning),
    )
    .key()
    .fill(2),
    Column::new("module", ("Modul", "Module"), |r: &OverdueRow, _| {
        text(&r.module)
    })
    .key(),
    Column::new("overdue_since", ("Siden", "Since"), |r: &OverdueRow, _| {
        Value::Text(r.since.to_string())
    })
    .fixed(10),
    Column::new("reason", ("Hvorfor", "Why"), |r: &OverdueRow, lang| {
        reason(r.reason, lang)
    })
    .fixed(15),
];

/// Roster employees with no record.
pub static NEVER_STARTED: [Column<PersonRow>; 3] = [
    Column::new(
        "employee_id",
        ("Medarbejder", "Employee"),
        |r: &PersonRow, _| text(&r.learner),
    )
    .key()
    .fixed(12),
    Column::new(
        "forvaltning",
        ("Forvaltning", "Forvaltning"),
        |r: &PersonRow, _| text(&r.forvaltning),
    )
    .key()
    .fill(2),
    Column::new(
        "start_date",
        ("Startdato", "Start date"),
        |r: &PersonRow, _| text(&r.start),
    )
    .fixed(10),
];

/// Files, records and roster rows not counted.
pub static PROBLEMS: [Column<Problem>; 5] = [
    Column::new("path", ("Fil", "File"), |r: &Problem, _| text(&r.path))
        .key()
        .fill(2),
    Column::new("line", ("Linje", "Line"), |r: &Problem, _| {
        r.line.map_or(Value::Empty, Value::Count)
    })
    .figure(5),
    Column::new("kind", ("Slags", "Kind"), |r: &Problem, lang| {
        kind(r.kind, lang)
    })
    .fill(1),
    Column::new("records", ("Poster", "Records"), |r: &Problem, _| {
        Value::Count(r.records)
    })
    .figure(6),
    Column::new("message", ("Hvad", "What"), |r: &Problem, _| {
        text(&r.message)
    })
    .only(Shown::NotOnDashboard),
];

/// Attempts the report did not accept: whose, which module, where and why.
pub static NOT_ACCEPTED: [Column<Problem>; 6] = [
    Column::new(
        "employee_id",
        ("Medarbejder", "Employee"),
        |r: &Problem, _| r.who.as_ref().map_or(Value::Empty, |w| text(&w.learner)),
    )
    .key()
    .fixed(12),
    Column::new(
        "forvaltning",
        ("Forvaltning", "Forvaltning"),
        |r: &Problem, _| {
            r.who
                .as_ref()
                .map_or(Value::Empty, |w| text(&w.forvaltning))
        },
    )
    .fill(2),
    Column::new("module", ("Modul", "Module"), |r: &Problem, _| {
        r.who.as_ref().map_or(Value::Empty, |w| text(&w.module))
    }),
    Column::new("path", ("Fil", "File"), |r: &Problem, _| text(&r.path)).fill(2),
    Column::new("line", ("Linje", "Line"), |r: &Problem, _| {
        r.line.map_or(Value::Empty, Value::Count)
    })
    .figure(5),
    Column::new("message", ("Hvad", "What"), |r: &Problem, _| {
        text(&r.message)
    })
    .only(Shown::NotOnDashboard),
];
