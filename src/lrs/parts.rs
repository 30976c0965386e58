//! The parts of an attempt statement that the statements sent to an LRS (`statement`) and the
//! report's xAPI export (`report::render::xapi`) share: the verb, the result, the timestamp
//! and a title as a language map. One home, so the two never describe an attempt differently.

use serde_json::{Map, Value, json};

use super::vocab::{VERB_COMPLETED, VERB_FAILED, VERB_PASSED};
use crate::attempt::FinishedAttempt;
use crate::course::Text;
use crate::verdict::utc_seconds;

/// The verb of an attempt with its display: `passed` or `failed`; `completed` for an attempt
/// without a pass mark (no questions), which records cannot hold but the vocabulary keeps.
pub fn verb(a: &FinishedAttempt) -> Value {
    let (id, da, en) = match (a.max, a.passed) {
        (0, _) => (VERB_COMPLETED, "gennemførte", "completed"),
        (_, true) => (VERB_PASSED, "bestod", "passed"),
        (_, false) => (VERB_FAILED, "bestod ikke", "failed"),
    };
    json!({ "id": id, "display": { "da": da, "en": en } })
}

/// The result of an attempt: success, completion, duration and (with questions) the score.
pub fn result(a: &FinishedAttempt) -> Value {
    let seconds = utc_seconds(a.finished).saturating_sub(utc_seconds(a.started));
    let mut result = json!({
        "success": a.passed,
        "completion": true,
        "duration": format!("PT{}S", seconds.max(0)),
    });
    if a.max > 0 {
        result["score"] = json!({
            "scaled": f64::from(a.score) / f64::from(a.max),
            "raw": a.score,
            "min": 0,
            "max": a.max,
        });
    }
    result
}

/// When the attempt finished, UTC, RFC 3339.
pub fn timestamp(a: &FinishedAttempt) -> String {
    jiff::Timestamp::from_second(utc_seconds(a.finished))
        .map_or_else(|_| "1970-01-01T00:00:00Z".to_owned(), |t| t.to_string())
}

/// A title as an xAPI language map (`da`, and `en` when there is one).
pub fn language_map(title: &Text) -> Value {
    let mut name = Map::new();
    name.insert("da".into(), json!(title.da));
    if let Some(en) = &title.en {
        name.insert("en".into(), json!(en));
    }
    Value::Object(name)
}
