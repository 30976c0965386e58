//! The plain line mode and `bevidst status` through the real binary, with stdin and stdout
//! piped and the configuration and data folders in temporary directories.

mod common;
mod fields;
mod journey;
mod piped;
mod status;
