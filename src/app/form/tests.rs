//! Tests of `form`.

use super::*;
use jiff::civil::date;

const TODAY: Date = date(2025, 11, 28);

#[test]
fn dates_are_read_in_the_usual_danish_and_iso_forms() {
    for s in ["2025-08-01", "01-08-2025", "1.8.2025", " 1/8/2025 "] {
        assert_eq!(parse_date(s, TODAY), Ok(date(2025, 8, 1)), "{s}");
    }
    for s in [
        "",
        "1. august",
        "2025-13-01",
        "2025-02-30",
        "25-8-1",
        "1-2-3-4",
    ] {
        assert_eq!(parse_date(s, TODAY), Err(FormError::DateUnreadable), "{s}");
    }
    assert_eq!(parse_date("1969-12-31", TODAY), Err(FormError::DateRange));
    assert_eq!(parse_date("2027-01-01", TODAY), Err(FormError::DateRange));
}

#[test]
fn the_wizard_walks_forward_and_back_and_checks_each_answer() {
    let mut form = Form::first_start(&Config::default(), "jens hansen", TODAY);
    assert_eq!(form.employee_id, "jenshansen");
    assert_eq!(form.handle_first_start(&Message::Down), None);
    assert_eq!(form.language, Lang::En);
    form.handle_first_start(&Message::Confirm);
    assert_eq!(form.step, Step::EmployeeId);
    for _ in 0..20 {
        form.handle_first_start(&Message::Backspace);
    }
    form.handle_first_start(&Message::Confirm);
    assert_eq!(form.error, Some(FormError::Id(IdProblem::Empty)));
    assert_eq!(form.step, Step::EmployeeId);
    for c in "ab12".chars() {
        form.handle_first_start(&Message::Input(c));
    }
    assert_eq!(form.error, None);
    form.handle_first_start(&Message::Confirm);
    // No forvaltning is chosen for the learner: Enter alone is refused.
    assert_eq!(form.list_selected(Step::Forvaltning), None);
    form.handle_first_start(&Message::Confirm);
    assert_eq!(
        (form.step, form.error),
        (Step::Forvaltning, Some(FormError::NoForvaltning))
    );
    form.handle_first_start(&Message::Pick(6));
    form.handle_first_start(&Message::Back);
    assert_eq!(form.step, Step::EmployeeId);
    form.handle_first_start(&Message::Confirm);
    form.handle_first_start(&Message::Confirm);
    assert_eq!(form.step, Step::StartDate);
    form.start_date = "1/8/2025".into();
    form.handle_first_start(&Message::Confirm);
    assert_eq!(form.step, Step::Summary);
    let learner = form.handle_first_start(&Message::Confirm).expect("learner");
    assert_eq!(learner.employee_id, "ab12");
    assert_eq!(learner.forvaltning, "Økonomiforvaltningen");
    assert_eq!(learner.start_date, date(2025, 8, 1));
}
