//! `recall export`: builds an export with `crate::core::progress::export` and writes it with
//! `crate::io::export` — to standard output, or atomically to `--output PATH` (never over an existing file
//! without `--force`).

use std::io::Write;
use std::path::PathBuf;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::core::content::{Deck, Lang};
use crate::core::progress::export::{self, ExportError, ExportFormat, ExportInput, ExportWhat};
use crate::io::export::{self as writer, Destination, WriteError};
use crate::io::paths::Paths;
use crate::io::progress::{self, LoadError};

/// What to export and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    /// File format.
    pub format: ExportFormat,
    /// Cards, reviews or exams.
    pub what: ExportWhat,
    /// `--output`; `None` or `-` is standard output.
    pub output: Option<PathBuf>,
    /// Replace an existing output file.
    pub force: bool,
    /// Language of deck text; `None` = the configured language.
    pub lang: Option<Lang>,
}

/// Why `recall export` failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportCommandError {
    /// The settings or the log could not be loaded.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The export could not be built.
    #[error(transparent)]
    Build(#[from] ExportError),
    /// The export could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The Anki package could not be built.
    #[error(transparent)]
    Package(#[from] crate::io::anki_package::PackageWriteError),
    /// An Anki package asked for on standard output.
    #[error("an .apkg is a binary file: name it with --output FILE.apkg")]
    PackageToStdout,
    /// Printing failed.
    #[error(transparent)]
    Output(#[from] std::io::Error),
}

/// Loads the progress in `paths` (study days in `tz`), builds the export at `now` and writes it; a note
/// naming the file goes to `out` when writing a file. Skipped log lines are reported on `err`.
#[allow(clippy::too_many_arguments)]
pub fn run(
    deck: &Deck,
    paths: &Paths,
    tz: TimeZone,
    now: Timestamp,
    request: &ExportRequest,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), ExportCommandError> {
    let destination = Destination::from_arg(request.output.as_deref());
    if request.format == ExportFormat::Apkg && destination == Destination::Stdout {
        return Err(ExportCommandError::PackageToStdout);
    }
    if let Destination::File(path) = &destination
        && !request.force
        && path.symlink_metadata().is_ok()
    {
        // Refuse before loading anything; the write refuses again atomically.
        return Err(WriteError::Exists { path: path.clone() }.into());
    }
    let loaded = progress::load_with_events(paths, &super::settings_schema(), tz)?;
    let input = ExportInput {
        deck,
        progress: &loaded.progress,
        events: &loaded.events,
        scheduler: &loaded.scheduler,
        now,
        lang: request.lang.unwrap_or(loaded.config.language),
    };
    let lang = input.lang;
    super::warn_skipped(&loaded, lang, err)?;
    let bytes = if request.format == ExportFormat::Apkg {
        let decay = loaded
            .config
            .fsrs_parameters
            .as_ref()
            .and_then(|p| p.get(20).copied())
            .unwrap_or(fsrs::FSRS6_DEFAULT_DECAY);
        crate::io::anki_package::write(&export::apkg::package(&input, decay))?
    } else {
        export::export(&input, request.format, request.what)?
    };
    writer::write(&destination, &bytes, request.force, out)?;
    if let Destination::File(path) = &destination {
        writeln!(out, "{}", crate::text::of(lang).wrote(path))?;
    }
    Ok(())
}
