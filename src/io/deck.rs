//! Where a deck comes from: the bundled deck embedded at build time, or a folder of topic files.
//!
//! A folder's files are listed here and read by [`FileOnDisk`] when `core::content`'s loader reaches them
//! on a worker thread, so a big deck is never all in memory as text at once. A file that cannot be read or
//! is not UTF-8 becomes a diagnostic like any other problem of that file; only a folder that cannot be
//! listed at all is a [`DeckSourceError`].

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::core::content::{self, DeckFile, Diagnostic, LoadOptions, Loaded, Rule, Severity, SourceFile};

use super::deck_cache::{CachedFile, DeckCache};

static BUNDLED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// Which deck to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeckLocation {
    /// The deck compiled into the binary (`content/` of the source tree).
    Bundled,
    /// A folder of `*.toml` topic files.
    Dir(PathBuf),
}

impl DeckLocation {
    /// A human-readable name for messages.
    pub fn describe(&self) -> String {
        match self {
            DeckLocation::Bundled => "the bundled deck".to_string(),
            DeckLocation::Dir(p) => p.display().to_string(),
        }
    }
}

/// Why a deck folder could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum DeckSourceError {
    /// The folder does not exist.
    #[error("deck folder {path} does not exist")]
    NotFound {
        /// The folder.
        path: PathBuf,
    },
    /// The path is a file, not a folder.
    #[error("{path} is not a folder; --content takes a folder of *.toml topic files")]
    NotADirectory {
        /// The path.
        path: PathBuf,
    },
    /// The folder or a file in it could not be read.
    #[error("cannot read {path}: {source}")]
    Unreadable {
        /// What could not be read.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The folder holds no topic file.
    #[error("{path} holds no topic files (*.toml)")]
    Empty {
        /// The folder.
        path: PathBuf,
    },
}

/// Loads and validates the deck at `location`; unreadable folders are errors, content problems diagnostics.
pub fn load(location: &DeckLocation) -> Result<Loaded, DeckSourceError> {
    load_with(location, &LoadOptions::default())
}

/// [`load`], with the extra checks of `options` (such as `--stale`).
pub fn load_with(location: &DeckLocation, options: &LoadOptions) -> Result<Loaded, DeckSourceError> {
    load_uncached(location, options)
}

/// [`load_with`], taking the files of a deck folder that were checked before from the [`DeckCache`] in
/// `cache` (a folder), and keeping the others there. Only a deck of at least [`CACHED_DECK_BYTES`] is cached:
/// a smaller one parses in a few tens of milliseconds, and is not worth a copy on disk. The bundled deck is
/// always checked.
pub fn load_cached(
    location: &DeckLocation,
    options: &LoadOptions,
    cache: Option<&Path>,
) -> Result<Loaded, DeckSourceError> {
    load_cached_from(location, options, cache, CACHED_DECK_BYTES)
}

/// [`load_cached`], caching decks of at least `min_bytes`.
pub(crate) fn load_cached_from(
    location: &DeckLocation,
    options: &LoadOptions,
    cache: Option<&Path>,
    min_bytes: u64,
) -> Result<Loaded, DeckSourceError> {
    if let (DeckLocation::Dir(dir), Some(cache)) = (location, cache) {
        let files = topic_files(dir)?;
        // Read once: the deck's size decides whether to cache, and each file's stamp is its entry's key.
        let metas: Vec<_> = files.iter().map(|f| std::fs::metadata(f.path()).ok()).collect();
        let bytes: u64 = metas.iter().flatten().map(|meta| meta.len()).sum();
        if bytes < min_bytes {
            return Ok(content::load_files(files, options));
        }
        let cache = DeckCache::new(cache.to_path_buf(), options);
        let files = files
            .into_iter()
            .zip(&metas)
            .map(|(file, meta)| CachedFile::new(file, meta.as_ref(), &cache))
            .collect();
        return Ok(content::load_files(files, options));
    }
    load_uncached(location, options)
}

/// The smallest deck folder (all its topic files) that [`load_cached`] caches: about 4,000 items.
pub const CACHED_DECK_BYTES: u64 = 8 << 20;

fn load_uncached(location: &DeckLocation, options: &LoadOptions) -> Result<Loaded, DeckSourceError> {
    match location {
        DeckLocation::Bundled => {
            let (files, mut undecodable) = bundled_files();
            let mut loaded = content::load_files(files, options);
            undecodable.append(&mut loaded.diagnostics);
            loaded.diagnostics = undecodable;
            Ok(loaded)
        }
        DeckLocation::Dir(dir) => Ok(content::load_files(topic_files(dir)?, options)),
    }
}

/// The bundled deck's topic files, in name order.
pub fn bundled_files() -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let mut entries: Vec<_> = BUNDLED
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
        .collect();
    entries.sort_by_key(|f| f.path());
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for f in entries {
        let path = Path::new("content").join(f.path()).display().to_string();
        match decode(path, f.contents()) {
            Ok(file) => files.push(file),
            Err(d) => problems.push(d),
        }
    }
    (files, problems)
}

