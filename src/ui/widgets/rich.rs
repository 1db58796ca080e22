//! Styled text built from deck text: keyword highlights and matched characters, as ratatui [`Line`]s.
//!
//! Deck text is untrusted: it reaches the screen only through these spans, as plain text (the validator
//! already rejects control characters; ratatui writes cell contents, never raw escape sequences).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use ratatui::Frame;
use ratatui::buffer::CellWidth;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

use crate::core::quiz::highlight;
use crate::ui::screens::Shared;
use crate::ui::widgets::scroll::{Extent, Scroll};

/// A line where every case-insensitive occurrence of any `phrases` entry is styled `hl` (the segmenting
/// is the core's, shared with quizzes, so browse and quiz highlight the same way).
pub fn highlight_phrases(text: &str, phrases: &[String], base: Style, hl: Style) -> Line<'static> {
    let spans: Vec<Span<'static>> = highlight(text, phrases)
        .into_iter()
        .map(|seg| Span::styled(seg.text.to_string(), if seg.keyword { hl } else { base }))
        .collect();
    Line::from(spans)
}

/// A line where the characters at `positions` (char indices) are styled `hl`.
pub fn highlight_chars(text: &str, positions: &[usize], base: Style, hl: Style) -> Line<'static> {
    let byte_marks: Vec<usize> = text
        .char_indices()
        .enumerate()
        .filter(|(i, _)| positions.contains(i))
        .map(|(_, (b, _))| b)
        .collect();
    spans_from_marks(text, |byte| byte_marks.contains(&byte), base, hl)
}

fn spans_from_marks(text: &str, is_marked: impl Fn(usize) -> bool, base: Style, hl: Style) -> Line<'static> {
    let mut spans = Vec::new();
    let mut current = String::new();
    let mut current_marked = false;
    for (byte, c) in text.char_indices() {
        let m = is_marked(byte);
        if m != current_marked && !current.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut current),
                if current_marked { hl } else { base },
            ));
        }
        current_marked = m;
        current.push(c);
    }
    if !current.is_empty() {
        spans.push(Span::styled(current, if current_marked { hl } else { base }));
    }
    Line::from(spans)
}

/// Body text → lines: blank-line paragraphs stay separate; `- ` bullets and `1. ` numbered items start
/// with a marker span, so their wrapped lines hang under the text (see [`wrap_lines`]).
pub fn body_lines(body: &str, base: Style) -> Vec<Line<'static>> {
    body.lines()
        .map(|line| match list_marker(line) {
            Some((marker, rest)) => Line::from(vec![
                Span::styled(marker, base),
                Span::styled(rest.to_string(), base),
            ]),
            None => Line::styled(line.to_string(), base),
        })
        .collect()
}

