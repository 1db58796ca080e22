//! The display line of a search hit: the matched text on one line, cut to a window around the match.
//!
//! Whitespace runs (newlines included) become one space; a text wider than the requested width is cut to a
//! window that starts a little before the first matched char, marked with `…` where text was cut. Matched
//! positions are re-mapped to char indices of the returned line, so the UI can highlight it as is.

use unicode_width::UnicodeWidthChar;

/// The narrowest snippet produced: an ellipsis, one wide char and an ellipsis.
pub const MIN_WIDTH: usize = 4;
/// At most this many columns of context are shown before the first matched char.
const MAX_LEAD: usize = 16;
/// Marks text cut off at either end of a window.
const ELLIPSIS: char = '…';

/// `text` on one line, at most `width` columns wide (but at least [`MIN_WIDTH`]), and `positions` (char
/// indices into `text`) moved to char indices into that line. Positions cut off by the window are dropped.
pub fn snippet(text: &str, positions: &[usize], width: usize) -> (String, Vec<usize>) {
    let width = width.max(MIN_WIDTH);
    let (chars, map) = one_line(text);
    let mut mapped: Vec<usize> = positions
        .iter()
        .filter_map(|&p| map.get(p).copied().flatten())
        .collect();
    mapped.sort_unstable();
    mapped.dedup();
    let widths: Vec<usize> = chars.iter().map(|c| c.width().unwrap_or(0)).collect();
    if widths.iter().sum::<usize>() <= width {
        return (chars.into_iter().collect(), mapped);
    }
    let first = mapped.first().copied().unwrap_or(0);
    let last = mapped.last().copied().unwrap_or(first);
    let (start, end) = window(&chars, &widths, (first, last), width);
    let cut_left = start > 0;
    let mut line = String::new();
    if cut_left {
        line.push(ELLIPSIS);
    }
    line.extend(&chars[start..end]);
    if end < chars.len() {
        line.push(ELLIPSIS);
    }
    let shift = usize::from(cut_left);
    let kept = mapped
        .into_iter()
        .filter(|p| (start..end).contains(p))
        .map(|p| p - start + shift);
    (line, kept.collect())
}

/// The text's chars with whitespace runs collapsed to one space and the ends trimmed, and for each original
/// char its index in that line (`None` for whitespace, which is never matched).
fn one_line(text: &str) -> (Vec<char>, Vec<Option<usize>>) {
    let mut chars = Vec::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !chars.is_empty();
            map.push(None);
            continue;
        }
        if pending_space {
            chars.push(' ');
            pending_space = false;
        }
        map.push(Some(chars.len()));
        chars.push(c);
    }
    (chars, map)
}

/// The char range `[start, end)` to show: from a little before `first` (at a word start when possible), as far
/// right as `width` allows counting the ellipses; if that reaches the end of the text, extended back left.
fn window(chars: &[char], widths: &[usize], (first, last): (usize, usize), width: usize) -> (usize, usize) {
    let n = chars.len();
    let first = first.min(n.saturating_sub(1));
    let budget = width - 2;
    let span: usize = widths[first..=last.clamp(first, n - 1)].iter().sum();
    let lead = budget.saturating_sub(span).div_ceil(2).min(MAX_LEAD);
    let mut start = first;
    let mut lead_used = 0;
    while start > 0 && lead_used + widths[start - 1] <= lead {
        start -= 1;
        lead_used += widths[start];
    }
    if start > 0
        && let Some(space) = chars[start..first].iter().position(|&c| c == ' ')
    {
        start += space + 1;
    }
    let total =
        |start: usize, end: usize, content: usize| content + usize::from(start > 0) + usize::from(end < n);
    let mut end = start;
    let mut content = 0;
    while end < n && total(start, end + 1, content + widths[end]) <= width {
        content += widths[end];
        end += 1;
    }
    while end == n && start > 0 && total(start - 1, end, content + widths[start - 1]) <= width {
        start -= 1;
        content += widths[start];
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn short_text_is_kept_whole_on_one_line() {
        let (line, at) = snippet("Lambda\n\n- fast  scaling", &[0, 10], 80);
        assert_eq!(line, "Lambda - fast scaling");
        assert_eq!(at, [0, 9]);
        assert_eq!(line.chars().nth(9), Some('f'));
    }

    #[test]
    fn long_text_is_cut_around_the_match_with_ellipses() {
        let text = format!("{} needle {}", "word ".repeat(40), "tail ".repeat(40));
        let needle = text.find("needle").unwrap();
        let positions: Vec<usize> = (needle..needle + 6).collect();
        let (line, at) = snippet(&text, &positions, 40);
        assert!(line.starts_with('…') && line.ends_with('…'), "{line}");
        assert!(line.width() <= 40, "{line}");
        let highlighted: String = at.iter().map(|&p| line.chars().nth(p).unwrap()).collect();
        assert_eq!(highlighted, "needle");
        assert!(at[0] > 1, "some context precedes the match: {line}");
    }

    #[test]
    fn a_match_near_the_end_fills_the_window_from_the_left() {
        let text = format!("{}end", "a".repeat(100));
        let (line, at) = snippet(&text, &[100, 101, 102], 20);
        assert_eq!(line.width(), 20);
        assert!(line.starts_with('…') && line.ends_with("end"), "{line}");
        assert_eq!(at, [17, 18, 19]);
    }

    #[test]
    fn wide_chars_count_two_columns() {
        let text = "서버리스 ".repeat(30);
        let (line, at) = snippet(&text, &[0, 1], 21);
        assert!(line.width() <= 21, "{line} is {} wide", line.width());
        assert!(line.starts_with("서버") && line.ends_with('…'));
        assert_eq!(at, [0, 1]);
    }

    #[test]
    fn tiny_widths_do_not_panic() {
        for width in 0..6 {
            let (line, at) = snippet("서버리스 함수는 자동으로 확장됩니다", &[5, 6], width);
            assert!(line.width() <= width.max(MIN_WIDTH), "{width}: {line}");
            assert!(at.iter().all(|&p| p < line.chars().count()));
        }
    }
}
