//! What every screen may read: the deck, the learner's progress and scheduler, the language, the clock of
//! the latest tick, and the source of event ids. [`Setup`] is how `main` (or a test) builds it.

use std::cell::Cell;
use std::sync::Arc;

use jiff::Timestamp;

use super::key_overrides::Overrides;
use super::theme::Theme;
use crate::core::content::{Deck, Lang};
use crate::core::progress::{Event, EventKind, Progress, SCHEMA_VERSION};
use crate::core::srs::{self, DayClock, Limits, Mode, Scheduler, StudySession};

/// Mints unique event ids, `<prefix>-<unix-nanos>-<counter>`; the prefix names the device and process.
#[derive(Debug)]
pub struct IdGen {
    prefix: String,
    counter: Cell<u64>,
}

impl IdGen {
    /// Ids starting with `prefix` (e.g. `<device>-<pid>`).
    pub fn new(prefix: impl Into<String>) -> IdGen {
        IdGen {
            prefix: prefix.into(),
            counter: Cell::new(0),
        }
    }

    /// A fresh id for an event at `at`.
    pub fn next(&self, at: Timestamp) -> String {
        let n = self.counter.get();
        self.counter.set(n + 1);
        format!("{}-{}-{n:06}", self.prefix, at.as_nanosecond())
    }
}

/// The shared, read-mostly state of the interface.
pub struct Shared {
    /// The loaded deck.
    pub deck: Arc<Deck>,
    /// Whether the search worker has built its index (until then Search says it is indexing).
    pub search_ready: bool,
    /// The generation of the latest search request (see [`super::msg::SearchRequest`]).
    pub searches: Cell<u64>,
    /// Current language.
    pub lang: Lang,
    /// Styles.
    pub theme: Theme,
    /// The time of the latest tick: what actions treat as "now" (timers, event times).
    pub now: Timestamp,
    /// Seed for the next quiz or exam draw; the app advances it after every action.
    pub seed: u64,
    /// FSRS scheduler with the learner's settings.
    pub scheduler: Scheduler,
    /// Daily limits.
    pub limits: Limits,
    /// Every card's state, from replaying the log (kept current as events are saved).
    pub progress: Progress,
    /// Event ids.
    pub ids: IdGen,
    /// Key overrides from the settings.
    pub keys: Overrides,
}

impl Shared {
    /// A new event of `kind` stamped with a fresh id and the current time.
    pub fn event(&self, kind: EventKind) -> Event {
        Event {
            v: SCHEMA_VERSION,
            id: self.ids.next(self.now),
            at: self.now,
            kind,
        }
    }

    /// A study session starting now over `topic` (every topic if `None`).
    pub fn study_session(&self, topic: Option<&str>, mode: Mode) -> StudySession {
        let scope = srs::scope(&self.deck, topic);
        StudySession::start(
            self.scheduler.clone(),
            &self.progress,
            scope,
            self.limits,
            mode,
            self.now,
        )
    }

    /// The day clock (time zone and day start).
    pub fn clock(&self) -> &DayClock {
        self.scheduler.clock()
    }
}

/// Everything needed to start the interface.
pub struct Setup {
    /// The deck.
    pub deck: Arc<Deck>,
    /// Starting language.
    pub lang: Lang,
    /// Styles.
    pub theme: Theme,
    /// The time at start.
    pub now: Timestamp,
    /// First quiz/exam seed.
    pub seed: u64,
    /// Scheduler from the config.
    pub scheduler: Scheduler,
    /// Limits from the config.
    pub limits: Limits,
    /// Replayed progress.
    pub progress: Progress,
    /// Event id prefix (device and process).
    pub id_prefix: String,
    /// Key overrides from the settings.
    pub keys: Overrides,
}

impl Setup {
    /// A setup with defaults (UTC day starting at midnight, default FSRS, no progress, no color, seed 7):
    /// what tests and benches use.
    pub fn new(deck: Arc<Deck>, lang: Lang, now: Timestamp) -> Setup {
        let scheduler =
            Scheduler::new(&[], 0.9, DayClock::utc_midnight()).expect("default scheduler is valid");
        Setup {
            deck,
            lang,
            theme: Theme::new(false),
            now,
            seed: 7,
            scheduler,
            limits: Limits::default(),
            progress: Progress::new(),
            id_prefix: "test".to_string(),
            keys: Overrides::default(),
        }
    }

    /// Builds the shared state.
    pub fn into_shared(self) -> Shared {
        Shared {
            search_ready: false,
            searches: Cell::new(0),
            deck: self.deck,
            lang: self.lang,
            theme: self.theme,
            now: self.now,
            seed: self.seed,
            scheduler: self.scheduler,
            limits: self.limits,
            progress: self.progress,
            ids: IdGen::new(self.id_prefix),
            keys: self.keys,
        }
    }
}
