//! recall: a terminal study and quiz application for structured topic decks.
//!
//! The crate is two layers with one direction of dependency, `ui → core`:
//! - [`core`] is the pure domain: it loads and validates decks ([`core::content`]), searches them
//!   ([`core::search`]), schedules flashcards, grades quizzes and replays the progress log. It never reads the
//!   clock or touches the terminal.
//! - [`io`] does the file-system work the core must not: reading deck folders, the embedded bundled deck.
//! - [`cli`] holds the headless commands (`check`, `list`, `topics`, `search`) that print and exit.
//!
//! `main.rs` parses arguments with clap and dispatches to a headless command or the interface.

pub mod cli;
pub mod core;
pub mod io;
