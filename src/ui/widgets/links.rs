//! Source links as OSC 8 hyperlinks: a link wrapped over two or three rows (two in three sources at 80
//! columns) cannot be clicked as plain text, because the terminal sees only the piece under the mouse.
//!
//! The screens draw a source as `↗ URL`, wrapped with its continuation rows indented by two spaces
//! ([`super::rich::source_line`]). After a frame is drawn, [`linkify`] finds those pieces in the buffer,
//! joins them, and — only if the joined text is exactly one of the deck's source URLs — marks every cell
//! of every piece as part of that link. The visible text does not change by a single character.
//!
//! Ratatui's cells hold no link, so each linked cell's symbol carries its own `OSC 8` open and close
//! sequences around its one character, and declares its real width
//! ([`CellDiffOption::ForcedWidth`]): the diff then writes any cell alone without leaving a link open or
//! misplacing the cursor. All pieces of one link share an `id`, so a terminal treats them as one link.
//!
//! The URL is untrusted deck text: besides being one of the deck's (validated) sources, it must be an
//! `http`/`https` URL of printable ASCII, and it is written percent-encoded where that is not the case,
//! so no byte of it can end the escape sequence early. With `NO_COLOR` or `TERM=dumb` (plain output
//! asked for) nothing is linked ([`wanted`]).

use std::collections::BTreeSet;
use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Position;

/// Whether this environment wants links: not where plain output is asked for (`NO_COLOR` set and not
/// empty, or `TERM=dumb`).
pub fn wanted() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    !no_color && !dumb
}

/// Marks every source link drawn in `buffer` whose text is one of `urls` as an OSC 8 hyperlink.
pub fn linkify(buffer: &mut Buffer, urls: &BTreeSet<String>) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right().saturating_sub(2) {
            if symbol(buffer, x, y) == "↗"
                && symbol(buffer, x + 1, y) == " "
                && let Some((url, pieces)) = link_at(buffer, x, y, urls)
            {
                mark(buffer, &url, &pieces);
            }
        }
    }
}

/// One row's part of a link: its row, first column and length in cells.
type Piece = (u16, u16, u16);

/// The link whose marker `↗ ` is at (`x`, `y`): the longest run of pieces (the rest of this row, then
/// rows indented by two spaces under the marker) that joins into one of `urls`.
fn link_at(buffer: &Buffer, x: u16, y: u16, urls: &BTreeSet<String>) -> Option<(String, Vec<Piece>)> {
    let mut text = String::new();
    let mut pieces = Vec::new();
    let mut found = None;
    let mut row = y;
    loop {
        let start = x + 2;
        let piece = run(buffer, start, row);
        if piece.is_empty() {
            break;
        }
        text.push_str(&piece);
        pieces.push((row, start, piece.len() as u16));
        if !is_prefix_of_one(urls, &text) {
            break;
        }
        if urls.contains(&text) {
            found = Some((text.clone(), pieces.clone()));
        }
        row += 1;
        let continues =
            row < buffer.area.bottom() && symbol(buffer, x, row) == " " && symbol(buffer, x + 1, row) == " ";
        if !continues {
            break;
        }
    }
    found.filter(|(url, _)| linkable(url))
}

/// The printable ASCII characters from (`x`, `y`) up to the first space, border or end of the row.
fn run(buffer: &Buffer, x: u16, y: u16) -> String {
    let mut text = String::new();
    for column in x..buffer.area.right() {
        let s = symbol(buffer, column, y);
        match s.as_bytes() {
            [b] if b.is_ascii_graphic() => text.push(char::from(*b)),
            _ => break,
        }
    }
    text
}

fn is_prefix_of_one(urls: &BTreeSet<String>, text: &str) -> bool {
    urls.range(text.to_string()..)
        .next()
        .is_some_and(|url| url.starts_with(text))
}

fn symbol(buffer: &Buffer, x: u16, y: u16) -> &str {
    buffer.cell(Position { x, y }).map_or("", |c| c.symbol())
}

/// Whether `url` may be a link target: `http` or `https`, printable ASCII only (the deck validator has
/// checked the rest).
fn linkable(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://")) && url.bytes().all(|b| b.is_ascii_graphic())
}

