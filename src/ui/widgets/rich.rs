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

use super::Look;
use crate::core::quiz::highlight;
use crate::ui::widgets::scroll::{Extent, Scroll};

/// A line where every case-insensitive occurrence of any `phrases` entry is styled `hl` (the segmenting
/// is the core's, shared with quizzes, so browse and quiz highlight the same way).
pub fn highlight_phrases<'a>(text: &'a str, phrases: &[String], base: Style, hl: Style) -> Line<'a> {
    let spans: Vec<Span<'a>> = highlight(text, phrases)
        .into_iter()
        .map(|seg| Span::styled(seg.text, if seg.keyword { hl } else { base }))
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
pub fn body_lines(body: &str, base: Style) -> Vec<Line<'_>> {
    body.lines()
        .map(|line| match list_marker(line) {
            Some((marker, rest)) => Line::from(vec![Span::styled(marker, base), Span::styled(rest, base)]),
            None => Line::styled(line, base),
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
    wrap_window(lines, width, usize::MAX).0
}

/// The first `rows` rows of [`wrap_lines`], and whether they are all of them. Only as much of the text is
/// wrapped as those rows take, so a view of a 25 MB text costs what it shows, not the text.
pub fn wrap_window(lines: &[Line<'_>], width: u16, rows: usize) -> (Vec<Line<'static>>, bool) {
    let mut out = Vec::new();
    for line in lines {
        if out.len() >= rows || !wrap_line(line, width, rows, &mut out) {
            return (out, false);
        }
    }
    (out, true)
}

/// Appends the rows of `line` to `out` until `out` holds `limit` rows; whether the line's rows all fit.
fn wrap_line(line: &Line<'_>, width: u16, limit: usize, out: &mut Vec<Line<'static>>) -> bool {
    if line.spans.iter().all(|s| s.content.is_empty()) {
        out.push(Line::raw("").style(line.style));
        return true;
    }
    // Span boundaries as byte ranges of the line's text (its spans one after the other).
    let mut bounds = Vec::with_capacity(line.spans.len());
    let mut at = 0;
    for span in &line.spans {
        let len = span.content.len();
        bounds.push((at, at + len, span));
        at += len;
    }
    let slice = |start: usize, end: usize| -> Vec<Span<'static>> {
        bounds
            .iter()
            .filter(|(s, e, _)| *e > start && *s < end)
            .map(|(s, e, span)| {
                let part = &span.content[(*s).max(start) - s..(*e).min(end) - s];
                Span::styled(part.to_string(), span.style)
            })
            .collect()
    };
    let width = usize::from(width);
    let (mut prefix_end, mut indent) = {
        let end = hanging_prefix(line);
        (end, spans_width(line, end))
    };
    // A marker that would take half the width or more is not worth hanging under: wrap it as text.
    if indent * 2 >= width {
        (prefix_end, indent) = (0, 0);
    }
    // The text after the prefix, borrowed when one span holds it (a long text is never copied whole).
    let body = text_between(line, &bounds, prefix_end, at);
    for (i, row) in Rows::new(&body, (width - indent).max(1)).enumerate() {
        if out.len() >= limit {
            return false;
        }
        // The first row carries the prefix itself; later rows hang under the text after it.
        let lead = match i {
            0 => slice(0, prefix_end),
            _ if indent > 0 => vec![Span::raw(" ".repeat(indent))],
            _ => Vec::new(),
        };
        let body = slice(prefix_end + row.start, prefix_end + row.end);
        out.push(Line::from(lead.into_iter().chain(body).collect::<Vec<_>>()).style(line.style));
    }
    true
}

/// The line's text from byte `start` to `end`: borrowed from its span when one span holds it all.
fn text_between<'a>(
    line: &'a Line<'_>,
    bounds: &[(usize, usize, &Span<'_>)],
    start: usize,
    end: usize,
) -> std::borrow::Cow<'a, str> {
    let inside = bounds.iter().position(|(s, e, _)| *s <= start && end <= *e);
    match inside {
        Some(i) => {
            let s = bounds[i].0;
            std::borrow::Cow::Borrowed(&line.spans[i].content[start - s..end - s])
        }
        None => {
            let mut text = String::with_capacity(end - start);
            for (s, e, span) in bounds.iter().filter(|(s, e, _)| *e > start && *s < end) {
                text.push_str(&span.content[(*s).max(start) - s..(*e).min(end) - s]);
            }
            std::borrow::Cow::Owned(text)
        }
    }
}

/// The columns the first `end` bytes of the line take.
fn spans_width(line: &Line<'_>, end: usize) -> usize {
    let mut left = end;
    let mut width = 0;
    for span in &line.spans {
        let take = left.min(span.content.len());
        width += display_width(&span.content[..take]);
        left -= take;
        if left == 0 {
            break;
        }
    }
    width
}

/// Breaks `text` into rows of at most `width` columns, as byte ranges of `text` in order (at least one).
/// Between two rows is either nothing (a word cut in pieces) or the run of spaces the break took the place
/// of; spaces at the start stay on the first row, and those at the end on the last, when they fit. The
/// rules are those of [`wrap_lines`].
pub fn break_rows(text: &str, width: usize) -> Vec<Range<usize>> {
    Rows::new(text, width).collect()
}

/// The rows of [`break_rows`], one at a time: the text is read only as far as the rows taken.
struct Rows<'t> {
    text: &'t str,
    width: usize,
    /// Where the next word's leading spaces start.
    at: usize,
    /// The row being filled and its width.
    row: Range<usize>,
    row_width: usize,
    /// A word wider than the row, being cut into pieces.
    pieces: Option<Pieces<'t>>,
    done: bool,
}

