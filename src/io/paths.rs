//! Where recall keeps its files.
//!
//! Everything the learner owns lives in one **data directory**: the progress logs
//! (`events-<device>.jsonl`) and the settings (`config.toml`). Keeping the settings next to the logs means
//! `--data-dir` / `RECALL_DATA_DIR` moves both, and syncing that one folder carries both to another machine.
//! The default is the platform's data directory (`directories`): `~/.local/share/recall` on Linux,
//! `~/Library/Application Support/recall` on macOS, `%APPDATA%\recall\data` on Windows.
//!
//! The **device file** holds this machine's device id and must *not* travel with a synced data directory
//! (two machines sharing an id would write the same log file). It lives in a machine-local directory
//! (`~/.local/state/recall` on Linux, the local app-data folder on Windows, the caches folder on macOS),
//! one file per data directory. Losing it is harmless: recall picks a new id and starts a new log file.
//!
//! A data directory can be named many ways (`DIR/`, `DIR/../DIR`, a symbolic link to it, a relative
//! path): the device file is named after the folder's [`identity`] (its canonical path), so every
//! spelling finds the same device file instead of leaving one more in the state folder.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

/// Why the data directory cannot be found.
#[derive(Debug, thiserror::Error)]
pub enum PathsError {
    /// No home directory and no override.
    #[error("cannot find a home directory for recall's data; pass --data-dir DIR or set RECALL_DATA_DIR")]
    NoHome,
}

/// The files recall reads and writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// Progress logs and settings.
    pub data_dir: PathBuf,
    /// The settings file (`<data_dir>/config.toml`).
    pub config_file: PathBuf,
    /// This machine's device id for this data directory (outside the data directory).
    pub device_file: PathBuf,
    /// Where a study session writes its process id for the message a second one shows (next to the device
    /// file; the lock itself is on the data directory, see [`super::study_lock`]).
    pub study_holder: PathBuf,
    /// Where checked deck files are kept ([`super::deck_cache`]): beside the device file, on this machine
    /// only; `None` without a machine-local folder (the cache would otherwise travel with a synced data
    /// directory).
    pub deck_cache: Option<PathBuf>,
}

impl Paths {
    /// The paths for `data_dir` (the `--data-dir` / `RECALL_DATA_DIR` override), or the platform's defaults.
    pub fn resolve(data_dir: Option<PathBuf>) -> Result<Paths, PathsError> {
        Paths::resolve_on(data_dir, Platform::detect())
    }

    /// [`Paths::resolve`] on the platform's folders `platform` (`None`: no home directory).
    fn resolve_on(data_dir: Option<PathBuf>, platform: Option<Platform>) -> Result<Paths, PathsError> {
        let data_dir = match data_dir {
            Some(dir) => dir,
            None => platform.as_ref().ok_or(PathsError::NoHome)?.data_dir.clone(),
        };
        let local = platform.and_then(|p| machine_local_dir(&p.local_dirs, &data_dir));
        Ok(Paths::with_device_dir(data_dir, local))
    }

    /// The paths for `data_dir`, with the device file in `device_dir` (the data directory itself if `None`,
    /// which suits tests and machines without a home directory).
    pub fn with_device_dir(data_dir: PathBuf, device_dir: Option<PathBuf>) -> Paths {
        let deck_cache = device_dir.as_ref().map(|dir| dir.join("deck-cache"));
        let device_file = match device_dir {
            Some(dir) => dir.join(format!("device-{:016x}", path_hash(&identity(&data_dir)))),
            None => data_dir.join("device"),
        };
        let mut holder_name = device_file.file_name().unwrap_or_default().to_os_string();
        holder_name.push(".studying");
        Paths {
            config_file: data_dir.join("config.toml"),
            data_dir,
            study_holder: device_file.with_file_name(holder_name),
            device_file,
            deck_cache,
        }
    }
}

/// The platform's folders for recall. [`Platform::detect`] asks the `directories` crate, which reads `HOME`
/// and the XDG variables; tests build one from folders they own.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Platform {
    /// Where progress and settings go without an override.
    data_dir: PathBuf,
    /// Folders on this machine that a synced data directory does not carry, best first.
    local_dirs: Vec<PathBuf>,
}

impl Platform {
    /// This user's folders for recall, or `None` without a home directory.
    fn detect() -> Option<Platform> {
        let dirs = ProjectDirs::from("", "", "recall")?;
        let local = [
            dirs.state_dir(),
            Some(dirs.data_local_dir()),
            Some(dirs.cache_dir()),
        ];
        Some(Platform {
            data_dir: dirs.data_dir().to_path_buf(),
            local_dirs: local.into_iter().flatten().map(Path::to_path_buf).collect(),
        })
    }
}

/// The first of `candidates` that a sync of `data_dir` will not carry (neither inside it nor holding it).
fn machine_local_dir(candidates: &[PathBuf], data_dir: &Path) -> Option<PathBuf> {
    candidates
        .iter()
        .find(|dir| !dir.starts_with(data_dir) && !data_dir.starts_with(dir))
        .cloned()
}

/// The folder `path` names, whichever way it is spelt: its canonical path (symbolic links followed, `.`
/// and `..` resolved). A folder that does not exist yet is named by its deepest existing ancestor's canonical
/// path and the rest of `path` (`..` resolved by name), which is the canonical path it will have.
pub fn identity(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut missing: Vec<&std::ffi::OsStr> = Vec::new();
    let mut existing = absolute.as_path();
    loop {
        if let Ok(mut canonical) = existing.canonicalize() {
            for part in missing.iter().rev() {
                push_by_name(&mut canonical, part);
            }
            return canonical;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name);
                existing = parent;
            }
            _ => break,
        }
    }
    // Nothing on the way exists, or `..` follows a folder that does not: resolve by name alone.
    let mut resolved = PathBuf::new();
    for part in absolute.components() {
        push_by_name(&mut resolved, part.as_os_str());
    }
    resolved
}

