//! The settings file on disk: load it (writing the commented defaults on first run) and save a changed
//! setting without losing the user's comments. Writes go to a temporary file that replaces the old one, so
//! a crash never leaves half a file.

use super::atomic;
use std::path::{Path, PathBuf};

use crate::core::config::{Config, ConfigError, ConfigSchema, default_text, edit};
use crate::core::content::Lang;

/// Why the settings could not be loaded or saved.
#[derive(Debug, thiserror::Error)]
pub enum ConfigFileError {
    /// The file has a problem (bad TOML, bad value, unknown key).
    #[error("{}:{source}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What and where.
        source: ConfigError,
    },
    /// The file could not be read or written.
    #[error("cannot access {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

/// Settings as loaded.
#[derive(Debug, Clone)]
pub struct LoadedConfig {
    /// The settings.
    pub config: Config,
    /// Whether the file did not exist and was just written with the defaults.
    pub created: bool,
}

/// Loads `path`; if it does not exist, writes the commented defaults there first.
pub fn load_or_create(path: &Path, schema: &ConfigSchema<'_>) -> Result<LoadedConfig, ConfigFileError> {
    let (text, created) = match std::fs::read_to_string(path) {
        Ok(text) => (text, false),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            write_atomic(path, default_text())?;
            (default_text().to_string(), true)
        }
        Err(source) => {
            return Err(ConfigFileError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let config = Config::parse(&text, schema).map_err(|source| ConfigFileError::Invalid {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(LoadedConfig { config, created })
}

/// Stores personal FSRS parameters in `path` (created with the defaults if missing).
pub fn save_fsrs_parameters(path: &Path, parameters: &[f32]) -> Result<(), ConfigFileError> {
    update(path, |text| edit::set_fsrs_parameters(text, parameters))
}

/// Stores the language in `path` (created with the defaults if missing).
pub fn save_language(path: &Path, lang: Lang) -> Result<(), ConfigFileError> {
    update(path, |text| edit::set_language(text, lang))
}

fn update(
    path: &Path,
    change: impl FnOnce(&str) -> Result<String, ConfigError>,
) -> Result<(), ConfigFileError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => default_text().to_string(),
        Err(source) => {
            return Err(ConfigFileError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let changed = change(&text).map_err(|source| ConfigFileError::Invalid {
        path: path.to_path_buf(),
        source,
    })?;
    write_atomic(path, &changed)
}

/// Writes `text` to a temporary file beside `path`, syncs it, and renames it over `path`.
fn write_atomic(path: &Path, text: &str) -> Result<(), ConfigFileError> {
    let err = |source| ConfigFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = atomic::synced_temp(path, text.as_bytes()).map_err(err)?;
    file.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}
