//! The wrapping rules of `rich::wrap_lines`, as properties over random text (Latin, Hangul, wide and
//! combining characters, long words, URLs, AWS identifiers) at widths 1–200: no line is wider than the
//! width, the lines read back as the input exactly, a word is cut only when it cannot fit on a line of its
//! own, and continuation lines hang under a list marker.

use proptest::prelude::*;
use ratatui::text::{Line, Span};
use recall::ui::widgets::rich::{wrap_lines, wrap_window};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

fn hangul() -> impl Strategy<Value = String> {
    prop::collection::vec(0xAC00u32..=0xD7A3, 1..8)
        .prop_map(|cs| cs.into_iter().filter_map(char::from_u32).collect())
}

fn wide() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![0x4E00u32..=0x9FA5, 0xFF21u32..=0xFF3A], 1..6)
        .prop_map(|cs| cs.into_iter().filter_map(char::from_u32).collect())
}

/// Latin letters, some carrying a combining accent or diaeresis.
fn combining() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            "[a-z]",
            prop::option::of(prop_oneof![Just('\u{301}'), Just('\u{308}')]),
        ),
        1..10,
    )
    .prop_map(|cs| {
        cs.into_iter()
            .map(|(c, mark)| format!("{c}{}", mark.map(String::from).unwrap_or_default()))
            .collect()
    })
}

fn url() -> impl Strategy<Value = String> {
    (
        prop::collection::vec("[a-zA-Z0-9_.-]{1,30}", 1..8),
        "[a-z-]{1,40}",
    )
        .prop_map(|(dirs, page)| format!("https://docs.aws.amazon.com/{}/{page}.html", dirs.join("/")))
}

fn aws_identifier() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("us-east-1".to_string()),
        Just("ap-northeast-2".to_string()),
        Just("lambda:InvokeFunctionUrl".to_string()),
        Just("arn:aws:lambda:us-east-1:123456789012:function:my-function".to_string()),
        "[a-z]{2,8}-[a-z]{2,8}-[0-9]".prop_map(String::from),
        "arn:aws:[a-z]{2,10}:[a-z]{2}-[a-z]{4,9}-[0-9]:[0-9]{12}:[a-z/-]{1,20}".prop_map(String::from),
    ]
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z,.;()'0-9]{1,12}".prop_map(String::from),
        3 => hangul(),
        1 => wide(),
        1 => combining(),
        1 => "[a-z]{20,250}".prop_map(String::from),
        1 => url(),
        1 => aws_identifier(),
    ]
}

/// Words separated by runs of spaces, sometimes with leading or trailing spaces.
fn text() -> impl Strategy<Value = String> {
    (
        " {0,3}",
        prop::collection::vec(
            (
                word(),
                prop_oneof![8 => Just(" "), 1 => Just("  "), 1 => Just("   ")],
            ),
            1..25,
        ),
        " {0,3}",
    )
        .prop_map(|(lead, words, trail)| {
            let mut text = lead.to_string();
            for (i, (w, sep)) in words.iter().enumerate() {
                if i > 0 {
                    text.push_str(sep);
                }
                text.push_str(w);
            }
            text + &trail
        })
}

fn marker() -> impl Strategy<Value = Option<&'static str>> {
    prop::option::of(prop_oneof![
        Just(" • "),
        Just("1. "),
        Just("12. "),
        Just("✓ [x] 2. "),
        Just("↗ ")
    ])
}

