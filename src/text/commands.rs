//! The words of the headless commands' reports and failures: `recall import anki`, the settings file,
//! `recall check`'s diagnostics, and the errors of the data folder, the log and the study lock.
//!
//! A separate trait from [`super::Catalog`] (which requires it) so that each language keeps these long
//! messages in a file of their own (`ko/commands.rs`, `en/commands.rs`) next to its interface words.
//! Every method takes the typed error core or io made, never an English string to translate.

use std::path::Path;

use crate::core::anki::{AnkiError, ImportWarning};
use crate::core::config::ConfigProblem;
use crate::core::content::diagnostic::{Diagnostic, Severity};
use crate::io::anki_package::PackageError;

/// Why `recall import anki` stopped, as the command found it (see `crate::cli::import::ImportError`).
#[derive(Debug)]
pub enum ImportFailure<'a> {
    /// The file could not be read.
    Read {
        /// The file.
        path: &'a Path,
        /// The OS error.
        error: &'a std::io::Error,
    },
    /// A text export over the size limit.
    TooLarge {
        /// The file.
        path: &'a Path,
        /// Its size in MB.
        mb: u64,
        /// The limit in MB.
        max_mb: u64,
    },
    /// Not an Anki text export recall can read.
    Anki {
        /// The file.
        path: &'a Path,
        /// What is wrong.
        error: &'a AnkiError,
    },
    /// A package recall cannot read.
    Package(&'a PackageError),
    /// A package with no card recall can show.
    NoCards {
        /// The package.
        path: &'a Path,
    },
    /// `--source` is not an http(s) URL.
    BadSource(&'a str),
    /// Several topics asked for on standard output.
    SeveralToStdout(usize),
    /// A signal stopped the import.
    Interrupted {
        /// Files written.
        written: usize,
        /// Files planned.
        total: usize,
    },
}

/// Other failures a learner meets on the command line, outside the deck and the import.
#[derive(Debug)]
pub enum DataFailure<'a> {
    /// `config.toml` (or another file of the data folder) could not be read or written.
    Access {
        /// The file.
        path: &'a Path,
        /// The OS error.
        error: &'a std::io::Error,
    },
    /// An output file's folder does not exist.
    NoFolder {
        /// The file that was to be written.
        path: &'a Path,
    },
    /// A log line written by a newer recall.
    FutureSchema {
        /// The log file.
        path: &'a Path,
        /// Its line.
        line: usize,
        /// The line's schema version.
        version: u32,
        /// The newest version this recall reads.
        supported: u32,
    },
}

/// The headless commands' words in one language.
pub trait CommandWords {
    /// `recall import anki` wrote one topic file.
    fn import_wrote_file(&self, path: &Path, topic: &str, facts: usize) -> String;
    /// `recall import anki` wrote several topic files (`(id, facts)` each) into `dir`.
    fn import_wrote_folder(&self, dir: &Path, topics: &[(String, usize)]) -> String;
    /// A package's review history was added to the log.
    fn import_history(
        &self,
        reviews: usize,
        changes: usize,
        already: usize,
        log: &Path,
        cards: usize,
    ) -> String;
    /// How to study an imported folder.
    fn import_study_hint(&self, dir: &Path) -> String;
    /// Something the import left out or changed.
    fn import_warning(&self, warning: &ImportWarning) -> String;
    /// Why the import stopped.
    fn import_failure(&self, failure: &ImportFailure<'_>) -> String;

    /// A problem in `config.toml` (its position is printed before it).
    fn config_problem(&self, problem: &ConfigProblem) -> String;
    /// How to fix a problem in `config.toml`.
    fn config_hint(&self, problem: &ConfigProblem) -> Option<String>;
    /// The label of a hint line (`= hint: …`).
    fn hint_label(&self) -> &'static str;

    /// A deck diagnostic as `recall check` prints it: `path:line:col: level: message [rule]` and a hint
    /// line. The path, position and rule name stay as they are, for editors that jump to them.
    fn diagnostic(&self, diagnostic: &Diagnostic) -> String;
    /// What a diagnostic's level is called.
    fn severity(&self, severity: Severity) -> &'static str;
    /// `recall check --strict` fails on warnings: the line under the diagnostics, or `None` where the
    /// summary line already says it (Korean: `실패 — … 경고 3개 (엄격 모드)`).
    fn strict_failed(&self, warnings: usize) -> Option<String>;

    /// A data-folder, log or output failure.
    fn data_failure(&self, failure: &DataFailure<'_>) -> String;
}
