//! The scheduler on scripted review histories with fixed clocks: phases, steps, due dates, FSRS memory.

mod common;

use common::{mins, scheduler, scheduler_in, seoul, ts};
use jiff::SignedDuration;
use recall::core::progress::Rating;
use recall::core::srs::{CardState, DayClock, Phase, Scheduler, SchedulerError, Steps};

const CARD: &str = "lambda/timeout";

#[test]
fn a_new_card_offers_steps_for_again_hard_good_and_days_for_easy() {
    let now = ts("2025-03-10T10:00:00Z");
    let [again, hard, good, easy] = scheduler().preview(CARD, &CardState::NEW, now);
    assert_eq!((again.state.phase, again.wait), (Phase::Learning, mins(1)));
    assert_eq!(
        (hard.state.phase, hard.wait),
        (Phase::Learning, SignedDuration::from_secs(330))
    );
    assert_eq!((good.state.phase, good.wait), (Phase::Learning, mins(10)));
    assert_eq!(easy.state.phase, Phase::Review);
    assert_eq!([again.label(), hard.label(), good.label()], ["1m", "6m", "10m"]);
    assert_eq!(again.state.due, Some(ts("2025-03-10T10:01:00Z")));
    // Easy graduates with FSRS's interval for stability 8.2956: 8 days (py-fsrs 6.3.2, no fuzz), fuzzed
    // within Anki's range for 8 days, 6 to 10.
    let unfuzzed = scheduler().without_fuzz().preview(CARD, &CardState::NEW, now)[3];
    assert_eq!(unfuzzed.state.scheduled_days, 8);
    assert!((6..=10).contains(&easy.state.scheduled_days), "{easy:?}");
}

#[test]
fn first_memory_states_are_the_published_fsrs6_defaults() {
    // From the fsrs crate's documentation of next_states(None, 0.9, 0).
    let now = ts("2025-03-10T10:00:00Z");
    let outcomes = scheduler().preview(CARD, &CardState::NEW, now);
    let stability: Vec<f32> = outcomes
        .iter()
        .map(|o| o.state.memory.unwrap().stability)
        .collect();
    assert_eq!(stability, [0.212, 1.2931, 2.3065, 8.2956]);
    assert_eq!(outcomes[2].state.memory.unwrap().difficulty, 2.118104);
}

/// Expected intervals and memory states are py-fsrs 6.3.2's for the same grades on the same study days
/// (no fuzz; `tests/fixtures/reference/make_fsrs_golden.py` has the settings).
#[test]
fn a_scripted_history_walks_through_every_phase() {
    let s = scheduler().without_fuzz();
    let t0 = ts("2025-03-10T10:00:00Z");
    // Good on a new card: second learning step, 10 minutes.
    let c1 = s.apply(CARD, &CardState::NEW, Rating::Good, t0);
    assert_eq!(
        (c1.phase, c1.step, c1.due),
        (Phase::Learning, 1, Some(ts("2025-03-10T10:10:00Z")))
    );
    // Good on the last step graduates: due at the start (4 am) of a later day.
    let t1 = ts("2025-03-10T10:10:00Z");
    let c2 = s.apply(CARD, &c1, Rating::Good, t1);
    assert_eq!((c2.phase, c2.scheduled_days), (Phase::Review, 2));
    assert_eq!(c2.due, Some(ts("2025-03-12T04:00:00Z")));
    // Reviewed on time with Good: stability 10.97, 11 days.
    let t2 = ts("2025-03-12T10:00:00Z");
    let c3 = s.apply(CARD, &c2, Rating::Good, t2);
    assert_eq!((c3.phase, c3.scheduled_days), (Phase::Review, 11));
    assert!((c3.memory.unwrap().stability - 10.971_048).abs() < 1e-3, "{c3:?}");
    // Again in review: a lapse, relearning step of 10 minutes.
    let t3 = c3.due.unwrap();
    let c4 = s.apply(CARD, &c3, Rating::Again, t3);
    assert_eq!(
        (c4.phase, c4.lapses, c4.due),
        (Phase::Relearning, 1, Some(t3 + mins(10)))
    );
    // Good after the step: back in review, stability 1.57, 2 days.
    let c5 = s.apply(CARD, &c4, Rating::Good, t3 + mins(10));
    assert_eq!((c5.phase, c5.scheduled_days), (Phase::Review, 2));
    assert!((c5.memory.unwrap().stability - 1.571_842).abs() < 1e-3, "{c5:?}");
    assert!((c5.memory.unwrap().difficulty - 7.377_814).abs() < 1e-3, "{c5:?}");
    assert_eq!((c5.reps, c5.lapses), (5, 1));
    assert_eq!(c5.last_review, Some(t3 + mins(10)));
}

