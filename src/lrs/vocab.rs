//! The names bevidst's xAPI statements use: the verbs, the fixed namespace of its activity,
//! account and extension IRIs, and how statement ids are derived from record hashes. The
//! report's xAPI export (`report::render::xapi`) and the statements sent to a Learning Record
//! Store share them.
//!
//! The LRS statements name everything under the fixed [`NAMESPACE`], not under a
//! configurable home page: the learner's program and `bevidst lrs push` must write the very
//! same statement for the same record (the same id with other content is a conflict in xAPI),
//! and the report must find the carried record by a key it knows without configuration. An
//! IRI in xAPI identifies; it need not resolve.

use crate::canon::{CanonHasher, Digest32, hex};

/// ADL's verb for a passed attempt.
pub const VERB_PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
/// ADL's verb for a failed attempt.
pub const VERB_FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
/// ADL's verb for a completed activity without a pass mark.
pub const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
/// ADL's verb for an answered question.
pub const VERB_ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
/// ADL's activity type of a module's quiz.
pub const TYPE_ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";
/// ADL's activity type of a question.
pub const TYPE_QUESTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";

/// The namespace of every IRI the LRS statements coin (see the module header).
pub const NAMESPACE: &str = "https://bevidst.kk.dk/xapi";
/// The account home page of an installation's actor (the account name is the installation id).
pub const INSTALLATION_HOME_PAGE: &str = "https://bevidst.kk.dk/xapi/installations";
/// The context extension that carries the completion record (see `statement`).
pub const EXT_RECORD: &str = "https://bevidst.kk.dk/xapi/ext/record";
/// The context extension with the module version.
pub const EXT_MODULE_VERSION: &str = "https://bevidst.kk.dk/xapi/ext/module-version";
/// The context extension with the module's content hash.
pub const EXT_CONTENT_HASH: &str = "https://bevidst.kk.dk/xapi/ext/content-hash";
/// The context extension with a question's area of policy 1.3.
pub const EXT_AREA: &str = "https://bevidst.kk.dk/xapi/ext/area";
/// The context extension with the goals of policy 1.1 a question touches.
pub const EXT_GOALS: &str = "https://bevidst.kk.dk/xapi/ext/goals";

/// Domain tag of the ids of "answered" statements.
const ANSWER_DOMAIN: &[u8] = b"bevidst-xapi-answer-v1\0";

/// A module's activity id.
pub fn module_activity(module: &str) -> String {
    format!("{NAMESPACE}/modules/{module}")
}

/// A question's activity id.
pub fn question_activity(question: &str) -> String {
    format!("{NAMESPACE}/questions/{question}")
}

/// A record hash as a UUID string (version 8, variant 10xx): the id of the record's attempt
/// statement, so the same completion always gets the same statement id and an LRS drops
/// repeats.
pub fn statement_id(hash: &Digest32) -> String {
    let mut b = [0u8; 16];
    b.copy_from_slice(&hash[..16]);
    b[6] = (b[6] & 0x0F) | 0x80;
    b[8] = (b[8] & 0x3F) | 0x80;
    let h = hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// The id of the "answered" statement of the question at `index` (0-based, in the order
/// asked) of the record with `hash`: SHA-256 over a domain tag, the hash and the index, as a
/// UUID like [`statement_id`].
pub fn answer_id(hash: &Digest32, index: usize) -> String {
    let mut h = CanonHasher::new(ANSWER_DOMAIN);
    h.fixed(hash).len(index);
    statement_id(&h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_8_uuids_and_differ_per_question() {
        let hash = [0xAB; 32];
        let attempt = statement_id(&hash);
        assert_eq!(attempt, "abababab-abab-8bab-abab-abababababab");
        let first = answer_id(&hash, 0);
        assert_ne!(first, attempt);
        assert_ne!(first, answer_id(&hash, 1));
        assert_eq!(first, answer_id(&hash, 0));
        assert_eq!(&first[14..15], "8");
    }
}
