//! Writes a realistic big deck for benchmarks and memory checks (dev-only; not part of the product CLI).
//!
//! `cargo run --release --example gen_deck -- DIR [ITEMS] [TOPICS]` writes `ITEMS` items (default 10,000)
//! spread over `TOPICS` topic files (default 10) in `DIR`: the bundled deck's own texts, replicated with
//! small perturbations (see `benches/support/realistic_deck.rs`, which the benches include too).

use std::path::Path;

#[path = "../benches/support/realistic_deck.rs"]
mod realistic_deck;

pub use realistic_deck::write_deck;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "target/gen-deck".to_string());
    let items: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let topics: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    write_deck(Path::new(&dir), items, topics)?;
    eprintln!("wrote {items} items in {topics} topic files to {dir}");
    Ok(())
}
