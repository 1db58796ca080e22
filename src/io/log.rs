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
        let new_lines = parse_from(&path, &bytes, lines, offset == 0, &mut read)?;
        let complete = memchr::memrchr(b'\n', &bytes).map_or(0, |i| i + 1);
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
    let mut file = File::open(path)?;
    let len = file.metadata()?.len();
    if len < *offset {
        (*offset, *lines) = (0, 0);
    }
    let size = usize::try_from(len - *offset).unwrap_or(usize::MAX);
    if size >= 2 * PARALLEL_BYTES
        && let Some(bytes) = read_halves(&file, *offset, size)?
    {
        return Ok(bytes);
    }
    file.seek(SeekFrom::Start(*offset))?;
    let mut bytes = Vec::with_capacity(size);
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The `size` bytes of `file` from `offset`, read on two threads, a half each: copying a big log into
/// memory (and faulting in the pages it lands on) was a tenth of `recall stats`, on one core while the
/// other waited. `None` if the file is shorter than that by now, or positional reads are not available:
/// the caller then reads it the ordinary way.
fn read_halves(file: &File, offset: u64, size: usize) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = vec![0; size];
    let (first, second) = bytes.split_at_mut(size / 2);
    let middle = offset + first.len() as u64;
    let read = std::thread::scope(|scope| {
        let other = scope.spawn(|| read_exact_at(file, second, middle));
        let mine = read_exact_at(file, first, offset);
        mine.and(other.join().unwrap_or_else(|_| Err(ErrorKind::Other.into())))
    });
    match read {
        Ok(()) => Ok(Some(bytes)),
        Err(e) if matches!(e.kind(), ErrorKind::UnexpectedEof | ErrorKind::Unsupported) => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset) {
            Ok(0) => return Err(ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
fn read_exact_at(_: &File, _: &mut [u8], _: u64) -> io::Result<()> {
    Err(ErrorKind::Unsupported.into())
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

/// Bytes per thread below which parsing stays on one thread (about 8,000 lines of reviews).
const PARALLEL_BYTES: usize = 1 << 20;

/// Parses one file's lines into `read` (on several threads for a long file; the result is the same).
pub fn parse_file(path: &Path, bytes: &[u8], read: &mut LogRead) -> Result<(), LogError> {
    parse_from(path, bytes, 0, true, read).map(|_| ())
}

/// Parses `bytes`, which follow line `skipped` of the file (from its start if `start`), into `read`; returns
/// how many complete (newline-ended) lines they hold.
fn parse_from(
    path: &Path,
    bytes: &[u8],
    skipped: usize,
    start: bool,
    read: &mut LogRead,
) -> Result<usize, LogError> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let parts = (bytes.len() / PARALLEL_BYTES).clamp(1, threads);
    parse_in_parts(path, bytes, skipped, start, parts, read)
}

/// [`parse_from`] on `parts` threads, each taking a run of whole lines of about the same number of bytes.
///
/// A part does not know how many lines come before it until the parts before it are done, so each numbers
/// its lines from 1 and its warnings (and a newer-schema error) are moved to the file's numbering after;
/// that saves a counting pass over the whole file before the threads can start.
fn parse_in_parts(
    path: &Path,
    bytes: &[u8],
    skipped: usize,
    start: bool,
    parts: usize,
    read: &mut LogRead,
) -> Result<usize, LogError> {
    // An editor may have saved the file with a byte-order mark; it is not part of the first event.
    let bytes = match start {
        true => bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes),
        false => bytes,
    };
    let parsed: Vec<Result<Parsed, LogError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = split_lines(bytes, parts)
            .map(|part| scope.spawn(move || parse_lines(path, part)))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|_| Ok(Parsed::default())))
            .collect()
    });
    let mut before = skipped;
    for part in parsed {
        let part = part.map_err(|e| match e {
            LogError::FutureSchema { path, line, version } => LogError::FutureSchema {
                path,
                line: before + line,
                version,
            },
            other => other,
        })?;
        // The first part's events are kept where they are (a big log's events are megabytes: copying them
        // costs as much again in page faults as in copying).
        if read.events.is_empty() {
            read.events = part.events;
        } else {
            read.events.extend(part.events);
        }
        read.warnings
            .extend(part.warnings.into_iter().map(|w| LogWarning {
                line: before + w.line,
                ..w
            }));
        before += part.lines;
    }
    Ok(before - skipped)
}

/// `bytes` cut into at most `parts` runs of whole lines of about equal size; every run but the last ends
/// with a newline.
fn split_lines(bytes: &[u8], parts: usize) -> impl Iterator<Item = &[u8]> {
    let size = bytes.len().div_ceil(parts.max(1));
    let mut rest = bytes;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = match memchr::memchr(b'\n', rest.get(size..).unwrap_or_default()) {
            Some(i) => size + i + 1,
            None => rest.len(),
        };
        let (part, tail) = rest.split_at(end);
        rest = tail;
        Some(part)
    })
}

#[derive(Default)]
struct Parsed {
    events: Vec<Event>,
    warnings: Vec<LogWarning>,
    /// Complete (newline-ended) lines read.
    lines: usize,
}

