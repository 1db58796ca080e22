//! Crash-safe file replacement: the new contents go to a synced temporary file in the same directory,
//! which the caller then renames over the target (`persist`, or `persist_noclobber` to refuse an existing
//! file). A crash leaves either the old file or the new one, never half of one.

use std::io::{self, Write};
use std::path::Path;

use tempfile::NamedTempFile;

/// The directory a file lives in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Writes `bytes` to a new temporary file beside `path` (creating the directory if needed) and syncs it.
pub fn synced_temp(path: &Path, bytes: &[u8]) -> io::Result<NamedTempFile> {
    let dir = parent_dir(path);
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::Builder::new().prefix(".recall-").tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    Ok(file)
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
}
