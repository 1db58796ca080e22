//! The practice quiz: bad input, the draw and its mix, answering, events, score and summary.

use std::collections::HashSet;

use recall::core::content::{Deck, Lang};
use recall::core::progress::{AnswerMode, EventKind};
use recall::core::quiz::{QuizError, QuizOptions, QuizSession, ResponseError, Shortfall};

use super::support::{bundled, fact, load, scenario_deck, topic};

fn options(topic: Option<&str>, count: usize, seed: u64) -> QuizOptions {
    QuizOptions {
        topic: topic.map(str::to_string),
        count,
        seed,
    }
}

fn ids(session: &QuizSession) -> Vec<String> {
    session.questions().iter().map(|q| q.id.clone()).collect()
}

/// A topic with only grouped facts (no scenarios): everything it offers is generated.
fn facts_only() -> Deck {
    let mut text = topic("f", 1);
    for n in 0..6 {
        text += &fact(&format!("f{n}"), &format!("{n} seconds"), Some("d"));
    }
    load(vec![("f.toml".into(), text)])
}

#[test]
fn bad_input_gets_a_typed_error() {
    let deck = scenario_deck(&[("a", 3), ("b", 2)]);
    assert_eq!(
        QuizSession::new(&deck, &options(None, 0, 1)).unwrap_err(),
        QuizError::ZeroQuestions
    );
    assert_eq!(
        QuizSession::new(&deck, &options(Some("c"), 5, 1)).unwrap_err(),
        QuizError::UnknownTopic {
            topic: "c".into(),
            known: vec!["a".into(), "b".into()]
        }
    );
    let nothing = load(vec![("n.toml".into(), topic("n", 1) + &fact("x", "1", None))]);
    let err = QuizSession::new(&nothing, &options(None, 5, 1)).unwrap_err();
    assert_eq!(
        err,
        QuizError::NoQuestions {
            scope: "the deck".into()
        }
    );
    assert!(err.to_string().contains("no scenarios"));
}

#[test]
fn a_deck_without_scenarios_quizzes_on_generated_questions_and_says_so() {
    let deck = facts_only();
    let s = QuizSession::new(&deck, &options(None, 4, 1)).unwrap();
    assert!(s.generated_only());
    assert_eq!(s.questions().len(), 4);
    assert!(s.questions().iter().all(|q| q.is_generated()));
    let s = QuizSession::new(&scenario_deck(&[("a", 3)]), &options(None, 2, 1)).unwrap();
    assert!(!s.generated_only());
}

#[test]
fn asking_for_more_than_exists_uses_everything_and_reports_it() {
    let deck = scenario_deck(&[("a", 3), ("b", 2)]);
    let s = QuizSession::new(&deck, &options(None, 500, 1)).unwrap();
    assert_eq!(s.questions().len(), 5);
    assert_eq!(
        s.shortfall(),
        Some(Shortfall {
            requested: 500,
            available: 5
        })
    );
    let unique: HashSet<String> = ids(&s).into_iter().collect();
    assert_eq!(unique.len(), 5);
    assert_eq!(
        QuizSession::new(&deck, &options(None, 5, 1)).unwrap().shortfall(),
        None
    );
}

#[test]
fn a_topic_quiz_only_asks_that_topic() {
    let deck = bundled();
    let s = QuizSession::new(deck, &options(Some("cognito"), 15, 3)).unwrap();
    assert_eq!(s.questions().len(), 15);
    assert!(s.questions().iter().all(|q| q.topic == "cognito"));
}

#[test]
fn scenarios_come_first_and_generated_questions_are_one_in_four() {
    let deck = bundled();
    let scenarios: usize = deck.topics().iter().map(|t| t.scenarios.len()).sum();
    assert!(
        scenarios >= 12,
        "the mix test needs at least 12 bundled scenarios"
    );
    for (count, generated) in [(1, 0), (3, 0), (4, 1), (12, 3)] {
        for seed in 0..5 {
            let s = QuizSession::new(deck, &options(None, count, seed)).unwrap();
            let got = s.questions().iter().filter(|q| q.is_generated()).count();
            assert_eq!((count, got), (count, generated), "seed {seed}");
        }
    }
    // Short of scenarios (more than the one-in-four share is missing): generated questions fill in.
    let cognito = deck.topic("cognito").unwrap().1.scenarios.len();
    let asked = cognito + cognito / 3 + 2;
    let s = QuizSession::new(deck, &options(Some("cognito"), asked, 1)).unwrap();
    assert_eq!(
        s.questions().iter().filter(|q| !q.is_generated()).count(),
        cognito
    );
    assert_eq!(s.questions().len(), asked);
}

#[test]
fn the_draw_is_deterministic_by_seed_and_differs_across_seeds() {
    let deck = bundled();
    let draw = |seed| {
        let s = QuizSession::new(deck, &options(None, 10, seed)).unwrap();
        s.questions()
            .iter()
            .map(|q| format!("{} {}", q.id, q.choices[0].text.get(Lang::En)))
            .collect::<Vec<_>>()
    };
    assert_eq!(draw(11), draw(11));
    let distinct: HashSet<Vec<String>> = (0..6).map(draw).collect();
    assert_eq!(distinct.len(), 6);
}