#[test]
fn review_memory_matches_fsrs_with_elapsed_study_days() {
    let s = scheduler();
    let t0 = ts("2025-03-10T23:00:00Z");
    let graduated = s.apply(CARD, &CardState::NEW, Rating::Easy, t0);
    // 4 days and 6 hours later, but 5 study days (day starts crossed), which is what FSRS gets.
    let later = ts("2025-03-15T05:00:00Z");
    let after = s.apply(CARD, &graduated, Rating::Good, later).memory.unwrap();
    // py-fsrs 6.3.2: Easy, then Good 5 days later, gives stability 29.7336 and difficulty 1.0; 4 elapsed
    // days would give 26.19.
    assert!((after.stability - 29.733_567).abs() < 1e-3, "{after:?}");
    assert!((after.difficulty - 1.0).abs() < 1e-4, "{after:?}");
}

#[test]
fn review_buttons_are_ordered_hard_good_easy() {
    let s = scheduler();
    let mut card = s.apply(CARD, &CardState::NEW, Rating::Easy, ts("2025-01-01T10:00:00Z"));
    for _ in 0..6 {
        let now = card.due.unwrap();
        let [again, hard, good, easy] = s.preview(CARD, &card, now);
        assert_eq!(again.state.phase, Phase::Relearning);
        let days = [hard, good, easy].map(|o| o.state.scheduled_days);
        assert!(days[0] < days[1] && days[1] < days[2], "{days:?}");
        card = good.state;
    }
}

#[test]
fn due_dates_land_on_the_local_day_start() {
    let s = scheduler_in(seoul());
    // 2025-03-10 11:00 in Seoul.
    let card = s.apply(CARD, &CardState::NEW, Rating::Easy, ts("2025-03-10T02:00:00Z"));
    let due = card.due.unwrap().to_zoned_datetime(seoul());
    assert_eq!((due.hour(), due.minute()), (4, 0));
    let days = (due.date() - jiff::civil::date(2025, 3, 10)).get_days();
    assert_eq!(i64::from(days), i64::from(card.scheduled_days));
}

#[test]
fn fuzz_is_deterministic_per_card_and_review_count() {
    let s = scheduler();
    let start = ts("2025-01-01T10:00:00Z");
    let run = |card: &str| {
        let mut state = s.apply(card, &CardState::NEW, Rating::Easy, start);
        let mut days = vec![];
        for _ in 0..8 {
            state = s.apply(card, &state, Rating::Good, state.due.unwrap());
            days.push(state.scheduled_days);
        }
        days
    };
    assert_eq!(run("a/one"), run("a/one"), "a replay gives the same schedule");
    let spread: std::collections::BTreeSet<Vec<u32>> = (0..20).map(|i| run(&format!("a/card-{i}"))).collect();
    assert!(spread.len() > 1, "fuzz spreads cards learned together");
}

#[test]
fn higher_retention_means_shorter_intervals() {
    let clock = DayClock::new(jiff::tz::TimeZone::UTC, 4).unwrap();
    let at = |r: f32| {
        let s = Scheduler::new(&[], r, clock.clone()).unwrap();
        let now = ts("2025-01-01T10:00:00Z");
        let card = s.apply(CARD, &CardState::NEW, Rating::Easy, now);
        s.apply(CARD, &card, Rating::Good, card.due.unwrap())
            .scheduled_days
    };
    assert!(at(0.95) < at(0.8));
}

#[test]
fn bad_settings_are_refused() {
    let clock = DayClock::utc_midnight();
    assert_eq!(
        Scheduler::new(&[], 0.5, clock.clone()).err(),
        Some(SchedulerError::Retention(0.5))
    );
    assert!(Scheduler::new(&[], f32::NAN, clock.clone()).is_err());
    assert!(matches!(
        Scheduler::new(&[1.0, 2.0], 0.9, clock.clone()),
        Err(SchedulerError::Parameters { count: 2, .. })
    ));
    let nan = [f32::NAN; 21];
    assert!(Scheduler::new(&nan, 0.9, clock.clone()).is_err());
    let empty = Steps {
        learning: vec![],
        relearning: vec![],
    };
    assert!(
        Scheduler::new(&[], 0.9, clock.clone())
            .unwrap()
            .with_steps(empty)
            .is_err()
    );
    let too_long = Steps {
        learning: vec![SignedDuration::from_hours(25)],
        relearning: vec![],
    };
    assert!(
        Scheduler::new(&[], 0.9, clock)
            .unwrap()
            .with_steps(too_long)
            .is_err()
    );
}

#[test]
fn every_step_must_be_over_zero_and_under_a_day_and_at_most_255_of_them() {
    let clock = DayClock::new(jiff::tz::TimeZone::UTC, 4).unwrap();
    let with = |learning: Vec<SignedDuration>, relearning: Vec<SignedDuration>| {
        Scheduler::new(&[], 0.9, clock.clone())
            .unwrap()
            .with_steps(Steps { learning, relearning })
    };
    let day = SignedDuration::from_hours(24);
    let bad = [
        SignedDuration::ZERO,
        mins(-1),
        day,
        SignedDuration::from_hours(25),
    ];
    for step in bad {
        assert!(with(vec![step], vec![]).is_err(), "learning step {step:?}");
        assert!(
            with(vec![mins(1)], vec![step]).is_err(),
            "relearning step {step:?}"
        );
        // A bad step anywhere in the list, not only the first.
        assert!(
            with(vec![mins(1), step], vec![mins(10)]).is_err(),
            "second step {step:?}"
        );
    }
    let just_under_a_day = day - SignedDuration::from_secs(1);
    assert!(with(vec![just_under_a_day], vec![just_under_a_day]).is_ok());
    assert!(with(vec![mins(1); 255], vec![mins(10); 255]).is_ok());
    assert!(with(vec![mins(1); 256], vec![mins(10)]).is_err());
    assert!(with(vec![mins(1)], vec![mins(10); 256]).is_err());
}

