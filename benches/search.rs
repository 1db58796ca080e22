//! Search per keystroke on realistic decks (issue 12): every prefix of typed queries, at 10,000 and 100,000
//! items generated from the bundled deck's own texts (`benches/support/realistic_deck.rs`, about 1.5 KB per
//! item in both languages) with the bundled glossary.
//!
//! Two kinds of figures: criterion's, for a few whole typed queries (every prefix in a row, as one
//! iteration) and for building the index; and the distribution per keystroke (median, p99, worst over every
//! prefix of [`TYPED`], each prefix the median of [`REPEATS`] runs), printed to stderr, which is what the
//! targets are about (p99 < 16 ms at 10,000 items, < 50 ms at 100,000).

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use recall::core::content::Lang;
use recall::core::search::{SearchIndex, SearchOptions};
use recall::io::deck::{self, DeckLocation};

#[path = "../examples/gen_deck.rs"]
#[allow(dead_code)]
mod gen_deck;

/// Queries as a learner types them: English and Korean, glossary names and abbreviations, a typo, choseong.
const TYPED: &[&str] = &[
    "lambda timeout",
    "saml mobile",
    "cloudfront function viewer",
    "dynamodb item size",
    "identity pool credentials",
    "provisioned concurrency",
    "api gateway throttling",
    "step functions wait",
    "람다 제한 시간",
    "다이나모디비 항목 크기",
    "코그니토 사용자 풀",
    "ㄹㄷ",
    "lamda timout",
    "rds proxy connections",
    "PITR restore",
    "DAX consistency",
    "L@E region",
    "vpc nat internet",
    "서버리스",
    "express workflow semantics",
];
/// Runs per prefix; the prefix's time is their median.
const REPEATS: usize = 5;

fn index_of(items: usize) -> SearchIndex {
    let dir = tempfile::tempdir().unwrap();
    gen_deck::write_deck(dir.path(), items, 10).unwrap();
    std::fs::copy("content/glossary.toml", dir.path().join("glossary.toml")).unwrap();
    let loaded = deck::load(&DeckLocation::Dir(dir.path().to_path_buf())).unwrap();
    assert_eq!(
        loaded.deck.item_count(),
        items,
        "{:?}",
        loaded.diagnostics.first()
    );
    assert!(!loaded.deck.glossary().is_empty());
    SearchIndex::new(Arc::new(loaded.deck))
}

/// Every prefix of `query`, by chars.
fn prefixes(query: &str) -> Vec<String> {
    let chars: Vec<char> = query.chars().collect();
    (1..=chars.len()).map(|n| chars[..n].iter().collect()).collect()
}

/// Median, p99 and worst per keystroke over every prefix of every typed query; prints them.
fn keystrokes(index: &SearchIndex, label: &str) {
    let options = SearchOptions::new(50, Lang::En);
    let mut times: Vec<(Duration, String)> = Vec::new();
    for query in TYPED {
        for prefix in prefixes(query) {
            let mut runs: Vec<Duration> = (0..REPEATS)
                .map(|_| {
                    let start = Instant::now();
                    std::hint::black_box(index.search_with(&prefix, &options));
                    start.elapsed()
                })
                .collect();
            runs.sort();
            times.push((runs[REPEATS / 2], prefix));
        }
    }
    times.sort();
    let at = |q: f64| &times[((times.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let (worst, worst_query) = times.last().unwrap();
    eprintln!(
        "{label}: {} keystrokes: median {:.2} ms, p99 {:.2} ms, worst {:.2} ms ({worst_query:?})",
        times.len(),
        ms(at(0.5).0),
        ms(at(0.99).0),
        ms(*worst),
    );
}

fn bench_size(c: &mut Criterion, items: usize) {
    let label = format!("search {items} realistic items");
    let index = index_of(items);
    let (words, bytes) = index.size();
    eprintln!(
        "{label}: {words} distinct words, index about {:.1} MB",
        bytes as f64 / 1e6
    );
    keystrokes(&index, &label);
    let mut group = c.benchmark_group(&label);
    group.sample_size(10);
    group.bench_function("build index", |b| {
        b.iter(|| SearchIndex::new(Arc::clone(index.deck())))
    });
    let options = SearchOptions::new(50, Lang::En);
    for query in [
        "lambda timeout",
        "람다 제한 시간",
        "cloudfront function viewer",
        "lamda timout",
    ] {
        group.bench_function(format!("type {query:?}"), |b| {
            b.iter(|| {
                for prefix in prefixes(query) {
                    std::hint::black_box(index.search_with(&prefix, &options));
                }
            })
        });
    }
    group.finish();
}

fn bench_search(c: &mut Criterion) {
    bench_size(c, 10_000);
    bench_size(c, 100_000);
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
