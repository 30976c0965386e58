//! Completion records to and from a Learning Record Store (xAPI 1.0.3), for when a shared
//! folder is not enough: the learner's program sends each record, `bevidst lrs push` sends a
//! collection, and `bevidst report --lrs` reads the records back and makes the same report
//! as from the folder.
//!
//! # Design
//!
//! - **The log stays the evidence.** Each record becomes an attempt statement that carries
//!   the record's exact canonical line ([`statement`]), beside "answered" statements for an
//!   LMS or dashboard. Reading back writes those lines into ordinary log files and verifies
//!   them with the ordinary reader and anchors, so a line edited in the LRS is caught exactly
//!   as one edited in a file, and the report cannot differ from the folder's.
//! - **Idempotent.** Statement ids derive from the record hash ([`vocab::statement_id`]);
//!   sending a record twice stores it once, so "send everything not yet acknowledged" is
//!   always safe.
//! - **The actor is the installation.** The record holds an employee id and an installation
//!   id, no name. The actor is an xAPI account whose name is the installation id (32 random
//!   hex digits, made when the log was created): stable for the learner's whole log, the
//!   same whichever program sends, and it names nobody. The report's HMAC pseudonym cannot
//!   serve: it needs the report's secret key, which the learner's program must not have. The
//!   employee id and forvaltning are in the carried record line (the report needs them), so
//!   the LRS holds personal data and is to be read only by the IT-security function
//!   (least privilege: the learners' credential can only write, see the README).
//! - **No hand-written HTTP.** [`client`] uses ureq with rustls and the platform's
//!   certificate verifier; `https` anywhere, plain `http` only to loopback ([`endpoint`]);
//!   credentials from the environment or an owner-only file ([`credentials`]), never shown.

pub mod client;
pub mod credentials;
pub mod endpoint;
pub mod error;
pub mod mirror;
pub mod statement;
pub mod vocab;

pub use client::{Client, Fetched, Posted, Refused, Timeouts};
pub use credentials::{Credentials, CredentialsError, EnvCredentials};
pub use endpoint::{Endpoint, EndpointError};
pub use error::{Action, LrsError};
pub use statement::{CarriedRecord, NoRecord, carried_record, statements};