/// The topic files (`*.toml`) of `dir`, in name order, not yet read.
pub fn topic_files(dir: &Path) -> Result<Vec<FileOnDisk>, DeckSourceError> {
    let unreadable = |source| DeckSourceError::Unreadable {
        path: dir.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => DeckSourceError::NotFound {
            path: dir.to_path_buf(),
        },
        _ => unreadable(e),
    })?;
    if !meta.is_dir() {
        return Err(DeckSourceError::NotADirectory {
            path: dir.to_path_buf(),
        });
    }
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            paths.push(path);
        }
    }
    if paths.is_empty() {
        return Err(DeckSourceError::Empty {
            path: dir.to_path_buf(),
        });
    }
    paths.sort();
    Ok(paths.into_iter().map(FileOnDisk).collect())
}

/// The largest topic file recall reads: several times a 10,000-item topic (about 19 MB). Parsing holds
/// about six times a file in memory, so this bounds what a mistaken or hostile file (a log, a dump, a file
/// that keeps growing) can cost; a real deck that large is split into several topic files.
pub const MAX_TOPIC_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A topic file in a deck folder, read only when the loader's worker thread asks for its text.
#[derive(Debug)]
pub struct FileOnDisk(PathBuf);

impl FileOnDisk {
    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl DeckFile for FileOnDisk {
    fn with_text<R>(&self, check: impl FnOnce(&SourceFile) -> R) -> Result<R, Diagnostic> {
        let path = self.0.display().to_string();
        let unreadable = |message: String, hint: Option<String>| Diagnostic {
            path: path.clone(),
            position: None,
            severity: Severity::Error,
            rule: Rule::Unreadable,
            message,
            hint,
        };
        let bytes = read_at_most(&self.0, MAX_TOPIC_FILE_BYTES)
            .map_err(|e| unreadable(format!("cannot read the file: {e}"), None))?
            .ok_or_else(|| {
                unreadable(
                    format!("the file is larger than {} MiB", MAX_TOPIC_FILE_BYTES >> 20),
                    Some("split the topic into several topic files".to_string()),
                )
            })?;
        let file = decode_owned(path.clone(), bytes)?;
        Ok(check(&file))
    }
}

/// The bytes of `path`, or `None` if it holds more than `limit` (checked before reading, and again while
/// reading in case the file grows).
fn read_at_most(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Decodes a file's bytes as UTF-8, or describes where it is not.
pub fn decode(path: String, bytes: &[u8]) -> Result<SourceFile, Diagnostic> {
    decode_owned(path, bytes.to_vec())
}

/// [`decode`] for bytes read from disk: the text keeps their buffer instead of copying it.
fn decode_owned(path: String, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile { path, text }),
        Err(e) => {
            let (bytes, e) = (e.as_bytes(), e.utf8_error());
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let position = content::diagnostic::LineIndex::new(valid).position(valid.len());
            Err(Diagnostic {
                path,
                position: Some(position),
                severity: Severity::Error,
                rule: Rule::Unreadable,
                message: "the file is not valid UTF-8 text".to_string(),
                hint: Some("save topic files as UTF-8".to_string()),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gone_before_it_is_read_is_an_unreadable_diagnostic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.toml");
        let checked = FileOnDisk(path.clone()).with_text(|_| unreachable!("there is no text to check"));
        let diagnostic = checked.unwrap_err();
        assert_eq!(diagnostic.path, path.display().to_string());
        assert_eq!(diagnostic.rule, Rule::Unreadable);
        assert_eq!(diagnostic.severity, Severity::Error);
        assert!(
            diagnostic.message.starts_with("cannot read the file: "),
            "{}",
            diagnostic.message
        );
    }

    #[test]
    fn a_file_over_the_limit_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dump.toml");
        let file = std::fs::File::create(&path).unwrap();
        // Sparse: takes no disk space, but reads as that many zero bytes.
        file.set_len(MAX_TOPIC_FILE_BYTES + 1).unwrap();
        let checked = FileOnDisk(path.clone()).with_text(|_| unreachable!("the file is not read"));
        let diagnostic = checked.unwrap_err();
        assert_eq!(diagnostic.rule, Rule::Unreadable);
        assert_eq!(diagnostic.message, "the file is larger than 64 MiB");
        assert_eq!(read_at_most(&path, MAX_TOPIC_FILE_BYTES).unwrap(), None);
        file.set_len(10).unwrap();
        assert_eq!(
            read_at_most(&path, 10).unwrap(),
            Some(vec![0; 10]),
            "exactly the limit is read"
        );
        assert_eq!(read_at_most(&path, 9).unwrap(), None);
    }

    /// A file whose size says nothing of what it yields (a pipe) is still cut at the limit.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn a_file_that_yields_more_than_its_size_is_cut_at_the_limit() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pipe.toml");
        let c_path = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo reads the NUL-terminated path and creates a pipe there; nothing else is touched.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        let writer = std::thread::spawn({
            let path = path.clone();
            move || {
                let mut pipe = std::fs::OpenOptions::new().write(true).open(path).unwrap();
                // The reader stops after 11 bytes and closes: a broken pipe then is expected.
                let _ = pipe.write_all(&[b'x'; 20]);
            }
        });
        assert_eq!(read_at_most(&path, 10).unwrap(), None);
        writer.join().unwrap();
    }

    #[test]
    fn a_file_on_disk_is_checked_with_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.toml");
        std::fs::write(&path, "[topic]\n").unwrap();
        let seen = FileOnDisk(path.clone()).with_text(|file| (file.path.clone(), file.text.clone()));
        assert_eq!(
            seen.unwrap(),
            (path.display().to_string(), "[topic]\n".to_string())
        );
    }
}
