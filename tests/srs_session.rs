//! The study session state machine: reveal, grade → event → confirm, failed writes, undo, the same-session
//! return of an Again, cram, and the summary.

mod common;

use common::{mins, scheduler, ts};
use jiff::Timestamp;
use recall::core::progress::{Event, EventKind, Progress, Rating, replay};
use recall::core::srs::{Limits, Mode, NextDue, Phase, SessionError, Siblings, StudySession};

fn cards(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("t/f{i}")).collect()
}

fn start(n: usize, mode: Mode, now: Timestamp) -> StudySession {
    StudySession::start(
        scheduler(),
        &Progress::new(),
        cards(n),
        Limits::default(),
        &Siblings::default(),
        mode,
        now,
    )
}

fn current(s: &StudySession) -> &str {
    &s.current().expect("a card is showing").card
}

/// Reveals, grades and confirms; returns the event that was "written".
fn answer(s: &mut StudySession, rating: Rating, id: &str, now: Timestamp) -> Event {
    s.reveal();
    let event = s.grade(rating, id.to_string(), now).unwrap();
    s.confirm(now).unwrap();
    event
}

#[test]
fn a_grade_needs_the_answer_revealed_first() {
    let now = ts("2025-06-01T10:00:00Z");
    let mut s = start(2, Mode::Scheduled, now);
    assert!(!s.current().unwrap().revealed);
    assert_eq!(
        s.grade(Rating::Good, "e1".into(), now),
        Err(SessionError::NotRevealed)
    );
    assert!(s.reveal());
    assert!(!s.reveal(), "already revealed");
    assert!(s.grade(Rating::Good, "e1".into(), now).is_ok());
}

#[test]
fn the_session_moves_on_only_after_the_write_is_confirmed() {
    let now = ts("2025-06-01T10:00:00Z");
    let mut s = start(2, Mode::Scheduled, now);
    s.reveal();
    let later = now + jiff::SignedDuration::from_secs(7);
    let event = s.grade(Rating::Good, "e1".into(), later).unwrap();
    assert_eq!((event.id.as_str(), event.at), ("e1", later));
    let EventKind::Review {
        card,
        rating,
        duration_ms,
        cram,
    } = &event.kind
    else {
        panic!("a grade is a review event: {event:?}");
    };
    assert_eq!(
        (card.as_str(), *rating, *duration_ms, *cram),
        ("t/f0", Rating::Good, 7000, false)
    );
    // Not confirmed yet: same card, no state change, no second grade or undo meanwhile.
    assert_eq!(current(&s), "t/f0");
    assert!(s.state("t/f0").is_new());
    assert_eq!(
        s.grade(Rating::Easy, "e2".into(), later),
        Err(SessionError::WritePending)
    );
    assert_eq!(s.undo("e2".into(), later), Err(SessionError::WritePending));
    s.confirm(later).unwrap();
    assert_eq!(current(&s), "t/f1");
    assert_eq!(s.state("t/f0").phase, Phase::Learning);
    assert_eq!(s.confirm(later), Err(SessionError::NothingPending));
}

#[test]
fn a_failed_write_keeps_the_card_and_does_not_count_the_grade() {
    let now = ts("2025-06-01T10:00:00Z");
    let mut s = start(2, Mode::Scheduled, now);
    s.reveal();
    s.grade(Rating::Easy, "e1".into(), now).unwrap();
    assert!(s.cancel(), "the write failed");
    assert_eq!(current(&s), "t/f0");
    assert!(
        s.current().unwrap().revealed,
        "the answer stays shown so the learner can grade again"
    );
    assert!(s.state("t/f0").is_new());
    assert_eq!(s.summary(now).reviews, 0);
    assert!(!s.can_undo());
    // Retrying works.
    answer(&mut s, Rating::Good, "e2", now);
    assert_eq!(s.summary(now).reviews, 1);
}

#[test]
fn previews_label_the_four_buttons() {
    let now = ts("2025-06-01T10:00:00Z");
    let s = start(1, Mode::Scheduled, now);
    let labels = s.previews(now).unwrap().map(|o| o.label());
    assert_eq!(&labels[..3], ["1m", "6m", "10m"]);
    assert!(labels[3].ends_with('d'), "{labels:?}");
}

