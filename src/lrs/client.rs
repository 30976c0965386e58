//! Talking to a Learning Record Store over HTTP: posting statements and reading them back,
//! with the xAPI 1.0.3 header, Basic authentication, bounded timeouts, TLS through rustls
//! with the platform's certificate verifier (so a municipality's own CA in the system's
//! store is trusted), no redirects (the credential goes to the endpoint and nowhere else) and
//! no proxy for a loopback endpoint.
//!
//! Posting is idempotent: the LRS stores a statement id once. A batch the LRS answers with
//! 204 was entirely there already; with 200 it lists the ids it stored now, and the rest were
//! there. A batch it refuses as a whole (409: a statement with one of the ids but other
//! content is there; 400 or 413) is split in halves until the statements it refuses are
//! single; a single 409 counts as already there, a single 400 as refused with the LRS's
//! reason. 401 and 403 stop everything: the credential may not write (or read).

use std::time::Duration;

use serde_json::Value;
use ureq::Agent;
use ureq::http::Response;
use ureq::tls::{RootCerts, TlsConfig};

use super::credentials::Credentials;
use super::endpoint::Endpoint;
use super::error::{Action, LrsError};

/// The xAPI version header every request carries.
pub const XAPI_VERSION: &str = "1.0.3";
/// The most bytes of one answer read (a page of statements is far smaller).
const MAX_ANSWER_BYTES: u64 = 256 * 1024 * 1024;

/// How long to wait for the LRS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// To connect (DNS, TCP, TLS).
    pub connect: Duration,
    /// For one whole request, answer included.
    pub request: Duration,
}

impl Timeouts {
    /// The learner's program: short, so an unreachable LRS never holds the learner up.
    pub const LEARNER: Timeouts = Timeouts {
        connect: Duration::from_secs(5),
        request: Duration::from_secs(20),
    };
    /// The security function's commands: batches and pages are larger.
    pub const OFFICER: Timeouts = Timeouts {
        connect: Duration::from_secs(10),
        request: Duration::from_secs(120),
    };
}

/// What the LRS made of a list of statements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Posted {
    /// Stored now.
    pub accepted: usize,
    /// Already there (the same id), so not stored again.
    pub already_there: usize,
    /// Refused one by one, with the LRS's reason.
    pub refused: Vec<Refused>,
}

/// A statement the LRS refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The statement's id (empty if it had none).
    pub statement_id: String,
    /// The HTTP status.
    pub status: u16,
    /// The start of the LRS's answer, display-safe.
    pub reason: String,
}

impl Posted {
    /// Adds what another request did.
    pub fn add(&mut self, other: Posted) {
        self.accepted += other.accepted;
        self.already_there += other.already_there;
        self.refused.extend(other.refused);
    }
}

/// What a run of [`Client::get_statements`] read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fetched {
    /// Statements read.
    pub statements: u64,
    /// Pages read.
    pub pages: u64,
    /// The LRS's `X-Experience-API-Consistent-Through` of the first page: every statement
    /// stored up to then was in this run, so the next run may ask `since` it.
    pub consistent_through: Option<String>,
    /// The latest `stored` time of a statement read (the fall-back for `since`).
    pub latest_stored: Option<String>,
}

/// A connection to one LRS with one credential.
pub struct Client {
    endpoint: Endpoint,
    credentials: Credentials,
    agent: Agent,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.endpoint.to_string())
            .field("user", &self.credentials.user())
            .finish_non_exhaustive()
    }
}

/// One answer to a POST of a batch.
enum BatchAnswer {
    Stored(usize),
    AllThere,
    Split { status: u16, reason: String },
}

