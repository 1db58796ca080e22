//! Search over every text of a deck, in both languages, by words (issue 12).
//!
//! [`SearchIndex::new`] indexes a [`Deck`] once (see `dict`): every distinct word of every searchable field
//! ([`Field`]), in both languages, with the items it occurs in; and the deck's glossary (see `aliases`). The
//! index keeps no copy of the deck's texts: it holds the deck (an `Arc`) and reads an item's text only to
//! score and show it.
//!
//! A query ([`SearchIndex::search_with`]) is cut into words and grouped into terms (`query`: glossary
//! spellings such as `스텝 펑션` or `DDB` become one term). Each term matches words (`expand`): itself, its
//! glossary spellings, words it begins, and only when none of those exist, typos within one word. Letters
//! scattered across a text never match. The first pass (`candidates`) finds the items holding enough of the
//! terms from the postings and scores them roughly; the second (`rescore`) reads the best few and ranks them by
//! field (prompt, title, answer above body, why, explanation), the field's length, word rarity, and how close
//! the terms are. A query whose terms match nothing has no hits.
//!
//! Query syntax: whitespace-separated words, case-insensitive, in any order; a query of Hangul consonants and
//! no syllable (`ㄹㄷ`) matches Hangul words by their initial consonants (`람다`).

mod aliases;
mod candidates;
mod dict;
mod expand;
mod fields;
pub mod forms;
mod query;
mod rescore;
mod snippet;
mod tokens;

use std::sync::Arc;

use crate::core::content::{Deck, ItemRef, Lang};

pub use fields::{Field, searchable_texts};
pub use query::MAX_QUERY_CHARS;
pub use snippet::MIN_WIDTH;

use aliases::Aliases;
use candidates::{Pass, required_terms};
use dict::Dictionary;
use expand::Expansion;
use query::Query;
use rescore::Lookup;

/// The default width of a hit's snippet, in terminal columns.
pub const SNIPPET_WIDTH: usize = 80;
/// How many candidates beyond the limit the second pass reads: the first pass's rough order is close, not
/// exact.
const RESCORE_EXTRA: usize = 40;

/// One search result: the best-matching field of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The item, to open it with [`Deck::item`].
    pub item: ItemRef,
    /// The item's global id (`topic/item`).
    pub id: String,
    /// The field that matched best.
    pub field: Field,
    /// The language of the matched text (the preferred one when the text is the same in both).
    pub lang: Lang,
    /// The matched text on one line; long texts are cut to a window around the match, marked with `…`. When
    /// only the item's topic matched ([`Field::Topic`]), the topic's title, ` › ` and the item's headline
    /// (its title or prompt).
    pub snippet: String,
    /// Char indices (not byte offsets) into `snippet` of the matched chars, ascending, to highlight.
    pub positions: Vec<usize>,
    /// Higher is better, comparable within one query: the number of terms matched × 1,000,000, plus the
    /// item's score (× 1,000) from its fields, the words' rarity and the terms' proximity.
    pub score: i64,
}

/// How to search: how many hits, which language to show, how wide the snippets may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchOptions {
    /// The most hits to return.
    pub limit: usize,
    /// The language to show an item in when its text in this language matches (else the other language).
    pub prefer: Lang,
    /// The widest snippet, in terminal columns (at least [`MIN_WIDTH`]).
    pub width: usize,
}

impl SearchOptions {
    /// Options with `limit` and `prefer`, and snippets of [`SNIPPET_WIDTH`] columns.
    pub fn new(limit: usize, prefer: Lang) -> SearchOptions {
        SearchOptions {
            limit,
            prefer,
            width: SNIPPET_WIDTH,
        }
    }
}

/// A word index of a deck. Build it once per deck (off the interface's thread: it reads every text), query
/// it many times.
pub struct SearchIndex {
    deck: Arc<Deck>,
    dict: Dictionary,
    aliases: Aliases,
    /// Every item, in deck order: postings name items by their index here.
    items: Vec<ItemRef>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("items", &self.items.len())
            .field("words", &self.dict.len())
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Indexes every searchable field of every item of `deck`, in both languages, and its glossary.
    pub fn new(deck: Arc<Deck>) -> SearchIndex {
        let items: Vec<ItemRef> = deck.items().map(|(item, _)| item).collect();
        let texts = |add: &mut dyn FnMut(u32, u8, &str)| {
            for (i, (item, content)) in deck.items().enumerate() {
                let topic = &deck.topics()[item.topic].title;
                for (field, text) in searchable_texts(content)
                    .into_iter()
                    .chain([(Field::Topic, topic)])
                {
                    for variant in text.variants() {
                        add(i as u32, field.class(), variant);
                    }
                }
            }
        };
        SearchIndex {
            dict: Dictionary::build(texts),
            aliases: Aliases::new(deck.glossary()),
            items,
            deck,
        }
    }

