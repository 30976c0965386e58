//! What the command line itself says (beyond the library's messages), in Danish and English
//! side by side: folders it cannot find, what `verify` found, a terminal it cannot use, what
//! `simulate` wrote. Paths in it are made display-safe by [`shown`].

use std::fmt;
use std::io;
use std::path::Path;

use bevidst::foreign::ForeignError;
use bevidst::lang::Lang;
use bevidst::message::{Bilingual, IoReason};
use bevidst::record::{BadLine, Head};
use bevidst::simulate::SimSummary;

use crate::paths::shown;

/// One thing the command line says.
pub(crate) enum Said<'a> {
    /// Neither the environment nor the platform names a data folder.
    NoDataFolder,
    /// Neither the environment nor the platform names the configuration or data folder.
    NoFolders,
    /// `verify`: a folder that cannot be listed.
    FolderUnreadable(&'a Path, &'a io::Error),
    /// `verify`: a folder with nothing in it to verify.
    NoLogsInFolder(&'a Path),
    /// `verify`: a good log.
    Verified(&'a Path, u64, &'a Head),
    /// `verify`: a log's first bad line.
    BadLine(&'a Path, &'a BadLine),
    /// `verify`: a file that is not a log at all.
    NotALog(&'a Path),
    /// `verify`: a file that was not opened.
    NotOpened(&'a Path, &'a ForeignError),
    /// The terminal could not be used.
    TerminalUnusable(&'a io::Error),
    /// The plain mode's input or output could not be used.
    InputOutputUnusable(&'a io::Error),
    /// Standard output (or the output file) could not be written.
    OutputUnwritable(&'a io::Error),
    /// The course set the command needs has errors (listed before this).
    CourseSetBroken,
    /// `simulate`: what was written where.
    Simulated(&'a SimSummary, &'a Path),
    /// `simulate`: the roster written.
    RosterWritten(u64, &'a Path),
}

impl Bilingual for Said<'_> {
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per message, each a pair of texts"
    )]
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Said::NoDataFolder => lang.write(
                out,
                format_args!(
                    "kan ikke finde en datamappe; sæt BEVIDST_DATA_DIR til den mappe, loggen skal \
                     ligge i"
                ),
                format_args!(
                    "cannot find a data folder; set BEVIDST_DATA_DIR to the folder the log should \
                     live in"
                ),
            ),
            Said::NoFolders => lang.write(
                out,
                format_args!(
                    "kan ikke finde konfigurations- eller datamappen; sæt BEVIDST_CONFIG_DIR og \
                     BEVIDST_DATA_DIR"
                ),
                format_args!(
                    "cannot find the configuration or data folder; set BEVIDST_CONFIG_DIR and \
                     BEVIDST_DATA_DIR"
                ),
            ),
            Said::FolderUnreadable(dir, e) => {
                let (dir, why) = (shown(dir), IoReason(e).text(lang));
                lang.write(
                    out,
                    format_args!("{dir}: mappen kan ikke læses: {why}"),
                    format_args!("{dir}: cannot read the folder: {why}"),
                )
            }
            Said::NoLogsInFolder(dir) => {
                let dir = shown(dir);
                lang.write(
                    out,
                    format_args!("{dir}: mappen har ingen logs"),
                    format_args!("{dir}: the folder holds no logs"),
                )
            }
            Said::Verified(path, records, head) => {
                let path = shown(path);
                let hash = bevidst::canon::hex(&head.last_hash);
                let installation = head.installation;
                lang.write(
                    out,
                    format_args!(
                        "{path}: OK, {records} poster, hoved {hash} (installation {installation})"
                    ),
                    format_args!(
                        "{path}: OK, {records} records, head {hash} (installation {installation})"
                    ),
                )
            }
            Said::BadLine(path, bad) => {
                let (path, bad) = (shown(path), bad.text(lang));
                write!(out, "{path}: {bad}")
            }
            Said::NotALog(path) => {
                let path = shown(path);
                lang.write(
                    out,
                    format_args!("{path}: ikke en log"),
                    format_args!("{path}: not a log"),
                )
            }
            Said::NotOpened(path, e) => {
                let (path, why) = (shown(path), e.reason(lang));
                write!(out, "{path}: {why}")
            }
            Said::TerminalUnusable(e) => {
                let why = IoReason(e).text(lang);
                lang.write(
                    out,
                    format_args!("terminalen kunne ikke bruges: {why}"),
                    format_args!("the terminal could not be used: {why}"),
                )
            }
            Said::InputOutputUnusable(e) => {
                let why = IoReason(e).text(lang);
                lang.write(
                    out,
                    format_args!("input eller output kunne ikke bruges: {why}"),
                    format_args!("the input or output could not be used: {why}"),
                )
            }
            Said::OutputUnwritable(e) => {
                let why = IoReason(e).text(lang);
                lang.write(
                    out,
                    format_args!("uddata kan ikke skrives: {why}"),
                    format_args!("cannot write the output: {why}"),
                )
            }
            Said::CourseSetBroken => lang.write(
                out,
                format_args!("kursussættet har fejl; ret dem (se `bevidst check`), og prøv igen"),
                format_args!(
                    "the course set has errors; fix them (see `bevidst check`) and try again"
                ),
            ),
            Said::Simulated(summary, dir) => {
                let (summary, dir) = (summary.text(lang), shown(dir));
                lang.write(
                    out,
                    format_args!("{summary} i {dir}"),
                    format_args!("{summary} in {dir}"),
                )
            }
            Said::RosterWritten(n, path) => {
                let path = shown(path);
                lang.write(
                    out,
                    format_args!("{n} ansatte i medarbejderlisten {path}"),
                    format_args!("{n} employees in the roster {path}"),
                )
            }
        }
    }
}

bevidst::danish_display!(Said<'_>);
