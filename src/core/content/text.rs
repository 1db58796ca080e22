//! Localized text: the one type every human-readable string of a deck goes through.
//!
//! A deck author writes either a plain string (the same in every language) or a table with one string per
//! [`Lang`]. After validation a [`Text`] always has a value for every language (falling back to English, or
//! to whatever language exists), so the rest of the program never deals with a missing translation.

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    en: String,
    ko: String,
}

impl Text {
    /// Text that reads the same in every language.
    pub fn plain(s: impl Into<String>) -> Text {
        let s = s.into();
        Text { en: s.clone(), ko: s }
    }

    /// Text with one value per language.
    pub fn localized(en: impl Into<String>, ko: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            ko: ko.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ko => &self.ko,
        }
    }

    /// Every language's value, without repeating identical ones (for search indexing).
    pub fn variants(&self) -> impl Iterator<Item = &str> {
        let ko = (self.ko != self.en).then_some(self.ko.as_str());
        std::iter::once(self.en.as_str()).chain(ko)
    }
}

/// Validated scenario keywords: phrases of the prompt to highlight, per language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Keywords {
    en: Vec<String>,
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
