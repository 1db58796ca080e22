//! recall: a terminal study and quiz application for structured topic decks.
//!
//! The crate is two layers with one direction of dependency, `ui → core`:
//! - [`core`] is the pure domain: it loads and validates decks ([`core::content`]), schedules flashcards and
//!   runs study sessions ([`core::srs`]), searches decks ([`core::search`]), replays the progress log ([`core::progress`]) and parses settings
//!   ([`core::config`]); [`core::anki`] turns Anki's text export and packages into topic files and review events. It never reads the clock or touches the terminal.
//! - [`io`] does the file-system work the core must not: deck folders and the embedded bundled deck, the data
//!   directory, the append-only progress log and `config.toml`.
//! - [`cli`] holds the headless commands (`check`, `list`, `topics`, `search`, `optimize`, `stats`, `export`,
//!   `import anki`) that print and exit. Everything they print passes through `cli::output::Safe`, which
//!   renders untrusted text with [`core::untrusted::for_terminal`] (control and bidi characters as visible
//!   escapes).
//!
//! Study data flows: `io::log::read_dir` → events → `core::progress::replay` (with a `core::srs::Scheduler`
//! built from `core::config::Config`) → `Progress` → `core::srs::StudySession` → each grade an `Event` →
//! `io::log::EventLog::append` (fsync) → `StudySession::confirm`. Stats and exports read the same replay:
//! `io::progress::load` → `Progress` → `core::progress::Stats::compute` (the stats screen, `recall stats`)
//! or `core::progress::export` (bytes) → `io::export::write` (stdout, or a file replaced atomically).
//!
//! - [`text`] is the message catalogue, one folder per language (`en`, `ko`): every word `cli` and `ui` show a
//!   learner, below both, so neither reaches into the other for its words.
//!
//! `main.rs` parses arguments with clap and dispatches to a headless command or the interface.

pub mod cli;
pub mod core;
pub mod io;
pub mod text;
pub mod ui;
