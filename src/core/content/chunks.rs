//! Cutting a big topic file into pieces that parse on their own, so one file's parse spreads over the cores
//! and the parser's memory (several times the text it holds) stays bounded by a piece, not the file.
//!
//! A topic file is `[topic]` and then a run of `[[section]]`, `[[fact]]`, `[[compare]]` and `[[scenario]]`
//! tables. Each of those headers starts a fresh table, so the file may be cut just before one: the pieces
//! parsed apart give the same tables as the whole. [`split`] only cuts where that holds, and says `None`
//! (parse the file whole) for anything it cannot vouch for: keys before the first header, a `[topic]` table
//! or an unknown table after the items began, a header written in a way it does not recognise. Where a cut
//! would fall inside a string, there is no header (the scan follows TOML's four kinds of strings and its
//! comments). The loader still parses a file whole whenever one of its pieces has a syntax error, so the
//! errors a learner sees are always the whole file's.

use std::ops::Range;

/// The top-level arrays of tables a topic file holds items in; a file may be cut before any of them.
const ITEM_TABLES: [&str; 4] = ["section", "fact", "compare", "scenario"];

/// Cuts `text` into consecutive pieces of about `target` bytes (the last may be shorter), each but the first
/// starting at an item header. `None` when the file is not worth cutting (under two pieces) or cannot be cut
/// safely; the pieces then are the whole file.
pub(crate) fn split(text: &str, target: usize) -> Option<Vec<Range<usize>>> {
    if text.len() < target.saturating_mul(2) {
        return None;
    }
    let headers = headers(text)?;
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut items_began = false;
    for (at, header) in headers {
        match header {
            Header::Item => {
                if items_began && at - start >= target {
                    pieces.push(start..at);
                    start = at;
                }
                items_began = true;
            }
            Header::InsideItem if items_began => {}
            Header::Other if !items_began => {}
            Header::InsideItem | Header::Other => return None,
        }
    }
    pieces.push(start..text.len());
    (pieces.len() > 1).then_some(pieces)
}

/// What a table header line opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    /// `[[fact]]` and its kin: a new item, where a cut may fall.
    Item,
    /// A table inside the current item: `[[compare.row]]`, `[[scenario.choice]]`, `[fact.detail]`.
    InsideItem,
    /// Any other header (`[topic]`), or one written in a form this scan does not read.
    Other,
}

/// Every table header of `text` (lines starting with `[` outside strings), with its byte offset; `None` if a
/// key or value sits before the first header, where a later piece could not see it.
fn headers(text: &str) -> Option<Vec<(usize, Header)>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut scan = Scan { bytes, at: 0 };
    while scan.at < bytes.len() {
        let line_start = scan.at;
        let first = scan.skip_blanks();
        match first {
            Some(b'[') => found.push((line_start, classify(line(text, scan.at)))),
            Some(b'#') | Some(b'\n') | None => {}
            Some(_) if found.is_empty() => return None,
            Some(_) => {}
        }
        scan.rest_of_line();
    }
    Some(found)
}

/// The line of `text` starting at `at`, without its line break.
fn line(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    rest.find('\n')
        .map_or(rest, |end| &rest[..end])
        .trim_end_matches('\r')
}

/// Reads a header line such as `[[fact]]  # comment`.
fn classify(line: &str) -> Header {
    let line = line.split_once('#').map_or(line, |(before, _)| before).trim_end();
    let (name, array) = if let Some(inner) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]")) {
        (inner, true)
    } else if let Some(inner) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
        (inner, false)
    } else {
        return Header::Other;
    };
    let plain = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    };
    let mut parts = name.split('.');
    let head = parts.next().unwrap_or_default();
    if !ITEM_TABLES.contains(&head) || !parts.clone().all(plain) {
        return Header::Other;
    }
    match (parts.next(), array) {
        (None, true) => Header::Item,
        (None, false) => Header::Other,
        (Some(_), _) => Header::InsideItem,
    }
}