/// Appends one path component, `..` taking the last one off (an absolute path's components hold no `.`).
fn push_by_name(path: &mut PathBuf, part: &std::ffi::OsStr) {
    if part == ".." {
        path.pop();
    } else {
        path.push(part);
    }
}

/// FNV-1a of the path's bytes: names the device file of one data directory.
pub(crate) fn path_hash(path: &Path) -> u64 {
    path.to_string_lossy()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Platform folders under `home`, laid out as on Linux; nothing is created.
    fn platform(home: &Path) -> Platform {
        Platform {
            data_dir: home.join(".local/share/recall"),
            local_dirs: vec![
                home.join(".local/state/recall"),
                home.join(".local/share/recall"),
                home.join(".cache/recall"),
            ],
        }
    }

    #[test]
    fn an_override_holds_the_logs_and_the_settings() {
        let home = tempfile::tempdir().unwrap();
        let data = home.path().join("synced/recall-data");
        let paths = Paths::resolve_on(Some(data.clone()), Some(platform(home.path()))).unwrap();
        assert_eq!(paths.data_dir, data);
        assert_eq!(paths.config_file, data.join("config.toml"));
        assert!(
            paths
                .device_file
                .starts_with(home.path().join(".local/state/recall")),
            "{paths:?}"
        );
        assert_eq!(paths.study_holder.parent(), paths.device_file.parent());
    }

    #[test]
    fn without_an_override_the_platform_data_dir_holds_them() {
        let home = tempfile::tempdir().unwrap();
        let paths = Paths::resolve_on(None, Some(platform(home.path()))).unwrap();
        assert_eq!(paths.data_dir, home.path().join(".local/share/recall"));
        assert_eq!(paths.config_file, paths.data_dir.join("config.toml"));
    }

    #[test]
    fn the_device_file_stays_out_of_a_synced_data_directory() {
        let home = tempfile::tempdir().unwrap();
        let platform = platform(home.path());
        // A data directory that holds a local folder, or lies inside one: the next local folder is used.
        let cases = [
            (".local", ".cache/recall"),
            (".local/state/recall/data", ".local/share/recall"),
        ];
        for (data, device_dir) in cases {
            let data = home.path().join(data);
            let paths = Paths::resolve_on(Some(data.clone()), Some(platform.clone())).unwrap();
            assert_eq!(
                paths.device_file.parent(),
                Some(home.path().join(device_dir).as_path()),
                "{paths:?}"
            );
            assert!(!paths.device_file.starts_with(&data), "{paths:?}");
            let cache = paths
                .deck_cache
                .as_deref()
                .expect("a machine-local folder exists");
            assert_eq!(cache, home.path().join(device_dir).join("deck-cache"));
        }
        let one = Paths::resolve_on(Some(home.path().join("a")), Some(platform.clone())).unwrap();
        let other = Paths::resolve_on(Some(home.path().join("b")), Some(platform)).unwrap();
        assert_ne!(
            one.device_file, other.device_file,
            "one device file per data directory"
        );
        assert_eq!(one.device_file.parent(), other.device_file.parent());
    }

    #[test]
    fn without_a_home_an_override_is_needed_and_keeps_the_device_file() {
        assert!(matches!(Paths::resolve_on(None, None), Err(PathsError::NoHome)));
        let data = tempfile::tempdir().unwrap();
        let paths = Paths::resolve_on(Some(data.path().to_path_buf()), None).unwrap();
        assert_eq!(paths.device_file, data.path().join("device"));
        assert_eq!(
            paths.deck_cache, None,
            "no deck cache in a data directory that may be synced"
        );
    }

    #[cfg(unix)]
    #[test]
    fn every_spelling_of_a_folder_has_one_device_file() {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        let state = root.path().join("state");
        let device = |dir: PathBuf| Paths::with_device_dir(dir, Some(state.clone())).device_file;
        // Before the folder exists, and after: the same name.
        let before = device(data.clone());
        std::fs::create_dir(&data).unwrap();
        std::os::unix::fs::symlink(&data, root.path().join("link")).unwrap();
        std::fs::create_dir(root.path().join("other")).unwrap();
        let spellings = [
            data.clone(),
            root.path().join("data/"),
            root.path().join("data/."),
            root.path().join("other/../data"),
            root.path().join("link"),
            root.path().join("link/../data"),
        ];
        for spelling in spellings {
            assert_eq!(device(spelling.clone()), before, "{}", spelling.display());
        }
        assert_ne!(device(root.path().join("other")), before);
        // A folder not made yet under a missing one resolves `..` by name.
        assert_eq!(
            identity(&root.path().join("new/../data")),
            data.canonicalize().unwrap()
        );
        assert_eq!(
            identity(&root.path().join("new/a/../b")),
            root.path().canonicalize().unwrap().join("new/b")
        );
        // A folder not made yet under a link: named under the link's target, as it will be.
        assert_eq!(
            identity(&root.path().join("link/new")),
            data.canonicalize().unwrap().join("new")
        );
    }

    #[test]
    fn the_hash_is_fnv_1a() {
        // The published FNV-1a 64 test vectors: device file names must not change between versions.
        assert_eq!(path_hash(Path::new("a")), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(path_hash(Path::new("foobar")), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn without_a_device_dir_the_device_file_is_in_the_data_dir() {
        let paths = Paths::with_device_dir(PathBuf::from("d"), None);
        assert_eq!(paths.device_file, PathBuf::from("d/device"));
    }
}
