//! Fuzzy search over every text of a deck, in both languages (issue 4).
//!
//! [`SearchIndex::new`] indexes a [`Deck`] once: every searchable field ([`Field`]) of every item, per
//! language, with its precomputed folded and choseong forms and char mask ([`forms`]).
//! [`SearchIndex::search_with`] then answers queries many times: it keeps each item's best field, scored by
//! skim's fuzzy matcher (`fuzzy_matcher::skim::SkimMatcherV2`; a term found contiguously gets a bonus, see
//! `score`), and ranks items best score first, ties in deck order. The scan (`scan`) skips what cannot match or cannot make the results, so a query over 100,000
//! items stays within a frame. Only the hits returned get matched positions and a one-line snippet. The index
//! owns its text; it does not borrow the deck.
//!
//! Query syntax: whitespace-separated terms that must all match one field, in any order; case-insensitive;
//! a query of Hangul consonants and no syllable (`ㄹㄷ`) matches initial consonants (`람다`).

mod bound;
mod fields;
pub mod forms;
mod query;
mod rank;
mod scan;
mod score;
mod skim;
mod snippet;
#[cfg(test)]
mod tests;

/// Random texts and query terms over a small alphabet (Latin, Hangul syllables and a consonant,
/// punctuation), so matches are frequent; shared by the scoring and bounding property tests.
#[cfg(test)]
mod strategies {
    use proptest::prelude::Strategy;

    pub fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[-ab xy/.:1가람ㄹA]{0,30}").unwrap()
    }

    pub fn term() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[-ab/.:1람ㄹ]{1,5}").unwrap()
    }
}

use std::ops::Range;

use crate::core::content::{Deck, ItemRef, Lang};

pub use fields::{Field, searchable_texts};
pub use query::MAX_QUERY_CHARS;
pub use snippet::MIN_WIDTH;

use bound::Shape;
use query::{Form, Query};
use rank::Candidate;

/// The default width of a hit's snippet, in terminal columns.
pub const SNIPPET_WIDTH: usize = 80;

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
    /// The matched text on one line; long texts are cut to a window around the match, marked with `…`.
    pub snippet: String,
    /// Char indices (not byte offsets) into `snippet` of the matched chars, ascending, to highlight.
    pub positions: Vec<usize>,
    /// skim's fuzzy score, higher is better (summed over the query's terms).
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

/// A precomputed index of every searchable text of a deck. Build it once per deck, query it many times.
pub struct SearchIndex {
    /// Every stored string (original, folded, choseong forms), back to back.
    arena: String,
    /// What a hit reports about each item, in deck order.
    items: Vec<(ItemRef, String)>,
    /// What the scan reads about each item, in deck order (kept small, for the cache).
    scan: Vec<ItemScan>,
    /// Every field text of every item, grouped by item, in [`searchable_texts`] order.
    entries: Vec<Entry>,
    /// What the scan reads about each entry (same indices as `entries`, kept small for the cache).
    probes: Vec<Probe>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("items", &self.items.len())
            .field("texts", &self.entries.len())
            .finish_non_exhaustive()
    }
}

/// An item as the scan sees it.
#[derive(Debug)]
struct ItemScan {
    /// Union of its entries' masks.
    mask: u64,
    /// Union of the mask bits of its entries' first chars (a match there scores higher).
    starts: u64,
    /// Union of its entries' shapes.
    shape: Shape,
    entries: Range<usize>,
}

/// One field's text in one language (or in both, when they are the same).
#[derive(Debug)]
struct Entry {
    field: Field,
    text: Span,
    folded: Span,
    choseong: Span,
}

/// What the scan checks about an entry before reading its text.
#[derive(Debug, Clone, Copy)]
struct Probe {
    mask: u64,
    /// The first chars of the folded and choseong forms (`'\0'` if empty), to bound scores without reading
    /// the text.
    starts: [char; 2],
    /// The shape of both forms, to bound scores without reading the text.
    shape: Shape,
    /// `None` when the text is the same in every language.
    lang: Option<Lang>,
}

/// A byte range of the arena.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

