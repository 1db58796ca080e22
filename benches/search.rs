//! Fuzzy search over a generated 100,000-item deck: one query must take < 16 ms (one frame) in release.
//!
//! The deck comes from `examples/gen_deck.rs` (both languages, every item kind), loaded like a user's deck.
//! Building the index is measured too, since the interface builds it once per deck.

use criterion::{Criterion, criterion_group, criterion_main};
use recall::core::content::Lang;
use recall::core::search::{SearchIndex, SearchOptions};
use recall::io::deck::{self, DeckLocation};

#[path = "../examples/gen_deck.rs"]
#[allow(dead_code)]
mod gen_deck;

const ITEMS: usize = 100_000;

/// Queries a user would type: English words, a Korean word, choseong, two terms, one char, one with no hit.
const QUERIES: &[&str] = &[
    "lambda",
    "ㄹㄷ",
    "timeout 15",
    "서버리스",
    "ㅅㅂㄹㅅ",
    "saml mobile",
    "s",
    "zzqx",
];

/// Worst cases for pruning: thousands of scattered matches, none close to the best possible score, so most of
/// them must be scored (`lmbd` in 10,000 titles; `eo` and `ptb` in most English texts; `ㅇㄷ` in most Korean).
const WORST: &[&str] = &["lmbd", "eo", "ptb", "ㅇㄷ"];

fn bench_search(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    gen_deck::write_deck(dir.path(), ITEMS, 10).unwrap();
    let loaded = deck::load(&DeckLocation::Dir(dir.path().to_path_buf())).unwrap();
    assert_eq!(
        loaded.deck.item_count(),
        ITEMS,
        "{:?}",
        loaded.diagnostics.first()
    );
    let deck = loaded.deck;

    let mut group = c.benchmark_group("search 100,000 items");
    group.sample_size(10);
    group.bench_function("build index", |b| b.iter(|| SearchIndex::new(&deck)));
    group.finish();

    let index = SearchIndex::new(&deck);
    let options = SearchOptions::new(50, Lang::En);
    let mut group = c.benchmark_group("search 100,000 items");
    for query in QUERIES.iter().chain(WORST) {
        group.bench_function(format!("query {query:?}"), |b| {
            b.iter(|| index.search_with(query, &options))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
