//! Tests of reading and writing the roster.

use jiff::civil::date;

use super::*;

fn parse(text: &str) -> Result<(Roster, Vec<RowProblem>), RosterError> {
    parse_roster(Path::new("roster.csv"), text.as_bytes())
}

#[test]
fn reads_rows_in_any_column_order() {
    let (r, p) =
        parse("Forvaltning, Start_Date ,Employee_ID\nKFF,2024-02-01,1001\n").expect("valid roster");
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(
        r.get("1001"),
        Some(&RosterEntry {
            id: "1001".into(),
            forvaltning: "KFF".into(),
            start: date(2024, 2, 1),
            role: None,
        })
    );
}

#[test]
fn reads_semicolon_files_from_danish_spreadsheets() {
    let (r, _) = parse("\u{feff}medarbejder;forvaltning;startdato\r\n7;BUF;2023-08-15\r\n")
        .expect("valid roster");
    assert_eq!(r.employees.len(), 1);
}

#[test]
fn bad_rows_are_reported_with_their_line() {
    let text = "medarbejder,forvaltning,startdato\n\
                1,KFF,2024-01-01\n\
                2,KFF,01-01-2024\n\
                bad id,KFF,2024-01-01\n\
                1,BUF,2024-01-01\n\
                4,KFF\n";
    let (r, p) = parse(text).expect("the header is right");
    assert_eq!(r.employees.len(), 1);
    let lines: Vec<u64> = p.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![3, 4, 5, 6]);
    assert!(p[0].message.contains("YYYY-MM-DD"));
    assert!(p[1].message.contains("not valid"));
    assert!(p[2].message.contains("listed on an earlier line"));
}

#[test]
fn a_written_roster_reads_back_the_same() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("roster.csv");
    let employees = [
        RosterEntry {
            id: "1001".into(),
            forvaltning: "Økonomiforvaltningen".into(),
            start: date(2024, 2, 1),
            role: Some(Role::Employee),
        },
        RosterEntry {
            id: "ab12".into(),
            forvaltning: "Børne- og Ungdomsforvaltningen".into(),
            start: date(2025, 11, 20),
            role: Some(Role::Manager),
        },
    ];
    assert_eq!(write_roster(&path, &employees).expect("written"), 2);
    let (roster, problems) = read_roster(&path).expect("reads back");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(roster.employees, employees);
    // Without roles, the column is left out and they read back unknown.
    let unknown: Vec<RosterEntry> = employees
        .iter()
        .map(|e| RosterEntry {
            role: None,
            ..e.clone()
        })
        .collect();
    write_roster(&path, &unknown).expect("written");
    let text = std::fs::read_to_string(&path).expect("reads");
    assert!(
        text.starts_with("medarbejder,forvaltning,startdato\n"),
        "{text}"
    );
    assert_eq!(read_roster(&path).expect("reads back").0.employees, unknown);
    let err = write_roster(&dir.path().join("no/such/folder.csv"), &employees)
        .expect_err("a missing folder");
    assert!(
        err.text(Lang::En).contains("cannot write the roster"),
        "{err}"
    );
    assert!(err.to_string().contains("kan ikke skrives"), "{err}");
}

#[test]
fn roles_are_read_in_danish_or_english_and_empty_is_an_employee() {
    let text = "medarbejder;forvaltning;startdato;Rolle\n\
                1;KFF;2024-01-01;leder\n\
                2;KFF;2024-01-01;Manager\n\
                3;KFF;2024-01-01;medarbejder\n\
                4;KFF;2024-01-01;\n\
                5;KFF;2024-01-01;chef\n";
    let (r, p) = parse(text).expect("the header is right");
    let roles: Vec<Option<Role>> = r.employees.iter().map(|e| e.role).collect();
    let (m, e) = (Some(Role::Manager), Some(Role::Employee));
    assert_eq!(roles, [m, m, e, e]);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].line, 6);
    assert!(p[0].message.contains("role `chef` is not known"), "{p:?}");
}

#[test]
fn wrong_columns_reject_the_file() {
    let err = parse("id,name\n1,Anna\n").expect_err("must fail");
    let msg = err.text(Lang::En);
    assert!(
        msg.contains("`medarbejder`, `forvaltning`, `startdato`"),
        "{msg}"
    );
    assert!(msg.contains("found: id,name"), "{msg}");
}
