//! Deck loading + validation: the bundled deck (target < 15 ms) and a generated 10,000-item deck (< 150 ms).

use criterion::{Criterion, criterion_group, criterion_main};
use recall::core::content;
use recall::io::deck::{self, DeckLocation};

#[path = "../examples/gen_deck.rs"]
#[allow(dead_code)]
mod gen_deck;

fn bench_load(c: &mut Criterion) {
    let (bundled, _) = deck::bundled_files();
    c.bench_function("load bundled deck", |b| b.iter(|| content::load(&bundled)));

    let dir = tempfile::tempdir().unwrap();
    gen_deck::write_deck(dir.path(), 10_000, 10).unwrap();
    let location = DeckLocation::Dir(dir.path().to_path_buf());
    let loaded = deck::load(&location).unwrap();
    assert_eq!(
        loaded.deck.item_count(),
        10_000,
        "{:?}",
        loaded.diagnostics.first()
    );
    c.bench_function("read + load 10,000-item deck", |b| {
        b.iter(|| deck::load(&location).unwrap())
    });
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
