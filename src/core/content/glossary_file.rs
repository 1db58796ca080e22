//! The glossary file (`glossary.toml` in a deck folder): parsed, checked, and turned into a [`Glossary`].
//!
//! ```toml
//! [[term]]
//! term = "Step Functions"
//! aliases = ["스텝 펑션", "스텝 함수", "SFN"]
//! ```
//!
//! Checked like topic files, every problem reported with `path:line:col`: unknown keys, a missing or empty
//! `term`, a missing or empty `aliases` list, empty spellings and spellings without a letter or digit, control
//! characters, a spelling given twice (compared case-insensitively, with runs of spaces as one), whether
//! in one term or in two (then search could not tell which term a learner meant), and a term with more than
//! [`MAX_ALIASES`] aliases.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use serde::de::IntoDeserializer;
use toml::Spanned;
use toml::de::DeTable;

use super::diagnostic::{Reporter, Rule};
use super::glossary::{Glossary, GlossaryTerm};
use super::schema;
use super::validate::is_forbidden_char;

/// The file name that makes a deck file a glossary rather than a topic.
pub const FILE_NAME: &str = "glossary.toml";

/// The most aliases one term may have. Search matches a term through every spelling of it, so a term's
/// spellings are work on every query that names it; a term with 100,000 aliases made each search take over
/// 30 s. The bundled glossary's largest term has 7; real terms have a handful of translations,
/// transliterations and abbreviations.
pub const MAX_ALIASES: usize = 32;

/// Whether the file at `path` is a deck's glossary.
pub fn is_glossary(path: &str) -> bool {
    path.rsplit(['/', '\\']).next() == Some(FILE_NAME)
}

#[derive(Debug, Deserialize, Default)]
struct RawGlossary {
    #[serde(default)]
    term: Vec<Spanned<RawTerm>>,
}

#[derive(Debug, Deserialize)]
struct RawTerm {
    term: Option<Spanned<String>>,
    aliases: Option<Spanned<Vec<Spanned<String>>>>,
}

/// Parses and checks a glossary file; returns the valid terms (a term with a problem is left out).
pub fn load(text: &str, reporter: &mut Reporter<'_>) -> Glossary {
    let (doc, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        for e in syntax_errors {
            let span = e.span().unwrap_or(0..0);
            reporter
                .error(
                    &span,
                    Rule::TomlSyntax,
                    format!("invalid TOML: {}", e.message().trim()),
                )
                .hint("see https://toml.io for the syntax");
        }
        return Glossary::default();
    }
    let mut doc = doc;
    // Wrongly typed values are reported and removed, so the rest of the file still loads.
    schema::check_glossary(&mut doc, reporter);
    let raw = match RawGlossary::deserialize(doc.into_deserializer()) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            reporter.error(&span, Rule::WrongType, e.message().trim().to_string());
            return Glossary::default();
        }
    };
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    let terms = raw
        .term
        .into_iter()
        .filter_map(|t| check_term(t, &mut seen, reporter))
        .collect();
    Glossary::new(terms)
}

/// A spelling as compared for duplicates: lowercase, runs of whitespace as one space.
fn normalized(s: &str) -> String {
    s.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_term(
    raw: Spanned<RawTerm>,
    seen: &mut HashMap<String, Range<usize>>,
    reporter: &mut Reporter<'_>,
) -> Option<GlossaryTerm> {
    let span = raw.span();
    let raw = raw.into_inner();
    let missing = |reporter: &mut Reporter<'_>, field: &str| {
        reporter
            .error(
                &span,
                Rule::MissingField,
                format!("missing field `{field}` in [[term]]"),
            )
            .hint("a [[term]] needs `term = \"…\"` and `aliases = [\"…\"]`");
    };
    let Some(term) = raw.term else {
        missing(reporter, "term");
        return None;
    };
    let Some(aliases) = raw.aliases else {
        missing(reporter, "aliases");
        return None;
    };
    if aliases.get_ref().is_empty() {
        reporter
            .error(&aliases.span(), Rule::EmptyText, "empty `aliases` list")
            .hint("list at least one other spelling, or remove the term");
        return None;
    }
    if aliases.get_ref().len() > MAX_ALIASES {
        reporter
            .error(
                &aliases.span(),
                Rule::TooManyAliases,
                format!(
                    "{} aliases; a term has at most {MAX_ALIASES}",
                    aliases.get_ref().len()
                ),
            )
            .hint("keep the spellings learners type: search works through every alias of a term");
        return None;
    }
    let mut ok = check_spelling(&term, seen, reporter);
    let aliases: Vec<Spanned<String>> = aliases.into_inner();
    for alias in &aliases {
        ok &= check_spelling(alias, seen, reporter);
    }
    ok.then(|| GlossaryTerm {
        term: term.into_inner(),
        aliases: aliases.into_iter().map(Spanned::into_inner).collect(),
    })
}

/// Checks one spelling; reports and returns false if it is empty, has a control character or repeats one.
fn check_spelling(
    spelling: &Spanned<String>,
    seen: &mut HashMap<String, Range<usize>>,
    reporter: &mut Reporter<'_>,
) -> bool {
    let (text, span) = (spelling.get_ref(), spelling.span());
    if !text.chars().any(char::is_alphanumeric) {
        reporter
            .error(
                &span,
                Rule::EmptyText,
                "a spelling needs at least one letter or digit",
            )
            .hint("write the spelling, or remove it from the list");
        return false;
    }
    if let Some(c) = text.chars().find(|&c| is_forbidden_char(c) || c == '\n') {
        reporter
            .error(
                &span,
                Rule::ControlCharacter,
                format!("spelling contains the control character U+{:04X}", c as u32),
            )
            .hint("a spelling is one line of plain text");
        return false;
    }
    let key = normalized(text);
    if let Some(first) = seen.get(&key) {
        let at = reporter.position(first);
        reporter
            .error(
                &span,
                Rule::DuplicateAlias,
                format!("`{}` is already a spelling", key),
            )
            .hint(format!(
                "first given at line {}, column {}: keep one",
                at.line, at.col
            ));
        return false;
    }
    seen.insert(key, span);
    true
}
