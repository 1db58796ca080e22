//! The interface's work on decks of every shape (issue 23): the same number of items as 8 topics, as topics of
//! about 52 items (the bundled deck's shape: 192 topics at 10,000 items, 1,920 at 100,000) and as one topic,
//! at 10,000 and 100,000 items, built from the bundled deck's own texts (`support/realistic_deck.rs`).
//!
//! Per shape: Home's counts (at start, and after a grade when Home comes back), a cursor move on Home (update
//! and draw), a draw of Home, a quiz and an exam opening, a study session starting, and the stats screen's
//! numbers. Decks are written once under `target/bench-decks` and reused. `RECALL_BENCH_SHAPES` picks shapes
//! (`10k-8,100k-52`, …; all by default). A deck of one topic of 100,000 items is a 183 MB file, which
//! `recall` refuses (a topic file is at most 64 MB); the bench loads it from memory, to time the code paths
//! on that shape all the same.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use recall::core::content::{self, Deck, Lang, SourceFile};
use recall::core::progress::{Event, EventKind, Progress, Rating, Stats};
use recall::core::quiz::{ExamOptions, ExamSession, QuizOptions, QuizPool, QuizSession};
use recall::core::srs::Mode;
use recall::ui::app::{App, Effect};
use recall::ui::msg::{Action, Msg};
use recall::ui::shared::Setup;
use recall::ui::view::view;

#[path = "support/realistic_deck.rs"]
mod realistic_deck;

/// Every shape: label, items, topics.
const SHAPES: &[(&str, usize, usize)] = &[
    ("10k-8", 10_000, 8),
    ("10k-52", 10_000, 192),
    ("10k-1", 10_000, 1),
    ("100k-8", 100_000, 8),
    ("100k-52", 100_000, 1_920),
    ("100k-1", 100_000, 1),
];

fn now() -> jiff::Timestamp {
    "2026-11-26T12:00:00Z".parse().unwrap()
}

/// The deck of a shape, written under `target/bench-decks` the first time.
pub fn deck(label: &str, items: usize, topics: usize) -> Deck {
    let dir = PathBuf::from("target/bench-decks").join(label);
    if !dir.join("done").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        realistic_deck::write_deck(&dir, items, topics).unwrap();
        std::fs::write(dir.join("done"), "").unwrap();
    }
    let loaded = content::load(&read(&dir));
    assert_eq!(
        loaded.deck.item_count(),
        items,
        "{:?}",
        loaded.diagnostics.first()
    );
    assert_eq!(loaded.deck.topics().len(), topics);
    loaded.deck
}

/// The topic files of `dir`, in memory (a one-topic deck of 100,000 items is over the file size `recall`
/// reads).
fn read(dir: &Path) -> Vec<SourceFile> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| SourceFile {
            text: std::fs::read_to_string(&p).unwrap(),
            path: p.display().to_string(),
        })
        .collect()
}

/// The interface on `deck`, Home drawn once at 120×40.
fn app(deck: &Arc<Deck>) -> App {
    let mut app = App::new(Setup::new(Arc::clone(deck), Lang::En, now()));
    app.update(Msg::Resize(120, 40));
    app
}

/// Studies one card (reveal, grade Good, saved) and stays on the study screen: Home's counts are stale.
fn graded(deck: &Arc<Deck>) -> App {
    let mut app = app(deck);
    app.update(Msg::Action(Action::StudyAll));
    app.update(Msg::Action(Action::Reveal));
    for effect in app.update(Msg::Action(Action::Grade(3))) {
        if let Effect::Append(event) = effect {
            app.update(Msg::Saved(event, Ok(())));
        }
    }
    app
}

fn bench_shape(c: &mut Criterion, label: &str, items: usize, topics: usize) {
    let deck = Arc::new(deck(label, items, topics));
    let mut group = c.benchmark_group(format!("shape {label}"));
    group.sample_size(10);
    group.bench_function("start: Home's counts (App::new)", |b| {
        b.iter(|| App::new(Setup::new(Arc::clone(&deck), Lang::En, now())))
    });
    group.bench_function("back to Home after a grade (update Back)", |b| {
        b.iter_batched(
            || graded(&deck),
            |mut app| {
                app.update(Msg::Action(Action::Back));
                app
            },
            BatchSize::LargeInput,
        )
    });
    let mut shared = Setup::new(Arc::clone(&deck), Lang::En, now()).into_shared();
    let mut n = 0usize;
    group.bench_function(
        "Home's counts after a grade (note_change + refresh_counts)",
        |b| {
            b.iter(|| {
                n += 1;
                let cards = deck.card_ids();
                let card = cards[(n * 7919) % cards.len()].0.to_string();
                let event = shared.event(EventKind::Review {
                    card,
                    rating: Rating::Good,
                    duration_ms: 0,
                    cram: false,
                });
                let event = Event {
                    id: format!("bench-{n}"),
                    ..event
                };
                shared.progress.apply(event.clone(), &shared.scheduler);
                shared.note_change(&event);
                shared.refresh_counts();
            })
        },
    );
    let mut home = app(&deck);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    group.bench_function("draw Home 120x40", |b| {
        b.iter(|| terminal.draw(|f| view(&home, f)).unwrap().area)
    });
    let mut down = true;
    group.bench_function("cursor move on Home (update + draw)", |b| {
        b.iter(|| {
            let action = if down { Action::Down } else { Action::Up };
            down = !down;
            home.update(Msg::Action(action));
            terminal.draw(|f| view(&home, f)).unwrap().area
        })
    });
    let mut seed = 0;
    let quiz = |seed| QuizOptions {
        topic: None,
        count: QuizOptions::DEFAULT_COUNT,
        seed,
    };
    group.bench_function("quiz opens (10 questions, reading the deck)", |b| {
        b.iter(|| {
            seed += 1;
            QuizSession::new(&deck, &quiz(seed)).unwrap()
        })
    });
    group.bench_function("quiz pool (built once, off the interface's thread)", |b| {
        b.iter(|| QuizPool::new(&deck))
    });
    let pool = QuizPool::new(&deck);
    group.bench_function("quiz opens (10 questions, from the pool: the interface)", |b| {
        b.iter(|| {
            seed += 1;
            QuizSession::with_pool(&deck, &pool, &quiz(seed)).unwrap()
        })
    });
    group.bench_function("exam opens (full length)", |b| {
        b.iter(|| {
            seed += 1;
            ExamSession::start(&deck, &ExamOptions::full_length(&deck, seed), now()).unwrap()
        })
    });
    group.bench_function("study session starts (all topics)", |b| {
        b.iter(|| shared.study_session(None, Mode::Scheduled, 0))
    });
    let progress = Progress::new();
    group.bench_function("stats (no history)", |b| {
        b.iter(|| Stats::compute(&deck, &progress, shared.clock(), now()))
    });
    group.finish();
}

fn bench_shapes(c: &mut Criterion) {
    let wanted = std::env::var("RECALL_BENCH_SHAPES").unwrap_or_default();
    for &(label, items, topics) in SHAPES {
        if wanted.is_empty() || wanted.split(',').any(|w| w == label) {
            bench_shape(c, label, items, topics);
        }
    }
}

criterion_group!(benches, bench_shapes);
criterion_main!(benches);