/// A list item's marker as shown (` • ` for `- `, `12. ` as written) and the item's text.
fn list_marker(line: &str) -> Option<(String, &str)> {
    if let Some(rest) = line.strip_prefix("- ") {
        return Some((" • ".to_string(), rest));
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = line[digits..].strip_prefix(". ")?;
    (1..=3)
        .contains(&digits)
        .then(|| (format!("{}. ", &line[..digits]), rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn marked(line: &Line) -> Vec<String> {
        line.spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(Modifier::BOLD))
            .map(|s| s.content.to_string())
            .collect()
    }

    #[test]
    fn phrases_are_highlighted_case_insensitively_everywhere() {
        let hl = Style::new().add_modifier(Modifier::BOLD);
        let line = highlight_phrases(
            "Mobile users sign in with SAML; mobile again",
            &["mobile".into(), "SAML".into()],
            Style::new(),
            hl,
        );
        assert_eq!(marked(&line), ["Mobile", "SAML", "mobile"]);
        let ko = highlight_phrases("수백 명의 사용자가 SAML로", &["사용자".into()], Style::new(), hl);
        assert_eq!(marked(&ko), ["사용자"]);
    }

    #[test]
    fn char_positions_highlight_wide_characters() {
        let hl = Style::new().add_modifier(Modifier::BOLD);
        let line = highlight_chars("AWS 람다 함수", &[4, 5], Style::new(), hl);
        assert_eq!(marked(&line), ["람다"]);
    }
}

/// Wraps styled lines to `width` display columns, keeping styles.
///
/// Two rules hold for every line, checked by a property test over random text: no output line is wider
/// than `width` (the one exception is a single character wider than the whole width, a Hangul syllable at
/// one column, which gets a line of its own rather than being lost); and reading the output without the
/// indents inserted here, with each break read as the spaces it took the place of (none inside a word),
/// gives back the input exactly.
///
/// Lines break at spaces only: never at a hyphen, colon or slash inside a word, so `us-east-1`,
/// `arn:aws:lambda:…` and `lambda:InvokeFunctionUrl` stay whole. A word longer than the width starts a line
/// of its own and is cut into pieces that fill the width: a URL just after a `/` where it can, other words
/// at any character (never between a character and its combining marks). A line that opens with a marker
/// (` • `, `1. `, `✓ [x] 2. `, `↗ `) or with spaces has its continuation lines indented under the text
/// after it.
///
/// Widths are those of the grapheme clusters ratatui draws, so what fits here fits in the buffer.
pub fn wrap_lines(lines: &[Line<'_>], width: u16) -> Vec<Line<'static>> {
    lines.iter().flat_map(|line| wrap_line(line, width)).collect()
}

fn wrap_line(line: &Line<'_>, width: u16) -> Vec<Line<'static>> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if text.is_empty() {
        return vec![Line::raw("").style(line.style)];
    }
    // Span boundaries as byte ranges of `text`.
    let mut bounds = Vec::with_capacity(line.spans.len());
    let mut at = 0;
    for span in &line.spans {
        let len = span.content.len();
        bounds.push((at, at + len, span.style));
        at += len;
    }
    let slice = |start: usize, end: usize| -> Vec<Span<'static>> {
        bounds
            .iter()
            .filter(|(s, e, _)| *e > start && *s < end)
            .map(|(s, e, style)| Span::styled(text[(*s).max(start)..(*e).min(end)].to_string(), *style))
            .collect()
    };
    let width = usize::from(width);
    let (mut prefix_end, mut indent) = {
        let end = hanging_prefix(line, &text);
        (end, display_width(&text[..end]))
    };
    // A marker that would take half the width or more is not worth hanging under: wrap it as text.
    if indent * 2 >= width {
        (prefix_end, indent) = (0, 0);
    }
    break_rows(&text[prefix_end..], (width - indent).max(1))
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            // The first row carries the prefix itself; later rows hang under the text after it.
            let lead = match i {
                0 => slice(0, prefix_end),
                _ if indent > 0 => vec![Span::raw(" ".repeat(indent))],
                _ => Vec::new(),
            };
            let body = slice(prefix_end + row.start, prefix_end + row.end);
            Line::from(lead.into_iter().chain(body).collect::<Vec<_>>()).style(line.style)
        })
        .collect()
}

/// Breaks `text` into rows of at most `width` columns, as byte ranges of `text` in order (at least one).
/// Between two rows is either nothing (a word cut in pieces) or the run of spaces the break took the place
/// of; spaces at the start stay on the first row, and those at the end on the last, when they fit. The
/// rules are those of [`wrap_lines`].
pub fn break_rows(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    // The row being filled and its width.
    let (mut row, mut row_width) = (0..0, 0);
    for (gap_start, word) in words(text) {
        let word_width = display_width(&text[word.clone()]);
        let gap = word.start - gap_start;
        if row_width + gap + word_width <= width {
            (row.end, row_width) = (word.end, row_width + gap + word_width);
            continue;
        }
        // Only the very first row can be empty: when the text's leading spaces leave the first word no room.
        if !row.is_empty() || gap > 0 {
            rows.push(row);
        }
        if word_width <= width {
            (row, row_width) = (word, word_width);
            continue;
        }
        let mut pieces = cut_word(text, word, width);
        (row, row_width) = pieces.pop().expect("a word has a piece");
        rows.extend(pieces.into_iter().map(|(piece, _)| piece));
    }
    if row_width + (text.len() - row.end) <= width {
        row.end = text.len();
    }
    rows.push(row);
    rows
}

/// The words of `text` separated by runs of ASCII spaces: for each, where the spaces before it start, and
/// the word. Trailing spaces belong to no word.
fn words(text: &str) -> Vec<(usize, Range<usize>)> {
    let bytes = text.as_bytes();
    let skip = |mut i: usize, space: bool| {
        while i < bytes.len() && (bytes[i] == b' ') == space {
            i += 1;
        }
        i
    };
    let mut words = Vec::new();
    let mut at = 0;
    loop {
        let word_start = skip(at, true);
        if word_start == bytes.len() {
            return words;
        }
        let word_end = skip(word_start, false);
        words.push((at, word_start..word_end));
        at = word_end;
    }
}

/// Cuts the word at `word` (wider than `width`) into pieces that fill `width` columns, with their widths.
/// A URL is cut just after a `/` (not between the two of `://`) where a piece can end there; anything else,
/// and a URL with no such `/`, at the last grapheme cluster that fits.
fn cut_word(text: &str, word: Range<usize>, width: usize) -> Vec<(Range<usize>, usize)> {
    let is_url = text[word.clone()].contains("://");
    let mut pieces = Vec::new();
    let (mut start, mut filled) = (word.start, 0);
    // The latest place a URL piece may end (after a `/`), and the piece's width up to there.
    let mut after_slash: Option<(usize, usize)> = None;
    let mut previous_was_slash = false;
    for (offset, cluster) in text[word.clone()].grapheme_indices(true) {
        let at = word.start + offset;
        let cluster_width = cluster_width(cluster);
        if is_url && previous_was_slash && cluster != "/" && at > start {
            after_slash = Some((at, filled));
        }
        while filled + cluster_width > width && at > start {
            let (end, end_width) = after_slash.take().unwrap_or((at, filled));
            pieces.push((start..end, end_width));
            (start, filled) = (end, filled - end_width);
        }
        filled += cluster_width;
        previous_was_slash = cluster == "/";
    }
    pieces.push((start..word.end, filled));
    pieces
}

/// The columns a grapheme cluster takes in the buffer: ratatui's own measure; control characters, which
/// ratatui drops, take none.
fn cluster_width(cluster: &str) -> usize {
    if cluster.contains(char::is_control) {
        0
    } else {
        usize::from(cluster.cell_width())
    }
}

/// The columns `text` takes in the buffer.
pub fn display_width(text: &str) -> usize {
    text.graphemes(true).map(cluster_width).sum()
}

/// The byte length of a line's hanging prefix: a short leading marker span such as ` • `, `1. `, `↗ `,
/// `✓ [x] 2. ` or help's `  Ctrl-W  ` (one that ends in a space and does not start with a letter), or else
/// its leading spaces.
/// Continuation lines are indented to the width of the prefix.
fn hanging_prefix(line: &Line<'_>, text: &str) -> usize {
    if let [first, _, ..] = &line.spans[..] {
        let s = first.content.as_ref();
        let is_marker = display_width(s) <= 16
            && s.ends_with(' ')
            && s.trim().chars().next().is_some_and(|c| !c.is_alphabetic());
        if is_marker {
            return s.len();
        }
    }
    text.len() - text.trim_start_matches(' ').len()
}

/// A box title for a box `box_width` columns wide: cut with `…` to fit between its corners, never mid-word
/// without a sign (ratatui would cut it silently).
pub fn box_title(text: impl Into<String>, box_width: u16) -> Line<'static> {
    clip(Line::raw(text.into()), box_width.saturating_sub(2))
}

