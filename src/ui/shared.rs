//! What every screen may read: the deck, the learner's progress and scheduler, the language, the clock of
//! the latest tick, and the source of event ids. [`Setup`] is how `main` (or a test) builds it.

use crate::core::config::KeywordHighlights;
use std::cell::{Cell, OnceCell};
use std::collections::BTreeSet;
use std::sync::Arc;

use jiff::Timestamp;

use super::key_overrides::Overrides;
use super::theme::Theme;
use crate::core::content::{Deck, Lang};
use crate::core::progress::{Event, EventKind, Progress, SCHEMA_VERSION};
use crate::core::quiz::QuizPool;
use crate::core::readiness::{self, Readiness};
use crate::core::srs::{self, DayClock, Limits, Mode, Scheduler, Siblings, StudyCounts, StudySession, Tally};

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
    /// What quizzes are drawn from, built once by the index worker ([`Msg::QuizPool`](super::msg::Msg)); until
    /// it arrives, a quiz reads the deck itself.
    pub quiz_pool: Option<Arc<QuizPool>>,
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
    /// When scenario keywords are highlighted (Study, Quiz, Browse; never in an open exam).
    pub highlights: KeywordHighlights,
    /// Cards that are never new on the same day (the deck's `related` items).
    pub siblings: Siblings,
    /// Every card's state, from replaying the log (kept current as events are saved).
    pub progress: Progress,
    /// Event ids.
    pub ids: IdGen,
    /// Key overrides from the settings.
    pub keys: Overrides,
    /// Today's due and new counts per topic and in all, derived from `progress`: counted again when
    /// progress or the study day changes (see [`Shared::refresh_counts`]), never per frame.
    pub counts: TodayCounts,
    /// Progress changed since `counts` was computed.
    pub counts_stale: bool,
    /// Exam readiness for tomorrow, refreshed with `counts`.
    pub readiness: Readiness,
    /// Whether source links are drawn as terminal hyperlinks (OSC 8; not where plain output is asked for).
    pub links: bool,
    /// Every source URL of the deck, gathered the first time a link is drawn.
    source_urls: OnceCell<BTreeSet<String>>,
}

/// What Home shows for today, and the study day it was computed for.
#[derive(Debug, Clone, Default)]
pub struct TodayCounts {
    /// The study day (index) the counts belong to.
    pub day: i64,
    /// Per topic, in deck order: what studying that topic alone would hold today.
    pub per_topic: Vec<StudyCounts>,
    /// Every topic together (the daily limits are shared, so the topics' numbers do not add up to this).
    pub all: StudyCounts,
    /// What the counts are read from; counted again card by card as progress changes.
    tally: Tally,
    /// Cards whose state changed since the last count (their topics are counted again).
    changed: Vec<String>,
    /// A change whose card is not known: everything is counted again.
    changed_all: bool,
}

pub use crate::core::readiness::tomorrow as readiness_day;

/// Cards changed since the last count above which counting every topic again is as cheap.
const RECOUNT_ALL_AFTER: usize = 64;

