//! Resuming an exam from its events: same questions, answers, flags and remaining time; time up on resume
//! submits; unfinished exams are found; bad or stale logs give typed errors or are skipped.

use std::time::Duration;

use jiff::Timestamp;
use recall::core::content::Deck;
use recall::core::progress::{Event, EventKind};
use recall::core::quiz::{ExamOptions, ExamSession, QuizError, latest_unfinished, unfinished_exams};

use super::support::{at, log, scenario_deck};

/// An exam of 6 questions and 10 minutes with a few answers and flags; returns the session and its events.
fn sat_exam(deck: &Deck, seed: u64, start: i64) -> (ExamSession, Vec<(Timestamp, EventKind)>) {
    let options = ExamOptions {
        questions: 6,
        minutes: 10,
        topic: None,
        seed,
    };
    let (mut s, started) = ExamSession::start(deck, &options, at(start)).unwrap();
    let mut events = vec![(at(start), started)];
    let mut record = |t: i64, e: EventKind| events.push((at(start + t), e));
    record(20, s.toggle(1, at(start + 20)).unwrap());
    s.go_to(3);
    record(45, s.toggle(0, at(start + 45)).unwrap());
    record(50, s.toggle_flag(at(start + 50)).unwrap());
    s.go_to(4);
    record(70, s.toggle_flag(at(start + 70)).unwrap());
    record(75, s.toggle_flag(at(start + 75)).unwrap());
    s.go_to(5);
    record(90, s.checkpoint(at(start + 90)).unwrap());
    (s, events)
}

#[test]
fn resume_gives_back_the_same_questions_answers_flags_and_remaining_time() {
    let deck = scenario_deck(&[("a", 5), ("b", 4)]);
    let (live, events) = sat_exam(&deck, 31, 0);
    // The app crashed after the last event; the learner comes back a day later.
    let back = at(86_400);
    let (resumed, submitted) = ExamSession::resume(&deck, &log(events), live.id(), back).unwrap();
    assert!(submitted.is_empty());
    assert_eq!(
        resumed.questions(),
        live.questions(),
        "same questions, same choice order"
    );
    for i in 0..6 {
        assert_eq!(resumed.chosen(i), live.chosen(i), "question {i}");
        assert_eq!(resumed.is_flagged(i), live.is_flagged(i), "question {i}");
    }
    assert_eq!(resumed.review(), live.review());
    assert!(resumed.is_flagged(3) && !resumed.is_flagged(4));
    assert_eq!(resumed.current(), 5, "back on the question last touched");
    // 90 s were used before the crash: 510 s left. The clock stands still until the exam screen opens.
    let mut resumed = resumed;
    assert_eq!(resumed.remaining(back), Duration::from_secs(510));
    assert!(!resumed.clock_running());
    assert_eq!(resumed.remaining(at(86_400 + 62)), Duration::from_secs(510));
    resumed.run_clock(at(86_400 + 62));
    assert_eq!(resumed.remaining(at(86_400 + 72)), Duration::from_secs(500));
}

#[test]
fn time_counts_only_while_the_exam_is_open_across_several_sittings() {
    let deck = scenario_deck(&[("a", 6)]);
    let (live, mut events) = sat_exam(&deck, 4, 0);
    // Sitting 2, a day later: 30 s more, then another crash.
    let day = 86_400;
    let (mut second, _) = ExamSession::resume(&deck, &log(events.clone()), live.id(), at(day)).unwrap();
    second.run_clock(at(day));
    second.go_to(2);
    events.push((at(day + 30), second.toggle(0, at(day + 30)).unwrap()));
    // Sitting 3, two days later: 90 + 30 s used, 480 s left.
    let (third, submitted) = ExamSession::resume(&deck, &log(events), live.id(), at(3 * day)).unwrap();
    assert!(submitted.is_empty(), "the days in between did not count");
    assert_eq!(third.remaining(at(3 * day)), Duration::from_secs(480));
    assert_eq!(third.chosen(2), &[0]);
}

#[test]
fn the_log_alone_suffices_through_its_json_lines() {
    let deck = scenario_deck(&[("a", 5), ("b", 4)]);
    let (live, events) = sat_exam(&deck, 8, 0);
    let lines: Vec<String> = log(events)
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    let read: Vec<Event> = lines.iter().map(|l| serde_json::from_str(l).unwrap()).collect();
    let (resumed, _) = ExamSession::resume(&deck, &read, live.id(), at(1_000)).unwrap();
    assert_eq!(resumed.questions(), live.questions());
    assert_eq!(resumed.remaining(at(1_000)), Duration::from_secs(510));
}

#[test]
fn an_exam_whose_time_ran_out_resumes_submitted() {
    let deck = scenario_deck(&[("a", 6)]);
    let (live, mut events) = sat_exam(&deck, 3, 0);
    // A checkpoint recorded the full ten minutes, but the submission never reached the log.
    events.push((at(600), live.checkpoint(at(600)).unwrap()));
    let (resumed, submitted) = ExamSession::resume(&deck, &log(events), live.id(), at(5_000)).unwrap();
    assert!(resumed.is_submitted());
    assert!(matches!(
        submitted.first(),
        Some(EventKind::ExamFinished {
            timed_out: true,
            used_s: 600,
            total: 6,
            ..
        })
    ));
    assert_eq!(resumed.result().unwrap().review[0].graded.chosen, vec![1]);
}