#[test]
fn without_relearning_steps_a_lapse_is_scheduled_in_days() {
    let steps = Steps {
        learning: vec![mins(1)],
        relearning: vec![],
    };
    let s = scheduler().with_steps(steps).unwrap();
    let card = s.apply(CARD, &CardState::NEW, Rating::Easy, ts("2025-01-01T10:00:00Z"));
    let lapsed = s.apply(CARD, &card, Rating::Again, card.due.unwrap());
    assert_eq!((lapsed.phase, lapsed.lapses), (Phase::Review, 1));
    assert!(lapsed.scheduled_days >= 1);
}

#[test]
fn extreme_times_do_not_panic() {
    let s = scheduler();
    for now in [jiff::Timestamp::MIN, jiff::Timestamp::MAX] {
        let mut card = CardState::NEW;
        for r in Rating::ALL {
            card = s.apply(CARD, &card, r, now);
        }
        assert!(card.due.is_some());
    }
}

#[test]
fn retrievability_follows_the_forgetting_curve_in_study_days() {
    use recall::core::srs::Memory;
    let s = scheduler();
    let last = ts("2025-03-10T10:00:00Z");
    let card = CardState {
        phase: Phase::Review,
        memory: Some(Memory {
            stability: 10.0,
            difficulty: 5.0,
        }),
        last_review: Some(last),
        ..CardState::NEW
    };
    // By FSRS's definition, recall probability is 90% when the elapsed days equal the stability.
    let at_stability = s.retrievability(&card, ts("2025-03-20T12:00:00Z")).unwrap();
    assert!((at_stability - 0.9).abs() < 1e-4, "{at_stability}");
    // Later the same study day: nothing forgotten yet.
    assert_eq!(s.retrievability(&card, ts("2025-03-10T23:00:00Z")), Some(1.0));
    let later = s.retrievability(&card, ts("2025-04-20T12:00:00Z")).unwrap();
    assert!(later < at_stability);
    assert_eq!(s.retrievability(&CardState::NEW, last), None);
    // A memory no replay should make (a corrupt or hand-edited log) has no recall probability, rather than
    // 0, 1 or NaN passed on to stats and readiness.
    for stability in [0.0, -1.0, f32::NAN, f32::INFINITY] {
        let odd = CardState {
            memory: Some(Memory {
                stability,
                difficulty: 5.0,
            }),
            ..card
        };
        assert_eq!(s.retrievability(&odd, later_day()), None, "stability {stability}");
    }
    // A tiny stability is still a memory: by the next day, more likely forgotten than not (FSRS-6's power
    // curve has a long tail, 0.35 here).
    let fragile = CardState {
        memory: Some(Memory {
            stability: 1e-3,
            difficulty: 5.0,
        }),
        ..card
    };
    let r = s.retrievability(&fragile, later_day()).unwrap();
    assert!((0.0..0.5).contains(&r), "{r}");
}

fn later_day() -> jiff::Timestamp {
    ts("2025-03-11T12:00:00Z")
}

#[test]
fn a_card_leaving_its_steps_starts_review_at_step_0_and_a_lapse_has_no_interval() {
    let s = scheduler();
    let start = ts("2025-01-01T10:00:00Z");
    let learning = s.apply(CARD, &CardState::NEW, Rating::Good, start);
    assert_eq!((learning.phase, learning.step), (Phase::Learning, 1));
    let review = s.apply(CARD, &learning, Rating::Good, learning.due.unwrap());
    assert_eq!((review.phase, review.step), (Phase::Review, 0), "{review:?}");
    assert!(review.scheduled_days >= 1);
    let at = review.due.unwrap();
    let lapsed = s.apply(CARD, &review, Rating::Again, at);
    assert_eq!(lapsed.phase, Phase::Relearning);
    // In steps, a card has no interval in days (stats and exports read it), whatever it had in review.
    assert_eq!(lapsed.scheduled_days, 0, "{lapsed:?}");
    assert_eq!(lapsed.due, Some(at + mins(10)));
}

#[test]
fn hard_on_a_single_step_waits_half_as_long_again() {
    // Anki: with one learning step, Hard waits 1.5 × the step (at most a day more); with two or more, halfway
    // to the next step.
    let one = Steps {
        learning: vec![mins(10)],
        relearning: vec![],
    };
    let s = scheduler().with_steps(one).unwrap();
    let now = ts("2025-01-01T10:00:00Z");
    let hard = s.apply(CARD, &CardState::NEW, Rating::Hard, now);
    assert_eq!(hard.due, Some(now + mins(15)));
    let two = scheduler().apply(CARD, &CardState::NEW, Rating::Hard, now);
    assert_eq!(two.due, Some(now + SignedDuration::from_secs(330)));
}
