//! Untrusted text (decks, logs, settings, file names) on its way to a terminal or a JSON reader.
//!
//! A deck is downloaded from someone else and a log is synced from another device, so any string in them
//! may carry ESC, BEL, C1 controls or bidi overrides that would drive the reader's terminal or hide what a
//! line really says. [`for_terminal`] is the one function that renders such text for a terminal: every
//! hostile character becomes a visible escape such as `\u{1b}`. The command-line output goes through it as
//! a whole (`crate::cli::output`), so every diagnostic, warning and error is covered without each message
//! having to remember. [`to_json_pretty`] does the same job for JSON, where escapes are `\u001b`.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Serialize;

/// Whether `c` must not reach a terminal as it is: C0 controls other than newline and tab, DEL, the C1
/// controls (U+0080–U+009F) and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
pub fn is_hostile(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every [`is_hostile`] character shown as a Rust-style escape (`\u{1b}`, `\u{202e}`); the
/// text itself when there is none (the common case costs no allocation).
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    escape_with(text, |c, out| {
        let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
    })
}

/// `text` for one line of output: [`for_terminal`] leaves newlines alone (a message may have several lines),
/// so a file name, or a quoted value, inside a `path:line:col: error: …` line shows a newline as `\u{a}`
/// instead of starting a line of its own that would look like another diagnostic.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.contains('\n') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace('\n', "\\u{a}"))
}

/// `value` as pretty-printed JSON in which no hostile character is left raw. serde_json escapes C0
/// controls but writes DEL, C1 controls and bidi characters as they are; they can only occur inside
/// strings (the JSON around them is ASCII), so replacing them with `\uXXXX` keeps the document valid and
/// its values unchanged.
pub fn to_json_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let json = serde_json::to_string_pretty(value)?;
    Ok(escape_with(&json, |c, out| {
        let _ = write!(out, "\\u{:04x}", u32::from(c));
    })
    .into_owned())
}

fn escape_with(text: &str, escape: impl Fn(char, &mut String)) -> Cow<'_, str> {
    let Some(first) = text.find(is_hostile) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if is_hostile(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_characters_become_visible_escapes() {
        assert_eq!(for_terminal("a\u{1b}]0;PWNED\u{7}b"), "a\\u{1b}]0;PWNED\\u{7}b");
        assert_eq!(for_terminal("\u{9b}31m\u{7f}"), "\\u{9b}31m\\u{7f}");
        assert_eq!(for_terminal("abc\u{202e}fed\u{2066}"), "abc\\u{202e}fed\\u{2066}");
        assert_eq!(for_terminal("\r"), "\\u{d}");
    }

    #[test]
    fn one_line_shows_a_newline_as_an_escape() {
        assert_eq!(one_line("a.toml\nok: fine"), "a.toml\\u{a}ok: fine");
        assert!(matches!(one_line("dir/a.toml"), Cow::Borrowed("dir/a.toml")));
    }

    #[test]
    fn plain_text_newlines_and_tabs_pass_unchanged() {
        let text = "line one\n\tline two: 람다 ‘quoted’ \u{a0}é";
        assert!(matches!(for_terminal(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn json_escapes_c1_del_and_bidi_and_stays_the_same_value() {
        let value = vec!["\u{1b}[31m", "\u{85}\u{9b}", "\u{7f}", "a\u{202e}b", "ok 람다"];
        let json = to_json_pretty(&value).unwrap();
        assert!(!json.chars().any(is_hostile), "{json:?}");
        assert!(json.contains("\\u009b") && json.contains("\\u202e") && json.contains("\\u007f"));
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
    }
}
