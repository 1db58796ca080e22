//! The progress log on disk: one append-only JSON Lines file per device, `events-<device>.jsonl`, in the
//! data directory.
//!
//! Writing ([`EventLog::append`]) opens this device's file with `O_APPEND`, writes the whole line in one
//! call and `fsync`s it before returning, so a confirmed grade survives a crash. Existing bytes are never
//! rewritten; a failed append (full disk) cuts the file back to where it was, so it leaves no fragment. If
//! the file ends in a torn line (a crash mid-write), a newline is written first so the new event starts on
//! its own line. Reading ([`read_dir`]) takes every device's file: a torn or corrupt
//! line — or one with `"v": 0`, or an id holding a control or bidi character — becomes a [`LogWarning`]
//! with file and line and is left in place (a byte-order mark before the first line is ignored); a line
//! from a newer schema refuses
//! the whole load ([`LogError::FutureSchema`]) without touching anything. [`read_new`] reads only what was
//! appended since a [`ReadPosition`] (another recall's grades, before a study session starts).

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use jiff::Timestamp;
use serde::Deserialize;

use super::device::DeviceId;
use crate::core::progress::{Event, SCHEMA_VERSION};
use crate::core::untrusted::{is_hostile, one_line};

/// Why the log could not be read or written. The UI shows it; a failed append means the event is not saved.
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    /// The folder or file cannot be written (read-only disk, no permission).
    #[error("cannot write {}: the location is read-only or not permitted ({source})", path.display())]
    ReadOnly {
        /// What could not be written.
        path: PathBuf,
        /// The OS error.
        source: io::Error,
    },
    /// No space (or quota) left.
    #[error("cannot write {}: the disk is full ({source})", path.display())]
    DiskFull {
        /// What could not be written.
        path: PathBuf,
        /// The OS error.
        source: io::Error,
    },
    /// Any other I/O failure.
    #[error("cannot access {}: {source}", path.display())]
    Io {
        /// What failed.
        path: PathBuf,
        /// The OS error.
        source: io::Error,
    },
    /// A line was written by a newer recall; loading stops and nothing is changed.
    #[error(
        "{}:{line}: this line has schema version {version}, but this recall reads only up to version {}; \
         update recall to use this data (nothing was changed)",
        path.display(), SCHEMA_VERSION
    )]
    FutureSchema {
        /// The file.
        path: PathBuf,
        /// Line number (1-based).
        line: usize,
        /// The line's version.
        version: u32,
    },
}

impl LogError {
    /// Classifies an OS error on `path`: read-only and disk-full get their own variants.
    pub fn from_io(path: &Path, source: io::Error) -> LogError {
        let path = path.to_path_buf();
        match source.kind() {
            ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied => {
                LogError::ReadOnly { path, source }
            }
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => LogError::DiskFull { path, source },
            _ => LogError::Io { path, source },
        }
    }
}

/// What kind of bad line was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningKind {
    /// The file's last line, cut short (no newline): a write interrupted by a crash.
    Torn,
    /// A line that is not a valid event.
    Corrupt,
}

/// A skipped line. It stays in the file untouched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: skipped a {} line ({detail}); it is kept in the file", one_line(&path.display().to_string()), match kind {
    WarningKind::Torn => "torn (incomplete) last",
    WarningKind::Corrupt => "corrupt",
})]
pub struct LogWarning {
    /// The file.
    pub path: PathBuf,
    /// Line number (1-based).
    pub line: usize,
    /// Torn or corrupt.
    pub kind: WarningKind,
    /// What the parser said.
    pub detail: String,
}

/// Every event found, and every line skipped.
#[derive(Debug, Default)]
pub struct LogRead {
    /// Events of all files, in file order (replay sorts them).
    pub events: Vec<Event>,
    /// Skipped lines.
    pub warnings: Vec<LogWarning>,
    /// Log files read.
    pub files: Vec<PathBuf>,
    /// How far each file was read, for [`read_new`].
    pub position: ReadPosition,
}

/// How far each log file has been read: the byte after its last complete line, and that line's number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadPosition(BTreeMap<PathBuf, (u64, usize)>);

/// This device's log in a data directory.
#[derive(Debug)]
pub struct EventLog {
    dir: PathBuf,
    device: DeviceId,
    counter: AtomicU64,
}

