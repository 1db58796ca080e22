//! The scheduler against an independent reference: schedules computed by py-fsrs, FSRS's reference
//! implementation, and Anki's interval rules (`tests/fixtures/reference/`, made by `make_fsrs_golden.py`).
//!
//! Nothing here asks the `fsrs` crate what to expect: memory states and intervals come from the golden file,
//! fuzz bounds and the forgetting curve are written out below from Anki's and FSRS's published formulas.

mod common;

use common::scheduler;
use jiff::{SignedDuration, Timestamp};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use recall::core::progress::Rating;
use recall::core::srs::{CardState, Phase, Scheduler};
use serde::Deserialize;

#[derive(Deserialize)]
struct Golden {
    generator: String,
    desired_retention: f32,
    day_start: Timestamp,
    cards: Vec<GoldenCard>,
}

#[derive(Deserialize)]
struct GoldenCard {
    id: String,
    reviews: Vec<GoldenReview>,
}

#[derive(Deserialize)]
struct GoldenReview {
    day: i64,
    minute: i64,
    rating: u8,
    stability: f32,
    difficulty: f32,
    phase: String,
    step: Option<u8>,
    fsrs_days: Option<u32>,
    anki_days: Option<u32>,
    exact: [f32; 4],
}

fn golden() -> Golden {
    let text = include_str!("fixtures/reference/fsrs-golden.json");
    serde_json::from_str(text).expect("the golden file parses")
}

fn rating(n: u8) -> Rating {
    Rating::ALL[usize::from(n - 1)]
}

/// Relative difference, for memory states (py-fsrs computes in f64, the crate in f32).
fn relative(a: f32, b: f32) -> f32 {
    (a - b).abs() / b.abs().max(1e-6)
}

/// One review replayed: (phase before, state after, the reference row, when).
struct Replayed<'g> {
    before: CardState,
    after: CardState,
    reference: &'g GoldenReview,
}

fn replay<'g>(s: &Scheduler, g: &Golden, card: &'g GoldenCard) -> Vec<Replayed<'g>> {
    let mut state = CardState::NEW;
    card.reviews
        .iter()
        .map(|r| {
            let now =
                g.day_start + SignedDuration::from_hours(24 * r.day) + SignedDuration::from_mins(r.minute);
            let after = s.apply(&card.id, &state, rating(r.rating), now);
            let row = Replayed {
                before: state,
                after,
                reference: r,
            };
            state = after;
            row
        })
        .collect()
}

#[test]
fn the_golden_file_is_py_fsrs_at_recalls_defaults() {
    let g = golden();
    assert!(g.generator.starts_with("py-fsrs 6."), "{}", g.generator);
    assert_eq!(g.desired_retention, 0.9);
    let reviews: usize = g.cards.iter().map(|c| c.reviews.len()).sum();
    assert!(
        g.cards.len() >= 100 && reviews >= 1000,
        "{} cards, {reviews} reviews",
        g.cards.len()
    );
}

/// Without fuzz, every memory state is py-fsrs's and every interval is exactly the one Anki's rules give
/// FSRS's interval.
#[test]
fn unfuzzed_schedules_are_fsrs_intervals_under_ankis_rules() {
    let g = golden();
    let s = scheduler().without_fuzz();
    let mut mismatches = Vec::new();
    let mut worst_memory = 0.0f32;
    let mut graduations = 0;
    for card in &g.cards {
        for (n, row) in replay(&s, &g, card).iter().enumerate() {
            let r = row.reference;
            let memory = row.after.memory.expect("a reviewed card has a memory");
            worst_memory = worst_memory
                .max(relative(memory.stability, r.stability))
                .max(relative(memory.difficulty, r.difficulty));
            let phase = row.after.phase.name();
            let step = row.after.phase.in_steps().then_some(row.after.step);
            let days = (row.after.phase == Phase::Review).then_some(row.after.scheduled_days);
            let expected_days = r.anki_days.or(if r.phase == "review" { Some(0) } else { None });
            if phase != r.phase || step != r.step || days != expected_days {
                mismatches.push(format!(
                    "{} review {n} ({:?} then {}): recall {phase} step {step:?} {days:?}d, reference {} step {:?} {:?}d",
                    card.id, row.before.phase, r.rating, r.phase, r.step, r.anki_days
                ));
            }
            graduations += usize::from(r.anki_days.is_some());
        }
    }
    assert!(
        worst_memory < 1e-3,
        "memory states differ from py-fsrs by up to {worst_memory}"
    );
    assert!(graduations > 500, "{graduations}");
    assert!(
        mismatches.is_empty(),
        "{} of {graduations} intervals differ:\n{}",
        mismatches.len(),
        mismatches[..mismatches.len().min(12)].join("\n")
    );
}

