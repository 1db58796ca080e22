//! The progress log's vocabulary: one [`Event`] per line of `events-<device>.jsonl`.
//!
//! Events are facts about the past and are never rewritten: a grade, an undo of a grade, a quiz answer, an
//! exam's start, answers and end. All state (FSRS memory, due dates, stats, exam history) is derived by
//! replaying them in time order. The format is a public, documented interface (README, "Your data"); add
//! fields only as optional, and bump [`SCHEMA_VERSION`] for anything an older recall could misread.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The schema version this build writes and the newest it reads.
pub const SCHEMA_VERSION: u32 = 1;

/// One line of the progress log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Schema version of this line.
    pub v: u32,
    /// Unique id; a duplicate id counts once on replay. recall writes
    /// `<device>-<unix-nanos>-<process>-<counter>`, so ids of one running recall sort in writing order; any
    /// unique string is accepted.
    pub id: String,
    /// When it happened (UTC).
    pub at: Timestamp,
    /// What happened.
    #[serde(flatten)]
    pub kind: EventKind,
}

impl Event {
    /// An event of the current [`SCHEMA_VERSION`].
    pub fn new(id: impl Into<String>, at: Timestamp, kind: EventKind) -> Event {
        Event {
            v: SCHEMA_VERSION,
            id: id.into(),
            at,
            kind,
        }
    }
}

impl Event {
    /// Every id the event names: its own, and the cards, exam and undone event it refers to.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        let referred: Vec<&str> = match &self.kind {
            EventKind::Review { card, .. }
            | EventKind::Answer { card, .. }
            | EventKind::Reschedule { card, .. }
            | EventKind::Reset { card } => vec![card],
            EventKind::Undo { target } => vec![target],
            EventKind::ExamStarted { exam, questions, .. } => std::iter::once(exam.as_str())
                .chain(questions.iter().map(String::as_str))
                .collect(),
            EventKind::ExamAnswer { exam, .. }
            | EventKind::ExamFinished { exam, .. }
            | EventKind::ExamAbandoned { exam } => vec![exam],
        };
        std::iter::once(self.id.as_str()).chain(referred)
    }
}

/// A flashcard grade, as in Anki: 1 Again, 2 Hard, 3 Good, 4 Easy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    /// Forgotten.
    Again,
    /// Remembered with difficulty.
    Hard,
    /// Remembered.
    Good,
    /// Remembered effortlessly.
    Easy,
}

impl Rating {
    /// All ratings, in button order.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The FSRS rating number (1–4).
    pub fn number(self) -> u32 {
        match self {
            Rating::Again => 1,
            Rating::Hard => 2,
            Rating::Good => 3,
            Rating::Easy => 4,
        }
    }

    /// The rating for an FSRS number (1–4).
    pub fn from_number(n: u32) -> Option<Rating> {
        Rating::ALL.get((n as usize).checked_sub(1)?).copied()
    }
}

/// An FSRS memory state written into the log (by an import that knows it from another program).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MemoryState {
    /// Days until recall probability falls to 90%.
    pub stability: f32,
    /// Difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f32,
}

/// Where a scenario answer was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerMode {
    /// Practice quiz: feedback after each question.
    Quiz,
    /// Mock exam: feedback only after submission.
    Exam,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// A flashcard was graded in a study session.
    Review {
        /// Global card id (`topic/item`).
        card: String,
        /// The grade.
        rating: Rating,
        /// Milliseconds from showing the card to grading it.
        #[serde(default)]
        duration_ms: u64,
        /// A cram review (`recall study --cram`): kept for the record, but it does not change the schedule.
        /// Written only when true.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        cram: bool,
    },
    /// A card's next review was moved without a grade (Anki's "Set due date", or its rescheduling of cards
    /// when settings change, brought in by `recall import anki`): the card is in review and due at `due`.
    /// Its memory is kept, unless `memory` gives one; then the card counts as last reviewed now (Anki's
    /// estimate for a card whose history starts mid-way). An older recall skips this line with a warning.
    Reschedule {
        /// Global card id (`topic/item`).
        card: String,
        /// When the card is due next.
        due: jiff::Timestamp,
        /// The memory state the card takes on; absent = unchanged.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        memory: Option<MemoryState>,
    },
    /// A card was made new again (Anki's "Reset"/"Forget"): memory and due date are gone, and its next
    /// review starts it from scratch; review and lapse counts stay. An older recall skips this line with a
    /// warning.
    Reset {
        /// Global card id (`topic/item`).
        card: String,
    },
    /// A previous event (a review, or a quiz answer) is taken back: replay ignores its target.
    Undo {
        /// The id of the event it cancels.
        target: String,
    },
    /// A question was answered in a quiz or an exam.
    Answer {
        /// Global id of the scenario or of the item a generated question came from.
        card: String,
        /// Whether the answer was right.
        correct: bool,
        /// Quiz or exam.
        mode: AnswerMode,
    },
    /// A mock exam began.
    ExamStarted {
        /// Exam id (unique per exam).
        exam: String,
        /// RNG seed used to draw and shuffle the questions.
        seed: u64,
        /// Global ids of the questions, in exam order.
        questions: Vec<String>,
        /// Time allowed, in seconds.
        time_limit_s: u64,
    },
    /// The learner's current answer to one exam question changed (kept so an exam can be resumed).
    ExamAnswer {
        /// Exam id.
        exam: String,
        /// Question position (0-based).
        question: usize,
        /// Chosen options, as indices into the question's displayed choices.
        chosen: Vec<usize>,
        /// Whether the question is flagged for review.
        #[serde(default)]
        flagged: bool,
        /// Exam time used when the change was made, in milliseconds, counting only while the exam was open;
        /// a resumed exam continues from the latest value. Absent in logs written before it existed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        elapsed_ms: Option<u64>,
    },
    /// An interrupted exam was thrown away: it is closed without a score and can no longer be resumed.
    ExamAbandoned {
        /// Exam id.
        exam: String,
    },
    /// A mock exam was submitted (by the learner or when time ran out).
    ExamFinished {
        /// Exam id.
        exam: String,
        /// Questions answered right.
        correct: usize,
        /// Questions in the exam.
        total: usize,
        /// Scaled score (100–1000).
        scaled: u32,
        /// Seconds used.
        used_s: u64,
        /// Whether time ran out.
        #[serde(default)]
        timed_out: bool,
    },
}
