//! The deck's word dictionary: every distinct (folded) word once, sorted, with the items it occurs in.
//!
//! A sorted array answers what search asks of it: a word ([`Dictionary::find`]), every word with a prefix
//! ([`Dictionary::prefix`], one binary search for a contiguous range), and a linear pass over the words for
//! typos ([`Dictionary::words`]). Postings are per item, not per occurrence: an item id and a bit set of the
//! field classes ([`super::fields::Class`]) the word occurs in. That keeps the index a fraction of the deck's
//! size; positions are recomputed from the deck's own text for the few items that are shown. It also keeps
//! the mean length, in words, of the fields of each class, against which a match's field is short or long.

use std::collections::HashMap;
use std::ops::Range;

use super::fields::{CLASSES, class_index};
use super::forms::{char_mask, choseong_form};
use super::tokens::{for_each_word, is_hangul};

/// A word's index in the sorted dictionary.
pub type WordId = u32;

/// Something that gives every text to index, as `(item, field class bit, text)`, items ascending (several
/// texts of one item in a row). [`Dictionary::build`] asks for them twice.
pub trait Texts {
    /// Calls `add` with every text, in the same order each time.
    fn each(&self, add: &mut dyn FnMut(u32, u8, &str));
}

impl<F: Fn(&mut dyn FnMut(u32, u8, &str))> Texts for F {
    fn each(&self, add: &mut dyn FnMut(u32, u8, &str)) {
        self(add)
    }
}

/// What the build tracks of one word: where its next posting and its next item bytes go (counts, in the
/// first pass), and the last item it was seen in with that posting's slot, to add a field class to it.
#[derive(Debug, Clone, Copy)]
struct WordState {
    next: u32,
    next_byte: u32,
    last_item: u32,
    last_at: u32,
}

impl WordState {
    const UNSEEN: WordState = WordState {
        next: 0,
        next_byte: 0,
        last_item: u32::MAX,
        last_at: 0,
    };

    /// Records the word in `item`: the slot for a new posting, where its item's bytes go and the gap they
    /// hold; `None` when the item already has a posting.
    fn posting(&mut self, item: u32) -> Option<(u32, u32, u32)> {
        if self.last_item == item {
            return None;
        }
        let gap = if self.last_item == u32::MAX {
            item
        } else {
            item - self.last_item
        };
        let (at, byte) = (self.next, self.next_byte);
        *self = WordState {
            next: at + 1,
            next_byte: byte + varint::len(gap),
            last_item: item,
            last_at: at,
        };
        Some((at, byte, gap))
    }
}

/// Texts gathered one at a time, for tests that build a small dictionary by hand.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct Builder(Vec<(u32, u8, String)>);

#[cfg(test)]
impl Builder {
    /// Adds a text of `item` in a field of class bit `class`.
    pub fn add(&mut self, item: u32, class: u8, text: &str) {
        self.0.push((item, class, text.to_string()));
    }

    /// The dictionary of the texts added.
    pub fn finish(self) -> Dictionary {
        Dictionary::build(|add: &mut dyn FnMut(u32, u8, &str)| {
            for (item, class, text) in &self.0 {
                add(*item, *class, text);
            }
        })
    }
}

impl Dictionary {
    /// Indexes every word of `texts`.
    ///
    /// Two passes over the texts: the first counts each word's postings (and their bytes), the second writes
    /// them straight to their place. Building in one pass would hold each posting twice, in a growing list per word or in a
    /// log, and a 100,000-item deck has some twelve million postings: fifty megabytes more at the interface's
    /// peak, for a second pass that runs off the interface's thread.
    pub fn build(texts: impl Texts) -> Dictionary {
        let mut ids: HashMap<Box<str>, u32> = HashMap::new();
        let mut states: Vec<WordState> = Vec::new();
        let mut lengths = [(0u64, 0u64); CLASSES];
        let mut buffer = String::new();
        texts.each(&mut |item, class, text| {
            let length = &mut lengths[class_index(class)];
            length.1 += 1;
            for_each_word(text, &mut buffer, |word, _| {
                length.0 += 1;
                let id = match ids.get(word) {
                    Some(&id) => id,
                    None => {
                        let id = states.len() as u32;
                        ids.insert(word.into(), id);
                        states.push(WordState::UNSEEN);
                        id
                    }
                };
                states[id as usize].posting(item);
            });
        });
        let (mut dict, rank) = Dictionary::sorted_words(&ids, &mut states, lengths);
        texts.each(&mut |item, class, text| {
            for_each_word(text, &mut buffer, |word, _| {
                let id = ids[word];
                let state = &mut states[rank[id as usize] as usize];
                match state.posting(item) {
                    Some((at, byte, gap)) => {
                        varint::write(gap, &mut dict.gaps[byte as usize..]);
                        dict.classes[at as usize] = class;
                    }
                    None => dict.classes[state.last_at as usize] |= class,
                }
            });
        });
        dict
    }