/// The three rows of issue 21, as recall schedules them: the Good interval after learning is FSRS's, and
/// Easy after Again only has to exceed Good.
#[test]
fn graduation_intervals_of_issue_21() {
    let g = golden();
    let s = scheduler();
    let last = |id: &str| {
        let card = g.cards.iter().find(|c| c.id == id).expect("hand-written card");
        let rows = replay(&s, &g, card);
        let row = rows.last().unwrap();
        (
            row.after.memory.unwrap().stability,
            row.after.scheduled_days,
            row.reference.fsrs_days,
        )
    };
    let (s1, d1, f1) = last("golden/good-good");
    assert!(
        (s1 - 2.3065).abs() < 1e-3 && (d1, f1) == (2, Some(2)),
        "{s1} {d1} {f1:?}"
    );
    let (s2, d2, f2) = last("golden/again-good-good");
    assert!(
        (s2 - 0.284).abs() < 1e-3 && (d2, f2) == (1, Some(1)),
        "{s2} {d2} {f2:?}"
    );
    let (s3, d3, f3) = last("golden/again-easy");
    assert!(
        (s3 - 0.424).abs() < 1e-3 && (d3, f3) == (2, Some(1)),
        "{s3} {d3} {f3:?}"
    );
}

/// Anki's fuzz range for `interval` days kept at or above `min` (rslib `constrained_fuzz_bounds`): none
/// under 2.5 days, then 1 day plus 15 % of the part between 2.5 and 7, 10 % of 7–20, 5 % beyond 20.
fn anki_fuzz_range(interval: f32, min: u32) -> (u32, u32) {
    let max = 36_500;
    let x = interval.clamp(min as f32, max as f32);
    let delta = if x < 2.5 {
        0.0
    } else {
        1.0 + 0.15 * (x.min(7.0) - 2.5) + 0.1 * (x.min(20.0) - 7.0).max(0.0) + 0.05 * (x - 20.0).max(0.0)
    };
    let lo = ((x - delta).round() as u32).clamp(min, max);
    let hi = ((x + delta).round() as u32).clamp(min, max).max(lo);
    if lo == hi && hi > 2 {
        (lo, hi + 1)
    } else {
        (lo, hi)
    }
}

/// The days Anki could give the graded card, fuzz included: each grade's range, with the minimum the grade
/// below it imposes taken at both ends of that grade's range.
fn anki_allowed(before: &CardState, exact: [f32; 4], rating: Rating) -> (u32, u32) {
    let whole = |x: f32| x.round().max(1.0);
    let grade = rating.number() as usize - 1;
    if before.phase == Phase::Review {
        let last = before.scheduled_days;
        let above = |x: f32| if x.round() > last as f32 { last + 1 } else { 0 };
        let mut floor = (1, 1);
        let mut range = (0, 0);
        for (i, &x) in exact.iter().enumerate().skip(1) {
            let lo = anki_fuzz_range(x, above(x).max(floor.0)).0;
            let hi = anki_fuzz_range(x, above(x).max(floor.1)).1;
            range = (lo, hi);
            if i == grade {
                break;
            }
            floor = (lo + 1, hi + 1);
        }
        range
    } else if rating == Rating::Easy {
        let good = anki_fuzz_range(exact[2], 1);
        (
            anki_fuzz_range(whole(exact[3]), good.0 + 1).0,
            anki_fuzz_range(whole(exact[3]), good.1 + 1).1,
        )
    } else {
        anki_fuzz_range(whole(exact[grade]), 1)
    }
}

/// With fuzz, every interval stays inside the range Anki's fuzz allows around FSRS's interval.
#[test]
fn fuzzed_intervals_stay_within_ankis_fuzz_bounds() {
    let g = golden();
    let s = scheduler();
    let (mut checked, mut moved) = (0, 0);
    let mut outside = Vec::new();
    for card in &g.cards {
        for row in replay(&s, &g, card) {
            let r = row.reference;
            if r.anki_days.is_none() {
                continue;
            }
            let (lo, hi) = anki_allowed(&row.before, r.exact, rating(r.rating));
            let days = row.after.scheduled_days;
            checked += 1;
            moved += usize::from(Some(days) != r.anki_days);
            if !(lo..=hi).contains(&days) {
                outside.push(format!(
                    "{}: {days}d outside {lo}..={hi} ({:?})",
                    card.id, r.exact
                ));
            }
        }
    }
    assert!(
        outside.is_empty(),
        "{} of {checked}:\n{}",
        outside.len(),
        outside[..outside.len().min(12)].join("\n")
    );
    // The fuzz is really on: some intervals moved off the unfuzzed value.
    assert!(moved * 10 > checked, "{moved} of {checked} moved");
}

/// FSRS-6's forgetting curve with the default decay: the probability of recall after `t` days at
/// stability `s` (90 % when t = s).
fn recall_probability(t: f64, s: f64) -> f64 {
    let decay = -0.1542f64;
    let factor = 0.9f64.powf(1.0 / decay) - 1.0;
    (1.0 + factor * t / s).powf(decay)
}

const NEW_PER_DAY: usize = 15;

