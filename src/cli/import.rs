//! `recall import anki FILE`: an Anki text export (`.txt`) or package (`.apkg`, `.colpkg`) → recall topic
//! files, one per Anki deck, and — from a package — the review history into the progress log.
//!
//! Everything is read, converted (`crate::core::anki`) and validated like any deck
//! (`crate::core::content::load`) before anything is written: a bad file writes nothing. Topic files are
//! then written atomically (`crate::io::export`), never over an existing file without `--force`, and the
//! review events are appended in one synced write to the import device's log (`crate::io::log`). A
//! SIGTERM, SIGHUP or SIGINT meanwhile stops between files, with no temporary file left behind.
//!
//! Where files go: one topic → a file (`--output`, default `<FILE's name>.toml` here); several (a package,
//! or a text export with a deck column naming several decks) → a folder (`--output`, default
//! `<FILE's name>/` here) with `<topic id>.toml` in it.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use jiff::tz::TimeZone;

use crate::core::anki::{
    self, AnkiError, ImportWarning, PackageOptions, PackageReport, TopicOptions, TopicText,
};
use crate::core::content::{self, Lang, Severity, SourceFile};
use crate::core::event::{Event, EventKind};
use crate::core::progress::export::fnv1a64;
use crate::io::anki_package::{self, PackageError};
use crate::io::device::DeviceId;
use crate::io::export::{self as writer, Destination, WriteError};
use crate::io::log::{EventLog, LogError};
use crate::io::paths::Paths;
use crate::io::progress::{self, LoadError};
use crate::text::{self, ImportFailure};

/// The largest text export read: Anki text exports of big collections are a few MB.
pub const MAX_BYTES: u64 = 32_000_000;

/// The source link facts cite when `--source` is not given.
pub const DEFAULT_SOURCE: &str = "https://apps.ankiweb.net/";

/// The device whose log holds imported reviews: `events-<this>.jsonl` in the data folder. Fixed, so that
/// every import appends to the same file, and a second import of the same package finds its events.
pub fn import_device() -> DeviceId {
    DeviceId::parse(&format!("{:016x}", fnv1a64(*b"recall import anki")))
        .expect("16 hex digits make a device id")
}

/// What to import and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRequest {
    /// The Anki text export or package.
    pub file: PathBuf,
    /// `--output`: a file for one topic, a folder for several; `-` = standard output (one topic only).
    pub output: Option<PathBuf>,
    /// Replace existing topic files.
    pub force: bool,
    /// The source URL every fact cites.
    pub source: String,
    /// Language of the summary.
    pub lang: Lang,
}

/// Why `recall import anki` failed; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is too big to be a text export.
    #[error("{} is {} MB; recall imports Anki text exports up to {} MB", path.display(), size / 1_000_000, MAX_BYTES / 1_000_000)]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
    },
    /// The file is not an Anki text export recall can read.
    #[error("{}: {source}", path.display())]
    Anki {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        source: AnkiError,
    },
    /// The package cannot be read.
    #[error(transparent)]
    Package(#[from] PackageError),
    /// A package with no card recall can show.
    #[error("{}: no notes to import (no card has a question and an answer once its HTML and media are gone)", path.display())]
    NoCards {
        /// The package.
        path: PathBuf,
    },
    /// `--source` is not a URL the deck format accepts.
    #[error("--source \"{}\" is not an absolute http(s) URL with a host", .0.escape_debug())]
    BadSource(String),
    /// Several topics and `--output -`.
    #[error("the import makes {0} topic files; --output must name a folder, not standard output")]
    SeveralToStdout(usize),
    /// The converted topics do not pass the deck validator (a bug: the conversion should prevent it).
    #[error("the converted deck does not validate:\n{0}")]
    Invalid(String),
    /// The settings or the progress log could not be loaded.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A topic file could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The review history could not be appended.
    #[error(transparent)]
    Log(#[from] LogError),
    /// A signal stopped the import between files.
    #[error(
        "interrupted by a signal: wrote {written} of {total} topic file(s) and no progress; run the import again"
    )]
    Interrupted {
        /// Files already written.
        written: usize,
        /// Files planned.
        total: usize,
    },
    /// Printing failed.
    #[error(transparent)]
    Output(#[from] std::io::Error),
}

