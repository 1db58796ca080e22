//! The pure domain of recall: content, scheduling, quizzes, progress, search and settings.
//!
//! Nothing here touches the terminal, the clock or a global random number generator: time comes in as a
//! parameter and randomness as a seeded RNG, so every behaviour is reproducible in tests.

pub mod content;
pub mod progress;
pub mod search;
