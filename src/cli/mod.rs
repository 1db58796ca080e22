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
pub mod usage;

use std::io::Write;

pub use args::{Cli, Command, ExportFormatArg, Format, ImportCommand, LangArg, WhatArg};

use std::sync::LazyLock;

use crate::core::config::ConfigSchema;
use crate::core::content::{DeckError, Lang};
use crate::core::quiz::QuizError;
use crate::core::srs::OptimizeError;
use crate::io::deck::DeckSourceError;
use crate::io::export::WriteError;
use crate::io::progress::LoadedProgress;
use crate::text;
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

/// The language of messages printed before or instead of the interface (a refusal, an unusable deck):
/// `--lang`, else the settings file's `language` (read, never created; a missing or broken file counts as
/// unset), else English.
pub fn message_language(flag: Option<Lang>, data_dir: Option<std::path::PathBuf>) -> Lang {
    flag.or_else(|| {
        let paths = crate::io::paths::Paths::resolve(data_dir).ok()?;
        let loaded = crate::io::config::load(&paths.config_file, &settings_schema()).ok()?;
        Some(loaded.config.language)
    })
    .unwrap_or_default()
}

/// An error for stderr in `lang`: the errors a learner meets (a bad parameter, an unknown topic, no
/// terminal, an existing output file, too little history, a deck that cannot be used) from the catalogue;
/// anything else as its chain of English causes.
pub fn say_error(error: &anyhow::Error, lang: Lang) -> String {
    let words = text::of(lang);
    for cause in error.chain() {
        if let Some(e) = cause.downcast_ref::<QuizError>() {
            return words.quiz_error(e);
        }
        if cause.downcast_ref::<interactive::NeedsTerminal>().is_some() {
            return words.needs_terminal();
        }
        if let Some(e) = cause.downcast_ref::<DeckSourceError>() {
            return words.deck_source_error(e);
        }
        if let Some(DeckError::Invalid { diagnostics }) = cause.downcast_ref::<DeckError>() {
            return words.deck_invalid(diagnostics.len());
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