    /// The words of `ids`, sorted, with room for their postings (counted in `states`, which this turns into
    /// per-word write positions indexed by sorted id); and each first-seen id's sorted id.
    fn sorted_words(
        ids: &HashMap<Box<str>, u32>,
        states: &mut Vec<WordState>,
        lengths: [(u64, u64); CLASSES],
    ) -> (Dictionary, Vec<u32>) {
        let mut sorted: Vec<(&str, u32)> = ids.iter().map(|(w, &id)| (&**w, id)).collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let total = states.iter().map(|s| s.next as usize).sum();
        let total_bytes = states.iter().map(|s| s.next_byte as usize).sum();
        let mut dict = Dictionary {
            arena: String::with_capacity(sorted.iter().map(|(w, _)| w.len()).sum()),
            bounds: Vec::with_capacity(sorted.len() + 1),
            masks: Vec::with_capacity(sorted.len()),
            lens: Vec::with_capacity(sorted.len()),
            starts: Vec::with_capacity(sorted.len() + 1),
            gap_starts: Vec::with_capacity(sorted.len() + 1),
            gaps: vec![0; total_bytes],
            classes: vec![0; total],
            choseong: Vec::new(),
            mean_words: lengths.map(|(words, fields)| words as f32 / fields.max(1) as f32),
        };
        dict.bounds.push(0);
        dict.starts.push(0);
        dict.gap_starts.push(0);
        let mut by_rank = Vec::with_capacity(sorted.len());
        let mut rank_of = vec![0; sorted.len()];
        for (rank, (word, first_seen)) in sorted.iter().enumerate() {
            rank_of[*first_seen as usize] = rank as u32;
            dict.arena.push_str(word);
            dict.bounds.push(dict.arena.len() as u32);
            dict.masks.push(char_mask(word));
            dict.lens.push(word.chars().count().min(255) as u8);
            let counted = states[*first_seen as usize];
            let start = *dict.starts.last().expect("starts begins with 0");
            let gap_start = *dict.gap_starts.last().expect("gap_starts begins with 0");
            dict.starts.push(start + counted.next);
            dict.gap_starts.push(gap_start + counted.next_byte);
            by_rank.push(WordState {
                next: start,
                next_byte: gap_start,
                ..WordState::UNSEEN
            });
            if is_hangul(word)
                && let Some(form) = choseong_form(word)
            {
                dict.choseong.push((form.into(), rank as u32));
            }
        }
        *states = by_rank;
        dict.choseong.sort_unstable();
        (dict, rank_of)
    }
}

/// The postings of one word, decoded as they are read: `(item, field class bits)`, items ascending.
#[derive(Debug, Clone)]
pub struct Postings<'a> {
    gaps: &'a [u8],
    classes: std::slice::Iter<'a, u8>,
    item: u32,
}

impl Iterator for Postings<'_> {
    type Item = (u32, u8);

    fn next(&mut self) -> Option<(u32, u8)> {
        let &class = self.classes.next()?;
        let (gap, used) = varint::read(self.gaps);
        self.gaps = &self.gaps[used..];
        self.item += gap;
        Some((self.item, class))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.classes.size_hint()
    }
}

impl ExactSizeIterator for Postings<'_> {}

/// LEB128: seven bits a byte, low first, the high bit set on every byte but the last.
mod varint {
    /// How many bytes `n` takes.
    pub fn len(n: u32) -> u32 {
        (32 - (n | 1).leading_zeros()).div_ceil(7)
    }

    /// Writes `n` at the start of `out` (which has room for it).
    pub fn write(mut n: u32, out: &mut [u8]) {
        let mut i = 0;
        while n >= 0x80 {
            out[i] = (n as u8) | 0x80;
            n >>= 7;
            i += 1;
        }
        out[i] = n as u8;
    }