#[test]
fn again_comes_back_in_the_same_session() {
    let now = ts("2025-06-01T10:00:00Z");
    let mut s = start(4, Mode::Scheduled, now);
    answer(&mut s, Rating::Again, "e0", now);
    assert_eq!(s.remaining().learning, 1);
    answer(&mut s, Rating::Easy, "e1", now);
    assert_eq!(current(&s), "t/f2", "f0's 1-minute step is not over yet");
    answer(&mut s, Rating::Easy, "e2", now + mins(2));
    assert_eq!(
        current(&s),
        "t/f0",
        "its step is over: it comes before the next new card"
    );
    assert_eq!(s.remaining().new, 1);
    answer(&mut s, Rating::Good, "e3", now + mins(3));
    answer(&mut s, Rating::Easy, "e4", now + mins(4));
    // Only f0 is left, in its 10-minute step: shown ahead of time rather than ending the session.
    assert_eq!(current(&s), "t/f0");
    answer(&mut s, Rating::Good, "e5", now + mins(5));
    assert!(s.is_finished());
    assert_eq!(s.state("t/f0").phase, Phase::Review);
}

#[test]
fn undo_takes_back_the_last_grade_card_and_queue() {
    let now = ts("2025-06-01T10:00:00Z");
    let mut s = start(3, Mode::Scheduled, now);
    let first = answer(&mut s, Rating::Easy, "e0", now);
    let second = answer(&mut s, Rating::Good, "e1", now + mins(1));
    let remaining_before = s.remaining();
    assert_eq!(current(&s), "t/f2");
    let undo = s.undo("u1".into(), now + mins(2)).unwrap();
    assert_eq!(
        undo.kind,
        EventKind::Undo {
            target: second.id.clone()
        }
    );
    assert_eq!(current(&s), "t/f2", "nothing changes before the undo is saved");
    s.confirm(now + mins(2)).unwrap();
    assert_eq!(current(&s), "t/f1");
    assert!(!s.current().unwrap().revealed);
    assert!(s.state("t/f1").is_new());
    assert_ne!(s.remaining(), remaining_before);
    assert_eq!(s.summary(now + mins(2)).reviews, 1);
    // Undo again reaches the first grade; then nothing is left.
    let undo = s.undo("u2".into(), now + mins(3)).unwrap();
    assert_eq!(undo.kind, EventKind::Undo { target: first.id });
    s.confirm(now + mins(3)).unwrap();
    assert_eq!(current(&s), "t/f0");
    assert!(s.state("t/f0").is_new());
    assert_eq!(s.undo("u3".into(), now), Err(SessionError::NothingToUndo));
}

#[test]
fn a_session_ends_and_sums_up() {
    let sched = scheduler();
    let old = replay(
        vec![common::review(
            "old",
            "2025-05-20T10:00:00Z",
            "t/f0",
            Rating::Easy,
        )],
        &sched,
    );
    let f0_due = old.state("t/f0").due.unwrap();
    // The day before f0 falls due: only new cards today, one a day.
    let now = f0_due - jiff::SignedDuration::from_hours(18);
    let limits = Limits {
        new_per_day: 1,
        reviews_per_day: 200,
    };
    let mut s = StudySession::start(
        sched,
        &old,
        cards(3),
        limits,
        &Siblings::default(),
        Mode::Scheduled,
        now,
    );
    assert_eq!(current(&s), "t/f1");
    answer(&mut s, Rating::Again, "e1", now + mins(1));
    answer(&mut s, Rating::Good, "e2", now + mins(3));
    answer(&mut s, Rating::Good, "e3", now + mins(14));
    assert!(s.is_finished());
    assert_eq!(
        s.grade(Rating::Good, "x".into(), now),
        Err(SessionError::Finished)
    );
    let summary = s.summary(now + mins(20));
    assert_eq!((summary.reviews, summary.cards, summary.correct), (3, 1, 2));
    assert_eq!(summary.accuracy, Some(2.0 / 3.0));
    assert_eq!(summary.elapsed, mins(14), "the time stops at the last answer");
    assert_eq!(summary.answering, mins(14));
    // Again, Good, Good: stability 0.28, so FSRS (py-fsrs 6.3.2) brings f1 back after one day.
    assert_eq!(s.state("t/f1").scheduled_days, 1);
    assert_eq!(summary.due_tomorrow, 2, "f0 and f1");
    assert_eq!(summary.new_tomorrow, 1, "f2, within the limit of one");
}

