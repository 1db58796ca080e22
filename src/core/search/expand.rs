//! From a query term to the deck's words it matches, each with a quality: what counts as a match.
//!
//! In order of quality: the word itself; a glossary spelling of it (`람다` → `lambda`); a Hangul word that is
//! the term plus a particle (`함수` → `함수의`); a word it is the beginning of (`lamb` → `lambda`, better the
//! more of the word is typed); for a choseong term, a Hangul word with those initials. Only when a word term
//! matches none of these does it try, for a Hangul word, two words of the deck side by side typed without
//! their space (`콜드스타트` → `콜드 스타트`), and then typos, within one word: the words at a small edit
//! distance (`strsim`'s optimal string alignment: a letter missing, extra, wrong or two swapped) or that
//! contain the term's letters in order with at most that many letters more (skim's fuzzy matcher,
//! `fuzzy-matcher`). Letters scattered over a text never match: a match is always one word or one phrase.
//!
//! A match never counts as rarer than the word typed: `timeouts`, in a few items, is worth no more for
//! `timeout` than `timeout` itself ([`Expansion::ceiling`]).

use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::aliases::Aliases;
use super::candidates::rarity;
use super::dict::{Dictionary, WordId};
use super::forms::char_mask;
use super::query::Term;
use super::tokens::is_hangul;

/// The word itself.
pub const EXACT: f32 = 1.0;
/// A glossary spelling of the term.
const ALIAS: f32 = 0.95;
/// A Hangul word that is the term plus a particle of at most [`PARTICLE_CHARS`] chars.
const PARTICLE: f32 = 0.9;
const PARTICLE_CHARS: usize = 2;
/// A Hangul word typed without the space the deck writes (`콜드스타트` for `콜드 스타트`).
const COMPOUND: f32 = 0.85;
/// A typo within a word, at edit distance 1 (less for 2).
const TYPO: f32 = 0.55;
/// Another form of an English word (`consistency` → `consistent`, `billing` → `billed`): the words that
/// share its first chars but the last three (at least [`STEM_CHARS`]).
const STEM: f32 = 0.5;
const STEM_CHARS: usize = 4;
const STEM_MIN_CHARS: usize = 6;

/// How a matched word is highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// All of it.
    Whole,
    /// Its first chars (what was typed of it).
    Prefix(usize),
}

/// A glossary spelling of several words: per word, the deck's words that stand for it; and its quality.
pub type Phrase = (Vec<Vec<WordId>>, f32);

/// What one term matches: single words, and phrases (glossary spellings of several words).
#[derive(Debug, Default)]
pub struct Expansion {
    /// Each matched word with its quality and highlight; one entry per word.
    pub words: HashMap<WordId, (f32, Mark)>,
    /// Glossary spellings of several words, each with its quality: per word of the spelling, the deck's
    /// words that stand for it (the word, and for the last one, the word with a Korean particle).
    pub phrases: Vec<Phrase>,
    /// For a glossary term: one rarity for all its spellings (the commonest one's), so that `AWS Lambda`
    /// does not outrank `Lambda` for `람다` only because the phrase is rarer.
    pub rarity: Option<f32>,
    /// For a word the deck has as typed: that word's rarity, the most any of its matches counts with, so
    /// that a rarer longer form (`timeouts` in one title, for `timeout`) does not outrank the word itself.
    pub ceiling: Option<f32>,
}

impl Expansion {
    fn add(&mut self, word: WordId, quality: f32, mark: Mark) {
        let entry = self.words.entry(word).or_insert((quality, mark));
        if quality > entry.0 {
            *entry = (quality, mark);
        }
    }

    /// The rarity a match counts with, given the rarity of the matched word (or phrase) itself: the term's
    /// one rarity for a glossary term, else the word's own, capped at the typed word's.
    pub fn rarity_of(&self, own: impl FnOnce() -> f32) -> f32 {
        let rare = self.rarity.unwrap_or_else(own);
        self.ceiling.map_or(rare, |ceiling| rare.min(ceiling))
    }

    /// Whether the term matches nothing in the deck.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }
}

