//! Replay: every device's events, in any order, folded into per-card state, history and exams.
//!
//! [`replay`] sorts events by time then id, counts a duplicated id once, and lets an `undo` cancel its
//! target (whichever comes first in the input). Card states come from [`Scheduler::apply`], the code live
//! study uses, so a replayed log equals the live session that wrote it. [`Progress::apply`] takes one more
//! event at a time (in any order) and gives the same result as a fresh replay.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::BuildHasher;
use std::sync::{Mutex, PoisonError};

use foldhash::fast::FixedState;

use super::exams::{ExamAnswerRecord, ExamRecord, ExamResult, ExamStart};
use super::history::{AnswerRecord, CardProgress, Change, ChangeRecord, ReviewRecord};
use crate::core::event::{Event, EventKind};
use crate::core::srs::{CardState, DayCounts, GradedReview, History, Phase, Scheduler, StudyDay};

/// A hash map with a fast, fixed-seed hasher: every event id is hashed on replay, and SipHash was a sixth
/// of replay's time. (Nothing here needs protection from crafted collisions; a log is the learner's own.)
type Map<K, V> = HashMap<K, V, FixedState>;

/// Everything derived from the log.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// Card id and history, in order of first mention.
    cards: Vec<(String, CardProgress)>,
    /// Card id → position in `cards`.
    index: Map<String, usize>,
    exams: BTreeMap<String, ExamRecord>,
    /// Every event id applied (for duplicates), with the card a review or answer belongs to (for undo).
    /// A review, answer, reschedule or reset is entered by `card_for`, every other event by `apply`. (Boxed
    /// ids and 32-bit positions make an entry 24 bytes instead of 40: the map holds every event of the log,
    /// 3 MB rather than 5 MB at 100,000 events, all of it fresh pages filled while replay files.)
    seen: Map<Box<str>, Option<u32>>,
    /// Ids named by an undo before their event arrived.
    cancelled: HashSet<String, FixedState>,
    stats: ReplayStats,
    /// While [`replay`] reads the log: records are only filed, and every card is folded once at the end.
    filing: bool,
    /// While filing: how many reviews each card will get, by the hash of its id, so that its history is
    /// allocated once (growing 100,000 reviews' histories step by step was a tenth of `recall stats`). Ids
    /// whose hashes collide share a count, which only makes a history's allocation larger.
    expected_reviews: Map<u64, usize>,
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

/// Replays `events` (in any order, possibly with duplicates) into [`Progress`].
///
/// The events are read in log order, filing each record under its card (duplicates and undos settled as
/// [`Progress::apply`] settles them); then every card is folded once, from its records, the cards shared out
/// over the cores (folding is FSRS arithmetic, most of a replay's time). The result is what applying the
/// events one by one gives: a card's state is always the fold of its records in log order.
pub fn replay(events: impl IntoIterator<Item = Event>, scheduler: &Scheduler) -> Progress {
    let mut events: Vec<Event> = events.into_iter().collect();
    events.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    let mut progress = Progress::default();
    progress.seen.reserve(events.len());
    progress.filing = true;
    let hasher = progress.index.hasher().clone();
    for event in &events {
        if let EventKind::Review { card, .. } = &event.kind {
            *progress
                .expected_reviews
                .entry(hasher.hash_one(card.as_str()))
                .or_default() += 1;
        }
    }
    for event in events {
        progress.apply(event, scheduler);
    }
    progress.filing = false;
    progress.expected_reviews = Map::default();
    fold_all(&mut progress.cards, scheduler);
    progress
}

/// Cards per thread below which folding stays on one thread.
const CARDS_PER_THREAD: usize = 512;

/// Cards a thread takes at a time: few enough that a thread held up (by another process on the machine)
/// leaves the rest of the work to the others rather than making them wait, many enough that taking the next
/// part costs nothing next to folding it.
const CARDS_PER_PART: usize = 64;

