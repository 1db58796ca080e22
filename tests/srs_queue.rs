//! Today's queue: due cards first (most overdue first), then new cards in deck order, within the daily
//! limits counted from the day's start (4 am local time, in two time zones), and the home screen's counts.

mod common;

use common::{deck, new_york, review, scheduler, scheduler_in, seoul, ts};
use recall::core::progress::{Event, Progress, Rating, replay};
use recall::core::srs::{DayClock, Limits, Mode, Queue, Scheduler, Siblings, scope, topic_counts};

fn limits(new_per_day: u32, reviews_per_day: u32) -> Limits {
    Limits {
        new_per_day,
        reviews_per_day,
    }
}

fn queue_at(s: &Scheduler, progress: &Progress, scope: &[String], limits: Limits, now: &str) -> Queue {
    let now = ts(now);
    let day = s.clock().study_day(now);
    let state = |id: &str| progress.state(id);
    Queue::build(
        scope,
        state,
        &day,
        progress.done_on(&day),
        limits,
        &Siblings::default(),
        Mode::Scheduled,
        now,
    )
}

fn ids(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}/f{i}")).collect()
}

/// Cards `t/f0..n` graduated with Easy at the given times (one per card).
fn graduated(times: &[&str]) -> Vec<Event> {
    times
        .iter()
        .enumerate()
        .map(|(i, at)| review(&format!("e{i}"), at, &format!("t/f{i}"), Rating::Easy))
        .collect()
}

#[test]
fn due_cards_come_most_overdue_first_then_new_cards_in_deck_order() {
    let s = scheduler();
    // f0..f2 graduate on different days, so they fall due on different days.
    let events = graduated(&[
        "2025-01-01T10:00:00Z",
        "2024-12-20T10:00:00Z",
        "2024-12-25T10:00:00Z",
    ]);
    let progress = replay(events, &s);
    let scope = ids("t", 6);
    let q = queue_at(&s, &progress, &scope, limits(20, 200), "2025-06-01T10:00:00Z");
    let due_at = |id: &str| progress.state(id).due.unwrap();
    assert_eq!(q.due.len(), 3);
    assert!(
        q.due.windows(2).all(|w| due_at(&w[0]) <= due_at(&w[1])),
        "{:?}",
        q.due
    );
    assert_eq!(q.due[0], "t/f1", "the card graduated first is the most overdue");
    assert_eq!(q.new, ["t/f3", "t/f4", "t/f5"]);
}

#[test]
fn daily_limits_cap_new_cards_and_reviews() {
    let s = scheduler();
    let events = graduated(&[
        "2024-12-01T10:00:00Z",
        "2024-12-02T10:00:00Z",
        "2024-12-03T10:00:00Z",
        "2024-12-04T10:00:00Z",
    ]);
    let progress = replay(events, &s);
    let scope = ids("t", 10);
    let q = queue_at(&s, &progress, &scope, limits(3, 2), "2025-06-01T10:00:00Z");
    assert_eq!(q.due, ["t/f0", "t/f1"], "the two most overdue");
    assert_eq!(
        q.new,
        ["t/f4", "t/f5", "t/f6"],
        "the first three new cards in deck order"
    );
    let none = queue_at(&s, &progress, &scope, limits(0, 0), "2025-06-01T10:00:00Z");
    assert!(none.is_empty());
}

#[test]
fn limits_count_what_was_already_done_today() {
    let s = scheduler();
    // Two new cards introduced today at 05:00 and 06:00 (the day started at 04:00 UTC).
    let events = vec![
        review("a", "2025-06-01T05:00:00Z", "t/f0", Rating::Good),
        review("b", "2025-06-01T06:00:00Z", "t/f1", Rating::Easy),
    ];
    let progress = replay(events, &s);
    let scope = ids("t", 10);
    let q = queue_at(&s, &progress, &scope, limits(3, 200), "2025-06-01T10:00:00Z");
    assert_eq!(q.new, ["t/f2"], "3 a day, 2 done");
    // f0 is still in its learning step (due 05:10, now 10:00): learning is never capped, and shows first.
    assert_eq!(q.due, ["t/f0"]);
}

