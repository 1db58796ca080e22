//! Due and new counts for the home screen, per topic and in all: exactly what a session started now
//! would hold ([`Queue::build`]), so the numbers never disagree with the study screen.
//!
//! They come from a [`Tally`]: per topic, the cards due for review, in learning steps, never seen, and the
//! new cards a session would take without the daily limit; the limits are applied when a count is read. A
//! tally is made in one pass over the deck's cards ([`Tally::new`], whatever the number of topics), and after
//! a card's state changes only the topics that card can affect are counted again ([`Tally::recount`]): a
//! refresh after a grade reads one topic, not the deck.

use std::collections::HashMap;
use std::ops::Range;

use jiff::Timestamp;

use super::card::{CardState, Phase};
use super::day::{DayClock, StudyDay};
use super::history::{DayCounts, History};
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
    let cards = deck.card_ids();
    let range = match topic {
        None => 0..cards.len(),
        Some(t) => deck.topic(t).map_or(0..0, |(i, _)| deck.topic_cards(i)),
    };
    cards[range].iter().map(|(id, _)| id.to_string()).collect()
}

/// Counts for one scope (`topic` is only the label).
pub fn counts(
    topic: &str,
    scope: &[String],
    progress: &impl History,
    limits: Limits,
    siblings: &Siblings,
    clock: &DayClock,
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

/// Counts for every topic of the deck, in deck order, then for the whole deck (one pass: see [`Tally`]).
pub fn topic_counts(
    deck: &Deck,
    progress: &impl History,
    limits: Limits,
    siblings: &Siblings,
    clock: &DayClock,
    now: Timestamp,
) -> (Vec<StudyCounts>, StudyCounts) {
    let tally = Tally::new(deck, progress, limits, siblings, clock, now);
    (tally.per_topic(deck), tally.all())
}

/// One topic's cards as a session's queue sorts them, before the daily limits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct TopicTally {
    cards: usize,
    unseen: usize,
    /// Cards in learning or relearning steps due before the day ends.
    learning: usize,
    /// Graduated cards due before the day ends.
    reviews: usize,
    /// New cards a session would introduce with no limit: those not held back by a sibling.
    fresh: usize,
}

/// Today's counts, per topic and for the whole deck, as the tallies they are read from (see the module doc).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    limits: Limits,
    /// The study day counted, and what was done in it.
    day: Option<StudyDay>,
    done: DayCounts,
    topics: Vec<TopicTally>,
    /// New cards a session over the whole deck would introduce with no limit.
    fresh: usize,
    /// Per card (position in [`Deck::card_ids`]) with siblings: the siblings that are cards of the deck, and
    /// the ids of those that are not.
    siblings: Map<usize, (Vec<usize>, Vec<String>)>,
    /// Per card id that is some card's sibling: the cards it is a sibling of.
    sibling_of: Map<String, Vec<usize>>,
    /// Whether some card has a sibling in another topic (then the whole deck's new cards are counted on
    /// their own, not as the topics' sum).
    across_topics: bool,
}

impl Tally {
    /// Counts `deck` at `now`: one pass over its cards, reading each card's state once.
    pub fn new(
        deck: &Deck,
        progress: &impl History,
        limits: Limits,
        siblings: &Siblings,
        clock: &DayClock,
        now: Timestamp,
    ) -> Tally {
        let position = |id: &str| deck.find(id).and_then(|at| deck.card_position(at));
        let mut tally = Tally {
            limits,
            ..Tally::default()
        };
        // Only the cards with siblings are looked at (the others need nothing here).
        for (id, related) in siblings.iter() {
            let Some(i) = position(id) else {
                continue;
            };
            let topic = deck.card_ids()[i].1.topic;
            let mut own = (Vec::new(), Vec::new());
            for s in related {
                match position(s) {
                    Some(j) => {
                        tally.across_topics |= deck.card_ids()[j].1.topic != topic;
                        own.0.push(j);
                    }
                    None => own.1.push(s.clone()),
                }
                tally.sibling_of.entry(s.clone()).or_default().push(i);
            }
            tally.siblings.insert(i, own);
        }
        // Per sibling, its cards in deck order (the map was read in no particular order).
        tally
            .sibling_of
            .values_mut()
            .for_each(|cards| cards.sort_unstable());
        tally.recount_all(deck, progress, clock, now);
        tally
    }

    /// Counts every topic again (a new study day, or many changes at once).
    pub fn recount_all(&mut self, deck: &Deck, progress: &impl History, clock: &DayClock, now: Timestamp) {
        let day = clock.study_day(now);
        self.done = progress.done_on(&day);
        let mut counter = Counter::new(deck, progress, &self.siblings, &day);
        self.topics = (0..deck.topics().len())
            .map(|t| counter.topic(deck.topic_cards(t)))
            .collect();
        self.fresh = if self.across_topics {
            counter.fresh(0..deck.card_ids().len())
        } else {
            self.topics.iter().map(|t| t.fresh).sum()
        };
        self.day = Some(day);
    }

