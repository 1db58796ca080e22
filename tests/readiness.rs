//! Exam readiness, calibrated by simulation: simulated learners whose memory follows FSRS with their own
//! parameters (drawn around the defaults) study the bundled deck on recall's schedule for weeks, then take
//! mock exams drawn as recall draws them; recall's prediction, made from their log alone, is compared with
//! the scores they get. Fixed seeds; no wall-clock time.
//!
//! The simulated world (not the predictor) decides what a learner knows: a studied card is recalled with
//! the learner's own FSRS retrievability; a scenario never studied is known when the learner recalls two
//! facts of its topic it rests on (fixed per scenario), or from what they knew before (a per-learner
//! share); anything not known is a guess among the scenario's choices. The predictor sees none of this:
//! only the log, with recall's default FSRS parameters.

mod common;

use std::collections::HashMap;

use jiff::{SignedDuration, Timestamp};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use recall::core::content::{self, Deck, Item, global_id};
use recall::core::progress::{Event, Progress, Rating};
use recall::core::quiz::{ExamOptions, ExamSession, scaled_score};
use recall::core::readiness::{self, guess_chance};
use recall::core::srs::{self, Limits, Mode, Phase, Scheduler, Siblings, StudySession};
use recall::io::deck::bundled_files;

fn deck() -> Deck {
    content::load(&bundled_files().0).deck
}

/// One simulated learner's mind.
struct Learner {
    fsrs: fsrs::FSRS,
    decay: f32,
    /// How much of an unseen scenario they knew before studying.
    prior: f64,
    /// Share of days they study.
    diligence: f64,
    /// True memory per card: (memory, study day of the last review).
    memory: HashMap<String, (fsrs::MemoryState, i64)>,
}

impl Learner {
    fn new(rng: &mut StdRng) -> Learner {
        let mut params = fsrs::DEFAULT_PARAMETERS;
        // Initial stabilities and the growth of stability vary most between people.
        for w in params.iter_mut().take(4) {
            *w *= 0.3 + 1.1 * rng.random::<f32>();
        }
        for i in [8, 9, 10] {
            params[i] *= 0.7 + 0.6 * rng.random::<f32>();
        }
        Learner {
            fsrs: fsrs::FSRS::new(&params).expect("perturbed parameters are valid"),
            decay: params[20],
            prior: 0.1 + 0.3 * rng.random::<f64>(),
            diligence: 0.3 + 0.7 * rng.random::<f64>(),
            memory: HashMap::new(),
        }
    }

    /// The true probability of recalling `card` on study day `day` (0 if never studied).
    fn recall(&self, card: &str, day: i64) -> f64 {
        self.memory.get(card).map_or(0.0, |(m, last)| {
            f64::from(fsrs::current_retrievability(
                *m,
                (day - last).max(0) as f32,
                self.decay,
            ))
        })
    }

    /// The true probability of knowing a scenario never studied: two of its topic's facts, or prior
    /// knowledge.
    fn knows_unseen(&self, facts: &[String; 2], day: i64) -> f64 {
        let both = self.recall(&facts[0], day) * self.recall(&facts[1], day);
        self.prior + (1.0 - self.prior) * both
    }

    fn remember(&mut self, card: &str, rating: Rating, day: i64) {
        let previous = self.memory.get(card).copied();
        let elapsed = previous.map_or(0, |(_, last)| (day - last).max(0) as u32);
        let next = self
            .fsrs
            .next_states(previous.map(|(m, _)| m), 0.9, elapsed)
            .expect("valid state");
        let m = match rating {
            Rating::Again => next.again.memory,
            Rating::Hard => next.hard.memory,
            Rating::Good => next.good.memory,
            Rating::Easy => next.easy.memory,
        };
        self.memory.insert(card.to_string(), (m, day));
    }
}

/// The world: which two facts each scenario rests on.
struct World {
    deck: Deck,
    rests_on: HashMap<String, [String; 2]>,
    guess: HashMap<String, f64>,
    is_scenario: HashMap<String, bool>,
}

impl World {
    fn new() -> World {
        let deck = deck();
        let mut rests_on = HashMap::new();
        let mut guess = HashMap::new();
        for topic in deck.topics() {
            let facts: Vec<String> = topic.facts.iter().map(|f| global_id(&topic.id, &f.id)).collect();
            for (i, s) in topic.scenarios.iter().enumerate() {
                let id = global_id(&topic.id, &s.id);
                let a = facts[(i * 7) % facts.len()].clone();
                let b = facts[(i * 13 + 3) % facts.len()].clone();
                rests_on.insert(id.clone(), [a, b]);
                guess.insert(id, guess_chance(s));
            }
        }
        let is_scenario = deck
            .cards()
            .map(|(id, r)| (id, matches!(deck.item(r), Some(Item::Scenario(_)))))
            .collect();
        World {
            deck,
            rests_on,
            guess,
            is_scenario,
        }
    }

