//! Replay of the `reschedule` and `reset` events (`recall import anki` writes them for Anki's set due
//! date, rescheduling and reset): they move the due date or clear the card, keep the counts, and give
//! the same state in any input order.

use jiff::Timestamp;
use recall::core::event::{Event, EventKind, MemoryState, Rating};
use recall::core::progress::replay;
use recall::core::srs::{DayClock, Phase, Scheduler};

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn scheduler() -> Scheduler {
    Scheduler::new(&[], 0.9, DayClock::utc_midnight()).unwrap()
}

fn review(id: &str, at: &str, rating: Rating) -> Event {
    Event::new(
        id,
        ts(at),
        EventKind::Review {
            card: "t/c".into(),
            rating,
            duration_ms: 1000,
            cram: false,
        },
    )
}

#[test]
fn a_reschedule_moves_the_due_date_and_keeps_the_memory() {
    let due = ts("2026-02-01T00:00:00Z");
    let events = vec![
        review("a", "2026-01-01T10:00:00Z", Rating::Good),
        review("b", "2026-01-01T10:10:00Z", Rating::Good),
        Event::new(
            "c",
            ts("2026-01-02T10:00:00Z"),
            EventKind::Reschedule {
                card: "t/c".into(),
                due,
                memory: None,
            },
        ),
    ];
    let before = replay(events[..2].to_vec(), &scheduler()).state("t/c");
    let after = replay(events.clone(), &scheduler()).state("t/c");
    assert_eq!(after.due, Some(due));
    assert_eq!(after.memory, before.memory);
    assert_eq!(after.phase, Phase::Review);
    assert_eq!(
        after.scheduled_days, 31,
        "from the last review's day to the due day"
    );
    assert_eq!(after.reps, 2);
    let mut reversed = events;
    reversed.reverse();
    assert_eq!(replay(reversed, &scheduler()).state("t/c"), after);
}

#[test]
fn a_reschedule_with_memory_seeds_it_and_counts_as_reviewed() {
    let at = ts("2026-01-05T10:00:00Z");
    let memory = MemoryState {
        stability: 42.0,
        difficulty: 6.5,
    };
    let events = vec![Event::new(
        "s",
        at,
        EventKind::Reschedule {
            card: "t/c".into(),
            due: ts("2026-02-16T00:00:00Z"),
            memory: Some(memory),
        },
    )];
    let state = replay(events, &scheduler()).state("t/c");
    let m = state.memory.unwrap();
    assert_eq!((m.stability, m.difficulty), (42.0, 6.5));
    assert_eq!(state.last_review, Some(at));
    assert_eq!(state.reps, 0, "no grade was given");
}

#[test]
fn a_reset_makes_the_card_new_and_keeps_its_counts() {
    let events = vec![
        review("a", "2026-01-01T10:00:00Z", Rating::Easy),
        review("b", "2026-01-05T10:00:00Z", Rating::Again),
        Event::new(
            "r",
            ts("2026-01-06T10:00:00Z"),
            EventKind::Reset { card: "t/c".into() },
        ),
        review("c", "2026-01-07T10:00:00Z", Rating::Good),
    ];
    let progress = replay(events.clone(), &scheduler());
    let fresh = replay(
        vec![review("x", "2026-01-07T10:00:00Z", Rating::Good)],
        &scheduler(),
    );
    let state = progress.state("t/c");
    assert_eq!(
        state.memory,
        fresh.state("t/c").memory,
        "the review after a reset starts from scratch"
    );
    assert_eq!(state.reps, 3);
    assert_eq!(state.lapses, 1);
    assert_eq!(progress.card("t/c").unwrap().reviews.len(), 3);
    // Out of order, one event at a time: the same state.
    let mut one_by_one = recall::core::progress::Progress::new();
    for event in events.into_iter().rev() {
        one_by_one.apply(event, &scheduler());
    }
    assert_eq!(one_by_one.state("t/c"), state);
}
