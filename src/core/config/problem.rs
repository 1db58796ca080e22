//! What can be wrong in `config.toml`, as typed values: core says them in English (`Display`, for logs and
//! tests) and `crate::text` says them in the learner's language, so a Korean learner reads a Korean error
//! about the settings file, hint included.

use std::fmt;

use super::keys::{KEY_SYNTAX, KeyError};

/// One problem in the settings file (its line and column are in [`super::ConfigError`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// The bytes are not UTF-8.
    NotUtf8,
    /// A TOML syntax error, in the parser's (English) words.
    Syntax(String),
    /// A key the file format does not have.
    UnknownField {
        /// The key.
        field: String,
        /// The keys it may have.
        expected: Vec<String>,
    },
    /// A value of the wrong type.
    WrongType {
        /// What was found, as the parser says it (`string "lots"`).
        found: String,
        /// What was expected (`i64`).
        expected: String,
    },
    /// `desired_retention` outside 0.7..=0.99 (the value as written).
    Retention(String),
    /// A whole-number setting out of range.
    Count {
        /// The setting.
        name: &'static str,
        /// Its largest value.
        max: u32,
        /// What was given.
        value: i64,
    },
    /// `language` is not `en` or `ko`.
    UnknownLanguage(String),
    /// A theme the interface does not have.
    UnknownTheme {
        /// What was given.
        name: String,
        /// The themes there are.
        known: Vec<String>,
    },
    /// A `[keys]` action the interface does not have.
    UnknownAction {
        /// What was given.
        name: String,
        /// The actions there are.
        known: Vec<String>,
    },
    /// A `[keys]` value that is not a key the interface can bind.
    BadKey {
        /// The value.
        key: String,
        /// Why.
        error: KeyError,
    },
    /// One key bound to two actions.
    KeyTaken {
        /// The key.
        key: String,
        /// The action it was bound to first.
        first: String,
        /// The line of that binding.
        line: usize,
        /// The action it is bound to again.
        action: String,
    },
    /// `highlight_keywords` is not one of its values.
    UnknownHighlight(String),
    /// FSRS refuses the parameters.
    Parameters {
        /// How many values were given.
        count: usize,
        /// What FSRS said.
        reason: String,
    },
    /// The file could not be edited (saving a setting): TOML the editor refuses, in its words.
    NotEditable(String),
}

impl ConfigProblem {
    /// The problem from a message of the TOML reader: a serde error (unknown field, wrong type) is typed, a
    /// syntax error keeps the parser's words.
    pub fn from_toml(message: &str) -> ConfigProblem {
        let message = message.trim();
        if let Some(rest) = message.strip_prefix("unknown field `")
            && let Some((field, tail)) = rest.split_once('`')
        {
            let expected = tail.split('`').skip(1).step_by(2).map(str::to_string).collect();
            return ConfigProblem::UnknownField {
                field: field.to_string(),
                expected,
            };
        }
        if let Some(rest) = message.strip_prefix("invalid type: ")
            && let Some((found, expected)) = rest.rsplit_once(", expected ")
        {
            return ConfigProblem::WrongType {
                found: found.to_string(),
                expected: expected.to_string(),
            };
        }
        ConfigProblem::Syntax(message.to_string())
    }

    /// How to fix it, in English.
    pub fn hint(&self) -> Option<String> {
        let hint = match self {
            ConfigProblem::NotUtf8 => "save config.toml as UTF-8",
            ConfigProblem::Syntax(_)
            | ConfigProblem::UnknownField { .. }
            | ConfigProblem::WrongType { .. } => {
                "see the comments in the default file (delete config.toml to get it back)"
            }
            ConfigProblem::Retention(_) => "0.9 is a good start; higher means more reviews",
            ConfigProblem::Count {
                name: "day_starts_at",
                ..
            } => "4 starts the day at 4 am, so late-night study counts for the day before",
            ConfigProblem::Count { .. } => return None,
            ConfigProblem::UnknownLanguage(_) => "use \"en\" or \"ko\"",
            ConfigProblem::UnknownTheme { known, .. } | ConfigProblem::UnknownAction { known, .. } => {
                return Some(format!("known: {}", known.join(", ")));
            }
            ConfigProblem::BadKey { .. } => KEY_SYNTAX,
            ConfigProblem::KeyTaken { action, .. } => {
                return Some(format!(
                    "give `{action}` another key, or remove one of the two lines"
                ));
            }
            ConfigProblem::UnknownHighlight(_) => "use \"after-answer\" or \"always\"",
            ConfigProblem::Parameters { .. } => {
                "run `recall optimize` again, or delete the line to use the defaults"
            }
            ConfigProblem::NotEditable(_) => {
                "fix the file (or delete it to get the defaults back), then try again"
            }
        };
        Some(hint.to_string())
    }
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigProblem::NotUtf8 => f.write_str("the file is not valid UTF-8 text"),
            ConfigProblem::Syntax(message) | ConfigProblem::NotEditable(message) => f.write_str(message),
            ConfigProblem::UnknownField { field, expected } => {
                let list: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
                write!(f, "unknown field `{field}`, expected one of {}", list.join(", "))
            }
            ConfigProblem::WrongType { found, expected } => {
                write!(f, "invalid type: {found}, expected {expected}")
            }
            ConfigProblem::Retention(value) => {
                write!(f, "desired_retention {value} is out of range 0.7..=0.99")
            }
            ConfigProblem::Count { name, max, value } => {
                write!(f, "{name} must be a whole number from 0 to {max}, not {value}")
            }
            ConfigProblem::UnknownLanguage(code) => write!(f, "unknown language `{code}`"),
            ConfigProblem::UnknownTheme { name, .. } => write!(f, "unknown theme `{name}`"),
            ConfigProblem::UnknownAction { name, .. } => write!(f, "unknown [keys] action `{name}`"),
            ConfigProblem::BadKey {
                key,
                error: error @ (KeyError::RepeatedModifier | KeyError::NotAKey),
            } => write!(f, "`{key}` {error}"),
            ConfigProblem::BadKey { key, error } => write!(f, "`{key}`: {error}"),
            ConfigProblem::KeyTaken { key, first, line, .. } => write!(
                f,
                "`{key}` is already the key of `{first}` (line {line}); one key cannot do two things"
            ),
            ConfigProblem::UnknownHighlight(value) => write!(f, "unknown highlight_keywords `{value}`"),
            ConfigProblem::Parameters { count, reason } => {
                write!(f, "invalid FSRS parameters ({count} values): {reason}")
            }
        }
    }
}
