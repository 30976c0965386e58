//! Whether and how the learner's records go to a Learning Record Store: from the configuration
//! (`lrs`, `lrs_credentials` in `config.ron`, which an organisation may preinstall) and the
//! credentials (`BEVIDST_LRS_USER` and `BEVIDST_LRS_PASSWORD`, else a file only the learner may
//! read) to a running [`Courier`], or to the one line that says why nothing can be sent.
//!
//! Nothing here stops the learner: a missing, bad or plain-`http` address to another machine,
//! or credentials that are missing or readable by others, become a note on the home screen
//! (and beside each receipt); the records stay in the log and are sent once it is fixed. The
//! credentials are read once at start and never shown; only the address and the file's path
//! are in the configuration.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use super::courier::{Courier, Failure, Sent, Transport};
use super::outbox::Outbox;
use crate::canon::Digest32;
use crate::config::{Config, LRS_CREDENTIALS_FILE};
use crate::course::CourseSet;
use crate::lang::Lang;
use crate::lrs::{Client, Credentials, Endpoint, EnvCredentials, LrsError, Posted, Timeouts};
use crate::message::Bilingual;
use crate::record::CompletionRecord;

/// Sending to a Learning Record Store, as far as the configuration allows.
pub enum Delivery {
    /// No LRS is configured.
    Off,
    /// An LRS is configured but cannot be used: why, said at start and beside each receipt.
    Broken(Failure),
    /// Records are sent.
    Sending(Courier),
}

impl fmt::Debug for Delivery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Delivery::Off => f.write_str("Off"),
            Delivery::Broken(why) => f.debug_tuple("Broken").field(why).finish(),
            Delivery::Sending(_) => f.write_str("Sending"),
        }
    }
}

/// What a session hands over to start sending.
pub struct Setup<'a> {
    /// The configuration as laid (the organisation's `lrs` wins).
    pub config: &'a Config,
    /// The learner's configuration folder, where the credentials file is by default.
    pub config_dir: &'a Path,
    /// The data folder, where the outbox is.
    pub data_dir: &'a Path,
    /// The credentials in the environment, as the binary read them.
    pub env: &'a EnvCredentials,
    /// The whole course set (a statement names the module the record was taken on).
    pub courses: Arc<CourseSet>,
}

/// The credentials file: the configuration's, else [`LRS_CREDENTIALS_FILE`] in the
/// configuration folder.
fn credentials_file(config: &Config, config_dir: &Path) -> std::path::PathBuf {
    config
        .lrs_credentials
        .clone()
        .unwrap_or_else(|| config_dir.join(LRS_CREDENTIALS_FILE))
}

impl Delivery {
    /// Starts sending what `log` holds and the outbox does not name, in the background; never
    /// waits for the LRS.
    pub fn start(setup: &Setup<'_>, log: &[CompletionRecord]) -> Delivery {
        let Some(address) = &setup.config.lrs else {
            return Delivery::Off;
        };
        let endpoint = match Endpoint::parse(address) {
            Ok(e) => e,
            Err(e) => return Delivery::Broken(Failure::setup(&e)),
        };
        let file = credentials_file(setup.config, setup.config_dir);
        let credentials = match Credentials::resolve(setup.env, &file) {
            Ok(c) => c,
            Err(e) => return Delivery::Broken(Failure::setup(&e)),
        };
        let outbox = Outbox::load(setup.data_dir, &endpoint.to_string());
        let transport = ClientTransport {
            client: Client::new(endpoint, credentials, Timeouts::LEARNER),
            courses: Arc::clone(&setup.courses),
        };
        Delivery::Sending(Courier::start(transport, outbox, log))
    }

    /// Why nothing can be sent, for the notes at start.
    pub fn broken(&self) -> Option<&Failure> {
        match self {
            Delivery::Broken(why) => Some(why),
            Delivery::Off | Delivery::Sending(_) => None,
        }
    }

    /// Hands over a record just stored, and waits at most [`Courier::WAIT`] for the LRS;
    /// returns why the record is not there yet, if it is not.
    pub fn deliver(&mut self, record: CompletionRecord) -> Option<Failure> {
        match self {
            Delivery::Off => None,
            Delivery::Broken(why) => Some(why.clone()),
            Delivery::Sending(courier) => courier.deliver(record, Courier::WAIT).err(),
        }
    }

    /// Why records sent in the background did not arrive, once, if known by now.
    pub fn news(&mut self) -> Option<Failure> {
        match self {
            Delivery::Sending(courier) => courier.news(),
            Delivery::Off | Delivery::Broken(_) => None,
        }
    }
}

/// How many records of `log` await sending, when an LRS is configured with an address that
/// can be used; reads the outbox only (for `bevidst status`).
pub fn awaiting(config: &Config, data_dir: &Path, log: &[CompletionRecord]) -> Option<usize> {
    let endpoint = Endpoint::parse(config.lrs.as_deref()?).ok()?;
    Some(
        Outbox::load(data_dir, &endpoint.to_string())
            .pending(log)
            .len(),
    )
}

/// How many results await sending, for `bevidst status`.
pub struct Awaiting(pub usize);

impl Bilingual for Awaiting {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            1 => lang.write(
                out,
                format_args!("1 resultat venter på at blive sendt til læringsdatabasen (LRS)."),
                format_args!("1 result is waiting to be sent to the learning record store (LRS)."),
            ),
            n => lang.write(
                out,
                format_args!("{n} resultater venter på at blive sendt til læringsdatabasen (LRS)."),
                format_args!(
                    "{n} results are waiting to be sent to the learning record store (LRS)."
                ),
            ),
        }
    }
}

