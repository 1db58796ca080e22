//! Replay of the progress log: replay equals the live session that wrote it (proptest), in any input
//! order and with duplicates; undo; quiz answers; exams; no panic on any events.

mod common;

use common::{mins, review, scheduler, ts};
use jiff::Timestamp;
use proptest::prelude::*;
use recall::core::progress::{AnswerMode, Event, EventKind, Progress, Rating, replay};
use recall::core::srs::{Limits, Mode, Phase, Siblings, StudySession};

#[derive(Debug, Clone)]
enum Action {
    Grade(usize),
    Undo,
    Wait(i64),
    FailNextWrite,
    NewSession,
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        6 => (0..4usize).prop_map(Action::Grade),
        1 => Just(Action::Undo),
        2 => prop_oneof![0..3i64, 5..30i64, 600..3000i64].prop_map(Action::Wait),
        1 => Just(Action::FailNextWrite),
        1 => Just(Action::NewSession),
    ]
}

const SCOPE: [&str; 5] = ["t/a", "t/b", "t/c", "t/d", "t/e"];

fn scope() -> Vec<String> {
    SCOPE.iter().map(|s| s.to_string()).collect()
}

/// Drives sessions through `actions`; returns the events written and the last session.
fn live(actions: &[Action]) -> (Vec<Event>, StudySession) {
    let s = scheduler();
    let limits = Limits {
        new_per_day: 3,
        reviews_per_day: 10,
    };
    let mut now = ts("2025-01-01T10:00:00Z");
    let mut session = StudySession::start(
        s.clone(),
        &Progress::new(),
        scope(),
        limits,
        &Siblings::default(),
        Mode::Scheduled,
        now,
    );
    let mut events = Vec::new();
    let mut fail = false;
    for action in actions {
        let id = format!("{:06}", events.len() + 1);
        let event = match action {
            Action::Grade(r) => {
                session.reveal();
                session.grade(Rating::ALL[*r], id, now).ok()
            }
            Action::Undo => session.undo(id, now).ok(),
            Action::Wait(m) => {
                now += mins(*m);
                None
            }
            Action::FailNextWrite => {
                fail = true;
                None
            }
            Action::NewSession => {
                let progress = replay(events.clone(), &s);
                session = StudySession::start(
                    s.clone(),
                    &progress,
                    scope(),
                    limits,
                    &Siblings::default(),
                    Mode::Scheduled,
                    now,
                );
                None
            }
        };
        if let Some(event) = event {
            if std::mem::take(&mut fail) {
                assert!(session.cancel());
            } else {
                events.push(event);
                session.confirm(now).unwrap();
            }
        }
    }
    (events, session)
}

proptest! {
    #[test]
    fn replay_equals_live(actions in prop::collection::vec(action(), 0..80), seed in any::<u64>()) {
        let (events, session) = live(&actions);
        let s = scheduler();
        let replayed = replay(events.clone(), &s);
        for card in SCOPE {
            prop_assert_eq!(replayed.state(card), session.state(card), "card {}", card);
        }
        // Any input order, with every event twice (two synced copies), gives the same states.
        let mut shuffled: Vec<Event> = events.iter().chain(events.iter()).cloned().collect();
        shuffle(&mut shuffled, seed);
        let again = replay(shuffled.clone(), &s);
        // And so does applying them one at a time, in that order.
        let mut incremental = Progress::new();
        for e in shuffled {
            incremental.apply(e, &s);
        }
        for card in SCOPE {
            prop_assert_eq!(again.state(card), session.state(card));
            prop_assert_eq!(incremental.state(card), session.state(card));
            let history = |p: &Progress| {
                p.card(card).map(|c| (c.reviews.clone(), c.answers.clone())).unwrap_or_default()
            };
            prop_assert_eq!(history(&incremental), history(&replayed));
        }
        prop_assert_eq!(again.stats().duplicates, events.len());
    }

    #[test]
    fn replay_never_panics(raw in prop::collection::vec(any_event(), 0..60)) {
        let s = scheduler();
        let progress = replay(raw.clone(), &s);
        let _ = progress.done_on(&s.clock().study_day(ts("2025-01-01T00:00:00Z")));
        let now = ts("2025-01-02T00:00:00Z");
        let _ = StudySession::start(s, &progress, scope(), Limits::default(), &Siblings::default(), Mode::Scheduled, now);
    }
}

