//! Shared helpers for the study tests: fixed clocks, time zones without a tz database, a scheduler.
#![allow(dead_code)]

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use recall::core::srs::{DayClock, Scheduler};

/// A fixed instant.
pub fn ts(s: &str) -> Timestamp {
    s.parse().expect("test timestamps are valid")
}

/// Seoul (UTC+9, no daylight saving), as a POSIX TZ rule so no tz database is needed.
pub fn seoul() -> TimeZone {
    TimeZone::posix("KST-9").unwrap()
}

/// New York with its daylight-saving rules (second Sunday of March to first Sunday of November).
pub fn new_york() -> TimeZone {
    TimeZone::posix("EST5EDT,M3.2.0,M11.1.0").unwrap()
}

/// FSRS-6 defaults, retention 0.9, days starting at 4 am in `tz`.
pub fn scheduler_in(tz: TimeZone) -> Scheduler {
    Scheduler::new(&[], 0.9, DayClock::new(tz, 4).unwrap()).unwrap()
}

/// FSRS-6 defaults, retention 0.9, UTC days starting at 4 am.
pub fn scheduler() -> Scheduler {
    scheduler_in(TimeZone::UTC)
}

/// `minutes` minutes.
pub fn mins(minutes: i64) -> SignedDuration {
    SignedDuration::from_mins(minutes)
}

/// A deck of `topics` (id, number of facts), facts named `<topic>/f<n>`, topics in the given order.
pub fn deck(topics: &[(&str, usize)]) -> recall::core::content::Deck {
    let files: Vec<recall::core::content::SourceFile> = topics
        .iter()
        .enumerate()
        .map(|(order, (id, facts))| {
            let mut text = format!("[topic]\nid = \"{id}\"\ntitle = \"{id}\"\norder = {order}\n");
            for n in 0..*facts {
                text.push_str(&format!(
                    "\n[[fact]]\nid = \"f{n}\"\nprompt = \"Question {n}?\"\nanswer = \"Answer {n}\"\n\
                     source = \"https://example.com/{n}\"\n"
                ));
            }
            recall::core::content::SourceFile {
                path: format!("{id}.toml"),
                text,
            }
        })
        .collect();
    let loaded = recall::core::content::load(&files);
    let (deck, _) = loaded.into_deck(false).expect("the generated deck is valid");
    deck
}

/// A `review` event.
pub fn review(
    id: &str,
    at: &str,
    card: &str,
    rating: recall::core::progress::Rating,
) -> recall::core::progress::Event {
    recall::core::progress::Event::new(
        id,
        ts(at),
        recall::core::progress::EventKind::Review {
            card: card.to_string(),
            rating,
            duration_ms: 1000,
            cram: false,
        },
    )
}