    /// The number at the start of `bytes`, and how many bytes it took.
    pub fn read(bytes: &[u8]) -> (u32, usize) {
        let mut n = 0u32;
        for (i, &b) in bytes.iter().enumerate() {
            n |= u32::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return (n, i + 1);
            }
        }
        (n, bytes.len())
    }
}

/// Every distinct word of a deck, sorted, with its postings.
#[derive(Debug, Default)]
pub struct Dictionary {
    /// The words back to back, in sorted order.
    arena: String,
    /// Word `i` is `arena[bounds[i]..bounds[i + 1]]`.
    bounds: Vec<u32>,
    /// Each word's char mask, to rule words out of a typo scan without reading them.
    masks: Vec<u64>,
    /// Each word's length in chars (capped at 255).
    lens: Vec<u8>,
    /// Word `i` has postings `starts[i]..starts[i + 1]`: their field classes are that range of `classes`,
    /// their items the gaps in `gaps[gap_starts[i]..gap_starts[i + 1]]`.
    starts: Vec<u32>,
    /// Each posting's item as the gap from the word's previous one (the first: the item), in [`varint`]s: a
    /// byte or two where a plain item takes four, and the postings are most of the index.
    gaps: Vec<u8>,
    gap_starts: Vec<u32>,
    classes: Vec<u8>,
    /// The choseong form of every Hangul word (`람다` → `ㄹㄷ`), sorted, with the word.
    choseong: Vec<(Box<str>, WordId)>,
    /// Per field class: the mean number of words of its fields.
    mean_words: [f32; CLASSES],
}

impl Dictionary {
    /// How many distinct words.
    pub fn len(&self) -> usize {
        self.masks.len()
    }

    /// Word `id`.
    pub fn word(&self, id: WordId) -> &str {
        let i = id as usize;
        &self.arena[self.bounds[i] as usize..self.bounds[i + 1] as usize]
    }

    /// The id of `word`, if the deck has it.
    pub fn find(&self, word: &str) -> Option<WordId> {
        let at = self.partition(|w| w < word);
        (at < self.len() && self.word(at as WordId) == word).then_some(at as WordId)
    }

    /// Every word starting with `prefix` (the word itself included), as a range of ids.
    pub fn prefix(&self, prefix: &str) -> Range<WordId> {
        let start = self.partition(|w| w < prefix);
        let end = start + self.partition_from(start, |w| w.starts_with(prefix));
        start as WordId..end as WordId
    }

    /// Every Hangul word whose choseong form starts with `consonants`.
    pub fn choseong_prefix<'a>(&'a self, consonants: &'a str) -> impl Iterator<Item = (WordId, bool)> + 'a {
        let start = self.choseong.partition_point(|(c, _)| &**c < consonants);
        self.choseong[start..]
            .iter()
            .take_while(move |(c, _)| c.starts_with(consonants))
            .map(move |(c, id)| (*id, c.len() == consonants.len()))
    }

