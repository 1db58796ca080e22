//! The stats screen on its own: snapshots with an empty and a full log in English and Korean at 80×24,
//! borders intact with wide text at every size and scroll position, scrolling that stays in the content,
//! Back and Export.

mod screen;

use screen::{assert_borders_intact, text_of};
use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use recall::core::content::{self, Deck, Lang};
use recall::core::progress::{Event, EventKind, Progress, Rating, Stats};
use recall::core::srs::{DayClock, Scheduler};
use recall::io::deck::bundled_files;
use recall::ui::app::Effect;
use recall::ui::msg::{Action, Msg};
use recall::ui::screens::stats::StatsState;
use recall::ui::screens::{Nav, Shared};
use recall::ui::shared::Setup;

fn now() -> Timestamp {
    "2026-11-26T12:00:00Z".parse().unwrap()
}

fn scheduler() -> Scheduler {
    Scheduler::new(&[], 0.9, DayClock::new(jiff::tz::TimeZone::UTC, 4).unwrap()).unwrap()
}

fn bundled() -> Arc<Deck> {
    Arc::new(content::load(&bundled_files().0).deck)
}

fn shared(deck: Arc<Deck>, lang: Lang) -> Shared {
    Setup::new(deck, lang, now()).into_shared()
}

/// A learner who studied most days for four months: due cards, then up to 6 new cards a day, about one
/// grade in ten Again; and four mock exams.
fn full_log(deck: &Deck) -> Progress {
    let scheduler = scheduler();
    let cards: Vec<String> = deck.cards().map(|(id, _)| id).collect();
    let mut progress = Progress::new();
    let mut n = 0u64;
    let mut add = |progress: &mut Progress, at: Timestamp, kind: EventKind| {
        n += 1;
        progress.apply(Event::new(format!("e{n:06}"), at, kind), &scheduler);
    };
    let start = now() - SignedDuration::from_hours(24 * 120);
    for day in 0..=120i64 {
        if day % 9 == 4 && day < 110 {
            continue; // a rest day now and then, none in the last ten days
        }
        let mut at = start + SignedDuration::from_hours(24 * day) - SignedDuration::from_hours(3);
        let mut new_today = 0;
        for (i, id) in cards.iter().enumerate() {
            let state = progress.state(id);
            let due = state.is_due_by(at + SignedDuration::from_hours(12));
            let introduce = state.is_new() && new_today < 6;
            if !(due || introduce) {
                continue;
            }
            new_today += usize::from(state.is_new());
            let rating = match (day as usize * 7 + i * 3) % 10 {
                0 => Rating::Again,
                1 => Rating::Hard,
                9 => Rating::Easy,
                _ => Rating::Good,
            };
            at += SignedDuration::from_secs(20);
            let kind = EventKind::Review {
                card: id.clone(),
                rating,
                duration_ms: 8_000 + (i as u64 % 5) * 1_000,
                cram: false,
            };
            add(&mut progress, at, kind);
        }
    }
    for (k, (correct, day)) in [(31usize, 100i64), (40, 108), (48, 115), (45, 119)]
        .into_iter()
        .enumerate()
    {
        let at = start + SignedDuration::from_hours(24 * day);
        let scaled = recall::core::quiz::scaled_score(correct, 65);
        let kind = EventKind::ExamFinished {
            exam: format!("exam-{k}"),
            correct,
            total: 65,
            scaled,
            used_s: 3000,
            timed_out: false,
        };
        add(&mut progress, at, kind);
    }
    progress
}

fn state(deck: &Deck, full: bool) -> StatsState {
    let progress = if full { full_log(deck) } else { Progress::new() };
    StatsState::new(Stats::compute(deck, &progress, scheduler().clock(), now()))
}

fn render(state: &StatsState, shared: &Shared, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| state.render(f, f.area(), shared)).unwrap();
    terminal.backend().buffer().clone()
}

fn act(state: &mut StatsState, shared: &Shared, action: Action) {
    let _ = state.update(Msg::Action(action), shared);
}

#[test]
fn snapshots_empty_and_full_in_both_languages() {
    let deck = bundled();
    for full in [false, true] {
        for lang in [Lang::En, Lang::Ko] {
            let shared = shared(deck.clone(), lang);
            let state = state(&deck, full);
            let name = format!(
                "stats-{}-{}-80x24",
                if full { "full" } else { "empty" },
                lang.code()
            );
            insta::assert_snapshot!(name, text_of(&render(&state, &shared, 80, 24)));
        }
    }
}

#[test]
fn snapshots_at_60x15_in_both_languages() {
    let deck = bundled();
    for lang in [Lang::En, Lang::Ko] {
        let shared = shared(deck.clone(), lang);
        let mut state = state(&deck, true);
        let top = text_of(&render(&state, &shared, 60, 15));
        insta::assert_snapshot!(format!("stats-full-{}-60x15", lang.code()), top);
        act(&mut state, &shared, Action::Bottom);
        let bottom = text_of(&render(&state, &shared, 60, 15));
        insta::assert_snapshot!(format!("stats-full-{}-60x15-bottom", lang.code()), bottom);
    }
}