/// Imports `request.file`: topic files to `--output`, a package's reviews into `paths`' log (study days
/// counted in `tz`). Warnings go to `err`, the summary to `out`.
pub fn run(
    request: &ImportRequest,
    paths: &Paths,
    tz: TimeZone,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), ImportError> {
    if !content::validate::is_valid_url(&request.source) {
        return Err(ImportError::BadSource(request.source.clone()));
    }
    if is_zip(&request.file)? {
        return import_package(request, paths, tz, out, err);
    }
    let bytes = read_limited(&request.file)?;
    let options = TopicOptions {
        name: deck_name_from_file(&request.file),
        source: request.source.clone(),
    };
    let (topics, report) = anki::import(&bytes, &options).map_err(|source| ImportError::Anki {
        path: request.file.clone(),
        source,
    })?;
    let plan = plan(request, &topics)?;
    warn(&report.warnings(), request.lang, err)?;
    write_topics(&plan, request.force, out)?;
    say_written(&plan, request.lang, out)?;
    Ok(())
}

fn import_package(
    request: &ImportRequest,
    paths: &Paths,
    tz: TimeZone,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), ImportError> {
    let collection = anki_package::read(&request.file)?;
    let loaded = progress::load_with_events(paths, &super::settings_schema(), tz)?;
    let options = PackageOptions {
        topic: TopicOptions {
            name: "Default".to_string(),
            source: request.source.clone(),
        },
        fsrs_parameters: loaded.config.fsrs_parameters.clone().unwrap_or_default(),
    };
    let imported = anki::package::convert(&collection, &options).map_err(|source| ImportError::Anki {
        path: request.file.clone(),
        source,
    })?;
    if imported.topics.is_empty() {
        return Err(ImportError::NoCards {
            path: request.file.clone(),
        });
    }
    let plan = plan(request, &imported.topics)?;
    let (new_events, already) = new_events(imported.events, &loaded.events);
    let words = text::of(request.lang);
    warn(&imported.report.text.warnings(), request.lang, err)?;
    warn(
        &package_warnings(&imported.report, &loaded.config),
        request.lang,
        err,
    )?;
    write_topics(&plan, request.force, out)?;
    let log = EventLog::new(&paths.data_dir, import_device());
    log.append_all(&new_events)?;
    let reviews = new_events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Review { .. }))
        .count();
    say_written(&plan, request.lang, out)?;
    writeln!(
        out,
        "{}",
        words.import_history(
            reviews,
            new_events.len() - reviews,
            already,
            &log.path(),
            imported.report.cards
        )
    )?;
    if let Plan::Folder(dir, _) = &plan {
        writeln!(out, "{}", words.import_study_hint(dir))?;
    }
    Ok(())
}

/// Prints `warnings` on `err` in `lang`, one `recall: warning: …` line each.
fn warn(warnings: &[ImportWarning], lang: Lang, err: &mut impl Write) -> std::io::Result<()> {
    let words = text::of(lang);
    for warning in warnings {
        writeln!(
            err,
            "recall: {}: {}",
            words.warning_prefix(),
            words.import_warning(warning)
        )?;
    }
    Ok(())
}

/// The summary of the topic files written (none for standard output, which carries the file itself).
fn say_written(plan: &Plan, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let words = text::of(lang);
    match plan {
        Plan::Stdout(_) => Ok(()),
        Plan::File(path, topic) => writeln!(out, "{}", words.import_wrote_file(path, &topic.id, topic.facts)),
        Plan::Folder(dir, topics) => {
            let counts: Vec<(String, usize)> = topics.iter().map(|t| (t.id.clone(), t.facts)).collect();
            writeln!(out, "{}", words.import_wrote_folder(dir, &counts))
        }
    }
}

impl ImportError {
    /// What the catalogue says for this failure, if it is the import's own (a wrapped load, write or log
    /// error is said where those are).
    pub fn failure(&self) -> Option<ImportFailure<'_>> {
        Some(match self {
            ImportError::Read { path, source } => ImportFailure::Read { path, error: source },
            ImportError::TooLarge { path, size } => ImportFailure::TooLarge {
                path,
                mb: size / 1_000_000,
                max_mb: MAX_BYTES / 1_000_000,
            },
            ImportError::Anki { path, source } => ImportFailure::Anki { path, error: source },
            ImportError::Package(e) => ImportFailure::Package(e),
            ImportError::NoCards { path } => ImportFailure::NoCards { path },
            ImportError::BadSource(source) => ImportFailure::BadSource(source),
            ImportError::SeveralToStdout(n) => ImportFailure::SeveralToStdout(*n),
            ImportError::Interrupted { written, total } => ImportFailure::Interrupted {
                written: *written,
                total: *total,
            },
            _ => return None,
        })
    }
}

