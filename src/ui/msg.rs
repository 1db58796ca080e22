//! Everything that can happen to the interface, as data. Keys become [`Msg`]s in [`super::keymap`] before
//! they touch state; effect results come back as [`Msg`]s too. `App::update` is the only consumer.

use jiff::Timestamp;

use std::sync::Arc;

use crate::core::progress::Event;
use crate::core::quiz::QuizPool;
use crate::core::search::{Hit, SearchOptions};
use crate::text::{Notice, WriteFailure};

/// A user intention, independent of the key that expresses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the program.
    Quit,
    /// Go back one screen (or close an overlay).
    Back,
    /// Show the keys of the current screen.
    Help,
    /// Open fuzzy search.
    Search,
    /// Switch English/Korean.
    ToggleLang,
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Previous tab / column / question.
    Left,
    /// Next tab / column / question.
    Right,
    /// The next item of a list whose arrows scroll text (Browse notes and scenarios).
    NextItem,
    /// The previous item of such a list.
    PrevItem,
    /// Scroll a page up.
    PageUp,
    /// Scroll a page down.
    PageDown,
    /// Jump to the first entry.
    Top,
    /// Jump to the last entry.
    Bottom,
    /// Open / confirm the selection.
    Open,
    /// Start a study session (on home: of the selected topic).
    Study,
    /// Study every topic.
    StudyAll,
    /// Cram: go through cards without moving their schedule (on a session's summary: its own cards).
    Cram,
    /// Cram every card of the scope (the topic, or all).
    CramScope,
    /// Study more new cards today than the daily limit.
    MoreNew,
    /// Throw away an interrupted exam (it is recorded as abandoned).
    Discard,
    /// Start a practice quiz (on home: of the selected topic).
    Quiz,
    /// A practice quiz over every topic.
    QuizAll,
    /// A practice quiz of the scenarios least likely to be answered right.
    Weak,
    /// Continue an interrupted exam.
    Resume,
    /// Start a mock exam.
    Exam,
    /// Browse the deck.
    Browse,
    /// Show statistics.
    Stats,
    /// Reveal the answer (or grade Good once revealed).
    Reveal,
    /// Grade 1–4.
    Grade(u8),
    /// Take back the last grade.
    Undo,
    /// Pick choice N (1-based) of a question.
    Choose(u8),
    /// Flag the question for review.
    Flag,
    /// Open the exam's review list.
    ReviewList,
    /// Submit the answer / the exam.
    Submit,
    /// Export progress.
    Export,
    /// Delete the character before the cursor of a text field.
    DeleteChar,
    /// Delete the word before the cursor of a text field.
    DeleteWord,
    /// Clear a text field.
    ClearQuery,
}

/// A message to `App::update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A key mapped to an action.
    Action(Action),
    /// A character typed into a text field.
    Input(char),
    /// The terminal has a new size.
    Resize(u16, u16),
    /// Time passed (drives countdowns); carries the current time.
    Tick(Timestamp),
    /// The runner finished writing an event; `Err` says why it is not saved.
    Saved(Event, Result<(), WriteFailure>),
    /// Something for the status line (a failed settings write, a skipped log line), said in the language
    /// of the moment it arrives.
    Notice(Notice),
    /// SIGTERM, SIGHUP or Ctrl-C: leave now, cleanly.
    Interrupt,
    /// Another process holds the study lock: the study screen closes; carries the notice to show.
    StudyRefused(Notice),
    /// The study lock is this process's (or cannot be had, and `notice` says so): `events` are what other
    /// processes logged since this one read the log, for the session just opened to start from.
    StudyClaimed {
        /// Events logged elsewhere since (already known ones count once).
        events: Vec<Event>,
        /// Studying unguarded, said once.
        notice: Option<Notice>,
    },
    /// The search index is built: searches can be answered.
    SearchReady,
    /// The deck's quiz pool is built: quizzes open without reading the whole deck.
    QuizPool(Arc<QuizPool>),
    /// The hits of the search request with this generation.
    SearchResults {
        /// The request's generation (see [`SearchRequest`]).
        generation: u64,
        /// Best first.
        hits: Vec<Hit>,
    },
}

/// A query for the search worker. Generations increase with every keystroke; an answer whose generation is
/// not the screen's latest is stale and dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// Which keystroke asked.
    pub generation: u64,
    /// What was typed.
    pub query: String,
    /// Limit, language, snippet width.
    pub options: SearchOptions,
}