#[test]
fn learning_cards_due_later_today_wait_in_the_timed_list() {
    let s = scheduler();
    let progress = replay(
        vec![review("a", "2025-06-01T09:55:00Z", "t/f0", Rating::Good)],
        &s,
    );
    let q = queue_at(
        &s,
        &progress,
        &ids("t", 1),
        limits(20, 200),
        "2025-06-01T10:00:00Z",
    );
    assert!(q.due.is_empty());
    assert_eq!(q.learning, [(ts("2025-06-01T10:05:00Z"), "t/f0".to_string())]);
}

#[test]
fn the_day_and_its_limits_roll_over_at_4am_in_seoul() {
    let s = scheduler_in(seoul());
    // 03:30 KST on June 2 still belongs to June 1's study day; 04:00 KST (19:00Z) starts June 2.
    let late_night = ts("2025-06-01T18:30:00Z");
    let morning = ts("2025-06-01T19:00:00Z");
    let clock = s.clock();
    assert_eq!(clock.day_index(morning), clock.day_index(late_night) + 1);
    assert_eq!(clock.study_day(late_night).end, morning);
    let progress = replay(
        vec![review("a", "2025-06-01T18:30:00Z", "t/f0", Rating::Easy)],
        &s,
    );
    let scope = ids("t", 3);
    let before = queue_at(&s, &progress, &scope, limits(1, 200), "2025-06-01T18:59:00Z");
    assert!(before.new.is_empty(), "the one new card of the day is used up");
    let after = queue_at(&s, &progress, &scope, limits(1, 200), "2025-06-01T19:00:00Z");
    assert_eq!(after.new, ["t/f1"], "a new day, a new allowance");
}

#[test]
fn the_day_rolls_over_at_4am_in_new_york_across_daylight_saving() {
    let clock = DayClock::new(new_york(), 4).unwrap();
    // Spring forward (2025-03-09 02:00): the study day of March 8 is 23 hours long.
    let march8 = clock.study_day(ts("2025-03-08T12:00:00Z"));
    assert_eq!(march8.start, ts("2025-03-08T09:00:00Z"), "04:00 EST");
    assert_eq!(march8.end, ts("2025-03-09T08:00:00Z"), "04:00 EDT");
    // Fall back (2025-11-02 02:00): the study day of November 1 is 25 hours long.
    let nov1 = clock.study_day(ts("2025-11-01T12:00:00Z"));
    assert_eq!(
        (nov1.start, nov1.end),
        (ts("2025-11-01T08:00:00Z"), ts("2025-11-02T09:00:00Z"))
    );
    assert_eq!(clock.day_index(ts("2025-11-02T08:59:59Z")), nov1.index);
    assert_eq!(clock.day_index(ts("2025-11-02T09:00:00Z")), nov1.index + 1);
}

#[test]
fn the_same_instant_is_a_different_study_day_in_seoul_and_new_york() {
    // 2025-06-01T20:00Z is 05:00 on June 2 in Seoul (new day) but 16:00 on June 1 in New York.
    let now = ts("2025-06-01T20:00:00Z");
    let seoul_day = DayClock::new(seoul(), 4).unwrap().study_day(now);
    let ny_day = DayClock::new(new_york(), 4).unwrap().study_day(now);
    assert_eq!(seoul_day.index, ny_day.index + 1);
}

#[test]
fn cram_takes_every_card_in_deck_order_ignoring_limits() {
    let s = scheduler();
    let progress = replay(graduated(&["2025-06-01T05:00:00Z"]), &s);
    let scope = ids("t", 4);
    let now = ts("2025-06-01T10:00:00Z");
    let day = s.clock().study_day(now);
    let q = Queue::build(
        &scope,
        |id| progress.state(id),
        &day,
        Default::default(),
        limits(0, 0),
        &Siblings::default(),
        Mode::Cram,
        now,
    );
    assert_eq!(q.due, scope);
}

#[test]
fn home_counts_per_topic_match_the_queue() {
    let s = scheduler();
    let deck = deck(&[("lambda", 5), ("dynamo", 3)]);
    let events = vec![
        review("a", "2025-05-01T10:00:00Z", "lambda/f0", Rating::Easy),
        review("b", "2025-06-01T09:00:00Z", "lambda/f1", Rating::Again),
    ];
    let progress = replay(events, &s);
    let (topics, all) = topic_counts(
        &deck,
        &progress,
        limits(4, 200),
        &Siblings::default(),
        s.clock(),
        ts("2025-06-01T10:00:00Z"),
    );
    let lambda = &topics[0];
    assert_eq!(lambda.topic, "lambda");
    assert_eq!(
        (lambda.due, lambda.learning, lambda.unseen, lambda.cards),
        (1, 1, 3, 5)
    );
    assert_eq!(lambda.new, 3, "4 a day, 1 introduced today, 3 unseen");
    assert_eq!((topics[1].due, topics[1].new, topics[1].unseen), (0, 3, 3));
    assert_eq!((all.due, all.learning, all.new, all.unseen), (1, 1, 3, 6));
    assert_eq!(
        scope(&deck, Some("dynamo")),
        ["dynamo/f0", "dynamo/f1", "dynamo/f2"]
    );
}

