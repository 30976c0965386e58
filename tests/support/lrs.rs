//! The real LRS the LRS tests and the LRS benchmark talk to: a Ralph LRS that `.ci/lrs`
//! starts, with its address and password in `BEVIDST_TEST_LRS_URL` and
//! `BEVIDST_TEST_LRS_PASSWORD`. Each slot is a store of its own with a write-only user
//! (`writer-N`, scope `statements/write`) and a reader (`reader-N`, scope `statements/read`), so tests
//! running at once never see each other's statements. Without the variables a test returns
//! early, saying how to run it; under CI (`CI=true`) it fails instead, so CI cannot pass
//! without the LRS. The slots in use:
//!
//!   1 tests/lrs: the same report from the LRS as from the folder
//!   2 tests/lrs: pushing twice
//!   3 tests/lrs: the writer cannot read
//!   4 tests/lrs: a tampered statement
//!   5 benches/lrs
//!   6 tests/plain/lrs: a completion made with the LRS down is sent at the next start
//!   7 tests/lrs: HTTPS with the organisation's own certificate authority
//!   8–16 free

/// One slot of the test LRS.
#[allow(dead_code)]
pub struct TestLrs {
    /// The xAPI endpoint.
    pub url: String,
    /// The write-only user.
    pub writer: String,
    /// The reading user.
    pub reader: String,
    /// Both users' password.
    pub password: String,
    /// The same LRS over HTTPS, its certificate issued by a throwaway authority.
    pub tls_url: String,
    /// That authority's certificate (PEM), for `SSL_CERT_FILE`.
    pub tls_ca: String,
    /// Another authority's certificate, which did not issue the LRS's.
    pub other_ca: String,
}

/// Slot `n` of the test LRS, or `None` (after saying how to run the test) when none is
/// configured; panics under CI, where the LRS must be there.
#[allow(dead_code)]
pub fn slot(n: u32) -> Option<TestLrs> {
    let url = std::env::var("BEVIDST_TEST_LRS_URL").ok();
    let password = std::env::var("BEVIDST_TEST_LRS_PASSWORD").ok();
    let slots: u32 = std::env::var("BEVIDST_TEST_LRS_SLOTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    match (url, password) {
        (Some(url), Some(password)) if n <= slots => Some(TestLrs {
            url,
            writer: format!("writer-{n}"),
            reader: format!("reader-{n}"),
            password,
            tls_url: var("BEVIDST_TEST_LRS_TLS_URL"),
            tls_ca: var("BEVIDST_TEST_LRS_TLS_CA"),
            other_ca: var("BEVIDST_TEST_LRS_OTHER_CA"),
        }),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true but no test LRS (slot {n}): run the tests through `bash .ci/lrs run`")
        }
        _ => {
            eprintln!(
                "skipped: no test LRS. Run it with a real Ralph LRS: bash .ci/lrs run cargo test --test lrs"
            );
            None
        }
    }
}

/// A variable `.ci/lrs` sets beside the address (empty if an older script did not).
fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_default()
}
