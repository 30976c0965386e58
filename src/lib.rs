//! bevidst: IT-security awareness training for the employees of Københavns Kommune, and
//! follow-up for its IT-security function. `ARCHITECTURE.md` at the top of the repository
//! describes the data flow, one line per module, the persisted formats, the records' threat
//! model, the privacy rules and where to change what; each module below is one box of its
//! data-flow diagram.

pub mod app;
pub mod attempt;
pub mod canon;
pub mod config;
pub mod course;
pub mod exit;
pub mod foreign;
mod fsutil;
pub mod handbook;
pub mod lang;
pub mod lrs;
pub mod message;
pub mod plain;
pub mod policy;
pub mod quiz;
pub mod record;
pub mod report;
pub mod safe_text;
pub mod schedule;
pub mod simulate;
pub mod tui;
pub mod verdict;
