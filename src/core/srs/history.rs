//! What scheduling needs to know of the past, as a trait: the replayed progress (`core::progress`)
//! implements it, so `srs` reads a learner's history without depending on the module that replays the log.

use jiff::Timestamp;

use super::card::CardState;
use super::day::StudyDay;
use crate::core::event::Rating;

/// What was done on one study day (for the daily limits).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayCounts {
    /// New cards introduced (first reviews).
    pub new: usize,
    /// Reviews of cards that were in the review phase.
    pub reviews: usize,
}

/// One grade that moved a card's schedule (cram grades excluded), for the optimizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GradedReview {
    /// When it was graded.
    pub at: Timestamp,
    /// The grade.
    pub rating: Rating,
}

/// A learner's study history as the scheduler reads it.
pub trait History {
    /// A card's state now ([`CardState::NEW`] if it was never studied).
    fn state(&self, card: &str) -> CardState;
    /// New cards introduced and review-phase cards reviewed during `day` (cram excluded).
    fn done_on(&self, day: &StudyDay) -> DayCounts;
    /// Every card's schedule-moving grades, oldest first, with the card's global id.
    fn graded_reviews(&self) -> Vec<(&str, Vec<GradedReview>)>;
}
