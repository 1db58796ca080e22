//! Key names in the settings file (`undo = "u"`, `quit = "ctrl+c"`): parsing, validation and a canonical
//! spelling. The UI maps a [`KeySpec`] to its terminal library's key type; the core names no terminal crate.

use std::fmt;
use std::str::FromStr;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    /// A printable character, case-sensitive (`L` is not `l`).
    Char(char),
    /// The space bar.
    Space,
    /// Enter / Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Insert.
    Insert,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Home.
    Home,
    /// End.
    End,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// A function key, F1–F12.
    F(u8),
}

/// A key with its modifiers, as written in the settings file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeySpec {
    /// The key.
    pub code: KeyCode,
    /// Control held.
    pub ctrl: bool,
    /// Alt (Option) held.
    pub alt: bool,
    /// Shift held (for named keys; a capital letter is written as itself).
    pub shift: bool,
}

const NAMED: [(&str, KeyCode); 15] = [
    ("space", KeyCode::Space),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
];

/// The syntax, for error hints.
pub const KEY_SYNTAX: &str = "a single character (\"u\", \"?\"), or space, enter, esc, tab, backspace, \
     delete, insert, up, down, left, right, home, end, pageup, pagedown, f1-f12; a character may follow ctrl+";

impl KeySpec {
    /// A key without modifiers.
    pub fn plain(code: KeyCode) -> KeySpec {
        KeySpec {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }
}

impl KeySpec {
    /// Whether `self` and `other` are one key as a terminal reports it: `ctrl+Q` is `ctrl+q`.
    pub fn same_key(&self, other: &KeySpec) -> bool {
        let canonical = |k: &KeySpec| match k.code {
            KeyCode::Char(c) if k.ctrl => KeySpec {
                code: KeyCode::Char(c.to_ascii_lowercase()),
                ..*k
            },
            _ => *k,
        };
        canonical(self) == canonical(other)
    }

    /// Why the interface cannot bind this key, if it cannot: terminals do not report alt+ and shift+
    /// combinations reliably, and ctrl+ only combines with a character.
    pub fn unsupported(&self) -> Option<KeyError> {
        if self.alt || self.shift {
            return Some(KeyError::AltShift);
        }
        if self.ctrl && !matches!(self.code, KeyCode::Char(_)) {
            return Some(KeyError::CtrlNamed);
        }
        None
    }
}

/// Why a `[keys]` value is not a key the interface can bind; typed so that each language can say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// `ctrl+ctrl+q`.
    #[error("repeats a modifier")]
    RepeatedModifier,
    /// Not a character or a key name.
    #[error("is not a key")]
    NotAKey,
    /// alt+ or shift+, which terminals do not report reliably.
    #[error("alt+ and shift+ combinations are not supported; use a plain key or ctrl+")]
    AltShift,
    /// ctrl+ with a named key.
    #[error("ctrl+ combines only with a character (ctrl+q); use the named key alone")]
    CtrlNamed,
}

impl FromStr for KeySpec {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<KeySpec, KeyError> {
        let mut spec = KeySpec::plain(KeyCode::Esc);
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let flag = if lower.starts_with("ctrl+") && rest.len() > 5 {
                &mut spec.ctrl
            } else if lower.starts_with("alt+") && rest.len() > 4 {
                &mut spec.alt
            } else if lower.starts_with("shift+") && rest.len() > 6 {
                &mut spec.shift
            } else {
                break;
            };
            if *flag {
                return Err(KeyError::RepeatedModifier);
            }
            *flag = true;
            rest = &rest[lower.find('+').map_or(0, |i| i + 1)..];
        }
        spec.code = parse_code(rest).ok_or(KeyError::NotAKey)?;
        Ok(spec)
    }
}

fn parse_code(s: &str) -> Option<KeyCode> {
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control() && !c.is_whitespace()).then_some(KeyCode::Char(c));
    }
    let lower = s.to_ascii_lowercase();
    if let Some((_, code)) = NAMED.iter().find(|(name, _)| *name == lower) {
        return Some(*code);
    }
    let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
    (1..=12).contains(&n).then_some(KeyCode::F(n))
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (on, name) in [(self.ctrl, "ctrl+"), (self.alt, "alt+"), (self.shift, "shift+")] {
            if on {
                f.write_str(name)?;
            }
        }
        match self.code {
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => {
                let name = NAMED.iter().find(|(_, c)| *c == code).map_or("?", |(n, _)| n);
                f.write_str(name)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Result<KeySpec, KeyError> {
        s.parse()
    }

    #[test]
    fn characters_named_keys_and_modifiers_parse() {
        assert_eq!(key("u"), Ok(KeySpec::plain(KeyCode::Char('u'))));
        assert_eq!(key("L").map(|k| k.code), Ok(KeyCode::Char('L')));
        assert_eq!(key("+").map(|k| k.code), Ok(KeyCode::Char('+')));
        assert_eq!(key("PageDown").map(|k| k.code), Ok(KeyCode::PageDown));
        assert_eq!(key("f12").map(|k| k.code), Ok(KeyCode::F(12)));
        let k = key("Ctrl+Alt+x").unwrap();
        assert!(k.ctrl && k.alt && !k.shift && k.code == KeyCode::Char('x'));
        assert_eq!(
            key("ctrl++").map(|k| (k.ctrl, k.code)),
            Ok((true, KeyCode::Char('+')))
        );
    }

    #[test]
    fn bad_keys_are_refused() {
        for bad in [
            "",
            "uu",
            "ctrl+",
            "f13",
            "f0",
            "ctrl+ctrl+x",
            "\u{7}",
            " ",
            "hyper+x",
        ] {
            assert!(key(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn display_is_the_canonical_spelling_and_parses_back() {
        for s in ["u", "ctrl+c", "alt+shift+tab", "f5", "space", "?"] {
            let k = key(s).unwrap();
            assert_eq!(k.to_string(), s);
            assert_eq!(key(&k.to_string()), Ok(k));
        }
    }
}