fn any_event() -> impl Strategy<Value = Event> {
    let card = prop::sample::select(vec!["t/a", "t/b", "", "x/y/z"]);
    let at = prop_oneof![
        (0i64..400_000_000).prop_map(|s| Timestamp::from_second(1_600_000_000 + s).unwrap()),
        Just(Timestamp::MIN),
        Just(Timestamp::MAX),
    ];
    let id = (0u8..30).prop_map(|n| format!("id{n}"));
    let kind = prop_oneof![
        (card.clone(), 0..4usize, any::<bool>()).prop_map(|(c, r, cram)| EventKind::Review {
            card: c.to_string(),
            rating: Rating::ALL[r],
            duration_ms: 0,
            cram,
        }),
        (0u8..30).prop_map(|n| EventKind::Undo {
            target: format!("id{n}")
        }),
        (card, any::<bool>()).prop_map(|(c, correct)| EventKind::Answer {
            card: c.to_string(),
            correct,
            mode: AnswerMode::Quiz,
        }),
    ];
    (id, at, kind).prop_map(|(id, at, kind)| Event::new(id, at, kind))
}

/// A deterministic Fisher–Yates shuffle.
fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        items.swap(i, (seed >> 33) as usize % (i + 1));
    }
}

#[test]
fn an_undo_cancels_its_review_whichever_comes_first() {
    let s = scheduler();
    let r1 = review("r1", "2025-01-01T10:00:00Z", "t/a", Rating::Easy);
    let r2 = review("r2", "2025-01-01T10:01:00Z", "t/a", Rating::Again);
    let undo = Event::new(
        "u1",
        ts("2025-01-01T10:02:00Z"),
        EventKind::Undo { target: "r2".into() },
    );
    let only_first = replay(vec![r1.clone()], &s).state("t/a");
    for events in [
        vec![r1.clone(), r2.clone(), undo.clone()],
        vec![undo.clone(), r2.clone(), r1.clone()],
    ] {
        let p = replay(events, &s);
        assert_eq!(p.state("t/a"), only_first);
        assert_eq!(p.card("t/a").unwrap().reviews.len(), 1);
        assert_eq!(p.stats().undone, 1);
    }
    // Applied one at a time with the undo first, too.
    let mut p = Progress::new();
    for e in [undo, r2, r1] {
        p.apply(e, &s);
    }
    assert_eq!(p.state("t/a"), only_first);
}

#[test]
fn duplicates_count_once() {
    let s = scheduler();
    let e = review("r1", "2025-01-01T10:00:00Z", "t/a", Rating::Good);
    let p = replay(vec![e.clone(), e.clone(), e], &s);
    assert_eq!(p.card("t/a").unwrap().reviews.len(), 1);
    assert_eq!((p.stats().events, p.stats().duplicates), (1, 2));
}

#[test]
fn a_wrong_answer_makes_the_card_due_now_and_a_right_one_changes_nothing() {
    let s = scheduler();
    let graduated = review("r1", "2025-01-01T10:00:00Z", "t/a", Rating::Easy);
    let answer = |id: &str, at: &str, correct| {
        Event::new(
            id,
            ts(at),
            EventKind::Answer {
                card: "t/a".into(),
                correct,
                mode: AnswerMode::Exam,
            },
        )
    };
    let base = replay(vec![graduated.clone()], &s).state("t/a");
    let right = replay(
        vec![graduated.clone(), answer("a1", "2025-01-02T12:00:00Z", true)],
        &s,
    );
    assert_eq!(right.state("t/a"), base);
    let wrong = replay(
        vec![graduated.clone(), answer("a1", "2025-01-02T12:00:00Z", false)],
        &s,
    );
    let state = wrong.state("t/a");
    assert_eq!(state.due, Some(ts("2025-01-02T12:00:00Z")));
    assert_eq!(
        (state.memory, state.reps, state.phase),
        (base.memory, base.reps, Phase::Review)
    );
    assert_eq!(wrong.card("t/a").unwrap().answers.len(), 1);
    // The next review of that card is an ordinary FSRS review from the same memory.
    let next = review("r2", "2025-01-02T12:05:00Z", "t/a", Rating::Good);
    let after = replay(
        vec![graduated, answer("a1", "2025-01-02T12:00:00Z", false), next],
        &s,
    );
    assert_eq!(after.state("t/a").reps, 2);
}

