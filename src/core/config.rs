//! The settings file, `config.toml`: parsed strictly, with defaults for what it leaves out.
//!
//! A missing key takes its default; a bad value, an unknown key or bad TOML is a [`ConfigError`] with
//! line, column and a hint — never a silent default. [`default_text`] is the commented file written on
//! first run. [`edit`] changes one setting in an existing file, keeping the user's comments. Reading and
//! writing the file is `crate::io::config`'s job.

pub mod edit;
pub mod keys;

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::core::content::Lang;
use crate::core::content::diagnostic::LineIndex;
use crate::core::srs::{DayClock, Limits, RETENTION_RANGE, Scheduler, SchedulerError};
pub use keys::{KeyCode, KeySpec};

/// The settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Share of reviews to remember, 0.7–0.99 (default 0.9).
    pub desired_retention: f32,
    /// New cards per day (default 20).
    pub new_per_day: u32,
    /// Reviews per day (default 200).
    pub reviews_per_day: u32,
    /// Hour a study day starts, 0–23 local time (default 4).
    pub day_starts_at: u8,
    /// Interface and deck language (default English).
    pub language: Lang,
    /// Colour theme name (default `default`).
    pub theme: String,
    /// Key overrides: action name → key.
    pub keys: BTreeMap<String, KeySpec>,
    /// Personal FSRS parameters from `recall optimize`; `None` = FSRS-6 defaults.
    pub fsrs_parameters: Option<Vec<f32>>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            desired_retention: 0.9,
            new_per_day: 20,
            reviews_per_day: 200,
            day_starts_at: 4,
            language: Lang::En,
            theme: "default".to_string(),
            keys: BTreeMap::new(),
            fsrs_parameters: None,
        }
    }
}

/// What names the caller accepts for actions and themes; `None` checks only the syntax.
#[derive(Debug, Clone, Copy, Default)]
pub struct ConfigSchema<'a> {
    /// Action names `[keys]` may bind.
    pub actions: Option<&'a [&'a str]>,
    /// Theme names.
    pub themes: Option<&'a [&'a str]>,
}

/// A problem in the settings file, at a line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ConfigError {
    /// Line (1-based).
    pub line: usize,
    /// Column in characters (1-based).
    pub col: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {hint}")?;
        }
        Ok(())
    }
}

/// The file as written: every field optional, positions kept.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    desired_retention: Option<Spanned<f64>>,
    new_per_day: Option<Spanned<i64>>,
    reviews_per_day: Option<Spanned<i64>>,
    day_starts_at: Option<Spanned<i64>>,
    language: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<String>>,
    fsrs_parameters: Option<Spanned<Vec<f64>>>,
}

/// The commented default file written on first run.
pub fn default_text() -> &'static str {
    include_str!("config/default.toml")
}

impl Config {
    /// Parses and checks the settings file's text.
    pub fn parse(text: &str, schema: &ConfigSchema<'_>) -> Result<Config, ConfigError> {
        let index = LineIndex::new(text);
        let err = |span: Range<usize>, message: String, hint: &str| {
            let at = index.position(span.start);
            ConfigError {
                line: at.line,
                col: at.col,
                message,
                hint: (!hint.is_empty()).then(|| hint.to_string()),
            }
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let hint = "see the comments in the default file (delete config.toml to get it back)";
            err(e.span().unwrap_or(0..0), e.message().trim().to_string(), hint)
        })?;
        let mut config = Config::default();
        if let Some(v) = raw.desired_retention {
            let r = *v.get_ref() as f32;
            if !RETENTION_RANGE.contains(&r) {
                let hint = "0.9 is a good start; higher means more reviews";
                return Err(err(
                    v.span(),
                    format!("desired_retention {} is out of range 0.7..=0.99", v.get_ref()),
                    hint,
                ));
            }
            config.desired_retention = r;
        }
        let count = |v: Spanned<i64>, name: &str, max: i64| {
            let n = *v.get_ref();
            u32::try_from(n)
                .ok()
                .filter(|n| i64::from(*n) <= max)
                .ok_or_else(|| {
                    err(
                        v.span(),
                        format!("{name} must be a whole number from 0 to {max}, not {n}"),
                        "",
                    )
                })
        };
        if let Some(v) = raw.new_per_day {
            config.new_per_day = count(v, "new_per_day", 9_999)?;
        }
        if let Some(v) = raw.reviews_per_day {
            config.reviews_per_day = count(v, "reviews_per_day", 99_999)?;
        }
        if let Some(v) = raw.day_starts_at {
            let hint = "4 starts the day at 4 am, so late-night study counts for the day before";
            config.day_starts_at = u8::try_from(count(v, "day_starts_at", 23).map_err(|e| ConfigError {
                hint: Some(hint.to_string()),
                ..e
            })?)
            .unwrap_or(4);
        }
        if let Some(v) = raw.language {
            config.language = Lang::from_code(v.get_ref()).ok_or_else(|| {
                err(
                    v.span(),
                    format!("unknown language `{}`", v.get_ref()),
                    "use \"en\" or \"ko\"",
                )
            })?;
        }
        if let Some(v) = raw.theme {
            check_name(v.get_ref(), schema.themes)
                .map_err(|hint| err(v.span(), format!("unknown theme `{}`", v.get_ref()), &hint))?;
            config.theme = v.into_inner();
        }
        for (action, key) in raw.keys {
            check_name(action.get_ref(), schema.actions).map_err(|hint| {
                err(
                    action.span(),
                    format!("unknown action `{}` in [keys]", action.get_ref()),
                    &hint,
                )
            })?;
            let spec = key
                .get_ref()
                .parse::<KeySpec>()
                .map_err(|m| err(key.span(), m, keys::KEY_SYNTAX))?;
            config.keys.insert(action.into_inner(), spec);
        }
        if let Some(v) = raw.fsrs_parameters {
            let params: Vec<f32> = v.get_ref().iter().map(|p| *p as f32).collect();
            let hint = "run `recall optimize` again, or delete the line to use the defaults";
            Scheduler::new(&params, config.desired_retention, DayClock::utc_midnight())
                .map_err(|e| err(v.span(), e.to_string(), hint))?;
            config.fsrs_parameters = (!params.is_empty()).then_some(params);
        }
        Ok(config)
    }

    /// The daily limits.
    pub fn limits(&self) -> Limits {
        Limits {
            new_per_day: self.new_per_day,
            reviews_per_day: self.reviews_per_day,
        }
    }

    /// A scheduler with these settings in time zone `tz`.
    pub fn scheduler(&self, tz: jiff::tz::TimeZone) -> Result<Scheduler, SchedulerError> {
        let clock =
            DayClock::new(tz, self.day_starts_at.min(23)).unwrap_or_else(|_| DayClock::utc_midnight());
        Scheduler::new(
            self.fsrs_parameters.as_deref().unwrap_or(&[]),
            self.desired_retention,
            clock,
        )
    }
}

/// Checks a name against the allowed list; the error is the hint.
fn check_name(name: &str, allowed: Option<&[&str]>) -> Result<(), String> {
    match allowed {
        Some(list) if !list.contains(&name) => Err(format!("known: {}", list.join(", "))),
        _ => Ok(()),
    }
}