impl SearchIndex {
    /// Indexes every searchable field of every item of `deck`, in both languages.
    pub fn new(deck: &Deck) -> SearchIndex {
        let mut index = SearchIndex {
            arena: String::new(),
            items: Vec::with_capacity(deck.item_count()),
            scan: Vec::with_capacity(deck.item_count()),
            entries: Vec::new(),
            probes: Vec::new(),
        };
        for (item, content) in deck.items() {
            let start = index.entries.len();
            let (mut mask, mut starts, mut shape) = (0, 0, Shape::default());
            for (field, text) in searchable_texts(content) {
                let (en, ko) = (text.get(Lang::En), text.get(Lang::Ko));
                let langs = if en == ko {
                    vec![(None, en)]
                } else {
                    vec![(Some(Lang::En), en), (Some(Lang::Ko), ko)]
                };
                for (lang, text) in langs {
                    let probe = index.push_entry(field, lang, text);
                    mask |= probe.mask;
                    starts |= probe.starts.iter().fold(0, |m, &c| m | forms::mask_bit(c));
                    shape = shape.union(probe.shape);
                }
            }
            let entries = start..index.entries.len();
            index.scan.push(ItemScan {
                mask,
                starts,
                shape,
                entries,
            });
            index.items.push((item, deck.global_id(item).unwrap_or_default()));
        }
        index
    }

    /// How many items are indexed.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the index has no item.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The best `limit` hits for `query`, one per item, best first, shown in English when English matches.
    /// An empty or blank query has no hits.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_with(query, &SearchOptions::new(limit, Lang::En))
    }

    /// The best `options.limit` hits for `query`: one per item, ranked by score (ties in deck order).
    ///
    /// An item's hit is its best-scoring field among the texts in `options.prefer` (texts the same in both
    /// languages count as both); only when none of those match, its best field in the other language.
    /// An empty or blank query has no hits.
    pub fn search_with(&self, query: &str, options: &SearchOptions) -> Vec<Hit> {
        let Some(query) = Query::parse(query) else {
            return Vec::new();
        };
        self.ranked(&query, options.limit, options.prefer)
            .iter()
            .filter_map(|c| self.hit(&query, c, options))
            .collect()
    }

    /// The full hit of a ranked candidate: positions, snippet, id.
    fn hit(&self, query: &Query, c: &Candidate, options: &SearchOptions) -> Option<Hit> {
        let (item, id) = &self.items[c.item];
        let (entry, probe) = (&self.entries[c.entry], &self.probes[c.entry]);
        let (_, positions) = query.indices(self.form(entry, query.form))?;
        let (snippet, positions) = snippet::snippet(self.text(entry.text), &positions, options.width);
        Some(Hit {
            item: *item,
            id: id.clone(),
            field: entry.field,
            lang: probe.lang.unwrap_or(options.prefer),
            snippet,
            positions,
            score: c.score,
        })
    }

    /// The first char of [`SearchIndex::form`].
    fn form_start(probe: &Probe, form: Form) -> char {
        match form {
            Form::Folded => probe.starts[0],
            Form::Choseong => probe.starts[1],
        }
    }

    /// The form of an entry's text that `form` queries match against.
    fn form(&self, entry: &Entry, form: Form) -> &str {
        match form {
            Form::Folded => self.text(entry.folded),
            Form::Choseong => self.text(entry.choseong),
        }
    }

    fn text(&self, span: Span) -> &str {
        &self.arena[span.start..span.end]
    }

    /// Stores one text and its forms; returns its probe.
    fn push_entry(&mut self, field: Field, lang: Option<Lang>, text: &str) -> Probe {
        let folded_text = forms::fold(text);
        let choseong_text = forms::choseong_form(text);
        let cho = choseong_text.as_deref().unwrap_or(&folded_text);
        let first = |s: &str| s.chars().next().unwrap_or('\0');
        let probe = Probe {
            mask: forms::char_mask(&folded_text) | forms::char_mask(cho),
            starts: [first(&folded_text), first(cho)],
            shape: Shape::of(&folded_text).union(Shape::of(cho)),
            lang,
        };
        let text_span = self.store(text);
        let folded = if folded_text == text {
            text_span
        } else {
            self.store(&folded_text)
        };
        let choseong = choseong_text.map_or(folded, |c| self.store(&c));
        self.entries.push(Entry {
            field,
            text: text_span,
            folded,
            choseong,
        });
        self.probes.push(probe);
        probe
    }

    fn store(&mut self, s: &str) -> Span {
        let start = self.arena.len();
        self.arena.push_str(s);
        Span {
            start,
            end: self.arena.len(),
        }
    }
}
