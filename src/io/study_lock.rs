//! One study session per data directory: an advisory lock that a second study session finds taken.
//!
//! Two recall processes studying the same data directory would show the same cards, so each card would get
//! two reviews seconds apart. A study session therefore holds an exclusive lock on **the data directory
//! itself** (on Windows, which cannot lock a folder, on a `.recall-study.lock` file inside it). The lock
//! belongs to the folder, not to a name for it: `DIR/`, `DIR/../DIR`, a symbolic link to it, another
//! `HOME` or `XDG_STATE_HOME` all reach the same folder and so the same lock, and taking it creates no file
//! (a read-only folder can be locked too). The lock is the operating system's (`flock` on Unix,
//! `LockFileEx` on Windows, through `std::fs::File::try_lock`): it is released when the process closes it
//! or dies, so a crashed recall never leaves a stale lock behind.
//!
//! The holder's process id, only for the message the second process shows, is written to a small file in
//! the machine-local state folder ([`StudyLock::announce`]) and removed when the lock is released. If that
//! folder is read-only the message just has no process id.
//!
//! Browse, search, stats and export take no lock and keep working alongside a study session.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a study session cannot start, or cannot be guarded.
#[derive(Debug, thiserror::Error)]
pub enum StudyLockError {
    /// Another process holds the lock.
    #[error(
        "another recall{} is studying with this data folder; finish or quit it first \
         (browse, search and stats still work here)",
        holder.map(|pid| format!(" (process {pid})")).unwrap_or_default()
    )]
    Held {
        /// The holder's process id, if its file says.
        holder: Option<u32>,
    },
    /// The folder cannot be locked (a file system without locks, a folder that cannot be opened or
    /// made); a study session may still go ahead, unguarded.
    #[error("cannot lock {}: {source}", path.display())]
    Io {
        /// The data directory.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
}

/// A held study lock; dropping it releases the lock (and removes the process-id file it wrote).
#[derive(Debug)]
pub struct StudyLock {
    file: File,
    holder_file: PathBuf,
    announced: bool,
}

/// Takes the study lock of `data_dir` (made if missing) for this process, or says who holds it:
/// `holder_file` is where a holder writes its process id.
pub fn claim(data_dir: &Path, holder_file: &Path) -> Result<StudyLock, StudyLockError> {
    let io = |source| StudyLockError::Io {
        path: data_dir.to_path_buf(),
        source,
    };
    let file = match open(data_dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(data_dir).map_err(io)?;
            open(data_dir)
        }
        other => other,
    }
    .map_err(io)?;
    match file.try_lock() {
        Ok(()) => Ok(StudyLock {
            file,
            holder_file: holder_file.to_path_buf(),
            announced: false,
        }),
        Err(std::fs::TryLockError::WouldBlock) => Err(StudyLockError::Held {
            holder: holder_pid(holder_file),
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(io(e)),
    }
}

/// The file whose lock is the folder's: the folder itself where the system can lock a folder.
#[cfg(unix)]
fn open(data_dir: &Path) -> std::io::Result<File> {
    File::open(data_dir)
}

/// The file whose lock is the folder's: Windows cannot lock a folder, so a file inside it.
#[cfg(not(unix))]
fn open(data_dir: &Path) -> std::io::Result<File> {
    if !data_dir.is_dir() {
        return Err(std::io::ErrorKind::NotFound.into());
    }
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(data_dir.join(".recall-study.lock"))
}

impl StudyLock {
    /// Writes this process's id where a second study session looks for it (best effort: a read-only
    /// state folder only makes its message less precise).
    pub fn announce(&mut self) {
        if self.announced {
            return;
        }
        let written = self
            .holder_file
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| File::create(&self.holder_file))
            .and_then(|mut f| write!(f, "{}", std::process::id()));
        self.announced = written.is_ok();
    }
}

impl Drop for StudyLock {
    fn drop(&mut self) {
        // Removed while the lock is still held, so it can never be the next holder's file.
        if self.announced {
            let _ = std::fs::remove_file(&self.holder_file);
        }
        let _ = self.file.unlock();
    }
}

fn holder_pid(holder_file: &Path) -> Option<u32> {
    std::fs::read_to_string(holder_file).ok()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_claim_is_refused_with_the_holder_and_the_lock_returns_when_released() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let holder = dir.path().join("state").join("device-1.studying");
        let mut first = claim(&data, &holder).expect("first claim");
        assert!(data.is_dir(), "a missing data folder is made");
        match claim(&data, &holder) {
            Err(StudyLockError::Held { holder }) => assert_eq!(holder, None, "not announced yet"),
            other => panic!("second claim was not refused: {other:?}"),
        }
        first.announce();
        match claim(&data, &holder) {
            Err(StudyLockError::Held { holder }) => assert_eq!(holder, Some(std::process::id())),
            other => panic!("second claim was not refused: {other:?}"),
        }
        let message = claim(&data, &holder).unwrap_err().to_string();
        assert!(
            message.contains(&format!("process {}", std::process::id())),
            "{message}"
        );
        drop(first);
        assert!(!holder.exists(), "the process-id file goes with the lock");
        claim(&data, &holder).expect("the lock is free again once released");
    }

    #[test]
    fn a_leftover_holder_file_never_blocks() {
        let dir = tempfile::tempdir().unwrap();
        let holder = dir.path().join("device.studying");
        std::fs::write(&holder, "999999").unwrap();
        claim(dir.path(), &holder).expect("a file left by a crashed process is not a lock");
    }

    #[cfg(unix)]
    #[test]
    fn a_state_folder_that_cannot_be_written_still_locks_and_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        // A path under a regular file cannot be made, even by root.
        std::fs::write(dir.path().join("file"), "").unwrap();
        let holder = dir.path().join("file/state/device.studying");
        let mut first = claim(&data, &holder).expect("the lock is on the data folder");
        first.announce();
        assert!(matches!(
            claim(&data, &holder),
            Err(StudyLockError::Held { holder: None })
        ));
        assert!(
            std::fs::read_dir(&data).unwrap().next().is_none(),
            "nothing in the data folder"
        );
    }

    #[cfg(unix)]
    #[test]
    fn every_spelling_of_the_folder_is_one_lock() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(dir.path().join("other")).unwrap();
        std::fs::create_dir(&data).unwrap();
        std::os::unix::fs::symlink(&data, dir.path().join("link")).unwrap();
        let _held = claim(&data, &dir.path().join("a")).unwrap();
        for spelling in ["data/", "data/.", "other/../data", "link", "link/"] {
            assert!(
                matches!(
                    claim(&dir.path().join(spelling), &dir.path().join("b")),
                    Err(StudyLockError::Held { .. })
                ),
                "{spelling}"
            );
        }
        claim(&dir.path().join("other"), &dir.path().join("c")).expect("another folder is free");
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("file"), "").unwrap();
        let data = dir.path().join("file/data");
        assert!(matches!(
            claim(&data, &dir.path().join("h")),
            Err(StudyLockError::Io { path, .. }) if path == data
        ));
    }
}
