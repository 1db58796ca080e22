//! Stats: what the learner has done, computed from the replayed log for the stats screen and
//! `recall stats`.
//!
//! [`Stats::compute`] reads a [`Deck`] and its [`Progress`] at a given `now`, with study days numbered by a
//! [`DayClock`] (days start at the configured hour, as everywhere else). Definitions, as README documents
//! them:
//! - **reviews per day** (the heatmap): every flashcard grade that was not undone, cram reviews included,
//!   counted on the study day it was given;
//! - **forecast**: seen cards of the deck due on each of the next [`FORECAST_DAYS`] study days; overdue
//!   cards count for today;
//! - **card counts**: *new* (never reviewed), *learning* (in learning or relearning steps), *young* (in
//!   review with an interval under [`MATURE_DAYS`] days) and *mature* (interval of [`MATURE_DAYS`] days or
//!   more) — Anki's definitions;
//! - **true retention**: of the reviews of cards that were mature *at review time* (in review, with a
//!   scheduled interval of at least [`MATURE_DAYS`] days), the share not graded Again; cram reviews are left
//!   out because they come before the card is due. Young retention is the same for young cards;
//! - **streak**: consecutive study days with at least one review, ending today — or yesterday, so a streak
//!   is not broken before today's session; **time studied**: the sum of review durations.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use super::history::ReviewRecord;
use super::replay::Progress;
use crate::core::content::Deck;
use crate::core::event::Rating;
use crate::core::quiz::PASS_MARK;
use crate::core::quiz::score::passed;
use crate::core::srs::{CardState, DayClock, Phase};

/// A card is mature once its review interval is at least this many days (Anki's threshold).
pub const MATURE_DAYS: u32 = 21;

/// How many study days the forecast covers, today first.
pub const FORECAST_DAYS: usize = 30;

/// Everything the stats screen shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// The study day `now` falls in.
    pub today: Date,
    /// Reviews given (not undone), cram included.
    pub reviews: usize,
    /// Reviews given today.
    pub reviews_today: usize,
    /// Sum of review durations, in milliseconds.
    pub time_studied_ms: u64,
    /// Study-day streaks.
    pub streak: Streak,
    /// Reviews per study day, oldest first; only days with reviews.
    pub heatmap: Vec<DayReviews>,
    /// Cards due on each of the next [`FORECAST_DAYS`] study days, today first.
    pub forecast: Vec<ForecastDay>,
    /// Card counts over the whole deck.
    pub cards: CardCounts,
    /// Retention over the whole deck.
    pub retention: TopicRetention,
    /// Per topic, in deck order.
    pub topics: Vec<TopicStats>,
    /// Finished mock exams, oldest first.
    pub exams: Vec<ExamPoint>,
    /// The scaled score an exam needs to pass.
    pub pass_mark: u32,
}

/// Reviews on one study day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayReviews {
    /// The calendar date the study day starts on.
    pub date: Date,
    /// Reviews given that day.
    pub reviews: usize,
}

/// Cards due on one study day of the forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ForecastDay {
    /// The calendar date the study day starts on.
    pub date: Date,
    /// Seen cards due that day (today: including every overdue card).
    pub due: usize,
}

/// How many cards are in each stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CardCounts {
    /// Never reviewed.
    pub new: usize,
    /// In learning or relearning steps.
    pub learning: usize,
    /// In review, interval under [`MATURE_DAYS`] days.
    pub young: usize,
    /// In review, interval of [`MATURE_DAYS`] days or more.
    pub mature: usize,
}

impl CardCounts {
    /// All cards counted.
    pub fn total(&self) -> usize {
        self.new + self.learning + self.young + self.mature
    }

    fn add(&mut self, state: &CardState) {
        match state.phase {
            Phase::New => self.new += 1,
            Phase::Learning | Phase::Relearning => self.learning += 1,
            Phase::Review if is_mature(state) => self.mature += 1,
            Phase::Review => self.young += 1,
        }
    }
}

/// Pass counts for one kind of review.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Retention {
    /// Reviews counted.
    pub reviews: usize,
    /// Of those, not graded Again.
    pub passed: usize,
    /// `passed / reviews`; `None` without reviews.
    pub rate: Option<f64>,
}

impl Retention {
    fn add(&mut self, rating: Rating) {
        self.reviews += 1;
        if rating != Rating::Again {
            self.passed += 1;
        }
        self.rate = Some(self.passed as f64 / self.reviews as f64);
    }
}

