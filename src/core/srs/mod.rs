//! Spaced repetition: FSRS scheduling (the `fsrs` crate), learning steps, study days, the daily queue and
//! the study session the UI drives.
//!
//! Data flows one way: a study [`History`] (the replayed log, `crate::core::progress::Progress`, implements
//! it) gives each card's [`CardState`]; a [`Scheduler`] (FSRS parameters, desired retention, [`DayClock`], [`Steps`]) turns a
//! state and a grade into the next state; [`Queue`] picks today's cards within the [`Limits`]; a
//! [`StudySession`] walks them, returning each grade as an event for `crate::io::log` to write. Nothing
//! here reads the clock: every function takes `now`.

pub mod card;
pub mod counts;
pub mod day;
pub mod fuzz;
pub mod history;
pub mod interval;
pub mod optimize;
pub mod queue;
pub mod scheduler;
pub mod session;
pub mod siblings;
pub mod summary;

pub use card::{CardState, Memory, Phase};
pub use counts::{StudyCounts, Tally, counts, scope, topic_counts};
pub use day::{DayClock, DayClockError, StudyDay};
pub use history::{DayCounts, GradedReview, History};
pub use interval::{WaitUnit, format_wait, wait_amount};
pub use optimize::{Fitted, MIN_TRAINING_ITEMS, OptimizeError, TrainingSet, fit, training_set};
pub use queue::{Limits, Mode, Queue};
pub use scheduler::{MAX_INTERVAL_DAYS, Outcome, RETENTION_RANGE, Scheduler, SchedulerError, Steps};
pub use session::{Current, Remaining, SessionError, StudySession};
pub use siblings::Siblings;
pub use summary::{NextDue, SessionSummary};
