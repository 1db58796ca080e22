//! Writes a synthetic progress log for benchmarks and optimizer tests (dev-only; not part of the product).
//!
//! `cargo run --release --example gen_log -- DIR [EVENTS]` simulates a learner who studies every day —
//! due cards first, then new cards, learning steps within the day, about 10% Again — until `EVENTS` events
//! (default 100,000) exist, with a few quiz answers and undos mixed in, and writes them as
//! `DIR/events-<device>.jsonl`. The same seed always gives the same log.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use jiff::{SignedDuration, Timestamp};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use recall::core::progress::{AnswerMode, Event, EventKind, Rating};
use recall::core::srs::{CardState, DayClock, Scheduler};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "target/gen-log".to_string());
    let events: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let log = generate(events, 42);
    write_log(Path::new(&dir), "00000000000000aa", &log)?;
    eprintln!("wrote {} events to {dir}", log.len());
    Ok(())
}

/// Writes `events` as `dir/events-<device>.jsonl`.
pub fn write_log(dir: &Path, device: &str, events: &[Event]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let file = std::fs::File::create(dir.join(format!("events-{device}.jsonl")))?;
    let mut out = std::io::BufWriter::new(file);
    for e in events {
        serde_json::to_writer(&mut out, e)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// The scheduler the simulation uses: FSRS-6 defaults, retention 0.9, UTC days starting at 4 am.
pub fn scheduler() -> Scheduler {
    let clock = DayClock::new(jiff::tz::TimeZone::UTC, 4).expect("4 is a valid hour");
    Scheduler::new(&[], 0.9, clock).expect("defaults are valid")
}

/// About `n` events of a simulated learner (deterministic for a `seed`).
pub fn generate(n: usize, seed: u64) -> Vec<Event> {
    let scheduler = scheduler();
    let mut sim = Simulation {
        scheduler: &scheduler,
        rng: StdRng::seed_from_u64(seed),
        states: HashMap::new(),
        events: Vec::with_capacity(n + 16),
        limit: n,
    };
    let cards: Vec<String> = (0..(n / 20).max(10))
        .map(|i| format!("topic-{:02}/card-{i:05}", i % 10))
        .collect();
    let mut new_cards = cards.iter();
    let mut day_start: Timestamp = "2024-01-01T09:00:00Z".parse().expect("valid time");
    while sim.events.len() < n {
        let day_end = scheduler.clock().study_day(day_start).end;
        let mut queue: Vec<(Timestamp, String)> = sim
            .states
            .iter()
            .filter_map(|(c, s)| s.due.filter(|d| *d < day_end).map(|d| (d, c.clone())))
            .collect();
        queue.sort();
        let mut queue: Vec<String> = queue.into_iter().map(|(_, c)| c).collect();
        queue.extend(new_cards.by_ref().take(20).cloned());
        let mut now = day_start;
        let mut learning: std::collections::VecDeque<String> = std::collections::VecDeque::new();
        for card in queue {
            now = sim.review(&card, now, day_end, &mut learning);
        }
        while let Some(card) = learning.pop_front() {
            let due = sim.states[&card].due.unwrap_or(now);
            now = sim.review(&card, now.max(due), day_end, &mut learning);
        }
        day_start += SignedDuration::from_hours(24);
    }
    sim.events
}

struct Simulation<'a> {
    scheduler: &'a Scheduler,
    rng: StdRng,
    states: HashMap<String, CardState>,
    events: Vec<Event>,
    limit: usize,
}

impl Simulation<'_> {
    /// Reviews `card` at `now` (maybe undoing it, maybe adding a quiz answer); returns the time after.
    fn review(
        &mut self,
        card: &str,
        now: Timestamp,
        day_end: Timestamp,
        learning: &mut std::collections::VecDeque<String>,
    ) -> Timestamp {
        if self.events.len() >= self.limit {
            return now;
        }
        let state = self.states.get(card).copied().unwrap_or_default();
        let rating = match self.rng.random_range(0..100) {
            0..10 => Rating::Again,
            10..20 => Rating::Hard,
            20..90 => Rating::Good,
            _ => Rating::Easy,
        };
        let id = format!("gen-{:08}", self.events.len());
        let kind = EventKind::Review {
            card: card.to_string(),
            rating,
            duration_ms: 8_000,
            cram: false,
        };
        self.events.push(Event::new(&id, now, kind));
        let later = now + SignedDuration::from_secs(30);
        if self.rng.random_range(0..100) == 0 {
            let id = format!("gen-{:08}", self.events.len());
            self.events.push(Event::new(
                id,
                later,
                EventKind::Undo {
                    target: format!("gen-{:08}", self.events.len() - 1),
                },
            ));
            self.states.insert(card.to_string(), state);
            learning.push_back(card.to_string());
            return later;
        }
        let mut after = self.scheduler.apply(card, &state, rating, now);
        if self.rng.random_range(0..50) == 0 {
            let correct = self.rng.random_range(0..4) != 0;
            let kind = EventKind::Answer {
                card: card.to_string(),
                correct,
                mode: AnswerMode::Quiz,
            };
            self.events
                .push(Event::new(format!("gen-{:08}", self.events.len()), later, kind));
            if !correct {
                after = after.answered_wrong(later);
            }
        }
        self.states.insert(card.to_string(), after);
        if after.phase.in_steps() && after.due.is_some_and(|d| d < day_end) {
            learning.push_back(card.to_string());
        }
        later
    }
}