/// Young and mature (true) retention.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct TopicRetention {
    /// Reviews of cards that were young at review time.
    pub young: Retention,
    /// Reviews of cards that were mature at review time: true retention.
    pub mature: Retention,
}

impl TopicRetention {
    /// Counts `review` if it was a scheduled review of a graduated card.
    fn add(&mut self, review: &ReviewRecord) {
        if review.cram || review.before.phase != Phase::Review {
            return;
        }
        if is_mature(&review.before) {
            self.mature.add(review.rating);
        } else {
            self.young.add(review.rating);
        }
    }
}

/// One topic's numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicStats {
    /// Topic id.
    pub id: String,
    /// Reviews of the topic's cards.
    pub reviews: usize,
    /// Cards per stage.
    pub cards: CardCounts,
    /// Young and true retention.
    pub retention: TopicRetention,
}

/// Consecutive study days with reviews.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Streak {
    /// The streak ending today (or yesterday, if nothing was reviewed yet today).
    pub current: u32,
    /// The longest streak ever.
    pub longest: u32,
    /// Whether there was a review today.
    pub studied_today: bool,
}

/// One finished mock exam.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExamPoint {
    /// Exam id.
    pub exam: String,
    /// When it was submitted.
    pub at: Timestamp,
    /// The study day it was submitted on.
    pub date: Date,
    /// Questions answered right.
    pub correct: usize,
    /// Questions in the exam.
    pub total: usize,
    /// Scaled score (100–1000).
    pub scaled: u32,
    /// Whether it reached the pass mark.
    pub passed: bool,
}

/// Whether a card in review has a mature interval.
fn is_mature(state: &CardState) -> bool {
    state.phase == Phase::Review && state.scheduled_days >= MATURE_DAYS
}

/// Whole hours and the remaining whole minutes of `ms` milliseconds (for "time studied").
pub fn hours_minutes(ms: u64) -> (u64, u64) {
    let minutes = ms / 60_000;
    (minutes / 60, minutes % 60)
}

/// The calendar date of study day `index` (days since 1970-01-01).
pub fn day_date(index: i64) -> Date {
    let epoch = jiff::civil::date(1970, 1, 1);
    jiff::Span::new()
        .try_days(index)
        .ok()
        .and_then(|span| epoch.checked_add(span).ok())
        .unwrap_or(if index < 0 { Date::MIN } else { Date::MAX })
}

impl Stats {
    /// Computes every number from `progress` (replayed from the log) for `deck`, at `now`.
    pub fn compute(deck: &Deck, progress: &Progress, clock: &DayClock, now: Timestamp) -> Stats {
        let today = clock.day_index(now);
        let mut per_day: BTreeMap<i64, usize> = BTreeMap::new();
        let mut reviews = 0usize;
        let mut time_studied_ms = 0u64;
        for review in progress.cards().flat_map(|(_, c)| &c.reviews) {
            *per_day.entry(clock.day_index(review.at)).or_default() += 1;
            reviews += 1;
            time_studied_ms = time_studied_ms.saturating_add(review.duration_ms);
        }
        let topics = topic_stats(deck, progress);
        let mut cards = CardCounts::default();
        let mut retention = TopicRetention::default();
        for t in &topics {
            cards = sum_counts(cards, t.cards);
            retention = sum_retention(retention, t.retention);
        }
        Stats {
            today: day_date(today),
            reviews,
            reviews_today: per_day.get(&today).copied().unwrap_or(0),
            time_studied_ms,
            streak: streak(&per_day.keys().copied().collect(), today),
            heatmap: per_day
                .iter()
                .map(|(&day, &reviews)| DayReviews {
                    date: day_date(day),
                    reviews,
                })
                .collect(),
            forecast: forecast(deck, progress, clock, today),
            cards,
            retention,
            topics,
            exams: exam_points(progress, clock),
            pass_mark: PASS_MARK,
        }
    }

    /// Whether there is nothing to show yet: no review and no finished exam.
    pub fn is_empty(&self) -> bool {
        self.reviews == 0 && self.exams.is_empty()
    }

    /// Study days with at least one review.
    pub fn study_days(&self) -> usize {
        self.heatmap.len()
    }
}