#[test]
fn review_history_keeps_time_rating_and_the_state_before() {
    let s = scheduler();
    let p = replay(
        vec![
            review("r2", "2025-01-01T10:10:00Z", "t/a", Rating::Good),
            review("r1", "2025-01-01T10:00:00Z", "t/a", Rating::Again),
        ],
        &s,
    );
    let history = &p.card("t/a").unwrap().reviews;
    assert_eq!(
        history.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["r1", "r2"]
    );
    assert_eq!(history[0].before.phase, Phase::New);
    assert_eq!(
        (history[1].before.phase, history[1].rating),
        (Phase::Learning, Rating::Good)
    );
}

#[test]
fn exams_are_replayed_with_latest_answers() {
    let s = scheduler();
    let at = |m: i64| ts("2025-01-01T10:00:00Z") + mins(m);
    let events = vec![
        Event::new(
            "x1",
            at(0),
            EventKind::ExamStarted {
                exam: "ex".into(),
                seed: 7,
                questions: vec!["t/a".into(), "t/b".into()],
                time_limit_s: 600,
            },
        ),
        Event::new(
            "x2",
            at(1),
            EventKind::ExamAnswer {
                exam: "ex".into(),
                question: 0,
                chosen: vec![1],
                flagged: true,
                elapsed_ms: None,
            },
        ),
        Event::new(
            "x3",
            at(2),
            EventKind::ExamAnswer {
                exam: "ex".into(),
                question: 0,
                chosen: vec![2],
                flagged: false,
                elapsed_ms: None,
            },
        ),
    ];
    let p = replay(events.clone(), &s);
    let exam = p.exams().next().unwrap();
    assert!(exam.is_unfinished());
    assert_eq!(exam.answers[&0].chosen, [2]);
    let mut done = events;
    done.push(Event::new(
        "x4",
        at(3),
        EventKind::ExamFinished {
            exam: "ex".into(),
            correct: 1,
            total: 2,
            scaled: 550,
            used_s: 180,
            timed_out: false,
        },
    ));
    let p = replay(done, &s);
    let exam = p.exams().next().unwrap();
    assert!(!exam.is_unfinished());
    assert_eq!(exam.finished.as_ref().map(|f| f.scaled), Some(550));
}

#[path = "../examples/gen_log.rs"]
#[allow(dead_code)]
mod gen_log;

/// A long log (a simulated year of study over 1,500 cards, with undos and quiz answers, shuffled, some
/// events twice) replays to what applying its events one at a time gives: replay files the records and folds
/// the cards at the end, on several threads.
#[test]
fn a_long_log_replays_to_what_applying_each_event_gives() {
    let mut events = gen_log::generate(30_000, 7);
    let scheduler = gen_log::scheduler();
    let mut copies: Vec<Event> = events.iter().step_by(97).cloned().collect();
    events.append(&mut copies);
    // Any order: a deterministic shuffle.
    let n = events.len();
    for i in 0..n {
        events.swap(i, (i * 7919 + 13) % n);
    }
    let replayed = replay(events.clone(), &scheduler);
    let mut sorted = events;
    sorted.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    let mut applied = Progress::new();
    for event in sorted {
        applied.apply(event, &scheduler);
    }
    assert!(
        replayed.cards().count() > 1_000,
        "enough cards for several threads"
    );
    assert!(replayed.cards().eq(applied.cards()));
    assert_eq!(replayed.stats(), applied.stats());
    assert!(replayed.stats().undone > 0 && replayed.stats().duplicates > 0);
}
