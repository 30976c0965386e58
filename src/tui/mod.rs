//! The terminal interface. Only this module imports ratatui and crossterm.

pub mod report;
