//! Deck loading + validation: the bundled deck (target < 15 ms) and a 10,000-item realistic deck (< 150 ms),
//! built from the bundled deck's own texts by `benches/support/realistic_deck.rs`.

use criterion::{Criterion, criterion_group, criterion_main};
use recall::core::content;
use recall::io::deck::{self, DeckLocation};

#[path = "support/realistic_deck.rs"]
mod realistic_deck;

fn bench_load(c: &mut Criterion) {
    let (bundled, _) = deck::bundled_files();
    c.bench_function("load bundled deck", |b| b.iter(|| content::load(&bundled)));

    let dir = tempfile::tempdir().unwrap();
    realistic_deck::write_deck(dir.path(), 10_000, 10).unwrap();
    let location = DeckLocation::Dir(dir.path().to_path_buf());
    let loaded = deck::load(&location).unwrap();
    assert_eq!(
        loaded.deck.item_count(),
        10_000,
        "{:?}",
        loaded.diagnostics.first()
    );
    c.bench_function("read + load 10,000-item realistic deck", |b| {
        b.iter(|| deck::load(&location).unwrap())
    });
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