/// `line` cut to at most `width` columns; a line that had to be cut ends with `…`, so the reader knows.
pub fn clip(line: Line<'static>, width: u16) -> Line<'static> {
    let width = usize::from(width);
    let full: usize = line.spans.iter().map(|s| display_width(&s.content)).sum();
    if full <= width {
        return line;
    }
    let mut left = width.saturating_sub(1);
    let mut spans = Vec::new();
    for span in line.spans {
        let mut kept = String::new();
        for cluster in span.content.graphemes(true) {
            let w = cluster_width(cluster);
            if w > left {
                left = 0;
                break;
            }
            left -= w;
            kept.push_str(cluster);
        }
        let style = span.style;
        spans.push(Span::styled(kept, style));
        if left == 0 {
            break;
        }
    }
    if width > 0 {
        let style = spans.last().map_or(Style::new(), |s: &Span| s.style);
        spans.push(Span::styled("…", style));
    }
    Line::from(spans).style(line.style)
}

/// A one-line text input that fits `width` columns: the text with the caret `▏` (one column) at byte
/// `caret`, scrolled sideways so the caret and what was typed just before it stay in view. Text cut off on
/// the left shows `…` there, text cut off on the right `…` at the end.
pub fn input_line(text: &str, caret: usize, width: usize, caret_style: Style) -> Line<'static> {
    let (before, after) = text.split_at(caret);
    let room = width.saturating_sub(1);
    let caret = Span::styled("▏", caret_style);
    if room == 0 {
        return Line::from(caret);
    }
    if display_width(text) <= room {
        return Line::from(vec![
            Span::raw(before.to_string()),
            caret,
            Span::raw(after.to_string()),
        ]);
    }
    let before_width = display_width(before);
    // The text does not fit, so some of it follows the caret: leave at least a column for its `…`.
    if before_width < room {
        let after = truncate(after, room - before_width);
        return Line::from(vec![Span::raw(before.to_string()), caret, Span::raw(after)]);
    }
    // The caret sits at the right edge, with `…` on each side that hides text.
    let right_mark = usize::from(!after.is_empty());
    let mut left = room.saturating_sub(1 + right_mark);
    let mut start = before.len();
    for (at, cluster) in before.grapheme_indices(true).rev() {
        let w = cluster_width(cluster);
        if w > left {
            break;
        }
        left -= w;
        start = at;
    }
    let mut spans = vec![Span::raw("…"), Span::raw(before[start..].to_string()), caret];
    if right_mark == 1 && room > 1 {
        spans.push(Span::raw("…"));
    }
    Line::from(spans)
}

