//! The mock exam: bad input, the proportional draw, the timer on an injected clock, answering, flags,
//! review lists, submission and the result.

use std::collections::HashMap;
use std::time::Duration;

use recall::core::content::Deck;
use recall::core::progress::{AnswerMode, EventKind};
use recall::core::quiz::{
    ExamOptions, ExamSession, QuestionStatus, QuizError, ResponseError, Shortfall, Verdict,
};

use super::support::{at, bundled, fact, load, scenario_deck, topic};

fn options(questions: usize, minutes: u64, topic: Option<&str>, seed: u64) -> ExamOptions {
    ExamOptions {
        questions,
        minutes,
        topic: topic.map(str::to_string),
        seed,
    }
}

fn start(deck: &Deck, questions: usize, minutes: u64, seed: u64) -> ExamSession {
    ExamSession::start(deck, &options(questions, minutes, None, seed), at(0))
        .unwrap()
        .0
}

fn per_topic(session: &ExamSession) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for q in session.questions() {
        *counts.entry(q.topic.clone()).or_default() += 1;
    }
    counts
}

/// A wrong choice of the current question.
fn a_wrong_choice(s: &ExamSession) -> usize {
    let q = s.current_question();
    (0..q.choices.len()).find(|&i| !q.choices[i].correct).unwrap()
}

