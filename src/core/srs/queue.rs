//! The day's study queue: which cards a session shows, in what order, within the daily limits.
//!
//! Scheduled study shows seen cards that are due first — most overdue first, learning steps included — then
//! new cards in deck order. Reviews of graduated cards and new cards are capped per day, counting what was
//! already done since the day started ([`DayCounts`]); learning steps are never capped. A new card whose
//! sibling ([`Siblings`]) was studied today, or is already among today's new cards, waits for another day.
//! A learning card whose step ends later today waits in a timed list. Cram takes every card of the scope in
//! deck order.

use jiff::Timestamp;

use super::card::{CardState, Phase};
use super::day::StudyDay;
use super::history::DayCounts;
use super::siblings::Siblings;

/// Daily caps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// New cards introduced per day.
    pub new_per_day: u32,
    /// Reviews of graduated cards per day.
    pub reviews_per_day: u32,
}

impl Default for Limits {
    /// 20 new cards and 200 reviews a day.
    fn default() -> Limits {
        Limits {
            new_per_day: 20,
            reviews_per_day: 200,
        }
    }
}

/// How a session treats the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Due cards and new cards within the limits; grades change the schedule.
    Scheduled,
    /// Every card of the scope, ignoring due dates and limits; the schedule is left alone.
    Cram,
}

/// The cards a session starts with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Queue {
    /// Seen cards to show now, most overdue first (in cram: every card, in deck order).
    pub due: Vec<String>,
    /// Cards in learning steps that come due later today, soonest first.
    pub learning: Vec<(Timestamp, String)>,
    /// New cards to introduce, in deck order.
    pub new: Vec<String>,
}

impl Queue {
    /// The queue for `scope` (card ids in deck order) on `day` at `now`.
    ///
    /// `state` gives each card's current state; `done` is what was already done today; `siblings` holds
    /// back a new card whose related card was studied today or is already new today.
    #[allow(clippy::too_many_arguments)]
    pub fn build(
        scope: &[String],
        state: impl Fn(&str) -> CardState,
        day: &StudyDay,
        done: DayCounts,
        limits: Limits,
        siblings: &Siblings,
        mode: Mode,
        now: Timestamp,
    ) -> Queue {
        if mode == Mode::Cram {
            return Queue {
                due: scope.to_vec(),
                ..Queue::default()
            };
        }
        let mut due = Vec::new();
        let mut learning = Vec::new();
        let mut new = Vec::new();
        let new_left = remaining(limits.new_per_day, done.new);
        let buried = |id: &str, new: &[String]| {
            siblings.of(id).iter().any(|s| {
                new.contains(s)
                    || state(s)
                        .last_review
                        .is_some_and(|at| at >= day.start && at < day.end)
            })
        };
        for (position, id) in scope.iter().enumerate() {
            let card = state(id);
            match (card.phase, card.due) {
                (Phase::New, _) if new.len() < new_left && !buried(id, &new) => new.push(id.clone()),
                (Phase::New, _) => {}
                (phase, Some(at)) if phase.in_steps() && at > now && at < day.end => {
                    learning.push((at, id.clone()));
                }
                (phase, Some(at)) if at < day.end => due.push((at, position, phase, id)),
                _ => {}
            }
        }
        due.sort_by_key(|(at, position, _, _)| (*at, *position));
        let mut reviews_left = remaining(limits.reviews_per_day, done.reviews);
        let due = due
            .into_iter()
            .filter(|(_, _, phase, _)| {
                if *phase != Phase::Review {
                    return true;
                }
                let keep = reviews_left > 0;
                reviews_left = reviews_left.saturating_sub(1);
                keep
            })
            .map(|(_, _, _, id)| id.clone())
            .collect();
        learning.sort();
        Queue { due, learning, new }
    }

    /// How many cards the queue holds.
    pub fn len(&self) -> usize {
        self.due.len() + self.learning.len() + self.new.len()
    }

    /// Whether there is nothing to study.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn remaining(limit: u32, done: usize) -> usize {
    usize::try_from(limit).unwrap_or(usize::MAX).saturating_sub(done)
}
