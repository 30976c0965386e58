//! The address of a Learning Record Store, checked before anything is sent to it: `https://`
//! anywhere, plain `http://` only to this machine (loopback), no user name or password in the
//! address (they would show in every message and process list), no query or fragment.
//!
//! The address may be given as the xAPI endpoint (`https://lrs.kk.dk/xAPI`) or as its
//! statements resource (`…/xAPI/statements`); both name the same endpoint.

use std::fmt;
use std::net::IpAddr;

use ureq::http::Uri;

use crate::lang::Lang;
use crate::message::Bilingual;

/// A checked LRS endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// `scheme://authority`, to resolve the `more` links the LRS gives against.
    origin: String,
    /// The endpoint without a trailing slash (`…/xAPI`).
    base: String,
    /// Whether the host is this machine.
    loopback: bool,
}

/// Why an address is not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointError {
    /// The address as given (shown with control characters made visible).
    pub url: String,
    /// What is wrong with it.
    pub why: EndpointProblem,
}

/// What is wrong with an LRS address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndpointProblem {
    /// Not an absolute URL with a host.
    NotAUrl,
    /// A scheme other than https and http.
    Scheme,
    /// Plain http to another machine.
    PlainHttp,
    /// A user name or password in the address.
    UserInfo,
    /// A query or fragment.
    Query,
}

impl Endpoint {
    /// Checks and normalises an address (see the module header).
    pub fn parse(url: &str) -> Result<Endpoint, EndpointError> {
        let fail = |why| EndpointError {
            url: crate::safe_text::sanitize(url, true),
            why,
        };
        let uri: Uri = url.parse().map_err(|_| fail(EndpointProblem::NotAUrl))?;
        let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
            return Err(fail(EndpointProblem::NotAUrl));
        };
        if authority.as_str().contains('@') {
            return Err(fail(EndpointProblem::UserInfo));
        }
        if uri.query().is_some() || url.contains('#') {
            return Err(fail(EndpointProblem::Query));
        }
        let host = authority.host();
        if host.is_empty() {
            return Err(fail(EndpointProblem::NotAUrl));
        }
        let loopback = is_loopback(host);
        match scheme.to_ascii_lowercase().as_str() {
            "https" => {}
            "http" if loopback => {}
            "http" => return Err(fail(EndpointProblem::PlainHttp)),
            _ => return Err(fail(EndpointProblem::Scheme)),
        }
        let origin = format!("{}://{}", scheme.to_ascii_lowercase(), authority.as_str());
        let path = uri.path().trim_end_matches('/');
        let path = path.strip_suffix("/statements").unwrap_or(path);
        Ok(Endpoint {
            base: format!("{origin}{path}"),
            origin,
            loopback,
        })
    }

    /// The statements resource.
    pub fn statements(&self) -> String {
        format!("{}/statements", self.base)
    }

    /// Whether the host is this machine (no proxy is used for it).
    pub fn is_loopback(&self) -> bool {
        self.loopback
    }

    /// The URL of a `more` link: a path on the same server, or an absolute URL on it. A link
    /// to another server is refused (the credential would go there).
    pub fn resolve_more(&self, more: &str) -> Option<String> {
        if more.starts_with('/') && !more.starts_with("//") {
            Some(format!("{}{more}", self.origin))
        } else if more
            .strip_prefix(&self.origin)
            .is_some_and(|rest| rest.starts_with('/'))
        {
            Some(more.to_owned())
        } else {
            None
        }
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base)
    }
}

/// `localhost`, 127.0.0.0/8 and `::1`.
fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.eq_ignore_ascii_case("localhost")
        || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

impl Bilingual for EndpointError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let url = &self.url;
        match self.why {
            EndpointProblem::NotAUrl => lang.write(
                out,
                format_args!(
                    "»{url}« er ikke en adresse på en læringsdatabase (LRS); skriv fx \
                     https://lrs.kk.dk/xAPI"
                ),
                format_args!("\"{url}\" is not an LRS address; write e.g. https://lrs.kk.dk/xAPI"),
            ),
            EndpointProblem::Scheme => lang.write(
                out,
                format_args!("»{url}«: adressen skal begynde med https://"),
                format_args!("\"{url}\": the address must begin with https://"),
            ),
            EndpointProblem::PlainHttp => lang.write(
                out,
                format_args!(
                    "»{url}«: ukrypteret http:// bruges kun til denne computer (localhost); \
                     brug https://, så adgangskoden og resultaterne ikke kan læses undervejs"
                ),
                format_args!(
                    "\"{url}\": unencrypted http:// is used only to this computer (localhost); \
                     use https:// so the password and the results cannot be read on the way"
                ),
            ),
            EndpointProblem::UserInfo => lang.write(
                out,
                format_args!(
                    "»{url}«: skriv ikke brugernavn eller adgangskode i adressen; brug \
                     BEVIDST_LRS_USER og BEVIDST_LRS_PASSWORD eller filen med \
                     adgangsoplysningerne"
                ),
                format_args!(
                    "\"{url}\": do not put a user name or password in the address; use \
                     BEVIDST_LRS_USER and BEVIDST_LRS_PASSWORD or the credentials file"
                ),
            ),
            EndpointProblem::Query => lang.write(
                out,
                format_args!("»{url}«: adressen må ikke indeholde ? eller #"),
                format_args!("\"{url}\": the address must not contain ? or #"),
            ),
        }
    }
}
crate::danish_display!(EndpointError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_and_http_only_to_loopback() {
        let e = Endpoint::parse("https://lrs.kk.dk/xAPI/").expect("https");
        assert_eq!(e.statements(), "https://lrs.kk.dk/xAPI/statements");
        assert!(!e.is_loopback());
        for local in [
            "http://127.0.0.1:8100/xAPI/statements",
            "http://localhost:8100/xAPI",
            "http://[::1]:8100/xAPI",
        ] {
            let e = Endpoint::parse(local).expect(local);
            assert!(
                e.is_loopback() && e.statements().ends_with("/xAPI/statements"),
                "{e}"
            );
        }
        let cases = [
            ("http://lrs.kk.dk/xAPI", EndpointProblem::PlainHttp),
            ("http://10.0.0.1/xAPI", EndpointProblem::PlainHttp),
            ("ftp://lrs.kk.dk/xAPI", EndpointProblem::Scheme),
            ("https://u:p@lrs.kk.dk/xAPI", EndpointProblem::UserInfo),
            ("https://lrs.kk.dk/xAPI?x=1", EndpointProblem::Query),
            ("lrs.kk.dk/xAPI", EndpointProblem::NotAUrl),
            ("", EndpointProblem::NotAUrl),
        ];
        for (url, why) in cases {
            assert_eq!(Endpoint::parse(url).map_err(|e| e.why), Err(why), "{url}");
        }
        let plain = Endpoint::parse("http://lrs.kk.dk/xAPI").expect_err("plain");
        assert!(plain.text(Lang::En).contains("https://"), "{plain}");
    }

    #[test]
    fn more_links_stay_on_the_same_server() {
        let e = Endpoint::parse("https://lrs.kk.dk/xAPI").expect("https");
        assert_eq!(
            e.resolve_more("/xAPI/statements?pit_id=1").as_deref(),
            Some("https://lrs.kk.dk/xAPI/statements?pit_id=1")
        );
        assert!(
            e.resolve_more("https://lrs.kk.dk/xAPI/statements?a=1")
                .is_some()
        );
        for bad in [
            "https://evil.example/x",
            "//evil.example/x",
            "https://lrs.kk.dk.evil/x",
        ] {
            assert_eq!(e.resolve_more(bad), None, "{bad}");
        }
    }
}