/// Folds every card from its records, on as many threads as there are cores.
fn fold_all(cards: &mut [(String, CardProgress)], scheduler: &Scheduler) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.min(cards.len().div_ceil(CARDS_PER_THREAD)).max(1);
    let parts = Mutex::new(cards.chunks_mut(CARDS_PER_PART));
    let fold = || {
        loop {
            let next = parts.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some(part) = next else {
                break;
            };
            for (id, card) in part {
                card.refold(id, scheduler);
            }
        }
    };
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(fold)).collect();
        fold();
        for helper in helpers {
            helper.join().expect("folding a card never panics");
        }
    });
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
        if self.seen.contains_key(event.id.as_str()) {
            self.stats.duplicates += 1;
            return false;
        }
        self.stats.events += 1;
        if !matches!(
            event.kind,
            EventKind::Review { .. }
                | EventKind::Answer { .. }
                | EventKind::Reschedule { .. }
                | EventKind::Reset { .. }
        ) {
            self.seen.insert(event.id.as_str().into(), None);
        }
        let Event { id, at, kind, .. } = event;
        // While filing, records are not folded (see `replay`).
        let fold = (!self.filing).then_some(scheduler);
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
                if let Some((card_id, c)) = self.card_for(card, &record.id) {
                    c.add_review(card_id, record, fold);
                }
            }
            EventKind::Answer { card, correct, mode } => {
                let record = AnswerRecord {
                    id,
                    at,
                    correct,
                    mode,
                };
                if let Some((card_id, c)) = self.card_for(card, &record.id) {
                    c.add_answer(card_id, record, fold);
                }
            }
            EventKind::Reschedule { card, due, memory } => {
                let record = ChangeRecord {
                    id,
                    at,
                    change: Change::Reschedule { due, memory },
                };
                if let Some((card_id, c)) = self.card_for(card, &record.id) {
                    c.add_change(card_id, record, fold);
                }
            }
            EventKind::Reset { card } => {
                let record = ChangeRecord {
                    id,
                    at,
                    change: Change::Reset,
                };
                if let Some((card_id, c)) = self.card_for(card, &record.id) {
                    c.add_change(card_id, record, fold);
                }
            }
            EventKind::Undo { target } => self.undo(target, fold),
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
                ..
            } => {
                let answer = ExamAnswerRecord { at, chosen, flagged };
                self.exam(exam).answers.insert(question, answer);
            }
            EventKind::ExamAbandoned { exam } => {
                self.exam(exam).abandoned = Some(at);
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

    /// The card a new review or answer `id` goes to, unless an undo already cancelled it.
    fn card_for(&mut self, card: String, id: &str) -> Option<(&str, &mut CardProgress)> {
        // (Most logs have no undo waiting for its event: the set is empty, and hashing the id is skipped.)
        if !self.cancelled.is_empty() && self.cancelled.remove(id) {
            self.seen.insert(id.into(), None);
            self.stats.undone += 1;
            return None;
        }
        let position = match self.index.get(&card) {
            Some(&p) => p,
            None => {
                let mut progress = CardProgress::default();
                if let Some(&n) = self
                    .expected_reviews
                    .get(&self.index.hasher().hash_one(card.as_str()))
                {
                    progress.reviews.reserve_exact(n);
                }
                self.index.insert(card.clone(), self.cards.len());
                self.cards.push((card, progress));
                self.cards.len() - 1
            }
        };
        let slot = u32::try_from(position).expect("a log names fewer than 4 billion cards");
        self.seen.insert(id.into(), Some(slot));
        self.cards.get_mut(position).map(|(id, c)| (id.as_str(), c))
    }

    fn undo(&mut self, target: String, scheduler: Option<&Scheduler>) {
        match self.seen.get(target.as_str()) {
            Some(&Some(position)) => {
                if let Some((card_id, card)) = self.cards.get_mut(position as usize)
                    && card.remove(card_id, &target, scheduler)
                {
                    self.stats.undone += 1;
                }
            }
            Some(None) => {} // not a review or answer: nothing to cancel
            None => {
                self.cancelled.insert(target);
            }
        }
    }

    fn exam(&mut self, id: String) -> &mut ExamRecord {
        self.exams
            .entry(id.clone())
            .or_insert_with(|| ExamRecord::new(id))
    }

    /// A card's replayed history, if the log mentions it.
    pub fn card(&self, id: &str) -> Option<&CardProgress> {
        self.index
            .get(id)
            .and_then(|&p| self.cards.get(p))
            .map(|(_, c)| c)
    }

    /// The card a review, answer, reschedule or reset with event id `event` was about, if it was applied
    /// (also once undone).
    pub fn card_of_event(&self, event: &str) -> Option<&str> {
        let position = (*self.seen.get(event)?)?;
        self.cards.get(position as usize).map(|(id, _)| id.as_str())
    }

    /// A card's current state ([`CardState::NEW`] if the log never mentions it).
    pub fn state(&self, id: &str) -> CardState {
        self.card(id).map_or(CardState::NEW, |c| c.state)
    }

    /// Every card the log mentions (including ids no longer in the deck), in order of first mention.
    pub fn cards(&self) -> impl Iterator<Item = (&str, &CardProgress)> {
        self.cards.iter().map(|(id, c)| (id.as_str(), c))
    }

    /// Every exam, ordered by exam id: each the log shows was started, answered or submitted. An
    /// `exam_abandoned` line alone (for an exam id the log does not otherwise know) names no exam, so it
    /// adds no row to exports or stats; it still closes its exam if that exam's lines come later.
    pub fn exams(&self) -> impl Iterator<Item = &ExamRecord> {
        self.exams
            .values()
            .filter(|e| e.started.is_some() || e.finished.is_some() || !e.answers.is_empty())
    }

    /// What replay did.
    pub fn stats(&self) -> ReplayStats {
        self.stats
    }

    /// New cards introduced and review-phase cards reviewed during `day` (cram reviews excluded).
    pub fn done_on(&self, day: &StudyDay) -> DayCounts {
        let mut counts = DayCounts::default();
        let reviews = self.cards.iter().flat_map(|(_, c)| &c.reviews);
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

/// What the scheduler reads of the past: [`Progress`] is the study history srs works from.
impl History for Progress {
    fn state(&self, card: &str) -> CardState {
        Progress::state(self, card)
    }

    fn done_on(&self, day: &StudyDay) -> DayCounts {
        Progress::done_on(self, day)
    }

    fn graded_reviews(&self) -> Vec<(&str, Vec<GradedReview>)> {
        self.cards()
            .map(|(id, c)| {
                let graded = c.reviews.iter().filter(|r| !r.cram);
                (
                    id,
                    graded
                        .map(|r| GradedReview {
                            at: r.at,
                            rating: r.rating,
                        })
                        .collect(),
                )
            })
            .collect()
    }
}
