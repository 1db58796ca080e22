//! The settings file on disk: load it (writing the commented defaults on first run of a command that may
//! change settings; read-only commands never write) and save a changed setting without losing the user's
//! comments. Writes go to a temporary file that replaces the old one — through a symbolic link, the file it
//! points to — so a crash never leaves half a file.

use super::atomic;
use std::path::{Path, PathBuf};

use crate::core::config::{Config, ConfigError, ConfigProblem, ConfigSchema, default_text, edit};
use crate::core::content::Lang;
use crate::core::content::diagnostic::LineIndex;

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

/// Loads `path`; if it does not exist, writes the commented defaults there first (for commands that may
/// change settings).
pub fn load_or_create(path: &Path, schema: &ConfigSchema<'_>) -> Result<LoadedConfig, ConfigFileError> {
    let (text, created) = match read_text(path)? {
        Some(text) => (text, false),
        None => {
            write_atomic(path, default_text())?;
            (default_text().to_string(), true)
        }
    };
    parse(path, &text, schema, created)
}

/// Loads `path`, or the defaults if it does not exist, without writing anything: read-only commands
/// (`stats`, `export`) work in a read-only data folder.
pub fn load(path: &Path, schema: &ConfigSchema<'_>) -> Result<LoadedConfig, ConfigFileError> {
    let text = read_text(path)?.unwrap_or_else(|| default_text().to_string());
    parse(path, &text, schema, false)
}

fn parse(
    path: &Path,
    text: &str,
    schema: &ConfigSchema<'_>,
    created: bool,
) -> Result<LoadedConfig, ConfigFileError> {
    let config = Config::parse(text, schema).map_err(|source| ConfigFileError::Invalid {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(LoadedConfig { config, created })
}

/// The file's text; `None` if it does not exist. Bytes that are not UTF-8 are an error at their line and
/// column.
fn read_text(path: &Path) -> Result<Option<String>, ConfigFileError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(ConfigFileError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    String::from_utf8(bytes).map(Some).map_err(|e| {
        let bytes = e.as_bytes();
        let valid = std::str::from_utf8(&bytes[..e.utf8_error().valid_up_to()]).unwrap_or_default();
        let at = LineIndex::new(valid).position(valid.len());
        ConfigFileError::Invalid {
            path: path.to_path_buf(),
            source: ConfigError {
                line: at.line,
                col: at.col,
                problem: ConfigProblem::NotUtf8,
            },
        }
    })
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
    // Before reading: a pipe would block the read, and a device node is not ours to replace.
    atomic::replaceable(&atomic::link_target(path)).map_err(|source| ConfigFileError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = read_text(path)?.unwrap_or_else(|| default_text().to_string());
    let changed = change(&text).map_err(|source| ConfigFileError::Invalid {
        path: path.to_path_buf(),
        source,
    })?;
    write_atomic(path, &changed)
}

/// Writes `text` to a temporary file beside `path`, syncs it, and renames it over `path` — or, if `path` is
/// a symbolic link (a settings file kept in a dotfiles repository), over the file it points to, so the link
/// stays a link and its target gets the change. The new file keeps the old one's permissions, and anything
/// but a regular file (a device node, a pipe) is refused, not replaced.
fn write_atomic(path: &Path, text: &str) -> Result<(), ConfigFileError> {
    let err = |source| ConfigFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    let target = atomic::link_target(path);
    let permissions = atomic::replaceable(&target).map_err(err)?;
    let file = atomic::synced_temp(&target, text.as_bytes()).map_err(err)?;
    if let Some(permissions) = permissions {
        file.as_file().set_permissions(permissions).map_err(err)?;
    }
    file.persist(&target).map_err(|e| err(e.error))?;
    Ok(())
}
