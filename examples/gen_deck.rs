//! Writes a realistic big deck for benchmarks and memory checks (dev-only; not part of the product CLI).
//!
//! `cargo run --release --example gen_deck -- DIR [ITEMS] [TOPICS] [--from DECK]` writes `ITEMS` items
//! (default 10,000) spread over `TOPICS` topic files (default 10) in `DIR`: the bundled deck's own texts, or
//! those of the deck folder `DECK`, replicated with small perturbations (see
//! `benches/support/realistic_deck.rs`, which the benches include too). Issue 13's targets were set on a
//! deck made from the 334-item bundled deck of commit e4568a4:
//! `git archive e4568a4 content | tar -x -C /tmp/deck-334 && … --from /tmp/deck-334/content`.

use std::path::Path;

#[path = "../benches/support/realistic_deck.rs"]
mod realistic_deck;

pub use realistic_deck::write_deck;

fn main() -> std::io::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let from = match args.iter().position(|a| a == "--from") {
        Some(at) if at + 1 < args.len() => Some(args.drain(at..at + 2).nth(1).expect("two drained")),
        Some(_) => return Err(std::io::Error::other("--from needs a deck folder")),
        None => None,
    };
    let mut args = args.into_iter();
    let dir = args.next().unwrap_or_else(|| "target/gen-deck".to_string());
    let items: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let topics: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    match from {
        Some(deck) => {
            let files = read_deck(Path::new(&deck))?;
            realistic_deck::write_deck_from(&files, Path::new(&dir), items, topics)?;
        }
        None => write_deck(Path::new(&dir), items, topics)?,
    }
    eprintln!("wrote {items} items in {topics} topic files to {dir}");
    Ok(())
}

/// The topic files of a deck folder, in name order, read as `recall` reads them.
fn read_deck(dir: &Path) -> std::io::Result<Vec<recall::core::content::SourceFile>> {
    use recall::core::content::{DeckFile, SourceFile};
    let files = recall::io::deck::topic_files(dir).map_err(std::io::Error::other)?;
    files
        .into_iter()
        .map(|file| {
            file.with_text(SourceFile::clone)
                .map_err(|d| std::io::Error::other(d.to_string()))
        })
        .collect()
}
