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
/// terminal, an existing output file, too little history, a deck that cannot be used, a bad settings
/// file, an import that cannot be read, a locked study folder) from the catalogue; anything else as its
/// chain of English causes.
pub fn say_error(error: &anyhow::Error, lang: Lang) -> String {
    let words = text::of(lang);
    for cause in error.chain() {
        if let Some(said) = say_cause(peel(cause), words) {
            return said;
        }
    }
    output::error_line(error)
}

/// The error a command's own error wraps transparently (its `source` skips it, so the chain never shows
/// it): a load error inside `recall stats`' error, a settings error inside a load error.
fn peel<'a>(cause: &'a (dyn std::error::Error + 'static)) -> &'a (dyn std::error::Error + 'static) {
    use crate::io::progress::LoadError;
    let inner: Option<&(dyn std::error::Error + 'static)> = if let Some(e) = cause.downcast_ref::<LoadError>()
    {
        Some(match e {
            LoadError::Config(e) => e,
            LoadError::Log(e) => e,
            LoadError::Scheduler(e) => e,
        })
    } else if let Some(e) = cause.downcast_ref::<stats::StatsCommandError>() {
        match e {
            stats::StatsCommandError::Load(e) => Some(e),
            stats::StatsCommandError::Output(_) => None,
        }
    } else if let Some(e) = cause.downcast_ref::<export::ExportCommandError>() {
        match e {
            export::ExportCommandError::Load(e) => Some(e),
            export::ExportCommandError::Write(e) => Some(e),
            _ => None,
        }
    } else if let Some(e) = cause.downcast_ref::<optimize::OptimizeCommandError>() {
        match e {
            optimize::OptimizeCommandError::Load(e) => Some(e),
            optimize::OptimizeCommandError::Config(e) => Some(e),
            optimize::OptimizeCommandError::Optimize(e) => Some(e),
            optimize::OptimizeCommandError::Output(_) => None,
        }
    } else if let Some(e) = cause.downcast_ref::<import::ImportError>() {
        match e {
            import::ImportError::Load(e) => Some(e),
            import::ImportError::Write(e) => Some(e),
            import::ImportError::Log(e) => Some(e),
            _ => None,
        }
    } else {
        None
    };
    inner.map_or(cause, peel)
}

/// `cause` in the catalogue's words, if the catalogue says it.
fn say_cause(cause: &(dyn std::error::Error + 'static), words: &dyn text::Catalog) -> Option<String> {
    use crate::io::config::ConfigFileError;
    use crate::io::log::LogError;
    use crate::io::study_lock::StudyLockError;
    use crate::text::{DataFailure, Notice};
    if let Some(e) = cause.downcast_ref::<QuizError>() {
        return Some(words.quiz_error(e));
    }
    if cause.downcast_ref::<interactive::NeedsTerminal>().is_some() {
        return Some(words.needs_terminal());
    }
    if let Some(e) = cause.downcast_ref::<DeckSourceError>() {
        return Some(words.deck_source_error(e));
    }
    if let Some(DeckError::Invalid { diagnostics }) = cause.downcast_ref::<DeckError>() {
        return Some(words.deck_invalid(diagnostics.len()));
    }
    if let Some(e) = cause.downcast_ref::<import::ImportError>() {
        return e.failure().map(|f| words.import_failure(&f));
    }
    if let Some(e) = cause.downcast_ref::<WriteError>() {
        return match e {
            WriteError::Exists { path } => Some(words.file_exists(path)),
            WriteError::Io { path, source }
                if source.kind() == std::io::ErrorKind::NotFound
                    && !crate::io::atomic::parent_dir(path).is_dir() =>
            {
                Some(words.data_failure(&DataFailure::NoFolder { path }))
            }
            _ => None,
        };
    }
    if let Some(OptimizeError::TooFew { have, need }) = cause.downcast_ref::<OptimizeError>() {
        return Some(words.too_few_reviews(*have, *need));
    }
    if let Some(e) = cause.downcast_ref::<ConfigFileError>() {
        return Some(match e {
            ConfigFileError::Invalid { path, source } => {
                let mut said = format!(
                    "{}:{}:{}: {}",
                    path.display(),
                    source.line,
                    source.col,
                    words.config_problem(&source.problem)
                );
                if let Some(hint) = words.config_hint(&source.problem) {
                    said.push_str(&format!("\n  = {}: {hint}", words.hint_label()));
                }
                said
            }
            ConfigFileError::Io { path, source } => {
                words.data_failure(&DataFailure::Access { path, error: source })
            }
        });
    }
    if let Some(e) = cause.downcast_ref::<LogError>() {
        return Some(match e {
            LogError::FutureSchema { path, line, version } => {
                words.data_failure(&DataFailure::FutureSchema {
                    path,
                    line: *line,
                    version: *version,
                    supported: crate::core::progress::SCHEMA_VERSION,
                })
            }
            LogError::ReadOnly { path, source }
            | LogError::DiskFull { path, source }
            | LogError::Io { path, source } => {
                words.data_failure(&DataFailure::Access { path, error: source })
            }
        });
    }
    if let Some(StudyLockError::Held { holder }) = cause.downcast_ref::<StudyLockError>() {
        return Some(words.notice(&Notice::StudyLocked { holder: *holder }));
    }
    None
}
