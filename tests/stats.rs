//! Stats on hand-computed logs: reviews per day, retention by maturity at review time, card stages, streak,
//! time studied, exam trend, and the 30-day forecast.

mod common;
mod fixture_log;

use common::ts;
use jiff::SignedDuration;
use jiff::civil::date;
use recall::core::progress::stats::{DayReviews, FORECAST_DAYS, MATURE_DAYS};
use recall::core::progress::{Event, EventKind, Progress, Rating, Stats, replay};
use recall::core::srs::Phase;

fn review(id: &str, at: &str, card: &str, rating: Rating) -> Event {
    Event::new(
        id,
        ts(at),
        EventKind::Review {
            card: card.into(),
            rating,
            duration_ms: 1000,
            cram: false,
        },
    )
}

fn fixture_stats() -> (Stats, Progress) {
    let progress = fixture_log::progress();
    let stats = Stats::compute(
        &fixture_log::deck(),
        &progress,
        fixture_log::scheduler().clock(),
        fixture_log::now(),
    );
    (stats, progress)
}

/// The fixture's review history, per card (A = lambda-max-timeout, B = pitr-window, C = mobile-saml):
/// - 01-01: A easy, C easy                         (new cards)
/// - 01-10: A easy, C easy                         (young reviews)
/// - 03-01: A good, C again, C good                (A, C mature; C's second is a relearning step)
/// - 05-01: A good, B good, B good                 (A mature; B new, then a learning step)
/// - 05-02: A good (cram), C hard (undone)         (cram is activity, not retention; undone is nothing)
/// - 05-03: B again                                (B young)
///
/// Plus a duplicated line, a quiz answer and three exams (two finished).
#[test]
fn the_fixture_log_gives_the_hand_computed_numbers() {
    let (stats, progress) = fixture_stats();
    // The maturity of each counted review is what the log was written for; check that first, so a change
    // of the fixture shows up here rather than as wrong retention.
    let before = |card: &str, n: usize| progress.card(card).unwrap().reviews[n].before;
    for (card, n) in [("basics/lambda-max-timeout", 2), ("basics/lambda-max-timeout", 3)] {
        assert!(before(card, n).scheduled_days >= MATURE_DAYS, "{card} #{n}");
    }
    assert!(before("basics/mobile-saml", 2).scheduled_days >= MATURE_DAYS);
    assert!(before("basics/lambda-max-timeout", 1).scheduled_days < MATURE_DAYS);
    assert_eq!(before("basics/mobile-saml", 3).phase, Phase::Relearning);

    let day = |m, d, reviews| DayReviews {
        date: date(2025, m, d),
        reviews,
    };
    assert_eq!(
        stats.heatmap,
        [
            day(1, 1, 2),
            day(1, 10, 2),
            day(3, 1, 3),
            day(5, 1, 3),
            day(5, 2, 1),
            day(5, 3, 1)
        ]
    );
    assert_eq!(
        (stats.reviews, stats.reviews_today, stats.study_days()),
        (12, 1, 6)
    );
    assert_eq!(stats.time_studied_ms, 59_500);
    assert_eq!(
        (
            stats.streak.current,
            stats.streak.longest,
            stats.streak.studied_today
        ),
        (3, 3, true)
    );
    // Mature: A 03-01 good, C 03-01 again, A 05-01 good. Young: A and C on 01-10 (easy), B 05-03 again.
    let r = stats.retention;
    assert_eq!((r.mature.reviews, r.mature.passed), (3, 2));
    assert_eq!((r.young.reviews, r.young.passed), (3, 2));
    assert!((r.mature.rate.unwrap() - 2.0 / 3.0).abs() < 1e-12);
    // A mature, B relearning, C young (after its lapse).
    let c = stats.cards;
    assert_eq!((c.new, c.learning, c.young, c.mature), (0, 1, 1, 1));
    assert_eq!(stats.topics.len(), 1);
    assert_eq!(stats.topics[0].cards, c);
    assert_eq!(stats.topics[0].reviews, 12);
    let exams: Vec<(jiff::civil::Date, u32, bool)> =
        stats.exams.iter().map(|e| (e.date, e.scaled, e.passed)).collect();
    assert_eq!(
        exams,
        [(date(2025, 4, 20), 550, false), (date(2025, 5, 2), 775, true)]
    );
    assert_eq!(stats.today, date(2025, 5, 3));
    assert!(!stats.is_empty());
}

