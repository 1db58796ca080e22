//! `recall search QUERY`: the interface's fuzzy search, headless, as text or JSON.
//!
//! The JSON shape ([`SearchResult`]) is a documented, stable interface (README, "JSON output"): one array,
//! best match first, one object per item. The text form prints each hit's id, kind, field and language, its
//! snippet, and carets under the matched chars.

use std::io::Write;
use std::sync::Arc;

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use crate::core::content::{Deck, ItemKind, Lang};
use crate::core::search::{Field, Hit, SearchIndex, SearchOptions};
use crate::core::untrusted::to_json_pretty;

/// One hit as `recall search --format json` prints it.
#[derive(Debug, Serialize)]
pub struct SearchResult {
    /// Global id `topic/item`.
    pub id: String,
    /// `section`, `fact`, `compare` or `scenario`.
    pub kind: &'static str,
    /// Topic id.
    pub topic: String,
    /// The matched field's kind (`title`, `prompt`, `answer`, `choice`…).
    pub field: &'static str,
    /// The language of the matched text.
    pub lang: Lang,
    /// The matched text on one line, cut to about 80 columns around the match.
    pub snippet: String,
    /// Higher is better, comparable within one query (terms matched × 1,000,000 + the item's score × 1,000).
    pub score: i64,
    /// Char indices (not bytes) into `snippet` of the matched chars.
    pub positions: Vec<usize>,
    /// The kind, for naming it in the reader's language (JSON keeps `kind`).
    #[serde(skip)]
    pub item_kind: ItemKind,
    /// The field, for naming it in the reader's language (JSON keeps `field`).
    #[serde(skip)]
    pub item_field: Field,
}

/// Searches `deck` for `query`, preferring `lang`, and returns the best `limit` results.
pub fn results(deck: Arc<Deck>, query: &str, lang: Lang, limit: usize) -> Vec<SearchResult> {
    let index = SearchIndex::new(deck);
    let hits = index.search_with(query, &SearchOptions::new(limit, lang));
    hits.into_iter()
        .filter_map(|hit| result(index.deck(), hit))
        .collect()
}

fn result(deck: &Deck, hit: Hit) -> Option<SearchResult> {
    let topic = deck.topics().get(hit.item.topic)?.id.clone();
    Some(SearchResult {
        id: hit.id,
        kind: hit.item.kind.name(),
        topic,
        field: hit.field.name(),
        lang: hit.lang,
        snippet: hit.snippet,
        score: hit.score,
        positions: hit.positions,
        item_kind: hit.item.kind,
        item_field: hit.field,
    })
}

/// Prints results as JSON (one array) to `out`.
pub fn write_json(results: &[SearchResult], out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "{}", to_json_pretty(results)?)
}

/// Prints results as text: a header line, the snippet, and carets under the matched chars.
pub fn write_text(results: &[SearchResult], lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let words = crate::text::of(lang);
    for r in results {
        let (kind, field) = (words.kind(r.item_kind), words.field(r.item_field));
        writeln!(out, "{} [{kind}: {field}, {}]", r.id, r.lang)?;
        writeln!(out, "  {}", r.snippet)?;
        writeln!(out, "  {}", carets(&r.snippet, &r.positions).trim_end())?;
    }
    Ok(())
}

/// A line with `^` under each matched char of `snippet` (as many as the char is wide) and spaces elsewhere.
fn carets(snippet: &str, positions: &[usize]) -> String {
    let mut line = String::new();
    for (i, c) in snippet.chars().enumerate() {
        let mark = if positions.binary_search(&i).is_ok() {
            '^'
        } else {
            ' '
        };
        line.extend(std::iter::repeat_n(mark, c.width().unwrap_or(0)));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_sit_under_the_matched_chars_wide_or_not() {
        assert_eq!(carets("Lambda 한도", &[0, 1, 7, 8]), "^^     ^^^^");
        assert_eq!(carets("ab", &[]), "  ");
    }
}
