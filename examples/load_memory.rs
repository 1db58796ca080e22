//! Memory of a deck load and of its search index (dev-only; not part of the product).
//!
//! `cargo run --release --example load_memory -- DECK_DIR [CACHE_DIR]` loads a deck folder as the interface
//! does (through the deck cache in CACHE_DIR if given), then builds the search index, and prints the time of
//! each and the process's resident memory after it (`VmRSS`) and at its peak so far (`VmHWM`), from
//! `/proc/self/status` (Linux).

use recall::core::content::LoadOptions;
/// The resident and peak resident memory lines of `/proc/self/status`.
fn rss() -> String {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    s.lines()
        .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
        .collect::<Vec<_>>()
        .join(" ")
}
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let t = std::time::Instant::now();
    let loc = recall::io::deck::DeckLocation::Dir(dir.into());
    let cache = std::env::args().nth(2).map(std::path::PathBuf::from);
    let options = LoadOptions {
        skip_give_aways: true,
        ..Default::default()
    };
    let loaded = recall::io::deck::load_cached(&loc, &options, cache.as_deref()).unwrap();
    recall::io::memory::release_free_memory();
    eprintln!("loaded {:?} {}", t.elapsed(), rss());
    let deck = std::sync::Arc::new(loaded.deck);
    let t = std::time::Instant::now();
    let idx = recall::core::search::SearchIndex::new(deck.clone());
    recall::io::memory::release_free_memory();
    eprintln!("index {:?} {}", t.elapsed(), rss());
    std::hint::black_box(&idx);
}
