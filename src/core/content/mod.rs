//! Deck content: topic files (TOML) → a validated, indexed [`Deck`].
//!
//! The pipeline is `parse` (spanned TOML tree) → `schema` (unknown keys and wrong types, which it removes)
//! → [`raw`] (serde mirror of the file) → [`validate`] (typed, checked items; with [`LoadOptions`], also how
//! fresh each item's `checked` month is) → [`Deck`] (sorted and indexed by global id). Every step reports
//! into [`Diagnostic`]s with `path:line:col` instead of failing fast. This module does no I/O and reads no
//! clock: callers hand it the files (the embedded bundled deck, or a folder's files that `crate::io` reads
//! through [`DeckFile`] when a worker thread asks for them) and, for `--stale`, the current month.
//! A file named `glossary.toml` is the deck's glossary ([`glossary_file`]), not a topic.

mod chunks;
pub mod cues;
pub mod diagnostic;
pub mod glossary;
pub mod glossary_file;
pub mod model;
pub mod month;
mod parse_budget;
pub mod raw;
mod schema;
pub mod text;
pub mod validate;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use serde::de::IntoDeserializer;
use serde::{Deserialize, Serialize};
use toml::de::DeTable;

pub use diagnostic::{Diagnostic, Position, Rule, Severity};
pub use glossary::{Glossary, GlossaryTerm};
pub use model::{
    Choice, Compare, CompareRow, Deck, Fact, Item, ItemKind, ItemRef, Scenario, Section, Topic, global_id,
};
pub use month::{Freshness, YearMonth};
pub use text::{Keywords, Lang, Text};

use diagnostic::Reporter;
use parse_budget::{PARSE_BUDGET_BYTES, ParseBudget};
use raw::{RawFile, Shift};
use schema::Removed;

/// The size of the pieces a big topic file is cut into to parse (see [`chunks`]): big enough that a piece
/// holds many items, small enough that the parser's memory for the pieces in flight stays a few megabytes.
const PIECE_BYTES: usize = 1 << 20;

/// One deck file's name and contents.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path shown in diagnostics.
    pub path: String,
    /// The file's text.
    pub text: String,
}

/// A deck file as the loader takes it: already in memory ([`SourceFile`]), or still to be read.
///
/// The loader opens each file on the worker thread that checks it and drops its text as soon as it is
/// checked, so a big deck's files are never all in memory at once. The reading itself is the caller's:
/// `crate::io` implements this for files on disk.
pub trait DeckFile: Send {
    /// Runs `check` on the file's text, or says why the file cannot be read.
    fn with_text<R>(&self, check: impl FnOnce(&SourceFile) -> R) -> Result<R, Diagnostic>;

    /// What checking this very file (same contents, same options, same program) gave before, if the caller
    /// kept it (`crate::io::deck_cache`): the loader then skips reading and checking the file.
    fn checked_before(&self) -> Option<CheckedFile> {
        None
    }

    /// Offers the result of checking the file, for [`checked_before`](Self::checked_before) next time.
    fn keep(&self, _checked: &CheckedFile) {}
}

impl DeckFile for SourceFile {
    fn with_text<R>(&self, check: impl FnOnce(&SourceFile) -> R) -> Result<R, Diagnostic> {
        Ok(check(self))
    }
}

impl DeckFile for &SourceFile {
    fn with_text<R>(&self, check: impl FnOnce(&SourceFile) -> R) -> Result<R, Diagnostic> {
        Ok(check(self))
    }
}

/// The outcome of loading: the deck built from everything valid, and every problem found.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Topics and items that passed validation.
    pub deck: Deck,
    /// Errors and warnings, file by file, each file's in line order.
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

/// What loading checks beyond the format's own rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Warn about facts and scenarios not checked within this window (`recall check --stale MONTHS`).
    pub freshness: Option<Freshness>,
    /// Do not look for answers given away by other prompts (`gives-away`): a warning only `recall check`
    /// shows, and a seventh of the load's time on a 100,000-item deck. Commands that drop warnings set it.
    pub skip_give_aways: bool,
    /// Check the files one after the other on the calling thread, for a caller that loads the deck beside
    /// other work on every core (`recall stats` replays the log meanwhile): more threads would only take
    /// time from that work.
    pub one_thread: bool,
}

