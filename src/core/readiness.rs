//! Exam readiness: the mock-exam score a learner would get on a given day, with an honest range, overall
//! and per topic, and the chance of a right answer for every scenario (the weak-spot practice draws on it).
//!
//! The model, in the words README uses:
//! - **A scenario studied as a card** is answered right when the learner recalls it, with FSRS's
//!   retrievability on the exam day, or else by a lucky guess (one in the number of ways to pick its keys).
//!   A quiz or exam answer after the card's last review counts too: a wrong one means the learner did not
//!   know it then (only a guess is left until they study it again); a right one is a recall at that time.
//! - **A scenario never studied nor answered** is answered right as often as the learner got scenarios of
//!   the same topic right the first time they met them (in study, a quiz or an exam), shrunk towards a
//!   guess while there are few such first meetings. Facts are not used directly: how well the facts of a
//!   topic carry over to its scenarios is exactly what those first meetings measure.
//! - **The exam** is drawn as recall draws it: questions apportioned to topics by their number of scenarios,
//!   scenarios picked at random within a topic. The expected number of right answers is the sum over
//!   topics of their share times the topic's mean chance; the spread combines which scenarios are drawn
//!   (without replacement) and each answer's luck. The range is the central 80 % of a normal with that
//!   spread, on the 100–1000 scale.
//! - **The learner's own memory**: FSRS's retrievability is a population model. The learner's reviews of
//!   graduated cards show how often they really recall compared with it; recall shifts every predicted
//!   recall by the one log-odds offset that matches their recent reviews ([`Calibration`]), shrunk towards
//!   none while there are few of them.
//! - **Too little history** gives no prediction: a topic needs at least [`MIN_SEEN`] scenarios seen (and a
//!   fifth of them), and the overall prediction needs every topic the exam draws from.
//!
//! Pure: the caller passes the deck, the replayed progress, the scheduler and the day.

use std::cmp::Reverse;

use jiff::Timestamp;
use serde::Serialize;

use crate::core::content::{Deck, Scenario};
use crate::core::event::Rating;
use crate::core::progress::Progress;
use crate::core::progress::history::ReviewRecord;
use crate::core::quiz::apportion::apportion;
use crate::core::quiz::{ExamOptions, PASS_MARK, scaled_score};
use crate::core::srs::Scheduler;

/// A topic needs this many scenarios seen (studied or answered) before its prediction is shown.
pub const MIN_SEEN: usize = 3;

/// Weight, in first meetings, of the guess rate in a topic's estimate for unseen scenarios.
const PRIOR_WEIGHT: f64 = 4.0;

/// z of the central 80 % of a normal distribution.
const Z80: f64 = 1.281_551_6;

/// The predicted result of a mock exam.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prediction {
    /// Expected scaled score (100–1000).
    pub scaled: u32,
    /// Low end of the 80 % range.
    pub low: u32,
    /// High end of the 80 % range.
    pub high: u32,
    /// Chance of reaching the pass mark (720).
    pub pass_chance: f64,
    /// Expected right answers.
    pub expected_correct: f64,
    /// Questions in the exam.
    pub questions: usize,
}

/// One topic's readiness.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicReadiness {
    /// Topic id.
    pub topic: String,
    /// A topic-only exam of this topic's share of questions (at least 10); `None` with too little history.
    pub prediction: Option<Prediction>,
    /// Scenarios studied or answered at least once.
    pub seen: usize,
    /// Scenarios in the topic.
    pub scenarios: usize,
    /// Questions the full exam draws from this topic.
    pub exam_questions: usize,
}

/// Readiness on one day.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Readiness {
    /// When the exam would be taken.
    pub at: Timestamp,
    /// The full mock exam; `None` while a topic it draws from has too little history.
    pub overall: Option<Prediction>,
    /// Every topic, in deck order.
    pub topics: Vec<TopicReadiness>,
    /// Scenarios seen, in all.
    pub seen: usize,
    /// Scenarios in the deck.
    pub scenarios: usize,
    /// Quiz and exam answers the prediction used.
    pub answers: usize,
    /// How the learner's recall compares with FSRS's (fitted to their reviews).
    pub calibration: Calibration,
}