impl<'t> Rows<'t> {
    fn new(text: &'t str, width: usize) -> Rows<'t> {
        Rows {
            text,
            width,
            at: 0,
            row: 0..0,
            row_width: 0,
            pieces: None,
            done: false,
        }
    }
}

impl Iterator for Rows<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        loop {
            if let Some(pieces) = &mut self.pieces {
                let (piece, piece_width, last) = pieces.next_piece();
                if !last {
                    return Some(piece);
                }
                // The last piece is a row that later words may join.
                (self.row, self.row_width) = (piece, piece_width);
                self.pieces = None;
            }
            if self.done {
                return None;
            }
            let text = self.text;
            let Some((gap_start, word)) = next_word(text, self.at) else {
                self.done = true;
                if self.row_width + (text.len() - self.row.end) <= self.width {
                    self.row.end = text.len();
                }
                return Some(self.row.clone());
            };
            self.at = word.end;
            let gap = word.start - gap_start;
            let room = self.width.saturating_sub(self.row_width + gap);
            if self.row_width + gap <= self.width
                && let Some(word_width) = width_within(&text[word.clone()], room)
            {
                (self.row.end, self.row_width) = (word.end, self.row_width + gap + word_width);
                continue;
            }
            // Only the very first row can be empty: when the text's leading spaces leave the first word no
            // room.
            let finished = (!self.row.is_empty() || gap > 0).then(|| self.row.clone());
            match width_within(&text[word.clone()], self.width) {
                Some(word_width) => (self.row, self.row_width) = (word, word_width),
                None => self.pieces = Some(Pieces::new(text, word, self.width)),
            }
            if finished.is_some() {
                return finished;
            }
        }
    }
}

/// The width of `text` if it is at most `room` columns; measured only that far.
fn width_within(text: &str, room: usize) -> Option<usize> {
    let mut used = 0;
    for cluster in text.graphemes(true) {
        used += cluster_width(cluster);
        if used > room {
            return None;
        }
    }
    Some(used)
}

/// The next word of `text` at or after byte `at` (words are separated by runs of ASCII spaces): where the
/// spaces before it start, and the word. Trailing spaces belong to no word.
fn next_word(text: &str, at: usize) -> Option<(usize, Range<usize>)> {
    let bytes = text.as_bytes();
    let skip = |mut i: usize, space: bool| {
        while i < bytes.len() && (bytes[i] == b' ') == space {
            i += 1;
        }
        i
    };
    let word_start = skip(at, true);
    (word_start < bytes.len()).then(|| (at, word_start..skip(word_start, false)))
}

/// A word wider than `width` cut into pieces that fill `width` columns. A URL is cut just after a `/` (not
/// between the two of `://`) where a piece can end there; anything else, and a URL with no such `/`, at the
/// last grapheme cluster that fits.
struct Pieces<'t> {
    word: Range<usize>,
    width: usize,
    is_url: bool,
    clusters: unicode_segmentation::GraphemeIndices<'t>,
    /// The piece being filled: where it starts and its width.
    start: usize,
    filled: usize,
    /// The latest place a URL piece may end (after a `/`), and the piece's width up to there.
    after_slash: Option<(usize, usize)>,
    previous_was_slash: bool,
    /// A cluster read but not yet placed (it did not fit the piece just ended).
    held: Option<(usize, &'t str)>,
}

