//! Progress: the append-only event log's types, and everything derived from replaying it.
//!
//! [`crate::core::event`] is the log's schema (one JSON line per [`Event`]); [`replay()`] folds any set of events into
//! [`Progress`]: per-card scheduling state ([`history`]) and mock exams ([`exams`]). Reading and writing
//! the files is `crate::io::log`'s job. [`stats`] summarizes a replay for the stats screen and
//! `recall stats`; [`export`] turns it into CSV, JSON and Anki files.

pub mod exams;
pub mod export;
pub mod history;
pub mod replay;
pub mod stats;

/// The event schema lives below both `progress` and `srs` ([`crate::core::event`]); re-exported here, where
/// the log is replayed.
pub use crate::core::event::{AnswerMode, Event, EventKind, MemoryState, Rating, SCHEMA_VERSION};
pub use crate::core::srs::DayCounts;
pub use exams::{ExamAnswerRecord, ExamRecord, ExamResult, ExamStart};
pub use history::{AnswerRecord, CardProgress, Change, ChangeRecord, ReviewRecord};
pub use replay::{Progress, ReplayStats, replay};
pub use stats::Stats;