/// Loads and validates a deck from its files. Never panics, whatever the input.
///
/// Each file is parsed and validated on its own, so the files are spread over the cores; only the check
/// across files (duplicate topic ids) runs afterwards, in file order, so the diagnostics come out in the
/// same order as from a sequential load.
pub fn load(files: &[SourceFile]) -> Loaded {
    load_with(files, &LoadOptions::default())
}

/// [`load`], with the extra checks of `options`.
pub fn load_with(files: &[SourceFile], options: &LoadOptions) -> Loaded {
    load_all(files.iter().collect(), options)
}

/// [`load_with`], taking the files: each is read when a worker reaches it and its text is freed as soon as
/// it is checked, which keeps the peak memory of a big deck's load near the deck plus the files being
/// checked instead of every file plus the deck.
pub fn load_files<F: DeckFile>(files: Vec<F>, options: &LoadOptions) -> Loaded {
    load_all(files, options)
}

fn load_all<F: DeckFile>(files: Vec<F>, options: &LoadOptions) -> Loaded {
    assemble(check_files(files, options))
}

/// The deck from its checked files, in file order, and the check across files (duplicate topic ids).
fn assemble(files: Vec<CheckedFile>) -> Loaded {
    let mut diagnostics = Vec::new();
    let mut topics: Vec<(model::Topic, String, Position)> = Vec::new();
    let mut glossary = Glossary::default();
    for mut checked in files {
        if let Some(found) = checked.glossary {
            glossary = found;
        }
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
        deck: Deck::new(topics.into_iter().map(|(t, ..)| t).collect()).with_glossary(glossary),
        diagnostics,
    }
}

/// Reads, parses and validates every file, on as many threads as there are cores (and files); results in
/// file order. A file is dropped as soon as it is checked.
fn check_files<F: DeckFile>(files: Vec<F>, options: &LoadOptions) -> Vec<CheckedFile> {
    check_files_in_pieces(files, options, PIECE_BYTES)
}

/// [`check_files`], cutting files into pieces of about `piece_bytes` (tests use small pieces).
fn check_files_in_pieces<F: DeckFile>(
    files: Vec<F>,
    options: &LoadOptions,
    piece_bytes: usize,
) -> Vec<CheckedFile> {
    let checker = Checker {
        options,
        parse_budget: ParseBudget::new(PARSE_BUDGET_BYTES),
        piece_bytes,
    };
    let slots: Vec<Mutex<Option<F>>> = files.into_iter().map(|f| Mutex::new(Some(f))).collect();
    in_parallel(&slots, threads(options), |slot| {
        let file = slot
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
            .expect("each file is taken once");
        checker.open_and_check(file)
    })
}

/// One file, parsed and validated: its path, its topic (with where its id is) if it has one, the glossary if
/// it is the glossary file, and its diagnostics. What a [`DeckFile`] may keep to skip the work next time.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CheckedFile {
    path: String,
    topic: Option<(model::Topic, Position)>,
    glossary: Option<Glossary>,
    diagnostics: Vec<Diagnostic>,
}

impl CheckedFile {
    /// The same result for the same file named `path` (it may be spelt differently from when it was kept).
    pub fn named(mut self, path: &str) -> CheckedFile {
        if self.path != path {
            self.path = path.to_string();
            if let Some((topic, _)) = &mut self.topic {
                topic.path = path.to_string();
            }
            for d in &mut self.diagnostics {
                d.path = path.to_string();
            }
        }
        self
    }
}

/// What every worker shares while checking files.
struct Checker<'a> {
    options: &'a LoadOptions,
    /// How much TOML may be parsing at once.
    parse_budget: ParseBudget,
    /// The size of the pieces big files are cut into.
    piece_bytes: usize,
}

