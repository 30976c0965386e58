//! JSON: the whole aggregate report, for other tools. It names no one (the follow-up lists
//! are not in it), and every string in it is display-safe: text that came from records or
//! files has its control, bidirectional and invisible format characters removed, as in every
//! other format.

use serde_json::Value;

use crate::report::model::Report;

/// The report as pretty-printed JSON.
pub fn render(report: &Report) -> Result<String, serde_json::Error> {
    let mut v = serde_json::to_value(report)?;
    make_safe(&mut v);
    serde_json::to_string_pretty(&v)
}

/// Removes what may not be displayed from every string, keys included.
fn make_safe(v: &mut Value) {
    match v {
        Value::String(s) => *s = crate::safe_text::sanitize(s, true),
        Value::Array(a) => a.iter_mut().for_each(make_safe),
        Value::Object(o) => {
            let fields = std::mem::take(o);
            for (k, mut x) in fields {
                make_safe(&mut x);
                o.insert(crate::safe_text::sanitize(&k, true), x);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}
