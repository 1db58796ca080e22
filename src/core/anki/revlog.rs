//! One card's Anki review log → recall events, read the way Anki's FSRS reads it when it computes a
//! card's memory state (rslib `scheduler/fsrs/params.rs`, `reviews_for_fsrs`, and `memory_state.rs`), so
//! that recall's replay arrives at the same stability and difficulty:
//!
//! - a graded entry (learning, review, relearning, or a review in a rescheduling filtered deck) is a
//!   `review` with its button as the grade, its time and its answer time;
//! - a filtered-deck entry with factor 0 is cramming (a deck that does not reschedule): a `review` with
//!   `cram`, kept for the record, moving nothing;
//! - a manual entry with factor 0 is a reset ("Forget"): a `reset`;
//! - any other ungraded entry (set due date, or Anki rescheduling cards when FSRS settings change) is a
//!   `reschedule` to the day it set: the last graded review's day plus the logged interval (how Anki
//!   computes it with FSRS on), or, for the card's last such entry, the card's own due date;
//! - a new round of learning steps after reviews without a reset entry (Anki before 23.10 logged none)
//!   gets a `reset` just before it, since Anki starts the card's memory there;
//! - a history that does not start with learning steps (truncated, or after a reset with no new
//!   learning) starts, like Anki's, from an SM-2 estimate at the first graded review of a day or more: a
//!   `reschedule` with that `memory` right after that review;
//! - a card in review with no graded entry at all gets a `reschedule` to its due date, with the memory
//!   state Anki stored for it (or the SM-2 estimate from its ease and interval).
//!
//! Day numbers follow the collection: day `k` starts `created + k × 86 400` seconds, as Anki counts them.

use fsrs::FSRS;
use jiff::Timestamp;

use super::collection::{Card, Revlog, RevlogKind};
use crate::core::event::{Event, EventKind, MemoryState, Rating};

/// What the conversion needs besides the card's rows.
pub struct Context<'a> {
    /// recall's global id of the card (`topic/item`).
    pub card_id: &'a str,
    /// The collection's creation time (start of day 0), epoch seconds.
    pub created: i64,
    /// FSRS with recall's parameters, for SM-2 estimates.
    pub fsrs: &'a FSRS,
    /// The retention Anki assumes for SM-2 estimates (the preset's historical retention).
    pub historical_retention: f32,
}

const DAY_SECS: i64 = 86_400;
/// Due values above this are epoch seconds (learning cards); below, day numbers.
const EPOCH_DUE: i64 = 1_000_000_000;

fn graded(e: &Revlog) -> bool {
    (1..=4).contains(&e.ease)
}

fn cramming(e: &Revlog) -> bool {
    e.kind == RevlogKind::Filtered && e.factor == 0
}

fn reset(e: &Revlog) -> bool {
    e.kind == RevlogKind::Manual && e.factor == 0
}