#[test]
fn cram_does_not_change_the_schedule() {
    let s0 = scheduler();
    let history = vec![common::review(
        "old",
        "2025-05-01T10:00:00Z",
        "t/f0",
        Rating::Easy,
    )];
    let progress = replay(history, &s0);
    let before = progress.state("t/f0");
    let now = ts("2025-05-02T10:00:00Z");
    let mut s = StudySession::start(
        s0.clone(),
        &progress,
        cards(2),
        Limits::default(),
        &Siblings::default(),
        Mode::Cram,
        now,
    );
    assert!(s.previews(now).is_none(), "cram shows no intervals");
    assert_eq!(current(&s), "t/f0", "not due, but cram shows it");
    let event = answer(&mut s, Rating::Again, "c1", now);
    assert!(matches!(event.kind, EventKind::Review { cram: true, .. }));
    assert_eq!(s.state("t/f0"), before);
    answer(&mut s, Rating::Good, "c2", now);
    assert_eq!(current(&s), "t/f0", "an Again comes back in cram too");
    answer(&mut s, Rating::Good, "c3", now + mins(2));
    assert!(s.is_finished());
    // Replaying the cram events leaves the schedule as it was.
    let mut all = vec![
        common::review("old", "2025-05-01T10:00:00Z", "t/f0", Rating::Easy),
        event,
    ];
    all.push(common::review(
        "x",
        "2025-05-01T09:00:00Z",
        "t/other",
        Rating::Good,
    ));
    assert_eq!(replay(all, &s0).state("t/f0"), before);
}

#[test]
fn the_summary_names_the_next_card_due_after_now_and_counts_grades_by_kind() {
    let now = ts("2025-06-01T10:00:00Z");
    let mut s = start(2, Mode::Scheduled, now);
    assert_eq!(
        s.summary(now).accuracy,
        None,
        "no grade yet: no retention to show"
    );
    answer(&mut s, Rating::Again, "e1", now);
    answer(&mut s, Rating::Easy, "e2", now);
    let summary = s.summary(now);
    assert_eq!(summary.accuracy, Some(0.5));
    assert_eq!(summary.by_rating, [1, 0, 0, 1]);
    let due_again = s.state("t/f0").due.expect("the Again card has a step");
    assert_eq!(
        summary.next_due,
        Some(NextDue::Today(due_again)),
        "the learning step comes first"
    );
    // At the very moment the step falls due the card is due now, not "next": the next is the Easy card,
    // counted in study days as its grade button counted them.
    let at_step = s.summary(due_again);
    let due_easy = s.state("t/f1").due.expect("the Easy card is scheduled");
    let days = s.state("t/f1").scheduled_days;
    assert!(days >= 2);
    assert_eq!(at_step.next_due, Some(NextDue::InDays(days)));
    assert_eq!(
        s.summary(due_easy).next_due,
        None,
        "nothing after the last due card"
    );
}

/// The summary says why no new card is left: the daily limit, or a related card studied today; and its
/// time stops at the last answer.
#[test]
fn the_summary_explains_new_cards_left_for_another_day() {
    let now = ts("2025-06-01T10:00:00Z");
    let limits = Limits {
        new_per_day: 1,
        reviews_per_day: 200,
    };
    let mut siblings = Siblings::default();
    siblings.relate("t/f0", "t/f3");
    let mut s = StudySession::start(
        scheduler(),
        &Progress::new(),
        cards(4),
        limits,
        &siblings,
        Mode::Scheduled,
        now,
    );
    answer(&mut s, Rating::Easy, "e1", now + mins(2));
    assert!(s.is_finished());
    let summary = s.summary(now + mins(30));
    assert_eq!(summary.elapsed, mins(2));
    assert_eq!(
        (summary.new_over_limit, summary.new_held_back),
        (3, 0),
        "the limit keeps f1, f2 and f3"
    );
    // With room for more, only f3 (f0's sibling) waits.
    let roomy = Limits {
        new_per_day: 10,
        reviews_per_day: 200,
    };
    let mut s = StudySession::start(
        scheduler(),
        &Progress::new(),
        cards(4),
        roomy,
        &siblings,
        Mode::Scheduled,
        now,
    );
    for (i, _) in ["t/f0", "t/f1", "t/f2"].iter().enumerate() {
        answer(&mut s, Rating::Easy, &format!("r{i}"), now);
    }
    assert!(s.is_finished());
    let summary = s.summary(now);
    assert_eq!((summary.new_over_limit, summary.new_held_back), (0, 1));
    assert_eq!(s.studied(), ["t/f0", "t/f1", "t/f2"]);
}
