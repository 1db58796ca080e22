//! A study session: the state machine the study screen drives.
//!
//! The session shows one card at a time (question, then answer after [`StudySession::reveal`]). A grade or
//! an undo does not take effect at once: [`StudySession::grade`] and [`StudySession::undo`] return the
//! [`Event`] to write, and the session moves on only when the caller reports the write succeeded
//! ([`StudySession::confirm`]). If the write failed, [`StudySession::cancel`] drops it: the card stays on
//! screen and the grade is not counted. So a card is never shown as answered unless its grade is on disk.
//!
//! Card states change through [`Scheduler::apply`] exactly as replay does, so the log a session writes
//! replays to the session's own states. Undo restores the card, the queue and the counts of the moment
//! before the grade.

use std::collections::{HashMap, VecDeque};

use foldhash::fast::FixedState;

use jiff::{SignedDuration, Timestamp};

use super::card::CardState;
use super::day::StudyDay;
use super::history::History;
use super::queue::{Limits, Mode, Queue};
use super::scheduler::{Outcome, Scheduler};
use super::siblings::Siblings;
use super::summary::{Ahead, NextDue, SessionSummary};
use crate::core::event::{Event, EventKind, Rating};

/// How soon a card graded Again in cram comes back (if other cards are left).
const CRAM_AGAIN: SignedDuration = SignedDuration::from_mins(1);

/// Why the session refused an action.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// No card is left.
    #[error("the session is over")]
    Finished,
    /// Grades come after the answer is shown.
    #[error("reveal the answer before grading")]
    NotRevealed,
    /// A grade or undo is waiting for the write to be confirmed or cancelled.
    #[error("the last answer is still being saved")]
    WritePending,
    /// `confirm` was called with nothing waiting.
    #[error("nothing is waiting to be saved")]
    NothingPending,
    /// No grade of this session is left to take back.
    #[error("nothing to undo")]
    NothingToUndo,
}

/// The card on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Current {
    /// Global card id.
    pub card: String,
    /// Whether the answer side is shown.
    pub revealed: bool,
    /// When it was shown (for the review's duration).
    pub shown_at: Timestamp,
    /// Its scheduling state now.
    pub state: CardState,
}

/// Cards still to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Remaining {
    /// Seen cards due now (cram: cards not yet shown).
    pub due: usize,
    /// Cards in learning steps due later in the session.
    pub learning: usize,
    /// New cards.
    pub new: usize,
}

/// A confirmed grade, with what undo needs to take it back.
#[derive(Debug, Clone)]
pub(super) struct Done {
    pub(super) event_id: String,
    pub(super) card: String,
    pub(super) rating: Rating,
    pub(super) duration_ms: u64,
    before: CardState,
    cursor_before: Cursor,
}

/// The cards not on screen yet.
#[derive(Debug, Clone, Default)]
struct Cursor {
    due: VecDeque<String>,
    new: VecDeque<String>,
    /// (due, card), soonest first.
    learning: Vec<(Timestamp, String)>,
}

/// A grade or undo waiting for its write.
#[derive(Debug, Clone)]
enum Pending {
    Grade(Grade),
    Undo,
}

#[derive(Debug, Clone)]
struct Grade {
    event_id: String,
    rating: Rating,
    duration_ms: u64,
    after: CardState,
}

/// One study session over a scope of cards.
#[derive(Debug, Clone)]
pub struct StudySession {
    scheduler: Scheduler,
    mode: Mode,
    day: StudyDay,
    limits: Limits,
    scope: Vec<String>,
    /// The state of every card of the scope that is not [`CardState::NEW`] (a card absent is new): the cards
    /// the learner has seen, and those graded in the session. Most of a big deck is new, and a session over
    /// all of it starts without a state per card.
    states: HashMap<String, CardState, FixedState>,
    cursor: Cursor,
    current: Option<Current>,
    pending: Option<Pending>,
    done: Vec<Done>,
    started_at: Timestamp,
    /// When the last card was answered and nothing was left; `None` while a card is on screen.
    finished_at: Option<Timestamp>,
    /// New cards introduced today before the session started (for the daily limit).
    new_before: usize,
}

