//! The deck's glossary: each term with its other spellings (aliases) in either language, so search can find
//! `Lambda` when a learner types `람다`, and `DynamoDB` for `DDB`.
//!
//! Built by [`super::load`] from the deck's `glossary.toml` (validated by `glossary_file`); read by
//! [`crate::core::search`], which expands a query word through every spelling of its term.

/// One glossary term and its other spellings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GlossaryTerm {
    /// The spelling the deck uses (`Lambda`, `Step Functions`).
    pub term: String,
    /// Other spellings, in any language (`람다`, `스텝 펑션`, `SFN`).
    pub aliases: Vec<String>,
}

impl GlossaryTerm {
    /// The term and every alias.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Every term of a deck's glossary, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Glossary {
    terms: Vec<GlossaryTerm>,
}

impl Glossary {
    /// A glossary of these terms.
    pub fn new(terms: Vec<GlossaryTerm>) -> Glossary {
        Glossary { terms }
    }

    /// The terms, in file order.
    pub fn terms(&self) -> &[GlossaryTerm] {
        &self.terms
    }

    /// Whether the glossary has no term.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}
