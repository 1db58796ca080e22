//! The second pass of a search: the few best candidates scored on their own text, and the hit shown.
//!
//! Each candidate's fields are cut into words again (its text is read from the deck; the index keeps no
//! copy), so this pass knows what the postings do not: in which field each term matched, whether a glossary
//! phrase's words are adjacent, and how close the terms are. An item's score is, per term, its best match
//! (quality × rarity × field weight × BM25's length factor: short fields count more than long ones of the
//! same class), plus a bonus for terms close together in one field. Its hit is its
//! best field among the texts in the preferred language (the other language only when none matches).

use std::collections::HashMap;

use super::candidates::rarity;
use super::dict::{Dictionary, WordId};
use super::expand::{Expansion, Mark, Phrase};
use super::fields::{Field, class_weight, searchable_texts};
use super::tokens::{Span, for_each_word};
use crate::core::content::{Item, Lang, Text};

/// The bonus for two terms side by side in one field (scaled by the field's weight); less as they spread.
const PROXIMITY: f32 = 1.5;
/// BM25's usual parameters: `K1` how much of a match's value depends on its field's length at all, `B` how
/// fully a field's length counts against its class's mean length.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Which terms a word matches: (term index, quality, highlight) each.
type TermHits = Vec<(usize, f32, Mark)>;

/// What the second pass needs about a query: for every relevant word, which terms it matches and how well.
pub struct Lookup<'a> {
    dict: &'a Dictionary,
    words: HashMap<&'a str, (WordId, TermHits)>,
    /// Per term: its phrases (word ids, quality).
    phrases: Vec<&'a [Phrase]>,
    /// Per term: its expansion, which says what rarity a match counts with.
    expansions: &'a [Expansion],
    rarity: HashMap<WordId, f32>,
    terms: usize,
}

impl<'a> Lookup<'a> {
    /// The lookup of a query's expansions over `items` items.
    pub fn new(dict: &'a Dictionary, expansions: &'a [Expansion], items: usize) -> Lookup<'a> {
        let mut lookup = Lookup {
            dict,
            words: HashMap::new(),
            phrases: Vec::new(),
            expansions,
            rarity: HashMap::new(),
            terms: expansions.len(),
        };
        for (term, expansion) in expansions.iter().enumerate() {
            for (&id, &(quality, mark)) in &expansion.words {
                lookup.note(dict, id, items).1.push((term, quality, mark));
            }
            for (phrase, _) in &expansion.phrases {
                for &id in phrase.iter().flatten() {
                    lookup.note(dict, id, items);
                }
            }
            lookup.phrases.push(&expansion.phrases);
        }
        lookup
    }

    /// Makes `id` a relevant word; returns its entry.
    fn note(&mut self, dict: &'a Dictionary, id: WordId, items: usize) -> &mut (WordId, TermHits) {
        self.rarity
            .entry(id)
            .or_insert_with(|| rarity(dict.frequency(id), items));
        self.words
            .entry(dict.word(id))
            .or_insert_with(|| (id, Vec::new()))
    }
}

/// One field's text of an item in one language (or in both).
#[derive(Debug, Clone, Copy)]
pub struct Entry<'t> {
    pub field: Field,
    /// `None` when the text is the same in every language.
    pub lang: Option<Lang>,
    pub text: &'t str,
}

/// Every field text of an item, per language, and its topic's title last.
pub fn entries<'t>(item: Item<'t>, topic: &'t Text) -> Vec<Entry<'t>> {
    let mut out = Vec::new();
    for (field, text) in searchable_texts(item).into_iter().chain([(Field::Topic, topic)]) {
        let (en, ko) = (text.get(Lang::En), text.get(Lang::Ko));
        if en == ko {
            out.push(Entry {
                field,
                lang: None,
                text: en,
            });
        } else {
            out.push(Entry {
                field,
                lang: Some(Lang::En),
                text: en,
            });
            out.push(Entry {
                field,
                lang: Some(Lang::Ko),
                text: ko,
            });
        }
    }
    out
}

