//! File-system work that the pure core must not do: decks, the progress log, settings and where they live.
//!
//! Everything here turns the outside world (folders, files, the deck embedded in the binary) into the plain
//! values the core takes, with typed errors that name the path:
//! - [`anki_package`]: read Anki's `.apkg`/`.colpkg` packages, write recall's `.apkg` export;
//! - [`deck`]: the bundled deck or a deck folder → [`crate::core::content::SourceFile`]s;
//! - [`deck_cache`]: checked deck files kept on this machine, so a big deck is parsed once per change;
//! - [`paths`]: the data directory (`--data-dir`, `RECALL_DATA_DIR`), settings file and device file;
//! - [`device`]: this machine's device id;
//! - [`log`]: append events durably to this device's log; read every device's log;
//! - [`config`]: load `config.toml` (creating it on first run) and save changed settings;
//! - [`progress`]: settings + every log → the replayed [`crate::core::progress::Progress`];
//! - [`export`]: write an export to stdout or atomically to a file;
//! - [`study_lock`]: one study session per data directory;
//! - [`memory`]: hand memory freed by loading back to the operating system;
//! - [`clock`]: the system clock, without a panic at either end of the calendar.

pub mod anki_package;
pub mod atomic;
pub mod clock;
pub mod config;
pub mod deck;
pub mod deck_cache;
pub mod device;
pub mod export;
pub mod log;
pub mod memory;
pub mod paths;
pub mod progress;
pub mod study_lock;
