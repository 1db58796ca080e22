//! README says what is true of this version: the bundled deck's counts, and a set-up section that tells a
//! new user where progress goes and how to pass options through `cargo run`.

use recall::core::content;
use recall::io::deck::bundled_files;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn the_status_counts_are_the_bundled_deck_s() {
    let deck = content::load(&bundled_files().0).deck;
    let topics = deck.topics();
    let count = |f: fn(&content::Topic) -> usize| topics.iter().map(f).sum::<usize>();
    let (notes, facts) = (count(|t| t.sections.len()), count(|t| t.facts.len()));
    let (tables, scenarios) = (count(|t| t.compares.len()), count(|t| t.scenarios.len()));
    let expected = format!(
        "({} topics, {} items: {notes} notes, {facts} facts, {tables} comparison tables, {scenarios} exam-style scenarios;",
        topics.len(),
        notes + facts + tables + scenarios,
    );
    // Lines may wrap anywhere.
    let text = readme().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains(&expected),
        "README's Status says other counts than the bundled deck; it should say:\n{expected}"
    );
}

#[test]
fn the_set_up_section_says_where_progress_goes_and_how_to_pass_options() {
    let text = readme();
    let start = text.find("## Set-up").unwrap();
    let end = start + text[start..].find("\n## ").unwrap_or(text.len() - start);
    let setup = &text[start..end];
    for needle in [
        "~/.local/share/recall",
        "cargo run --release -- --data-dir",
        "everything after `--` goes to recall",
        "RECALL_DATA_DIR",
    ] {
        assert!(setup.contains(needle), "the set-up section lacks {needle:?}");
    }
}
