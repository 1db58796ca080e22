//! The scheduler: what each grade does to a card, computed with FSRS (the `fsrs` crate) plus Anki-style
//! learning steps.
//!
//! New and forgotten cards first go through short steps (1 min, 10 min; relearning 10 min) so an Again comes
//! back within the same session; graduating cards get whole-day intervals from FSRS at the desired
//! retention, fuzzed deterministically ([`super::fuzz`]). Whole days follow Anki's rules exactly (rslib
//! `scheduler/states/`): a card leaving its steps gets FSRS's interval for its grade, and Easy only has to
//! exceed Good; a card in review gets Hard < Good < Easy. Elapsed time for FSRS is counted in study days
//! ([`DayClock`]). [`Scheduler::preview`] gives all four outcomes (for the buttons); [`Scheduler::apply`]
//! picks one. Live study and log replay both call `apply`, so they agree.

use std::ops::RangeInclusive;

use fsrs::{FSRS, NextStates};
use jiff::{SignedDuration, Timestamp};

use super::card::{CardState, Memory, Phase};
use super::day::DayClock;
use super::fuzz::{fuzz_fraction, fuzzed_days};
use super::interval::format_wait;
use crate::core::event::Rating;

/// Desired retention must lie in this range.
pub const RETENTION_RANGE: RangeInclusive<f32> = 0.7..=0.99;

/// The longest interval, in days (100 years).
pub const MAX_INTERVAL_DAYS: u32 = 36_500;

const DAY: SignedDuration = SignedDuration::from_hours(24);

/// Why a scheduler cannot be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SchedulerError {
    /// Desired retention outside [`RETENTION_RANGE`].
    #[error("desired retention {0} is out of range; use 0.7 to 0.99")]
    Retention(f32),
    /// FSRS rejected the parameters.
    #[error("invalid FSRS parameters ({count} values): {reason}")]
    Parameters {
        /// How many values were given.
        count: usize,
        /// What FSRS said.
        reason: String,
    },
    /// A learning or relearning step is unusable.
    #[error("invalid steps: {0}")]
    Steps(String),
}

/// Short-term steps: delays between same-day repetitions of a new or forgotten card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Steps {
    /// Steps of a new card (at least one).
    pub learning: Vec<SignedDuration>,
    /// Steps of a forgotten card (may be empty: then Again schedules in days at once).
    pub relearning: Vec<SignedDuration>,
}

impl Default for Steps {
    /// 1 min and 10 min for new cards, 10 min for forgotten ones (Anki's defaults).
    fn default() -> Steps {
        Steps {
            learning: vec![SignedDuration::from_mins(1), SignedDuration::from_mins(10)],
            relearning: vec![SignedDuration::from_mins(10)],
        }
    }
}

/// What one grade would do to a card.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// The grade.
    pub rating: Rating,
    /// The card's state after it.
    pub state: CardState,
    /// How long until the card comes back: the step's delay, or the interval in whole days.
    pub wait: SignedDuration,
}

impl Outcome {
    /// The button label for the wait ("10m", "3d").
    pub fn label(&self) -> String {
        format_wait(self.wait)
    }
}

/// Schedules cards with FSRS at a desired retention, learning steps and a day clock.
#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: FSRS,
    /// The forgetting curve's decay (FSRS-6's last parameter; 0.5 for older parameter sets).
    decay: f32,
    retention: f32,
    clock: DayClock,
    steps: Steps,
    fuzz: bool,
}

impl Scheduler {
    /// A scheduler with FSRS `parameters` (empty = FSRS-6 defaults; 17, 19 or 21 values otherwise),
    /// `desired_retention` in [`RETENTION_RANGE`] and the default [`Steps`].
    pub fn new(
        parameters: &[f32],
        desired_retention: f32,
        clock: DayClock,
    ) -> Result<Scheduler, SchedulerError> {
        if !RETENTION_RANGE.contains(&desired_retention) {
            return Err(SchedulerError::Retention(desired_retention));
        }
        let invalid = |e: fsrs::FSRSError| SchedulerError::Parameters {
            count: parameters.len(),
            reason: format!("{e:?}"),
        };
        let fsrs = FSRS::new(parameters).map_err(invalid)?;
        let filled = fsrs::check_and_fill_parameters(parameters).map_err(invalid)?;
        let decay = filled.get(20).copied().unwrap_or(fsrs::FSRS6_DEFAULT_DECAY);
        Ok(Scheduler {
            fsrs,
            decay,
            retention: desired_retention,
            clock,
            steps: Steps::default(),
            fuzz: true,
        })
    }

