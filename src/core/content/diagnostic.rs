//! Compiler-style diagnostics for deck files: `path:line:col: error: message` plus an optional hint.
//!
//! The loader never stops at the first problem: it collects [`Diagnostic`]s for every file and the caller
//! decides (by [`Severity`] and `--strict`) whether the deck is usable.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::core::untrusted::one_line;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    /// The deck still loads; `--strict` turns these into errors.
    Warning,
    /// The deck (or the item) cannot be used.
    Error,
}

/// A 1-based line and column in a file (column counted in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
}

/// Which rule a diagnostic reports; stable names used by tests and fixtures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    /// The file is not valid TOML.
    TomlSyntax,
    /// A value has the wrong type (a number where text is expected…).
    WrongType,
    /// A key the format does not know.
    UnknownField,
    /// A required key is absent.
    MissingField,
    /// A topic file without its `[topic]` table.
    MissingTopic,
    /// Two items (or topics) share an id.
    DuplicateId,
    /// An id that is not lowercase letters, digits and `-`.
    InvalidId,
    /// Text that is empty or only whitespace.
    EmptyText,
    /// Control characters or escape sequences in text.
    ControlCharacter,
    /// A source that is not an absolute http(s) URL.
    MalformedUrl,
    /// A scenario none of whose choices is correct.
    NoCorrectChoice,
    /// A scenario with two identical choices.
    DuplicateChoice,
    /// A scenario with fewer than two choices.
    TooFewChoices,
    /// A comparison row whose value count differs from the option count.
    RowShape,
    /// A keyword that does not occur in the prompt.
    KeywordNotInPrompt,
    /// A text table without one of the languages.
    MissingTranslation,
    /// A `checked` month that is not `YYYY-MM` with a month 01–12.
    InvalidDate,
    /// An item not checked within the `--stale` window (or never, or in the future).
    Stale,
    /// `[scenario.choice]` where `[[scenario.choice]]` is meant, or the other way round.
    TableBrackets,
    /// The file or folder could not be read, or holds no topic.
    Unreadable,
    /// A glossary spelling given twice (in one term or in two), or an alias that repeats its term.
    DuplicateAlias,
    /// A glossary term with more aliases than [`super::glossary_file::MAX_ALIASES`].
    TooManyAliases,
    /// A scenario whose right choice is much longer than every wrong one, so its length gives it away.
    AnswerCue,
    /// A `related` id that names no item of the topic (or the item itself).
    UnknownRelated,
    /// A fact's answer appears in another item's prompt, and the two are not marked `related`.
    GivesAway,
}

impl Rule {
    /// The rule's stable kebab-case name (shown in brackets after the message).
    pub fn name(self) -> &'static str {
        match self {
            Rule::TomlSyntax => "toml-syntax",
            Rule::WrongType => "wrong-type",
            Rule::UnknownField => "unknown-field",
            Rule::MissingField => "missing-field",
            Rule::MissingTopic => "missing-topic",
            Rule::DuplicateId => "duplicate-id",
            Rule::InvalidId => "invalid-id",
            Rule::EmptyText => "empty-text",
            Rule::ControlCharacter => "control-character",
            Rule::MalformedUrl => "malformed-url",
            Rule::NoCorrectChoice => "no-correct-choice",
            Rule::DuplicateChoice => "duplicate-choice",
            Rule::TooFewChoices => "too-few-choices",
            Rule::RowShape => "row-shape",
            Rule::KeywordNotInPrompt => "keyword-not-in-prompt",
            Rule::MissingTranslation => "missing-translation",
            Rule::InvalidDate => "invalid-date",
            Rule::Stale => "stale",
            Rule::TableBrackets => "table-brackets",
            Rule::Unreadable => "unreadable",
            Rule::DuplicateAlias => "duplicate-alias",
            Rule::TooManyAliases => "too-many-aliases",
            Rule::AnswerCue => "answer-cue",
            Rule::UnknownRelated => "unknown-related",
            Rule::GivesAway => "gives-away",
        }
    }
}

