//! The end-of-session summary: cards, accuracy, time, what is due tomorrow and why no new card is left.
//!
//! Every figure comes from the session's own schedule, the one its grade buttons showed: the next card
//! comes back after the whole study days its button said ([`NextDue::InDays`]), or later today for a
//! learning step ([`NextDue::Today`]). The time is the session's, frozen when its last card was answered.

use std::collections::HashSet;

use jiff::{SignedDuration, Timestamp};

use super::session::Done;
use crate::core::event::Rating;

/// What a session amounted to (grades that were undone do not count).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SessionSummary {
    /// Grades given.
    pub reviews: usize,
    /// Distinct cards graded.
    pub cards: usize,
    /// Grades other than Again.
    pub correct: usize,
    /// Grades given, by rating: Again, Hard, Good, Easy.
    pub by_rating: [usize; 4],
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
    /// When the next card of the scope falls due, if any.
    pub next_due: Option<NextDue>,
    /// Unseen cards of the scope that today's new-card limit keeps for another day.
    pub new_over_limit: usize,
    /// Unseen cards held back today because a related card was studied (see `super::Siblings`).
    pub new_held_back: usize,
}

/// When the next card of a session's scope falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextDue {
    /// Later today, at this time (a learning step).
    Today(Timestamp),
    /// At the start of the study day this many days after today (as the grade buttons count).
    InDays(u32),
}

/// What the session saw ahead of it when it ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Ahead {
    pub(super) due_tomorrow: usize,
    pub(super) new_tomorrow: usize,
    pub(super) next_due: Option<NextDue>,
    pub(super) new_over_limit: usize,
    pub(super) new_held_back: usize,
}

impl SessionSummary {
    pub(super) fn from_done(done: &[Done], elapsed: SignedDuration, ahead: Ahead) -> SessionSummary {
        let reviews = done.len();
        let correct = done.iter().filter(|d| d.rating != Rating::Again).count();
        let mut by_rating = [0; 4];
        for d in done {
            by_rating[d.rating.number() as usize - 1] += 1;
        }
        let cards = done.iter().map(|d| d.card.as_str()).collect::<HashSet<_>>().len();
        let millis: u64 = done.iter().map(|d| d.duration_ms).fold(0, u64::saturating_add);
        SessionSummary {
            reviews,
            cards,
            correct,
            by_rating,
            accuracy: (reviews > 0).then(|| correct as f64 / reviews as f64),
            elapsed,
            answering: SignedDuration::from_millis(i64::try_from(millis).unwrap_or(i64::MAX)),
            due_tomorrow: ahead.due_tomorrow,
            new_tomorrow: ahead.new_tomorrow,
            next_due: ahead.next_due,
            new_over_limit: ahead.new_over_limit,
            new_held_back: ahead.new_held_back,
        }
    }
}
