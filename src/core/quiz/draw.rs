//! Drawing a session's questions by seed.
//!
//! - **Quiz** ([`quiz`]): hand-written scenarios come first; generated questions supplement them with one
//!   question in four (rounded down, so a quiz of 1–3 questions is all scenarios when there are enough), and
//!   fill in for any scenarios that are missing. Whichever kind runs short, the other makes up the number.
//! - **Exam** ([`exam`]): scenarios only, the count per topic apportioned to each topic's number of scenarios
//!   ([`super::apportion`]), picked at random within each topic.
//!
//! - **Weak spots** ([`weighted`]): scenarios only, each drawn with the weight the caller gives it (the
//!   readiness model's weakness), without replacement.
//!
//! All shuffle the final order, and ask for more questions than exist → all of them plus a [`Shortfall`].

use rand::RngExt;
use rand::seq::SliceRandom;

use super::apportion::apportion;
use super::error::Shortfall;
use super::question::Question;
use super::seed::draw_rng;

/// Generated questions per quiz: `GENERATED_PER_QUIZ.0` in every `GENERATED_PER_QUIZ.1`.
pub const GENERATED_PER_QUIZ: (usize, usize) = (1, 4);

/// The questions of a session (or what they are built from), and whether fewer exist than were asked for.
#[derive(Debug, Clone)]
pub struct Draw<Q = Question> {
    /// The questions, in session order.
    pub questions: Vec<Q>,
    /// Set when `n` exceeded what exists.
    pub shortfall: Option<Shortfall>,
}

/// Draws `n` quiz questions from `scenarios` and `generated` under `seed` (see the module doc for the mix).
///
/// The draw depends only on how many of each there are, so it can draw what questions are built from and
/// build only the ones drawn.
pub fn quiz<S, G>(mut scenarios: Vec<S>, mut generated: Vec<G>, n: usize, seed: u64) -> Draw<Either<S, G>> {
    let available = scenarios.len() + generated.len();
    let take = n.min(available);
    let share = take * GENERATED_PER_QUIZ.0 / GENERATED_PER_QUIZ.1;
    let from_generated = generated
        .len()
        .min(share.max(take.saturating_sub(scenarios.len())));
    let mut rng = draw_rng(seed);
    scenarios.shuffle(&mut rng);
    generated.shuffle(&mut rng);
    scenarios.truncate(take - from_generated);
    generated.truncate(from_generated);
    let mut questions: Vec<Either<S, G>> = scenarios
        .into_iter()
        .map(Either::Scenario)
        .chain(generated.into_iter().map(Either::Generated))
        .collect();
    questions.shuffle(&mut rng);
    Draw {
        questions,
        shortfall: shortfall(n, available),
    }
}

/// A drawn quiz question: a scenario or a generated one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Either<S, G> {
    /// A hand-written scenario.
    Scenario(S),
    /// A generated question.
    Generated(G),
}

/// Draws `n` questions under `seed`, each with probability growing with its weight (Efraimidis–Spirakis:
/// the `n` largest keys `u^(1/w)`); questions of weight 0 come only when nothing else is left.
pub fn weighted<Q>(questions: Vec<Q>, weight: impl Fn(&Q) -> f64, n: usize, seed: u64) -> Draw<Q> {
    let available = questions.len();
    let mut rng = draw_rng(seed);
    let mut keyed: Vec<(f64, Q)> = questions
        .into_iter()
        .map(|q| {
            let w = weight(&q);
            let u: f64 = rng.random::<f64>().max(f64::MIN_POSITIVE);
            let key = if w > 0.0 && w.is_finite() {
                u.powf(1.0 / w)
            } else {
                -1.0 + u
            };
            (key, q)
        })
        .collect();
    keyed.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut drawn: Vec<Q> = keyed.into_iter().take(n).map(|(_, q)| q).collect();
    drawn.shuffle(&mut rng);
    Draw {
        questions: drawn,
        shortfall: shortfall(n, available),
    }
}

/// Draws `n` exam questions from per-topic pools under `seed`, in proportion to the pools' sizes.
pub fn exam<Q>(per_topic: Vec<Vec<Q>>, n: usize, seed: u64) -> Draw<Q> {
    let sizes: Vec<usize> = per_topic.iter().map(Vec::len).collect();
    let shares = apportion(&sizes, n);
    let mut rng = draw_rng(seed);
    let mut questions = Vec::new();
    for (mut pool, share) in per_topic.into_iter().zip(shares) {
        pool.shuffle(&mut rng);
        pool.truncate(share);
        questions.append(&mut pool);
    }
    questions.shuffle(&mut rng);
    Draw {
        questions,
        shortfall: shortfall(n, sizes.iter().sum()),
    }
}

fn shortfall(requested: usize, available: usize) -> Option<Shortfall> {
    (requested > available).then_some(Shortfall { requested, available })
}
