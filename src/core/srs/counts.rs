//! Due and new counts for the home screen, per topic and in all: exactly what a session started now
//! would hold ([`Queue::build`]), so the numbers never disagree with the study screen.

use jiff::Timestamp;

use super::card::Phase;
use super::history::History;
use super::queue::{Limits, Mode, Queue};
use super::siblings::Siblings;
use crate::core::content::Deck;

/// What is waiting in one scope today.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StudyCounts {
    /// Topic id; empty for the whole deck.
    pub topic: String,
    /// Graduated cards due today (within the review limit).
    pub due: usize,
    /// Cards in learning or relearning steps due today.
    pub learning: usize,
    /// New cards a session would introduce today (within the new-card limit).
    pub new: usize,
    /// Cards never studied.
    pub unseen: usize,
    /// Cards (facts and scenarios) in the scope.
    pub cards: usize,
}

/// The card ids of `topic` (every topic if `None`) in deck order: a session's scope.
pub fn scope(deck: &Deck, topic: Option<&str>) -> Vec<String> {
    deck.cards()
        .filter(|(_, r)| topic.is_none_or(|t| deck.topics().get(r.topic).is_some_and(|tp| tp.id == t)))
        .map(|(id, _)| id)
        .collect()
}

/// Counts for one scope (`topic` is only the label).
pub fn counts(
    topic: &str,
    scope: &[String],
    progress: &impl History,
    limits: Limits,
    siblings: &Siblings,
    clock: &super::DayClock,
    now: Timestamp,
) -> StudyCounts {
    let day = clock.study_day(now);
    let state = |id: &str| progress.state(id);
    let queue = Queue::build(
        scope,
        state,
        &day,
        progress.done_on(&day),
        limits,
        siblings,
        Mode::Scheduled,
        now,
    );
    let due = queue
        .due
        .iter()
        .filter(|id| state(id).phase == Phase::Review)
        .count();
    StudyCounts {
        topic: topic.to_string(),
        due,
        learning: queue.due.len() - due + queue.learning.len(),
        new: queue.new.len(),
        unseen: scope.iter().filter(|id| state(id).is_new()).count(),
        cards: scope.len(),
    }
}

/// Counts for every topic of the deck, in deck order, then for the whole deck.
pub fn topic_counts(
    deck: &Deck,
    progress: &impl History,
    limits: Limits,
    siblings: &Siblings,
    clock: &super::DayClock,
    now: Timestamp,
) -> (Vec<StudyCounts>, StudyCounts) {
    let per_topic = deck
        .topics()
        .iter()
        .map(|t| {
            let scope = scope(deck, Some(&t.id));
            counts(&t.id, &scope, progress, limits, siblings, clock, now)
        })
        .collect();
    let all = counts("", &scope(deck, None), progress, limits, siblings, clock, now);
    (per_topic, all)
}