fn at_millis(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn day_of(created: i64, ms: i64) -> i64 {
    (ms.div_euclid(1000) - created).div_euclid(DAY_SECS)
}

fn day_start(created: i64, day: i64) -> Timestamp {
    Timestamp::from_second(created.saturating_add(day.saturating_mul(DAY_SECS)))
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

/// The card's due time from its own row, if it is a review card with a due date.
pub fn card_due(card: &Card, created: i64) -> Option<Timestamp> {
    let due = card.home_due();
    match card.ctype {
        0 => None,
        _ if due > EPOCH_DUE => Timestamp::from_second(due).ok(),
        _ => Some(day_start(created, due)),
    }
}

/// Where Anki's memory computation starts in `entries`, and whether the history is complete (it starts
/// with learning steps). `None`: nothing to compute from (Anki: no memory state from the log).
fn start(entries: &[Revlog]) -> Option<(usize, bool)> {
    let mut first_learning = None;
    let mut first_grade = None;
    let mut complete = false;
    for (index, e) in entries.iter().enumerate().rev() {
        if cramming(e) {
            continue;
        }
        let interday = e.interval >= 1 || e.interval <= -DAY_SECS;
        if graded(e) && interday {
            first_grade = Some(index);
        }
        if graded(e) && e.kind == RevlogKind::Learning {
            first_learning = Some(index);
            complete = true;
        } else if reset(e) {
            if first_learning.is_some() {
                complete = true;
                break;
            } else if first_grade.is_some() {
                complete = false;
                break;
            }
            return None;
        } else if first_learning.is_some() {
            break;
        }
    }
    match first_learning {
        Some(i) => Some((i, complete)),
        None => first_grade.map(|i| (i, false)),
    }
}

/// Anki's SM-2 estimate of a memory state from an ease (as logged: permille, or FSRS difficulty scaled
/// to 100–1100) and an interval in days.
fn sm2_estimate(ctx: &Context<'_>, factor: i64, interval: i64) -> Option<MemoryState> {
    let ease = if factor == 0 { 2.5 } else { factor as f32 / 1000.0 };
    let state = ctx
        .fsrs
        .memory_state_from_sm2(ease, interval.max(1) as f32, ctx.historical_retention)
        .ok()?;
    let difficulty = if ease <= 1.1 {
        // The factor was written by FSRS: it is the difficulty itself.
        (ease - 0.1) * 9.0 + 1.0
    } else {
        state.difficulty
    };
    Some(MemoryState {
        stability: state.stability,
        difficulty,
    })
}

/// The memory state Anki stored in a card's `data` (`s`, `d`), if any.
fn stored_memory(card: &Card) -> Option<MemoryState> {
    #[derive(serde::Deserialize)]
    struct Data {
        s: Option<f32>,
        d: Option<f32>,
    }
    let data: Data = serde_json::from_str(&card.data).ok()?;
    Some(MemoryState {
        stability: data.s.filter(|s| s.is_finite() && *s > 0.0)?,
        difficulty: data.d.filter(|d| d.is_finite())?,
    })
}

/// The last review time Anki stored in a card's `data` (`lrt`, epoch seconds), if any.
fn stored_last_review(card: &Card) -> Option<i64> {
    #[derive(serde::Deserialize)]
    struct Data {
        lrt: Option<i64>,
    }
    serde_json::from_str::<Data>(&card.data).ok()?.lrt
}

/// The events for one card; `entries` are its review log rows, oldest first.
pub fn events(card: &Card, entries: &[Revlog], ctx: &Context<'_>) -> Vec<Event> {
    let id = |e: &Revlog| format!("anki-{}-{}", card.id, e.id);
    let card_id = || ctx.card_id.to_string();
    let mut out = Vec::new();
    if !entries.iter().any(graded) && card.ctype != 0 && !entries.iter().any(|e| !graded(e) && !reset(e)) {
        // Scheduled, but without a log: take the card's own state.
        if let Some(due) = card_due(card, ctx.created) {
            let memory = stored_memory(card).or_else(|| sm2_estimate(ctx, card.factor, card.interval));
            let at = stored_last_review(card)
                .and_then(|s| Timestamp::from_second(s).ok())
                .unwrap_or_else(|| {
                    due.checked_sub(jiff::SignedDuration::from_hours(24 * card.interval.max(0)))
                        .unwrap_or(due)
                });
            out.push(Event::new(
                format!("anki-{}-state", card.id),
                at,
                EventKind::Reschedule {
                    card: card_id(),
                    due,
                    memory,
                },
            ));
        }
        return out;
    }
    let start = start(entries);
    let last_graded_index = entries.iter().rposition(|e| graded(e) && !cramming(e));
    let mut last_graded: Option<&Revlog> = None;
    for (index, e) in entries.iter().enumerate() {
        let at = at_millis(e.id);
        if let Some((first, true)) = start
            && index == first
            && index > 0
            && !entries[..index]
                .iter()
                .rev()
                .find(|p| !cramming(p))
                .is_some_and(reset)
            && entries[..index].iter().any(|p| graded(p) && !cramming(p))
        {
            // A new round of learning with no reset logged before it.
            out.push(Event::new(
                format!("{}-reset", id(e)),
                at.checked_sub(jiff::SignedDuration::from_millis(1)).unwrap_or(at),
                EventKind::Reset { card: card_id() },
            ));
        }
        if graded(e) {
            let rating = Rating::from_number(e.ease as u32).unwrap_or(Rating::Good);
            out.push(Event::new(
                id(e),
                at,
                EventKind::Review {
                    card: card_id(),
                    rating,
                    duration_ms: e.time.max(0) as u64,
                    cram: cramming(e),
                },
            ));
            if cramming(e) {
                continue;
            }
            if let Some((first, false)) = start
                && index == first
                && let Some(memory) = sm2_estimate(ctx, e.factor, e.interval)
            {
                let due = day_start(ctx.created, day_of(ctx.created, e.id) + e.interval.max(1));
                out.push(Event::new(
                    format!("{}-seed", id(e)),
                    at,
                    EventKind::Reschedule {
                        card: card_id(),
                        due,
                        memory: Some(memory),
                    },
                ));
            }
            last_graded = Some(e);
        } else if reset(e) {
            out.push(Event::new(id(e), at, EventKind::Reset { card: card_id() }));
            last_graded = None;
        } else {
            let final_entry = last_graded_index.is_none_or(|g| g < index);
            let due = match (
                final_entry.then(|| card_due(card, ctx.created)).flatten(),
                last_graded,
            ) {
                (Some(due), _) => due,
                (None, Some(g)) if e.interval > 0 => {
                    day_start(ctx.created, day_of(ctx.created, g.id) + e.interval)
                }
                _ => day_start(ctx.created, day_of(ctx.created, e.id) + e.interval.max(0)),
            };
            out.push(Event::new(
                id(e),
                at,
                EventKind::Reschedule {
                    card: card_id(),
                    due,
                    memory: None,
                },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, ease: i64, interval: i64, factor: i64, kind: RevlogKind) -> Revlog {
        Revlog {
            id,
            card: 7,
            ease,
            interval,
            last_interval: 0,
            factor,
            time: 5000,
            kind,
        }
    }

    fn card() -> Card {
        Card {
            id: 7,
            note: 1,
            deck: 1,
            original_deck: 0,
            ord: 0,
            ctype: 2,
            queue: 2,
            due: 30,
            original_due: 0,
            interval: 10,
            factor: 2500,
            reps: 3,
            lapses: 0,
            data: String::new(),
        }
    }

    const CREATED: i64 = 1_767_585_600; // 2026-01-05 04:00 UTC
    const DAY_MS: i64 = 86_400_000;

    fn run(entries: &[Revlog]) -> Vec<EventKind> {
        let fsrs = FSRS::new(&[]).unwrap();
        let ctx = Context {
            card_id: "t/c",
            created: CREATED,
            fsrs: &fsrs,
            historical_retention: 0.9,
        };
        events(&card(), entries, &ctx)
            .into_iter()
            .map(|e| e.kind)
            .collect()
    }

    #[test]
    fn grades_cram_resets_and_due_dates_map_to_their_events() {
        let t0 = CREATED * 1000 + 5 * 3_600_000;
        let kinds = run(&[
            entry(t0, 3, -600, 2500, RevlogKind::Learning),
            entry(t0 + 600_000, 3, 1, 2500, RevlogKind::Learning),
            entry(t0 + DAY_MS, 1, -600, 2300, RevlogKind::Review),
            entry(t0 + 2 * DAY_MS, 3, 0, 0, RevlogKind::Filtered),
            entry(t0 + 3 * DAY_MS, 0, 5, 2300, RevlogKind::Manual),
            entry(t0 + 4 * DAY_MS, 0, 0, 0, RevlogKind::Manual),
            entry(t0 + 5 * DAY_MS, 4, 4, 2500, RevlogKind::Learning),
        ]);
        let names: Vec<&str> = kinds
            .iter()
            .map(|k| match k {
                EventKind::Review { cram: true, .. } => "cram",
                EventKind::Review { .. } => "review",
                EventKind::Reschedule { .. } => "reschedule",
                EventKind::Reset { .. } => "reset",
                _ => "other",
            })
            .collect();
        assert_eq!(
            names,
            [
                "review",
                "review",
                "review",
                "cram",
                "reschedule",
                "reset",
                "review"
            ]
        );
        // Set due date: the last graded review's day (day 1) plus the logged interval (5).
        let EventKind::Reschedule {
            due, memory: None, ..
        } = kinds[4]
        else {
            panic!("{kinds:?}")
        };
        assert_eq!(due, day_start(CREATED, 6));
    }

    #[test]
    fn a_new_round_of_learning_without_a_reset_entry_gets_one() {
        let t0 = CREATED * 1000 + 3_600_000;
        let kinds = run(&[
            entry(t0, 3, 1, 2500, RevlogKind::Learning),
            entry(t0 + DAY_MS, 3, 3, 2500, RevlogKind::Review),
            entry(t0 + 2 * DAY_MS, 3, -600, 2500, RevlogKind::Learning),
        ]);
        assert!(matches!(kinds[2], EventKind::Reset { .. }), "{kinds:?}");
        assert_eq!(kinds.len(), 4);
    }

    #[test]
    fn a_truncated_history_starts_from_anki_sm2_estimate() {
        let t0 = CREATED * 1000 + 3_600_000;
        let kinds = run(&[
            entry(t0, 3, 100, 2500, RevlogKind::Review),
            entry(t0 + 100 * DAY_MS, 3, 250, 2500, RevlogKind::Review),
        ]);
        let EventKind::Reschedule {
            memory: Some(m), due, ..
        } = &kinds[1]
        else {
            panic!("{kinds:?}")
        };
        // Anki's own test (memory_state.rs, bypassed_learning_is_handled): S 100, D 5.0036.
        assert!((m.stability - 100.0).abs() < 0.01, "{m:?}");
        assert!((m.difficulty - 5.003_576).abs() < 0.001, "{m:?}");
        assert_eq!(*due, day_start(CREATED, 100));
    }

    #[test]
    fn a_scheduled_card_without_a_log_keeps_its_stored_state() {
        let fsrs = FSRS::new(&[]).unwrap();
        let ctx = Context {
            card_id: "t/c",
            created: CREATED,
            fsrs: &fsrs,
            historical_retention: 0.9,
        };
        let card = Card {
            data: r#"{"s":12.5,"d":6.25,"lrt":1767700000}"#.into(),
            ..card()
        };
        let events = events(&card, &[], &ctx);
        let EventKind::Reschedule {
            memory: Some(m), due, ..
        } = &events[0].kind
        else {
            panic!("{events:?}")
        };
        assert_eq!((m.stability, m.difficulty), (12.5, 6.25));
        assert_eq!(*due, day_start(CREATED, 30));
        assert_eq!(events[0].at, Timestamp::from_second(1_767_700_000).unwrap());
    }
}