impl Checker<'_> {
    fn open_and_check(&self, file: impl DeckFile) -> CheckedFile {
        if let Some(checked) = file.checked_before() {
            return checked;
        }
        let keep = |checked: &CheckedFile| file.keep(checked);
        file.with_text(|text| {
            let checked = self.check_file(text);
            keep(&checked);
            checked
        })
        .unwrap_or_else(|unreadable| CheckedFile {
            path: unreadable.path.clone(),
            topic: None,
            glossary: None,
            diagnostics: vec![unreadable],
        })
    }

    fn check_file(&self, file: &SourceFile) -> CheckedFile {
        let mut reporter = Reporter::new(&file.path, &file.text);
        let (mut topic, mut glossary) = (None, None);
        if glossary_file::is_glossary(&file.path) {
            glossary = Some(glossary_file::load(&file.text, &mut reporter));
        } else {
            topic = self.load_file(file, &mut reporter).map(|(topic, id_span)| {
                let at = reporter.position(&id_span);
                (topic, at)
            });
        }
        // The schema walk and the validator each go through the file in their own order; show it top down.
        reporter.diagnostics.sort_by_key(|d| d.position);
        CheckedFile {
            path: file.path.clone(),
            topic,
            glossary,
            diagnostics: reporter.diagnostics,
        }
    }

    fn load_file(
        &self,
        file: &SourceFile,
        reporter: &mut Reporter<'_>,
    ) -> Option<(model::Topic, std::ops::Range<usize>)> {
        let (raw, removed) = self.parse_file(file, reporter)?;
        let id_span = raw
            .topic
            .as_ref()
            .and_then(|t| t.get_ref().id.as_ref())
            .map_or(0..0, |id| id.span());
        validate::validate_file(raw, &file.path, &removed, self.options, reporter).map(|t| (t, id_span))
    }

    /// Parses a topic file into its raw tables: in pieces side by side when it is big (see [`chunks`]), else
    /// whole. A piece with a syntax error sends the file back to a whole parse, whose errors are the ones to
    /// report.
    fn parse_file(&self, file: &SourceFile, reporter: &mut Reporter<'_>) -> Option<(RawFile, Removed)> {
        if let Some(pieces) = chunks::split(&file.text, self.piece_bytes)
            && let Some(parsed) = self.parse_pieces(file, &pieces, reporter)
        {
            return Some(parsed);
        }
        self.parse_whole(&file.text, reporter)
    }

    fn parse_whole(&self, text: &str, reporter: &mut Reporter<'_>) -> Option<(RawFile, Removed)> {
        self.parse_text(text, reporter, Syntax::Report)
    }

    /// Parses `text` (a whole file, or a piece of one whose reporter knows where it starts) and checks its
    /// schema. `None` after a syntax error, which is reported unless `syntax` says otherwise.
    fn parse_text(
        &self,
        text: &str,
        reporter: &mut Reporter<'_>,
        syntax: Syntax,
    ) -> Option<(RawFile, Removed)> {
        // The parsed document, several times the text's size, lives until it is deserialized: the budget is
        // held until then, not only while the parser runs, or two big documents would coexist.
        let permit = self.parse_budget.reserve(text.len());
        let (mut doc, syntax_errors) = DeTable::parse_recoverable(text);
        if !syntax_errors.is_empty() {
            if syntax == Syntax::Report {
                report_syntax_errors(text, &syntax_errors, reporter);
            }
            return None;
        }
        let removed = schema::check(&mut doc, reporter);
        let raw = match RawFile::deserialize(doc.into_deserializer()) {
            Ok(raw) => raw,
            Err(e) => {
                // The schema walk removes every value of the wrong type, so this is a safety net only.
                let span = e.span().unwrap_or(0..0);
                reporter.error(&span, Rule::WrongType, e.message().trim().to_string());
                return None;
            }
        };
        drop(permit);
        Some((raw, removed))
    }

    /// Parses the pieces of one file on as many threads as there are cores, and joins them into the file's
    /// raw tables with the file's spans. `None` if any piece has a syntax error (nothing is reported then).
    fn parse_pieces(
        &self,
        file: &SourceFile,
        pieces: &[std::ops::Range<usize>],
        reporter: &mut Reporter<'_>,
    ) -> Option<(RawFile, Removed)> {
        let index = reporter.line_index();
        let parse_piece = |piece: &std::ops::Range<usize>| {
            let mut piece_reporter = Reporter::for_piece(&file.path, index, piece.start);
            let parsed = self.parse_text(&file.text[piece.clone()], &mut piece_reporter, Syntax::Quiet);
            parsed.map(|(raw, removed)| (raw.shift(piece.start), removed, piece_reporter.diagnostics))
        };
        // All or nothing: after a syntax error in any piece, the whole parse reports everything afresh.
        let parsed: Vec<_> = in_parallel(pieces, threads(self.options), parse_piece)
            .into_iter()
            .collect::<Option<_>>()?;
        // Room for every item at once: grown piece by piece, the lists would keep up to twice their size.
        let mut joined = (
            RawFile::with_room_for(parsed.iter().map(|(raw, ..)| raw)),
            Removed::default(),
        );
        for (piece, (raw, removed, mut diagnostics)) in pieces.iter().zip(parsed) {
            joined.0.append(raw);
            joined.1.append_piece(removed, piece.start);
            reporter.diagnostics.append(&mut diagnostics);
        }
        Some(joined)
    }
}

