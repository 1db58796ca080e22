//! `recall optimize`: fits personal FSRS parameters to the learner's review history and stores them in the
//! settings, where every later study session's scheduler picks them up.

use std::io::Write;

use jiff::tz::TimeZone;

use crate::core::config::ConfigSchema;
use crate::core::progress::replay;
use crate::core::srs::{OptimizeError, SchedulerError, fit, training_set};
use crate::io::config::{self as config_file, ConfigFileError};
use crate::io::log::{self, LogError};
use crate::io::paths::Paths;

/// Why `recall optimize` did not store parameters.
#[derive(Debug, thiserror::Error)]
pub enum OptimizeCommandError {
    /// The settings file could not be loaded or saved.
    #[error(transparent)]
    Config(#[from] ConfigFileError),
    /// The progress log could not be read.
    #[error(transparent)]
    Log(#[from] LogError),
    /// The settings do not make a scheduler.
    #[error(transparent)]
    Scheduler(#[from] SchedulerError),
    /// Too little history, or the optimizer failed.
    #[error(transparent)]
    Optimize(#[from] OptimizeError),
    /// Printing failed.
    #[error(transparent)]
    Output(#[from] std::io::Error),
}

/// Reads the log in `paths.data_dir`, fits parameters (study days counted in `tz`), stores them in the
/// settings file and reports on `out`; skipped log lines are reported on `err`.
pub fn run(
    paths: &Paths,
    tz: TimeZone,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), OptimizeCommandError> {
    let loaded = config_file::load_or_create(&paths.config_file, &ConfigSchema::default())?;
    let scheduler = loaded.config.scheduler(tz)?;
    let read = log::read_dir(&paths.data_dir)?;
    for warning in &read.warnings {
        writeln!(err, "recall: warning: {warning}")?;
    }
    let progress = replay(read.events, &scheduler);
    let fitted = fit(training_set(&progress, scheduler.clock()))?;
    config_file::save_fsrs_parameters(&paths.config_file, &fitted.parameters)?;
    writeln!(
        out,
        "Fitted personal FSRS parameters to {} reviews of {} cards.",
        fitted.reviews, fitted.cards
    )?;
    writeln!(
        out,
        "Saved to {}; study sessions use them from now on.",
        paths.config_file.display()
    )?;
    Ok(())
}
