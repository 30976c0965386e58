//! The plain line mode and `bevidst status` through the real binary, with stdin and stdout
//! piped and the configuration and data folders in temporary directories.

mod common;
mod fields;
#[path = "../support/hermetic.rs"]
mod hermetic;
mod journey;
#[path = "../support/leaks.rs"]
mod leaks;
mod lrs;
mod organisation;
mod piped;
mod results;
mod status;
#[path = "../support/lrs.rs"]
mod test_lrs;