/// `text` cut to at most `width` columns, ending with `…` when it had to be cut.
pub fn truncate(text: &str, width: usize) -> String {
    let clipped = clip(
        Line::raw(text.to_string()),
        u16::try_from(width).unwrap_or(u16::MAX),
    );
    clipped.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// A source link: `↗ ` and the URL, which wraps under itself and never loses a character.
pub fn source_line(url: &str, style: Style) -> Line<'static> {
    Line::from(vec![
        Span::styled("↗ ", style),
        Span::styled(url.to_string(), style),
    ])
}

/// Renders lines in a bordered box, wrapped by display width and scrolled by `scroll` (clamped to the
/// content), and records the text's extent in it; when more text follows below, the bottom border says so.
pub fn scrolled(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    title: String,
    scroll: &Scroll,
    shared: &Shared,
) {
    let title = clip(Line::raw(title), area.width.saturating_sub(2));
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(shared.theme.border())
        .title(title);
    let inner = block.inner(area);
    let lines = wrap_lines(&lines, inner.width);
    let extent = Extent::of(lines.len() as u16, inner.height);
    scroll.record(extent);
    let max_scroll = extent.max;
    let scroll = scroll.offset();
    if scroll < max_scroll {
        let more = crate::text::of(shared.lang).common().more;
        block = block.title_bottom(Line::styled(more, shared.theme.key()).right_aligned());
    }
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

#[cfg(test)]
mod wrap_tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn rows(lines: &[Line<'_>], width: u16) -> Vec<String> {
        wrap_lines(lines, width)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn bullets_and_numbered_items_hang_under_their_text() {
        let body = "- a bullet long enough to wrap twice at twenty\n12. a numbered item that wraps too";
        let rows = rows(&body_lines(body, Style::new()), 20);
        assert_eq!(
            rows,
            [
                " • a bullet long",
                "   enough to wrap",
                "   twice at twenty",
                "12. a numbered item",
                "    that wraps too",
            ]
        );
    }

    #[test]
    fn cut_text_ends_with_an_ellipsis_and_fits() {
        assert_eq!(truncate("Amazon DynamoDB", 10), "Amazon Dy…");
        assert_eq!(truncate("Amazon", 10), "Amazon");
        // A wide character that does not fit whole is left out, never half-drawn.
        assert_eq!(truncate("서버리스 개요", 6), "서버…");
        assert_eq!(truncate("서버리스 개요", 5), "서버…");
        assert_eq!(display_width(&truncate("서버리스 개요", 4)), 3);
    }

    #[test]
    fn wrapped_korean_lines_fit_and_keep_highlights() {
        let hl = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let line = highlight_phrases(
            "합니다. 추가 지연은 1ms 미만이어야 하고 비용은 최소여야 합니다. 무엇을 사용해야 합니까?",
            &["1ms 미만".into()],
            Style::new(),
            hl,
        );
        for width in [5u16, 11, 20, 33] {
            let wrapped = wrap_lines(std::slice::from_ref(&line), width);
            for l in &wrapped {
                let s: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
                assert!(s.width() <= usize::from(width), "{s:?} wider than {width}");
            }
            let bold: String = wrapped
                .iter()
                .flat_map(|l| l.spans.iter())
                .filter(|s| s.style == hl)
                .map(|s| s.content.as_ref())
                .collect();
            assert_eq!(bold.replace(' ', ""), "1ms미만", "width {width}");
        }
    }
}