#[test]
fn answering_grades_logs_and_keeps_a_running_score() {
    let deck = scenario_deck(&[("a", 6)]);
    let mut s = QuizSession::new(&deck, &options(None, 3, 9)).unwrap();
    // Question 1: right.
    let q = s.current().unwrap().clone();
    let out = s.answer(&q.correct_indices()).unwrap();
    assert!(out.graded.correct);
    assert_eq!(
        out.event,
        EventKind::Answer {
            card: q.card.clone(),
            correct: true,
            mode: AnswerMode::Quiz
        }
    );
    assert_eq!(
        s.answer(&q.correct_indices()).unwrap_err(),
        QuizError::AlreadyAnswered
    );
    assert_eq!(s.score().correct, 1);
    assert!(s.advance());
    // Question 2: an empty answer is refused and changes nothing; then a wrong one.
    assert_eq!(
        s.answer(&[]).unwrap_err(),
        QuizError::Response(ResponseError::Empty)
    );
    let q = s.current().unwrap().clone();
    let wrong = (0..q.choices.len()).find(|i| !q.choices[*i].correct).unwrap();
    let out = s.answer(&[wrong]).unwrap();
    assert!(!out.graded.correct);
    assert!(matches!(out.event, EventKind::Answer { correct: false, .. }));
    assert_eq!(
        (s.score().correct, s.score().answered, s.score().total),
        (1, 2, 3)
    );
    // Question 3: skipped.
    assert!(s.advance());
    assert!(!s.advance());
    assert!(s.is_over() && s.current().is_none());
    assert_eq!(s.answer(&[0]).unwrap_err(), QuizError::QuizOver);
    let summary = s.summary();
    assert_eq!(summary.skipped, 1);
    assert_eq!(summary.missed, vec![1]);
    assert_eq!(summary.topics.len(), 1);
    assert_eq!((summary.topics[0].correct, summary.topics[0].total), (1, 2));
}

#[test]
fn a_partial_choose_two_answer_is_wrong_and_too_many_is_refused() {
    let deck = scenario_deck(&[("a", 3)]);
    let mut s = QuizSession::new(&deck, &options(None, 3, 2)).unwrap();
    while s.current().unwrap().choose != 2 {
        assert!(s.advance());
    }
    let q = s.current().unwrap().clone();
    let right = q.correct_indices();
    let wrong = (0..5).filter(|i| !right.contains(i)).collect::<Vec<_>>();
    assert_eq!(
        s.answer(&[right[0], right[1], wrong[0]]).unwrap_err(),
        QuizError::Response(ResponseError::TooMany { choose: 2, given: 3 })
    );
    let out = s.answer(&[right[0]]).unwrap();
    assert!(
        !out.graded.correct,
        "one of two right choices is wrong, as on the exam"
    );
}

/// A quiz is drawn from what its questions come from and only the drawn questions are built; the draw is
/// the one made over every question built, as before, for every scope, count and seed.
#[test]
fn drawing_sources_gives_the_quiz_drawing_built_questions_gave() {
    use recall::core::quiz::draw::{self, Either};
    use recall::core::quiz::scope::Scope;
    let deck = bundled();
    let topics = std::iter::once(None).chain(deck.topics().iter().map(|t| Some(t.id.as_str())));
    for topic in topics {
        for seed in 0..30 {
            for count in [1, 4, 10, 1_000] {
                let scope = Scope::new(deck, topic).unwrap();
                let scenarios: Vec<_> = scope.scenarios(deck, seed).into_iter().flatten().collect();
                let before = draw::quiz(scenarios, scope.generated(deck, seed), count, seed);
                let before: Vec<_> = before
                    .questions
                    .into_iter()
                    .map(|q| match q {
                        Either::Scenario(q) | Either::Generated(q) => q,
                    })
                    .collect();
                let now = QuizSession::new(deck, &options(topic, count, seed)).unwrap();
                assert_eq!(
                    now.questions(),
                    &before[..],
                    "{topic:?}, {count} questions, seed {seed}"
                );
            }
        }
    }
}

/// A quiz drawn from a pool built once from the deck is the quiz drawn from the deck.
#[test]
fn a_pool_built_once_draws_the_same_quizzes() {
    use recall::core::quiz::QuizPool;
    let deck = bundled();
    let pool = QuizPool::new(deck);
    for seed in 0..40 {
        for topic in [None, Some(deck.topics()[1].id.as_str())] {
            let o = options(topic, 10, seed);
            let pooled = QuizSession::with_pool(deck, &pool, &o).unwrap();
            assert_eq!(
                pooled.questions(),
                QuizSession::new(deck, &o).unwrap().questions()
            );
        }
    }
}
