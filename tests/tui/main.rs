//! Tests of the learner's terminal UI: the journey driven by messages alone, every screen
//! drawn at 80×24 (snapshots), the cells whose colour or symbol carries meaning, tiny sizes,
//! and one run of the real binary in tmux.

mod answering;
mod cells;
mod common;
mod e2e;
mod e2e_journey;
#[path = "../support/hermetic.rs"]
mod hermetic;
mod journey;
#[path = "../support/leaks.rs"]
mod leaks;
mod modes;
mod sizes;
mod snapshots;
#[path = "../support/tmux.rs"]
mod tmux;
