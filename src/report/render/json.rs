//! JSON: the whole report, for other tools. It leaves the security function, so every
//! employee id (in the overdue and never-started lists) is replaced by its pseudonym.

use crate::report::model::Report;
use crate::report::privacy::Pseudonymizer;

/// The report as pretty-printed JSON, with pseudonyms instead of employee ids.
pub fn render(report: &Report, pseudo: &Pseudonymizer) -> Result<String, serde_json::Error> {
    let mut r = report.clone();
    for row in &mut r.overdue {
        row.learner = pseudo.pseudonym(&row.learner).into();
    }
    for row in &mut r.never_started {
        row.learner = pseudo.pseudonym(&row.learner);
    }
    serde_json::to_string_pretty(&r)
}