/// `url` as an OSC 8 target: every byte outside printable ASCII percent-encoded, so nothing in it can
/// end the sequence (ESC, BEL, C1) or break its `params;URI` split.
fn encoded(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_graphic() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The OSC 8 sequence that opens a link to `url` with `id`, and the one that closes it.
fn sequences(url: &str) -> (String, &'static str) {
    let id = url.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (
        format!("\x1b]8;id=recall-{id:016x};{}\x1b\\", encoded(url)),
        "\x1b]8;;\x1b\\",
    )
}

fn mark(buffer: &mut Buffer, url: &str, pieces: &[Piece]) {
    let (open, close) = sequences(url);
    let one = NonZeroU16::MIN;
    for &(y, x, len) in pieces {
        for column in x..x + len {
            if let Some(cell) = buffer.cell_mut(Position { x: column, y }) {
                let linked = format!("{open}{}{close}", cell.symbol());
                cell.set_symbol(&linked)
                    .set_diff_option(CellDiffOption::ForcedWidth(one));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn buffer(rows: &[&str]) -> Buffer {
        let width = rows.iter().map(|r| r.chars().count()).max().unwrap_or(0) as u16;
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, rows.len() as u16));
        for (y, row) in rows.iter().enumerate() {
            buffer.set_string(0, y as u16, row, ratatui::style::Style::default());
        }
        buffer
    }

    fn urls(list: &[&str]) -> BTreeSet<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    /// What a terminal shows, and the link of each visible character (`None` outside links).
    fn read(buffer: &Buffer) -> (Vec<String>, Vec<Vec<Option<String>>>) {
        let mut rows = Vec::new();
        let mut links = Vec::new();
        for y in 0..buffer.area.height {
            let (mut text, mut row_links) = (String::new(), Vec::new());
            for x in 0..buffer.area.width {
                let s = buffer[(x, y)].symbol();
                match s.strip_prefix("\x1b]8;") {
                    Some(rest) => {
                        let (params_uri, after) = rest.split_once("\x1b\\").unwrap();
                        let (glyph, close) = after.split_once("\x1b]8;;").unwrap();
                        assert_eq!(close, "\x1b\\", "closed in the same cell");
                        let uri = params_uri.split_once(';').unwrap().1;
                        text.push_str(glyph);
                        row_links.push(Some(uri.to_string()));
                        assert_eq!(
                            buffer[(x, y)].diff_option,
                            CellDiffOption::ForcedWidth(NonZeroU16::MIN)
                        );
                    }
                    None => {
                        text.push_str(s);
                        row_links.push(None);
                    }
                }
            }
            rows.push(text);
            links.push(row_links);
        }
        (rows, links)
    }

    #[test]
    fn a_wrapped_source_is_one_link_and_reads_the_same() {
        let url = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html";
        let rows = [
            "│↗ https://docs.aws.amazon.com/lambda/latest/│",
            "│  dg/configuration-concurrency.html         │",
            "│  not part of it                            │",
        ];
        let mut b = buffer(&rows);
        let before: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
        linkify(&mut b, &urls(&[url, "https://example.com/"]));
        let (text, links) = read(&b);
        assert_eq!(text, before, "the visible text is unchanged");
        let linked: String = (0..3)
            .flat_map(|y| {
                let text = &text[y];
                let links = &links[y];
                text.chars()
                    .zip(links.iter())
                    .filter(|(_, l)| l.as_deref() == Some(url))
                    .map(|(c, _)| c)
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(
            linked, url,
            "every character of the URL, and nothing else, links to it"
        );
        assert!(
            links[0][1].is_none() && links[0][2].is_none(),
            "the marker is not part of the link"
        );
    }

    #[test]
    fn text_that_is_not_a_deck_source_is_left_alone() {
        let rows = [
            "↗ https://evil.example/x",
            "↗ https://docs.aws.amazon.com/lam",
            "  bda/other.html",
            "↗ javascript:alert(1)",
        ];
        let mut b = buffer(&rows);
        let known = urls(&["https://docs.aws.amazon.com/lambda/", "javascript:alert(1)"]);
        let plain = b.clone();
        linkify(&mut b, &known);
        assert_eq!(b, plain, "only a whole deck source with http(s) becomes a link");
    }

    #[test]
    fn the_longest_source_wins_and_a_url_is_encoded_into_the_sequence() {
        let rows = ["↗ https://a.example/", "  more"];
        let mut b = buffer(&rows);
        linkify(&mut b, &urls(&["https://a.example/", "https://a.example/more"]));
        let (_, links) = read(&b);
        assert_eq!(links[1][2].as_deref(), Some("https://a.example/more"));
        assert_eq!(
            encoded("https://x/\u{1b}]8;;\u{7}é"),
            "https://x/%1B]8;;%07%C3%A9"
        );
        let (open, close) = sequences("https://x/");
        assert!(open.starts_with("\x1b]8;id=recall-") && open.ends_with(";https://x/\x1b\\"));
        assert_eq!(close, "\x1b]8;;\x1b\\");
    }
}
