//! Replay: every device's events, in any order, folded into per-card state, history and exams.
//!
//! [`replay`] sorts events by time then id, counts a duplicated id once, and lets an `undo` cancel its
//! target (whichever comes first in the input). Card states come from [`Scheduler::apply`], the code live
//! study uses, so a replayed log equals the live session that wrote it. [`Progress::apply`] takes one more
//! event at a time (in any order) and gives the same result as a fresh replay.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::event::{Event, EventKind};
use super::exams::{ExamAnswerRecord, ExamRecord, ExamResult, ExamStart};
use super::history::{AnswerRecord, CardProgress, ReviewRecord};
use crate::core::srs::{CardState, Phase, Scheduler, StudyDay};

/// Everything derived from the log.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    cards: HashMap<String, CardProgress>,
    exams: BTreeMap<String, ExamRecord>,
    /// Every event id applied (for duplicates).
    seen: HashSet<String>,
    /// Event id → card id, for reviews and answers (the targets an undo can cancel).
    owners: HashMap<String, String>,
    /// Ids named by an undo.
    cancelled: HashSet<String>,
    stats: ReplayStats,
}

/// Counts of what replay did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReplayStats {
    /// Distinct events applied.
    pub events: usize,
    /// Events skipped because their id was already seen.
    pub duplicates: usize,
    /// Reviews and answers cancelled by an undo.
    pub undone: usize,
}

/// What was done on one study day (for the daily limits).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayCounts {
    /// New cards introduced (first reviews).
    pub new: usize,
    /// Reviews of cards that were in the review phase.
    pub reviews: usize,
}

/// Replays `events` (in any order, possibly with duplicates) into [`Progress`].
pub fn replay(events: impl IntoIterator<Item = Event>, scheduler: &Scheduler) -> Progress {
    let mut events: Vec<Event> = events.into_iter().collect();
    events.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    let mut progress = Progress::default();
    for event in events {
        progress.apply(event, scheduler);
    }
    progress
}

impl Progress {
    /// Nothing replayed yet.
    pub fn new() -> Progress {
        Progress::default()
    }

    /// Folds one more event in; returns false if its id was already applied (a duplicate).
    ///
    /// Events may come in any order: one older than a card's latest record re-folds that card.
    pub fn apply(&mut self, event: Event, scheduler: &Scheduler) -> bool {
        if !self.seen.insert(event.id.clone()) {
            self.stats.duplicates += 1;
            return false;
        }
        self.stats.events += 1;
        let Event { id, at, kind, .. } = event;
        match kind {
            EventKind::Review {
                card,
                rating,
                duration_ms,
                cram,
            } => {
                let record = ReviewRecord {
                    id,
                    at,
                    rating,
                    duration_ms,
                    cram,
                    before: CardState::NEW,
                };
                self.add_card_record(card, record.id.clone(), |c, card_id| {
                    c.add_review(card_id, record, scheduler)
                });
            }
            EventKind::Answer { card, correct, mode } => {
                let record = AnswerRecord {
                    id,
                    at,
                    correct,
                    mode,
                };
                self.add_card_record(card, record.id.clone(), |c, card_id| {
                    c.add_answer(card_id, record, scheduler)
                });
            }
            EventKind::Undo { target } => self.undo(target, scheduler),
            EventKind::ExamStarted {
                exam,
                seed,
                questions,
                time_limit_s,
            } => {
                self.exam(exam).started = Some(ExamStart {
                    at,
                    seed,
                    questions,
                    time_limit_s,
                });
            }
            EventKind::ExamAnswer {
                exam,
                question,
                chosen,
                flagged,
            } => {
                let answer = ExamAnswerRecord { at, chosen, flagged };
                self.exam(exam).answers.insert(question, answer);
            }
            EventKind::ExamFinished {
                exam,
                correct,
                total,
                scaled,
                used_s,
                timed_out,
            } => {
                self.exam(exam).finished = Some(ExamResult {
                    at,
                    correct,
                    total,
                    scaled,
                    used_s,
                    timed_out,
                });
            }
        }
        true
    }

    /// Adds a review or answer to its card, unless an undo already cancelled it.
    fn add_card_record(&mut self, card: String, id: String, add: impl FnOnce(&mut CardProgress, &str)) {
        if self.cancelled.contains(&id) {
            self.stats.undone += 1;
            return;
        }
        self.owners.insert(id, card.clone());
        let entry = self.cards.entry(card);
        let card_id = entry.key().clone();
        add(entry.or_default(), &card_id);
    }

    fn undo(&mut self, target: String, scheduler: &Scheduler) {
        if let Some(card_id) = self.owners.remove(&target)
            && let Some(card) = self.cards.get_mut(&card_id)
            && card.remove(&card_id, &target, scheduler)
        {
            self.stats.undone += 1;
        }
        self.cancelled.insert(target);
    }

    fn exam(&mut self, id: String) -> &mut ExamRecord {
        self.exams
            .entry(id.clone())
            .or_insert_with(|| ExamRecord::new(id))
    }

    /// A card's replayed history, if the log mentions it.
    pub fn card(&self, id: &str) -> Option<&CardProgress> {
        self.cards.get(id)
    }

    /// A card's current state ([`CardState::NEW`] if the log never mentions it).
    pub fn state(&self, id: &str) -> CardState {
        self.cards.get(id).map_or(CardState::NEW, |c| c.state)
    }

    /// Every card the log mentions (including ids no longer in the deck), in no particular order.
    pub fn cards(&self) -> impl Iterator<Item = (&str, &CardProgress)> {
        self.cards.iter().map(|(id, c)| (id.as_str(), c))
    }

    /// Every exam, ordered by exam id.
    pub fn exams(&self) -> impl Iterator<Item = &ExamRecord> {
        self.exams.values()
    }

    /// What replay did.
    pub fn stats(&self) -> ReplayStats {
        self.stats
    }

    /// New cards introduced and review-phase cards reviewed during `day` (cram reviews excluded).
    pub fn done_on(&self, day: &StudyDay) -> DayCounts {
        let mut counts = DayCounts::default();
        let reviews = self.cards.values().flat_map(|c| &c.reviews);
        for review in reviews.filter(|r| !r.cram && day.contains(r.at)) {
            match review.before.phase {
                Phase::New => counts.new += 1,
                Phase::Review => counts.reviews += 1,
                Phase::Learning | Phase::Relearning => {}
            }
        }
        counts
    }
}