/// Every word and phrase of `dict` (a deck of `items` items) that `term` matches.
pub fn expand(term: &Term, dict: &Dictionary, aliases: &Aliases, items: usize) -> Expansion {
    let mut out = Expansion::default();
    if term.single {
        if term.choseong {
            choseong(term, dict, &mut out);
        } else {
            words(term, dict, &mut out);
        }
    }
    for &concept in &term.concepts {
        spellings(aliases.spellings(concept), ALIAS, dict, &mut out);
    }
    for &concept in &term.extends {
        spellings(
            aliases.spellings(concept),
            prefix_quality(term.chars, term.chars + 2),
            dict,
            &mut out,
        );
    }
    if out.is_empty() && term.single && !term.choseong && is_hangul(&term.text) {
        compound(term, dict, &mut out);
    }
    if out.is_empty() && term.single && !term.choseong {
        typos(term, dict, &mut out);
    }
    if term.single
        && !term.choseong
        && let Some(id) = dict.find(&term.text)
    {
        out.ceiling = Some(rarity(dict.frequency(id), items));
    }
    if !term.concepts.is_empty() {
        let words = out.words.keys().map(|&id| rarity(dict.frequency(id), items));
        let phrases = out.phrases.iter().map(|(ids, _)| {
            let rarest = ids.iter().map(|alts| dict.frequency(alts[0])).min().unwrap_or(0);
            rarity(rarest, items)
        });
        out.rarity = words.chain(phrases).reduce(f32::min);
    }
    out
}

/// The word, and the words it begins.
fn words(term: &Term, dict: &Dictionary, out: &mut Expansion) {
    let hangul = is_hangul(&term.text);
    for id in dict.prefix(&term.text) {
        let len = dict.word(id).chars().count();
        let quality = if len == term.chars {
            EXACT
        } else if hangul && len - term.chars <= PARTICLE_CHARS {
            PARTICLE
        } else {
            prefix_quality(term.chars, len)
        };
        let mark = if len == term.chars {
            Mark::Whole
        } else {
            Mark::Prefix(term.chars)
        };
        out.add(id, quality, mark);
    }
    if !hangul && term.chars >= STEM_MIN_CHARS {
        let stem: String = term.text.chars().take((term.chars - 3).max(STEM_CHARS)).collect();
        for id in dict.prefix(&stem) {
            out.add(id, STEM, Mark::Prefix(stem.chars().count()));
        }
    }
}

/// A prefix of `typed` chars of a word of `len` chars: from 0.5 up to 0.9 as more of it is typed.
fn prefix_quality(typed: usize, len: usize) -> f32 {
    0.5 + 0.4 * typed as f32 / len.max(1) as f32
}

/// Hangul words whose initial consonants start with the term.
fn choseong(term: &Term, dict: &Dictionary, out: &mut Expansion) {
    for (id, whole) in dict.choseong_prefix(&term.text) {
        let len = dict.word(id).chars().count();
        let quality = if whole {
            0.8
        } else {
            0.4 + 0.3 * term.chars as f32 / len as f32
        };
        out.add(id, quality, Mark::Prefix(term.chars));
    }
}

/// Every spelling of a glossary term: one-word spellings as words (with particles), the others as phrases.
fn spellings(forms: &[Vec<String>], quality: f32, dict: &Dictionary, out: &mut Expansion) {
    for form in forms {
        if let [word] = form.as_slice() {
            for id in dict.prefix(word) {
                let extra = dict.word(id).chars().count() - word.chars().count();
                if extra == 0 {
                    out.add(id, quality, Mark::Whole);
                } else if is_hangul(dict.word(id)) && extra <= PARTICLE_CHARS {
                    out.add(id, quality * PARTICLE, Mark::Whole);
                }
            }
        } else if let Some(mut ids) = form
            .iter()
            .map(|w| dict.find(w).map(|id| vec![id]))
            .collect::<Option<Vec<_>>>()
        {
            let last = &form[form.len() - 1];
            if is_hangul(last)
                && let Some(alternatives) = ids.last_mut()
            {
                let longer = dict.prefix(last).filter(|&id| {
                    let extra = dict.word(id).chars().count() - last.chars().count();
                    (1..=PARTICLE_CHARS).contains(&extra)
                });
                alternatives.extend(longer);
            }
            out.phrases.push((ids, quality));
        }
    }
}

/// A Hangul word the deck has as two words side by side, typed without the space between them (Korean
/// learners often leave spacing out): every cut into a word of the deck and the beginning of a word that
/// follows it (`스타트` of `스타트를`, or `스` while typing), as a phrase.
fn compound(term: &Term, dict: &Dictionary, out: &mut Expansion) {
    let chars: Vec<char> = term.text.chars().collect();
    for cut in 1..chars.len() {
        let head: String = chars[..cut].iter().collect();
        let Some(first) = dict.find(&head) else {
            continue;
        };
        let tail: String = chars[cut..].iter().collect();
        let second: Vec<WordId> = dict.prefix(&tail).collect();
        if !second.is_empty() {
            out.phrases.push((vec![vec![first], second], COMPOUND));
        }
    }
}

/// How many typos a term of `chars` chars may have.
fn allowed_typos(chars: usize, hangul: bool) -> usize {
    match (hangul, chars) {
        (true, 3..) => 1,
        (false, 4..=7) => 1,
        (false, 8..) => 2,
        _ => 0,
    }
}

