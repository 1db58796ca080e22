//! Key overrides from `config.toml`'s `[keys]` table: `action = "key"` replaces every default key of that
//! action, in input, the help overlay and the footer alike (the keymap consults these on every lookup).

use std::collections::BTreeMap;

use crossterm::event::KeyCode;

use super::keymap::Key;
use super::msg::Action;
use crate::core::config::{KeyCode as ConfigKey, KeySpec};

/// The names `[keys]` accepts, and the actions they rebind.
pub const ACTION_NAMES: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("back", Action::Back),
    ("help", Action::Help),
    ("search", Action::Search),
    ("language", Action::ToggleLang),
    ("up", Action::Up),
    ("down", Action::Down),
    ("left", Action::Left),
    ("right", Action::Right),
    ("next-item", Action::NextItem),
    ("previous-item", Action::PrevItem),
    ("page-up", Action::PageUp),
    ("page-down", Action::PageDown),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("open", Action::Open),
    ("study", Action::Study),
    ("study-all", Action::StudyAll),
    ("cram", Action::Cram),
    ("cram-all", Action::CramScope),
    ("more-new", Action::MoreNew),
    ("discard", Action::Discard),
    ("quiz", Action::Quiz),
    ("quiz-all", Action::QuizAll),
    ("weak", Action::Weak),
    ("exam", Action::Exam),
    ("resume", Action::Resume),
    ("browse", Action::Browse),
    ("stats", Action::Stats),
    ("reveal", Action::Reveal),
    ("again", Action::Grade(1)),
    ("hard", Action::Grade(2)),
    ("good", Action::Grade(3)),
    ("easy", Action::Grade(4)),
    ("undo", Action::Undo),
    ("flag", Action::Flag),
    ("review-list", Action::ReviewList),
    ("submit", Action::Submit),
    ("export", Action::Export),
];

/// The action names, for validating the settings file.
pub fn action_names() -> Vec<&'static str> {
    ACTION_NAMES.iter().map(|(name, _)| *name).collect()
}

/// Why an override cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OverrideError {
    /// The action name is not one of [`ACTION_NAMES`].
    #[error("[keys]: unknown action `{0}`")]
    UnknownAction(String),
    /// Alt and shift combinations cannot be told apart reliably in terminals.
    #[error("[keys] {action}: alt+ and shift+ combinations are not supported; use a plain key or ctrl+")]
    Unsupported {
        /// The action name.
        action: String,
    },
}

/// The rebound actions and their keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides(Vec<(Action, Key)>);

impl Overrides {
    /// Overrides from the settings' `[keys]` table.
    pub fn from_config(keys: &BTreeMap<String, KeySpec>) -> Result<Overrides, OverrideError> {
        let mut list = Vec::new();
        for (name, spec) in keys {
            let (_, action) = ACTION_NAMES
                .iter()
                .find(|(n, _)| n == name)
                .ok_or_else(|| OverrideError::UnknownAction(name.clone()))?;
            let key = key_of(spec).ok_or_else(|| OverrideError::Unsupported { action: name.clone() })?;
            list.push((*action, key));
        }
        Ok(Overrides(list))
    }

    /// The key that replaces `action`'s default keys, if any.
    pub fn key_for(&self, action: Action) -> Option<Key> {
        self.0.iter().find(|(a, _)| *a == action).map(|(_, k)| *k)
    }

    /// The overridden actions bound to `key`.
    pub fn actions_for(&self, key: Key) -> impl Iterator<Item = Action> + '_ {
        self.0.iter().filter(move |(_, k)| *k == key).map(|(a, _)| *a)
    }
}

fn key_of(spec: &KeySpec) -> Option<Key> {
    if spec.alt || spec.shift {
        return None;
    }
    let code = match spec.code {
        ConfigKey::Char(c) if spec.ctrl => return Some(Key::Ctrl(c.to_ascii_lowercase())),
        ConfigKey::Char(c) => return Some(Key::Char(c)),
        ConfigKey::Space if !spec.ctrl => return Some(Key::Char(' ')),
        _ if spec.ctrl => return None,
        ConfigKey::Space => return None,
        ConfigKey::Enter => KeyCode::Enter,
        ConfigKey::Esc => KeyCode::Esc,
        ConfigKey::Tab => KeyCode::Tab,
        ConfigKey::Backspace => KeyCode::Backspace,
        ConfigKey::Delete => KeyCode::Delete,
        ConfigKey::Insert => KeyCode::Insert,
        ConfigKey::Up => KeyCode::Up,
        ConfigKey::Down => KeyCode::Down,
        ConfigKey::Left => KeyCode::Left,
        ConfigKey::Right => KeyCode::Right,
        ConfigKey::Home => KeyCode::Home,
        ConfigKey::End => KeyCode::End,
        ConfigKey::PageUp => KeyCode::PageUp,
        ConfigKey::PageDown => KeyCode::PageDown,
        ConfigKey::F(n) => KeyCode::F(n),
    };
    Some(Key::Code(code))
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyEvent, KeyModifiers};

    use super::*;
    use crate::core::config::{Config, ConfigSchema};
    use crate::core::content::Lang;
    use crate::ui::keymap::{Context, hints, translate};
    use crate::ui::msg::Msg;

    fn overrides(toml: &str) -> Result<Overrides, OverrideError> {
        let names = action_names();
        let schema = ConfigSchema {
            actions: Some(&names),
            themes: None,
        };
        let config = Config::parse(toml, &schema).expect("valid settings");
        Overrides::from_config(&config.keys)
    }

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn an_override_replaces_the_default_key_everywhere() {
        let keys = overrides("[keys]\nundo = \"z\"\nquit = \"ctrl+q\"\n").unwrap();
        assert_eq!(
            translate(Context::Study, press('z'), &keys),
            Some(Msg::Action(Action::Undo))
        );
        assert_eq!(
            translate(Context::Study, press('u'), &keys),
            None,
            "the old key is free"
        );
        assert_eq!(translate(Context::Home, press('q'), &keys), None);
        let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(
            translate(Context::Home, ctrl_q, &keys),
            Some(Msg::Action(Action::Quit))
        );
        // `z` still means quiz on home, where undo is not bound.
        assert_eq!(
            translate(Context::Home, press('z'), &keys),
            Some(Msg::Action(Action::Quiz))
        );
        let shown = hints(Context::Study, Lang::En, &keys, None);
        assert!(
            shown.iter().any(|h| h.keys == "z" && h.label == "undo"),
            "{shown:?}"
        );
    }

    #[test]
    fn every_action_name_is_unique_and_alt_is_refused() {
        let mut names = action_names();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ACTION_NAMES.len());
        // The settings parser refuses alt+ at its line and column, for every command…
        let names = action_names();
        let schema = ConfigSchema {
            actions: Some(&names),
            themes: None,
        };
        let err = Config::parse("[keys]\nflag = \"alt+f\"\n", &schema).unwrap_err();
        assert_eq!((err.line, err.col), (2, 8), "{err}");
        // …and the interface would refuse it too if handed one.
        let mut keys = BTreeMap::new();
        keys.insert("flag".to_string(), "alt+f".parse::<KeySpec>().unwrap());
        assert_eq!(
            Overrides::from_config(&keys),
            Err(OverrideError::Unsupported {
                action: "flag".into()
            })
        );
    }
}
