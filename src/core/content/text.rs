//! Localized text: the one type every human-readable string of a deck goes through.
//!
//! A deck author writes either a plain string (the same in every language) or a table with one string per
//! [`Lang`]. After validation a [`Text`] always has a value for every language (falling back to English, or
//! to whatever language exists), so the rest of the program never deals with a missing translation.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A language the interface and the bundled deck are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Korean.
    Ko,
}

impl Lang {
    /// Every supported language, in display order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The short code used in files and on the command line (`en`, `ko`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The other language: what the `L` key switches to.
    pub fn toggled(self) -> Lang {
        match self {
            Lang::En => Lang::Ko,
            Lang::Ko => Lang::En,
        }
    }

    /// Parses a language code (`en`, `ko`), case-insensitively.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "ko" => Some(Lang::Ko),
            _ => None,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Validated text with a value for every language.
///
/// Text that reads the same in every language is stored once: deck text is most of what a big deck holds
/// in memory, and plain strings (choices, options, values) are common.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    en: Box<str>,
    /// `None` when Korean reads the same as English.
    ko: Option<Box<str>>,
}

impl Text {
    /// Text that reads the same in every language.
    pub fn plain(s: impl Into<String>) -> Text {
        Text {
            en: s.into().into_boxed_str(),
            ko: None,
        }
    }

    /// Text with one value per language.
    pub fn localized(en: impl Into<String>, ko: impl Into<String>) -> Text {
        let (en, ko) = (en.into(), ko.into());
        if en == ko {
            return Text::plain(en);
        }
        Text {
            en: en.into_boxed_str(),
            ko: Some(ko.into_boxed_str()),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.ko) {
            (Lang::Ko, Some(ko)) => ko,
            _ => &self.en,
        }
    }

    /// Every language's value, without repeating identical ones (for search indexing).
    pub fn variants(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&*self.en).chain(self.ko.as_deref())
    }
}

/// Serialized as `{ "en": …, "ko": … }`, every language spelled out, however it is stored.
impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Text", 2)?;
        s.serialize_field("en", self.get(Lang::En))?;
        s.serialize_field("ko", self.get(Lang::Ko))?;
        s.end()
    }
}

/// Read back from what [`Serialize`] writes (the deck cache): both languages, stored once when they agree.
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Borrowed where the input allows, so that text the same in both languages is allocated once.
        #[derive(Deserialize)]
        struct Both<'a> {
            #[serde(borrow)]
            en: Cow<'a, str>,
            #[serde(borrow)]
            ko: Cow<'a, str>,
        }
        let Both { en, ko } = Both::deserialize(deserializer)?;
        Ok(if en == ko {
            Text::plain(en.into_owned())
        } else {
            Text::localized(en.into_owned(), ko.into_owned())
        })
    }
}

/// Validated scenario keywords: phrases of the prompt to highlight, per language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keywords {
    #[serde(deserialize_with = "super::model::exact_vec")]
    en: Vec<String>,
    #[serde(deserialize_with = "super::model::exact_vec")]
    ko: Vec<String>,
}

impl Keywords {
    /// Keywords with one list per language.
    pub fn localized(en: Vec<String>, ko: Vec<String>) -> Keywords {
        Keywords { en, ko }
    }

    /// The keywords for `lang`.
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En => &self.en,
            Lang::Ko => &self.ko,
        }
    }
}
