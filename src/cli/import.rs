//! `recall import anki FILE`: reads an Anki plain-text export, converts it with `crate::core::anki`,
//! validates the result like any deck (`crate::core::content::load`) and writes the topic file atomically
//! with `crate::io::export` — never over an existing file without `--force`. Any failure writes nothing.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::core::anki::{self, AnkiError, TopicOptions};
use crate::core::content::{self, Severity, SourceFile};
use crate::io::export::{self as writer, Destination, WriteError};

/// The largest file read: Anki text exports of big collections are a few MB; anything near this is not one.
pub const MAX_BYTES: u64 = 32_000_000;

/// The source link facts cite when `--source` is not given.
pub const DEFAULT_SOURCE: &str = "https://apps.ankiweb.net/";

/// What to import and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRequest {
    /// The Anki text export.
    pub file: PathBuf,
    /// `--output`; `None` = `<file stem>.toml` in the current folder, `-` = standard output.
    pub output: Option<PathBuf>,
    /// Replace an existing output file.
    pub force: bool,
    /// The source URL every fact cites.
    pub source: String,
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
    /// `--source` is not a URL the deck format accepts.
    #[error("--source \"{}\" is not an absolute http(s) URL with a host", .0.escape_debug())]
    BadSource(String),
    /// The converted topic does not pass the deck validator (a bug: the conversion should prevent it).
    #[error("the converted deck does not validate:\n{0}")]
    Invalid(String),
    /// The topic file could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// Printing failed.
    #[error(transparent)]
    Output(#[from] std::io::Error),
}

/// Imports `request.file`; warnings go to `err`, the `Wrote …` line (or the TOML, for `-`) to `out`.
pub fn run(request: &ImportRequest, out: &mut impl Write, err: &mut impl Write) -> Result<(), ImportError> {
    if !content::validate::is_valid_url(&request.source) {
        return Err(ImportError::BadSource(request.source.clone()));
    }
    let destination = Destination::from_arg(Some(&output_path(request)));
    if let Destination::File(path) = &destination
        && !request.force
        && path.symlink_metadata().is_ok()
    {
        return Err(WriteError::Exists { path: path.clone() }.into());
    }
    let bytes = read_limited(&request.file)?;
    let options = TopicOptions {
        name: file_stem(&request.file),
        source: request.source.clone(),
    };
    let (toml, report) = anki::import(&bytes, &options).map_err(|source| ImportError::Anki {
        path: request.file.clone(),
        source,
    })?;
    let text = format!(
        "# Imported from {} by `recall import anki`: {} fact(s).\n\n{toml}",
        file_name(&request.file).escape_debug(),
        report.facts
    );
    validate(&text, &destination)?;
    for warning in report.warnings() {
        writeln!(err, "recall: warning: {warning}")?;
    }
    writer::write(&destination, text.as_bytes(), request.force, out)?;
    if let Destination::File(path) = &destination {
        writeln!(
            out,
            "Wrote {} (topic `{}`, {} facts).",
            path.display(),
            report.topic,
            report.facts
        )?;
    }
    Ok(())
}

/// `--output`, or `<file stem>.toml` in the current folder.
fn output_path(request: &ImportRequest) -> PathBuf {
    request
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.toml", file_stem(&request.file))))
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

/// Loads the generated text as a deck file; any error means the conversion let something through.
fn validate(text: &str, destination: &Destination) -> Result<(), ImportError> {
    let path = match destination {
        Destination::File(p) => p.display().to_string(),
        Destination::Stdout => "-".to_string(),
    };
    let loaded = content::load(&[SourceFile {
        path,
        text: text.to_string(),
    }]);
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
