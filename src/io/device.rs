//! This machine's device id: names its progress log (`events-<device>.jsonl`) and starts its event ids.
//!
//! The id is 16 random hex digits, made on first use and kept in the device file ([`super::paths::Paths`]),
//! so it is stable per machine and data directory. A missing or damaged device file only means a new id
//! and a new log file; nothing already logged is affected.

use super::atomic;
use std::fmt;
use std::path::Path;

/// A device id (16 lowercase hex digits).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DeviceId(String);

/// Why the device id could not be stored.
#[derive(Debug, thiserror::Error)]
#[error("cannot store the device id in {path}: {source}")]
pub struct DeviceError {
    /// The device file.
    pub path: std::path::PathBuf,
    /// The OS error.
    pub source: std::io::Error,
}

impl DeviceId {
    /// Parses an id: exactly 16 lowercase hex digits.
    pub fn parse(s: &str) -> Option<DeviceId> {
        let ok = s.len() == 16
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        ok.then(|| DeviceId(s.to_string()))
    }

    /// A new random id.
    pub fn random() -> DeviceId {
        DeviceId(format!("{:016x}", rand::random::<u64>()))
    }

    /// The id read from `path`, or a new one written there (with its folder) if it is missing or damaged.
    pub fn load_or_create(path: &Path) -> Result<DeviceId, DeviceError> {
        let existing = std::fs::read_to_string(path).ok();
        if let Some(id) = existing.as_deref().and_then(|s| DeviceId::parse(s.trim())) {
            return Ok(id);
        }
        let id = DeviceId::random();
        let err = |source| DeviceError {
            path: path.to_path_buf(),
            source,
        };
        let file = atomic::synced_temp(path, format!("{}\n", id.0).as_bytes()).map_err(err)?;
        // A damaged file is replaced; a missing one is created only if no other instance just did.
        let stored = match existing {
            Some(_) => file.persist(path).map(drop),
            None => file.persist_noclobber(path).map(drop),
        };
        match stored {
            Ok(()) => Ok(id),
            // Another instance created it first: use theirs.
            Err(e) => std::fs::read_to_string(path)
                .ok()
                .and_then(|s| DeviceId::parse(s.trim()))
                .ok_or_else(|| err(e.error)),
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_made_once_and_then_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/device-1");
        let first = DeviceId::load_or_create(&path).unwrap();
        assert_eq!(DeviceId::load_or_create(&path).unwrap(), first);
        assert!(DeviceId::parse(first.as_str()).is_some());
    }

    #[test]
    fn a_damaged_file_gives_a_new_valid_id() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("device");
        std::fs::write(&path, "../../etc/passwd").unwrap();
        let id = DeviceId::load_or_create(&path).unwrap();
        assert!(DeviceId::parse(id.as_str()).is_some());
        assert_eq!(std::fs::read_to_string(&path).unwrap().trim(), id.as_str());
    }

    #[test]
    fn ids_are_strictly_hex() {
        assert!(DeviceId::parse("0123456789abcdef").is_some());
        for bad in ["0123456789ABCDEF", "0123", "0123456789abcdeg", "../0123456789abc"] {
            assert!(DeviceId::parse(bad).is_none(), "{bad}");
        }
    }
}
