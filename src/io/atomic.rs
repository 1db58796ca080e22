//! Crash-safe file replacement: the new contents go to a synced temporary file in the same directory,
//! which the caller then renames over the target (`persist`, or `persist_noclobber` to refuse an existing
//! file). A crash leaves either the old file or the new one, never half of one. [`link_target`] finds the
//! file a symbolic link points to, for writes that must go through the link rather than replace it, and
//! [`replaceable`] says whether (and with which permissions) a file may be replaced.
//!
//! Errors name the file the caller asked for, never the temporary file: the `tempfile` crate adds
//! `at path "…/.recall-XXXX"` to its errors, which would send a learner looking for a file that is gone.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// The directory a file lives in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Writes `bytes` to a new temporary file beside `path` (creating the directory if needed) and syncs it.
/// On Unix the file gets the mode any new file gets (0666 less the umask).
pub fn synced_temp(path: &Path, bytes: &[u8]) -> io::Result<NamedTempFile> {
    let dir = parent_dir(path);
    std::fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".recall-");
    #[cfg(unix)]
    {
        // The usual mode of a new file (0644 under the common umask), not tempfile's private 0600:
        // the mode is given to open(2), which applies the umask.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir).map_err(without_temp_path)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    Ok(file)
}

/// `error` without the temporary file's name that `tempfile` appends (`… at path "/d/.recall-1a2b"`).
fn without_temp_path(error: io::Error) -> io::Error {
    if error.get_ref().is_none() {
        return error;
    }
    let said = error.to_string();
    match said.rfind(" at path \"") {
        Some(at) => io::Error::new(error.kind(), &said[..at]),
        None => error,
    }
}

/// Whether the file at `target` may be replaced by a new one: the permissions the new file must keep if it
/// exists (a settings file kept at 0644 stays 0644), `None` if it does not; an error if it is not a
/// regular file (a device node, a pipe, a folder), which a rename would replace or fail on.
pub fn replaceable(target: &Path) -> io::Result<Option<std::fs::Permissions>> {
    match std::fs::metadata(target) {
        Ok(meta) if meta.is_file() => Ok(Some(meta.permissions())),
        Ok(_) => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file; recall replaces only a regular file there",
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// The file `path` finally names after following symbolic links (relative links resolve against the
/// link's folder); `path` itself if it is not a link. A link loop stops after 40 steps, as the OS does.
pub fn link_target(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&current) {
            Ok(next) if next.is_absolute() => current = next,
            Ok(next) => current = parent_dir(&current).join(next),
            Err(_) => break,
        }
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_temp_file_sits_beside_the_target_with_the_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/out.txt");
        let temp = synced_temp(&target, b"hello").unwrap();
        assert_eq!(temp.path().parent(), target.parent());
        temp.persist(&target).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"hello");
        assert_eq!(parent_dir(Path::new("bare.txt")), Path::new("."));
    }

    #[cfg(unix)]
    #[test]
    fn an_error_names_no_temporary_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
        // Root ignores permission bits; /sys refuses new files even to root.
        let writable = std::fs::write(dir.path().join("probe"), "").is_ok();
        let folder = if writable { Path::new("/sys") } else { dir.path() };
        let error = synced_temp(&folder.join("config.toml"), b"x").unwrap_err();
        let said = error.to_string();
        assert!(!said.contains(".recall-") && !said.contains("at path"), "{said}");
        assert_eq!(error.kind(), io::ErrorKind::PermissionDenied, "{said}");
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn only_a_regular_file_is_replaceable_and_its_mode_is_given() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        assert!(replaceable(&file).unwrap().is_none());
        std::fs::write(&file, "").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
        assert_eq!(replaceable(&file).unwrap().unwrap().mode() & 0o777, 0o640);
        for not_a_file in [dir.path(), Path::new("/dev/null")] {
            let error = replaceable(not_a_file).unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
        }
        // A path that cannot even be looked at is an error, not a missing file.
        assert!(replaceable(&file.join("below-a-file")).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_chain_of_relative_links_leads_to_the_real_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("dotfiles")).unwrap();
        std::os::unix::fs::symlink("real.toml", dir.path().join("dotfiles/link.toml")).unwrap();
        std::os::unix::fs::symlink("dotfiles/link.toml", dir.path().join("config.toml")).unwrap();
        assert_eq!(
            link_target(&dir.path().join("config.toml")),
            dir.path().join("dotfiles/real.toml")
        );
        let plain = dir.path().join("plain.toml");
        assert_eq!(link_target(&plain), plain);
        let absolute = dir.path().join("absolute.toml");
        std::os::unix::fs::symlink(dir.path().join("dotfiles/real.toml"), &absolute).unwrap();
        assert_eq!(link_target(&absolute), dir.path().join("dotfiles/real.toml"));
    }
}