impl Readiness {
    /// Topics with a prediction, and topics the exam draws from.
    pub fn measured(&self) -> (usize, usize) {
        let drawn = self.topics.iter().filter(|t| t.exam_questions > 0);
        let measured = drawn.clone().filter(|t| t.prediction.is_some()).count();
        (measured, drawn.count())
    }
}

/// One scenario's chance of a right answer on the day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chance {
    /// Global card id.
    pub card: String,
    /// Topic index in the deck.
    pub topic: usize,
    /// Probability of a right answer.
    pub p: f64,
    /// Whether the learner has studied or answered it.
    pub seen: bool,
    /// Whether the learner's latest answer to it was wrong (a weak spot however its memory looks).
    pub missed_last: bool,
}

/// How the learner's recall compares with FSRS's prediction: a log-odds offset fitted to their recent
/// reviews of graduated cards.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Calibration {
    /// Added to the log-odds of every predicted recall (0: as FSRS predicts).
    pub offset: f64,
    /// Reviews it was fitted on.
    pub reviews: usize,
}

/// Reviews of graduated cards the calibration looks back on.
const CALIBRATION_REVIEWS: usize = 400;

/// Reviews at which the fitted offset counts half.
const CALIBRATION_SHRINK: f64 = 60.0;

impl Calibration {
    /// The offset that makes FSRS's predicted recall, over the learner's latest reviews of graduated cards
    /// before `at`, sum to the recalls they had.
    pub fn fit(progress: &Progress, scheduler: &Scheduler, at: Timestamp) -> Calibration {
        // Latest first; of reviews at the same moment, the one met first: each candidate's number in
        // iteration order makes every key distinct, so picking and sorting need not be stable.
        let mut candidates: Vec<(Reverse<Timestamp>, usize, &ReviewRecord)> = progress
            .cards()
            .flat_map(|(_, c)| c.reviews.iter())
            .filter(|r| !r.cram && r.at < at && r.before.phase == crate::core::srs::Phase::Review)
            .enumerate()
            .map(|(i, r)| (Reverse(r.at), i, r))
            .collect();
        let key = |&(when, i, _): &(Reverse<Timestamp>, usize, &ReviewRecord)| (when, i);
        // Only the latest reviews count: they are picked out rather than all sorted, and FSRS's prediction
        // (a `powf`, once for every review of a long history before) is computed for them alone. A review
        // without a prediction is skipped and the next latest takes its place.
        let mut pairs: Vec<(f64, bool)> = Vec::with_capacity(CALIBRATION_REVIEWS);
        let mut rest = &mut candidates[..];
        while pairs.len() < CALIBRATION_REVIEWS && !rest.is_empty() {
            let take = (CALIBRATION_REVIEWS - pairs.len()).min(rest.len());
            if take < rest.len() {
                rest.select_nth_unstable_by_key(take - 1, key);
            }
            let (head, tail) = std::mem::take(&mut rest).split_at_mut(take);
            head.sort_unstable_by_key(key);
            pairs.extend(head.iter().filter_map(|&(_, _, r)| {
                let predicted = scheduler.retrievability(&r.before, r.at)?;
                Some((
                    f64::from(predicted).clamp(1e-4, 1.0 - 1e-4),
                    r.rating != Rating::Again,
                ))
            }));
            rest = tail;
        }
        Calibration::of_pairs(&pairs)
    }