impl<'t> Pieces<'t> {
    fn new(text: &'t str, word: Range<usize>, width: usize) -> Pieces<'t> {
        Pieces {
            is_url: text[word.clone()].contains("://"),
            clusters: text[word.clone()].grapheme_indices(true),
            start: word.start,
            word,
            width,
            filled: 0,
            after_slash: None,
            previous_was_slash: false,
            held: None,
        }
    }

    /// The next piece, its width, and whether it is the word's last.
    fn next_piece(&mut self) -> (Range<usize>, usize, bool) {
        while let Some((offset, cluster)) = self.held.take().or_else(|| self.clusters.next()) {
            let at = self.word.start + offset;
            let cluster_width = cluster_width(cluster);
            if self.is_url && self.previous_was_slash && cluster != "/" && at > self.start {
                self.after_slash = Some((at, self.filled));
            }
            if self.filled + cluster_width > self.width && at > self.start {
                let (end, end_width) = self.after_slash.take().unwrap_or((at, self.filled));
                let piece = self.start..end;
                (self.start, self.filled) = (end, self.filled - end_width);
                // The cluster is placed again, in the next piece (the slash mark is already taken).
                self.held = Some((offset, cluster));
                self.previous_was_slash = false;
                self.after_slash = None;
                return (piece, end_width, false);
            }
            self.filled += cluster_width;
            self.previous_was_slash = cluster == "/";
        }
        (self.start..self.word.end, self.filled, true)
    }
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
fn hanging_prefix(line: &Line<'_>) -> usize {
    if let [first, _, ..] = &line.spans[..] {
        let s = first.content.as_ref();
        let is_marker = width_within(s, 16).is_some()
            && s.ends_with(' ')
            && s.trim().chars().next().is_some_and(|c| !c.is_alphabetic());
        if is_marker {
            return s.len();
        }
    }
    let mut spaces = 0;
    for span in &line.spans {
        let content = span.content.as_ref();
        let leading = content.len() - content.trim_start_matches(' ').len();
        spaces += leading;
        if leading < content.len() {
            break;
        }
    }
    spaces
}

/// A box title for a box `box_width` columns wide: cut with `…` to fit between its corners, never mid-word
/// without a sign (ratatui would cut it silently).
pub fn box_title(text: impl Into<String>, box_width: u16) -> Line<'static> {
    clip(Line::raw(text.into()), box_width.saturating_sub(2))
}

/// `line` cut to at most `width` columns; a line that had to be cut ends with `…`, so the reader knows.
pub fn clip(line: Line<'static>, width: u16) -> Line<'static> {
    let width = usize::from(width);
    if fits(line.spans.iter().map(|s| s.content.as_ref()), width) {
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

/// Whether `parts`, one after the other, take at most `width` columns: measured only as far as `width`, so
/// a line cut from a long text costs the width, not the text.
fn fits<'a>(parts: impl IntoIterator<Item = &'a str>, width: usize) -> bool {
    let mut used = 0;
    for part in parts {
        for cluster in part.graphemes(true) {
            used += cluster_width(cluster);
            if used > width {
                return false;
            }
        }
    }
    true
}

/// `text` cut to at most `width` columns, ending with `…` when it had to be cut.
pub fn truncate(text: &str, width: usize) -> String {
    let width = u16::try_from(width).unwrap_or(u16::MAX);
    if fits([text], usize::from(width)) {
        return text.to_string();
    }
    // Only the text up to the first cluster past the width is copied and cut: the rest cannot show.
    let mut end = 0;
    let mut used = 0;
    for (at, cluster) in text.grapheme_indices(true) {
        used += cluster_width(cluster);
        end = at + cluster.len();
        if used > usize::from(width) {
            break;
        }
    }
    let clipped = clip(Line::raw(text[..end].to_string()), width);
    clipped.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// A source link: `↗ ` and the URL, which wraps under itself and never loses a character.
pub fn source_line(url: &str, style: Style) -> Line<'_> {
    Line::from(vec![Span::styled("↗ ", style), Span::styled(url, style)])
}

/// Rows wrapped at once however little of a text is shown: every ordinary text fits, so its extent is
/// exact; only a longer one (a 25 MB answer) is wrapped just as far as the view shows.
const WRAPPED_AT_LEAST: usize = 1024;

/// Renders lines in a bordered box, wrapped by display width and scrolled by `scroll` (clamped to the
/// content), and records the text's extent in it; when more text follows below, the bottom border says so.
///
/// Only the rows down to the bottom of the view are wrapped (and at least [`WRAPPED_AT_LEAST`]): a redraw
/// of a huge text on screen costs the rows shown, not the text. Past those rows the extent is not known,
/// and the view lets ↓ and End go on (a later draw clamps them).
pub fn scrolled(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'_>>,
    title: String,
    scroll: &Scroll,
    look: Look<'_>,
) {
    let title = clip(Line::raw(title), area.width.saturating_sub(2));
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(look.theme.border())
        .title(title);
    let inner = block.inner(area);
    let needed = usize::from(scroll.offset()) + usize::from(inner.height) + 1;
    let (mut rows, complete) = wrap_window(&lines, inner.width, needed.max(WRAPPED_AT_LEAST));
    let extent = if complete {
        Extent::of(u16::try_from(rows.len()).unwrap_or(u16::MAX), inner.height)
    } else {
        Extent {
            max: u16::MAX,
            view: inner.height,
        }
    };
    scroll.record(extent);
    let offset = scroll.offset();
    if offset < extent.max {
        let more = crate::text::of(look.lang).common().more;
        block = block.title_bottom(Line::styled(more, look.theme.key()).right_aligned());
    }
    rows.drain(..usize::from(offset).min(rows.len()));
    frame.render_widget(Paragraph::new(rows).block(block), area);
}

#[cfg(test)]
mod wrap_tests {
    use super::*;
    use crate::ui::msg::Action;
    use unicode_width::UnicodeWidthStr;

    /// A text of `bytes` bytes of words, with no line break.
    fn long_text(bytes: usize) -> String {
        "lambda function request table ".repeat(bytes / 30)
    }

    #[test]
    fn rows_are_read_only_as_far_as_they_are_taken() {
        let text = long_text(4_000_000);
        let mut rows = Rows::new(&text, 40);
        let first: Vec<Range<usize>> = rows.by_ref().take(10).collect();
        assert_eq!(first.len(), 10);
        assert!(
            rows.at <= 11 * 40,
            "read {} bytes for 10 rows of 40 columns",
            rows.at
        );
        // A word longer than many rows is cut as far as its pieces are taken, too.
        let word = "x".repeat(4_000_000);
        let mut rows = Rows::new(&word, 40);
        assert_eq!(rows.by_ref().take(3).count(), 3);
        let pieces = rows.pieces.as_ref().expect("still cutting the word");
        assert!(pieces.start <= 3 * 40, "cut {} bytes for 3 rows", pieces.start);
    }

    #[test]
    fn a_huge_text_in_a_view_is_wrapped_as_far_as_the_view_and_scrolls_on() {
        let (theme, keys) = (
            crate::ui::theme::Theme::new(false),
            crate::ui::key_overrides::Overrides::default(),
        );
        let look = Look {
            lang: crate::core::content::Lang::En,
            theme: &theme,
            keys: &keys,
        };
        let text = long_text(25_000_000);
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(42, 12)).unwrap();
        let mut scroll = Scroll::default();
        let draw = |terminal: &mut ratatui::Terminal<_>, scroll: &Scroll| {
            terminal
                .draw(|f| {
                    scrolled(
                        f,
                        f.area(),
                        vec![Line::raw(text.as_str())],
                        "t".into(),
                        scroll,
                        look,
                    )
                })
                .unwrap();
        };
        draw(&mut terminal, &scroll);
        let buffer = format!("{:?}", terminal.backend().buffer());
        assert!(
            buffer.contains("lambda function request table lambda"),
            "{buffer}"
        );
        assert!(buffer.contains("↓ more"), "{buffer}");
        // The end is not known, so the keys go on: a page down moves a page (less a row).
        assert!(scroll.apply(Action::PageDown));
        assert_eq!(scroll.offset(), 9);
        draw(&mut terminal, &scroll);
        assert_eq!(scroll.offset(), 9);
    }

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