#[test]
fn the_bottom_of_the_full_screen_shows_the_topic_table() {
    let deck = bundled();
    for lang in [Lang::En, Lang::Ko] {
        let shared = shared(deck.clone(), lang);
        let mut state = state(&deck, true);
        render(&state, &shared, 80, 24);
        act(&mut state, &shared, Action::Bottom);
        let name = format!("stats-full-{}-80x24-bottom", lang.code());
        insta::assert_snapshot!(name, text_of(&render(&state, &shared, 80, 24)));
    }
}

#[test]
fn borders_hold_at_every_size_and_scroll_position() {
    let deck = bundled();
    for lang in [Lang::En, Lang::Ko] {
        let shared = shared(deck.clone(), lang);
        for full in [false, true] {
            for (w, h) in [(80, 24), (60, 15), (120, 40), (40, 10), (100, 30)] {
                let mut state = state(&deck, full);
                let mut previous = None;
                for _ in 0..40 {
                    let buffer = render(&state, &shared, w, h);
                    assert_borders_intact(&buffer);
                    if previous == Some(state.scroll()) {
                        break;
                    }
                    previous = Some(state.scroll());
                    act(&mut state, &shared, Action::PageDown);
                }
            }
        }
    }
}

#[test]
fn scrolling_moves_the_view_and_stops_at_the_ends() {
    let deck = bundled();
    let shared = shared(deck.clone(), Lang::En);
    let mut state = state(&deck, true);
    let top = text_of(&render(&state, &shared, 80, 24));
    assert!(top.contains("Reviews per day") && top.contains("1–23/"), "{top}");
    act(&mut state, &shared, Action::Up);
    assert_eq!(state.scroll(), 0);
    act(&mut state, &shared, Action::Down);
    let moved = text_of(&render(&state, &shared, 80, 24));
    assert_eq!(state.scroll(), 1);
    assert_eq!(top.lines().nth(1), moved.lines().next(), "one line up");
    for _ in 0..200 {
        act(&mut state, &shared, Action::Down);
    }
    let end = state.scroll();
    let bottom = text_of(&render(&state, &shared, 80, 24));
    assert!(
        bottom.contains("All") && bottom.contains("Retention:"),
        "{bottom}"
    );
    act(&mut state, &shared, Action::Up);
    assert_eq!(state.scroll(), end - 1, "Down past the end does not pile up");
    act(&mut state, &shared, Action::Top);
    assert_eq!(state.scroll(), 0);
    // Tall enough for everything: nothing to scroll, no position line.
    let mut tall = StatsState::new(state.stats().clone());
    let all = text_of(&render(&tall, &shared, 120, 60));
    assert!(!all.contains("PgDn"), "{all}");
    act(&mut tall, &shared, Action::Down);
    assert_eq!(tall.scroll(), 0);
}

#[test]
fn the_full_screen_shows_the_numbers_of_the_log() {
    let deck = bundled();
    let shared = shared(deck.clone(), Lang::En);
    let state = state(&deck, true);
    let stats = state.stats();
    let text = text_of(&render(&state, &shared, 120, 60));
    for reviews in [
        format!("Reviews    {} today", stats.reviews_today),
        format!("{} in all", stats.reviews),
    ] {
        assert!(text.contains(&reviews), "{reviews}\n{text}");
    }
    assert!(
        text.contains(&format!("{} studied", stats.study_days())),
        "{text}"
    );
    let streak = format!("{} days · best {}", stats.streak.current, stats.streak.longest);
    assert!(text.contains(&streak), "{streak}\n{text}");
    let last = stats.exams.last().unwrap();
    assert!(text.contains(&format!("last {} pass", last.scaled)), "{text}");
    let due: usize = stats.forecast.iter().map(|d| d.due).sum();
    assert!(
        text.contains(&format!("Due in the next 30 days: {due}")),
        "{text}"
    );
    for topic in deck.topics() {
        assert!(text.contains(topic.title.get(Lang::En)), "{}", topic.id);
    }
}

#[test]
fn back_pops_and_x_exports_cards_as_csv_and_anki() {
    let deck = bundled();
    for lang in [Lang::En, Lang::Ko] {
        let shared = shared(deck.clone(), lang);
        let mut state = state(&deck, false);
        let back = state.update(Msg::Action(Action::Back), &shared);
        assert!(matches!(back.nav, Some(Nav::Pop)));
        let export = state.update(Msg::Action(Action::Export), &shared);
        assert!(export.nav.is_none());
        // One effect carries both files, so the runner reports both paths on one status line.
        let [Effect::SaveExport { files }] = &export.effects[..] else {
            panic!("one export effect: {:?}", export.effects);
        };
        let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        assert_eq!(files.len(), 2, "{files:?}");
        assert!(files[0].0.ends_with("cards.csv") && files[1].0.ends_with("anki.txt"));
        let mut csv = csv::Reader::from_reader(files[0].1);
        assert_eq!(csv.records().count(), deck.cards().count(), "one row per card");
        assert!(String::from_utf8_lossy(files[1].1).starts_with("#separator:tab"));
    }
}