    /// The deck this index reads.
    pub fn deck(&self) -> &Arc<Deck> {
        &self.deck
    }

    /// How many items are indexed.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the index has no item.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many distinct words the index holds, and roughly how many bytes (for benchmarks).
    pub fn size(&self) -> (usize, usize) {
        (self.dict.len(), self.dict.heap_bytes() + self.items.len() * 24)
    }

    /// The best `limit` hits for `query`, one per item, best first, shown in English when English matches.
    /// An empty or blank query has no hits.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_with(query, &SearchOptions::new(limit, Lang::En))
    }

    /// The best `options.limit` hits for `query`: one per item, best first (ties in deck order).
    ///
    /// An item's hit is its best field among the texts in `options.prefer` (texts the same in both languages
    /// count as both); only when none of those match, its best field in the other language. An empty or
    /// blank query, or one whose words match nothing, has no hits.
    pub fn search_with(&self, query: &str, options: &SearchOptions) -> Vec<Hit> {
        self.search_until(query, options, &|| false).unwrap_or_default()
    }

    /// [`SearchIndex::search_with`] that gives up (`None`) as soon as `cancelled` says so; it is asked
    /// between steps, so a query superseded by a newer keystroke stops early.
    pub fn search_until(
        &self,
        query: &str,
        options: &SearchOptions,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Vec<Hit>> {
        let Some(query) = Query::parse(query, &self.aliases) else {
            return Some(Vec::new());
        };
        if options.limit == 0 {
            return Some(Vec::new());
        }
        let mut expansions: Vec<Expansion> = Vec::with_capacity(query.terms.len());
        let mut pass = Pass::new(&self.dict, self.items.len());
        for (t, term) in query.terms.iter().enumerate() {
            if cancelled() {
                return None;
            }
            let expansion = expand::expand(term, &self.dict, &self.aliases, self.items.len());
            pass.add_term(t, &expansion);
            expansions.push(expansion);
        }
        let required = required_terms(query.terms.len());
        let keep = options
            .limit
            .saturating_add(RESCORE_EXTRA)
            .max(options.limit.saturating_mul(2));
        let candidates = pass.best(required, keep);
        let lookup = Lookup::new(&self.dict, &expansions, self.items.len());
        let mut scored = Vec::with_capacity(candidates.len());
        for (n, candidate) in candidates.iter().enumerate() {
            if n % 16 == 0 && cancelled() {
                return None;
            }
            let at = candidate.item as usize;
            let Some(item) = self.deck.item(self.items[at]) else {
                continue;
            };
            let topic = &self.deck.topics()[self.items[at].topic].title;
            if let Some(s) = rescore::score_item(item, topic, &lookup, options.prefer)
                && s.terms as usize >= required
            {
                scored.push((at, s));
            }
        }
        scored.sort_by(|a, b| {
            (b.1.terms, b.1.score)
                .partial_cmp(&(a.1.terms, a.1.score))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.0.cmp(&b.0))
        });
        scored.truncate(options.limit);
        Some(
            scored
                .into_iter()
                .filter_map(|(at, s)| self.hit(at, &s, &lookup, options))
                .collect(),
        )
    }

    /// The full hit of a scored item: its field, snippet, highlighted positions and id.
    fn hit(
        &self,
        at: usize,
        scored: &rescore::Scored,
        lookup: &Lookup<'_>,
        options: &SearchOptions,
    ) -> Option<Hit> {
        let item_ref = self.items[at];
        let item = self.deck.item(item_ref)?;
        let topic = &self.deck.topics()[item_ref.topic].title;
        let entry = *rescore::entries(item, topic).get(scored.entry)?;
        let lang = entry.lang.unwrap_or(options.prefer);
        let positions = rescore::positions(&entry, lookup);
        // Only the topic's title matched: say which item of the topic it is, after the matched title (whose
        // positions stay where they are).
        let topic_and_headline;
        let text = match searchable_texts(item).first() {
            Some((_, headline)) if entry.field == Field::Topic => {
                topic_and_headline = format!("{} › {}", entry.text, headline.get(lang));
                topic_and_headline.as_str()
            }
            _ => entry.text,
        };
        let (snippet, positions) = snippet::snippet(text, &positions, options.width);
        Some(Hit {
            item: item_ref,
            id: self.deck.global_id(item_ref)?,
            field: entry.field,
            lang,
            snippet,
            positions,
            score: i64::from(scored.terms) * 1_000_000 + (scored.score * 1000.0).round() as i64,
        })
    }
}