    /// The true chance that `learner` answers scenario `card` right on `day`.
    fn truth(&self, learner: &Learner, card: &str, day: i64) -> f64 {
        let g = self.guess[card];
        let know = if learner.memory.contains_key(card) {
            learner.recall(card, day)
        } else {
            learner.knows_unseen(&self.rests_on[card], day)
        };
        know + (1.0 - know) * g
    }
}

const START: &str = "2026-01-05T04:00:00Z";

fn day_start(day: i64) -> Timestamp {
    START.parse::<Timestamp>().unwrap() + SignedDuration::from_hours(24 * day)
}

/// One study day on recall's schedule; returns the events written.
fn study_day(
    world: &World,
    learner: &mut Learner,
    s: &Scheduler,
    progress: &Progress,
    day: i64,
    rng: &mut StdRng,
) -> Vec<Event> {
    let mut now = day_start(day) + SignedDuration::from_hours(14);
    let scope = srs::scope(&world.deck, None);
    let siblings = Siblings::of_deck(&world.deck);
    let mut session = StudySession::start(
        s.clone(),
        progress,
        scope,
        Limits::default(),
        &siblings,
        Mode::Scheduled,
        now,
    );
    let mut events = Vec::new();
    while let Some(current) = session.current() {
        let card = current.card.clone();
        let state = current.state;
        if let Some(due) = state.due.filter(|d| *d > now) {
            now = due;
        }
        let known = match state.phase {
            Phase::New if world.is_scenario[&card] => learner.knows_unseen(&world.rests_on[&card], day),
            Phase::New => learner.prior.max(0.5),
            Phase::Learning | Phase::Relearning => 0.9,
            Phase::Review => learner.recall(&card, day),
        };
        let rating = if rng.random::<f64>() < known {
            Rating::Good
        } else {
            Rating::Again
        };
        learner.remember(&card, rating, day);
        session.reveal();
        let event = session
            .grade(rating, format!("d{day}-{}", events.len()), now)
            .unwrap();
        session.confirm(now).unwrap();
        events.push(event);
        now += SignedDuration::from_secs(30);
    }
    events
}

/// A simulated exam: (predicted, simulated score, predicted low, predicted high).
fn exam(
    world: &World,
    learner: &Learner,
    progress: &Progress,
    s: &Scheduler,
    day: i64,
    rng: &mut StdRng,
) -> Option<(u32, u32, u32, u32)> {
    let at = day_start(day) + SignedDuration::from_hours(10);
    let prediction = readiness::predict(&world.deck, progress, s, at).overall?;
    let options = ExamOptions::full_length(&world.deck, rng.random::<u64>());
    let (session, _) = ExamSession::start(&world.deck, &options, at).unwrap();
    let correct = session
        .questions()
        .iter()
        .filter(|q| rng.random::<f64>() < world.truth(learner, &q.card, day))
        .count();
    let simulated = scaled_score(correct, session.questions().len());
    Some((prediction.scaled, simulated, prediction.low, prediction.high))
}

/// Learners study for 5, 7 or 10 weeks, then stop; each takes exams 1, 14, 45 and 120 days after their last
/// study day (forgetting brings many into the middle of the scale, where an exam's luck matters most).
fn calibration(learners: u64) -> Vec<(u32, u32, u32, u32)> {
    let world = World::new();
    let s = common::scheduler();
    let mut results = Vec::new();
    for seed in 0..learners {
        let mut rng = StdRng::seed_from_u64(1000 + seed);
        let mut learner = Learner::new(&mut rng);
        let mut progress = Progress::new();
        let weeks = [5, 7, 10][(seed % 3) as usize];
        let last = weeks * 7 - 1;
        for day in 0..=last {
            if rng.random::<f64>() < learner.diligence {
                for event in study_day(&world, &mut learner, &s, &progress, day, &mut rng) {
                    progress.apply(event, &s);
                }
            }
        }
        for gap in [1, 14, 45, 120] {
            if let Some(r) = exam(&world, &learner, &progress, &s, last + gap, &mut rng) {
                results.push(r);
            }
        }
    }
    results
}

