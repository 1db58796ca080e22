//! Bringing decks in from Anki: its plain-text export ("Notes in Plain Text", `.txt`) and its packages
//! (`.apkg`, `.colpkg`) → recall topic files, one per Anki deck, and (from a package) the review history as
//! progress events.
//!
//! [`text_file`] reads a text export's headers and notes and [`notes`] makes their cards; a package's
//! collection arrives as [`collection::Collection`] (read by `crate::io::anki_package`, its JSON and
//! protobuf columns decoded by [`schema`]) and [`package`] makes its cards ([`sides`] picks the fields a
//! template shows, [`cloze`] hides deletions) and events ([`revlog`], read as Anki's FSRS reads it).
//! [`html`] turns each field into plain text the deck validator accepts, [`ids`] gives stable topic and
//! item ids, [`topic`] builds the TOML. Pure: the command (`crate::cli::import`) reads the file, validates
//! the result with `crate::core::content::load` like any deck and writes it atomically. recall's own
//! `recall export --format anki` is such a text file, so the two round-trip.

pub mod cloze;
pub mod collection;
pub mod html;
pub mod ids;
pub mod notes;
pub mod package;
pub mod revlog;
pub mod schema;
pub mod sides;
pub mod text_file;
pub mod topic;

pub use package::{PackageImport, PackageOptions, PackageReport};
pub use topic::{FactSource, ImportWarning, Report, TopicOptions, TopicText};

/// Why a file cannot be imported. Line numbers are 1-based lines of the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnkiError {
    /// A zip archive given as a text export (packages are read by `crate::io::anki_package`).
    #[error(
        "this is a zip archive, not a text export; name it .apkg or .colpkg to import it as an Anki package"
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
    #[error("line {line}: {problem}")]
    BadHeader {
        /// The header's line.
        line: u64,
        /// What is wrong.
        problem: HeaderProblem,
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
        needed: Needed,
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
    /// recall's FSRS parameters cannot estimate memory states (a bad `fsrs_parameters` setting).
    #[error("recall's FSRS parameters are not usable: {0}")]
    Parameters(String),
}

/// What is wrong with a `#key:value` header line; typed so that each language can say it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HeaderProblem {
    /// `#separator:` names no separator Anki writes.
    #[error("unknown separator \"{}\"; Anki writes Tab, Comma, Semicolon, Space, Pipe or Colon", .0.escape_debug())]
    Separator(String),
    /// `#… column:` is not a column number from 1.
    #[error("`#{key}` needs a column number from 1, not \"{}\"", value.escape_debug())]
    Column {
        /// The header key (`deck column`).
        key: String,
        /// What it says.
        value: String,
    },
}

/// What a note line lacks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Needed {
    /// The header names a column (`#tags`, `#guid`…) the line does not reach.
    #[error("the {name} column is column {column}")]
    Column {
        /// The column's header name (`#tags`).
        name: &'static str,
        /// Its 1-based number.
        column: usize,
    },
    /// Fewer than two fields.
    #[error("a note needs a front and a back field")]
    FrontAndBack,
}

/// Converts the bytes of an Anki text export into topic files (one per deck), with what was dropped.
pub fn import(bytes: &[u8], options: &TopicOptions) -> Result<(Vec<TopicText>, Report), AnkiError> {
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
    let mut report = Report::default();
    let topics = topic::topics(&notes::text_cards(&header, &notes), options, &mut report);
    if report.facts == 0 {
        return Err(AnkiError::NoNotes);
    }
    Ok((topics, report))
}
