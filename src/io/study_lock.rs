//! One study session per data directory: an advisory lock that a second study session finds taken.
//!
//! Two recall processes studying the same data directory would show the same cards, so each card would get
//! two reviews seconds apart. A study session therefore holds an exclusive lock on a small file next to the
//! device file (machine-local, so a synced data directory never carries it). The lock is the operating
//! system's (`flock` on Unix, `LockFileEx` on Windows, through `std::fs::File::try_lock`): it is released
//! when the file is closed or the process dies, so a crashed recall never leaves a stale lock behind. The
//! file's content is only the holder's process id, for the message the second process shows.
//!
//! Browse, search, stats and export take no lock and keep working alongside a study session.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Why a study session cannot start.
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
    /// The lock file cannot be created or locked.
    #[error("cannot take the study lock {}: {source}", path.display())]
    Io {
        /// The lock file.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
}

/// A held study lock; dropping it releases the lock.
#[derive(Debug)]
pub struct StudyLock {
    _file: File,
}

/// Takes the study lock at `path` for this process, or says who holds it.
pub fn claim(path: &Path) -> Result<StudyLock, StudyLockError> {
    let io = |source| StudyLockError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Err(StudyLockError::Held {
                holder: holder_pid(&mut file),
            });
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
    }
    // Best effort: the pid only improves the other process's message.
    let _ = file
        .set_len(0)
        .and_then(|()| file.seek(SeekFrom::Start(0)))
        .and_then(|_| write!(file, "{}", std::process::id()));
    Ok(StudyLock { _file: file })
}

fn holder_pid(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_claim_is_refused_with_the_holder_and_the_lock_returns_when_released() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state").join("study.lock");
        let first = claim(&path).expect("first claim");
        match claim(&path) {
            Err(StudyLockError::Held { holder }) => assert_eq!(holder, Some(std::process::id())),
            other => panic!("second claim was not refused: {other:?}"),
        }
        let message = claim(&path).unwrap_err().to_string();
        assert!(
            message.contains(&format!("process {}", std::process::id())),
            "{message}"
        );
        drop(first);
        claim(&path).expect("the lock is free again once released");
    }

    #[test]
    fn a_leftover_file_without_a_holder_never_blocks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.lock");
        std::fs::write(&path, "999999").unwrap();
        claim(&path).expect("a file left by a crashed process is not a lock");
    }
}