/// An item scored on its text.
#[derive(Debug, Clone)]
pub struct Scored {
    /// How many terms matched.
    pub terms: u32,
    pub score: f32,
    /// Index into [`entries`] of the field to show.
    pub entry: usize,
}

/// What one entry gives.
struct EntryScore {
    per_term: Vec<f32>,
    proximity: f32,
    /// Char ranges to highlight.
    marks: Vec<(usize, usize)>,
}

impl EntryScore {
    fn total(&self) -> f32 {
        self.per_term.iter().sum::<f32>() + self.proximity
    }
}

/// Scores one entry's text against the query.
fn score_entry(entry: &Entry<'_>, lookup: &Lookup<'_>, buffer: &mut String) -> EntryScore {
    let weight = class_weight(entry.field.class());
    let mut per_term = vec![0.0f32; lookup.terms];
    let mut at: Vec<(usize, usize)> = Vec::new();
    let mut marks = Vec::new();
    let mut relevant: Vec<(usize, WordId, Span)> = Vec::new();
    let mut position = 0;
    for_each_word(entry.text, buffer, |word, span| {
        if let Some((id, hits)) = lookup.words.get(word) {
            relevant.push((position, *id, span));
            for &(term, quality, mark) in hits {
                let rare = lookup.expansions[term].rarity_of(|| lookup.rarity[id]);
                let value = quality * rare * weight;
                per_term[term] = per_term[term].max(value);
                at.push((position, term));
                marks.push(match mark {
                    Mark::Whole => (span.char_start, span.char_len),
                    Mark::Prefix(n) => (span.char_start, n.min(span.char_len)),
                });
            }
        }
        position += 1;
    });
    for (term, phrases) in lookup.phrases.iter().enumerate() {
        for (phrase, quality) in phrases.iter() {
            for start in 0..relevant.len() {
                let run = &relevant[start..];
                let adjacent = run.len() >= phrase.len()
                    && phrase
                        .iter()
                        .enumerate()
                        .all(|(k, alts)| alts.contains(&run[k].1) && run[k].0 == run[0].0 + k);
                if adjacent {
                    let rarest = lookup.expansions[term].rarity_of(|| {
                        phrase
                            .iter()
                            .map(|alts| lookup.rarity[&alts[0]])
                            .fold(0.0, f32::max)
                    });
                    per_term[term] = per_term[term].max(quality * rarest * weight);
                    at.push((run[0].0, term));
                    marks.extend(run[..phrase.len()].iter().map(|r| (r.2.char_start, r.2.char_len)));
                }
            }
        }
    }
    // A match in a short field (a title `AWS Lambda`, a fact's prompt) says more than one in a long one (a
    // scenario's story): BM25's length normalization against the mean length of the field's class.
    let norm = length_norm(position, lookup.dict.mean_words(entry.field.class()));
    per_term.iter_mut().for_each(|v| *v *= norm);
    let proximity = proximity(&mut at, lookup.terms) * weight;
    EntryScore {
        per_term,
        proximity,
        marks,
    }
}

/// BM25's length factor for one occurrence in a field of `words` words, where fields of its class have
/// `mean` words: 1 at the mean length, up to `K1 + 1` for a very short field, towards 0 for a long one.
fn length_norm(words: usize, mean: f32) -> f32 {
    let relative = words as f32 / mean.max(1.0);
    (K1 + 1.0) / (1.0 + K1 * (1.0 - B + B * relative))
}