    /// Every word id with its char mask and char length, for scans that filter before reading the word.
    pub fn words(&self) -> impl Iterator<Item = (WordId, u64, usize)> + '_ {
        (0..self.len()).map(|i| (i as WordId, self.masks[i], usize::from(self.lens[i])))
    }

    /// The items word `id` occurs in (ascending), each with the field classes it occurs in there.
    pub fn postings(&self, id: WordId) -> Postings<'_> {
        let i = id as usize;
        let gaps = &self.gaps[self.gap_starts[i] as usize..self.gap_starts[i + 1] as usize];
        let classes = &self.classes[self.starts[i] as usize..self.starts[i + 1] as usize];
        Postings {
            gaps,
            classes: classes.iter(),
            item: 0,
        }
    }

    /// How many items word `id` occurs in.
    pub fn frequency(&self, id: WordId) -> usize {
        let i = id as usize;
        (self.starts[i + 1] - self.starts[i]) as usize
    }

    /// The mean number of words of the fields of class bit `class` (0 for a class no field has).
    pub fn mean_words(&self, class: u8) -> f32 {
        self.mean_words[class_index(class)]
    }

    /// Bytes held (for the memory figures in benches).
    pub fn heap_bytes(&self) -> usize {
        self.arena.len()
            + self.bounds.len() * 4
            + self.masks.len() * 8
            + self.lens.len()
            + self.starts.len() * 4
            + self.gap_starts.len() * 4
            + self.gaps.len()
            + self.classes.len()
            + self.choseong.iter().map(|(c, _)| c.len() + 20).sum::<usize>()
    }

    /// The first word index at which `before` is false (words are sorted).
    fn partition(&self, before: impl Fn(&str) -> bool) -> usize {
        self.partition_from(0, before)
    }

    fn partition_from(&self, from: usize, before: impl Fn(&str) -> bool) -> usize {
        let (mut lo, mut hi) = (from, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if before(self.word(mid as WordId)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo - from
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict() -> Dictionary {
        let mut b = Builder::default();
        b.add(0, 1, "Lambda layers and Lambda@Edge");
        b.add(0, 2, "lambda");
        b.add(1, 4, "람다 함수의 한도, lamb");
        b.finish()
    }

    #[test]
    fn words_are_sorted_and_distinct_with_postings_per_item() {
        let d = dict();
        let all: Vec<&str> = (0..d.len() as WordId).map(|i| d.word(i)).collect();
        assert_eq!(
            all,
            [
                "and",
                "edge",
                "lamb",
                "lambda",
                "layers",
                "람다",
                "한도",
                "함수의"
            ]
        );
        let lambda = d.find("lambda").unwrap();
        assert_eq!(
            (d.mean_words(1), d.mean_words(2), d.mean_words(4)),
            (5.0, 1.0, 4.0)
        );
        assert_eq!(d.mean_words(8), 0.0, "no field of that class");
        assert_eq!(d.postings(lambda).collect::<Vec<_>>(), [(0, 3)]);
        assert_eq!(d.find("lam"), None);
    }

    #[test]
    fn each_word_lists_its_items_ascending_once_with_every_class_it_has_there() {
        let mut b = Builder::default();
        b.add(0, 1, "edge lambda");
        b.add(2, 1, "lambda");
        b.add(2, 4, "edge edge");
        b.add(5, 2, "lambda");
        b.add(5, 8, "Lambda edge");
        b.add(7, 1, "alone");
        let d = b.finish();
        let postings = |w: &str| d.postings(d.find(w).unwrap()).collect::<Vec<_>>();
        assert_eq!(postings("lambda"), [(0, 1), (2, 1), (5, 10)]);
        assert_eq!(postings("edge"), [(0, 1), (2, 4), (5, 8)]);
        assert_eq!(postings("alone"), [(7, 1)]);
        assert_eq!(d.frequency(d.find("lambda").unwrap()), 3);
    }

    #[test]
    fn items_far_apart_come_back_exact() {
        let items = [
            0,
            1,
            127,
            128,
            255,
            16_383,
            16_384,
            2_097_152,
            300_000_000,
            u32::MAX - 1,
        ];
        let mut b = Builder::default();
        for (i, &item) in items.iter().enumerate() {
            b.add(item, 1 << (i % 4), "word");
            b.add(item, 1 << 5, if i % 2 == 0 { "even" } else { "odd" });
        }
        let d = b.finish();
        let postings = |w: &str| d.postings(d.find(w).unwrap()).collect::<Vec<_>>();
        let word: Vec<(u32, u8)> = items
            .iter()
            .enumerate()
            .map(|(i, &item)| (item, 1 << (i % 4)))
            .collect();
        assert_eq!(postings("word"), word);
        let even: Vec<u32> = postings("even").into_iter().map(|(item, _)| item).collect();
        assert_eq!(even, items.iter().step_by(2).copied().collect::<Vec<_>>());
        assert_eq!(d.postings(d.find("odd").unwrap()).len(), 5);
    }

    #[test]
    fn varints_take_a_byte_per_seven_bits() {
        for (n, len) in [
            (0, 1),
            (127, 1),
            (128, 2),
            (16_383, 2),
            (16_384, 3),
            (u32::MAX, 5),
        ] {
            assert_eq!(varint::len(n), len, "{n}");
            let mut out = [0u8; 6];
            varint::write(n, &mut out);
            assert_eq!(varint::read(&out), (n, len as usize), "{n}");
        }
    }

    #[test]
    fn prefix_ranges_and_choseong() {
        let d = dict();
        let words: Vec<&str> = d.prefix("lam").map(|i| d.word(i)).collect();
        assert_eq!(words, ["lamb", "lambda"]);
        assert!(d.prefix("zz").is_empty());
        assert!(d.prefix("").len() == d.len());
        let cho: Vec<&str> = d.choseong_prefix("ㅎ").map(|(i, _)| d.word(i)).collect();
        assert_eq!(cho, ["한도", "함수의"]);
    }
}
