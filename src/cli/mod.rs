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
use crate::core::content::Lang;
use crate::core::quiz::QuizError;
use crate::core::srs::OptimizeError;
use crate::io::export::WriteError;
use crate::io::progress::LoadedProgress;
use crate::ui::key_overrides;
use crate::ui::text;
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

/// Prints one warning line in `lang` on `err` for every log line the load skipped.
pub fn warn_skipped(loaded: &LoadedProgress, lang: Lang, err: &mut impl Write) -> std::io::Result<()> {
    let words = text::of(lang);
    for warning in &loaded.warnings {
        writeln!(
            err,
            "recall: {}: {}",
            words.warning_prefix(),
            words.log_warning(warning)
        )?;
    }
    Ok(())
}

/// An error for stderr in `lang`: the errors a learner meets (a bad parameter, an unknown topic, no
/// terminal, an existing output file, too little history) from the catalogue; anything else as its
/// chain of English causes.
pub fn say_error(error: &anyhow::Error, lang: Lang) -> String {
    let words = text::of(lang);
    for cause in error.chain() {
        if let Some(e) = cause.downcast_ref::<QuizError>() {
            return words.quiz_error(e);
        }
        if cause.downcast_ref::<interactive::NeedsTerminal>().is_some() {
            return words.needs_terminal();
        }
        // The commands' own errors wrap these transparently, so the chain shows the wrapper, not them.
        let write = cause
            .downcast_ref::<WriteError>()
            .or_else(|| match cause.downcast_ref::<export::ExportCommandError>() {
                Some(export::ExportCommandError::Write(e)) => Some(e),
                _ => None,
            })
            .or_else(|| match cause.downcast_ref::<import::ImportError>() {
                Some(import::ImportError::Write(e)) => Some(e),
                _ => None,
            });
        if let Some(WriteError::Exists { path }) = write {
            return words.file_exists(path);
        }
        let optimize = cause.downcast_ref::<OptimizeError>().or_else(|| match cause
            .downcast_ref::<optimize::OptimizeCommandError>(
        ) {
            Some(optimize::OptimizeCommandError::Optimize(e)) => Some(e),
            _ => None,
        });
        if let Some(OptimizeError::TooFew { have, need }) = optimize {
            return words.too_few_reviews(*have, *need);
        }
    }
    output::error_line(error)
}
