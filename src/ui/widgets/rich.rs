//! Styled text built from deck text: keyword highlights and matched characters, as ratatui [`Line`]s.
//!
//! Deck text is untrusted: it reaches the screen only through these spans, as plain text (the validator
//! already rejects control characters; ratatui writes cell contents, never raw escape sequences).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::core::content::Lang;
use crate::core::quiz::highlight;
use crate::ui::screens::Shared;

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

/// Body text → lines: blank-line paragraphs stay separate, `- ` bullets get a hanging bullet.
pub fn body_lines(body: &str, base: Style) -> Vec<Line<'static>> {
    body.lines()
        .map(|line| match line.strip_prefix("- ") {
            Some(rest) => Line::from(vec![
                Span::styled(" • ", base),
                Span::styled(rest.to_string(), base),
            ]),
            None => Line::styled(line.to_string(), base),
        })
        .collect()
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

/// Wraps styled lines to `width` display columns, keeping styles, so every output line fits.
///
/// ratatui's own wrapping can let a wide (Korean) character spill over a border when it lands on the last
/// column; wrapping here with display widths avoids that. Breaks at spaces, and inside words longer than
/// the width.
pub fn wrap_lines(lines: &[Line<'_>], width: u16) -> Vec<Line<'static>> {
    lines.iter().flat_map(|line| wrap_line(line, width)).collect()
}

fn wrap_line(line: &Line<'_>, width: u16) -> Vec<Line<'static>> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if text.is_empty() {
        return vec![Line::raw("")];
    }
    // Span boundaries as byte ranges of `text`.
    let mut bounds = Vec::with_capacity(line.spans.len());
    let mut at = 0;
    for span in &line.spans {
        let len = span.content.len();
        bounds.push((at, at + len, span.style));
        at += len;
    }
    let prefix_end = hanging_prefix(line, &text);
    let prefix_width = text[..prefix_end].width();
    let prefix_width = if prefix_width * 2 < usize::from(width) {
        prefix_width
    } else {
        0
    };
    let prefix_end = if prefix_width == 0 { 0 } else { prefix_end };
    let slice = |start: usize, end: usize| -> Vec<Span<'static>> {
        bounds
            .iter()
            .filter(|(s, e, _)| *e > start && *s < end)
            .map(|(s, e, style)| Span::styled(text[(*s).max(start)..(*e).min(end)].to_string(), *style))
            .collect()
    };
    let body = &text[prefix_end..];
    let options = textwrap::Options::new((usize::from(width) - prefix_width).max(1))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .break_words(true);
    textwrap::wrap(body, options)
        .into_iter()
        .enumerate()
        .map(|(i, piece)| {
            let start = match &piece {
                std::borrow::Cow::Borrowed(s) => s.as_ptr() as usize - text.as_ptr() as usize,
                std::borrow::Cow::Owned(_) => return Line::styled(piece.into_owned(), line.style),
            };
            // The first line carries the prefix itself; later lines hang under the text after it.
            let lead = if i == 0 {
                slice(0, prefix_end)
            } else {
                vec![Span::raw(" ".repeat(prefix_width))]
            };
            let spans: Vec<Span<'static>> = lead
                .into_iter()
                .chain(slice(start, start + piece.len()))
                .collect();
            Line::from(spans).style(line.style)
        })
        .collect()
}

/// The byte length of a line's hanging prefix: its leading spaces, or a short leading marker span such as
/// `✓ [x] 2. ` or ` • ` (one that ends in a space and does not start with a letter). Continuation lines are
/// indented to the width of the prefix.
fn hanging_prefix(line: &Line<'_>, text: &str) -> usize {
    let spaces = text.len() - text.trim_start_matches(' ').len();
    if spaces > 0 {
        return spaces;
    }
    match line.spans.first() {
        Some(first) if line.spans.len() > 1 => {
            let s = first.content.as_ref();
            let marker = s.width() <= 12
                && s.ends_with(' ')
                && s.trim().chars().next().is_some_and(|c| !c.is_alphabetic());
            if marker { s.len() } else { 0 }
        }
        _ => 0,
    }
}

/// Drops characters from the end of `line` until it is at most `width` columns wide.
pub fn clip(line: Line<'static>, width: u16) -> Line<'static> {
    let mut left = usize::from(width);
    let spans = line
        .spans
        .into_iter()
        .map(|span| {
            let mut kept = String::new();
            for c in span.content.chars() {
                let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if w > left {
                    left = 0;
                    break;
                }
                left -= w;
                kept.push(c);
            }
            Span::styled(kept, span.style)
        })
        .collect::<Vec<_>>();
    Line::from(spans).style(line.style)
}

/// Renders lines in a bordered box, wrapped by display width and scrolled (clamped to the content); when
/// more text follows below, the bottom border says so. Returns the largest useful scroll offset.
pub fn scrolled(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    title: String,
    scroll: u16,
    shared: &Shared,
) -> u16 {
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(shared.theme.border())
        .title(title);
    let inner = block.inner(area);
    let lines = wrap_lines(&lines, inner.width);
    let max_scroll = (lines.len() as u16).saturating_sub(inner.height);
    if scroll < max_scroll {
        let more = match shared.lang {
            Lang::En => " ↓ more ",
            Lang::Ko => " ↓ 더 있음 ",
        };
        block = block.title_bottom(Line::styled(more, shared.theme.key()).right_aligned());
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max_scroll), 0)),
        area,
    );
    max_scroll
}

#[cfg(test)]
mod wrap_tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

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
