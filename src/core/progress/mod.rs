//! Progress: the append-only event log's types, and everything derived from replaying it.

pub mod event;

pub use event::{AnswerMode, Event, EventKind, Rating, SCHEMA_VERSION};