    /// The offset that makes the predictions of `pairs` (predicted recall, recalled or not) sum to their
    /// recalls, shrunk towards none for few reviews.
    fn of_pairs(pairs: &[(f64, bool)]) -> Calibration {
        let recalled = pairs.iter().filter(|(_, ok)| *ok).count() as f64;
        let predicted_at = |offset: f64| pairs.iter().map(|(r, _)| shift(*r, offset)).sum::<f64>();
        let (mut lo, mut hi) = (-4.0, 4.0);
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            if predicted_at(mid) < recalled {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let n = pairs.len() as f64;
        Calibration {
            offset: (lo + hi) / 2.0 * n / (n + CALIBRATION_SHRINK),
            reviews: pairs.len(),
        }
    }

    fn apply(self, recall: f64) -> f64 {
        shift(recall.clamp(1e-6, 1.0 - 1e-6), self.offset)
    }
}

/// `p` with `offset` added to its log-odds.
fn shift(p: f64, offset: f64) -> f64 {
    let logit = (p / (1.0 - p)).ln() + offset;
    1.0 / (1.0 + (-logit).exp())
}

impl Chance {
    /// How much practising it is worth: the chance of a wrong answer, squared so the weakest stand out,
    /// and a full point more for a scenario missed since its last review.
    pub fn weakness(&self) -> f64 {
        (1.0 - self.p).powi(2) + if self.missed_last { 1.0 } else { 0.0 }
    }
}

/// The moment readiness is predicted for: the start of tomorrow's study day.
pub fn tomorrow(scheduler: &Scheduler, now: Timestamp) -> Timestamp {
    let clock = scheduler.clock();
    clock.day_start(clock.day_index(now) + 1)
}

/// The chance of a right answer to every scenario of `deck` at `at`, in deck order.
pub fn chances(deck: &Deck, progress: &Progress, scheduler: &Scheduler, at: Timestamp) -> Vec<Chance> {
    let calibration = Calibration::fit(progress, scheduler, at);
    chances_with(deck, progress, scheduler, at, calibration)
        .into_iter()
        .map(|c| Chance {
            card: c.card.to_string(),
            topic: c.topic,
            p: c.p,
            seen: c.seen,
            missed_last: c.missed_last,
        })
        .collect()
}

/// A [`Chance`] whose card id is the deck's own (readiness is computed after every grade: no id is built).
struct DeckChance<'d> {
    card: &'d str,
    topic: usize,
    p: f64,
    seen: bool,
    missed_last: bool,
}

/// The global ids of topic `t`'s scenarios, in order, as the deck holds them (a topic's cards are its facts,
/// then its scenarios).
fn scenario_ids(deck: &Deck, t: usize) -> impl Iterator<Item = &str> {
    let facts = deck.topics()[t].facts.len();
    deck.card_ids()[deck.topic_cards(t)]
        .iter()
        .skip(facts)
        .map(|(id, _)| &**id)
}

fn chances_with<'d>(
    deck: &'d Deck,
    progress: &Progress,
    scheduler: &Scheduler,
    at: Timestamp,
    calibration: Calibration,
) -> Vec<DeckChance<'d>> {
    let mut out = Vec::new();
    for (t, topic) in deck.topics().iter().enumerate() {
        let unseen = unseen_chance(deck, t, progress);
        for (s, card) in topic.scenarios.iter().zip(scenario_ids(deck, t)) {
            if s.correct_count() == 0 {
                continue;
            }
            let guess = guess_chance(s);
            let (p, seen, missed_last) = match known(progress, scheduler, card, at) {
                Some(Known::Recall(r)) => {
                    let r = calibration.apply(r);
                    (r + (1.0 - r) * guess, true, false)
                }
                Some(Known::Missed) => (guess, true, true),
                None => (unseen.max(guess), false, false),
            };
            out.push(DeckChance {
                card,
                topic: t,
                p: p.clamp(0.0, 1.0),
                seen,
                missed_last,
            });
        }
    }
    out
}