#[test]
fn an_empty_log_explains_instead_of_showing_zeros() {
    let deck = bundled();
    let shared = shared(deck.clone(), Lang::En);
    let text = text_of(&render(&state(&deck, false), &shared, 80, 24));
    assert!(
        text.contains("No reviews yet — press s on home to study."),
        "{text}"
    );
    assert!(!text.contains("Due in the next"), "{text}");
    let ko = text_of(&render(
        &state(&deck, false),
        &self::shared(deck.clone(), Lang::Ko),
        80,
        24,
    ));
    assert!(ko.contains("아직 복습 기록이 없습니다"), "{ko}");
}

/// One or two mock exams are bars with the pass mark across them, not a dot or a lone stroke on a chart:
/// each exam's date, score and verdict can be read.
#[test]
fn one_or_two_exams_read_as_bars_against_the_pass_mark() {
    let deck = bundled();
    let full = Stats::compute(&deck, &full_log(&deck), scheduler().clock(), now());
    for count in [1, 2] {
        for lang in [Lang::En, Lang::Ko] {
            let shared = shared(deck.clone(), lang);
            let mut stats = full.clone();
            stats.exams.truncate(count);
            let state = StatsState::new(stats.clone());
            for (w, h) in [(80, 40), (60, 50)] {
                let buffer = render(&state, &shared, w, h);
                assert_borders_intact(&buffer);
                let text = text_of(&buffer);
                for e in &stats.exams {
                    // Korean writes a short date as the line chart does, `11/6` (K53).
                    let date = match lang {
                        Lang::En => format!("{:02}-{:02}", e.date.month(), e.date.day()),
                        Lang::Ko => format!("{}/{}", e.date.month(), e.date.day()),
                    };
                    let verdict = match (e.passed, lang) {
                        (true, Lang::En) => "pass",
                        (false, Lang::En) => "fail",
                        (true, Lang::Ko) => "합격",
                        (false, Lang::Ko) => "불합격",
                    };
                    let row = text
                        .lines()
                        .find(|l| l.contains(&date))
                        .unwrap_or_else(|| panic!("{date}:\n{text}"));
                    assert!(
                        row.contains(&e.scaled.to_string()) && row.contains(verdict) && row.contains('┃'),
                        "{row}"
                    );
                }
                assert!(text.contains("720"), "the pass mark is named:\n{text}");
                if w == 80 {
                    insta::assert_snapshot!(format!("stats-{count}-exams-{}-80x40", lang.code()), text);
                }
            }
        }
    }
}

/// The readiness panel sits under the summary: tomorrow's predicted score (or why there is none), what it
/// rests on, and every topic, in both languages at 80 columns.
#[test]
fn the_readiness_panel_shows_the_prediction_and_every_topic() {
    use recall::core::readiness;
    let deck = bundled();
    let progress = full_log(&deck);
    let tomorrow = readiness::tomorrow(&scheduler(), now());
    let prediction = readiness::predict(&deck, &progress, &scheduler(), tomorrow);
    for lang in [Lang::En, Lang::Ko] {
        let shared = shared(deck.clone(), lang);
        let state = StatsState::new(Stats::compute(&deck, &progress, scheduler().clock(), now()))
            .with_readiness(prediction.clone());
        let text = text_of(&render(&state, &shared, 80, 60));
        let (title, per_topic) = match lang {
            Lang::En => ("Exam readiness (if the exam were tomorrow)", "scenarios seen"),
            Lang::Ko => ("모의고사 준비도 (내일 시험을 본다면)", "점 ("),
        };
        assert!(text.contains(title), "{text}");
        // A long title ends in `…` in the panel's name column (and in the Korean topic table, whose stage
        // columns are wider), so its beginning is what both show.
        for topic in deck.topics() {
            let start: String = topic.title.get(lang).chars().take(16).collect();
            assert!(text.contains(&start), "{} is listed:\n{text}", topic.id);
        }
        match prediction.overall {
            Some(p) => assert!(text.contains(&format!("{}", p.scaled)), "{text}"),
            None => assert!(text.contains(per_topic) || text.contains("—"), "{text}"),
        }
        assert_borders_intact(&render(&state, &shared, 80, 60));
        if std::env::var_os("SHOW").is_some() {
            eprintln!("{text}");
        }
    }
}