    /// The same scheduler without interval fuzz: every interval is FSRS's, rounded, under Anki's rules.
    /// recall itself always fuzzes; this exists to compare schedules with a reference that does not
    /// (py-fsrs with fuzzing off) and for simulations.
    pub fn without_fuzz(mut self) -> Scheduler {
        self.fuzz = false;
        self
    }

    /// The same scheduler with other steps; each must be over zero and under a day.
    pub fn with_steps(mut self, steps: Steps) -> Result<Scheduler, SchedulerError> {
        if steps.learning.is_empty() {
            return Err(SchedulerError::Steps(
                "a new card needs at least one learning step".into(),
            ));
        }
        let all = steps.learning.iter().chain(&steps.relearning);
        if let Some(bad) = all.clone().find(|s| s.is_zero() || s.is_negative() || **s >= DAY) {
            return Err(SchedulerError::Steps(format!(
                "{bad:?} is not between zero and a day"
            )));
        }
        if steps.learning.len() > usize::from(u8::MAX) || steps.relearning.len() > usize::from(u8::MAX) {
            return Err(SchedulerError::Steps("at most 255 steps".into()));
        }
        self.steps = steps;
        Ok(self)
    }

    /// The day clock (time zone and day start).
    pub fn clock(&self) -> &DayClock {
        &self.clock
    }

    /// The desired retention.
    pub fn retention(&self) -> f32 {
        self.retention
    }

    /// The probability of recalling a seen card at `now` under FSRS's forgetting curve, counting elapsed
    /// time in whole study days as scheduling does (so 1.0 on the day of its last review); `None` for a card
    /// without memory (new).
    pub fn retrievability(&self, state: &CardState, now: Timestamp) -> Option<f32> {
        let memory = state.memory?;
        let last = state.last_review?;
        if !(memory.stability.is_finite() && memory.stability > 0.0) {
            return None;
        }
        let days = self.clock.days_between(last, now) as f32;
        let r = fsrs::current_retrievability(memory.into(), days, self.decay);
        r.is_finite().then_some(r.clamp(0.0, 1.0))
    }

    /// The state after grading `state` (of card `card_id`) with `rating` at `now`.
    pub fn apply(&self, card_id: &str, state: &CardState, rating: Rating, now: Timestamp) -> CardState {
        self.outcome(&self.plan(card_id, state, now), state, rating, now)
            .state
    }

    /// What each grade, Again to Easy, would do to `state` at `now`.
    pub fn preview(&self, card_id: &str, state: &CardState, now: Timestamp) -> [Outcome; 4] {
        let plan = self.plan(card_id, state, now);
        Rating::ALL.map(|rating| self.outcome(&plan, state, rating, now))
    }

    /// FSRS's next memory states and the whole-day intervals of all four grades.
    fn plan(&self, card_id: &str, state: &CardState, now: Timestamp) -> Plan {
        let today = self.clock.day_index(now);
        let elapsed = state.last_review.map_or(0, |last| {
            u32::try_from((today - self.clock.day_index(last)).max(0)).unwrap_or(u32::MAX)
        });
        let next = self
            .fsrs
            .next_states(state.memory.map(Into::into), self.retention, elapsed)
            .ok();
        let exact = Rating::ALL.map(|r| next.as_ref().map_or(1.0, |n| pick(n, r).interval));
        let fraction = self.fuzz.then(|| fuzz_fraction(card_id, state.reps));
        let days = match state.phase {
            Phase::Review => review_days(exact, state.scheduled_days, fraction),
            Phase::New | Phase::Learning | Phase::Relearning => step_days(exact, fraction),
        };
        Plan { next, days, today }
    }

    /// One grade's outcome under `plan`.
    fn outcome(&self, plan: &Plan, state: &CardState, rating: Rating, now: Timestamp) -> Outcome {
        let memory = plan.next.as_ref().map(|n| Memory::from(pick(n, rating).memory));
        let graded = CardState {
            memory: memory.or(state.memory),
            reps: state.reps.saturating_add(1),
            last_review: Some(now),
            ..*state
        };
        self.transition(graded, rating, plan.days[rating_index(rating)], plan.today, now)
    }

