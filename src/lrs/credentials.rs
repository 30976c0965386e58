//! The credential an LRS is reached with: a user name and a password for HTTP Basic
//! authentication, from the environment or from a file only its owner may read.
//!
//! - **Environment**: `BEVIDST_LRS_USER` and `BEVIDST_LRS_PASSWORD`, when both are set (a
//!   scheduled job's way). One without the other is an error, not a quiet fall-back.
//! - **File**: one line `user:password` (the user name cannot hold a colon; the password
//!   may), as curl's `--user` writes it; a final line break is ignored. On Unix the file
//!   must be readable by its owner only (`chmod 600`); one that others may read is refused,
//!   since the password would no longer be secret. On Windows the user's profile folder is
//!   private by its ACL already.
//!
//! The password is never printed: `Debug` shows the user name only, and no error message
//! holds it. Where the variables come from and where the file is are parameters
//! ([`EnvCredentials`], a path), so the binary reads the process environment and tests pass
//! their own.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::lang::Lang;
use crate::message::Bilingual;

/// The environment variable with the LRS user name.
pub const ENV_USER: &str = "BEVIDST_LRS_USER";
/// The environment variable with the LRS password.
pub const ENV_PASSWORD: &str = "BEVIDST_LRS_PASSWORD";
/// The largest credentials file read.
const MAX_FILE_BYTES: u64 = 4096;

/// A user name and password for Basic authentication.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    user: String,
    password: String,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .field("password", &"…")
            .finish()
    }
}

/// The two environment variables, as the caller read them.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct EnvCredentials {
    /// `BEVIDST_LRS_USER`, if set.
    pub user: Option<String>,
    /// `BEVIDST_LRS_PASSWORD`, if set.
    pub password: Option<String>,
}

impl fmt::Debug for EnvCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnvCredentials")
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "…"))
            .finish()
    }
}

impl EnvCredentials {
    /// The two variables from `var` (the binary passes `std::env::var`); empty counts as unset.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Self {
        let get = |name| var(name).filter(|v| !v.is_empty());
        EnvCredentials {
            user: get(ENV_USER),
            password: get(ENV_PASSWORD),
        }
    }
}

/// Why no credential could be had.
#[derive(Debug)]
pub enum CredentialsError {
    /// Only one of the two environment variables is set.
    HalfInEnvironment {
        /// The one that is missing.
        missing: &'static str,
    },
    /// No variables, and no credentials file.
    Missing {
        /// Where the file was looked for.
        file: PathBuf,
    },
    /// The file cannot be read.
    Unreadable(crate::foreign::ForeignError),
    /// Others than the owner may read the file (Unix).
    TooOpen {
        /// The file.
        file: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The file is not one line `user:password`.
    BadFormat {
        /// The file.
        file: PathBuf,
    },
}

impl Credentials {
    /// A credential from its parts (a user name without `:`, a password).
    pub fn new(user: impl Into<String>, password: impl Into<String>) -> Self {
        Credentials {
            user: user.into(),
            password: password.into(),
        }
    }

    /// The user name.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// The value of the `Authorization` header.
    pub(crate) fn basic_header(&self) -> String {
        use base64::Engine as _;
        let token = base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", self.user, self.password));
        format!("Basic {token}")
    }

    /// The credential from the environment when both variables are set, else from `file`
    /// (see the module header).
    pub fn resolve(env: &EnvCredentials, file: &Path) -> Result<Self, CredentialsError> {
        match (&env.user, &env.password) {
            (Some(user), Some(password)) => return Ok(Credentials::new(user, password)),
            (Some(_), None) => {
                return Err(CredentialsError::HalfInEnvironment {
                    missing: ENV_PASSWORD,
                });
            }
            (None, Some(_)) => {
                return Err(CredentialsError::HalfInEnvironment { missing: ENV_USER });
            }
            (None, None) => {}
        }
        Self::from_file(file)
    }

