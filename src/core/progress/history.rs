//! One card's history as replayed from the log: its reviews and quiz/exam answers, and the state they fold
//! into.
//!
//! Records are kept in log order (`at`, then event id). Appending a record at the end folds just that
//! record into the state; a record that lands earlier (a late-synced device file) or an undo re-folds the
//! card from its first record. Both paths use [`Scheduler::apply`], the same code as live study.

use jiff::Timestamp;
use serde::Serialize;

use crate::core::event::{AnswerMode, Rating};
use crate::core::srs::{CardState, Scheduler};

/// One flashcard grade in a card's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewRecord {
    /// Id of the `review` event.
    pub id: String,
    /// When it was graded.
    pub at: Timestamp,
    /// The grade.
    pub rating: Rating,
    /// Milliseconds from showing the card to grading it.
    pub duration_ms: u64,
    /// A cram review: recorded, but it did not change the schedule.
    pub cram: bool,
    /// The card's state just before this review.
    pub before: CardState,
}

/// One quiz or exam answer about a card.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerRecord {
    /// Id of the `answer` event.
    pub id: String,
    /// When it was answered.
    pub at: Timestamp,
    /// Whether it was right (a wrong answer makes the card due at once).
    pub correct: bool,
    /// Quiz or exam.
    pub mode: AnswerMode,
}

/// A card's derived state and the records it came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CardProgress {
    /// The current scheduling state.
    pub state: CardState,
    /// Reviews that were not undone, oldest first.
    pub reviews: Vec<ReviewRecord>,
    /// Answers that were not undone, oldest first.
    pub answers: Vec<AnswerRecord>,
}

impl CardProgress {
    /// Adds a review and updates the state.
    pub(super) fn add_review(&mut self, card_id: &str, mut record: ReviewRecord, scheduler: &Scheduler) {
        if self.is_last(record.at, &record.id) {
            record.before = self.state;
            self.state = step_review(card_id, &self.state, &record, scheduler);
            self.reviews.push(record);
        } else {
            let at = self
                .reviews
                .partition_point(|r| (r.at, r.id.as_str()) < (record.at, record.id.as_str()));
            self.reviews.insert(at, record);
            self.refold(card_id, scheduler);
        }
    }

    /// Adds an answer and updates the state.
    pub(super) fn add_answer(&mut self, card_id: &str, record: AnswerRecord, scheduler: &Scheduler) {
        if self.is_last(record.at, &record.id) {
            self.state = step_answer(&self.state, &record);
            self.answers.push(record);
        } else {
            let at = self
                .answers
                .partition_point(|a| (a.at, a.id.as_str()) < (record.at, record.id.as_str()));
            self.answers.insert(at, record);
            self.refold(card_id, scheduler);
        }
    }

    /// Drops the review or answer with event id `id`, if present, and re-folds. Returns whether it was found.
    pub(super) fn remove(&mut self, card_id: &str, id: &str, scheduler: &Scheduler) -> bool {
        let before = self.reviews.len() + self.answers.len();
        self.reviews.retain(|r| r.id != id);
        self.answers.retain(|a| a.id != id);
        let found = self.reviews.len() + self.answers.len() != before;
        if found {
            self.refold(card_id, scheduler);
        }
        found
    }

    /// Whether `(at, id)` sorts after every record held.
    fn is_last(&self, at: Timestamp, id: &str) -> bool {
        let after = |t: Timestamp, i: &str| (t, i) < (at, id);
        self.reviews.last().is_none_or(|r| after(r.at, &r.id))
            && self.answers.last().is_none_or(|a| after(a.at, &a.id))
    }

    /// Recomputes the state (and each review's `before`) from all records, in log order.
    fn refold(&mut self, card_id: &str, scheduler: &Scheduler) {
        let mut state = CardState::NEW;
        let (mut r, mut a) = (0, 0);
        while r < self.reviews.len() || a < self.answers.len() {
            let review_next = match (self.reviews.get(r), self.answers.get(a)) {
                (Some(rev), Some(ans)) => (rev.at, rev.id.as_str()) < (ans.at, ans.id.as_str()),
                (Some(_), None) => true,
                _ => false,
            };
            if review_next {
                let record = &mut self.reviews[r];
                record.before = state;
                state = step_review(card_id, &state, record, scheduler);
                r += 1;
            } else {
                state = step_answer(&state, &self.answers[a]);
                a += 1;
            }
        }
        self.state = state;
    }
}

fn step_review(card_id: &str, state: &CardState, record: &ReviewRecord, scheduler: &Scheduler) -> CardState {
    if record.cram {
        *state
    } else {
        scheduler.apply(card_id, state, record.rating, record.at)
    }
}

fn step_answer(state: &CardState, record: &AnswerRecord) -> CardState {
    if record.correct {
        *state
    } else {
        state.answered_wrong(record.at)
    }
}