#[test]
fn reviews_done_today_count_against_the_review_limit() {
    let s = scheduler();
    let mut events = graduated(&[
        "2024-12-01T10:00:00Z",
        "2024-12-02T10:00:00Z",
        "2024-12-03T10:00:00Z",
    ]);
    // f0 is reviewed today (it was overdue): one of today's two reviews is used.
    events.push(review("today", "2025-06-01T05:00:00Z", "t/f0", Rating::Good));
    let progress = replay(events, &s);
    let q = queue_at(&s, &progress, &ids("t", 3), limits(0, 2), "2025-06-01T10:00:00Z");
    assert_eq!(q.due, ["t/f1"]);
    let tomorrow = queue_at(&s, &progress, &ids("t", 3), limits(0, 2), "2025-06-02T10:00:00Z");
    assert_eq!(
        tomorrow.due,
        ["t/f1", "t/f2"],
        "the count starts again the next day"
    );
}

/// The queue of `scope` at `now` with `siblings`.
fn queue_with(s: &Scheduler, progress: &Progress, scope: &[String], siblings: &Siblings, now: &str) -> Queue {
    let now = ts(now);
    let day = s.clock().study_day(now);
    Queue::build(
        scope,
        |id| progress.state(id),
        &day,
        progress.done_on(&day),
        limits(20, 200),
        siblings,
        Mode::Scheduled,
        now,
    )
}

#[test]
fn related_new_cards_are_never_new_on_the_same_day() {
    let s = scheduler();
    let scope = ids("t", 5);
    let mut siblings = Siblings::default();
    siblings.relate("t/f1", "t/f3");
    siblings.relate("t/f3", "t/f4");
    // Nothing studied: f1 comes, f3 (its sibling) waits, f4 (f3's sibling, not f1's) comes.
    let fresh = queue_with(&s, &Progress::new(), &scope, &siblings, "2025-06-01T10:00:00Z");
    assert_eq!(fresh.new, ["t/f0", "t/f1", "t/f2", "t/f4"]);
    // f4 was studied this morning: f3 still waits today, and comes the next day.
    let progress = replay(
        vec![review("a", "2025-06-01T05:00:00Z", "t/f4", Rating::Good)],
        &s,
    );
    let today = queue_with(&s, &progress, &scope, &siblings, "2025-06-01T10:00:00Z");
    assert!(!today.new.contains(&"t/f3".to_string()), "{:?}", today.new);
    let scope_without_f1: Vec<String> = scope.iter().filter(|c| *c != "t/f1").cloned().collect();
    let tomorrow = queue_with(
        &s,
        &progress,
        &scope_without_f1,
        &siblings,
        "2025-06-02T10:00:00Z",
    );
    assert!(tomorrow.new.contains(&"t/f3".to_string()), "{:?}", tomorrow.new);
    // Without relations nothing waits.
    let plain = queue_with(
        &s,
        &Progress::new(),
        &scope,
        &Siblings::default(),
        "2025-06-01T10:00:00Z",
    );
    assert_eq!(plain.new, scope);
}

#[test]
fn the_bundled_decks_related_items_are_siblings_both_ways() {
    let deck = recall::core::content::load(&recall::io::deck::bundled_files().0).deck;
    let siblings = Siblings::of_deck(&deck);
    assert!(
        siblings
            .of("serverless/sqs-role")
            .contains(&"serverless/sns-vs-sqs-role".to_string())
    );
    assert!(
        siblings
            .of("serverless/sns-vs-sqs-role")
            .contains(&"serverless/sqs-role".to_string())
    );
    assert!(
        siblings
            .of("cognito/alb-https-only")
            .contains(&"cognito/alb-authenticate-action".to_string())
    );
}