/// The predicted score is within 50 points of the simulated one in at least 80 % of exams, and the stated
/// 80 % range holds the simulated score in 70–90 % of them.
#[test]
fn predictions_are_calibrated_against_simulated_learners() {
    let results = calibration(24);
    let n = results.len();
    assert!(n >= 50, "only {n} exams had a prediction");
    let mut errors: Vec<i64> = results
        .iter()
        .map(|(p, s, ..)| i64::from(*p) - i64::from(*s))
        .collect();
    errors.sort_unstable();
    let within = errors.iter().filter(|e| e.abs() <= 50).count();
    let covered = results
        .iter()
        .filter(|(_, s, lo, hi)| (lo..=hi).contains(&s))
        .count();
    let mean_error = errors.iter().sum::<i64>() as f64 / n as f64;
    let mut scores: Vec<u32> = results.iter().map(|r| r.1).collect();
    scores.sort_unstable();
    eprintln!(
        "simulated scores: min {} · quartiles {} / {} / {} · max {}",
        scores[0],
        scores[n / 4],
        scores[n / 2],
        scores[3 * n / 4],
        scores[n - 1]
    );
    let report = format!(
        "{n} exams: |error| ≤ 50 in {within} ({:.0} %); 80 % range holds the score in {covered} ({:.0} %); \
         error mean {mean_error:.1}, quartiles {} / {} / {}, worst {} and {}",
        100.0 * within as f64 / n as f64,
        100.0 * covered as f64 / n as f64,
        errors[n / 4],
        errors[n / 2],
        errors[3 * n / 4],
        errors[0],
        errors[n - 1],
    );
    eprintln!("{report}");
    assert!(within * 5 >= n * 4, "{report}");
    assert!(covered * 10 >= n * 7 && covered * 10 <= n * 9, "{report}");
}

/// The log of a learner who studied every card of `topics` once (Good, Good) on `day`, and took it well.
fn studied(world: &World, s: &Scheduler, topics: &[&str], day: i64) -> Progress {
    let mut progress = Progress::new();
    let mut n = 0;
    for (card, _) in world.deck.cards() {
        if !topics.iter().any(|t| card.starts_with(&format!("{t}/"))) {
            continue;
        }
        for minutes in [0, 10] {
            let at = day_start(day) + SignedDuration::from_hours(2) + SignedDuration::from_mins(minutes);
            let kind = recall::core::progress::EventKind::Review {
                card: card.clone(),
                rating: Rating::Good,
                duration_ms: 1000,
                cram: false,
            };
            progress.apply(Event::new(format!("e{n}"), at, kind), s);
            n += 1;
        }
    }
    progress
}

#[test]
fn a_topic_never_studied_gets_no_prediction_and_the_exam_none() {
    let world = World::new();
    let s = common::scheduler();
    let progress = studied(&world, &s, &["lambda", "dynamodb"], 0);
    let r = readiness::predict(&world.deck, &progress, &s, day_start(1));
    let topic = |id: &str| r.topics.iter().find(|t| t.topic == id).unwrap();
    assert!(topic("lambda").prediction.is_some());
    assert!(topic("dynamodb").prediction.is_some());
    assert_eq!(
        topic("cognito").prediction,
        None,
        "never studied: no confident prediction"
    );
    assert_eq!(topic("cognito").seen, 0);
    assert_eq!(r.overall, None, "the exam draws from cognito too");
    assert_eq!(
        readiness::predict(&world.deck, &Progress::new(), &s, day_start(1)).overall,
        None
    );
}

#[test]
fn a_learner_who_aced_every_card_yesterday_gets_a_high_prediction_that_falls_without_study() {
    let world = World::new();
    let s = common::scheduler();
    let all: Vec<&str> = world.deck.topics().iter().map(|t| t.id.as_str()).collect();
    let progress = studied(&world, &s, &all, 0);
    let score = |day: i64| {
        readiness::predict(&world.deck, &progress, &s, day_start(day))
            .overall
            .unwrap()
    };
    let tomorrow = score(1);
    assert!(
        tomorrow.scaled >= 850 && tomorrow.pass_chance > 0.9,
        "{tomorrow:?}"
    );
    assert!(tomorrow.low <= tomorrow.scaled && tomorrow.scaled <= tomorrow.high);
    let later: Vec<u32> = [1, 3, 10, 30, 90].iter().map(|&d| score(d).scaled).collect();
    assert!(
        later.windows(2).all(|w| w[0] > w[1]),
        "falls as days pass: {later:?}"
    );
    assert!(score(90).pass_chance < tomorrow.pass_chance);
}