#[test]
fn bad_input_gets_a_typed_error() {
    let deck = scenario_deck(&[("a", 3)]);
    let err = |o: ExamOptions| ExamSession::start(&deck, &o, at(0)).unwrap_err();
    assert_eq!(err(options(0, 130, None, 1)), QuizError::ZeroQuestions);
    assert_eq!(err(options(65, 0, None, 1)), QuizError::ZeroMinutes);
    assert!(matches!(
        err(options(65, 1_000_000, None, 1)),
        QuizError::TooManyMinutes { .. }
    ));
    assert!(matches!(
        err(options(65, 130, Some("zzz"), 1)),
        QuizError::UnknownTopic { .. }
    ));
    let no_scenarios = load(vec![(
        "f.toml".into(),
        topic("f", 1) + &fact("x", "1 s", Some("d")),
    )]);
    let e = ExamSession::start(&no_scenarios, &options(65, 130, None, 1), at(0)).unwrap_err();
    assert_eq!(
        e,
        QuizError::NoScenarios {
            scope: "the deck".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "the deck has no scenarios, so there is nothing to build an exam from"
    );
}

#[test]
fn more_questions_than_scenarios_uses_them_all() {
    let deck = scenario_deck(&[("a", 3), ("b", 4)]);
    let (s, _) = ExamSession::start(&deck, &options(65, 130, None, 1), at(0)).unwrap();
    assert_eq!(s.questions().len(), 7);
    assert_eq!(
        s.shortfall(),
        Some(Shortfall {
            requested: 65,
            available: 7
        })
    );
    assert!(
        s.questions().iter().all(|q| !q.is_generated()),
        "an exam is scenarios only"
    );
}

#[test]
fn questions_are_drawn_across_topics_in_proportion_to_the_deck() {
    let deck = scenario_deck(&[("a", 12), ("b", 6), ("c", 2)]);
    for seed in 0..10 {
        // Exact quotas 6, 3, 1.
        let counts = per_topic(&start(&deck, 10, 60, seed));
        assert_eq!((counts["a"], counts["b"], counts["c"]), (6, 3, 1));
        // Quotas 4.2, 2.1, 0.7: floors 4, 2, 0 and the spare question goes to c.
        let counts = per_topic(&start(&deck, 7, 60, seed));
        assert_eq!((counts["a"], counts["b"], counts["c"]), (4, 2, 1));
    }
}

#[test]
fn a_65_question_exam_on_the_bundled_deck_follows_the_topic_sizes() {
    let deck = bundled();
    let total: usize = deck.topics().iter().map(|t| t.scenarios.len()).sum();
    let s = start(deck, 65, 130, 3);
    let n = s.questions().len();
    assert_eq!(n, 65.min(total));
    let counts = per_topic(&s);
    for t in deck.topics() {
        let quota = n as f64 * t.scenarios.len() as f64 / total as f64;
        let got = counts.get(&t.id).copied().unwrap_or(0) as f64;
        assert!((got - quota).abs() < 1.0, "{}: {got} vs quota {quota}", t.id);
    }
}

#[test]
fn the_draw_is_deterministic_by_seed_and_differs_across_seeds() {
    let deck = scenario_deck(&[("a", 12), ("b", 6), ("c", 2)]);
    let draw = |seed| start(&deck, 10, 60, seed).questions().to_vec();
    assert_eq!(draw(5), draw(5));
    let ids = |seed| draw(seed).iter().map(|q| q.id.clone()).collect::<Vec<_>>();
    assert!((0..6).any(|seed| ids(seed) != ids(5)));
    assert_ne!(ids(1), ids(2));
}

#[test]
fn starting_logs_the_seed_the_questions_and_the_time_limit() {
    let deck = scenario_deck(&[("a", 4)]);
    let (s, event) = ExamSession::start(&deck, &options(3, 90, None, 77), at(0)).unwrap();
    let EventKind::ExamStarted {
        exam,
        seed,
        questions,
        time_limit_s,
    } = event
    else {
        panic!("not an ExamStarted event");
    };
    assert_eq!(exam, s.id());
    assert_eq!(seed, 77);
    assert_eq!(
        questions,
        s.questions().iter().map(|q| q.id.clone()).collect::<Vec<_>>()
    );
    assert_eq!(time_limit_s, 90 * 60);
    let (other, _) = ExamSession::start(&deck, &options(3, 90, None, 77), at(1)).unwrap();
    assert_ne!(other.id(), s.id(), "exam ids differ by start time");
}

#[test]
fn the_countdown_runs_on_the_injected_clock_and_time_up_submits_on_tick() {
    let deck = scenario_deck(&[("a", 4)]);
    let mut s = start(&deck, 4, 10, 1);
    assert_eq!(s.remaining(at(0)), Duration::from_secs(600));
    assert_eq!(s.remaining(at(150)), Duration::from_secs(450));
    s.toggle(0, at(599)).unwrap();
    assert!(s.tick(at(599)).is_empty(), "not yet");
    assert!(!s.is_submitted());
    // At the limit, changes are refused until the tick submits.
    assert_eq!(s.toggle(1, at(600)).unwrap_err(), QuizError::TimeUp);
    assert_eq!(s.toggle_flag(at(601)).unwrap_err(), QuizError::TimeUp);
    let events = s.tick(at(605));
    let EventKind::ExamFinished {
        total,
        used_s,
        timed_out,
        ..
    } = &events[0]
    else {
        panic!("first event is not ExamFinished: {events:?}");
    };
    assert_eq!((*total, *used_s, *timed_out), (4, 600, true));
    let answers: Vec<bool> = events[1..]
        .iter()
        .map(|e| match e {
            EventKind::Answer { correct, .. } => *correct,
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(answers.len(), 4, "ExamFinished and one Answer per question");
    assert!(
        answers.iter().filter(|c| !**c).count() >= 3,
        "the three unanswered questions are wrong: {answers:?}"
    );
    assert!(s.is_submitted());
    assert_eq!(s.remaining(at(10_000)), Duration::ZERO);
    assert_eq!(s.result().unwrap().used, Duration::from_secs(600));
    assert!(s.tick(at(700)).is_empty(), "submitted once");
}

#[test]
fn nothing_changes_after_submission() {
    let deck = scenario_deck(&[("a", 4)]);
    let mut s = start(&deck, 4, 10, 1);
    s.submit(at(60)).unwrap();
    assert_eq!(s.toggle(0, at(61)).unwrap_err(), QuizError::ExamSubmitted);
    assert_eq!(s.set_answer(&[0], at(61)).unwrap_err(), QuizError::ExamSubmitted);
    assert_eq!(s.toggle_flag(at(61)).unwrap_err(), QuizError::ExamSubmitted);
    assert_eq!(s.submit(at(62)).unwrap_err(), QuizError::ExamSubmitted);
    assert!(s.checkpoint(at(62)).is_none());
    assert_eq!(
        s.elapsed(at(5_000)),
        Duration::from_secs(60),
        "time used is frozen"
    );
    assert!(!s.result().unwrap().timed_out);
}

#[test]
fn single_answer_choices_act_like_radio_buttons_and_choose_two_caps_at_two() {
    let deck = scenario_deck(&[("a", 3)]);
    let mut s = start(&deck, 3, 10, 4);
    let single = (0..3).find(|&i| s.questions()[i].choose == 1).unwrap();
    s.go_to(single);
    s.toggle(0, at(1)).unwrap();
    s.toggle(2, at(2)).unwrap();
    assert_eq!(s.chosen(single), &[2]);
    s.toggle(2, at(3)).unwrap();
    assert_eq!(s.chosen(single), &[] as &[usize]);

    let double = (0..3).find(|&i| s.questions()[i].choose == 2).unwrap();
    s.go_to(double);
    s.toggle(4, at(4)).unwrap();
    assert_eq!(s.status(double), QuestionStatus::Incomplete);
    s.toggle(1, at(5)).unwrap();
    assert_eq!(s.chosen(double), &[1, 4]);
    assert_eq!(s.status(double), QuestionStatus::Answered);
    assert_eq!(
        s.toggle(0, at(6)).unwrap_err(),
        QuizError::Response(ResponseError::TooMany { choose: 2, given: 3 })
    );
    assert_eq!(
        s.toggle(9, at(6)).unwrap_err(),
        QuizError::Response(ResponseError::OutOfRange { index: 9, count: 5 })
    );
    assert_eq!(s.chosen(double), &[1, 4], "refused toggles change nothing");
}

#[test]
fn every_change_returns_the_question_state_with_the_time_used() {
    let deck = scenario_deck(&[("a", 3)]);
    let mut s = start(&deck, 3, 10, 4);
    s.go_to(1);
    let e = s.toggle(0, at(42)).unwrap();
    assert_eq!(
        e,
        EventKind::ExamAnswer {
            exam: s.id().to_string(),
            question: 1,
            chosen: vec![0],
            flagged: false,
            elapsed_ms: Some(42_000),
        }
    );
    let e = s.toggle_flag(at(50)).unwrap();
    assert!(
        matches!(e, EventKind::ExamAnswer { question: 1, flagged: true, ref chosen, .. } if chosen == &[0])
    );
    let e = s.clear(at(51)).unwrap();
    assert!(matches!(e, EventKind::ExamAnswer { flagged: true, ref chosen, .. } if chosen.is_empty()));
    assert!(matches!(
        s.checkpoint(at(70)),
        Some(EventKind::ExamAnswer {
            elapsed_ms: Some(70_000),
            ..
        })
    ));
}

#[test]
fn navigation_and_review_lists() {
    let deck = scenario_deck(&[("a", 6)]);
    let mut s = start(&deck, 6, 60, 8);
    assert!(!s.prev_question());
    assert!(s.next_question());
    assert_eq!(s.current(), 1);
    assert!(!s.go_to(6));
    assert_eq!(s.current(), 1);
    assert!(s.go_to(5));
    assert!(!s.next_question());
    // Answer 0 fully, 2 partially if it is a choose-two (else fully), flag 2 and 5.
    s.go_to(0);
    let c = s.current_question().correct_indices();
    s.set_answer(&c, at(1)).unwrap();
    s.go_to(2);
    s.toggle(0, at(2)).unwrap();
    s.toggle_flag(at(3)).unwrap();
    s.go_to(5);
    s.toggle_flag(at(4)).unwrap();
    let two_is_complete = s.questions()[2].choose == 1;
    let review = s.review();
    assert_eq!(review.flagged, vec![2, 5]);
    if two_is_complete {
        assert_eq!(review.answered, vec![0, 2]);
        assert_eq!(review.unanswered, vec![1, 3, 4, 5]);
    } else {
        assert_eq!(review.answered, vec![0]);
        assert_eq!(review.unanswered, vec![1, 2, 3, 4, 5]);
    }
}

#[test]
fn the_result_scores_breaks_down_by_topic_and_reviews_every_question() {
    let deck = scenario_deck(&[("a", 6), ("b", 3)]);
    let mut s = start(&deck, 9, 130, 21);
    // Right on every question of topic a, wrong on b's first, nothing on the rest of b.
    let mut wrong_done = false;
    for i in 0..9 {
        s.go_to(i);
        let q = s.current_question().clone();
        if q.topic == "a" {
            s.set_answer(&q.correct_indices(), at(10)).unwrap();
        } else if !wrong_done {
            s.set_answer(&[a_wrong_choice(&s)], at(10)).unwrap();
            wrong_done = true;
        }
    }
    assert!(s.result().is_none(), "no feedback before submission");
    let events = s.submit(at(3_600)).unwrap();
    let r = s.result().unwrap().clone();
    assert_eq!((r.correct, r.total), (6, 9));
    assert_eq!(r.scaled, 700, "100 + 900 × 6/9");
    assert!(!r.passed);
    assert_eq!(r.used, Duration::from_secs(3_600));
    let rows: Vec<(&str, usize, usize)> = r
        .topics
        .iter()
        .map(|t| (t.topic.as_str(), t.correct, t.total))
        .collect();
    assert_eq!(rows, vec![("a", 6, 6), ("b", 0, 3)]);
    for (q, review) in s.questions().iter().zip(&r.review) {
        assert_eq!(review.graded.verdicts.len(), q.choices.len());
        let hits = review
            .graded
            .verdicts
            .iter()
            .filter(|v| **v == Verdict::Hit)
            .count();
        assert_eq!(hits == q.choose, review.graded.correct, "{}", q.id);
    }
    assert_eq!(
        events[0],
        EventKind::ExamFinished {
            exam: s.id().to_string(),
            correct: 6,
            total: 9,
            scaled: 700,
            used_s: 3_600,
            timed_out: false
        }
    );
    let answers: Vec<(bool, AnswerMode)> = events[1..]
        .iter()
        .map(|e| match e {
            EventKind::Answer { correct, mode, .. } => (*correct, *mode),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        answers.len(),
        9,
        "six right, one wrong, two unanswered and so wrong"
    );
    assert_eq!(answers.iter().filter(|(c, _)| !c).count(), 3);
    assert!(answers.iter().all(|(_, m)| *m == AnswerMode::Exam));
}

#[test]
fn all_right_scores_1000_and_nothing_right_scores_100() {
    let deck = scenario_deck(&[("a", 5)]);
    let mut s = start(&deck, 5, 60, 2);
    for i in 0..5 {
        s.go_to(i);
        let c = s.current_question().correct_indices();
        s.set_answer(&c, at(1)).unwrap();
    }
    s.submit(at(2)).unwrap();
    assert_eq!(
        (s.result().unwrap().scaled, s.result().unwrap().passed),
        (1000, true)
    );
    let mut s = start(&deck, 5, 60, 2);
    s.submit(at(2)).unwrap();
    assert_eq!(
        (s.result().unwrap().scaled, s.result().unwrap().passed),
        (100, false)
    );
}
