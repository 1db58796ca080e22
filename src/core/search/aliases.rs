//! The glossary as search reads it: every spelling of every term, normalised to its words, so a query's
//! words can be looked up as a phrase (`스텝 펑션`, `L@E` → `l e`, `다이나모DB` → `다이나모 db`).

use super::tokens::words;
use crate::core::content::Glossary;

/// The most words a spelling may have and still be recognised in a query.
pub const MAX_PHRASE_WORDS: usize = 5;

/// The most glossary terms a word being typed is taken to begin ([`Aliases::extending`]). A short prefix
/// can begin thousands of a big glossary's terms, each matched through all its spellings on every keystroke;
/// a completion is a guess at what is being typed, and a few are enough.
pub const MAX_EXTENDING: usize = 8;

/// A term index into the glossary.
pub type Concept = usize;

/// Every spelling of every glossary term, by its words.
#[derive(Debug, Default)]
pub struct Aliases {
    /// Each spelling's words joined by one space, sorted, with its term.
    phrases: Vec<(String, Concept)>,
    /// Per term: each spelling as its words.
    spellings: Vec<Vec<Vec<String>>>,
}

impl Aliases {
    /// The spellings of `glossary`.
    pub fn new(glossary: &Glossary) -> Aliases {
        let mut aliases = Aliases::default();
        for (concept, term) in glossary.terms().iter().enumerate() {
            let mut forms: Vec<Vec<String>> = Vec::new();
            for spelling in term.spellings() {
                let form = words(spelling);
                // A linear look-up: a checked term has at most MAX_ALIASES + 1 spellings.
                if form.is_empty() || form.len() > MAX_PHRASE_WORDS || forms.contains(&form) {
                    continue;
                }
                aliases.phrases.push((form.join(" "), concept));
                forms.push(form);
            }
            aliases.spellings.push(forms);
        }
        aliases.phrases.sort();
        aliases.phrases.dedup();
        aliases
    }

    /// The terms spelled exactly `phrase` (words joined by one space).
    pub fn exact<'a>(&'a self, phrase: &'a str) -> impl Iterator<Item = Concept> + 'a {
        let start = self.phrases.partition_point(|(p, _)| p.as_str() < phrase);
        self.phrases[start..]
            .iter()
            .take_while(move |(p, _)| p == phrase)
            .map(|(_, c)| *c)
    }

    /// The terms with a one-word spelling that starts with `prefix` and is longer: the first
    /// [`MAX_EXTENDING`] in spelling order.
    pub fn extending(&self, prefix: &str) -> Vec<Concept> {
        let start = self.phrases.partition_point(|(p, _)| p.as_str() < prefix);
        let mut found: Vec<Concept> = Vec::new();
        let candidates = self.phrases[start..]
            .iter()
            .take_while(|(p, _)| p.starts_with(prefix))
            .filter(|(p, _)| p.len() > prefix.len() && !p.contains(' '));
        for &(_, concept) in candidates {
            if !found.contains(&concept) {
                found.push(concept);
                if found.len() == MAX_EXTENDING {
                    break;
                }
            }
        }
        found.sort_unstable();
        found
    }

    /// Every spelling of term `concept`, as words.
    pub fn spellings(&self, concept: Concept) -> &[Vec<String>] {
        &self.spellings[concept]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::GlossaryTerm;

    fn aliases() -> Aliases {
        let term = |t: &str, a: &[&str]| GlossaryTerm {
            term: t.into(),
            aliases: a.iter().map(|s| s.to_string()).collect(),
        };
        Aliases::new(&Glossary::new(vec![
            term("Lambda@Edge", &["L@E", "람다엣지", "람다 엣지"]),
            term("DynamoDB", &["DDB", "다이나모DB", "다이나모디비"]),
        ]))
    }

    #[test]
    fn spellings_are_looked_up_by_their_words() {
        let a = aliases();
        assert_eq!(a.exact("l e").collect::<Vec<_>>(), [0]);
        assert_eq!(a.exact("람다 엣지").collect::<Vec<_>>(), [0]);
        assert_eq!(a.exact("다이나모 db").collect::<Vec<_>>(), [1]);
        assert_eq!(a.exact("lambda").count(), 0);
        assert_eq!(a.spellings(1)[0], ["dynamodb"]);
    }

    #[test]
    fn prefixes_extend_to_one_word_spellings() {
        let a = aliases();
        assert_eq!(a.extending("다이나모"), [1]);
        assert_eq!(a.extending("람다"), [0]);
        assert!(a.extending("dynamodb").is_empty(), "not longer");
    }

    #[test]
    fn a_prefix_extends_to_a_few_terms_however_many_it_begins() {
        let terms = (0..100)
            .map(|i| GlossaryTerm {
                term: format!("abc{i:03}"),
                aliases: vec![format!("xyz{i:03}")],
            })
            .collect();
        let a = Aliases::new(&Glossary::new(terms));
        assert_eq!(a.extending("abc"), (0..MAX_EXTENDING).collect::<Vec<_>>());
        assert_eq!(a.extending("abc09"), (90..98).collect::<Vec<_>>());
    }
}