impl Shared {
    /// What widgets draw with: the language, the theme and the key overrides.
    pub fn look(&self) -> super::widgets::Look<'_> {
        super::widgets::Look {
            lang: self.lang,
            theme: &self.theme,
            keys: &self.keys,
        }
    }

    /// Brings today's counts up to date with progress: the topics of the cards that changed since the last
    /// count ([`Shared::note_change`]) are counted again, or every topic when many changed, when the study day
    /// is another, or when a change's card is unknown. Call when Home shows again after progress changed.
    pub fn refresh_counts(&mut self) {
        let clock = self.scheduler.clock();
        let counts = &mut self.counts;
        let day = clock.study_day(self.now).index;
        if counts.changed_all || counts.changed.len() > RECOUNT_ALL_AFTER || counts.tally.day() != Some(day) {
            counts
                .tally
                .recount_all(&self.deck, &self.progress, clock, self.now);
        } else {
            counts.changed.sort_unstable();
            counts.changed.dedup();
            for card in &counts.changed {
                counts
                    .tally
                    .recount(&self.deck, &self.progress, card, clock, self.now);
            }
        }
        counts.changed.clear();
        counts.changed_all = false;
        counts.day = day;
        counts.per_topic = counts.tally.per_topic(&self.deck);
        counts.all = counts.tally.all();
        self.counts_stale = false;
        // Readiness reads every scenario's history once, by the deck's interned ids: linear, about 2 ms with
        // the counts after a grade on 100,000 items (criterion, shapes bench).
        self.readiness = readiness::predict(
            &self.deck,
            &self.progress,
            &self.scheduler,
            readiness_day(&self.scheduler, self.now),
        );
    }

    /// Counts every topic again (at start).
    fn count_all(&mut self) {
        self.counts.tally = Tally::new(
            &self.deck,
            &self.progress,
            self.limits,
            &self.siblings,
            self.scheduler.clock(),
            self.now,
        );
        self.refresh_counts();
    }

    /// Notes that `event`, just applied to progress, may have changed a card's state: Home's counts are
    /// stale, and will count that card's topics again.
    pub fn note_change(&mut self, event: &Event) {
        let card = match &event.kind {
            EventKind::Review { card, .. }
            | EventKind::Answer { card, .. }
            | EventKind::Reschedule { card, .. }
            | EventKind::Reset { card } => Some(card.as_str()),
            EventKind::Undo { target } => match self.progress.card_of_event(target) {
                Some(card) => Some(card),
                None => {
                    self.counts.changed_all = true;
                    None
                }
            },
            EventKind::ExamStarted { .. }
            | EventKind::ExamAnswer { .. }
            | EventKind::ExamAbandoned { .. }
            | EventKind::ExamFinished { .. } => None,
        };
        if let Some(card) = card {
            self.counts.changed.push(card.to_string());
        }
        self.counts_stale = true;
    }

    /// Counts again if a new study day began (the clock passed the day start).
    pub fn refresh_counts_on_new_day(&mut self) {
        if self.clock().study_day(self.now).index != self.counts.day {
            self.refresh_counts();
        }
    }

    /// A new event of `kind` stamped with a fresh id and the current time.
    pub fn event(&self, kind: EventKind) -> Event {
        Event {
            v: SCHEMA_VERSION,
            id: self.ids.next(self.now),
            at: self.now,
            kind,
        }
    }

    /// A cram session starting now over `cards`, in the order given (the cards of a session just done).
    pub fn cram_session(&self, cards: Vec<String>) -> StudySession {
        StudySession::start(
            self.scheduler.clone(),
            &self.progress,
            cards,
            self.limits,
            &self.siblings,
            Mode::Cram,
            self.now,
        )
    }

    /// A study session starting now over `topic` (every topic if `None`), allowing `extra_new` new cards
    /// on top of today's limit.
    pub fn study_session(&self, topic: Option<&str>, mode: Mode, extra_new: u32) -> StudySession {
        let scope = srs::scope(&self.deck, topic);
        let limits = Limits {
            new_per_day: self.limits.new_per_day.saturating_add(extra_new),
            ..self.limits
        };
        StudySession::start(
            self.scheduler.clone(),
            &self.progress,
            scope,
            limits,
            &self.siblings,
            mode,
            self.now,
        )
    }

    /// The day clock (time zone and day start).
    pub fn clock(&self) -> &DayClock {
        self.scheduler.clock()
    }

    /// Every source URL of the deck: the only texts a drawn source link may point to.
    pub fn source_urls(&self) -> &BTreeSet<String> {
        self.source_urls.get_or_init(|| {
            let mut urls = BTreeSet::new();
            for topic in self.deck.topics() {
                for section in &topic.sections {
                    urls.extend(section.sources.iter().cloned());
                }
                for compare in &topic.compares {
                    urls.extend(compare.sources.iter().cloned());
                }
                urls.extend(topic.facts.iter().map(|f| f.source.clone()));
                urls.extend(topic.scenarios.iter().map(|s| s.source.clone()));
            }
            urls
        })
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
    /// Keyword highlights from the config.
    pub highlights: KeywordHighlights,
    /// Replayed progress.
    pub progress: Progress,
    /// Event id prefix (device and process).
    pub id_prefix: String,
    /// Key overrides from the settings.
    pub keys: Overrides,
    /// Source links as terminal hyperlinks (see [`crate::ui::widgets::links`]).
    pub links: bool,
}

impl Setup {
    /// A setup with defaults (UTC day starting at midnight, default FSRS, no progress, no color, no links,
    /// seed 7): what tests and benches use.
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
            highlights: KeywordHighlights::default(),
            progress: Progress::new(),
            id_prefix: "test".to_string(),
            keys: Overrides::default(),
            links: false,
        }
    }

    /// Builds the shared state.
    pub fn into_shared(self) -> Shared {
        let siblings = Siblings::of_deck(&self.deck);
        let mut shared = Shared {
            search_ready: false,
            quiz_pool: None,
            searches: Cell::new(0),
            deck: self.deck,
            lang: self.lang,
            theme: self.theme,
            now: self.now,
            seed: self.seed,
            scheduler: self.scheduler,
            limits: self.limits,
            highlights: self.highlights,
            siblings,
            progress: self.progress,
            ids: IdGen::new(self.id_prefix),
            keys: self.keys,
            counts: TodayCounts::default(),
            counts_stale: false,
            readiness: Readiness::default(),
            links: self.links,
            source_urls: OnceCell::new(),
        };
        shared.count_all();
        shared
    }
}
