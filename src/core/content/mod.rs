//! Deck content: topic files (TOML) → a validated, indexed [`Deck`].
//!
//! The pipeline is `parse` (spanned TOML tree) → [`schema`] (unknown keys) → [`raw`] (serde mirror of the
//! file) → [`validate`] (typed, checked items) → [`Deck`] (sorted and indexed by global id). Every step reports
//! into [`Diagnostic`]s with `path:line:col` instead of failing fast. This module does no I/O: callers hand
//! it the files' text (the embedded bundled deck, or a folder read by `crate::io`).

pub mod diagnostic;
pub mod model;
pub mod raw;
mod schema;
pub mod text;
pub mod validate;

use std::borrow::Borrow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use serde::Deserialize;
use serde::de::IntoDeserializer;
use toml::de::DeTable;

pub use diagnostic::{Diagnostic, Position, Rule, Severity};
pub use model::{
    Choice, Compare, CompareRow, Deck, Fact, Item, ItemKind, ItemRef, Scenario, Section, Topic, global_id,
};
pub use text::{Keywords, Lang, Text};

use diagnostic::Reporter;
use raw::RawFile;

/// One deck file's name and contents.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path shown in diagnostics.
    pub path: String,
    /// The file's text.
    pub text: String,
}

/// The outcome of loading: the deck built from everything valid, and every problem found.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Topics and items that passed validation.
    pub deck: Deck,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// How many diagnostics are errors, and how many warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        (errors, self.diagnostics.len() - errors)
    }

    /// The deck, or an error listing every problem that blocks it under `strict`.
    pub fn into_deck(self, strict: bool) -> Result<(Deck, Vec<Diagnostic>), DeckError> {
        if self.diagnostics.iter().any(|d| d.is_fatal(strict)) {
            return Err(DeckError::Invalid {
                diagnostics: self.diagnostics,
            });
        }
        Ok((self.deck, self.diagnostics))
    }
}

/// Why a deck cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum DeckError {
    /// Validation found errors (or warnings, under `--strict`).
    #[error("the deck has {} problem(s); run `recall check` to see them", diagnostics.len())]
    Invalid {
        /// Every problem found.
        diagnostics: Vec<Diagnostic>,
    },
}

/// Loads and validates a deck from its files. Never panics, whatever the input.
///
/// Each file is parsed and validated on its own, so the files are spread over the cores; only the check
/// across files (duplicate topic ids) runs afterwards, in file order, so the diagnostics come out in the
/// same order as from a sequential load.
pub fn load(files: &[SourceFile]) -> Loaded {
    load_all(files.iter().collect())
}

/// [`load`], taking the files: each file's text is freed as soon as it is checked, which keeps the peak
/// memory of a big deck's load near the size of its files instead of the files plus the deck.
pub fn load_owned(files: Vec<SourceFile>) -> Loaded {
    load_all(files)
}

fn load_all<F: Borrow<SourceFile> + Send>(files: Vec<F>) -> Loaded {
    let mut diagnostics = Vec::new();
    let mut topics: Vec<(model::Topic, String, Position)> = Vec::new();
    for mut checked in check_files(files) {
        if let Some((topic, at)) = checked.topic {
            if let Some((_, first_path, first_at)) = topics.iter().find(|(t, ..)| t.id == topic.id) {
                checked.diagnostics.push(Diagnostic {
                    path: checked.path,
                    position: Some(at),
                    severity: Severity::Error,
                    rule: Rule::DuplicateId,
                    message: format!("duplicate topic id `{}`", topic.id),
                    hint: Some(format!(
                        "already used at {first_path}:{}:{}",
                        first_at.line, first_at.col
                    )),
                });
            } else {
                topics.push((topic, checked.path, at));
            }
        }
        diagnostics.append(&mut checked.diagnostics);
    }
    Loaded {
        deck: Deck::new(topics.into_iter().map(|(t, ..)| t).collect()),
        diagnostics,
    }
}

/// Parses and validates every file, on as many threads as there are cores (and files); results in file order.
/// A file is dropped as soon as it is checked.
///
/// Plain scoped threads pulling the next file from a counter: a deck has a handful of files of very
/// different sizes, and idle threads must not spin on a machine whose cores are busy with other work.
fn check_files<F: Borrow<SourceFile> + Send>(files: Vec<F>) -> Vec<CheckedFile> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files.len());
    if workers <= 1 {
        return files.into_iter().map(|f| check_file(f.borrow())).collect();
    }
    let slots: Vec<Mutex<Option<F>>> = files.into_iter().map(|f| Mutex::new(Some(f))).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(slot) = slots.get(i) else {
                return done;
            };
            let file = slot
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take()
                .expect("each file is taken once");
            done.push((i, check_file(file.borrow())));
        }
    };
    let mut checked: Vec<(usize, CheckedFile)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            all.extend(helper.join().expect("checking a file never panics"));
        }
        all
    });
    checked.sort_by_key(|(i, _)| *i);
    checked.into_iter().map(|(_, c)| c).collect()
}

/// One file, parsed and validated: its path, its topic (with where its id is) if it has one, and its
/// diagnostics.
struct CheckedFile {
    path: String,
    topic: Option<(model::Topic, Position)>,
    diagnostics: Vec<Diagnostic>,
}

fn check_file(file: &SourceFile) -> CheckedFile {
    let mut reporter = Reporter::new(&file.path, &file.text);
    let topic = load_file(file, &mut reporter).map(|(topic, id_span)| {
        let at = reporter.position(&id_span);
        (topic, at)
    });
    CheckedFile {
        path: file.path.clone(),
        topic,
        diagnostics: reporter.diagnostics,
    }
}

fn load_file(
    file: &SourceFile,
    reporter: &mut Reporter<'_>,
) -> Option<(model::Topic, std::ops::Range<usize>)> {
    let (doc, syntax_errors) = DeTable::parse_recoverable(&file.text);
    if !syntax_errors.is_empty() {
        for e in syntax_errors {
            let span = e.span().unwrap_or(0..0);
            reporter
                .error(
                    &span,
                    Rule::TomlSyntax,
                    format!("invalid TOML: {}", e.message().trim()),
                )
                .hint("see https://toml.io for the syntax");
        }
        return None;
    }
    schema::check_unknown_keys(doc.get_ref(), reporter);
    let raw = match RawFile::deserialize(doc.into_deserializer()) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            reporter.error(&span, Rule::WrongType, e.message().trim().to_string());
            return None;
        }
    };
    let id_span = raw
        .topic
        .as_ref()
        .and_then(|t| t.get_ref().id.as_ref())
        .map_or(0..0, |id| id.span());
    validate::validate_file(raw, &file.path, reporter).map(|t| (t, id_span))
}