impl EventLog {
    /// The log of `device` in `dir` (nothing is touched until the first append).
    pub fn new(dir: impl Into<PathBuf>, device: DeviceId) -> EventLog {
        EventLog {
            dir: dir.into(),
            device,
            counter: AtomicU64::new(0),
        }
    }

    /// The data directory the log is in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// This device's file.
    pub fn path(&self) -> PathBuf {
        self.dir.join(format!("events-{}.jsonl", self.device))
    }

    /// A fresh event id, `<device>-<unix-nanos>-<process>-<counter>`: unique even between two instances on
    /// one machine, and sorting in creation order within an instance.
    pub fn next_id(&self, at: Timestamp) -> String {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        format!(
            "{}-{}-{}-{n:06}",
            self.device,
            at.as_nanosecond(),
            std::process::id()
        )
    }

    /// Appends `event` as one line and syncs it to disk; returns only once it is durable.
    pub fn append(&self, event: &Event) -> Result<(), LogError> {
        self.append_all(std::slice::from_ref(event))
    }

    /// Appends `events` as lines in one write and syncs once (an import's many events): when it returns
    /// they are all durable; if it fails, none is kept.
    pub fn append_all(&self, events: &[Event]) -> Result<(), LogError> {
        let path = self.path();
        let mut lines = Vec::new();
        for event in events {
            serde_json::to_writer(&mut lines, event).map_err(|e| LogError::Io {
                path: path.clone(),
                source: io::Error::new(ErrorKind::InvalidData, e),
            })?;
            lines.push(b'\n');
        }
        if lines.is_empty() {
            return Ok(());
        }
        fs::create_dir_all(&self.dir).map_err(|e| LogError::from_io(&self.dir, e))?;
        let created = !path.exists();
        write_line(&path, lines).map_err(|e| LogError::from_io(&path, e))?;
        if created {
            sync_dir(&self.dir);
        }
        Ok(())
    }
}

/// Appends `line` to `path` in one write (after a newline if the file ends mid-line) and syncs it.
///
/// If the write or the sync fails (a full disk takes part of the line), the file is cut back to its
/// previous length: the event is reported as not saved, so it must not linger as a torn fragment that
/// every later start warns about. The file is locked meanwhile, so another instance's line appended in
/// between can never be cut.
fn write_line(path: &Path, mut line: Vec<u8>) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)?;
    let regular = file.metadata()?.is_file();
    if regular {
        file.lock()?;
    }
    let before = file.metadata()?.len();
    if ends_mid_line(&mut file)? {
        line.insert(0, b'\n');
    }
    let written = file.write_all(&line).and_then(|()| file.sync_all());
    if written.is_err() && regular {
        // Best effort: if even this fails, the reader skips the fragment with a warning.
        let _ = file.set_len(before).and_then(|()| file.sync_all());
    }
    written
}

/// Whether a non-empty regular file's last byte is not a newline (a torn last line).
fn ends_mid_line(file: &mut File) -> io::Result<bool> {
    let meta = file.metadata()?;
    if !meta.is_file() || meta.len() == 0 {
        return Ok(false);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8];
    file.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

/// Makes a new file's directory entry durable (best effort; not possible on every platform).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Reads every `events-*.jsonl` file in `dir` (none if `dir` does not exist).
pub fn read_dir(dir: &Path) -> Result<LogRead, LogError> {
    read_new(dir, ReadPosition::default())
}

/// Reads what was appended to the logs in `dir` after `since` (every file, from its start, that `since`
/// does not know or that has shrunk): the events, the lines skipped, and the new position. A line still
/// being written (no newline yet) is read again next time.
pub fn read_new(dir: &Path, since: ReadPosition) -> Result<LogRead, LogError> {
    let mut read = LogRead {
        position: since,
        ..LogRead::default()
    };
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(read),
        Err(e) => return Err(LogError::from_io(dir, e)),
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_log_file(p))
        .collect();
    files.sort();
    for path in files {
        let (mut offset, mut lines) = read.position.0.get(&path).copied().unwrap_or_default();
        let bytes = read_from(&path, &mut offset, &mut lines).map_err(|e| LogError::from_io(&path, e))?;
        parse_from(&path, &bytes, lines, offset == 0, &mut read)?;
        let complete = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let new_lines = bytecount(&bytes[..complete]);
        read.position
            .0
            .insert(path.clone(), (offset + complete as u64, lines + new_lines));
        read.files.push(path);
    }
    Ok(read)
}

