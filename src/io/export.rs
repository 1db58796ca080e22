//! Writing an export: to standard output, or to a file that appears complete or not at all.
//!
//! A file export is written to a temporary file in the destination's directory, synced, and then renamed
//! over the destination, so a failed write (full disk, missing directory, a crash) never leaves half a
//! file, and an existing file is replaced only with `force` — otherwise [`WriteError::Exists`] names it.
//! The bytes come from `crate::core::progress::export`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where an export goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Standard output.
    Stdout,
    /// A file.
    File(PathBuf),
}

impl Destination {
    /// The destination named by `--output`: none or `-` is standard output.
    pub fn from_arg(output: Option<&Path>) -> Destination {
        match output {
            None => Destination::Stdout,
            Some(path) if path == Path::new("-") => Destination::Stdout,
            Some(path) => Destination::File(path.to_path_buf()),
        }
    }
}

/// Why an export was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file exists and `force` was not given; nothing was written.
    #[error("{} already exists; pass --force to replace it", path.display())]
    Exists {
        /// The existing file.
        path: PathBuf,
    },
    /// Writing failed; the destination is unchanged and no temporary file is left.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The destination.
        path: PathBuf,
        /// The OS error.
        source: io::Error,
    },
    /// Standard output could not be written (a closed pipe, say).
    #[error("cannot write to standard output: {0}")]
    Stdout(io::Error),
}

/// Writes `bytes` to `destination` (`stdout` for [`Destination::Stdout`]); a file is replaced only if
/// `force`.
pub fn write(
    destination: &Destination,
    bytes: &[u8],
    force: bool,
    stdout: &mut impl Write,
) -> Result<(), WriteError> {
    match destination {
        Destination::Stdout => stdout
            .write_all(bytes)
            .and_then(|()| stdout.flush())
            .map_err(WriteError::Stdout),
        Destination::File(path) => write_file(path, bytes, force),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), WriteError> {
    if !force && path.symlink_metadata().is_ok() {
        return Err(WriteError::Exists {
            path: path.to_path_buf(),
        });
    }
    let fail = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    if !super::atomic::parent_dir(path).is_dir() {
        // Do not create folders the user did not ask for: a missing directory is an error.
        return Err(fail(io::Error::new(
            io::ErrorKind::NotFound,
            "the directory does not exist",
        )));
    }
    let temp = super::atomic::synced_temp(path, bytes).map_err(fail)?;
    let persisted = if force {
        temp.persist(path)
    } else {
        // Refuses atomically if the file appeared since the check above.
        temp.persist_noclobber(path)
    };
    persisted.map_err(|e| match e.error.kind() {
        io::ErrorKind::AlreadyExists if !force => WriteError::Exists {
            path: path.to_path_buf(),
        },
        _ => fail(e.error),
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn dash_and_nothing_mean_stdout() {
        assert_eq!(Destination::from_arg(None), Destination::Stdout);
        assert_eq!(Destination::from_arg(Some(Path::new("-"))), Destination::Stdout);
        assert_eq!(
            Destination::from_arg(Some(Path::new("out.csv"))),
            Destination::File("out.csv".into())
        );
    }

    #[test]
    fn stdout_gets_the_bytes() {
        let mut out = Vec::new();
        write(&Destination::Stdout, b"a,b\n", false, &mut out).unwrap();
        assert_eq!(out, b"a,b\n");
    }

    #[test]
    fn a_file_is_written_whole_and_nothing_else_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cards.csv");
        write_file(&path, b"id\n", false).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"id\n");
        assert_eq!(entries(dir.path()), ["cards.csv"]);
    }

    #[test]
    fn an_existing_file_is_kept_without_force_and_replaced_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cards.csv");
        std::fs::write(&path, "mine").unwrap();
        let err = write_file(&path, b"new", false).unwrap_err();
        assert!(
            matches!(&err, WriteError::Exists { path: p } if p == &path),
            "{err}"
        );
        assert!(err.to_string().contains("--force"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
        write_file(&path, b"new", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(entries(dir.path()), ["cards.csv"]);
    }

    #[test]
    fn a_failed_write_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-dir").join("cards.csv");
        let err = write_file(&missing, b"id\n", false).unwrap_err();
        assert!(matches!(err, WriteError::Io { .. }), "{err}");
        assert!(!missing.exists());
        assert!(entries(dir.path()).is_empty());
        // A directory in the way: the rename fails, the temporary file is removed.
        let blocked = dir.path().join("blocked");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("inside"), "x").unwrap();
        assert!(write_file(&blocked, b"id\n", true).is_err());
        assert_eq!(entries(dir.path()), ["blocked"]);
        assert_eq!(entries(&blocked), ["inside"]);
    }
}