/// Readiness for a full-length mock exam taken at `at`.
pub fn predict(deck: &Deck, progress: &Progress, scheduler: &Scheduler, at: Timestamp) -> Readiness {
    let calibration = Calibration::fit(progress, scheduler, at);
    let chances = chances_with(deck, progress, scheduler, at, calibration);
    let topics = deck.topics();
    // Each topic's chances and how many were seen, in one pass over the chances (a big deck has thousands
    // of topics: a pass per topic would cost topics × scenarios).
    let mut pools: Vec<Vec<f64>> = vec![Vec::new(); topics.len()];
    let mut seen = vec![0usize; topics.len()];
    for c in &chances {
        pools[c.topic].push(c.p);
        seen[c.topic] += usize::from(c.seen);
    }
    let sizes: Vec<usize> = pools.iter().map(Vec::len).collect();
    let questions = ExamOptions::full_length(deck, 0).questions;
    let shares = apportion(&sizes, questions);
    let seen_in = |t: usize| seen[t];
    let measured = |t: usize| {
        let seen = seen_in(t);
        seen >= MIN_SEEN.min(sizes[t]).max(1) && seen * 5 >= sizes[t]
    };
    let topic_rows = topics
        .iter()
        .enumerate()
        .map(|(t, topic)| {
            let n = shares[t].max(10).min(sizes[t]);
            TopicReadiness {
                topic: topic.id.clone(),
                prediction: measured(t).then(|| exam_prediction(&[(&pools[t], n)])).flatten(),
                seen: seen_in(t),
                scenarios: sizes[t],
                exam_questions: shares[t],
            }
        })
        .collect();
    let drawn: Vec<(&Vec<f64>, usize)> = pools.iter().zip(shares.iter().copied()).collect();
    let complete = (0..topics.len()).all(|t| shares[t] == 0 || measured(t));
    Readiness {
        at,
        overall: complete.then(|| exam_prediction(&drawn)).flatten(),
        topics: topic_rows,
        seen: chances.iter().filter(|c| c.seen).count(),
        scenarios: chances.len(),
        answers: progress.cards().map(|(_, c)| c.answers.len()).sum(),
        calibration,
    }
}

/// The predicted score of an exam drawing `n` questions from each pool of chances.
fn exam_prediction(pools: &[(&Vec<f64>, usize)]) -> Option<Prediction> {
    let mut mean = 0.0;
    let mut variance = 0.0;
    let mut questions = 0;
    for &(pool, n) in pools {
        if n == 0 || pool.is_empty() {
            continue;
        }
        let size = pool.len() as f64;
        let n = n.min(pool.len());
        let nf = n as f64;
        let p_bar = pool.iter().sum::<f64>() / size;
        let spread = pool.iter().map(|p| (p - p_bar).powi(2)).sum::<f64>() / size;
        mean += nf * p_bar;
        // n Bernoulli answers over a sample drawn without replacement: n p̄(1−p̄) − n σ² (n−1)/(N−1).
        let finite = if pool.len() > 1 {
            (nf - 1.0) / (size - 1.0)
        } else {
            0.0
        };
        variance += (nf * p_bar * (1.0 - p_bar) - nf * spread * finite).max(0.0);
        questions += n;
    }
    if questions == 0 {
        return None;
    }
    let sd = variance.sqrt();
    let scale = |correct: f64| {
        let c = correct.clamp(0.0, questions as f64);
        100.0 + 900.0 * c / questions as f64
    };
    let pass_correct = (0..=questions)
        .find(|&c| scaled_score(c, questions) >= PASS_MARK)
        .unwrap_or(questions) as f64;
    // Continuity-corrected normal tail: P(right answers ≥ the fewest that pass).
    let pass_chance = if sd == 0.0 {
        f64::from(u8::from(mean >= pass_correct))
    } else {
        // Never certain while the answers are uncertain: shown as 99 % at most.
        (1.0 - normal_cdf((pass_correct - 0.5 - mean) / sd)).clamp(0.001, 0.999)
    };
    Some(Prediction {
        scaled: scale(mean).round() as u32,
        low: scale(mean - Z80 * sd).floor() as u32,
        high: scale(mean + Z80 * sd).ceil() as u32,
        pass_chance,
        expected_correct: mean,
        questions,
    })
}

/// What the log says the learner knows of a seen scenario at `at`.
enum Known {
    /// The probability of recalling it.
    Recall(f64),
    /// Their latest answer, after their latest review, was wrong.
    Missed,
}

