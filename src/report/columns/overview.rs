//! The overview's columns: how each forvaltning stands, in people. Shares of employees need a
//! roster (without one everyone counted has a record, so onboarding is 100 % by
//! construction); without it they are empty and every format says why.
//!
//! The rows per role (all forvaltninger together) name their role where people read, in the
//! forvaltning's column (»Ledere, alle forvaltninger«), and in a `role` column of their own in
//! the data formats, so the dashboard's narrow table needs no column more.

use super::aggregate::trend;
use super::{Column, Shown, Value, forvaltning};
use crate::course::Role;
use crate::lang::Lang;
use crate::message::Bi;
use crate::report::model::{OverviewFigures, OverviewRow};

/// A role's group as the overview names it, and its code in data.
fn role_group(role: Role) -> (Bi, &'static str) {
    match role {
        Role::Employee => (
            Bi::new(
                "Medarbejdere, alle forvaltninger",
                "Employees, all forvaltninger",
            ),
            "employee",
        ),
        Role::Manager => (
            Bi::new("Ledere, alle forvaltninger", "Managers, all forvaltninger"),
            "manager",
        ),
    }
}

/// The group a row is about: a forvaltning, all of them, or a role in all of them.
fn group(r: &OverviewRow, lang: Lang) -> Value {
    match r.role {
        None => forvaltning(r.forvaltning.as_deref(), lang),
        Some(role) => Value::Label {
            shown: role_group(role).0.get(lang).to_owned(),
            data: "*".to_owned(),
        },
    }
}

/// A share of employees, when a roster says who they are.
fn roster_share(r: &OverviewRow, share: fn(&OverviewFigures) -> f64) -> Value {
    r.figures.value(|f| {
        if r.roster {
            Value::Share(share(f))
        } else {
            Value::Empty
        }
    })
}

/// A share as it stood on the last day of the quarter before.
fn before_share(r: &OverviewRow, share: fn(&crate::report::model::Compliance) -> f64) -> Value {
    r.figures.value(|f| match (&f.before, r.roster) {
        (_, false) => Value::Empty,
        (crate::report::model::Gated::Shown(b), true) => Value::Share(share(b)),
        (crate::report::model::Gated::Withheld, true) => Value::Withheld,
    })
}

