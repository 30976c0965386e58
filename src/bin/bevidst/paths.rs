//! Where the program's files are: the environment's overrides, else the platform's folders.
//! Only the binary resolves these; the library takes every path as a parameter.

use std::path::{Path, PathBuf};

use bevidst::lang::Lang;
use bevidst::message::Bilingual as _;
use bevidst::record;
use bevidst::safe_text::sanitize;

use crate::said::Said;

/// The learner's data folder: `BEVIDST_DATA_DIR`, or the platform's data directory.
pub(crate) fn data_dir() -> Option<PathBuf> {
    match std::env::var_os("BEVIDST_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("dk", "Kobenhavns Kommune", "bevidst")
            .map(|d| d.data_dir().to_path_buf()),
    }
}

pub(crate) fn log_path(lang: Lang) -> Option<PathBuf> {
    let path = data_dir().map(|d| record::log_path(&d));
    if path.is_none() {
        crate::out::say_err!("{}", Said::NoDataFolder.in_lang(lang));
    }
    path
}

pub(crate) fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string(), true)
}

/// The configuration folder: `BEVIDST_CONFIG_DIR`, or the platform's config directory.
pub(crate) fn config_dir() -> Option<PathBuf> {
    match std::env::var_os("BEVIDST_CONFIG_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("dk", "Kobenhavns Kommune", "bevidst")
            .map(|d| d.config_dir().to_path_buf()),
    }
}

/// The folder of the organisation's preinstalled configuration: `BEVIDST_ORG_CONFIG_DIR`, or
/// the machine's shared configuration folder (`%PROGRAMDATA%\bevidst` on Windows,
/// `/Library/Application Support/bevidst` on macOS, `/etc/bevidst` elsewhere).
pub(crate) fn organisation_config_dir() -> PathBuf {
    match std::env::var_os("BEVIDST_ORG_CONFIG_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => machine_config_dir(),
    }
}

#[cfg(windows)]
fn machine_config_dir() -> PathBuf {
    std::env::var_os("PROGRAMDATA")
        .filter(|d| !d.is_empty())
        .map_or_else(|| PathBuf::from(r"C:\ProgramData"), PathBuf::from)
        .join("bevidst")
}

#[cfg(target_os = "macos")]
fn machine_config_dir() -> PathBuf {
    PathBuf::from("/Library/Application Support/bevidst")
}

#[cfg(not(any(windows, target_os = "macos")))]
fn machine_config_dir() -> PathBuf {
    PathBuf::from("/etc/bevidst")
}

/// The login name, offered as the employee id at first start.
pub(crate) fn login_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_default()
}

/// The session's folders from the environment, or a message and `None`.
pub(crate) fn session_paths(
    courses: Option<&PathBuf>,
    lang: Lang,
) -> Option<bevidst::app::session::Paths> {
    let (Some(config_dir), Some(data_dir)) = (config_dir(), data_dir()) else {
        crate::out::say_err!("{}", Said::NoFolders.in_lang(lang));
        return None;
    };
    Some(bevidst::app::session::Paths {
        config_dir,
        organisation_config_dir: Some(organisation_config_dir()),
        data_dir,
        collect_dir: std::env::var_os("BEVIDST_COLLECT_DIR")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from),
        courses: courses.cloned(),
    })
}
