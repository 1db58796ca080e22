//! Headless commands: each takes parsed arguments and a loaded deck, prints, and returns an exit status.
//!
//! They never touch the terminal mode. Output goes to stdout (machine-readable with `--format json`),
//! diagnostics and errors to stderr.

pub mod args;
pub mod check;
pub mod list;
pub mod search;

pub use args::{Cli, Command, Format, LangArg};
