//! The deck file as written: serde structs that mirror a topic file, before any checking.
//!
//! Every field is optional and carries its span, so that [`super::validate`] can report *all* missing or bad
//! fields with a position instead of stopping at the first one (ripgrep's LowArgs → HiArgs, for decks).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

/// One topic file.
#[derive(Debug, Deserialize, Default)]
pub struct RawFile {
    /// The `[topic]` table.
    pub topic: Option<Spanned<RawTopic>>,
    /// `[[section]]` items.
    #[serde(default)]
    pub section: Vec<Spanned<RawSection>>,
    /// `[[fact]]` items.
    #[serde(default)]
    pub fact: Vec<Spanned<RawFact>>,
    /// `[[compare]]` items.
    #[serde(default)]
    pub compare: Vec<Spanned<RawCompare>>,
    /// `[[scenario]]` items.
    #[serde(default)]
    pub scenario: Vec<Spanned<RawScenario>>,
}

/// The `[topic]` table.
#[derive(Debug, Deserialize)]
pub struct RawTopic {
    /// Topic id.
    pub id: Option<Spanned<String>>,
    /// Title.
    pub title: Option<Spanned<RawText>>,
    /// One-line summary.
    pub summary: Option<Spanned<RawText>>,
    /// Sort key.
    pub order: Option<Spanned<i64>>,
}

/// A `[[section]]`.
#[derive(Debug, Deserialize)]
pub struct RawSection {
    /// Item id.
    pub id: Option<Spanned<String>>,
    /// Title.
    pub title: Option<Spanned<RawText>>,
    /// Body.
    pub body: Option<Spanned<RawText>>,
    /// Source URLs.
    pub sources: Option<Spanned<Vec<Spanned<String>>>>,
}

/// A `[[fact]]`.
#[derive(Debug, Deserialize)]
pub struct RawFact {
    /// Item id.
    pub id: Option<Spanned<String>>,
    /// Question side.
    pub prompt: Option<Spanned<RawText>>,
    /// Answer side.
    pub answer: Option<Spanned<RawText>>,
    /// Extra explanation.
    pub detail: Option<Spanned<RawText>>,
    /// What common sources get wrong.
    pub correction: Option<Spanned<RawText>>,
    /// Answers of the same kind, for generated distractors.
    pub group: Option<Spanned<String>>,
    /// Ids of items of this topic that give this one's answer away (or whose answer this one gives away).
    pub related: Option<Spanned<Vec<String>>>,
    /// Source URL.
    pub source: Option<Spanned<String>>,
    /// Month last checked against the source, `YYYY-MM`.
    pub checked: Option<Spanned<String>>,
}

/// A `[[compare]]`.
#[derive(Debug, Deserialize)]
pub struct RawCompare {
    /// Item id.
    pub id: Option<Spanned<String>>,
    /// Title.
    pub title: Option<Spanned<RawText>>,
    /// Column headers.
    pub options: Option<Spanned<Vec<Spanned<RawText>>>>,
    /// Source URLs.
    pub sources: Option<Spanned<Vec<Spanned<String>>>>,
    /// `[[compare.row]]` rows.
    #[serde(default)]
    pub row: Vec<Spanned<RawRow>>,
}

/// A `[[compare.row]]`.
#[derive(Debug, Deserialize)]
pub struct RawRow {
    /// Row header.
    pub attribute: Option<Spanned<RawText>>,
    /// One value per option.
    pub values: Option<Spanned<Vec<Spanned<RawText>>>>,
}

/// A `[[scenario]]`.
#[derive(Debug, Deserialize)]
pub struct RawScenario {
    /// Item id.
    pub id: Option<Spanned<String>>,
    /// The situation and the question.
    pub prompt: Option<Spanned<RawText>>,
    /// Phrases to highlight.
    pub keywords: Option<Spanned<RawKeywords>>,
    /// Why the answer is right.
    pub explanation: Option<Spanned<RawText>>,
    /// Source URL.
    pub source: Option<Spanned<String>>,
    /// Month last checked against the source, `YYYY-MM`.
    pub checked: Option<Spanned<String>>,
    /// Ids of items of this topic that give this one's answer away (or whose answer this one gives away).
    pub related: Option<Spanned<Vec<String>>>,
    /// `[[scenario.choice]]` options.
    #[serde(default)]
    pub choice: Vec<Spanned<RawChoice>>,
}

/// A `[[scenario.choice]]`.
#[derive(Debug, Deserialize)]
pub struct RawChoice {
    /// The option text.
    pub text: Option<Spanned<RawText>>,
    /// Whether it is (one of) the right answer(s).
    pub correct: Option<Spanned<bool>>,
    /// Why it is right or wrong.
    pub why: Option<Spanned<RawText>>,
}

/// Text as written: a plain string or a per-language table.
#[derive(Debug, Clone, PartialEq)]
pub enum RawText {
    /// The same in every language.
    Plain(String),
    /// One value per language; either may be missing.
    Localized {
        /// English.
        en: Option<String>,
        /// Korean.
        ko: Option<String>,
    },
}

