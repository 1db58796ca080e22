//! The first pass of a search: which items match which terms, and a rough score, from the postings alone.
//!
//! Each term's matched words ([`Expansion`]) add to the items they occur in: the word's quality × its rarity
//! (inverse document frequency: `lambda` is in most items of this deck, `pitr` in a few) × the weight of the
//! best field class it occurs in. An item keeps, per term, its best word; it is a candidate when it has
//! enough of the terms ([`required_terms`]). No text is read here; [`super::rescore`] reads the few best.

use super::dict::Dictionary;
use super::expand::Expansion;
use super::fields::class_weight;

/// A candidate item after the first pass.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// Item index in deck order.
    pub item: u32,
    /// How many terms it matched.
    pub terms: u32,
    /// The rough score.
    pub score: f32,
}

/// How many of a query's `n` terms an item must match: all of one or two; one may be missing from three,
/// and one in three from longer queries (learners add words the deck does not use).
pub fn required_terms(n: usize) -> usize {
    n - n / 3
}

/// The rarity weight of a word found in `frequency` of `items` items.
pub fn rarity(frequency: usize, items: usize) -> f32 {
    (1.0 + items as f32 / frequency.max(1) as f32).ln()
}

/// Per-item accumulators of one search, reused across its terms.
pub struct Pass<'a> {
    dict: &'a Dictionary,
    items: usize,
    total: Vec<f32>,
    matched: Vec<u16>,
    best: Vec<f32>,
    touched: Vec<u32>,
    seen: Vec<u32>,
}

impl<'a> Pass<'a> {
    /// An empty pass over a deck of `items` items.
    pub fn new(dict: &'a Dictionary, items: usize) -> Pass<'a> {
        Pass {
            dict,
            items,
            total: vec![0.0; items],
            matched: vec![0; items],
            best: vec![0.0; items],
            touched: Vec::new(),
            seen: Vec::new(),
        }
    }

    /// Adds term number `term`'s matches.
    pub fn add_term(&mut self, term: usize, expansion: &Expansion) {
        for (&word, &(quality, _)) in &expansion.words {
            let rare = expansion.rarity_of(|| rarity(self.dict.frequency(word), self.items));
            let weight = quality * rare;
            for (item, class) in self.dict.postings(word) {
                self.offer(item, weight * class_weight(class));
            }
        }
        for (phrase, quality) in &expansion.phrases {
            self.add_phrase(phrase, *quality, expansion);
        }
        for &item in &self.touched {
            let i = item as usize;
            if self.matched[i] == 0 {
                self.seen.push(item);
            }
            self.total[i] += self.best[i];
            self.matched[i] |= 1 << term;
            self.best[i] = 0.0;
        }
        self.touched.clear();
    }

    /// Items that have every word of a phrase (adjacency is checked on the text, in the second pass).
    fn add_phrase(&mut self, phrase: &[Vec<u32>], quality: f32, expansion: &Expansion) {
        let dict = self.dict;
        let Some(rarest) = phrase
            .iter()
            .map(|alts| alts[0])
            .min_by_key(|&w| dict.frequency(w))
        else {
            return;
        };
        let weight = quality * expansion.rarity_of(|| rarity(dict.frequency(rarest), self.items));
        // Only items with one of the words of the phrase's least common position can hold it: those are
        // scanned (every alternative, so `콜드 스타트를` is found as well as `콜드 스타트`).
        let Some(scan) = phrase
            .iter()
            .min_by_key(|alts| alts.iter().map(|&w| dict.frequency(w)).sum::<usize>())
        else {
            return;
        };
        // Each word's items, decoded once, to look items up in (postings are stored as gaps).
        let items_of: Vec<Vec<Vec<u32>>> = phrase
            .iter()
            .map(|alts| {
                alts.iter()
                    .map(|&w| dict.postings(w).map(|(item, _)| item).collect())
                    .collect()
            })
            .collect();
        for &word in scan {
            for (item, class) in dict.postings(word) {
                let everywhere = items_of
                    .iter()
                    .all(|alts| alts.iter().any(|items| items.binary_search(&item).is_ok()));
                if everywhere {
                    self.offer(item, weight * class_weight(class));
                }
            }
        }
    }

    fn offer(&mut self, item: u32, value: f32) {
        let best = &mut self.best[item as usize];
        if *best == 0.0 {
            self.touched.push(item);
        }
        if value > *best {
            *best = value;
        }
    }

    /// The items that matched at least `required` terms, best first (more terms, then higher score, then
    /// deck order), at most `keep` of them.
    pub fn best(self, required: usize, keep: usize) -> Vec<Candidate> {
        let mut found: Vec<Candidate> = self
            .seen
            .iter()
            .map(|&item| Candidate {
                item,
                terms: self.matched[item as usize].count_ones(),
                score: self.total[item as usize],
            })
            .filter(|c| c.terms as usize >= required)
            .collect();
        let order = |a: &Candidate, b: &Candidate| {
            b.terms
                .cmp(&a.terms)
                .then(b.score.total_cmp(&a.score))
                .then(a.item.cmp(&b.item))
        };
        if found.len() > keep && keep > 0 {
            found.select_nth_unstable_by(keep - 1, order);
            found.truncate(keep);
        }
        found.truncate(keep);
        found.sort_unstable_by(order);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::search::dict::Builder;

    #[test]
    fn a_phrase_counts_quality_times_rarity_times_field_weight_in_every_spelling() {
        let mut b = Builder::default();
        b.add(0, 1, "콜드 스타트를 줄입니다"); // a title: weight 1
        b.add(1, 1 << 5, "콜드 스타트"); // a body: weight 0.4
        b.add(2, 1, "콜드 브루");
        let d = b.finish();
        let id = |w: &str| d.find(w).unwrap();
        let mut e = Expansion::default();
        let phrase = vec![vec![id("콜드")], vec![id("스타트"), id("스타트를")]];
        e.phrases.push((phrase, 0.8));
        let mut pass = Pass::new(&d, 3);
        pass.add_term(0, &e);
        let found: Vec<(u32, f32)> = pass.best(1, 10).iter().map(|c| (c.item, c.score)).collect();
        // The phrase's rarity is its rarest word's, `스타트` (one item of three); item 0 has `스타트를` only.
        let rare = rarity(1, 3);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0], (0, 0.8 * rare));
        assert_eq!(found[1], (1, 0.8 * rare * 0.4));
    }
}