/// The bytes of `path` after `offset`; from the start (`offset` and `lines` reset) if the file is now
/// shorter than that (replaced by a sync tool).
fn read_from(path: &Path, offset: &mut u64, lines: &mut usize) -> io::Result<Vec<u8>> {
    if *offset == 0 {
        return fs::read(path);
    }
    let mut file = File::open(path)?;
    if file.metadata()?.len() < *offset {
        (*offset, *lines) = (0, 0);
    }
    file.seek(SeekFrom::Start(*offset))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn bytecount(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b == b'\n').count()
}

fn is_log_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    name.starts_with("events-") && name.ends_with(".jsonl") && path.is_file()
}

/// The version field alone, to recognise a newer schema in a line this build cannot parse.
#[derive(Deserialize)]
struct VersionOnly {
    v: u32,
}

/// Lines per thread below which parsing stays on one thread.
const PARALLEL_CHUNK: usize = 8_192;

/// Parses one file's lines into `read` (on several threads for a long file; the result is the same).
pub fn parse_file(path: &Path, bytes: &[u8], read: &mut LogRead) -> Result<(), LogError> {
    parse_from(path, bytes, 0, true, read)
}

/// Parses `bytes`, which follow line `skipped` of the file (from its start if `start`), into `read`.
fn parse_from(
    path: &Path,
    bytes: &[u8],
    skipped: usize,
    start: bool,
    read: &mut LogRead,
) -> Result<(), LogError> {
    // An editor may have saved the file with a byte-order mark; it is not part of the first event.
    let bytes = match start {
        true => bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes),
        false => bytes,
    };
    let complete = bytes.ends_with(b"\n");
    let mut lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    if complete {
        lines.pop();
    }
    let torn_at = (!complete).then_some(skipped + lines.len());
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = lines.len().div_ceil(threads).max(PARALLEL_CHUNK);
    let parsed: Vec<Result<Parsed, LogError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = lines
            .chunks(chunk)
            .enumerate()
            .map(|(i, part)| scope.spawn(move || parse_lines(path, part, skipped + i * chunk, torn_at)))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|_| Ok(Parsed::default())))
            .collect()
    });
    for part in parsed {
        let part = part?;
        read.events.extend(part.events);
        read.warnings.extend(part.warnings);
    }
    Ok(())
}

#[derive(Default)]
struct Parsed {
    events: Vec<Event>,
    warnings: Vec<LogWarning>,
}

/// Parses `lines`, the first of which is line `offset + 1` of the file; line `torn_at` (1-based) is the
/// file's unterminated last line, if any.
fn parse_lines(
    path: &Path,
    lines: &[&[u8]],
    offset: usize,
    torn_at: Option<usize>,
) -> Result<Parsed, LogError> {
    let mut parsed = Parsed::default();
    for (i, line) in lines.iter().enumerate() {
        let n = offset + i + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let future = |version| LogError::FutureSchema {
            path: path.to_path_buf(),
            line: n,
            version,
        };
        let corrupt = |detail: String| LogWarning {
            path: path.to_path_buf(),
            line: n,
            kind: if torn_at == Some(n) {
                WarningKind::Torn
            } else {
                WarningKind::Corrupt
            },
            detail,
        };
        match Event::from_json_line(line) {
            Ok(event) if event.v > SCHEMA_VERSION => return Err(future(event.v)),
            Ok(event) => match unusable(&event) {
                Some(why) => parsed.warnings.push(corrupt(why.to_string())),
                None => parsed.events.push(event),
            },
            Err(e) => {
                if let Ok(VersionOnly { v }) = serde_json::from_slice(line)
                    && v > SCHEMA_VERSION
                {
                    return Err(future(v));
                }
                parsed.warnings.push(corrupt(e.to_string()));
            }
        }
    }
    Ok(parsed)
}

/// Why a well-formed line still cannot be an event: version 0 was never written, and an id with a control
/// or bidi character would end up in exports and messages (a log is synced from another device).
fn unusable(event: &Event) -> Option<&'static str> {
    if event.v == 0 {
        return Some("schema version 0 does not exist; recall writes \"v\": 1");
    }
    let hostile = |c: char| c.is_control() || is_hostile(c);
    event
        .ids()
        .any(|id| id.chars().any(hostile))
        .then_some("an id holds a control or bidi character")
}