/// Where the topics go.
enum Plan {
    /// One topic to standard output.
    Stdout(TopicText),
    /// One topic to a file.
    File(PathBuf, TopicText),
    /// Several topics into a folder, each `<id>.toml`.
    Folder(PathBuf, Vec<TopicText>),
}

/// Decides where each topic goes, validates them all together and checks that nothing is in the way.
fn plan(request: &ImportRequest, topics: &[TopicText]) -> Result<Plan, ImportError> {
    let header = |t: &TopicText| {
        format!(
            "# Imported from {} by `recall import anki`: {} fact(s).\n\n{}",
            file_name(&request.file).escape_debug(),
            t.facts,
            t.toml
        )
    };
    let with_header = |t: &TopicText| TopicText {
        toml: header(t),
        ..t.clone()
    };
    let stem = file_stem(&request.file);
    let folder_wanted = request
        .output
        .as_deref()
        .is_some_and(|p| p.is_dir() || p.to_string_lossy().ends_with('/'));
    let plan = if topics.len() == 1 && !folder_wanted {
        let topic = with_header(&topics[0]);
        match Destination::from_arg(Some(
            &request
                .output
                .clone()
                .unwrap_or_else(|| PathBuf::from(format!("{stem}.toml"))),
        )) {
            Destination::Stdout => Plan::Stdout(topic),
            Destination::File(path) => Plan::File(path, topic),
        }
    } else {
        let dir = request.output.clone().unwrap_or_else(|| PathBuf::from(&stem));
        if dir == Path::new("-") {
            return Err(ImportError::SeveralToStdout(topics.len()));
        }
        Plan::Folder(dir, topics.iter().map(with_header).collect())
    };
    let files: Vec<(PathBuf, &TopicText)> = match &plan {
        Plan::Stdout(t) => vec![(PathBuf::from("-"), t)],
        Plan::File(p, t) => vec![(p.clone(), t)],
        Plan::Folder(dir, ts) => ts
            .iter()
            .map(|t| (dir.join(format!("{}.toml", t.id)), t))
            .collect(),
    };
    validate(&files)?;
    if !request.force {
        for (path, _) in &files {
            if path != Path::new("-") && path.symlink_metadata().is_ok() {
                return Err(WriteError::Exists { path: path.clone() }.into());
            }
        }
    }
    Ok(plan)
}

/// Writes the planned files; a SIGTERM, SIGHUP or SIGINT stops before the next one.
fn write_topics(plan: &Plan, force: bool, out: &mut impl Write) -> Result<(), ImportError> {
    let stop = Arc::new(AtomicBool::new(false));
    let ids: Vec<_> = [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ]
    .into_iter()
    .filter_map(|s| signal_hook::flag::register(s, Arc::clone(&stop)).ok())
    .collect();
    let result = (|| {
        match plan {
            Plan::Stdout(t) => writer::write(&Destination::Stdout, t.toml.as_bytes(), force, out)?,
            Plan::File(path, t) => writer::write_file(path, t.toml.as_bytes(), force)?,
            Plan::Folder(dir, topics) => {
                if !dir.is_dir() {
                    std::fs::create_dir(dir).map_err(|source| WriteError::Io {
                        path: dir.clone(),
                        source,
                    })?;
                }
                for (written, t) in topics.iter().enumerate() {
                    if stop.load(Ordering::SeqCst) {
                        return Err(ImportError::Interrupted {
                            written,
                            total: topics.len(),
                        });
                    }
                    writer::write_file(&dir.join(format!("{}.toml", t.id)), t.toml.as_bytes(), force)?;
                }
            }
        }
        if stop.load(Ordering::SeqCst) {
            let total = match plan {
                Plan::Folder(_, t) => t.len(),
                _ => 1,
            };
            return Err(ImportError::Interrupted {
                written: total,
                total,
            });
        }
        Ok(())
    })();
    for id in ids {
        signal_hook::low_level::unregister(id);
    }
    result
}

/// The events not yet in the log: a known event id is skipped (the same package imported again), and so
/// is a review at the very millisecond of a review of the same card already in the log (recall's own
/// reviews coming back from its `.apkg` export). Returns them and how many were skipped.
fn new_events(events: Vec<Event>, existing: &[Event]) -> (Vec<Event>, usize) {
    let ids: HashSet<&str> = existing.iter().map(|e| e.id.as_str()).collect();
    let reviews: HashSet<(&str, i64)> = existing
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Review { card, .. } => Some((card.as_str(), e.at.as_millisecond())),
            _ => None,
        })
        .collect();
    let total = events.len();
    let fresh: Vec<Event> = events
        .into_iter()
        .filter(|e| !ids.contains(e.id.as_str()))
        .filter(|e| match &e.kind {
            EventKind::Review { card, .. } => !reviews.contains(&(card.as_str(), e.at.as_millisecond())),
            _ => true,
        })
        .collect();
    let skipped = total - fresh.len();
    (fresh, skipped)
}

