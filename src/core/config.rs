//! The settings file, `config.toml`: parsed strictly, with defaults for what it leaves out.
//!
//! A missing key takes its default; a bad value, an unknown key or bad TOML is a [`ConfigError`] with
//! line, column and a hint — never a silent default. [`default_text`] is the commented file written on
//! first run. [`edit`] changes one setting in an existing file, keeping the user's comments. Reading and
//! writing the file is `crate::io::config`'s job.

pub mod edit;
pub mod keys;
pub mod problem;

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::core::content::Lang;
use crate::core::content::diagnostic::LineIndex;
use crate::core::srs::{DayClock, Limits, RETENTION_RANGE, Scheduler, SchedulerError};
pub use keys::{KeyCode, KeySpec};
pub use problem::ConfigProblem;

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
    /// When Study, Quiz and Browse highlight a scenario's keywords (default: after the answer).
    pub highlight_keywords: KeywordHighlights,
}

/// When a scenario's keywords are highlighted. The mock exam never highlights them before it is
/// submitted, as the real exam highlights nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum KeywordHighlights {
    /// Once the question is answered (or the answer shown): the learner reads the prompt unaided first.
    #[default]
    AfterAnswer,
    /// While the question is open too, as a study aid.
    Always,
}

impl KeywordHighlights {
    /// The setting's name in config.toml.
    pub fn name(self) -> &'static str {
        match self {
            KeywordHighlights::AfterAnswer => "after-answer",
            KeywordHighlights::Always => "always",
        }
    }

    /// Whether keywords show, given whether the question is answered.
    pub fn show(self, answered: bool) -> bool {
        answered || self == KeywordHighlights::Always
    }
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
            highlight_keywords: KeywordHighlights::AfterAnswer,
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
    /// What is wrong (with how to fix it).
    pub problem: ConfigProblem,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.problem)?;
        if let Some(hint) = self.problem.hint() {
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
    highlight_keywords: Option<Spanned<String>>,
}

/// The commented default file written on first run.
pub fn default_text() -> &'static str {
    include_str!("config/default.toml")
}

impl Config {
    /// Parses and checks the settings file's text.
    pub fn parse(text: &str, schema: &ConfigSchema<'_>) -> Result<Config, ConfigError> {
        let check = Checker {
            index: LineIndex::new(text),
        };
        let raw: RawConfig = toml::from_str(text)
            .map_err(|e| check.error(e.span().unwrap_or(0..0), ConfigProblem::from_toml(e.message())))?;
        let mut config = Config::default();
        if let Some(v) = raw.desired_retention {
            config.desired_retention = check.retention(v)?;
        }
        if let Some(v) = raw.new_per_day {
            config.new_per_day = check.count(v, "new_per_day", 9_999)?;
        }
        if let Some(v) = raw.reviews_per_day {
            config.reviews_per_day = check.count(v, "reviews_per_day", 99_999)?;
        }
        if let Some(v) = raw.day_starts_at {
            config.day_starts_at = u8::try_from(check.count(v, "day_starts_at", 23)?).unwrap_or(4);
        }
        if let Some(v) = raw.language {
            config.language = Lang::from_code(v.get_ref())
                .ok_or_else(|| check.error(v.span(), ConfigProblem::UnknownLanguage(v.get_ref().clone())))?;
        }
        if let Some(v) = raw.theme {
            config.theme = check.name(v, schema.themes, |name, known| ConfigProblem::UnknownTheme {
                name,
                known,
            })?;
        }
        // In file order, so a key given twice is reported where it is given the second time.
        let mut bindings: Vec<_> = raw.keys.into_iter().collect();
        bindings.sort_by_key(|(_, key)| key.span().start);
        let mut bound: Vec<(KeySpec, String, Range<usize>)> = Vec::new();
        for (action, key) in bindings {
            let action = check.name(action, schema.actions, |name, known| {
                ConfigProblem::UnknownAction { name, known }
            })?;
            let bad_key = |error| ConfigProblem::BadKey {
                key: key.get_ref().clone(),
                error,
            };
            let spec = key
                .get_ref()
                .parse::<KeySpec>()
                .map_err(|e| check.error(key.span(), bad_key(e)))?;
            if let Some(why) = spec.unsupported() {
                return Err(check.error(key.span(), bad_key(why)));
            }
            if let Some((_, first, at)) = bound.iter().find(|(b, _, _)| b.same_key(&spec)) {
                let problem = ConfigProblem::KeyTaken {
                    key: key.get_ref().clone(),
                    first: first.clone(),
                    line: check.index.position(at.start).line,
                    action: action.clone(),
                };
                return Err(check.error(key.span(), problem));
            }
            bound.push((spec, action.clone(), key.span()));
            config.keys.insert(action, spec);
        }
        if let Some(v) = raw.highlight_keywords {
            config.highlight_keywords = [KeywordHighlights::AfterAnswer, KeywordHighlights::Always]
                .into_iter()
                .find(|h| h.name() == v.get_ref())
                .ok_or_else(|| check.error(v.span(), ConfigProblem::UnknownHighlight(v.get_ref().clone())))?;
        }
        if let Some(v) = raw.fsrs_parameters {
            config.fsrs_parameters = check.parameters(v, config.desired_retention)?;
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

/// Turns spans into positions and checks single values.
struct Checker<'a> {
    index: LineIndex<'a>,
}

impl Checker<'_> {
    fn error(&self, span: Range<usize>, problem: ConfigProblem) -> ConfigError {
        let at = self.index.position(span.start);
        ConfigError {
            line: at.line,
            col: at.col,
            problem,
        }
    }

    fn retention(&self, v: Spanned<f64>) -> Result<f32, ConfigError> {
        let r = *v.get_ref() as f32;
        if RETENTION_RANGE.contains(&r) {
            return Ok(r);
        }
        Err(self.error(v.span(), ConfigProblem::Retention(v.get_ref().to_string())))
    }

    fn count(&self, v: Spanned<i64>, name: &'static str, max: u32) -> Result<u32, ConfigError> {
        let value = *v.get_ref();
        u32::try_from(value)
            .ok()
            .filter(|n| *n <= max)
            .ok_or_else(|| self.error(v.span(), ConfigProblem::Count { name, max, value }))
    }

    /// A name from `allowed` (any name if `None`).
    fn name(
        &self,
        v: Spanned<String>,
        allowed: Option<&[&str]>,
        unknown: impl FnOnce(String, Vec<String>) -> ConfigProblem,
    ) -> Result<String, ConfigError> {
        match allowed {
            Some(list) if !list.contains(&v.get_ref().as_str()) => {
                let known = list.iter().map(|s| s.to_string()).collect();
                Err(self.error(v.span(), unknown(v.get_ref().clone(), known)))
            }
            _ => Ok(v.into_inner()),
        }
    }

    /// Parameters FSRS accepts (an empty list means the defaults).
    fn parameters(&self, v: Spanned<Vec<f64>>, retention: f32) -> Result<Option<Vec<f32>>, ConfigError> {
        let params: Vec<f32> = v.get_ref().iter().map(|p| *p as f32).collect();
        Scheduler::new(&params, retention, DayClock::utc_midnight()).map_err(|e| {
            let reason = match e {
                SchedulerError::Parameters { reason, .. } => reason,
                other => other.to_string(),
            };
            let count = params.len();
            self.error(v.span(), ConfigProblem::Parameters { count, reason })
        })?;
        Ok((!params.is_empty()).then_some(params))
    }
}