/// `None` for a scenario never studied nor answered.
fn known(progress: &Progress, scheduler: &Scheduler, card: &str, at: Timestamp) -> Option<Known> {
    let history = progress.card(card)?;
    let last_review = history.reviews.iter().filter(|r| !r.cram).map(|r| r.at).max();
    let last_answer = history.answers.iter().filter(|a| a.at <= at).max_by_key(|a| a.at);
    if let Some(answer) = last_answer
        && last_review.is_none_or(|r| answer.at > r)
        && !answer.correct
    {
        return Some(Known::Missed);
    }
    let state = history.state;
    match (state.memory, state.last_review) {
        (Some(_), Some(_)) => {
            // A right answer after the last review was a recall then: count elapsed time from it.
            let from = last_answer
                .filter(|a| a.correct && state.last_review.is_some_and(|r| a.at > r))
                .map(|a| a.at);
            let refreshed = crate::core::srs::CardState {
                last_review: from.or(state.last_review),
                ..state
            };
            scheduler
                .retrievability(&refreshed, at)
                .map(f64::from)
                .map(Known::Recall)
        }
        // Answered in a quiz or exam but never studied: known only through that answer.
        _ => last_answer.map(|a| {
            if a.correct {
                Known::Recall(1.0)
            } else {
                Known::Missed
            }
        }),
    }
}

/// How often the learner got a scenario of topic `t` right the first time they met it, shrunk towards a
/// guess by [`PRIOR_WEIGHT`] first meetings.
fn unseen_chance(deck: &Deck, t: usize, progress: &Progress) -> f64 {
    let topic = &deck.topics()[t];
    let (mut right, mut met, mut guess_sum, mut count) = (0.0, 0.0, 0.0, 0.0);
    for (s, card) in topic.scenarios.iter().zip(scenario_ids(deck, t)) {
        if s.correct_count() == 0 {
            continue;
        }
        guess_sum += guess_chance(s);
        count += 1.0;
        let Some(history) = progress.card(card) else {
            continue;
        };
        let first_review = history.reviews.first().map(|r| (r.at, r.rating != Rating::Again));
        let first_answer = history.answers.first().map(|a| (a.at, a.correct));
        let first = match (first_review, first_answer) {
            (Some(r), Some(a)) => Some(if r.0 <= a.0 { r.1 } else { a.1 }),
            (r, a) => r.or(a).map(|(_, ok)| ok),
        };
        if let Some(ok) = first {
            met += 1.0;
            right += f64::from(u8::from(ok));
        }
    }
    let guess = if count > 0.0 { guess_sum / count } else { 0.25 };
    (right + guess * PRIOR_WEIGHT) / (met + PRIOR_WEIGHT)
}

/// The chance of picking exactly a scenario's keys at random: one in C(choices, keys).
pub fn guess_chance(s: &Scenario) -> f64 {
    let (n, k) = (s.choices.len() as u64, s.correct_count() as u64);
    let k = k.min(n.saturating_sub(k));
    let ways = (0..k).fold(1u64, |acc, i| acc.saturating_mul(n - i) / (i + 1));
    1.0 / ways.max(1) as f64
}