impl Client {
    /// A client for `endpoint` with `credentials`; nothing is sent yet.
    pub fn new(endpoint: Endpoint, credentials: Credentials, timeouts: Timeouts) -> Client {
        let tls = TlsConfig::builder()
            .root_certs(RootCerts::PlatformVerifier)
            .build();
        let mut config = Agent::config_builder()
            .tls_config(tls)
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(timeouts.connect))
            .timeout_global(Some(timeouts.request))
            .user_agent(concat!("bevidst/", env!("CARGO_PKG_VERSION")));
        if endpoint.is_loopback() {
            config = config.proxy(None);
        }
        Client {
            endpoint,
            credentials,
            agent: config.build().new_agent(),
        }
    }

    /// The credential's user name.
    pub fn user(&self) -> &str {
        self.credentials.user()
    }

    /// The endpoint.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// Sends `statements` in one request (split only if the LRS refuses the batch; see the
    /// module header).
    pub fn post_statements(&self, statements: &[Value]) -> Result<Posted, LrsError> {
        if statements.is_empty() {
            return Ok(Posted::default());
        }
        let mut posted = Posted::default();
        match self.post_batch(statements)? {
            BatchAnswer::Stored(n) => {
                posted.accepted = n.min(statements.len());
                posted.already_there = statements.len() - posted.accepted;
            }
            BatchAnswer::AllThere => posted.already_there = statements.len(),
            BatchAnswer::Split { status: 409, .. } if statements.len() == 1 => {
                posted.already_there = 1;
            }
            BatchAnswer::Split { status, reason } if statements.len() == 1 => {
                let id = statements[0].get("id").and_then(Value::as_str);
                posted.refused.push(Refused {
                    statement_id: id.unwrap_or_default().to_owned(),
                    status,
                    reason,
                });
            }
            BatchAnswer::Split { .. } => {
                let (a, b) = statements.split_at(statements.len() / 2);
                posted.add(self.post_statements(a)?);
                posted.add(self.post_statements(b)?);
            }
        }
        Ok(posted)
    }

    fn post_batch(&self, statements: &[Value]) -> Result<BatchAnswer, LrsError> {
        let url = self.endpoint.statements();
        let body = serde_json::to_vec(statements).unwrap_or_default();
        let mut answer = self
            .agent
            .post(&url)
            .header("Authorization", self.credentials.basic_header())
            .header("X-Experience-API-Version", XAPI_VERSION)
            .header("Content-Type", "application/json")
            .send(&body[..])
            .map_err(|e| self.transport(&e))?;
        let status = answer.status().as_u16();
        match status {
            200 => {
                let ids: Vec<Value> = self.json(&mut answer)?;
                Ok(BatchAnswer::Stored(ids.len()))
            }
            204 => Ok(BatchAnswer::AllThere),
            400 | 409 | 413 => Ok(BatchAnswer::Split {
                status,
                reason: excerpt(&mut answer),
            }),
            _ => Err(self.status_error(status, Action::Write, &mut answer)),
        }
    }

    /// Reads every statement the credential may read (stored after `since`, if given), page
    /// by page through the LRS's `more` links, handing each page to `page`.
    pub fn get_statements(
        &self,
        since: Option<&str>,
        mut page: impl FnMut(Vec<Value>),
    ) -> Result<Fetched, LrsError> {
        let mut fetched = Fetched::default();
        let mut url = self.endpoint.statements();
        let mut first = true;
        loop {
            let mut request = self
                .agent
                .get(&url)
                .header("Authorization", self.credentials.basic_header())
                .header("X-Experience-API-Version", XAPI_VERSION);
            if first {
                request = request.query("ascending", "true");
                if let Some(since) = since {
                    request = request.query("since", since);
                }
            }
            let mut answer = request.call().map_err(|e| self.transport(&e))?;
            let status = answer.status().as_u16();
            if status != 200 {
                return Err(self.status_error(status, Action::Read, &mut answer));
            }
            if first {
                fetched.consistent_through = answer
                    .headers()
                    .get("X-Experience-API-Consistent-Through")
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned);
                first = false;
            }
            let result: StatementResult = self.json(&mut answer)?;
            fetched.pages += 1;
            fetched.statements += result.statements.len() as u64;
            for s in &result.statements {
                if let Some(stored) = s.get("stored").and_then(Value::as_str)
                    && fetched
                        .latest_stored
                        .as_deref()
                        .is_none_or(|l| later(stored, l))
                {
                    fetched.latest_stored = Some(stored.to_owned());
                }
            }
            let empty = result.statements.is_empty();
            page(result.statements);
            match result.more.filter(|m| !m.is_empty() && !empty) {
                None => return Ok(fetched),
                Some(more) => {
                    url = self.endpoint.resolve_more(&more).ok_or_else(|| {
                        self.bad_answer(&format!("a \"more\" link to another server: {more}"))
                    })?;
                }
            }
        }
    }

    fn json<T: serde::de::DeserializeOwned>(
        &self,
        answer: &mut Response<ureq::Body>,
    ) -> Result<T, LrsError> {
        let text = answer
            .body_mut()
            .with_config()
            .limit(MAX_ANSWER_BYTES)
            .read_to_string()
            .map_err(|e| self.transport(&e))?;
        serde_json::from_str(&text).map_err(|e| self.bad_answer(&e.to_string()))
    }

    fn transport(&self, e: &ureq::Error) -> LrsError {
        LrsError::from_transport(&self.endpoint, e)
    }

    fn bad_answer(&self, detail: &str) -> LrsError {
        LrsError::BadAnswer {
            endpoint: self.endpoint.to_string(),
            detail: crate::safe_text::sanitize(detail, true),
        }
    }

    fn status_error(
        &self,
        status: u16,
        action: Action,
        answer: &mut Response<ureq::Body>,
    ) -> LrsError {
        LrsError::from_status(&self.endpoint, status, action, excerpt(answer))
    }
}

/// A page of statements as xAPI's `StatementResult`.
#[derive(serde::Deserialize)]
struct StatementResult {
    statements: Vec<Value>,
    #[serde(default)]
    more: Option<String>,
}

/// The start of an answer's body, display-safe, for messages.
fn excerpt(answer: &mut Response<ureq::Body>) -> String {
    let text = answer
        .body_mut()
        .with_config()
        .limit(64 * 1024)
        .read_to_string()
        .unwrap_or_default();
    let short: String = text.chars().take(300).collect();
    crate::safe_text::sanitize(&short, true)
}

/// Whether RFC 3339 time `a` is after `b` (compared as instants; as text if unparsable).
fn later(a: &str, b: &str) -> bool {
    match (a.parse::<jiff::Timestamp>(), b.parse::<jiff::Timestamp>()) {
        (Ok(a), Ok(b)) => a > b,
        _ => a > b,
    }
}