fn row_text(line: &Line) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// The run of non-space characters of `text` around byte `at`, and where it starts.
fn word_around(text: &str, at: usize) -> (&str, usize) {
    let start = text[..at].rfind(' ').map_or(0, |i| i + 1);
    let end = text[at..].find(' ').map_or(text.len(), |i| at + i);
    (&text[start..end], start)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn wrapped_lines_fit_and_read_back_as_the_input(
        body in text(),
        marker in marker(),
        width in 1u16..=200,
    ) {
        let w = usize::from(width);
        let (line, input) = match marker {
            Some(m) => (Line::from(vec![Span::raw(m), Span::raw(body.clone())]), format!("{m}{body}")),
            None => (Line::raw(body.clone()), body.clone()),
        };
        // The indent continuation lines get: the marker's width, or the leading spaces; none when that
        // would take half the width.
        let hang = marker.map_or(input.len() - input.trim_start_matches(' ').len(), |m| m.width());
        let indent = if hang * 2 < w { hang } else { 0 };
        let avail = w - indent;
        let rows: Vec<String> = wrap_lines(&[line], width).iter().map(row_text).collect();

        for row in &rows {
            let lone_wide_cluster = w == 1 && row.graphemes(true).count() == 1;
            prop_assert!(row.width() <= w || lone_wide_cluster, "{row:?} is wider than {w}");
        }

        let mut at = 0;
        // Where in the input each row's own text starts (the first row's after the prefix it hangs from).
        let prefix_len = marker.map_or(input.len() - input.trim_start_matches(' ').len(), str::len);
        let mut row_starts = vec![if indent > 0 { prefix_len } else { 0 }];
        for (i, row) in rows.iter().enumerate() {
            let shown = if i == 0 {
                row.as_str()
            } else {
                prop_assert!(row.starts_with(&" ".repeat(indent)), "row {i} {row:?} lacks its indent {indent}");
                &row[indent..]
            };
            if i > 0 && !input[at..].starts_with(shown) {
                // The break took the place of a run of spaces.
                let spaces = input[at..].len() - input[at..].trim_start_matches(' ').len();
                prop_assert!(spaces > 0, "row {i} {shown:?} is not what follows in {input:?}");
                at += spaces;
            } else if i > 0 {
                // A break inside a word: only a word too wide for a line of its own is cut, and it starts
                // a line of its own.
                let (cut, start) = word_around(&input, at);
                prop_assert!(cut.width() > avail, "{cut:?} was cut though it fits in {avail} columns");
                prop_assert!(row_starts.contains(&start), "{cut:?} does not start its own line");
            }
            row_starts.push(at);
            prop_assert!(input[at..].starts_with(shown), "row {i} {shown:?} is not what follows in {input:?}");
            at += shown.len();
        }
        prop_assert!(input[at..].chars().all(|c| c == ' '), "{:?} was lost", &input[at..]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The first rows of a text, wrapped only as far as they go, are those of the whole text wrapped, and
    /// they say whether they are all of them.
    #[test]
    fn a_window_is_the_start_of_the_whole_wrap(
        bodies in proptest::collection::vec(text(), 1..4),
        marker in marker(),
        width in 1u16..=80,
        rows in 0usize..12,
    ) {
        let lines: Vec<Line> = bodies
            .iter()
            .map(|b| match marker {
                Some(m) => Line::from(vec![Span::raw(m), Span::raw(b.as_str())]),
                None => Line::raw(b.as_str()),
            })
            .collect();
        let whole: Vec<String> = wrap_lines(&lines, width).iter().map(row_text).collect();
        let (window, complete) = wrap_window(&lines, width, rows);
        let window: Vec<String> = window.iter().map(row_text).collect();
        prop_assert_eq!(&window[..], &whole[..rows.min(whole.len())]);
        prop_assert_eq!(complete, whole.len() <= rows);
    }
}

#[test]
fn aws_names_are_never_split_at_hyphens_or_colons() {
    let text = "Deploy in us-east-1 with arn:aws:lambda:us-east-1:123456789012:function:my-function and grant \
                lambda:InvokeFunctionUrl to the caller";
    for width in 26..=80u16 {
        let rows: Vec<String> = wrap_lines(&[Line::raw(text)], width)
            .iter()
            .map(row_text)
            .collect();
        for name in ["us-east-1", "lambda:InvokeFunctionUrl"] {
            assert!(
                rows.iter().any(|r| r.contains(name)),
                "{name} split at {width}: {rows:#?}"
            );
        }
    }
    for width in 60..=80u16 {
        let rows: Vec<String> = wrap_lines(&[Line::raw(text)], width)
            .iter()
            .map(row_text)
            .collect();
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:my-function";
        assert!(
            rows.iter().any(|r| r.contains(arn)),
            "ARN split at {width}: {rows:#?}"
        );
    }
}

#[test]
fn a_url_longer_than_the_width_starts_its_own_line_and_breaks_after_slashes() {
    let url = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/welcome.html";
    let text = format!("See {url} for details");
    let rows: Vec<String> = wrap_lines(&[Line::raw(text)], 40).iter().map(row_text).collect();
    assert_eq!(
        rows,
        [
            "See",
            "https://docs.aws.amazon.com/",
            "AWSSimpleQueueService/latest/",
            "SQSDeveloperGuide/welcome.html for",
            "details",
        ]
    );
    // With no `/` to break after, the URL is cut where the width ends; nothing is lost.
    let rows: Vec<String> = wrap_lines(&[Line::raw(url)], 12).iter().map(row_text).collect();
    assert_eq!(rows.concat(), url);
    assert!(rows.iter().all(|r| r.width() <= 12));
    assert_eq!(
        rows[1], "docs.aws.ama",
        "no slash within 12 columns: cut at the width"
    );
}

#[test]
fn a_source_link_hangs_under_the_url_at_full_width() {
    use recall::ui::widgets::rich::source_line;
    let url = "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html";
    let rows: Vec<String> = wrap_lines(&[source_line(url, Default::default())], 58)
        .iter()
        .map(row_text)
        .collect();
    assert!(rows.iter().all(|r| r.width() <= 58), "{rows:#?}");
    assert!(rows[0].starts_with("↗ https://"));
    let joined: String = rows
        .iter()
        .map(|r| r.trim_start_matches("↗ ").trim_start())
        .collect();
    assert_eq!(joined, url);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// A search query longer than its box scrolls sideways: it fits, the caret shows once, the text
    /// typed just before the caret is in view, and `…` marks each side that hides text.
    #[test]
    fn an_input_line_fits_and_keeps_the_caret_in_view(
        query in text(),
        caret_at in 0.0f64..=1.0,
        width in 1usize..=120,
    ) {
        use recall::ui::widgets::rich::input_line;
        let bounds: Vec<usize> = query.grapheme_indices(true).map(|(i, _)| i).chain([query.len()]).collect();
        let caret = bounds[((bounds.len() - 1) as f64 * caret_at) as usize];
        let shown = row_text(&input_line(&query, caret, width, Default::default()));
        prop_assert!(shown.width() <= width, "{shown:?} is wider than {width}");
        prop_assert_eq!(shown.matches('▏').count(), 1);
        let (left, right) = shown.split_once('▏').unwrap();
        if query.width() < width {
            prop_assert_eq!(left, &query[..caret]);
            prop_assert_eq!(right, &query[caret..]);
        } else {
            let before = &query[..caret];
            let after = &query[caret..];
            // What shows left of the caret is what was typed just before it, whole or after a `…`.
            let tail = left.strip_prefix('…').unwrap_or(left);
            prop_assert!(before.ends_with(tail), "{left:?} is not the end of {before:?}");
            if width > 1 {
                prop_assert_eq!(left.starts_with('…'), tail.len() < before.len());
            }
            if width >= 8 {
                let last = before.graphemes(true).next_back().unwrap_or("");
                prop_assert!(last.width() > 3 || tail.ends_with(last), "{last:?} hidden in {left:?}");
            }
            let head = right.strip_suffix('…').unwrap_or(right);
            prop_assert!(after.starts_with(head), "{right:?} is not the start of {after:?}");
            if right.ends_with('…') {
                prop_assert!(head.len() < after.len());
            } else if width > 2 {
                prop_assert_eq!(head, after, "text hidden on the right without a mark");
            }
        }
    }
}
