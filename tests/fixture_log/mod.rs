//! The small fixture log (`tests/fixtures/logs/small`) over the minimal deck (`tests/fixtures/valid/minimal`),
//! with the fixed clock and scheduler the stats and export tests use. The log's contents are described
//! where the tests rely on them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use recall::core::content::{Deck, Lang};
use recall::core::progress::export::ExportInput;
use recall::core::progress::{Event, Progress, replay};
use recall::core::srs::{DayClock, Scheduler};
use recall::io::deck::{self, DeckLocation};

/// The folder holding the fixture log.
pub fn log_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logs/small")
}

/// The minimal deck folder.
pub fn deck_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal")
}

/// The minimal deck: one topic `basics` with cards `lambda-max-timeout`, `pitr-window` (facts) and
/// `mobile-saml` (scenario).
pub fn deck() -> Deck {
    let loaded = deck::load(&DeckLocation::Dir(deck_dir())).expect("the fixture deck folder is readable");
    loaded.into_deck(false).expect("the fixture deck is valid").0
}

/// Every event of the fixture log (one line is a duplicate of another).
pub fn events() -> Vec<Event> {
    let read = recall::io::log::read_dir(&log_dir()).expect("the fixture log is readable");
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    read.events
}

/// FSRS-6 defaults, retention 0.9, UTC study days starting at 4 am.
pub fn scheduler() -> Scheduler {
    let clock = DayClock::new(jiff::tz::TimeZone::UTC, 4).expect("4 is a valid hour");
    Scheduler::new(&[], 0.9, clock).expect("defaults are valid")
}

/// "Now" for the fixture: 2025-05-03 12:00 UTC, the day of the last review.
pub fn now() -> Timestamp {
    "2025-05-03T12:00:00Z".parse().expect("valid")
}

/// The fixture log replayed.
pub fn progress() -> Progress {
    replay(events(), &scheduler())
}

/// Everything an export needs, borrowed from the given values.
pub fn input<'a>(
    deck: &'a Deck,
    progress: &'a Progress,
    events: &'a [Event],
    scheduler: &'a Scheduler,
    lang: Lang,
) -> ExportInput<'a> {
    ExportInput {
        deck,
        progress,
        events,
        scheduler,
        now: now(),
        lang,
    }
}