/// A cursor over the file's bytes that steps over strings and comments whole.
struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scan<'_> {
    /// Skips spaces and tabs; the byte after them, if any.
    fn skip_blanks(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.at) {
            if b != b' ' && b != b'\t' && b != b'\r' {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    /// Moves past the end of the current line, and past any string that starts on it, however many lines
    /// that string runs over.
    fn rest_of_line(&mut self) {
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            match b {
                b'\n' => return,
                b'#' => {
                    self.skip_past(|b| b == b'\n');
                    return;
                }
                b'"' if self.opens_multiline(b'"') => self.multiline(b'"'),
                b'\'' if self.opens_multiline(b'\'') => self.multiline(b'\''),
                b'"' => self.basic_string(),
                b'\'' => self.skip_past(|b| b == b'\'' || b == b'\n'),
                _ => {}
            }
        }
    }

    /// Whether the quote just read is the first of three.
    fn opens_multiline(&mut self, quote: u8) -> bool {
        if self.bytes.get(self.at..self.at + 2) == Some(&[quote, quote]) {
            self.at += 2;
            return true;
        }
        false
    }

    /// Skips to just past the next byte that `end` accepts (or to the end of the text).
    fn skip_past(&mut self, end: impl Fn(u8) -> bool) {
        match self.bytes[self.at..].iter().position(|&b| end(b)) {
            Some(i) => self.at += i + 1,
            None => self.at = self.bytes.len(),
        }
    }

    /// A `"…"` string: ends at an unescaped quote (or, unterminated, at the line's end).
    fn basic_string(&mut self) {
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            match b {
                b'\\' => self.at += 1,
                b'"' => return,
                b'\n' => {
                    // Unterminated: the line is over, and the next one starts afresh.
                    self.at -= 1;
                    return;
                }
                _ => {}
            }
        }
    }

    /// A `"""…"""` or `'''…'''` string, after its opening quotes: ends at three quotes (and up to two more
    /// quotes right before them, which TOML counts as content). Only `"""` strings have escapes.
    fn multiline(&mut self, quote: u8) {
        loop {
            let Some(i) = memchr::memchr2(quote, b'\\', &self.bytes[self.at..]) else {
                self.at = self.bytes.len();
                return;
            };
            self.at += i + 1;
            if self.bytes[self.at - 1] == b'\\' {
                if quote == b'"' {
                    self.at += 1;
                }
                continue;
            }
            let run = self.bytes[self.at..].iter().take_while(|&&b| b == quote).count();
            if run >= 2 {
                self.at += run.min(4);
                return;
            }
            self.at += run;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, target: usize) -> Option<Vec<&str>> {
        split(text, target).map(|ranges| ranges.into_iter().map(|r| &text[r]).collect())
    }

    const TOPIC: &str = "[topic]\nid = \"t\"\ntitle = \"T\"\n\n";

    fn fact(id: &str) -> String {
        format!("[[fact]]\nid = \"{id}\"\nprompt = \"p\"\nanswer = \"a\"\n\n")
    }

    #[test]
    fn cuts_before_item_headers_once_a_piece_is_long_enough() {
        let (a, b, c, d) = (fact("a"), fact("b"), fact("c"), fact("d"));
        let text = format!("{TOPIC}{a}{b}{c}{d}");
        // Two facts long: the first piece runs to the first header at or past that length.
        let target = a.len() * 2;
        assert_eq!(
            pieces(&text, target),
            Some(vec![
                format!("{TOPIC}{a}{b}").as_str(),
                format!("{c}{d}").as_str()
            ])
        );
    }

    #[test]
    fn a_small_file_is_not_cut() {
        let text = format!("{TOPIC}{}{}", fact("a"), fact("b"));
        assert_eq!(split(&text, text.len() / 2 + 1), None);
        assert!(split(&text, text.len() / 4).is_some());
    }

    #[test]
    fn a_file_of_two_pieces_length_is_cut() {
        // The topic and a fact, then a fact padded to the same length: the second starts a piece of
        // `target` bytes.
        let (a, b) = (fact("a"), fact("b"));
        let target = TOPIC.len() + a.len();
        let exact = format!("{TOPIC}{a}{b}{}", " ".repeat(target - b.len()));
        assert_eq!(exact.len(), 2 * target);
        assert_eq!(
            pieces(&exact, target).map(|p| p.len()),
            Some(2),
            "a file exactly twice the target is cut"
        );
    }

    #[test]
    fn tables_inside_an_item_stay_with_it() {
        let scenario = "[[scenario]]\nid = \"s\"\n[[scenario.choice]]\ntext = \"x\"\n[[scenario.choice]]\ntext = \"y\"\n";
        let text = format!("{TOPIC}{scenario}{scenario}{scenario}");
        let got = pieces(&text, 10).expect("cut");
        assert_eq!(got.len(), 3);
        assert!(got[1..].iter().all(|p| *p == scenario));
    }

    #[test]
    fn headers_inside_strings_are_text() {
        let tricky = [
            "[[fact]]\nbody = \"\"\"\n[[fact]]\n\"\"\"\n",
            "[[fact]]\nbody = '''\n[[fact]]\n'''\n",
            "[[fact]]\nbody = \"\"\"a \\\"\"\"\n[[fact]]\nb\"\"\"\n",
            "[[fact]]\nbody = \"\"\"ends with quotes\"\"\"\"\"\n",
            "[[fact]]\nx = '\"\"\"' # a literal holding quotes, then\n",
        ];
        for item in tricky {
            let text = format!("{TOPIC}{item}{item}{item}");
            let got = pieces(&text, 1).unwrap_or_else(|| panic!("cut {item:?}"));
            assert_eq!(got.len(), 3, "{item:?}: {got:?}");
            assert!(got[1..].iter().all(|p| *p == item), "{item:?}: {got:?}");
        }
    }

    #[test]
    fn files_it_cannot_vouch_for_are_left_whole() {
        let f = fact("a");
        let cases = [
            format!("stray = 1\n{TOPIC}{f}{f}{f}"),
            format!("{TOPIC}{f}[topic.summary]\nen = \"x\"\n{f}{f}"),
            format!("{TOPIC}{f}[fact]\nid = \"x\"\n{f}{f}"),
            format!("{TOPIC}{f}[[ fact ]]\n{f}{f}"),
            format!("{TOPIC}{f}[[\"fact\"]]\n{f}{f}"),
            format!("{TOPIC}{f}[[other]]\n{f}{f}"),
            // A table inside an item before any item: whole-file TOML would tie it to the next `[[fact]]`.
            format!("{TOPIC}[fact.detail]\nen = \"x\"\n{f}{f}{f}"),
        ];
        for text in cases {
            assert_eq!(split(&text, 1), None, "{text}");
        }
    }

    #[test]
    fn comments_and_blank_lines_before_the_first_header_are_fine() {
        let f = fact("a");
        let text = format!("# a deck\n\n  # indented\n{TOPIC}{f}{f}");
        assert_eq!(pieces(&text, 1).map(|p| p.len()), Some(2));
    }
}