impl StudySession {
    /// Starts a session at `now` over `scope` (card ids in deck order), from the replayed `progress`.
    pub fn start(
        scheduler: Scheduler,
        progress: &impl History,
        scope: Vec<String>,
        limits: Limits,
        siblings: &Siblings,
        mode: Mode,
        now: Timestamp,
    ) -> StudySession {
        let day = scheduler.clock().study_day(now);
        let states: HashMap<String, CardState, FixedState> = scope
            .iter()
            .filter_map(|id| {
                let state = progress.state(id);
                (state != CardState::NEW).then(|| (id.clone(), state))
            })
            .collect();
        let state = |id: &str| states.get(id).copied().unwrap_or_default();
        let done_today = progress.done_on(&day);
        let queue = Queue::build(&scope, state, &day, done_today, limits, siblings, mode, now);
        let mut session = StudySession {
            scheduler,
            mode,
            day,
            limits,
            scope,
            states,
            cursor: Cursor {
                due: queue.due.into(),
                new: queue.new.into(),
                learning: queue.learning,
            },
            current: None,
            pending: None,
            done: Vec::new(),
            started_at: now,
            finished_at: None,
            new_before: done_today.new,
        };
        session.advance(now);
        session
    }

    /// The card on screen; `None` when the session is over.
    pub fn current(&self) -> Option<&Current> {
        self.current.as_ref()
    }

    /// Whether no card is left.
    pub fn is_finished(&self) -> bool {
        self.current.is_none()
    }

    /// Scheduled study or cram.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The study day the session belongs to.
    pub fn day(&self) -> &StudyDay {
        &self.day
    }

    /// The cards of the session, in deck order.
    pub fn scope(&self) -> &[String] {
        &self.scope
    }

    /// Whether a grade or undo is waiting for its write to be confirmed or cancelled.
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// A card's state as the session sees it (new if outside the scope).
    pub fn state(&self, card: &str) -> CardState {
        self.states.get(card).copied().unwrap_or_default()
    }

    /// Cards still to show after the current one.
    pub fn remaining(&self) -> Remaining {
        Remaining {
            due: self.cursor.due.len(),
            learning: self.cursor.learning.len(),
            new: self.cursor.new.len(),
        }
    }

    /// Whether a grade of this session can be taken back.
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    /// Shows the answer side; returns false if there is no card or it was already shown.
    pub fn reveal(&mut self) -> bool {
        match &mut self.current {
            Some(c) if !c.revealed => {
                c.revealed = true;
                true
            }
            _ => false,
        }
    }

    /// What each grade would do to the current card at `now`, for the button labels.
    ///
    /// `None` when there is no card, or in cram (which does not schedule).
    pub fn previews(&self, now: Timestamp) -> Option<[Outcome; 4]> {
        let current = self.current.as_ref().filter(|_| self.mode == Mode::Scheduled)?;
        Some(self.scheduler.preview(&current.card, &current.state, now))
    }

    /// Grades the current card at `now`; returns the `review` event (with id `event_id`) to write.
    ///
    /// Nothing changes until [`confirm`](Self::confirm); call [`cancel`](Self::cancel) if the write fails.
    pub fn grade(&mut self, rating: Rating, event_id: String, now: Timestamp) -> Result<Event, SessionError> {
        if self.pending.is_some() {
            return Err(SessionError::WritePending);
        }
        let current = self.current.as_ref().ok_or(SessionError::Finished)?;
        if !current.revealed {
            return Err(SessionError::NotRevealed);
        }
        let cram = self.mode == Mode::Cram;
        let after = if cram {
            current.state
        } else {
            self.scheduler.apply(&current.card, &current.state, rating, now)
        };
        let duration_ms = u64::try_from(now.duration_since(current.shown_at).as_millis()).unwrap_or(0);
        let kind = EventKind::Review {
            card: current.card.clone(),
            rating,
            duration_ms,
            cram,
        };
        let event = Event::new(event_id, now, kind);
        self.pending = Some(Pending::Grade(Grade {
            event_id: event.id.clone(),
            rating,
            duration_ms,
            after,
        }));
        Ok(event)
    }

    /// Takes back the last confirmed grade of this session; returns the `undo` event (id `event_id`) to
    /// write. Nothing changes until [`confirm`](Self::confirm).
    pub fn undo(&mut self, event_id: String, now: Timestamp) -> Result<Event, SessionError> {
        if self.pending.is_some() {
            return Err(SessionError::WritePending);
        }
        let last = self.done.last().ok_or(SessionError::NothingToUndo)?;
        let kind = EventKind::Undo {
            target: last.event_id.clone(),
        };
        self.pending = Some(Pending::Undo);
        Ok(Event::new(event_id, now, kind))
    }

    /// The pending event was written and synced: apply it and show the next card (chosen at `now`).
    pub fn confirm(&mut self, now: Timestamp) -> Result<(), SessionError> {
        match self.pending.take().ok_or(SessionError::NothingPending)? {
            Pending::Grade(grade) => self.apply_grade(grade, now),
            Pending::Undo => self.apply_undo(now),
        }
        Ok(())
    }