/// The standard normal distribution function (Abramowitz–Stegun 7.1.26, error under 1.5e-7).
fn normal_cdf(z: f64) -> f64 {
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736 + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-x * x).exp();
    if z >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::event::{Event, EventKind, MemoryState};
    use crate::core::progress::replay;
    use crate::core::srs::DayClock;
    use rand::rngs::StdRng;
    use rand::{RngExt, SeedableRng};

    /// The calibration as first written: every review's prediction, all sorted by time (stably), the
    /// latest kept.
    fn fit_by_sorting_everything(progress: &Progress, scheduler: &Scheduler, at: Timestamp) -> Calibration {
        let mut pairs: Vec<(Timestamp, f64, bool)> = progress
            .cards()
            .flat_map(|(_, c)| c.reviews.iter())
            .filter(|r| !r.cram && r.at < at && r.before.phase == crate::core::srs::Phase::Review)
            .filter_map(|r| {
                let predicted = scheduler.retrievability(&r.before, r.at)?;
                Some((
                    r.at,
                    f64::from(predicted).clamp(1e-4, 1.0 - 1e-4),
                    r.rating != Rating::Again,
                ))
            })
            .collect();
        pairs.sort_by_key(|(when, ..)| std::cmp::Reverse(*when));
        pairs.truncate(CALIBRATION_REVIEWS);
        let latest: Vec<(f64, bool)> = pairs.iter().map(|&(_, r, ok)| (r, ok)).collect();
        Calibration::of_pairs(&latest)
    }

    /// A history of `events` reviews of a few cards at whole hours, so many share a moment, and a few
    /// reschedules to a memory of no stability, after which a card's reviews have no prediction.
    fn history(seed: u64, events: usize) -> Vec<Event> {
        let mut rng = StdRng::seed_from_u64(seed);
        let start: Timestamp = "2025-01-01T00:00:00Z".parse().unwrap();
        (0..events)
            .map(|i| {
                let card = format!("t/c{}", rng.random_range(0..40));
                let at = start + jiff::SignedDuration::from_hours(rng.random_range(0..24 * 400));
                let kind = if rng.random_range(0..100) == 0 {
                    EventKind::Reschedule {
                        card,
                        due: at,
                        memory: Some(MemoryState {
                            stability: 0.0,
                            difficulty: 5.0,
                        }),
                    }
                } else {
                    EventKind::Review {
                        card,
                        rating: Rating::ALL[rng.random_range(0..4)],
                        duration_ms: 0,
                        cram: rng.random_range(0..20) == 0,
                    }
                };
                Event::new(format!("e{i}"), at, kind)
            })
            .collect()
    }

    #[test]
    fn the_calibration_picks_the_latest_reviews_as_sorting_them_all_would() {
        let scheduler = Scheduler::new(&[], 0.9, DayClock::utc_midnight()).unwrap();
        for (seed, events) in [(1, 300), (2, 3_000), (3, 6_000)] {
            let progress = replay(history(seed, events), &scheduler);
            // Among the latest graduated reviews some have no prediction, so later ones must take their place.
            let mut latest: Vec<&ReviewRecord> = progress
                .cards()
                .flat_map(|(_, c)| &c.reviews)
                .filter(|r| !r.cram && r.before.phase == crate::core::srs::Phase::Review)
                .collect();
            latest.sort_by_key(|r| Reverse(r.at));
            latest.truncate(CALIBRATION_REVIEWS);
            let unpredicted = latest
                .iter()
                .filter(|r| scheduler.retrievability(&r.before, r.at).is_none())
                .count();
            assert!(unpredicted > 0, "seed {seed}");
            for at in [
                "2025-03-01T00:00:00Z",
                "2025-09-01T00:00:00Z",
                "2026-06-01T00:00:00Z",
            ] {
                let at: Timestamp = at.parse().unwrap();
                let fitted = Calibration::fit(&progress, &scheduler, at);
                assert_eq!(
                    fitted,
                    fit_by_sorting_everything(&progress, &scheduler, at),
                    "seed {seed} at {at}"
                );
            }
        }
    }

    #[test]
    fn the_normal_distribution_function_is_right_at_known_points() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.281_551_6) - 0.9).abs() < 1e-6);
        assert!((normal_cdf(-1.959_964) - 0.025).abs() < 1e-6);
    }

    #[test]
    fn a_certain_pool_predicts_a_certain_score() {
        let all = vec![1.0; 20];
        let p = exam_prediction(&[(&all, 10)]).unwrap();
        assert_eq!((p.scaled, p.low, p.high), (1000, 1000, 1000));
        assert_eq!(p.pass_chance, 1.0);
        let none = vec![0.0; 20];
        let p = exam_prediction(&[(&none, 10)]).unwrap();
        assert_eq!((p.scaled, p.pass_chance), (100, 0.0));
        assert_eq!(exam_prediction(&[(&all, 0)]), None);
    }

    #[test]
    fn an_uncertain_pool_has_a_range_around_its_mean() {
        let half = vec![0.5; 65];
        let p = exam_prediction(&[(&half, 65)]).unwrap();
        assert_eq!(p.scaled, 550);
        // Drawing all 65 of 65 leaves only the answers' luck: sd = sqrt(65 / 4) = 4.03 right answers.
        let width = 900.0 * 2.0 * Z80 * (65.0f64 / 4.0).sqrt() / 65.0;
        assert!(((p.high - p.low) as f64 - width).abs() <= 2.0, "{p:?}");
        assert!(p.pass_chance < 0.01);
    }
}
