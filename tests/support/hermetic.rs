//! The one place that builds the environment of a child process a test or benchmark starts
//! (the bevidst binary, tmux, the test binary re-run as a child, `chattr`): from scratch, so
//! nothing the caller has set (`BEVIDST_*`, `HOME`, `XDG_*`, `USER`, `NO_COLOR`, `TERM`,
//! `COLUMNS`, `TMUX`, …) changes what the child does or where it writes. An IT administrator's
//! profile may set `BEVIDST_COLLECT_DIR` to the real collection share; a test must never put a
//! record there. Included with `#[path]` by every test and bench crate that starts a process.

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

/// `program` with only these variables: `PATH` (to find `tmux`, `sh`, `chattr`), `LANG`
/// (UTF-8, so tmux passes æ, ø and å through), and every folder bevidst or the platform
/// folder lookup could use, inside `sandbox`: `HOME`, `XDG_CONFIG_HOME`, `XDG_DATA_HOME`,
/// `BEVIDST_CONFIG_DIR`, `BEVIDST_DATA_DIR`, and `BEVIDST_ORG_CONFIG_DIR` (so the machine's
/// own `/etc/bevidst` or `%PROGRAMDATA%\bevidst` is never read). No collection folder: a
/// test that wants one sets `BEVIDST_COLLECT_DIR` itself. Callers add what they need with
/// `.env(…)`; the folders need not exist.
pub fn command(program: impl AsRef<OsStr>, sandbox: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .env("HOME", sandbox.join("home"))
        .env("XDG_CONFIG_HOME", sandbox.join("home/.config"))
        .env("XDG_DATA_HOME", sandbox.join("home/.local/share"))
        .env("BEVIDST_CONFIG_DIR", sandbox.join("config"))
        .env("BEVIDST_DATA_DIR", sandbox.join("data"))
        .env("BEVIDST_ORG_CONFIG_DIR", sandbox.join("org-config"));
    cmd
}
