//! The end-of-session summary: cards, accuracy, time, and what is due tomorrow.

use std::collections::HashSet;

use jiff::SignedDuration;

use super::session::Done;
use crate::core::progress::Rating;

/// What a session amounted to (grades that were undone do not count).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SessionSummary {
    /// Grades given.
    pub reviews: usize,
    /// Distinct cards graded.
    pub cards: usize,
    /// Grades other than Again.
    pub correct: usize,
    /// `correct / reviews`; `None` before the first grade.
    pub accuracy: Option<f64>,
    /// Time since the session started.
    pub elapsed: SignedDuration,
    /// Time spent looking at cards before grading them (sum of review durations).
    pub answering: SignedDuration,
    /// Seen cards of the scope due by the end of tomorrow (including any left over today).
    pub due_tomorrow: usize,
    /// New cards tomorrow can introduce (unseen cards, up to the daily limit).
    pub new_tomorrow: usize,
}

impl SessionSummary {
    pub(super) fn from_done(
        done: &[Done],
        elapsed: SignedDuration,
        due_tomorrow: usize,
        new_tomorrow: usize,
    ) -> SessionSummary {
        let reviews = done.len();
        let correct = done.iter().filter(|d| d.rating != Rating::Again).count();
        let cards = done.iter().map(|d| d.card.as_str()).collect::<HashSet<_>>().len();
        let millis: u64 = done.iter().map(|d| d.duration_ms).fold(0, u64::saturating_add);
        SessionSummary {
            reviews,
            cards,
            correct,
            accuracy: (reviews > 0).then(|| correct as f64 / reviews as f64),
            elapsed,
            answering: SignedDuration::from_millis(i64::try_from(millis).unwrap_or(i64::MAX)),
            due_tomorrow,
            new_tomorrow,
        }
    }
}
