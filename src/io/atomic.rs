//! Crash-safe file replacement: the new contents go to a synced temporary file in the same directory,
//! which the caller then renames over the target (`persist`, or `persist_noclobber` to refuse an existing
//! file). A crash leaves either the old file or the new one, never half of one. [`link_target`] finds the
//! file a symbolic link points to, for writes that must go through the link rather than replace it.

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
    let mut file = builder.tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    Ok(file)
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
    }
}
