//! The pure domain of recall: content, scheduling, quizzes, progress, search and settings.
//!
//! Nothing here touches the terminal, the clock or a global random number generator: time comes in as a
//! parameter and randomness as a seeded RNG, so every behaviour is reproducible in tests.
//!
//! - [`content`]: deck files → validated [`content::Deck`].
//! - [`event`]: the progress log's schema (events, grades), below both `srs` and `progress`.
//! - [`progress`]: the event log's replay into per-card state, stats and exports.
//! - [`srs`]: FSRS scheduling, study days, the daily queue, the study session.
//! - [`quiz`]: questions, generated questions, grading, quiz and exam sessions.
//! - [`config`]: the settings file.
//! - [`anki`]: Anki's plain-text export → the text of a topic file (`recall import anki`).
//! - [`readiness`]: the predicted mock-exam score and each scenario's chance of a right answer.
//! - [`percent`]: whole percentages, rounded one way wherever recall shows one.
//! - [`untrusted`]: rendering deck, log and settings text for a terminal or JSON without raw control characters.

pub mod anki;
pub mod config;
pub mod content;
pub mod event;
pub mod percent;
pub mod progress;
pub mod quiz;
pub mod readiness;
pub mod search;
pub mod srs;
pub mod untrusted;