/// Warnings about what a package import leaves out or schedules differently.
fn package_warnings(report: &PackageReport, config: &crate::core::config::Config) -> Vec<ImportWarning> {
    let mut out = Vec::new();
    if report.media_files > 0 {
        out.push(ImportWarning::MediaFiles(report.media_files));
    }
    if report.suspended > 0 {
        out.push(ImportWarning::Suspended(report.suspended));
    }
    if report.reviews_dropped > 0 {
        out.push(ImportWarning::ReviewsDropped(report.reviews_dropped));
    }
    let params = config.fsrs_parameters.clone().unwrap_or_default();
    for preset in &report.presets {
        let retention_differs = preset.desired_retention > 0.0
            && (preset.desired_retention - config.desired_retention).abs() > 0.001;
        let params_differ = !preset.params.is_empty() && preset.params != params;
        if retention_differs || params_differ {
            out.push(preset_differs(preset, retention_differs, params_differ));
        }
    }
    out
}

/// The settings to copy from an Anki options preset whose FSRS settings differ from recall's.
fn preset_differs(preset: &anki::collection::DeckConfig, retention: bool, params: bool) -> ImportWarning {
    let mut what = Vec::new();
    if retention {
        what.push(format!("desired_retention = {}", preset.desired_retention));
    }
    if params {
        let values: Vec<String> = preset.params.iter().map(|p| format!("{p}")).collect();
        what.push(format!("fsrs_parameters = [{}]", values.join(", ")));
    }
    ImportWarning::PresetDiffers {
        name: preset.name.clone(),
        settings: what.join(", "),
    }
}

/// Whether the file is a zip archive (a package), from its first bytes.
fn is_zip(path: &Path) -> Result<bool, ImportError> {
    let mut magic = [0u8; 4];
    let mut file = std::fs::File::open(path).map_err(|source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let n = file.read(&mut magic).map_err(|source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    Ok(&magic[..n] == b"PK\x03\x04" || matches!(extension.as_str(), "apkg" | "colpkg"))
}

/// The file's stem, as the deck name of a text export without deck information: ` (1)` copies and
/// surrounding spaces removed.
fn deck_name_from_file(path: &Path) -> String {
    let stem = file_stem(path);
    let mut name = stem.trim();
    if let Some(open) = name.rfind(" (")
        && name.ends_with(')')
        && name[open + 2..name.len() - 1].chars().all(|c| c.is_ascii_digit())
    {
        name = name[..open].trim();
    }
    if name.is_empty() {
        "anki".to_string()
    } else {
        name.to_string()
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "anki".to_string(), |s| s.to_string_lossy().into_owned())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}

/// Reads the file, refusing one over [`MAX_BYTES`] before reading it (and one that grows past it).
fn read_limited(path: &Path) -> Result<Vec<u8>, ImportError> {
    let fail = |source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(fail)?;
    let size = file.metadata().map_err(fail)?.len();
    let too_large = |size| ImportError::TooLarge {
        path: path.to_path_buf(),
        size,
    };
    if size > MAX_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(fail)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Loads the generated files together as a deck; any error means the conversion let something through.
fn validate(files: &[(PathBuf, &TopicText)]) -> Result<(), ImportError> {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(path, t)| SourceFile {
            path: path.display().to_string(),
            text: t.toml.clone(),
        })
        .collect();
    let loaded = content::load(&sources);
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ImportError::Invalid(errors.join("\n")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_give_deck_names_without_copy_numbers() {
        assert_eq!(deck_name_from_file(Path::new("Deck (1).txt")), "Deck");
        assert_eq!(deck_name_from_file(Path::new(" .txt")), "anki");
        assert_eq!(
            deck_name_from_file(Path::new("Japanese Core.txt")),
            "Japanese Core"
        );
        assert_eq!(deck_name_from_file(Path::new("Year (2024x).txt")), "Year (2024x)");
    }

    #[test]
    fn the_import_device_is_a_valid_fixed_id() {
        assert_eq!(import_device(), import_device());
    }
}
