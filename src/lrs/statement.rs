//! A completion record as xAPI statements, and the way back from a statement to the record.
//!
//! Per record ([`statements`]):
//! - one **attempt** statement, id [`statement_id`] of the record hash: verb `passed` or
//!   `failed`, the module as an assessment activity (its title when the course set holds the
//!   very version the attempt was taken on), `result` (success, score, duration), and in
//!   `context` the registration (its own id), the module version, the content hash, and under
//!   [`EXT_RECORD`] the record itself: `{ "line": <the record's canonical RON line>,
//!   "installation", "seq", "prev", "hash" }`. The line is the evidence: a reader writes it
//!   back into a log and verifies the chain exactly as from a file; the other four fields
//!   say where it belongs and let an LRS user read the chain without parsing RON.
//! - one **answered** statement per question, in the order asked, id [`answer_id`]: the
//!   question as activity, `result.success`, its area and (when the course set knows the
//!   module version) its goals as extensions, and the link to its attempt:
//!   `context.statement` refers to the attempt statement, `context.registration` is the
//!   attempt's id, `contextActivities.parent` the module.
//!
//! A statement is a function of the record and of the module it was taken on alone, so the
//! learner's program and `bevidst lrs push` send identical statements for the same record.
//!
//! The way back ([`carried_record`]) reads only the record extension and checks only its
//! shape: whether the line is a good record is for the ordinary verification to say, so a
//! line edited in the LRS is caught exactly as an edited line in a file.

use std::fmt;

use serde_json::{Value, json};

use super::parts;
use super::vocab::{
    EXT_AREA, EXT_CONTENT_HASH, EXT_GOALS, EXT_MODULE_VERSION, EXT_RECORD, INSTALLATION_HOME_PAGE,
    TYPE_ASSESSMENT, TYPE_QUESTION, VERB_ANSWERED, answer_id, module_activity, question_activity,
    statement_id,
};
use crate::canon::hex;
use crate::course::LoadedModule;
use crate::lang::Lang;
use crate::message::Bilingual;
use crate::record::{CompletionRecord, InstallationId, MAX_LINE_BYTES};

/// The statements of one record: its attempt statement first, then one "answered" statement
/// per question. `module` is the course set's module of the record's id, if any; it is used
/// only when its content hash is the record's (the version the learner saw).
pub fn statements(record: &CompletionRecord, module: Option<&LoadedModule>) -> Vec<Value> {
    let module = module.filter(|m| m.hash == record.attempt.content_hash);
    let mut out = Vec::with_capacity(1 + record.attempt.answers.len());
    out.push(attempt_statement(record, module));
    out.extend(answered_statements(record, module));
    out
}

/// The actor of every statement of an installation: an account named by the installation id.
/// It is stable for the installation's whole log and names nobody (see the module `lrs`).
pub fn actor(installation: InstallationId) -> Value {
    json!({
        "objectType": "Agent",
        "account": { "homePage": INSTALLATION_HOME_PAGE, "name": installation.to_string() },
    })
}

/// The attempt statement of a record (see the module header).
pub fn attempt_statement(record: &CompletionRecord, module: Option<&LoadedModule>) -> Value {
    let a = &record.attempt;
    let id = statement_id(&record.hash);
    let mut definition = json!({ "type": TYPE_ASSESSMENT });
    if let Some(m) = module {
        definition["name"] = parts::language_map(&m.module.title);
    }
    json!({
        "id": id,
        "actor": actor(record.installation),
        "verb": parts::verb(a),
        "object": { "objectType": "Activity", "id": module_activity(&a.module), "definition": definition },
        "result": parts::result(a),
        "context": {
            "registration": id,
            "platform": "bevidst",
            "extensions": {
                EXT_MODULE_VERSION: a.module_version,
                EXT_CONTENT_HASH: hex(&a.content_hash),
                EXT_RECORD: {
                    "line": record.to_line(),
                    "installation": record.installation.to_string(),
                    "seq": record.seq,
                    "prev": hex(&record.prev),
                    "hash": hex(&record.hash),
                },
            },
        },
        "timestamp": parts::timestamp(a),
    })
}

/// The "answered" statements of a record, one per question in the order asked.
pub fn answered_statements<'a>(
    record: &'a CompletionRecord,
    module: Option<&'a LoadedModule>,
) -> impl Iterator<Item = Value> + 'a {
    let a = &record.attempt;
    let attempt = statement_id(&record.hash);
    let (actor, time, parent) = (
        actor(record.installation),
        parts::timestamp(a),
        module_activity(&a.module),
    );
    a.answers.iter().enumerate().map(move |(i, q)| {
        let mut extensions = json!({
            EXT_AREA: q.area.ident(),
            EXT_MODULE_VERSION: a.module_version,
        });
        if let Some(question) = module.and_then(|m| m.module.question(&q.id)) {
            let goals: Vec<Value> = question.goals.iter().map(|g| json!(g)).collect();
            extensions[EXT_GOALS] = Value::Array(goals);
        }
        json!({
            "id": answer_id(&record.hash, i),
            "actor": actor,
            "verb": { "id": VERB_ANSWERED, "display": { "da": "besvarede", "en": "answered" } },
            "object": {
                "objectType": "Activity",
                "id": question_activity(&q.id),
                "definition": { "type": TYPE_QUESTION },
            },
            "result": { "success": q.correct },
            "context": {
                "registration": attempt,
                "statement": { "objectType": "StatementRef", "id": attempt },
                "contextActivities": { "parent": [ { "objectType": "Activity", "id": parent } ] },
                "platform": "bevidst",
                "extensions": extensions,
            },
            "timestamp": time,
        })
    })
}

