//! One Anki field → plain text that the deck validator accepts.
//!
//! Anki fields are small HTML fragments written by its editor (`<b>`, `<br>`, `<div>`, `&nbsp;`, `<img>`),
//! not whole documents, so a tag stripper is enough and simpler than an HTML parser: tags are dropped,
//! block tags and `<br>` become line breaks, `<script>`/`<style>` lose their contents, and entities are
//! decoded with the `html-escape` crate (the whole HTML5 table, numeric references included). Media
//! references (`[sound:…]`, `<img>`) are dropped and counted. Last, characters the deck format forbids
//! (control characters, bidi overrides) are removed and counted, tabs become spaces, and blank-line runs and
//! trailing spaces are trimmed — so no byte of the input reaches a terminal raw.

use crate::core::content::validate::is_forbidden_char;

/// What converting dropped, summed over fields.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Dropped {
    /// `[sound:…]` references and `<img>` tags.
    pub media: usize,
    /// Control characters and bidi overrides removed.
    pub characters: usize,
}

/// Converts one field to plain text; `html` is the file's `#html` setting (plain-text fields keep `<` and
/// `&` as they are).
pub fn field_to_text(field: &str, html: bool, dropped: &mut Dropped) -> String {
    let without_sounds = drop_sounds(field, dropped);
    let text = if html {
        strip_tags(&without_sounds, dropped)
    } else {
        without_sounds
    };
    tidy(&text, dropped)
}

/// Removes every `[sound:…]` reference.
fn drop_sounds(field: &str, dropped: &mut Dropped) -> String {
    let mut out = String::with_capacity(field.len());
    let mut rest = field;
    while let Some(start) = rest.find("[sound:") {
        let Some(len) = rest[start..].find(']') else {
            break;
        };
        out.push_str(&rest[..start]);
        dropped.media += 1;
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Drops tags, turns line-breaking tags into `\n` and decodes entities in the text between tags.
fn strip_tags(html: &str, dropped: &mut Dropped) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        push_text(&mut out, &rest[..start]);
        let after = &rest[start..];
        if let Some(comment) = after.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        if !starts_tag(after) {
            // A lone `<` in text ("a < b"): keep it.
            push_text(&mut out, "<");
            rest = &after[1..];
            continue;
        }
        let Some(end) = tag_end(after) else {
            rest = "";
            break;
        };
        let name = tag_name(&after[1..end]);
        rest = &after[end + 1..];
        match name.as_str() {
            "img" => dropped.media += 1,
            "br" | "div" | "/div" | "p" | "/p" | "li" | "/li" | "tr" | "/tr" | "/h1" | "/h2" | "/h3"
            | "/h4" | "/h5" | "/h6" => out.push('\n'),
            "script" | "style" => rest = skip_element(rest, &name),
            _ => {}
        }
    }
    push_text(&mut out, rest);
    out
}

/// Whether `s` (starting with `<`) opens a tag rather than being a literal `<`.
fn starts_tag(s: &str) -> bool {
    s[1..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?')
}

/// The index of the `>` closing the tag at the start of `s`, skipping quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// `b`, `/div`, `br` … of a tag's inside, lowercased.
fn tag_name(inside: &str) -> String {
    let closing = inside.starts_with('/');
    let name: String = inside
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if closing { format!("/{name}") } else { name }
}

/// The rest after `</name>` (case-insensitive), or nothing if it is never closed.
fn skip_element<'a>(rest: &'a str, name: &str) -> &'a str {
    let closing = format!("</{name}");
    let lower = rest.to_ascii_lowercase();
    match lower.find(&closing) {
        Some(at) => rest[at..].find('>').map_or("", |end| &rest[at + end + 1..]),
        None => "",
    }
}

/// Appends text between tags: entities decoded, source line breaks as spaces (HTML ignores them).
fn push_text(out: &mut String, text: &str) {
    let decoded = html_escape::decode_html_entities(text);
    out.extend(decoded.chars().map(|c| match c {
        '\n' | '\r' => ' ',
        c => c,
    }));
}

/// Removes forbidden characters (counting them), turns tabs and no-break spaces into spaces, trims trailing
/// spaces on each line, keeps at most one blank line in a row and trims the ends.
fn tidy(text: &str, dropped: &mut Dropped) -> String {
    let normalized = text.replace("\r\n", "\n");
    let mut lines: Vec<String> = Vec::new();
    for line in normalized.split('\n') {
        let clean: String = line
            .chars()
            .filter_map(|c| match c {
                '\t' | '\u{a0}' => Some(' '),
                c if is_forbidden_char(c) => {
                    dropped.characters += 1;
                    None
                }
                c => Some(c),
            })
            .collect();
        let clean = clean.trim_end().to_string();
        let blank_run = clean.is_empty() && lines.last().is_some_and(String::is_empty);
        if !blank_run {
            lines.push(clean);
        }
    }
    lines.join("\n").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(field: &str, html: bool) -> (String, Dropped) {
        let mut dropped = Dropped::default();
        (field_to_text(field, html, &mut dropped), dropped)
    }

    #[test]
    fn tags_go_entities_decode_and_breaks_become_lines() {
        let (text, _) = convert(
            "<b>Paris</b> &amp; Lyon<br>&lt;b&gt; is a tag&nbsp;x<div>next</div>",
            true,
        );
        assert_eq!(text, "Paris & Lyon\n<b> is a tag x\nnext");
    }

    #[test]
    fn media_is_dropped_and_counted() {
        let (text, dropped) = convert("Listen [sound:a.mp3]<img src=\"x.png\"> now", true);
        assert_eq!(text, "Listen  now");
        assert_eq!(dropped.media, 2);
        let (plain, dropped) = convert("[sound:b.ogg]plain <img>", false);
        assert_eq!(plain, "plain <img>");
        assert_eq!(dropped.media, 1);
    }

    #[test]
    fn scripts_comments_and_quoted_brackets_leave_no_text() {
        let (text, _) = convert(
            "a<script>alert('<b>')</script><!-- c -->b<a title=\"x>y\">c</a>",
            true,
        );
        assert_eq!(text, "abc");
    }

    #[test]
    fn a_lone_less_than_is_text() {
        assert_eq!(convert("1 < 2", true).0, "1 < 2");
    }

    #[test]
    fn escape_sequences_and_bidi_overrides_are_removed_even_when_encoded() {
        let (text, dropped) = convert("a\u{1b}[31mb\u{202e}c\u{7}\td", true);
        assert_eq!(text, "a[31mbc d");
        assert_eq!(dropped.characters, 3);
        // An encoded escape is not decoded into one.
        assert!(!convert("a&#27;[31m&#x1B;b", true).0.contains('\u{1b}'));
        let (plain, _) = convert("x\u{1b}y", false);
        assert_eq!(plain, "xy");
    }

    #[test]
    fn plain_fields_keep_their_line_breaks_but_not_blank_runs() {
        assert_eq!(convert("a\r\n\n\n\nb  \n", false).0, "a\n\nb");
    }
}