/// Wrong quiz answers after the last review mark a scenario as missed: its chance drops to a guess.
#[test]
fn a_wrong_answer_since_the_last_review_is_a_weak_spot() {
    let world = World::new();
    let s = common::scheduler();
    let mut progress = studied(&world, &s, &["lambda"], 0);
    let card = world.deck.topic("lambda").unwrap().1.scenarios[0].id.clone();
    let card = global_id("lambda", &card);
    let before = readiness::chances(&world.deck, &progress, &s, day_start(1));
    let p_before = before.iter().find(|c| c.card == card).unwrap().p;
    let kind = recall::core::progress::EventKind::Answer {
        card: card.clone(),
        correct: false,
        mode: recall::core::progress::AnswerMode::Quiz,
    };
    progress.apply(
        Event::new("wrong", day_start(0) + SignedDuration::from_hours(5), kind),
        &s,
    );
    let after = readiness::chances(&world.deck, &progress, &s, day_start(1));
    let c = after.iter().find(|c| c.card == card).unwrap();
    assert!(
        c.missed_last && c.p < p_before && c.p <= 0.25 + 1e-9,
        "{c:?} (was {p_before})"
    );
}

/// The weak-spot quiz prefers the scenarios least likely to be answered right: over 200 seeded draws of 10,
/// their mean chance is well under a uniform draw's, and the missed scenario comes in most draws.
#[test]
fn the_weak_spot_draw_prefers_low_chances_over_a_uniform_draw() {
    use recall::core::quiz::{QuizOptions, QuizSession};
    let world = World::new();
    let s = common::scheduler();
    let mut progress = Progress::new();
    // Lambda studied on three different days, so chances on day 20 spread out; one scenario missed since.
    for (day, topics) in [(0, "lambda"), (10, "lambda"), (18, "lambda")] {
        let once = studied(&world, &s, &[topics], day);
        for (card, history) in once.cards() {
            if (day == 0 && card.len() % 3 == 0)
                || (day == 10 && card.len() % 3 == 1)
                || day == 18 && card.len() % 3 == 2
            {
                for r in &history.reviews {
                    let kind = recall::core::progress::EventKind::Review {
                        card: card.to_string(),
                        rating: r.rating,
                        duration_ms: 1,
                        cram: false,
                    };
                    progress.apply(Event::new(format!("{}-{day}", r.id), r.at, kind), &s);
                }
            }
        }
    }
    let missed = global_id("lambda", &world.deck.topic("lambda").unwrap().1.scenarios[1].id);
    let kind = recall::core::progress::EventKind::Answer {
        card: missed.clone(),
        correct: false,
        mode: recall::core::progress::AnswerMode::Quiz,
    };
    progress.apply(Event::new("miss", day_start(19), kind), &s);
    let chances = readiness::chances(&world.deck, &progress, &s, day_start(20));
    let by_card: HashMap<&str, &readiness::Chance> = chances.iter().map(|c| (c.card.as_str(), c)).collect();
    let options = |seed| QuizOptions {
        topic: Some("lambda".into()),
        count: 10,
        seed,
    };
    let (mut weak_sum, mut uniform_sum, mut missed_in, mut draws) = (0.0, 0.0, 0, 0);
    for seed in 0..200 {
        let weak = QuizSession::weak(&world.deck, &options(seed), |card| by_card[card].weakness()).unwrap();
        let uniform = QuizSession::weak(&world.deck, &options(seed), |_| 1.0).unwrap();
        weak_sum += weak
            .questions()
            .iter()
            .map(|q| by_card[q.card.as_str()].p)
            .sum::<f64>();
        uniform_sum += uniform
            .questions()
            .iter()
            .map(|q| by_card[q.card.as_str()].p)
            .sum::<f64>();
        missed_in += usize::from(weak.questions().iter().any(|q| q.card == missed));
        draws += 10;
    }
    let (weak_mean, uniform_mean) = (weak_sum / draws as f64, uniform_sum / draws as f64);
    eprintln!(
        "mean chance drawn: weak {weak_mean:.3}, uniform {uniform_mean:.3}; missed scenario in {missed_in} of 200"
    );
    assert!(
        weak_mean < uniform_mean - 0.03,
        "weak {weak_mean:.3} vs uniform {uniform_mean:.3}"
    );
    assert!(missed_in > 150, "{missed_in}");
}
