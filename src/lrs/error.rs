//! Why talking to the LRS failed, in words a person can act on, and whether trying again
//! later may help. No message holds the credential.

use std::fmt;

use super::endpoint::Endpoint;
use crate::lang::Lang;
use crate::message::Bilingual;

/// What the credential was used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Sending statements.
    Write,
    /// Reading statements.
    Read,
}

/// Why a request to the LRS failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LrsError {
    /// The LRS could not be reached (name, connection, TLS, or the connection broke).
    Unreachable {
        /// The endpoint.
        endpoint: String,
        /// The HTTP client's reason.
        detail: String,
    },
    /// The LRS's certificate is not one this machine trusts (not issued by an authority in
    /// its certificate store, expired, or for another name): someone must fix the machine's
    /// store or the LRS, so trying again later does not help.
    Untrusted {
        /// The endpoint.
        endpoint: String,
        /// What the TLS library found.
        detail: String,
    },
    /// The LRS did not answer in time.
    TimedOut {
        /// The endpoint.
        endpoint: String,
    },
    /// 401 or 403: the credential is wrong, or may not do this.
    Denied {
        /// The endpoint.
        endpoint: String,
        /// The status.
        status: u16,
        /// What it was refused.
        action: Action,
    },
    /// The LRS answered with a redirect, which is not followed.
    Redirect {
        /// The endpoint.
        endpoint: String,
        /// The status.
        status: u16,
    },
    /// 5xx: the LRS has a problem of its own.
    Server {
        /// The endpoint.
        endpoint: String,
        /// The status.
        status: u16,
        /// The start of its answer.
        detail: String,
    },
    /// Another status the request cannot go on from.
    Refused {
        /// The endpoint.
        endpoint: String,
        /// The status.
        status: u16,
        /// The start of its answer.
        detail: String,
    },
    /// The answer is not what xAPI says it is.
    BadAnswer {
        /// The endpoint.
        endpoint: String,
        /// What is wrong with it.
        detail: String,
    },
}

impl LrsError {
    /// Whether the same request may succeed later without anyone changing anything (the LRS
    /// or the network was down or slow).
    pub fn is_transient(&self) -> bool {
        match self {
            LrsError::Unreachable { .. } | LrsError::TimedOut { .. } | LrsError::Server { .. } => {
                true
            }
            LrsError::Denied { .. }
            | LrsError::Untrusted { .. }
            | LrsError::Redirect { .. }
            | LrsError::Refused { .. }
            | LrsError::BadAnswer { .. } => false,
        }
    }

    pub(crate) fn from_transport(endpoint: &Endpoint, e: &ureq::Error) -> LrsError {
        let endpoint = endpoint.to_string();
        match e {
            ureq::Error::Timeout(_) => LrsError::TimedOut { endpoint },
            other if let Some(tls) = certificate_error(other) => LrsError::Untrusted {
                endpoint,
                detail: crate::safe_text::sanitize(&tls.to_string(), true),
            },
            other => LrsError::Unreachable {
                endpoint,
                detail: crate::safe_text::sanitize(&other.to_string(), true),
            },
        }
    }

    pub(crate) fn from_status(
        endpoint: &Endpoint,
        status: u16,
        action: Action,
        detail: String,
    ) -> LrsError {
        let endpoint = endpoint.to_string();
        match status {
            401 | 403 => LrsError::Denied {
                endpoint,
                status,
                action,
            },
            300..=399 => LrsError::Redirect { endpoint, status },
            500..=599 => LrsError::Server {
                endpoint,
                status,
                detail,
            },
            _ => LrsError::Refused {
                endpoint,
                status,
                detail,
            },
        }
    }
}