    /// Moves a graded card to its next phase and due time.
    fn transition(&self, card: CardState, rating: Rating, days: u32, today: i64, now: Timestamp) -> Outcome {
        let (steps, step_phase) = match card.phase {
            Phase::New | Phase::Learning => (&self.steps.learning, Phase::Learning),
            Phase::Review | Phase::Relearning => (&self.steps.relearning, Phase::Relearning),
        };
        let card = if card.phase == Phase::Review && rating == Rating::Again {
            CardState {
                lapses: card.lapses.saturating_add(1),
                ..card
            }
        } else {
            card
        };
        let current = if card.phase.in_steps() {
            usize::from(card.step)
        } else {
            0
        };
        let current = current.min(steps.len().saturating_sub(1));
        let step_to = match (card.phase, rating) {
            (_, Rating::Easy) => None,
            (Phase::Review, Rating::Hard | Rating::Good) => None,
            (_, Rating::Again) => steps.first().map(|d| (0, *d)),
            (_, Rating::Hard) => hard_delay(steps, current).map(|d| (current, d)),
            (_, Rating::Good) => steps.get(current + 1).map(|d| (current + 1, *d)),
        };
        let outcome = |state, wait| Outcome { rating, state, wait };
        match step_to {
            Some((step, delay)) => outcome(
                CardState {
                    phase: step_phase,
                    step: u8::try_from(step).unwrap_or(u8::MAX),
                    due: Some(now.checked_add(delay).unwrap_or(now)),
                    scheduled_days: 0,
                    ..card
                },
                delay,
            ),
            None => {
                let due = self.clock.day_start(today + i64::from(days));
                outcome(
                    CardState {
                        phase: Phase::Review,
                        step: 0,
                        due: Some(due),
                        scheduled_days: days,
                        ..card
                    },
                    DAY * i32::try_from(days).unwrap_or(i32::MAX),
                )
            }
        }
    }
}

/// Everything about a review that does not depend on the grade chosen.
struct Plan {
    next: Option<NextStates>,
    days: [u32; 4],
    today: i64,
}

/// Hard repeats a step: halfway to the next step from the first, 1.5× (at most a day more) for a single
/// step, otherwise the current step again.
fn hard_delay(steps: &[SignedDuration], current: usize) -> Option<SignedDuration> {
    let this = *steps.get(current)?;
    match (current, steps.get(1)) {
        (0, Some(next)) => Some((this + *next) / 2),
        (0, None) => Some((this * 3 / 2).min(this + DAY)),
        _ => Some(this),
    }
}

/// Whole days of a card leaving its learning or relearning steps (Anki's `learning.rs`, `relearning.rs`):
/// each grade gets FSRS's interval, at least a day, and Easy at least a day more than Good would get.
/// (Only Good on the last step and Easy leave the steps, unless there are no steps.)
fn step_days(exact: [f32; 4], fraction: Option<f64>) -> [u32; 4] {
    let fuzz = |interval: f32, min: u32| fuzzed_days(interval, fraction, min, MAX_INTERVAL_DAYS);
    let whole = |interval: f32| interval.round().max(1.0);
    let good_floor = fuzz(exact[2], 1);
    [
        fuzz(whole(exact[0]), 1),
        fuzz(whole(exact[1]), 1),
        fuzz(whole(exact[2]), 1),
        fuzz(whole(exact[3]), good_floor.saturating_add(1)),
    ]
}

/// Whole days of a card in review (Anki's `review.rs`): Hard at least a day, Good more than Hard, Easy more
/// than Good, and an interval that FSRS lengthens is not fuzzed below the last one. Again's days (used only
/// without relearning steps) are FSRS's interval rounded, unfuzzed: fuzz applies when the card leaves
/// relearning.
fn review_days(exact: [f32; 4], last: u32, fraction: Option<f64>) -> [u32; 4] {
    let fuzz = |interval: f32, min: u32| fuzzed_days(interval, fraction, min, MAX_INTERVAL_DAYS);
    let above_last = |interval: f32| {
        if interval.round() > last as f32 {
            last.saturating_add(1)
        } else {
            0
        }
    };
    let again = fuzzed_days(exact[0].round().max(1.0), None, 1, MAX_INTERVAL_DAYS);
    let hard = fuzz(exact[1], above_last(exact[1]).max(1));
    let good = fuzz(exact[2], above_last(exact[2]).max(hard.saturating_add(1)));
    let easy = fuzz(exact[3], above_last(exact[3]).max(good.saturating_add(1)));
    [again, hard, good, easy]
}

fn rating_index(r: Rating) -> usize {
    (r.number() as usize).saturating_sub(1).min(3)
}

fn pick(n: &NextStates, r: Rating) -> &fsrs::ItemState {
    match r {
        Rating::Again => &n.again,
        Rating::Hard => &n.hard,
        Rating::Good => &n.good,
        Rating::Easy => &n.easy,
    }
}