#[test]
fn study_days_follow_the_day_start_hour() {
    let deck = common::deck(&[("a", 2)]);
    let events = [
        review("1", "2025-06-01T03:59:00Z", "a/f0", Rating::Good), // before 4 am: May 31's study day
        review("2", "2025-06-01T04:00:00Z", "a/f1", Rating::Good),
    ];
    let scheduler = common::scheduler();
    let stats = Stats::compute(
        &deck,
        &replay(events, &scheduler),
        scheduler.clock(),
        ts("2025-06-01T12:00:00Z"),
    );
    let days: Vec<_> = stats.heatmap.iter().map(|d| (d.date, d.reviews)).collect();
    assert_eq!(days, [(date(2025, 5, 31), 1), (date(2025, 6, 1), 1)]);
    assert_eq!(stats.streak.current, 2);
}

#[test]
fn the_forecast_counts_overdue_cards_today_and_easy_cards_a_week_out() {
    let deck = common::deck(&[("a", 6)]);
    let now = ts("2025-06-10T12:00:00Z");
    let ago = |hours| (now - SignedDuration::from_hours(hours)).to_string();
    let events = [
        // Again on a new card: a 1-minute learning step, long overdue by now.
        review("1", &ago(1), "a/f0", Rating::Again),
        // Easy 40 days ago: FSRS-6's first Easy stability is 8.3 days, so it fell due about a month ago.
        review("2", &ago(40 * 24), "a/f1", Rating::Easy),
        // Easy now: 8.3 days, fuzzed by at most ±0.8 day → due in 7 to 9 days.
        review("3", &ago(0), "a/f2", Rating::Easy),
        review("4", &ago(0), "a/f3", Rating::Easy),
        // a/f4 and a/f5 stay new: never due.
    ];
    let scheduler = common::scheduler();
    let stats = Stats::compute(&deck, &replay(events, &scheduler), scheduler.clock(), now);
    let due: Vec<usize> = stats.forecast.iter().map(|d| d.due).collect();
    assert_eq!(due.len(), FORECAST_DAYS);
    assert_eq!(due[0], 2, "{due:?}");
    assert_eq!(due[7..=9].iter().sum::<usize>(), 2, "{due:?}");
    assert_eq!(due.iter().sum::<usize>(), 4, "{due:?}");
    assert_eq!(stats.forecast[0].date, date(2025, 6, 10));
    assert_eq!(stats.forecast[29].date, date(2025, 7, 9));
    assert_eq!(stats.cards.new, 2);
}

#[test]
fn an_empty_log_is_empty_not_zeros() {
    let deck = fixture_log::deck();
    let scheduler = fixture_log::scheduler();
    let stats = Stats::compute(&deck, &Progress::new(), scheduler.clock(), fixture_log::now());
    assert!(stats.is_empty());
    assert!(stats.heatmap.is_empty() && stats.exams.is_empty());
    assert_eq!(stats.cards.new, 3);
    assert_eq!(stats.retention.mature.rate, None);
    assert!(stats.forecast.iter().all(|d| d.due == 0));
}

#[test]
fn stats_serialize_to_json_with_dates_as_text() {
    let (stats, _) = fixture_stats();
    let json = serde_json::to_value(&stats).unwrap();
    assert_eq!(json["today"], "2025-05-03");
    assert_eq!(json["heatmap"][0]["date"], "2025-01-01");
    assert_eq!(json["retention"]["mature"]["passed"], 2);
    assert_eq!(json["exams"][1]["passed"], true);
    assert_eq!(json["pass_mark"], 720);
}

#[test]
fn stats_at_either_end_of_the_calendar_do_not_panic() {
    // A clock at or after 9999-12-31 (io::clock::now gives Timestamp::MAX then) must not crash `recall stats`.
    let progress = fixture_log::progress();
    let deck = fixture_log::deck();
    for zone in ["UTC", "Pacific/Kiritimati", "Etc/GMT+12"] {
        let tz = jiff::tz::TimeZone::get(zone).unwrap();
        let config = recall::core::config::Config::default();
        let scheduler = config.scheduler(tz).unwrap();
        for now in [jiff::Timestamp::MAX, jiff::Timestamp::MIN] {
            let stats = Stats::compute(&deck, &progress, scheduler.clock(), now);
            for lang in [recall::core::content::Lang::En, recall::core::content::Lang::Ko] {
                let mut out = Vec::new();
                recall::cli::stats::write_text(&stats, &deck, lang, &mut out).unwrap();
                assert!(!out.is_empty());
            }
            recall::core::untrusted::to_json_pretty(&stats).unwrap();
        }
    }
}