/// What a simulated learner recalls when studying every day on recall's schedule.
#[derive(Debug)]
struct Simulation {
    /// Due reviews of cards whose stability is at least a day (see the test).
    all: Tally,
    /// The same, on the first review after the learning steps (Good, Good).
    first: Tally,
    /// Due reviews of cards whose stability is under a day.
    short_memory: usize,
}

/// Due reviews, how many were recalled, and the sum of their recall probabilities.
#[derive(Default, Debug)]
struct Tally {
    reviews: usize,
    recalled: usize,
    expected: f64,
}

impl Tally {
    fn rate(&self) -> f64 {
        self.recalled as f64 / self.reviews as f64
    }

    fn expected(&self) -> f64 {
        self.expected / self.reviews as f64
    }
}

/// A learner whose memory follows FSRS (recall probability from the card's stability and the days since
/// its last review) studies every day for `days` days, ten new cards a day, grading Good when they recall
/// and Again when they do not; on a card's first sight they know it 70 % of the time.
fn simulate(s: &Scheduler, days: i64, seed: u64) -> Simulation {
    let mut rng = StdRng::seed_from_u64(seed);
    let start: Timestamp = "2025-01-01T04:00:00Z".parse().unwrap();
    let day_start = |d: i64| start + SignedDuration::from_hours(24 * d);
    let mut cards: Vec<(String, CardState)> = Vec::new();
    let mut sim = Simulation {
        all: Tally::default(),
        first: Tally::default(),
        short_memory: 0,
    };
    for day in 0..days {
        if day < days / 2 {
            for _ in 0..NEW_PER_DAY {
                cards.push((format!("sim/card-{}", cards.len()), CardState::NEW));
            }
        }
        let mut now = day_start(day) + SignedDuration::from_mins(30);
        // Until nothing is due today: reviews first, then learning steps as they come due.
        loop {
            let end = day_start(day + 1);
            let next = cards
                .iter()
                .enumerate()
                .filter(|(_, (_, c))| c.phase == Phase::New || c.due.is_some_and(|d| d < end))
                .min_by_key(|(_, (_, c))| c.due.unwrap_or(now));
            let Some((i, _)) = next else { break };
            let (id, card) = cards[i].clone();
            now = now.max(card.due.unwrap_or(now));
            let grade = match (card.phase, card.memory, card.last_review) {
                (Phase::Review, Some(memory), Some(last)) => {
                    let elapsed = s.clock().days_between(last, now) as f64;
                    let p = recall_probability(elapsed, f64::from(memory.stability));
                    let recalled = rng.random::<f64>() < p;
                    if memory.stability < 1.0 {
                        sim.short_memory += 1;
                    } else {
                        let first = card.reps == 2 && card.lapses == 0;
                        for tally in std::iter::once(&mut sim.all).chain(first.then_some(&mut sim.first)) {
                            tally.reviews += 1;
                            tally.recalled += usize::from(recalled);
                            tally.expected += p;
                        }
                    }
                    if recalled { Rating::Good } else { Rating::Again }
                }
                (Phase::New, ..) if rng.random::<f64>() >= 0.7 => Rating::Again,
                _ => Rating::Good,
            };
            cards[i].1 = s.apply(&id, &card, grade, now);
            now += SignedDuration::from_secs(20);
        }
    }
    sim
}

/// The retention recall aims for is the retention the learner gets: studying on recall's due dates, a
/// learner whose memory follows FSRS recalls 0.90 of due cards, within ±0.01 over all reviews and ±0.015 on
/// the first review after the learning steps (sampling noise at these counts is about ±0.003 and ±0.008;
/// the seed is fixed). Intervals one day too long after the learning steps (the old forced Hard < Good <
/// Easy ordering there) bring these to about 0.889 and 0.872.
///
/// Counted are cards whose stability is at least a day. A card with less (one forgotten again and again)
/// comes back after the shortest interval, a day, and is recalled less often than desired, by FSRS's design
/// and Anki's alike; those reviews are counted apart and must stay a minority.
#[test]
fn a_learner_on_recalls_schedule_recalls_the_desired_retention() {
    let s = scheduler();
    let sim = simulate(&s, 240, 7);
    let report = format!(
        "{sim:?}: all {:.4} (expected {:.4}), first {:.4} (expected {:.4})",
        sim.all.rate(),
        sim.all.expected(),
        sim.first.rate(),
        sim.first.expected()
    );
    assert!(sim.all.reviews > 8000 && sim.first.reviews > 1000, "{report}");
    assert!(sim.short_memory * 5 < sim.all.reviews, "{report}");
    assert!((sim.all.rate() - 0.90).abs() <= 0.01, "{report}");
    assert!((sim.all.expected() - 0.90).abs() <= 0.01, "{report}");
    assert!((sim.first.rate() - 0.90).abs() <= 0.015, "{report}");
    assert!((sim.first.expected() - 0.90).abs() <= 0.015, "{report}");
    eprintln!("{report}");
}