/// One problem found in a deck file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The file as the user named it.
    pub path: String,
    /// Where in the file; `None` for whole-file problems.
    pub position: Option<Position>,
    /// Error or warning.
    pub severity: Severity,
    /// Which rule was broken.
    pub rule: Rule,
    /// What is wrong, in one line.
    pub message: String,
    /// How to fix it, where that is not obvious.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// Whether this diagnostic blocks loading, given `strict`.
    pub fn is_fatal(&self, strict: bool) -> bool {
        self.severity == Severity::Error || strict
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // A file name or a quoted value with a newline must not start a line that looks like another
        // diagnostic.
        let path = one_line(&self.path);
        match self.position {
            Some(p) => write!(f, "{path}:{}:{}: ", p.line, p.col)?,
            None => write!(f, "{path}: ")?,
        }
        write!(f, "{level}: {} [{}]", one_line(&self.message), self.rule.name())?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {}", one_line(hint))?;
        }
        Ok(())
    }
}

/// Maps byte offsets of one file to line/column positions.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, line_starts }
    }

    /// The position of the byte `offset` (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        Position {
            line: line + 1,
            col: col + 1,
        }
    }

    /// The position of the start of `span`.
    pub fn start(&self, span: &Range<usize>) -> Position {
        self.position(span.start)
    }
}

/// Collects the diagnostics of one file.
pub struct Reporter<'a> {
    path: &'a str,
    index: Cow<'a, LineIndex<'a>>,
    /// Where the text this reporter's spans count from begins in the file: non-zero for a piece of a file
    /// parsed on its own (`super::chunks`).
    offset: usize,
    /// Everything reported so far.
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    /// A reporter for the file at `path` whose contents are `text`.
    pub fn new(path: &'a str, text: &'a str) -> Reporter<'a> {
        Reporter {
            path,
            index: Cow::Owned(LineIndex::new(text)),
            offset: 0,
            diagnostics: Vec::new(),
        }
    }

    /// A reporter for the piece of the file indexed by `index` that starts at byte `offset`: spans count
    /// from the piece's start, positions from the file's.
    pub(crate) fn for_piece(path: &'a str, index: &'a LineIndex<'a>, offset: usize) -> Reporter<'a> {
        Reporter {
            path,
            index: Cow::Borrowed(index),
            offset,
            diagnostics: Vec::new(),
        }
    }

    /// The index of the whole file's lines.
    pub(crate) fn line_index(&self) -> &LineIndex<'a> {
        &self.index
    }

    /// The line/column where `span` starts.
    pub fn position(&self, span: &Range<usize>) -> Position {
        self.index.position(span.start.saturating_add(self.offset))
    }

    /// Reports an error at `span`.
    pub fn error(&mut self, span: &Range<usize>, rule: Rule, message: impl Into<String>) -> &mut Diagnostic {
        self.push(Some(span), Severity::Error, rule, message)
    }

    /// Reports a warning at `span`.
    pub fn warning(
        &mut self,
        span: &Range<usize>,
        rule: Rule,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Some(span), Severity::Warning, rule, message)
    }

    /// Reports an error that concerns the whole file.
    pub fn file_error(&mut self, rule: Rule, message: impl Into<String>) -> &mut Diagnostic {
        self.push(None, Severity::Error, rule, message)
    }

    fn push(
        &mut self,
        span: Option<&Range<usize>>,
        severity: Severity,
        rule: Rule,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic {
            path: self.path.to_string(),
            position: span.map(|s| self.position(s)),
            severity,
            rule,
            message: message.into(),
            hint: None,
        });
        self.diagnostics.last_mut().expect("just pushed")
    }
}

impl Diagnostic {
    /// Adds a hint (builder style, on a freshly reported diagnostic).
    pub fn hint(&mut self, hint: impl Into<String>) {
        self.hint = Some(hint.into());
    }
}
