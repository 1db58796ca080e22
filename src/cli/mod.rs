//! Headless commands: each takes parsed arguments and a loaded deck, prints, and returns an exit status.
//!
//! They never touch the terminal mode. Output goes to stdout (machine-readable with `--format json`),
//! diagnostics and errors to stderr. Commands that need the learner's progress load it with
//! [`crate::io::progress::load`] and report skipped log lines with [`warn_skipped`].

pub mod args;
pub mod check;
pub mod export;
pub mod import;
pub mod interactive;
pub mod list;
pub mod optimize;
pub mod output;
pub mod search;
pub mod stats;

use std::io::Write;

pub use args::{Cli, Command, ExportFormatArg, Format, ImportCommand, LangArg, WhatArg};

use std::sync::LazyLock;

use crate::core::config::ConfigSchema;
use crate::io::progress::LoadedProgress;
use crate::ui::key_overrides;
use crate::ui::theme::THEME_NAMES;

/// The `[keys]` action names, listed once.
static ACTIONS: LazyLock<Vec<&'static str>> = LazyLock::new(key_overrides::action_names);

/// The one set of rules every command checks `config.toml` against: the interface's themes and `[keys]`
/// actions, so `recall stats` refuses exactly what `recall study` refuses.
pub fn settings_schema() -> ConfigSchema<'static> {
    ConfigSchema {
        actions: Some(ACTIONS.as_slice()),
        themes: Some(THEME_NAMES),
    }
}

/// Prints one warning line on `err` for every log line the load skipped.
pub fn warn_skipped(loaded: &LoadedProgress, err: &mut impl Write) -> std::io::Result<()> {
    for warning in &loaded.warnings {
        writeln!(err, "recall: warning: {warning}")?;
    }
    Ok(())
}
