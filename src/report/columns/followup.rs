//! The column lists of the follow-up tables, which name people and files (personal data,
//! written only to the follow-up output).

use super::{Column, Shown, Value, kind, text};
use crate::lang::Lang;
use crate::report::model::{
    FileProblems, OverdueReason, OverdueRow, PersonDue, PersonRow, Problem,
};

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

/// A person's employee id.
const EMPLOYEE: Column<PersonDue> = Column::new(
    "employee_id",
    ("Medarbejder", "Employee"),
    |r: &PersonDue, _| text(&r.learner),
)
.key()
.fixed(12);

/// The days of a person's most overdue module.
const MOST_DAYS: Column<PersonDue> = Column::new(
    "most_days",
    ("Dage forsinket (mest)", "Days overdue (most)"),
    |r: &PersonDue, _| Value::Count(u64::try_from(r.most_days()).unwrap_or(0)),
)
.figure(5)
.short("Dage", "Days");

/// Why the person is behind.
const WHY: Column<PersonDue> = Column::new("why", ("Hvorfor", "Why"), |r: &PersonDue, lang| {
    let (words, data) = r.why().words();
    Value::Label {
        shown: words.get(lang).to_owned(),
        data: data.to_owned(),
    }
})
.fixed(23);

/// Every module the person is behind in: title, days and why.
const MODULES: Column<PersonDue> =
    Column::new("modules", ("Moduler", "Modules"), |r: &PersonDue, lang| {
        let list: Vec<String> = r
            .modules
            .iter()
            .map(|m| {
                let title = lang.pick(&m.title.0, &m.title.1);
                match lang {
                    Lang::Da => format!("{title} ({} dage, {})", m.days, m.reason.label(lang)),
                    Lang::En => format!("{title} ({} days, {})", m.days, m.reason.label(lang)),
                }
            })
            .collect();
        text(&list.join("; "))
    })
    .fill(3);

/// One person per row for a forvaltning's managers: who, what and how late, and why.
pub static MANAGERS: [Column<PersonDue>; 4] = [EMPLOYEE, MOST_DAYS, WHY, MODULES];

/// One person per row over every forvaltning (the follow-up view): the managers' columns
/// and the forvaltning.
pub static PEOPLE: [Column<PersonDue>; 5] = [
    EMPLOYEE,
    Column::new(
        "forvaltning",
        ("Forvaltning", "Forvaltning"),
        |r: &PersonDue, _| text(&r.forvaltning),
    )
    .key()
    .fill(2),
    MOST_DAYS,
    WHY,
    MODULES,
];

/// The files with problems, one row per file and kind.
pub static FILE_PROBLEMS: [Column<FileProblems>; 6] = [
    Column::new("path", ("Fil", "File"), |r: &FileProblems, _| text(&r.path))
        .key()
        .fill(3),
    Column::new("kind", ("Slags", "Kind"), |r: &FileProblems, lang| {
        kind(r.kind, lang)
    })
    .key()
    .fill(2),
    Column::new(
        "problems",
        ("Problemer", "Problems"),
        |r: &FileProblems, _| Value::Count(r.problems),
    )
    .figure(5)
    .short("Antal", "Count"),
    Column::new("records", ("Poster", "Records"), |r: &FileProblems, _| {
        Value::Count(r.records)
    })
    .figure(6),
    Column::new("lines", ("Linjer", "Lines"), |r: &FileProblems, _| {
        let lines: Vec<String> = r.lines.iter().map(u64::to_string).collect();
        if lines.is_empty() {
            Value::Empty
        } else {
            text(&lines.join(", "))
        }
    })
    .fill(1),
    Column::new(
        "message",
        ("Hvad (det første)", "What (the first)"),
        |r: &FileProblems, _| text(&r.message),
    )
    .only(Shown::NotOnDashboard),
];
