//! One card's history as replayed from the log: its reviews and quiz/exam answers, and the state they fold
//! into.
//!
//! Records are kept in log order (`at`, then event id). Appending a record at the end folds just that
//! record into the state; a record that lands earlier (a late-synced device file) or an undo re-folds the
//! card from its first record. Both paths use [`Scheduler::apply`], the same code as live study.

use jiff::Timestamp;
use serde::Serialize;

use crate::core::event::{AnswerMode, MemoryState, Rating};
use crate::core::srs::{CardState, Memory, Phase, Scheduler};

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

/// A change to a card's schedule that is not a grade (from `recall import anki`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeRecord {
    /// Id of the `reschedule` or `reset` event.
    pub id: String,
    /// When it happened.
    pub at: Timestamp,
    /// What it did.
    pub change: Change,
}

/// What a [`ChangeRecord`] did.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// The card was put in review, due at `due`, with `memory` if given (else its own).
    Reschedule {
        /// The new due time.
        due: Timestamp,
        /// The memory state it took on.
        memory: Option<MemoryState>,
    },
    /// The card became new again.
    Reset,
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
    /// Reschedules and resets, oldest first.
    pub changes: Vec<ChangeRecord>,
}

impl CardProgress {
    /// Adds a review and updates the state (only records it, without a scheduler: see [`Self::refold`]).
    pub(super) fn add_review(
        &mut self,
        card_id: &str,
        mut record: ReviewRecord,
        scheduler: Option<&Scheduler>,
    ) {
        if self.is_last(record.at, &record.id) {
            if let Some(scheduler) = scheduler {
                record.before = self.state;
                self.state = step_review(card_id, &self.state, &record, scheduler);
            }
            self.reviews.push(record);
        } else {
            let at = self
                .reviews
                .partition_point(|r| (r.at, r.id.as_str()) < (record.at, record.id.as_str()));
            self.reviews.insert(at, record);
            self.refold_with(card_id, scheduler);
        }
    }

    /// Adds an answer and updates the state (only records it, without a scheduler).
    pub(super) fn add_answer(&mut self, card_id: &str, record: AnswerRecord, scheduler: Option<&Scheduler>) {
        if self.is_last(record.at, &record.id) {
            if scheduler.is_some() {
                self.state = step_answer(&self.state, &record);
            }
            self.answers.push(record);
        } else {
            let at = self
                .answers
                .partition_point(|a| (a.at, a.id.as_str()) < (record.at, record.id.as_str()));
            self.answers.insert(at, record);
            self.refold_with(card_id, scheduler);
        }
    }

    /// Adds a reschedule or reset and updates the state (only records it, without a scheduler).
    pub(super) fn add_change(&mut self, card_id: &str, record: ChangeRecord, scheduler: Option<&Scheduler>) {
        if self.is_last(record.at, &record.id) {
            if let Some(scheduler) = scheduler {
                self.state = step_change(&self.state, &record, scheduler);
            }
            self.changes.push(record);
        } else {
            let at = self
                .changes
                .partition_point(|c| (c.at, c.id.as_str()) < (record.at, record.id.as_str()));
            self.changes.insert(at, record);
            self.refold_with(card_id, scheduler);
        }
    }

    /// Drops the review or answer with event id `id`, if present, and re-folds (without a scheduler, only
    /// drops it). Returns whether it was found.
    pub(super) fn remove(&mut self, card_id: &str, id: &str, scheduler: Option<&Scheduler>) -> bool {
        let before = self.reviews.len() + self.answers.len();
        let changes = self.changes.len();
        self.reviews.retain(|r| r.id != id);
        self.answers.retain(|a| a.id != id);
        self.changes.retain(|c| c.id != id);
        let found = self.reviews.len() + self.answers.len() != before;
        if found || self.changes.len() != changes {
            self.refold_with(card_id, scheduler);
        }
        found
    }

    fn refold_with(&mut self, card_id: &str, scheduler: Option<&Scheduler>) {
        if let Some(scheduler) = scheduler {
            self.refold(card_id, scheduler);
        }
    }

    /// Whether `(at, id)` sorts after every record held.
    fn is_last(&self, at: Timestamp, id: &str) -> bool {
        let after = |t: Timestamp, i: &str| (t, i) < (at, id);
        self.reviews.last().is_none_or(|r| after(r.at, &r.id))
            && self.answers.last().is_none_or(|a| after(a.at, &a.id))
            && self.changes.last().is_none_or(|c| after(c.at, &c.id))
    }

    /// Recomputes the state (and each review's `before`) from all records, in log order.
    pub(super) fn refold(&mut self, card_id: &str, scheduler: &Scheduler) {
        let mut state = CardState::NEW;
        let (mut r, mut a, mut c) = (0, 0, 0);
        loop {
            let heads = [
                self.reviews.get(r).map(|x| (x.at, x.id.as_str())),
                self.answers.get(a).map(|x| (x.at, x.id.as_str())),
                self.changes.get(c).map(|x| (x.at, x.id.as_str())),
            ];
            let Some((next, _)) = heads
                .iter()
                .enumerate()
                .filter_map(|(i, h)| h.map(|h| (i, h)))
                .min_by(|x, y| x.1.cmp(&y.1))
            else {
                break;
            };
            match next {
                0 => {
                    let record = &mut self.reviews[r];
                    record.before = state;
                    state = step_review(card_id, &state, record, scheduler);
                    r += 1;
                }
                1 => {
                    state = step_answer(&state, &self.answers[a]);
                    a += 1;
                }
                _ => {
                    state = step_change(&state, &self.changes[c], scheduler);
                    c += 1;
                }
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

/// A reschedule puts the card in review, due at the given time (with the given memory, which also makes the
/// change count as the last review); a reset makes it new, keeping its counts.
fn step_change(state: &CardState, record: &ChangeRecord, scheduler: &Scheduler) -> CardState {
    match record.change {
        Change::Reset => CardState {
            reps: state.reps,
            lapses: state.lapses,
            ..CardState::NEW
        },
        Change::Reschedule { due, memory } => {
            let last_review = match memory {
                Some(_) => Some(record.at),
                None => state.last_review,
            };
            let from = last_review.unwrap_or(record.at);
            CardState {
                phase: Phase::Review,
                step: 0,
                memory: memory
                    .map(|m| Memory {
                        stability: m.stability,
                        difficulty: m.difficulty,
                    })
                    .or(state.memory),
                due: Some(due),
                scheduled_days: scheduler.clock().days_between(from, due),
                last_review,
                ..*state
            }
        }
    }
}