/// The overview, per forvaltning and for all.
pub static OVERVIEW: [Column<OverviewRow>; 12] = [
    Column::new("forvaltning", ("Forvaltning", "Forvaltning"), group).key(),
    Column::new("role", ("Rolle", "Role"), |r: &OverviewRow, _| {
        Value::Text(r.role.map_or("*", |role| role_group(role).1).to_owned())
    })
    .key()
    .only(Shown::DataOnly),
    super::aggregate::suppressed::<OverviewRow>(),
    Column::new(
        "employees",
        ("Ansatte", "Employees"),
        |r: &OverviewRow, _| r.figures.value(|f| Value::Count(f.employees)),
    )
    .figure(5),
    Column::new(
        "onboarded_share",
        ("Onboarding bestået", "Onboarding passed"),
        |r: &OverviewRow, _| roster_share(r, |f| f.now().onboarded_share()),
    )
    .figure(7)
    .short("Onboarding", "Onboarding"),
    Column::new(
        "up_to_date_share",
        ("Alt ajour", "All up to date"),
        |r: &OverviewRow, _| roster_share(r, |f| f.now().up_to_date_share()),
    )
    .figure(7)
    .short("Ajour", "Current"),
    Column::new(
        "up_to_date_share_before",
        ("Alt ajour, kvartalet før", "All up to date, quarter before"),
        |r: &OverviewRow, _| before_share(r, crate::report::model::Compliance::up_to_date_share),
    )
    .figure(7)
    .only(Shown::NotOnDashboard),
    Column::new(
        "onboarded_share_before",
        (
            "Onboarding bestået, kvartalet før",
            "Onboarding passed, quarter before",
        ),
        |r: &OverviewRow, _| before_share(r, crate::report::model::Compliance::onboarded_share),
    )
    .figure(7)
    .only(Shown::DataOnly),
    Column::new("trend", ("Udvikling", "Trend"), |r: &OverviewRow, _| {
        r.figures.value(|f| trend(f.trend))
    })
    .figure(3)
    .short("Udv.", "Tr."),
    Column::new(
        "overdue",
        ("Forsinkede", "Overdue"),
        |r: &OverviewRow, _| r.figures.value(|f| Value::Count(f.overdue)),
    )
    .figure(5),
    Column::new(
        "never_started",
        ("Aldrig startet", "Never started"),
        |r: &OverviewRow, _| {
            r.figures.value(|f| {
                if r.roster {
                    Value::Count(f.never_started)
                } else {
                    Value::Empty
                }
            })
        },
    )
    .figure(5)
    .only(Shown::NotOnDashboard),
    // These two leave no room for the forvaltning in 80 columns; the dashboard shows them
    // for the selected row beneath the table.
    Column::new(
        "not_accepted",
        ("Forsøgt, ikke godkendt", "Attempted, not accepted"),
        |r: &OverviewRow, _| r.figures.value(|f| Value::Count(f.not_accepted)),
    )
    .figure(5)
    .only(Shown::NotOnDashboard),
];

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use calamine::{Data, Reader as _, Xlsx};

    use crate::lang::Lang;
    use crate::report::render::{csv, html, json, markdown, xlsx};
    use crate::report::testkit::three_forvaltninger;

    #[test]
    fn every_format_has_the_rows_per_role() {
        // Five managers in Alfa and two in Beta: seven managers, fifteen others.
        let r = three_forvaltninger();
        let md = markdown::render(&r, Lang::Da);
        assert!(md.contains("| Ledere, alle forvaltninger | 7 |"), "{md}");
        assert!(
            md.contains("| Medarbejdere, alle forvaltninger | 15 |"),
            "{md}"
        );
        let en = markdown::render(&r, Lang::En);
        assert!(en.contains("| Managers, all forvaltninger | 7 |"), "{en}");
        let page = html::render(&r, Lang::Da);
        assert!(page.contains("Ledere, alle forvaltninger"), "the HTML page");
        let js: serde_json::Value =
            serde_json::from_str(&json::render(&r).expect("serialises")).expect("JSON");
        let rows = js["overview"].as_array().expect("rows");
        let managers = rows
            .iter()
            .find(|o| o["role"] == "manager")
            .expect("a managers' row");
        assert_eq!(
            (&managers["forvaltning"], &managers["employees"]),
            (&"*".into(), &7.into())
        );
        assert_eq!(rows[0]["role"], "*", "the total first");
        let dir = tempfile::tempdir().expect("temp dir");
        csv::write_dir(&r, dir.path()).expect("written");
        let text = std::fs::read_to_string(dir.path().join("overview.csv")).expect("read");
        let head = text.lines().next().expect("a header");
        assert!(head.starts_with("forvaltning,role,"), "{head}");
        assert!(
            text.lines().any(|l| l.starts_with("*,manager,false,7,")),
            "{text}"
        );
        assert!(
            text.lines().any(|l| l.starts_with("*,employee,false,15,")),
            "{text}"
        );
        let bytes = xlsx::render(&r, Lang::Da).expect("a spreadsheet");
        let mut book = Xlsx::new(Cursor::new(bytes)).expect("readable");
        let name = book.sheet_names()[0].clone();
        let sheet = book.worksheet_range(&name).expect("the overview sheet");
        let row = sheet
            .rows()
            .find(|row| row.first() == Some(&Data::String("Ledere, alle forvaltninger".into())))
            .expect("the managers' row");
        assert_eq!(row.get(1), Some(&Data::Float(7.0)), "{row:?}");
    }
}