    /// Counts again after the state of the card `card` changed (a grade, an undo, an answer): only the
    /// topics whose counts it can change — its own, and those of the cards it is a sibling of — and what was
    /// done today. A change on another study day than the one counted counts everything again.
    pub fn recount(
        &mut self,
        deck: &Deck,
        progress: &impl History,
        card: &str,
        clock: &DayClock,
        now: Timestamp,
    ) {
        let day = clock.study_day(now);
        if self.day.is_none_or(|d| d.index != day.index) || self.topics.len() != deck.topics().len() {
            self.recount_all(deck, progress, clock, now);
            return;
        }
        let mut topics: Vec<usize> = self
            .sibling_of
            .get(card)
            .into_iter()
            .flatten()
            .map(|&i| deck.card_ids()[i].1.topic)
            .collect();
        topics.extend(deck.find(card).map(|at| at.topic));
        topics.sort_unstable();
        topics.dedup();
        self.done = progress.done_on(&day);
        let mut counter = Counter::new(deck, progress, &self.siblings, &day);
        for &t in &topics {
            self.topics[t] = counter.topic(deck.topic_cards(t));
        }
        self.fresh = if self.across_topics {
            counter.fresh(0..deck.card_ids().len())
        } else {
            self.topics.iter().map(|t| t.fresh).sum()
        };
    }

    /// The counts of topic `topic` (index into [`Deck::topics`]; `label` is its id).
    pub fn topic(&self, topic: usize, label: &str) -> StudyCounts {
        let t = self.topics.get(topic).copied().unwrap_or_default();
        self.limited(label, t, t.fresh)
    }

    /// The counts of every topic, in deck order.
    pub fn per_topic(&self, deck: &Deck) -> Vec<StudyCounts> {
        deck.topics()
            .iter()
            .enumerate()
            .map(|(i, t)| self.topic(i, &t.id))
            .collect()
    }

    /// The counts of the whole deck (the daily limits are shared, so the topics' numbers do not add up to
    /// these).
    pub fn all(&self) -> StudyCounts {
        let sum = self.topics.iter().fold(TopicTally::default(), |a, t| TopicTally {
            cards: a.cards + t.cards,
            unseen: a.unseen + t.unseen,
            learning: a.learning + t.learning,
            reviews: a.reviews + t.reviews,
            fresh: 0,
        });
        self.limited("", sum, self.fresh)
    }

    /// The study day counted (its index), if any.
    pub fn day(&self) -> Option<i64> {
        self.day.map(|d| d.index)
    }

    /// A scope's counts under the daily limits, what was done today counted against them.
    fn limited(&self, label: &str, t: TopicTally, fresh: usize) -> StudyCounts {
        StudyCounts {
            topic: label.to_string(),
            due: t
                .reviews
                .min(remaining(self.limits.reviews_per_day, self.done.reviews)),
            learning: t.learning,
            new: fresh.min(remaining(self.limits.new_per_day, self.done.new)),
            unseen: t.unseen,
            cards: t.cards,
        }
    }
}

/// Counts runs of the deck's cards as [`Queue::build`] sorts them.
struct Counter<'a, H> {
    deck: &'a Deck,
    progress: &'a H,
    siblings: &'a Map<usize, (Vec<usize>, Vec<String>)>,
    day: &'a StudyDay,
    /// Per card: whether the run being counted takes it as a new card (cleared after each run).
    taken: Vec<bool>,
}

impl<'a, H: History> Counter<'a, H> {
    fn new(
        deck: &'a Deck,
        progress: &'a H,
        siblings: &'a Map<usize, (Vec<usize>, Vec<String>)>,
        day: &'a StudyDay,
    ) -> Self {
        Counter {
            deck,
            progress,
            siblings,
            day,
            taken: vec![
                false;
                if siblings.is_empty() {
                    0
                } else {
                    deck.card_ids().len()
                }
            ],
        }
    }

    fn state(&self, card: usize) -> CardState {
        self.progress.state(&self.deck.card_ids()[card].0)
    }

    /// One topic's run of cards: each card's state read once.
    fn topic(&mut self, cards: Range<usize>) -> TopicTally {
        let mut t = TopicTally {
            cards: cards.len(),
            ..TopicTally::default()
        };
        let end = self.day.end;
        for card in cards.clone() {
            let state = self.state(card);
            match (state.phase, state.due) {
                (Phase::New, _) => {
                    t.unseen += 1;
                    if !self.held_back(card) {
                        self.take(card);
                        t.fresh += 1;
                    }
                }
                (phase, Some(at)) if phase.in_steps() && at < end => t.learning += 1,
                (Phase::Review, Some(at)) if at < end => t.reviews += 1,
                _ => {}
            }
        }
        self.clear(cards);
        t
    }

    /// The new cards a session over `cards` would take with no limit (for the whole deck, when siblings
    /// cross topics).
    fn fresh(&mut self, cards: Range<usize>) -> usize {
        let mut fresh = 0;
        for card in cards.clone() {
            if self.state(card).is_new() && !self.held_back(card) {
                self.take(card);
                fresh += 1;
            }
        }
        self.clear(cards);
        fresh
    }

    /// Whether a new card waits for another day: a sibling was studied today, or is already taken.
    fn held_back(&self, card: usize) -> bool {
        let Some((own, foreign)) = self.siblings.get(&card) else {
            return false;
        };
        let today = |s: CardState| {
            s.last_review
                .is_some_and(|at| at >= self.day.start && at < self.day.end)
        };
        own.iter().any(|&s| self.taken[s] || today(self.state(s)))
            || foreign.iter().any(|s| today(self.progress.state(s)))
    }

    fn take(&mut self, card: usize) {
        if let Some(taken) = self.taken.get_mut(card) {
            *taken = true;
        }
    }

    fn clear(&mut self, cards: Range<usize>) {
        if let Some(taken) = self.taken.get_mut(cards) {
            taken.fill(false);
        }
    }
}

/// A hash map with a fast, fixed-seed hasher (card positions and ids of one deck).
type Map<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

fn remaining(limit: u32, done: usize) -> usize {
    usize::try_from(limit).unwrap_or(usize::MAX).saturating_sub(done)
}