/// The LRS client as the courier's transport: each record becomes its statements
/// (`lrs::statements`), and a batch is one request.
struct ClientTransport {
    client: Client,
    courses: Arc<CourseSet>,
}

impl Transport for ClientTransport {
    fn send(&mut self, records: &[CompletionRecord]) -> Sent {
        let mut statements = Vec::new();
        // Per record, the ids of its statements: a statement refused is its record not held.
        let mut ids: Vec<(Digest32, Vec<String>)> = Vec::with_capacity(records.len());
        for record in records {
            let module = self.courses.get(&record.attempt.module);
            let own = crate::lrs::statements(record, module);
            let own_ids = own
                .iter()
                .filter_map(|s| s.get("id").and_then(|id| id.as_str()).map(str::to_owned))
                .collect();
            ids.push((record.hash, own_ids));
            statements.extend(own);
        }
        match self.client.post_statements(&statements) {
            Ok(posted) => acknowledged(&ids, &posted),
            Err(e) => Sent {
                acknowledged: Vec::new(),
                failure: Some(failure(&e)),
            },
        }
    }
}

/// The records whose statements the LRS all holds now, and why the others are not held.
fn acknowledged(ids: &[(Digest32, Vec<String>)], posted: &Posted) -> Sent {
    let refused = |id: &String| posted.refused.iter().any(|r| &r.statement_id == id);
    Sent {
        acknowledged: ids
            .iter()
            .filter(|(_, own)| !own.iter().any(refused))
            .map(|(hash, _)| *hash)
            .collect(),
        failure: posted.refused.first().map(|first| {
            Failure::setup(&RefusedStatements {
                count: posted.refused.len(),
                status: first.status,
                reason: first.reason.clone(),
            })
        }),
    }
}

/// A failure of the LRS: sent again later when waiting may help (said in a learner's words),
/// else for IT to fix (said in full, for IT).
fn failure(e: &LrsError) -> Failure {
    if e.is_transient() {
        Failure::later(&Unavailable(e))
    } else {
        Failure::setup(e)
    }
}

/// Why an LRS that may come back is not there, in a learner's words: which one, and what it
/// did, without the network library's details.
struct Unavailable<'a>(&'a LrsError);

impl Bilingual for Unavailable<'_> {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            LrsError::Unreachable { endpoint, .. } => lang.write(
                out,
                format_args!("{endpoint} kan ikke nås"),
                format_args!("{endpoint} cannot be reached"),
            ),
            LrsError::TimedOut { endpoint } => lang.write(
                out,
                format_args!("{endpoint} svarede ikke i tide"),
                format_args!("{endpoint} did not answer in time"),
            ),
            // The status code is for IT, not for the learner.
            LrsError::Server { endpoint, .. } => lang.write(
                out,
                format_args!("{endpoint} har en fejl"),
                format_args!("{endpoint} has a fault"),
            ),
            other => other.write(lang, out),
        }
    }
}

/// The LRS refused statements one by one (it holds the others).
struct RefusedStatements {
    count: usize,
    status: u16,
    reason: String,
}

impl Bilingual for RefusedStatements {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let RefusedStatements {
            count,
            status,
            reason,
        } = self;
        let statements = if *count == 1 {
            "statement"
        } else {
            "statements"
        };
        lang.write(
            out,
            format_args!("den afviste {count} udsagn ({status}: {reason})"),
            format_args!("it refused {count} {statements} ({status}: {reason})"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lrs::Refused;

    #[test]
    fn a_record_with_a_refused_statement_is_not_acknowledged_and_the_refusal_is_for_it() {
        let ids = [
            ([1; 32], vec!["a".to_owned(), "a1".to_owned()]),
            ([2; 32], vec!["b".to_owned(), "b1".to_owned()]),
        ];
        let posted = Posted {
            accepted: 2,
            already_there: 1,
            refused: vec![Refused {
                statement_id: "b1".into(),
                status: 400,
                reason: "bad result".into(),
            }],
        };
        let sent = acknowledged(&ids, &posted);
        assert_eq!(sent.acknowledged, [[1; 32]]);
        let failure = sent.failure.expect("the refusal");
        assert_eq!(failure.kind, crate::app::courier::FailureKind::Setup);
        assert!(
            failure
                .text(Lang::En)
                .contains("it refused 1 statement (400: bad result)"),
            "{failure:?}"
        );
        let all = acknowledged(&ids, &Posted::default());
        assert_eq!(all.acknowledged, [[1; 32], [2; 32]]);
        assert!(all.failure.is_none());
    }

    #[test]
    fn an_lrs_that_may_come_back_is_said_in_a_learners_words() {
        let down = LrsError::Unreachable {
            endpoint: "https://lrs.kk.dk/xAPI".into(),
            detail: "io: Connection refused (os error 111)".into(),
        };
        let f = failure(&down);
        assert_eq!(f.kind, crate::app::courier::FailureKind::Later);
        assert_eq!(
            f.text(Lang::Da),
            "Dine resultater er gemt på din computer, men kunne ikke sendes til \
             læringsdatabasen (LRS) lige nu: https://lrs.kk.dk/xAPI kan ikke nås. De bliver \
             sendt senere, uden at du skal gøre noget."
        );
        let denied = LrsError::Denied {
            endpoint: "https://lrs.kk.dk/xAPI".into(),
            status: 401,
            action: crate::lrs::Action::Write,
        };
        let f = failure(&denied);
        assert_eq!(f.kind, crate::app::courier::FailureKind::Setup);
        assert!(f.text(Lang::En).contains("Contact IT support"), "{f:?}");
    }
}