#[test]
fn events_out_of_order_duplicated_or_invalid_do_not_break_resume() {
    let deck = scenario_deck(&[("a", 6)]);
    let (live, events) = sat_exam(&deck, 12, 0);
    let exam = live.id().to_string();
    let mut all = log(events);
    all.reverse();
    let dup = all[0].clone();
    all.push(dup);
    let bad = |question: usize, chosen: Vec<usize>| EventKind::ExamAnswer {
        exam: exam.clone(),
        question,
        chosen,
        flagged: true,
        elapsed_ms: Some(100_000),
    };
    all.extend(
        log(vec![(at(100), bad(99, vec![0])), (at(101), bad(0, vec![17]))])
            .into_iter()
            .map(|mut e| {
                e.id.push_str("-bad");
                e
            }),
    );
    let (resumed, _) = ExamSession::resume(&deck, &all, &exam, at(200)).unwrap();
    for i in 0..6 {
        assert_eq!(resumed.chosen(i), live.chosen(i));
        assert_eq!(resumed.is_flagged(i), live.is_flagged(i));
    }
    // The skipped events still say the exam was open until 100 s.
    assert_eq!(resumed.remaining(at(200)), Duration::from_secs(500));
}

#[test]
fn answers_logged_without_the_time_used_fall_back_to_the_time_since_the_start() {
    let deck = scenario_deck(&[("a", 6)]);
    let (live, events) = sat_exam(&deck, 12, 0);
    let old_style: Vec<(Timestamp, EventKind)> = events
        .into_iter()
        .map(|(t, e)| match e {
            EventKind::ExamAnswer {
                exam,
                question,
                chosen,
                flagged,
                ..
            } => (
                t,
                EventKind::ExamAnswer {
                    exam,
                    question,
                    chosen,
                    flagged,
                    elapsed_ms: None,
                },
            ),
            other => (t, other),
        })
        .collect();
    let (resumed, _) = ExamSession::resume(&deck, &log(old_style), live.id(), at(9_000)).unwrap();
    assert_eq!(resumed.remaining(at(9_000)), Duration::from_secs(510));
}

#[test]
fn finished_unknown_and_changed_exams_cannot_be_resumed() {
    let deck = scenario_deck(&[("a", 6)]);
    let (mut live, mut events) = sat_exam(&deck, 5, 0);
    let id = live.id().to_string();
    assert_eq!(
        ExamSession::resume(&deck, &log(events.clone()), "exam-nope", at(1)).unwrap_err(),
        QuizError::ExamNotFound {
            exam: "exam-nope".into()
        }
    );
    // The deck lost topic a's scenarios since.
    let smaller = scenario_deck(&[("a", 1)]);
    let err = ExamSession::resume(&smaller, &log(events.clone()), &id, at(1)).unwrap_err();
    let QuizError::ExamChanged { missing, .. } = err else {
        panic!("{err:?}");
    };
    assert!(!missing.is_empty() && missing.iter().all(|m| m != "a/s0"));
    for e in live.submit(at(100)).unwrap() {
        events.push((at(100), e));
    }
    assert_eq!(
        ExamSession::resume(&deck, &log(events), &id, at(1)).unwrap_err(),
        QuizError::ExamAlreadyFinished { exam: id }
    );
}

#[test]
fn the_latest_unfinished_exam_is_found_with_its_progress() {
    let deck = scenario_deck(&[("a", 6)]);
    assert_eq!(latest_unfinished(&[]), None);
    let (mut first, mut events) = sat_exam(&deck, 1, 0);
    let (second, later) = sat_exam(&deck, 2, 1_000);
    let (third, last) = sat_exam(&deck, 3, 2_000);
    events.extend(later);
    events.extend(last);
    let found = latest_unfinished(&log(events.clone())).unwrap();
    assert_eq!(found.exam, third.id());
    assert_eq!((found.questions, found.answered), (6, 2));
    assert_eq!(found.remaining(), Duration::from_secs(510));
    // Finish the third: the second is now the latest unfinished one.
    let mut third = third;
    for e in third.submit(at(2_200)).unwrap() {
        events.push((at(2_200), e));
    }
    assert_eq!(latest_unfinished(&log(events.clone())).unwrap().exam, second.id());
    for e in first.submit(at(300)).unwrap() {
        events.push((at(300), e));
    }
    let open: Vec<String> = unfinished_exams(&log(events))
        .into_iter()
        .map(|u| u.exam)
        .collect();
    assert_eq!(open, vec![second.id().to_string()]);
}

#[test]
fn exam_answer_lines_without_the_time_used_still_read_and_none_is_not_written() {
    let old = r#"{"v":1,"id":"d-1","at":"2025-01-01T00:00:10Z","type":"exam_answer","exam":"e","question":2,"chosen":[1]}"#;
    let e: Event = serde_json::from_str(old).unwrap();
    assert_eq!(
        e.kind,
        EventKind::ExamAnswer {
            exam: "e".into(),
            question: 2,
            chosen: vec![1],
            flagged: false,
            elapsed_ms: None
        }
    );
    assert!(!serde_json::to_string(&e).unwrap().contains("elapsed_ms"));
    let with = EventKind::ExamAnswer {
        exam: "e".into(),
        question: 2,
        chosen: vec![],
        flagged: true,
        elapsed_ms: Some(5),
    };
    assert!(
        serde_json::to_string(&with)
            .unwrap()
            .contains(r#""elapsed_ms":5"#)
    );
}