/// Whether a parse reports its syntax errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Report,
    Quiet,
}

/// How many threads loading may use: as many as there are cores, or one when the caller needs the others.
fn threads(options: &LoadOptions) -> usize {
    if options.one_thread {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// `work` applied to each of `jobs` on up to `threads` threads (at most one per job); results in job order.
///
/// Plain scoped threads pulling the next job from a counter: a deck has a handful of files of very different
/// sizes, and idle threads must not spin on a machine whose cores are busy with other work.
fn in_parallel<J: Sync, R: Send>(jobs: &[J], threads: usize, work: impl Fn(&J) -> R + Sync) -> Vec<R> {
    let workers = threads.min(jobs.len());
    if workers <= 1 {
        return jobs.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let run = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(i) else {
                return done;
            };
            done.push((i, work(job)));
        }
    };
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers).map(|_| scope.spawn(run)).collect();
        let mut all = run();
        for helper in helpers {
            all.extend(helper.join().expect("a job never panics"));
        }
        all
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Reports the TOML syntax errors of a file, with a hint for the mistakes deck authors make most.
fn report_syntax_errors(text: &str, errors: &[toml::de::Error], reporter: &mut Reporter<'_>) {
    // After `[scenario.choice]` is reported as written twice, the parser also calls each key of the second
    // table a duplicate; those follow from the same mistake and are left out.
    let mut inside_repeated_table = false;
    for e in errors {
        let span = e.span().unwrap_or(0..0);
        let message = format!("invalid TOML: {}", e.message().trim());
        let line_start = text
            .get(..span.start)
            .and_then(|before| before.rfind('\n'))
            .map_or(0, |i| i + 1);
        let line = text[line_start..].lines().next().unwrap_or_default().trim();
        if line.starts_with('[') {
            inside_repeated_table = false;
        } else if inside_repeated_table && message.ends_with("duplicate key") {
            continue;
        }
        if let Some(header) = schema::single_bracket_header(line) {
            inside_repeated_table = true;
            reporter
                .error(
                    &(line_start..line_start),
                    Rule::TableBrackets,
                    format!("{message}: `{line}` appears twice"),
                )
                .hint(format!(
                    "`{line}` is a single table, so a second one in the same place is a duplicate: write {header} \
                     (double brackets) before each one"
                ));
            continue;
        }
        let hint = if line.starts_with("checked") && !line.contains('"') {
            r#"write the month as a quoted string: checked = "2026-11""#
        } else {
            "see https://toml.io for the syntax"
        };
        reporter.error(&span, Rule::TomlSyntax, message).hint(hint);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file that cannot be read, as the caller describes it.
    struct Vanished;

    impl DeckFile for Vanished {
        fn with_text<R>(&self, _check: impl FnOnce(&SourceFile) -> R) -> Result<R, Diagnostic> {
            Err(Diagnostic {
                path: "gone.toml".into(),
                position: None,
                severity: Severity::Error,
                rule: Rule::Unreadable,
                message: "cannot read the file".into(),
                hint: None,
            })
        }
    }

    #[test]
    fn an_unreadable_file_is_one_error_and_the_others_still_load() {
        let text = "[topic]\nid = \"t\"\ntitle = \"T\"\n".to_string();
        let good = SourceFile {
            path: "good.toml".into(),
            text,
        };
        let files: Vec<Result<SourceFile, Vanished>> = vec![Err(Vanished), Ok(good)];
        let loaded = load_files(files, &LoadOptions::default());
        let found: Vec<(&str, Rule)> = loaded
            .diagnostics
            .iter()
            .map(|d| (d.path.as_str(), d.rule))
            .collect();
        assert_eq!(found, [("gone.toml", Rule::Unreadable)]);
        assert_eq!(loaded.deck.topics().len(), 1);
        assert_eq!(loaded.deck.topics()[0].id, "t");
    }

    /// The deck and diagnostics of `files` loaded whole, and loaded with every file cut into pieces of
    /// about `piece_bytes`, as text to compare.
    fn whole_and_in_pieces(files: &[SourceFile], piece_bytes: usize) -> (String, String) {
        let options = LoadOptions::default();
        let whole = assemble(check_files_in_pieces(
            files.iter().collect(),
            &options,
            usize::MAX / 4,
        ));
        let pieces = assemble(check_files_in_pieces(
            files.iter().collect(),
            &options,
            piece_bytes,
        ));
        let show = |l: Loaded| format!("{:#?}\n{:#?}", l.deck.topics(), l.diagnostics);
        (show(whole), show(pieces))
    }

    #[test]
    fn the_bundled_deck_cut_into_pieces_loads_as_it_does_whole() {
        let (files, _) = crate::io::deck::bundled_files();
        for piece_bytes in [1, 700, 5_000] {
            let (whole, pieces) = whole_and_in_pieces(&files, piece_bytes);
            assert!(whole.contains("lambda"), "the deck loaded");
            assert_eq!(whole, pieces, "pieces of about {piece_bytes} bytes");
        }
    }

    /// A file with problems of every stage in several pieces: the schema's (unknown key, wrong type), the
    /// validator's (duplicate id across pieces, a `related` id defined in another piece, a missing field, a short
    /// row).
    const TROUBLED: &str = r#"# problems everywhere
[topic]
id = "t"
title = "T"

[[fact]]
id = "a"
prompt = "Which?"
answer = "A"
source = "https://example.com/a"
related = ["c"]

[[fact]]
id = "b"
prompt = "Which b?"
answer = 3
source = "https://example.com/b"
colour = "red"

[[scenario]]
id = "s"
prompt = "What now?"
explanation = "Because."
source = "https://example.com/s"
[[scenario.choice]]
text = "x"
correct = true
why = "yes"
[[scenario.choice]]
text = "y"
why = "no"

[[fact]]
id = "a"
prompt = "Again?"
answer = "A2"
source = "https://example.com/a2"

[[section]]
id = "sec"
title = "No body"

[[compare]]
id = "c"
title = "C"
options = ["p", "q"]
sources = ["https://example.com/c"]
[[compare.row]]
attribute = "r"
values = ["1"]
"#;

    #[test]
    fn a_file_with_problems_reports_the_same_in_pieces_as_whole() {
        let files = [SourceFile {
            path: "t.toml".into(),
            text: TROUBLED.into(),
        }];
        // The first piece is the topic and the first item; then one piece per item.
        assert!(chunks::split(TROUBLED, 1).is_some_and(|p| p.len() == 6));
        let (whole, pieces) = whole_and_in_pieces(&files, 1);
        for rule in [
            "WrongType",
            "UnknownField",
            "DuplicateId",
            "MissingField",
            "RowShape",
        ] {
            assert!(whole.contains(rule), "{rule} in {whole}");
        }
        assert_eq!(whole, pieces);
    }

    #[test]
    fn a_syntax_error_in_a_later_piece_is_reported_as_in_the_whole_file() {
        let text = TROUBLED.replace("prompt = \"Again?\"", "prompt = \"Again?");
        let files = [SourceFile {
            path: "t.toml".into(),
            text,
        }];
        let (whole, pieces) = whole_and_in_pieces(&files, 1);
        assert!(whole.contains("TomlSyntax"), "{whole}");
        assert_eq!(whole, pieces);
    }

    impl DeckFile for Result<SourceFile, Vanished> {
        fn with_text<R>(&self, check: impl FnOnce(&SourceFile) -> R) -> Result<R, Diagnostic> {
            match self {
                Ok(file) => file.with_text(check),
                Err(vanished) => vanished.with_text(check),
            }
        }
    }
}