/// The proximity bonus of the terms' positions: for `c` terms present, `(c - 1) × c / window` where window
/// is the fewest consecutive words that hold one match of each.
fn proximity(at: &mut [(usize, usize)], terms: usize) -> f32 {
    at.sort_unstable();
    let present = {
        let mut seen = vec![false; terms];
        at.iter().for_each(|&(_, t)| seen[t] = true);
        seen.iter().filter(|&&s| s).count()
    };
    if present < 2 {
        return 0.0;
    }
    let mut counts = vec![0usize; terms];
    let (mut have, mut left, mut window) = (0, 0, usize::MAX);
    for right in 0..at.len() {
        let t = at[right].1;
        counts[t] += 1;
        if counts[t] == 1 {
            have += 1;
        }
        while have == present {
            window = window.min(at[right].0 - at[left].0 + 1);
            let l = at[left].1;
            counts[l] -= 1;
            if counts[l] == 0 {
                have -= 1;
            }
            left += 1;
        }
    }
    PROXIMITY * (present - 1) as f32 * present as f32 / window as f32
}

/// Scores an item on its text: per term the best over its fields, plus the best proximity bonus.
pub fn score_item(item: Item<'_>, topic: &Text, lookup: &Lookup<'_>, prefer: Lang) -> Option<Scored> {
    let mut buffer = String::new();
    let mut best_per_term = vec![0.0f32; lookup.terms];
    let mut best_proximity = 0.0f32;
    // The field shown: a field of the item's own text before its topic's title (which every item of the
    // topic shares), then the one that holds most of the query's terms, in the preferred language when one
    // of those does, then the best scoring.
    let mut shown: Option<((bool, usize, bool, f32), usize)> = None;
    for (e, entry) in entries(item, topic).iter().enumerate() {
        let scored = score_entry(entry, lookup, &mut buffer);
        if scored.marks.is_empty() {
            continue;
        }
        for (best, value) in best_per_term.iter_mut().zip(&scored.per_term) {
            *best = best.max(*value);
        }
        best_proximity = best_proximity.max(scored.proximity);
        let held = scored.per_term.iter().filter(|&&v| v > 0.0).count();
        let key = (
            entry.field != Field::Topic,
            held,
            entry.lang.is_none_or(|l| l == prefer),
            scored.total(),
        );
        let better = shown.as_ref().is_none_or(|(k, _)| {
            (key.0, key.1, key.2)
                .cmp(&(k.0, k.1, k.2))
                .then(key.3.total_cmp(&k.3))
                == std::cmp::Ordering::Greater
        });
        if better {
            shown = Some((key, e));
        }
    }
    let (_, entry) = shown?;
    let terms = best_per_term.iter().filter(|&&v| v > 0.0).count() as u32;
    let score = best_per_term.iter().sum::<f32>() + best_proximity;
    Some(Scored { terms, score, entry })
}

/// The char positions to highlight in `entry`'s text, ascending and distinct.
pub fn positions(entry: &Entry<'_>, lookup: &Lookup<'_>) -> Vec<usize> {
    let scored = score_entry(entry, lookup, &mut String::new());
    let mut out: Vec<usize> = scored
        .marks
        .iter()
        .flat_map(|&(start, len)| start..start + len)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_fields_count_more_than_long_ones() {
        assert_eq!(length_norm(10, 10.0), 1.0, "the mean length counts as is");
        assert!(length_norm(3, 10.0) > 1.0 && length_norm(3, 10.0) < K1 + 1.0);
        assert!(length_norm(40, 10.0) < length_norm(20, 10.0));
        assert!(length_norm(400, 10.0) > 0.0);
        assert_eq!(
            length_norm(5, 0.0),
            length_norm(5, 1.0),
            "no mean: no division by zero"
        );
    }

    #[test]
    fn proximity_rewards_terms_side_by_side() {
        let near = proximity(&mut [(3, 0), (4, 1)], 2);
        let far = proximity(&mut [(0, 0), (9, 1)], 2);
        assert!(near > far && far > 0.0);
        assert_eq!(proximity(&mut [(0, 0), (1, 0)], 2), 0.0, "one term is no pair");
        let picked = proximity(&mut [(0, 0), (20, 1), (21, 0)], 2);
        assert_eq!(picked, near, "the closest pair counts");
    }
}