/// The certificate error inside `e`, if the TLS handshake failed on the LRS's certificate.
fn certificate_error(e: &ureq::Error) -> Option<&rustls::Error> {
    let tls = match e {
        ureq::Error::Rustls(tls) => tls,
        ureq::Error::Io(io) => io.get_ref()?.downcast_ref::<rustls::Error>()?,
        _ => return None,
    };
    matches!(tls, rustls::Error::InvalidCertificate(_)).then_some(tls)
}

impl Bilingual for LrsError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LrsError::Unreachable { endpoint, detail } => lang.write(
                out,
                format_args!("læringsdatabasen {endpoint} kan ikke nås: {detail}"),
                format_args!("cannot reach the LRS {endpoint}: {detail}"),
            ),
            LrsError::Untrusted { endpoint, detail } => lang.write(
                out,
                format_args!(
                    "denne computer stoler ikke på certifikatet fra læringsdatabasen {endpoint} \
                     ({detail}); it-supporten skal lægge organisationens rodcertifikat i \
                     computerens certifikatlager, eller læringsdatabasen skal have et gyldigt \
                     certifikat"
                ),
                format_args!(
                    "this computer does not trust the certificate of the LRS {endpoint} \
                     ({detail}); IT support must add the organisation's root certificate to \
                     the computer's certificate store, or the LRS must get a valid certificate"
                ),
            ),
            LrsError::TimedOut { endpoint } => lang.write(
                out,
                format_args!("læringsdatabasen {endpoint} svarede ikke i tide"),
                format_args!("the LRS {endpoint} did not answer in time"),
            ),
            LrsError::Denied {
                endpoint,
                status,
                action: Action::Write,
            } => lang.write(
                out,
                format_args!(
                    "læringsdatabasen {endpoint} afviste adgangsoplysningerne ({status}): \
                     brugeren findes ikke, adgangskoden er forkert, eller brugeren må ikke \
                     skrive udsagn (scope statements/write)"
                ),
                format_args!(
                    "the LRS {endpoint} refused the credential ({status}): the user does not \
                     exist, the password is wrong, or the user may not write statements \
                     (scope statements/write)"
                ),
            ),
            LrsError::Denied {
                endpoint,
                status,
                action: Action::Read,
            } => lang.write(
                out,
                format_args!(
                    "læringsdatabasen {endpoint} afviste adgangsoplysningerne ({status}): \
                     brugeren findes ikke, adgangskoden er forkert, eller brugeren må ikke \
                     læse udsagn (scope statements/read); medarbejdernes adgangsoplysninger \
                     kan kun skrive"
                ),
                format_args!(
                    "the LRS {endpoint} refused the credential ({status}): the user does not \
                     exist, the password is wrong, or the user may not read statements (scope \
                     statements/read); the employees' credential can only write"
                ),
            ),
            LrsError::Redirect { endpoint, status } => lang.write(
                out,
                format_args!(
                    "læringsdatabasen {endpoint} sendte videre til en anden adresse \
                     ({status}); brug den adresse, den sender videre til"
                ),
                format_args!(
                    "the LRS {endpoint} redirected ({status}); use the address it redirects to"
                ),
            ),
            LrsError::Server {
                endpoint,
                status,
                detail,
            } => lang.write(
                out,
                format_args!("læringsdatabasen {endpoint} har en fejl ({status}): {detail}"),
                format_args!("the LRS {endpoint} has a fault ({status}): {detail}"),
            ),
            LrsError::Refused {
                endpoint,
                status,
                detail,
            } => lang.write(
                out,
                format_args!(
                    "læringsdatabasen {endpoint} afviste forespørgslen ({status}): {detail}"
                ),
                format_args!("the LRS {endpoint} refused the request ({status}): {detail}"),
            ),
            LrsError::BadAnswer { endpoint, detail } => lang.write(
                out,
                format_args!(
                    "læringsdatabasen {endpoint} svarede ikke, som xAPI foreskriver: {detail}"
                ),
                format_args!("the LRS {endpoint} did not answer as xAPI says: {detail}"),
            ),
        }
    }
}
crate::danish_display!(LrsError);
