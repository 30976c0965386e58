//! xAPI statements for the municipality's LMS: one per counted completion, written as a JSON
//! array while the collection is read (it can hold millions).
//!
//! - actor: an account whose `name` is the learner's pseudonym (HMAC-SHA256, see
//!   `privacy`) and whose `homePage` is [`XapiOptions::home_page`]. The default,
//!   `https://bevidst.kk.dk`, is a placeholder: set the system's real address with
//!   `--xapi-home-page` before sending statements anywhere.
//! - verb: `passed` or `failed` (ADL verbs); `completed` for an attempt without a pass mark,
//!   which the current course format cannot produce (every module draws at least one question)
//!   but the LMS vocabulary keeps.
//! - object: the module as an activity `{home_page}/xapi/modules/{id}`, with its titles.
//! - result: `score.scaled` = score / max, `raw`, `min`, `max`, `success`, `completion`,
//!   and the attempt's duration.
//! - id: the record's hash as a UUID (the first 16 bytes, version 8, RFC 9562 variant), so the
//!   same completion always gets the same statement id and an LMS can drop repeats.
//! - timestamp: when the attempt finished, UTC.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::canon::hex;
use crate::course::Text;
use crate::record::CompletionRecord;
use crate::report::privacy::Pseudonymizer;
use crate::report::utc_seconds;

pub use crate::lrs::vocab::{VERB_COMPLETED, VERB_FAILED, VERB_PASSED, statement_id};
/// The placeholder home page (see the module header).
pub const DEFAULT_HOME_PAGE: &str = "https://bevidst.kk.dk";

/// Settings of the xAPI export.
#[derive(Debug, Clone)]
pub struct XapiOptions {
    /// The account home page and base of activity ids, without a trailing slash.
    pub home_page: String,
}

impl Default for XapiOptions {
    fn default() -> Self {
        XapiOptions {
            home_page: DEFAULT_HOME_PAGE.to_owned(),
        }
    }
}

/// The statement for one completion; `title` is the module's title.
pub fn statement(
    record: &CompletionRecord,
    title: &Text,
    pseudo: &Pseudonymizer,
    opts: &XapiOptions,
) -> Value {
    let c = &record.attempt;
    let (started, finished) = (utc_seconds(c.started), utc_seconds(c.finished));
    let (verb, display_da, display_en) = match (c.max, c.passed) {
        (0, _) => (VERB_COMPLETED, "gennemførte", "completed"),
        (_, true) => (VERB_PASSED, "bestod", "passed"),
        (_, false) => (VERB_FAILED, "bestod ikke", "failed"),
    };
    let mut name = serde_json::Map::new();
    name.insert("da".into(), json!(title.da));
    if let Some(en) = &title.en {
        name.insert("en".into(), json!(en));
    }
    let mut result = json!({
        "success": c.passed,
        "completion": true,
        "duration": format!("PT{}S", finished.saturating_sub(started).max(0)),
    });
    if c.max > 0 {
        result["score"] = json!({
            "scaled": f64::from(c.score) / f64::from(c.max),
            "raw": c.score,
            "min": 0,
            "max": c.max,
        });
    }
    let timestamp = jiff::Timestamp::from_second(finished)
        .map_or_else(|_| "1970-01-01T00:00:00Z".to_owned(), |t| t.to_string());
    json!({
        "id": statement_id(&record.hash),
        "actor": {
            "objectType": "Agent",
            "account": { "homePage": opts.home_page, "name": pseudo.pseudonym(&c.learner) },
        },
        "verb": { "id": verb, "display": { "da": display_da, "en": display_en } },
        "object": {
            "objectType": "Activity",
            "id": format!("{}/xapi/modules/{}", opts.home_page, c.module),
            "definition": {
                "name": name,
                "type": "http://adlnet.gov/expapi/activities/assessment",
            },
        },
        "result": result,
        "context": {
            "platform": "bevidst",
            "extensions": {
                format!("{}/xapi/ext/module-version", opts.home_page): c.module_version,
                format!("{}/xapi/ext/content-hash", opts.home_page): hex(&c.content_hash),
            },
        },
        "timestamp": timestamp,
    })
}

/// Writes statements as one JSON array, one statement per line.
pub struct XapiWriter<W: Write> {
    out: W,
    written: u64,
}

impl<W: Write> XapiWriter<W> {
    /// Starts the array.
    pub fn new(mut out: W) -> io::Result<Self> {
        out.write_all(b"[\n")?;
        Ok(XapiWriter { out, written: 0 })
    }

    /// Writes already serialised statements (each one JSON object, no trailing newline).
    pub fn write_serialized(&mut self, statements: &[String]) -> io::Result<()> {
        for s in statements {
            if self.written > 0 {
                self.out.write_all(b",\n")?;
            }
            self.out.write_all(s.as_bytes())?;
            self.written += 1;
        }
        Ok(())
    }

    /// Closes the array and returns the writer and the number of statements.
    pub fn finish(mut self) -> io::Result<(W, u64)> {
        self.out.write_all(b"\n]\n")?;
        self.out.flush()?;
        Ok((self.out, self.written))
    }
}