    /// The pending event could not be written: forget it. The card stays as it was. Returns whether
    /// something was pending.
    pub fn cancel(&mut self) -> bool {
        self.pending.take().is_some()
    }

    /// Cards, accuracy and time so far, and what falls due tomorrow.
    pub fn summary(&self, now: Timestamp) -> SessionSummary {
        let clock = self.scheduler.clock();
        let tomorrow = clock.day(self.day.index + 1);
        let due_tomorrow = self
            .states
            .values()
            .filter(|s| s.is_due_before(tomorrow.end))
            .count();
        // Every card of the scope (its ids are distinct) without a state here is new.
        let seen = self.states.values().filter(|s| !s.is_new()).count();
        let unseen = self.scope.len().saturating_sub(seen);
        let limit = usize::try_from(self.limits.new_per_day).unwrap_or(usize::MAX);
        let new_tomorrow = unseen.min(limit);
        let introduced = self.done.iter().filter(|d| d.before.is_new()).count();
        let new_left_today = limit.saturating_sub(self.new_before + introduced);
        let waiting = unseen.saturating_sub(self.cursor.new.len());
        let new_over_limit = if new_left_today == 0 { waiting } else { 0 };
        let end = self.finished_at.unwrap_or(now);
        let next_due = self
            .states
            .values()
            .filter_map(|s| s.due)
            .filter(|due| *due > end)
            .min()
            .map(|due| {
                let days = clock.day_index(due) - self.day.index;
                match u32::try_from(days) {
                    Ok(days) if days > 0 => NextDue::InDays(days),
                    _ => NextDue::Today(due),
                }
            });
        let ahead = Ahead {
            due_tomorrow,
            new_tomorrow,
            next_due,
            new_over_limit,
            new_held_back: waiting - new_over_limit,
        };
        SessionSummary::from_done(
            &self.done,
            end.duration_since(self.started_at).max(SignedDuration::ZERO),
            ahead,
        )
    }

    /// The distinct cards graded in this session (undone grades excluded), in the order first graded:
    /// what "cram these cards again" goes through.
    pub fn studied(&self) -> Vec<String> {
        let mut cards: Vec<String> = Vec::new();
        for d in &self.done {
            if !cards.contains(&d.card) {
                cards.push(d.card.clone());
            }
        }
        cards
    }

    fn apply_grade(&mut self, grade: Grade, now: Timestamp) {
        let Some(current) = self.current.take() else {
            return;
        };
        self.done.push(Done {
            event_id: grade.event_id,
            card: current.card.clone(),
            rating: grade.rating,
            duration_ms: grade.duration_ms,
            before: current.state,
            cursor_before: self.cursor.clone(),
        });
        let after = grade.after;
        let comes_back = match self.mode {
            Mode::Scheduled => {
                self.states.insert(current.card.clone(), after);
                after
                    .due
                    .filter(|due| after.phase.in_steps() && *due < self.day.end)
            }
            Mode::Cram => {
                (grade.rating == Rating::Again).then(|| now.saturating_add(CRAM_AGAIN).unwrap_or(now))
            }
        };
        if let Some(due) = comes_back {
            let at = self.cursor.learning.partition_point(|(t, _)| *t <= due);
            self.cursor.learning.insert(at, (due, current.card));
        }
        self.advance(now);
    }

    fn apply_undo(&mut self, now: Timestamp) {
        let Some(done) = self.done.pop() else {
            return;
        };
        self.states.insert(done.card.clone(), done.before);
        self.cursor = done.cursor_before;
        self.current = Some(Current {
            card: done.card,
            revealed: false,
            shown_at: now,
            state: done.before,
        });
    }

    /// Picks the next card: a learning card whose step is over, else a due card, else a new one, else the
    /// learning card due soonest (so an Again comes back before the session ends).
    fn advance(&mut self, now: Timestamp) {
        let learning_due = self.cursor.learning.first().is_some_and(|(due, _)| *due <= now);
        let next = if learning_due {
            Some(self.cursor.learning.remove(0).1)
        } else if let Some(card) = self.cursor.due.pop_front() {
            Some(card)
        } else if let Some(card) = self.cursor.new.pop_front() {
            Some(card)
        } else if self.cursor.learning.is_empty() {
            None
        } else {
            Some(self.cursor.learning.remove(0).1)
        };
        self.current = next.map(|card| Current {
            state: self.states.get(&card).copied().unwrap_or_default(),
            card,
            revealed: false,
            shown_at: now,
        });
        self.finished_at = if self.current.is_none() { Some(now) } else { None };
    }
}