/// Words within the allowed typos of the term (see the module doc).
fn typos(term: &Term, dict: &Dictionary, out: &mut Expansion) {
    let allowed = allowed_typos(term.chars, is_hangul(&term.text));
    if allowed == 0 {
        return;
    }
    let mask = char_mask(&term.text);
    let matcher = SkimMatcherV2::default().respect_case();
    for (id, word_mask, len) in dict.words() {
        if len.abs_diff(term.chars) > allowed || (mask & !word_mask).count_ones() as usize > allowed {
            continue;
        }
        let word = dict.word(id);
        let distance = strsim::osa_distance(&term.text, word);
        let typo =
            distance <= allowed || (len > term.chars && matcher.fuzzy_match(word, &term.text).is_some());
        if typo {
            let quality = TYPO - 0.1 * distance.saturating_sub(1).min(allowed) as f32;
            out.add(id, quality, Mark::Whole);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::search::dict::Builder;

    fn dict() -> Dictionary {
        let mut b = Builder::default();
        b.add(
            0,
            1,
            "Lambda timeout 함수의 람다식 cognito dynamodb step functions",
        );
        b.finish()
    }

    fn term(text: &str) -> Term {
        Term {
            text: text.into(),
            chars: text.chars().count(),
            concepts: Vec::new(),
            extends: Vec::new(),
            single: true,
            choseong: false,
        }
    }

    fn matched(text: &str) -> Vec<String> {
        let d = dict();
        let e = expand(&term(text), &d, &Aliases::default(), 1);
        let mut words: Vec<String> = e.words.keys().map(|&id| d.word(id).to_string()).collect();
        words.sort();
        words
    }

    #[test]
    fn words_prefixes_and_particles() {
        assert_eq!(matched("lambda"), ["lambda"]);
        assert_eq!(matched("lam"), ["lambda"]);
        assert_eq!(matched("함수"), ["함수의"]);
    }

    #[test]
    fn typos_stay_within_one_word() {
        assert_eq!(matched("lamda"), ["lambda"]);
        assert_eq!(matched("cognitp"), ["cognito"]);
        assert_eq!(matched("dynamdb"), ["dynamodb"]);
        assert_eq!(matched("timoeut"), ["timeout"], "two swaps in a long word");
        assert!(
            matched("ltmt").is_empty(),
            "letters spread over words never match"
        );
        assert!(matched("xyzzy").is_empty());
    }

    #[test]
    fn hangul_words_run_together_match_the_deck_s_two_words() {
        let mut b = Builder::default();
        b.add(0, 1, "콜드 스타트를 줄입니다");
        b.add(1, 1, "콜드 브루");
        let d = b.finish();
        let phrase = |text: &str| {
            let e = expand(&term(text), &d, &Aliases::default(), 2);
            let words = |ids: &Vec<WordId>| ids.iter().map(|&id| d.word(id)).collect::<Vec<_>>();
            e.phrases
                .iter()
                .map(|(p, _)| p.iter().map(words).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        };
        assert_eq!(phrase("콜드스타트"), [[vec!["콜드"], vec!["스타트를"]]]);
        assert_eq!(
            phrase("콜드스"),
            [[vec!["콜드"], vec!["스타트를"]]],
            "while typing"
        );
        assert!(phrase("콜드").is_empty(), "a word the deck has is not cut");
        let mut b = Builder::default();
        b.add(0, 1, "사용자풀 사용자 풀");
        let d2 = b.finish();
        let joined = expand(&term("사용자풀"), &d2, &Aliases::default(), 1);
        assert!(
            joined.phrases.is_empty(),
            "a word the deck writes joined is not cut either"
        );
        assert!(phrase("스타트콜드").is_empty(), "the order counts");
    }

    #[test]
    fn a_longer_form_counts_no_rarer_than_the_word_typed() {
        let mut b = Builder::default();
        for item in 0..4 {
            b.add(item, 1, "timeout");
        }
        b.add(4, 1, "Timeouts and limits");
        let d = b.finish();
        let e = expand(&term("timeout"), &d, &Aliases::default(), 5);
        let own = |w: &str| rarity(d.frequency(d.find(w).unwrap()), 5);
        assert!(
            own("timeouts") > own("timeout"),
            "the premise: the plural is rarer"
        );
        assert_eq!(e.rarity_of(|| own("timeouts")), own("timeout"));
        assert_eq!(e.rarity_of(|| own("timeout")), own("timeout"));
        let typing = expand(&term("timeo"), &d, &Aliases::default(), 5);
        assert_eq!(
            typing.rarity_of(|| own("timeouts")),
            own("timeouts"),
            "no word typed yet"
        );
    }
}
