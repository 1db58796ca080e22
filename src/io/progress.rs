//! The learner's progress as the headless commands (and the interface) load it: the settings file gives
//! the scheduler, every device's log gives the events, and replaying them gives [`Progress`].
//!
//! Loading never writes: without `config.toml` the defaults apply, so read-only commands work in a
//! read-only data folder. Skipped log lines come back as warnings for the caller to show.

use jiff::tz::TimeZone;

use super::config::{self as config_file, ConfigFileError};
use super::log::{self, LogError, LogWarning};
use super::paths::Paths;
use crate::core::config::{Config, ConfigSchema};
use crate::core::progress::{Event, Progress, replay};
use crate::core::srs::{Scheduler, SchedulerError};

/// Why progress could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The settings file could not be loaded.
    #[error(transparent)]
    Config(#[from] ConfigFileError),
    /// The progress log could not be read.
    #[error(transparent)]
    Log(#[from] LogError),
    /// The settings do not make a scheduler.
    #[error(transparent)]
    Scheduler(#[from] SchedulerError),
}

/// Settings, log and replay, loaded together.
#[derive(Debug)]
pub struct LoadedProgress {
    /// The settings.
    pub config: Config,
    /// The scheduler the settings make (study days counted in the given time zone).
    pub scheduler: Scheduler,
    /// Every event read, in file order (duplicates included, as on disk); empty unless loaded with
    /// [`load_with_events`].
    pub events: Vec<Event>,
    /// The replayed log.
    pub progress: Progress,
    /// Log lines skipped as torn or corrupt.
    pub warnings: Vec<LogWarning>,
}

/// Loads the settings (checked against `schema`; defaults if there is no file, and nothing is written) and
/// the log in `paths.data_dir`, and replays it, counting study days in `tz`. The events go into the replay
/// (not copied): [`LoadedProgress::events`] is empty.
pub fn load(paths: &Paths, schema: &ConfigSchema<'_>, tz: TimeZone) -> Result<LoadedProgress, LoadError> {
    load_keeping(paths, schema, tz, false)
}

/// [`load`], also keeping every event read (for exports of the raw log).
pub fn load_with_events(
    paths: &Paths,
    schema: &ConfigSchema<'_>,
    tz: TimeZone,
) -> Result<LoadedProgress, LoadError> {
    load_keeping(paths, schema, tz, true)
}

fn load_keeping(
    paths: &Paths,
    schema: &ConfigSchema<'_>,
    tz: TimeZone,
    keep_events: bool,
) -> Result<LoadedProgress, LoadError> {
    Ok(read(paths, schema, tz)?.replay(keep_events))
}

/// Settings and log read, not yet replayed: [`read`] then [`ReadProgress::replay`] is [`load`], in two steps
/// for a caller that has other work to do between them (`recall stats` loads the deck during the replay,
/// which leaves a core free, rather than while the log is parsed on every core).
#[derive(Debug)]
pub struct ReadProgress {
    config: Config,
    scheduler: Scheduler,
    read: log::LogRead,
}

/// Loads the settings (as [`load`]) and reads the log in `paths.data_dir`, without replaying it.
pub fn read(paths: &Paths, schema: &ConfigSchema<'_>, tz: TimeZone) -> Result<ReadProgress, LoadError> {
    let loaded = config_file::load(&paths.config_file, schema)?;
    let scheduler = loaded.config.scheduler(tz)?;
    let read = log::read_dir(&paths.data_dir)?;
    Ok(ReadProgress {
        config: loaded.config,
        scheduler,
        read,
    })
}

impl ReadProgress {
    /// Replays the log read; with `keep_events`, every event read is also kept in
    /// [`LoadedProgress::events`] (as [`load_with_events`]).
    pub fn replay(self, keep_events: bool) -> LoadedProgress {
        let ReadProgress {
            config,
            scheduler,
            read,
        } = self;
        let (progress, events) = if keep_events {
            (replay(read.events.iter().cloned(), &scheduler), read.events)
        } else {
            (replay(read.events, &scheduler), Vec::new())
        };
        LoadedProgress {
            config,
            scheduler,
            events,
            progress,
            warnings: read.warnings,
        }
    }
}