/// A record line carried by an attempt statement, and where it belongs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarriedRecord {
    /// The statement's id, as the LRS gave it.
    pub statement_id: String,
    /// The installation (log) the record says it belongs to.
    pub installation: InstallationId,
    /// Its place in that log.
    pub seq: u64,
    /// The record's line, without a line break; not yet verified.
    pub line: String,
}

/// Why a statement gives no record line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoRecord {
    /// Not an attempt statement of bevidst's (another system's statement, or an "answered"
    /// statement): nothing to read, and nothing wrong.
    NotOurs,
    /// It carries bevidst's record extension, but not in the shape bevidst writes.
    Malformed {
        /// The statement's id, if it has a readable one.
        statement_id: Option<String>,
        /// What is wrong.
        why: Malformed,
    },
}

/// What is wrong with a record extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Malformed {
    /// The extension is not an object, or a field is missing or of the wrong type.
    Field(&'static str),
    /// The installation is not 32 lower-case hex digits.
    Installation,
    /// The line holds a line break or is longer than a log line may be.
    Line,
}

/// The record line an attempt statement carries (see the module header). Checks the shape
/// only; the line itself is judged by the ordinary verification.
pub fn carried_record(statement: &Value) -> Result<CarriedRecord, NoRecord> {
    let Some(record) = statement
        .pointer("/context/extensions")
        .and_then(|e| e.get(EXT_RECORD))
    else {
        return Err(NoRecord::NotOurs);
    };
    let id = statement.get("id").and_then(Value::as_str);
    let malformed = |why| NoRecord::Malformed {
        statement_id: id.map(str::to_owned),
        why,
    };
    let field = |name: &'static str| record.get(name).ok_or(malformed(Malformed::Field(name)));
    let line = field("line")?
        .as_str()
        .ok_or(malformed(Malformed::Field("line")))?;
    let installation = field("installation")?
        .as_str()
        .ok_or(malformed(Malformed::Field("installation")))?;
    let installation =
        InstallationId::parse(installation).ok_or(malformed(Malformed::Installation))?;
    let seq = field("seq")?
        .as_u64()
        .ok_or(malformed(Malformed::Field("seq")))?;
    let statement_id = id.ok_or(malformed(Malformed::Field("id")))?.to_owned();
    if line.len() > MAX_LINE_BYTES || line.contains(['\n', '\r']) {
        return Err(malformed(Malformed::Line));
    }
    Ok(CarriedRecord {
        statement_id,
        installation,
        seq,
        line: line.to_owned(),
    })
}

impl Malformed {
    /// A short code for the mirror's state file.
    pub fn code(self) -> String {
        match self {
            Malformed::Field(name) => format!("field:{name}"),
            Malformed::Installation => "installation".into(),
            Malformed::Line => "line".into(),
        }
    }

    /// The case a [`Malformed::code`] names (an unknown code reads as a bad line).
    pub fn from_code(code: &str) -> Malformed {
        match code {
            "installation" => Malformed::Installation,
            "field:line" => Malformed::Field("line"),
            "field:installation" => Malformed::Field("installation"),
            "field:seq" => Malformed::Field("seq"),
            "field:id" => Malformed::Field("id"),
            _ => Malformed::Line,
        }
    }
}

impl Bilingual for NoRecord {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (statement_id, why) = match self {
            NoRecord::NotOurs => {
                return lang.write(
                    out,
                    format_args!("udsagnet er ikke et forsøg fra bevidst"),
                    format_args!("the statement is not an attempt of bevidst's"),
                );
            }
            NoRecord::Malformed { statement_id, why } => (statement_id, why),
        };
        let id = crate::safe_text::sanitize(statement_id.as_deref().unwrap_or("?"), true);
        match why {
            Malformed::Field(name) => lang.write(
                out,
                format_args!(
                    "udsagn {id}: posten mangler feltet »{name}«, eller feltet har en forkert type"
                ),
                format_args!(
                    "statement {id}: the record lacks the field \"{name}\", or the field has the wrong type"
                ),
            ),
            Malformed::Installation => lang.write(
                out,
                format_args!("udsagn {id}: postens installations-id er ikke 32 hex-cifre"),
                format_args!("statement {id}: the record's installation id is not 32 hex digits"),
            ),
            Malformed::Line => lang.write(
                out,
                format_args!("udsagn {id}: postens linje indeholder et linjeskift eller er for lang"),
                format_args!("statement {id}: the record's line contains a line break or is too long"),
            ),
        }
    }
}
crate::danish_display!(NoRecord);
