//! Tests of `form`.

use super::*;
use crate::config::IdProblem;
use crate::message::Bilingual as _;
use jiff::civil::date;

const TODAY: Date = date(2025, 11, 28);

#[test]
fn dates_are_read_in_the_usual_danish_and_iso_forms() {
    for s in ["2025-08-01", "01-08-2025", "1.8.2025", " 1/8/2025 "] {
        assert_eq!(parse_date(s, TODAY), Ok(date(2025, 8, 1)), "{s}");
    }
    for s in ["", "1. august", "2025-13-01", "25-8-1", "1-2-3-4"] {
        assert_eq!(parse_date(s, TODAY), Err(FormError::DateUnreadable), "{s}");
    }
    for s in ["2025-02-30", "31.4.2025", "2025-02-29"] {
        assert_eq!(parse_date(s, TODAY), Err(FormError::DateNotExists), "{s}");
    }
    assert_eq!(parse_date("2024-02-29", TODAY), Ok(date(2024, 2, 29)));
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
    // No role is chosen for the learner either.
    assert_eq!(
        (form.step, form.list_selected(Step::Role)),
        (Step::Role, None)
    );
    form.handle_first_start(&Message::Confirm);
    assert_eq!(
        (form.step, form.error),
        (Step::Role, Some(FormError::NoRole))
    );
    form.handle_first_start(&Message::Down);
    assert_eq!(
        form.role,
        Some(Role::Employee),
        "an arrow starts at the top"
    );
    form.handle_first_start(&Message::Down);
    form.handle_first_start(&Message::Confirm);
    assert_eq!(form.step, Step::StartDate);
    form.start_date = "1/8/2025".into();
    form.handle_first_start(&Message::Confirm);
    assert_eq!(form.step, Step::Summary);
    let learner = form.handle_first_start(&Message::Confirm).expect("learner");
    assert_eq!(learner.employee_id, "ab12");
    assert_eq!(learner.forvaltning, "Økonomiforvaltningen");
    assert_eq!(learner.start_date, date(2025, 8, 1));
    assert_eq!(learner.role, Role::Manager);
}

#[test]
fn a_text_field_edits_at_its_cursor_with_the_usual_keys() {
    let mut form = Form::first_start(&Config::default(), "", TODAY);
    let step = Step::EmployeeId;
    assert!(!form.suggested, "nothing suggested from an empty login");
    let send = |form: &mut Form, msgs: &[Message]| {
        for m in msgs {
            form.handle(step, m);
        }
    };
    send(
        &mut form,
        &"ab12".chars().map(Message::Input).collect::<Vec<_>>(),
    );
    // ← ← then type: inserted before "12".
    send(
        &mut form,
        &[
            Message::Edit(Edit::Left),
            Message::Edit(Edit::Left),
            Message::Input('x'),
        ],
    );
    assert_eq!((form.employee_id.as_str(), form.cursor(step)), ("abx12", 3));
    // Home, Delete; End, Backspace.
    send(
        &mut form,
        &[Message::Edit(Edit::Start), Message::Edit(Edit::Delete)],
    );
    assert_eq!((form.employee_id.as_str(), form.cursor(step)), ("bx12", 0));
    send(&mut form, &[Message::Edit(Edit::End), Message::Backspace]);
    assert_eq!(form.employee_id, "bx1");
    // Ctrl-W deletes the word before the cursor, Ctrl-U everything before it.
    send(&mut form, &[Message::SetText("ab cd".into())]);
    send(&mut form, &[Message::Edit(Edit::DeleteWord)]);
    assert_eq!(form.employee_id, "ab ");
    send(
        &mut form,
        &[
            Message::Input('z'),
            Message::Edit(Edit::Left),
            Message::Edit(Edit::DeleteToStart),
        ],
    );
    assert_eq!((form.employee_id.as_str(), form.cursor(step)), ("z", 0));
    // → past the end stays at the end.
    send(
        &mut form,
        &[Message::Edit(Edit::Right), Message::Edit(Edit::Right)],
    );
    assert_eq!(form.cursor(step), 1);
}

#[test]
fn an_invisible_character_is_kept_and_refused_with_a_word() {
    let mut form = Form::first_start(&Config::default(), "jens", TODAY);
    form.step = Step::EmployeeId;
    form.handle_first_start(&Message::SetText("ab\u{202e}21".into()));
    form.handle_first_start(&Message::Confirm);
    assert_eq!(
        form.error,
        Some(FormError::Id(IdProblem::BadChar('\u{202e}')))
    );
    let said = form.error.expect("refused").text(Lang::Da);
    assert!(said.contains("usynligt tegn (U+202E)"), "{said}");
    assert!(!said.contains('\u{202e}'), "the mark itself is not shown");
    form.handle_first_start(&Message::SetText("valid1".into()));
    form.handle_first_start(&Message::Confirm);
    assert_eq!(
        form.employee_id, "valid1",
        "the value is the one typed, whole"
    );
    assert_eq!(form.step, Step::Forvaltning);
}