/// Keywords as written: one list, or one list per language.
#[derive(Debug, Clone, PartialEq)]
pub enum RawKeywords {
    /// The same list in every language.
    Plain(Vec<String>),
    /// One list per language.
    Localized {
        /// English.
        en: Option<Vec<String>>,
        /// Korean.
        ko: Option<Vec<String>>,
    },
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = RawText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"text: a string, or a table like { en = "…", ko = "…" }"#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawText, E> {
                Ok(RawText::Plain(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RawText, E> {
                Ok(RawText::Plain(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawText, A::Error> {
                let (en, ko) = per_language::<A, String>(map)?;
                Ok(RawText::Localized { en, ko })
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

impl<'de> Deserialize<'de> for RawKeywords {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeywordsVisitor;
        impl<'de> Visitor<'de> for KeywordsVisitor {
            type Value = RawKeywords;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"keywords: a list of strings, or a table like { en = ["…"], ko = ["…"] }"#)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawKeywords, A::Error> {
                let mut list = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    list.push(s);
                }
                Ok(RawKeywords::Plain(list))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawKeywords, A::Error> {
                let (en, ko) = per_language::<A, Vec<String>>(map)?;
                Ok(RawKeywords::Localized { en, ko })
            }
        }
        d.deserialize_any(KeywordsVisitor)
    }
}

/// Reads `{ en = T, ko = T }`; other keys are skipped here (the schema walk reports them with a position).
fn per_language<'de, A, T>(mut map: A) -> Result<(Option<T>, Option<T>), A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    let (mut en, mut ko) = (None, None);
    while let Some(key) = map.next_key::<String>()? {
        match key.as_str() {
            "en" => en = Some(map.next_value()?),
            "ko" => ko = Some(map.next_value()?),
            _ => {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
    }
    Ok((en, ko))
}

/// Moves every span of a value parsed from a piece of a file (`super::chunks`) to where the piece sits in the
/// whole file, so that positions and the validator's table identities are the file's.
pub(crate) trait Shift: Sized {
    /// The value with every span moved `by` bytes later.
    fn shift(self, by: usize) -> Self;
}

impl<T: Shift> Shift for Spanned<T> {
    fn shift(self, by: usize) -> Self {
        let span = self.span();
        Spanned::new(span.start + by..span.end + by, self.into_inner().shift(by))
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(self, by: usize) -> Self {
        self.map(|v| v.shift(by))
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(self, by: usize) -> Self {
        self.into_iter().map(|v| v.shift(by)).collect()
    }
}

/// Values that hold no span.
macro_rules! no_spans {
    ($($t:ty),*) => {
        $(impl Shift for $t {
            fn shift(self, _by: usize) -> Self {
                self
            }
        })*
    };
}
no_spans!(String, i64, bool, RawText, RawKeywords);

/// Shifts each named field of a raw table.
macro_rules! shift_fields {
    ($t:ident { $($field:ident),* }) => {
        impl Shift for $t {
            fn shift(self, by: usize) -> Self {
                $t { $($field: self.$field.shift(by)),* }
            }
        }
    };
}
shift_fields!(RawFile {
    topic,
    section,
    fact,
    compare,
    scenario
});
shift_fields!(RawTopic {
    id,
    title,
    summary,
    order
});
shift_fields!(RawSection {
    id,
    title,
    body,
    sources
});
shift_fields!(RawFact {
    id,
    prompt,
    answer,
    detail,
    correction,
    group,
    related,
    source,
    checked
});
shift_fields!(RawCompare {
    id,
    title,
    options,
    sources,
    row
});
shift_fields!(RawRow { attribute, values });
shift_fields!(RawScenario {
    id,
    prompt,
    keywords,
    explanation,
    source,
    checked,
    related,
    choice
});
shift_fields!(RawChoice { text, correct, why });

impl RawFile {
    /// An empty file with room for the tables of every one of `pieces`, to be [appended](Self::append).
    pub(crate) fn with_room_for<'a>(pieces: impl Iterator<Item = &'a RawFile> + Clone) -> RawFile {
        let room = |count: fn(&RawFile) -> usize| pieces.clone().map(count).sum::<usize>();
        RawFile {
            topic: None,
            section: Vec::with_capacity(room(|p| p.section.len())),
            fact: Vec::with_capacity(room(|p| p.fact.len())),
            compare: Vec::with_capacity(room(|p| p.compare.len())),
            scenario: Vec::with_capacity(room(|p| p.scenario.len())),
        }
    }

    /// Adds the tables of the next piece of the same file (already [shifted](Shift)). The pieces of a file
    /// are cut only before items, so at most the first has a `[topic]`.
    pub(crate) fn append(&mut self, next: RawFile) {
        if self.topic.is_none() {
            self.topic = next.topic;
        }
        self.section.extend(next.section);
        self.fact.extend(next.fact);
        self.compare.extend(next.compare);
        self.scenario.extend(next.scenario);
    }
}