/// Parses `part`, a run of lines numbered from 1; a last line without a newline is the file's torn end.
fn parse_lines(path: &Path, part: &[u8]) -> Result<Parsed, LogError> {
    // One event per line, at most: sized once, the events are never moved while parsing.
    let lines = memchr::memchr_iter(b'\n', part).count();
    let mut parsed = Parsed {
        events: Vec::with_capacity(lines + 1),
        warnings: Vec::new(),
        lines,
    };
    let mut rest = part;
    let mut n = 0;
    while !rest.is_empty() {
        n += 1;
        let (line, torn) = match memchr::memchr(b'\n', rest) {
            Some(i) => {
                let line = &rest[..i];
                rest = &rest[i + 1..];
                (line, false)
            }
            None => (std::mem::take(&mut rest), true),
        };
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
            kind: if torn {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn review(id: &str) -> String {
        format!(
            r#"{{"v":1,"id":"{id}","at":"2025-01-01T10:00:00Z","type":"review","card":"t/a","rating":"good"}}"#
        )
    }

    /// A file of 40 good lines with, in the middle, a corrupt line, an unknown kind of event, a blank and a
    /// whitespace line, a version 0 line and an exam line; it ends in a torn line.
    fn file() -> Vec<u8> {
        let mut lines: Vec<String> = (0..40).map(|i| review(&format!("e{i}"))).collect();
        lines[7] = "this is not json".to_string();
        lines[12] = r#"{"v":1,"id":"x","at":"2025-01-01T10:00:00Z","type":"teleport"}"#.to_string();
        lines[13] = String::new();
        lines[14] = " \t ".to_string();
        lines[21] = review("zero").replace(r#""v":1"#, r#""v":0"#);
        lines[30] =
            r#"{"v":1,"id":"x1","at":"2025-01-01T10:00:00Z","type":"exam_abandoned","exam":"x"}"#.to_string();
        let mut text = "\u{feff}".to_string() + &lines.join("\n") + "\n";
        text.push_str(r#"{"v":1,"id":"e40","at":"2025"#);
        text.into_bytes()
    }

    fn parse(bytes: &[u8], skipped: usize, parts: usize) -> Result<(LogRead, usize), LogError> {
        let mut read = LogRead::default();
        let lines = parse_in_parts(
            Path::new("events-1.jsonl"),
            bytes,
            skipped,
            skipped == 0,
            parts,
            &mut read,
        )?;
        Ok((read, lines))
    }

    #[test]
    fn a_file_cut_into_any_number_of_parts_reads_as_one() {
        let bytes = file();
        let (whole, lines) = parse(&bytes, 0, 1).unwrap();
        assert_eq!(lines, 40, "the torn line is not complete");
        assert_eq!(whole.events.len(), 35);
        assert_eq!(
            whole.events[0].id, "e0",
            "the byte-order mark is not part of the first line"
        );
        let warned: Vec<(usize, WarningKind)> = whole.warnings.iter().map(|w| (w.line, w.kind)).collect();
        assert_eq!(
            warned,
            [
                (8, WarningKind::Corrupt),
                (13, WarningKind::Corrupt),
                (22, WarningKind::Corrupt),
                (41, WarningKind::Torn)
            ]
        );
        for parts in 2..=12 {
            let (read, n) = parse(&bytes, 0, parts).unwrap();
            assert_eq!(
                (read.events, read.warnings, n),
                (whole.events.clone(), whole.warnings.clone(), lines),
                "{parts} parts"
            );
        }
    }

    #[test]
    fn a_tail_read_numbers_its_lines_after_those_skipped() {
        let bytes = file();
        let start = bytes.iter().position(|b| *b == b'\n').unwrap() + 1;
        for parts in 1..=5 {
            let (read, lines) = parse(&bytes[start..], 1, parts).unwrap();
            assert_eq!(lines, 39);
            let warned: Vec<usize> = read.warnings.iter().map(|w| w.line).collect();
            assert_eq!(warned, [8, 13, 22, 41], "{parts} parts");
        }
    }

    #[test]
    fn a_big_file_read_in_two_halves_is_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events-1.jsonl");
        let bytes: Vec<u8> = (0..3 * PARALLEL_BYTES + 7).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        let file = File::open(&path).unwrap();
        let halves = read_halves(&file, 0, bytes.len()).unwrap();
        assert!(halves.as_deref() == Some(&bytes[..]), "the whole file");
        let tail = read_halves(&file, 1_000, bytes.len() - 1_000).unwrap();
        assert!(tail.as_deref() == Some(&bytes[1_000..]), "from an offset");
        assert_eq!(
            read_halves(&file, 0, bytes.len() + 1).unwrap(),
            None,
            "a file shorter than expected is left to the ordinary read"
        );
        let (mut offset, mut lines) = (5, 9);
        assert!(read_from(&path, &mut offset, &mut lines).unwrap() == bytes[5..]);
        assert_eq!((offset, lines), (5, 9));
        let (mut offset, mut lines) = (bytes.len() as u64 + 1, 9);
        assert!(read_from(&path, &mut offset, &mut lines).unwrap() == bytes);
        assert_eq!((offset, lines), (0, 0), "a shorter file is read from its start");
    }

    #[test]
    fn a_newer_schema_in_a_later_part_is_refused_with_its_own_line() {
        let mut lines: Vec<String> = (0..30).map(|i| review(&format!("e{i}"))).collect();
        lines[9] = "{broken".to_string();
        lines[25] = r#"{"v":2,"id":"f","at":"2025-01-01T10:00:00Z","type":"hologram"}"#.to_string();
        let bytes = (lines.join("\n") + "\n").into_bytes();
        for parts in 1..=6 {
            let err = parse(&bytes, 0, parts).unwrap_err();
            assert!(
                matches!(
                    err,
                    LogError::FutureSchema {
                        line: 26,
                        version: 2,
                        ..
                    }
                ),
                "{parts} parts: {err:?}"
            );
        }
    }
}
