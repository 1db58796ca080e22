//! `recall optimize`: fits personal FSRS parameters to the learner's review history and stores them in the
//! settings, where every later study session's scheduler picks them up.

use std::io::Write;

use jiff::tz::TimeZone;

use crate::core::content::Lang;
use crate::core::srs::{OptimizeError, fit, training_set};
use crate::io::config::{self as config_file, ConfigFileError};
use crate::io::paths::Paths;
use crate::io::progress::{self, LoadError};
use crate::text;

/// Why `recall optimize` did not store parameters.
#[derive(Debug, thiserror::Error)]
pub enum OptimizeCommandError {
    /// The settings or the log could not be loaded.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The fitted parameters could not be saved.
    #[error(transparent)]
    Config(#[from] ConfigFileError),
    /// Too little history, or the optimizer failed.
    #[error(transparent)]
    Optimize(#[from] OptimizeError),
    /// Printing failed.
    #[error(transparent)]
    Output(#[from] std::io::Error),
}

/// Reads the log in `paths.data_dir`, fits parameters (study days counted in `tz`), stores them in the
/// settings file and reports on `out` in `lang`; skipped log lines are reported on `err`.
pub fn run(
    paths: &Paths,
    tz: TimeZone,
    lang: Lang,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), OptimizeCommandError> {
    let loaded = progress::load(paths, &super::settings_schema(), tz)?;
    super::warn_skipped(&loaded, lang, err)?;
    let fitted = fit(training_set(&loaded.progress, loaded.scheduler.clock()))?;
    config_file::save_fsrs_parameters(&paths.config_file, &fitted.parameters)?;
    let report = text::of(lang).optimized(fitted.reviews, fitted.cards, &paths.config_file);
    writeln!(out, "{report}")?;
    Ok(())
}