    /// The credential in `file` (see the module header).
    pub fn from_file(file: &Path) -> Result<Self, CredentialsError> {
        let text = crate::foreign::read_text(file, MAX_FILE_BYTES).map_err(|e| {
            if e.is_missing() {
                CredentialsError::Missing {
                    file: file.to_path_buf(),
                }
            } else {
                CredentialsError::Unreadable(e)
            }
        })?;
        // On Windows the profile folder's ACL keeps the file private (see the module header).
        #[cfg(unix)]
        check_private(file)?;
        let line = text.strip_suffix('\n').unwrap_or(&text);
        let line = line.strip_suffix('\r').unwrap_or(line);
        match line.split_once(':') {
            Some((user, password))
                if !user.is_empty() && !password.is_empty() && !line.contains('\n') =>
            {
                Ok(Credentials::new(user, password))
            }
            _ => Err(CredentialsError::BadFormat {
                file: file.to_path_buf(),
            }),
        }
    }
}

/// Refuses a file that others than its owner may read or write.
#[cfg(unix)]
fn check_private(file: &Path) -> Result<(), CredentialsError> {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(file)
        .map_err(|source| {
            CredentialsError::Unreadable(crate::foreign::ForeignError::Io {
                path: file.to_path_buf(),
                source,
            })
        })?
        .permissions()
        .mode();
    let others = mode & 0o077;
    if others == 0 {
        Ok(())
    } else {
        Err(CredentialsError::TooOpen {
            file: file.to_path_buf(),
            mode: mode & 0o777,
        })
    }
}

impl Bilingual for CredentialsError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialsError::HalfInEnvironment { missing } => {
                let set = if *missing == ENV_USER {
                    ENV_PASSWORD
                } else {
                    ENV_USER
                };
                lang.write(
                    out,
                    format_args!(
                        "{set} er sat, men {missing} er ikke sat; sæt begge eller ingen af dem"
                    ),
                    format_args!("{set} is set but {missing} is not; set both or neither"),
                )
            }
            CredentialsError::Missing { file } => {
                let f = file.display();
                lang.write(
                    out,
                    format_args!(
                        "ingen adgangsoplysninger til læringsdatabasen: sæt {ENV_USER} og \
                         {ENV_PASSWORD}, eller skriv »brugernavn:adgangskode« i {f} (chmod 600)"
                    ),
                    format_args!(
                        "no credential for the LRS: set {ENV_USER} and {ENV_PASSWORD}, or write \
                         \"username:password\" into {f} (chmod 600)"
                    ),
                )
            }
            CredentialsError::Unreadable(e) => e.write(lang, out),
            CredentialsError::TooOpen { file, mode } => {
                let f = file.display();
                lang.write(
                    out,
                    format_args!(
                        "{f}: andre end dig kan læse filen med adgangskoden (rettigheder \
                         {mode:o}); kør »chmod 600 {f}«"
                    ),
                    format_args!(
                        "{f}: others than you can read the password file (permissions {mode:o}); \
                         run \"chmod 600 {f}\""
                    ),
                )
            }
            CredentialsError::BadFormat { file } => {
                let f = file.display();
                lang.write(
                    out,
                    format_args!("{f}: skal være én linje »brugernavn:adgangskode«"),
                    format_args!("{f}: must be one line \"username:password\""),
                )
            }
        }
    }
}
crate::danish_display!(CredentialsError);

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, text: &str, mode: u32) -> PathBuf {
        let path = dir.join("lrs-credentials");
        std::fs::write(&path, text).expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).expect("chmod");
        }
        #[cfg(not(unix))]
        let _ = mode;
        path
    }

    #[test]
    fn environment_wins_and_half_of_it_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = write(dir.path(), "file:pw\n", 0o600);
        let both = EnvCredentials::from_vars(|n| Some(format!("{n}-value")));
        let got = Credentials::resolve(&both, &file).expect("from env");
        assert_eq!(got.user(), "BEVIDST_LRS_USER-value");
        let half = EnvCredentials::from_vars(|n| (n == ENV_USER).then(|| "u".to_owned()));
        let err = Credentials::resolve(&half, &file).expect_err("half");
        assert!(
            err.text(Lang::En).contains("BEVIDST_LRS_PASSWORD is not"),
            "{err}"
        );
        let none = EnvCredentials::from_vars(|_| None);
        let got = Credentials::resolve(&none, &file).expect("from file");
        assert_eq!(got, Credentials::new("file", "pw"));
    }

    #[test]
    fn the_file_is_one_line_and_the_password_may_hold_colons() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = write(dir.path(), "writer:a:b\r\n", 0o600);
        assert_eq!(
            Credentials::from_file(&file).expect("read"),
            Credentials::new("writer", "a:b")
        );
        for bad in ["writer", ":pw", "writer:", "a:b\nc:d\n"] {
            let file = write(dir.path(), bad, 0o600);
            let err = Credentials::from_file(&file).expect_err(bad);
            assert!(
                matches!(err, CredentialsError::BadFormat { .. }),
                "{bad}: {err}"
            );
        }
        let missing = Credentials::from_file(&dir.path().join("none")).expect_err("missing");
        assert!(missing.text(Lang::Da).contains("chmod 600"), "{missing}");
    }

    #[cfg(unix)]
    #[test]
    fn a_file_others_may_read_is_refused_with_the_fix() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = write(dir.path(), "writer:secret\n", 0o644);
        let err = Credentials::from_file(&file).expect_err("0644");
        let text = err.text(Lang::En);
        assert!(text.contains("chmod 600") && text.contains("644"), "{text}");
        assert!(!text.contains("secret"), "{text}");
    }

    #[test]
    fn debug_never_shows_the_password() {
        let c = Credentials::new("writer", "hunter2");
        let env = EnvCredentials {
            user: Some("writer".into()),
            password: Some("hunter2".into()),
        };
        for shown in [format!("{c:?}"), format!("{env:?}")] {
            assert!(
                shown.contains("writer") && !shown.contains("hunter2"),
                "{shown}"
            );
        }
        assert!(c.basic_header().starts_with("Basic "));
    }
}
