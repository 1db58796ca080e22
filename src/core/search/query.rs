//! A parsed search query: its words, grouped into terms, each term either a plain word or a glossary term.
//!
//! The query is cut into words exactly as the deck is (see [`super::tokens`]), so `Lambda@Edge`, `15분` and
//! `다이나모DB` split the same way in both. Runs of words that spell a glossary term (`스텝 펑션`, `l e` from
//! `L@E`) become one term that matches every spelling of it; a Hangul word that is a spelling plus a particle
//! (`람다의`) does too. Every other word is a plain term. A query made of Hangul consonants and no syllable
//! (`ㄹㄷ`) is a choseong query: its consonant words match the initial consonants of the deck's Hangul words.

use super::aliases::{Aliases, Concept, MAX_PHRASE_WORDS};
use super::forms::{fold, is_compat_consonant, is_syllable};
use super::tokens::{is_hangul, words};

/// Queries longer than this many chars are cut.
pub const MAX_QUERY_CHARS: usize = 128;
/// The most terms a query keeps (a term's presence is one bit of a 16-bit set).
pub const MAX_TERMS: usize = 16;
/// The most chars of Korean particle after a glossary spelling (`람다의`, `람다에서`).
const MAX_PARTICLE_CHARS: usize = 2;

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The word as typed (folded); for a glossary phrase, its words joined by one space.
    pub text: String,
    /// How many chars the typed word has.
    pub chars: usize,
    /// The glossary terms it spells (exactly, or with a particle).
    pub concepts: Vec<Concept>,
    /// The glossary terms it is the beginning of (the last word, while it is being typed).
    pub extends: Vec<Concept>,
    /// Whether it is a single word (then it also matches the deck's words as typed).
    pub single: bool,
    /// Whether it is Hangul consonants only, in a choseong query.
    pub choseong: bool,
}

/// A non-empty query, ready to match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The terms, in the order typed.
    pub terms: Vec<Term>,
}

impl Query {
    /// Parses what the user typed; `None` when it has no word.
    pub fn parse(text: &str, aliases: &Aliases) -> Option<Query> {
        let folded: String = fold(text).chars().take(MAX_QUERY_CHARS).collect();
        let choseong = folded.chars().any(is_compat_consonant) && !folded.chars().any(is_syllable);
        let all = words(&folded);
        let mut terms = Vec::new();
        let mut i = 0;
        while i < all.len() && terms.len() < MAX_TERMS {
            let (term, used) = next_term(&all[i..], aliases, choseong);
            terms.push(term);
            i += used;
        }
        if let Some(last) = terms.last_mut()
            && last.single
            && aliases.exact(&last.text).next().is_none()
            && !last.choseong
            && (last.chars >= 2 || is_hangul(&last.text))
        {
            last.extends = aliases.extending(&last.text);
        }
        (!terms.is_empty()).then_some(Query { terms })
    }
}

/// The term that starts at `words[0]`, and how many words it takes.
fn next_term(words: &[String], aliases: &Aliases, choseong: bool) -> (Term, usize) {
    for len in (2..=words.len().min(MAX_PHRASE_WORDS)).rev() {
        let phrase = words[..len].join(" ");
        let concepts: Vec<Concept> = aliases.exact(&phrase).collect();
        if !concepts.is_empty() {
            let chars = phrase.chars().count();
            let term = Term {
                text: phrase,
                chars,
                concepts,
                extends: Vec::new(),
                single: false,
                choseong: false,
            };
            return (term, len);
        }
    }
    let word = &words[0];
    let term = Term {
        text: word.clone(),
        chars: word.chars().count(),
        concepts: word_concepts(word, aliases),
        extends: Vec::new(),
        single: true,
        choseong: choseong && word.chars().all(is_compat_consonant),
    };
    (term, 1)
}

/// The glossary terms one word spells: exactly, or (Hangul) followed by a short particle.
fn word_concepts(word: &str, aliases: &Aliases) -> Vec<Concept> {
    let exact: Vec<Concept> = aliases.exact(word).collect();
    if !exact.is_empty() || !is_hangul(word) {
        return exact;
    }
    let chars: Vec<char> = word.chars().collect();
    for cut in 1..=MAX_PARTICLE_CHARS.min(chars.len().saturating_sub(2)) {
        let stem: String = chars[..chars.len() - cut].iter().collect();
        let found: Vec<Concept> = aliases.exact(&stem).collect();
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::{Glossary, GlossaryTerm};

    fn aliases() -> Aliases {
        let term = |t: &str, a: &[&str]| GlossaryTerm {
            term: t.into(),
            aliases: a.iter().map(|s| s.to_string()).collect(),
        };
        Aliases::new(&Glossary::new(vec![
            term("Lambda", &["람다"]),
            term("Step Functions", &["스텝 펑션", "SFN"]),
            term("Lambda@Edge", &["L@E", "람다엣지"]),
        ]))
    }

    fn texts(q: &Query) -> Vec<(&str, &[Concept])> {
        q.terms
            .iter()
            .map(|t| (t.text.as_str(), t.concepts.as_slice()))
            .collect()
    }

    #[test]
    fn blank_queries_have_no_terms() {
        assert!(Query::parse("", &aliases()).is_none());
        assert!(Query::parse(" \t-- ", &aliases()).is_none());
    }

    #[test]
    fn glossary_phrases_become_one_term() {
        let q = Query::parse("스텝 펑션 Wait", &aliases()).unwrap();
        assert_eq!(texts(&q), [("스텝 펑션", &[1][..]), ("wait", &[][..])]);
        let q = Query::parse("L@E 람다의 timeout", &aliases()).unwrap();
        assert_eq!(
            texts(&q),
            [("l e", &[2][..]), ("람다의", &[0][..]), ("timeout", &[][..])]
        );
    }

    #[test]
    fn the_last_word_extends_to_glossary_spellings() {
        let q = Query::parse("람다엣", &aliases()).unwrap();
        assert_eq!(q.terms[0].extends, [2]);
        let q = Query::parse("람다", &aliases()).unwrap();
        assert!(q.terms[0].extends.is_empty(), "an exact spelling does not extend");
    }

    #[test]
    fn consonant_only_queries_are_choseong() {
        let q = Query::parse("ㄹㄷ 15", &aliases()).unwrap();
        assert!(q.terms[0].choseong && !q.terms[1].choseong);
        assert!(!Query::parse("람ㄷ", &aliases()).unwrap().terms[0].choseong);
    }

    #[test]
    fn overlong_queries_are_cut() {
        let q = Query::parse(&"a".repeat(10_000), &aliases()).unwrap();
        assert_eq!(q.terms[0].chars, MAX_QUERY_CHARS);
    }
}