/// Card counts and retention per topic of the deck, in deck order.
fn topic_stats(deck: &Deck, progress: &Progress) -> Vec<TopicStats> {
    let mut topics: Vec<TopicStats> = deck
        .topics()
        .iter()
        .map(|t| TopicStats {
            id: t.id.clone(),
            reviews: 0,
            cards: CardCounts::default(),
            retention: TopicRetention::default(),
        })
        .collect();
    for (id, at) in deck.card_ids() {
        let Some(topic) = topics.get_mut(at.topic) else {
            continue;
        };
        let card = progress.card(id);
        topic.cards.add(&card.map_or(CardState::NEW, |c| c.state));
        for review in card.map_or(&[][..], |c| &c.reviews) {
            topic.reviews += 1;
            topic.retention.add(review);
        }
    }
    topics
}

fn sum_counts(a: CardCounts, b: CardCounts) -> CardCounts {
    CardCounts {
        new: a.new + b.new,
        learning: a.learning + b.learning,
        young: a.young + b.young,
        mature: a.mature + b.mature,
    }
}

fn sum_retention(a: TopicRetention, b: TopicRetention) -> TopicRetention {
    let sum = |x: Retention, y: Retention| {
        let (reviews, passed) = (x.reviews + y.reviews, x.passed + y.passed);
        Retention {
            reviews,
            passed,
            rate: (reviews > 0).then(|| passed as f64 / reviews as f64),
        }
    };
    TopicRetention {
        young: sum(a.young, b.young),
        mature: sum(a.mature, b.mature),
    }
}

/// Seen deck cards due on each of the next [`FORECAST_DAYS`] days from `today` (overdue counts today).
fn forecast(deck: &Deck, progress: &Progress, clock: &DayClock, today: i64) -> Vec<ForecastDay> {
    let mut due = [0usize; FORECAST_DAYS];
    for (id, _) in deck.card_ids() {
        let state = progress.state(id);
        let Some(at) = state.due.filter(|_| !state.is_new()) else {
            continue;
        };
        let offset = (clock.day_index(at) - today).max(0);
        if let Some(slot) = usize::try_from(offset).ok().and_then(|o| due.get_mut(o)) {
            *slot += 1;
        }
    }
    due.iter()
        .enumerate()
        .map(|(offset, &due)| ForecastDay {
            date: day_date(today + offset as i64),
            due,
        })
        .collect()
}

/// The current and longest runs of consecutive days in `days`, the current one ending today or yesterday.
fn streak(days: &BTreeSet<i64>, today: i64) -> Streak {
    let studied_today = days.contains(&today);
    let mut current = 0u32;
    let mut day = if studied_today { today } else { today - 1 };
    while days.contains(&day) {
        current += 1;
        day -= 1;
    }
    let (mut longest, mut run, mut previous) = (0u32, 0u32, None::<i64>);
    for &d in days {
        run = if previous == Some(d - 1) { run + 1 } else { 1 };
        longest = longest.max(run);
        previous = Some(d);
    }
    Streak {
        current,
        longest,
        studied_today,
    }
}

/// Every submitted exam, in order of submission.
fn exam_points(progress: &Progress, clock: &DayClock) -> Vec<ExamPoint> {
    let mut points: Vec<ExamPoint> = progress
        .exams()
        .filter_map(|e| {
            let f = e.finished.as_ref()?;
            Some(ExamPoint {
                exam: e.id.clone(),
                at: f.at,
                date: day_date(clock.day_index(f.at)),
                correct: f.correct,
                total: f.total,
                scaled: f.scaled,
                passed: passed(f.scaled),
            })
        })
        .collect();
    points.sort_by(|a, b| (a.at, &a.exam).cmp(&(b.at, &b.exam)));
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_dates_count_from_the_epoch() {
        assert_eq!(day_date(0), jiff::civil::date(1970, 1, 1));
        assert_eq!(day_date(20_089), jiff::civil::date(2025, 1, 1));
        assert_eq!(day_date(i64::MAX), Date::MAX);
    }

    #[test]
    fn time_is_cut_to_whole_minutes() {
        assert_eq!(hours_minutes(59_999), (0, 0));
        assert_eq!(hours_minutes(3_660_000), (1, 1));
        assert_eq!(hours_minutes(u64::MAX).1, (u64::MAX / 60_000) % 60);
    }

    #[test]
    fn a_streak_survives_until_today_ends() {
        let days: BTreeSet<i64> = [1, 2, 3, 7, 8].into_iter().collect();
        let s = streak(&days, 9);
        assert_eq!((s.current, s.longest, s.studied_today), (2, 3, false));
        assert_eq!(streak(&days, 8).current, 2);
        assert_eq!(streak(&days, 10).current, 0);
        assert_eq!(streak(&BTreeSet::new(), 10), Streak::default());
    }
}
