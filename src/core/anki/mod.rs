//! Bringing decks in from Anki: its plain-text export ("Notes in Plain Text", `.txt`) → the text of one
//! recall topic file.
//!
//! [`text_file`] reads the headers and the notes, [`html`] turns each field into plain text the deck
//! validator accepts, [`topic`] builds the TOML. Pure: the command (`crate::cli::import`) reads the file,
//! validates the result with `crate::core::content::load` like any deck and writes it atomically.
//! recall's own `recall export --format anki` is such a file, so the two round-trip.

pub mod html;
pub mod text_file;
pub mod topic;

pub use topic::{Report, TopicOptions};

/// Why a file cannot be imported. Line numbers are 1-based lines of the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnkiError {
    /// A zip archive: Anki's `.apkg`/`.colpkg` packages are zips.
    #[error(
        "this is a zip archive (an .apkg or .colpkg package?); recall reads Anki's plain-text export: in Anki, File → Export → Notes in Plain Text (.txt)"
    )]
    Package,
    /// Not UTF-8 text, or text with NUL bytes.
    #[error(
        "this is not a text file (byte {offset} is not UTF-8 text or is a NUL); recall reads Anki's plain-text export (.txt)"
    )]
    Binary {
        /// The first offending byte's offset.
        offset: usize,
    },
    /// A header line with a value recall cannot use.
    #[error("line {line}: {message}")]
    BadHeader {
        /// The header's line.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A note line lacks a column the header names, or has fewer than two fields.
    #[error(
        "line {line}: {found} field(s), but {needed}; is this an Anki text export, with the separator its #separator line names?"
    )]
    MissingColumn {
        /// The note's line.
        line: u64,
        /// How many fields the line has.
        found: usize,
        /// Which column is missing.
        needed: String,
    },
    /// Broken quoting the CSV reader cannot get past.
    #[error("line {line}: {message}")]
    Syntax {
        /// Where.
        line: u64,
        /// The reader's message.
        message: String,
    },
    /// No note survived (an empty file, or only headers and comments, or every note empty).
    #[error("no notes to import: the file has no line with a front and a back")]
    NoNotes,
}

/// Converts the bytes of an Anki text export into a topic file's TOML text, with what was dropped.
pub fn import(bytes: &[u8], options: &TopicOptions) -> Result<(String, Report), AnkiError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(AnkiError::Package);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| AnkiError::Binary {
        offset: e.valid_up_to(),
    })?;
    if let Some(offset) = text.find('\0') {
        return Err(AnkiError::Binary { offset });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (header, notes) = text_file::read(text)?;
    let (toml, report) = topic::topic_toml(&header, &notes, options);
    if report.facts == 0 {
        return Err(AnkiError::NoNotes);
    }
    Ok((toml, report))
}
