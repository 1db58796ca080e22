//! Keyword highlighting: splits a prompt into plain and keyword segments, so the interface only styles them.
//!
//! Matching is case-insensitive, like the validator's check that every keyword occurs in its prompt.
//! Overlapping or adjacent keyword matches merge into one highlighted segment.

/// A run of prompt text, highlighted or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The text, a slice of the prompt.
    pub text: &'a str,
    /// Whether it is part of a keyword.
    pub keyword: bool,
}

/// Splits `text` into segments, marking every case-insensitive occurrence of any of `keywords`. The segments
/// concatenate back to `text`; empty keywords are ignored.
pub fn highlight<'a>(text: &'a str, keywords: &[String]) -> Vec<Segment<'a>> {
    let mut marked = vec![false; text.len()];
    for (start, _) in text.char_indices() {
        let longest = keywords
            .iter()
            .filter(|k| !k.is_empty())
            .filter_map(|k| match_len(&text[start..], k))
            .max();
        if let Some(len) = longest {
            marked[start..start + len].iter_mut().for_each(|m| *m = true);
        }
    }
    segments(text, &marked)
}

/// The byte length of the prefix of `hay` that equals `needle` ignoring case, if there is one.
fn match_len(hay: &str, needle: &str) -> Option<usize> {
    let mut hay_chars = hay.char_indices();
    for n in needle.chars() {
        let (_, h) = hay_chars.next()?;
        if !h.to_lowercase().eq(n.to_lowercase()) {
            return None;
        }
    }
    Some(hay_chars.next().map_or(hay.len(), |(i, _)| i))
}

fn segments<'a>(text: &'a str, marked: &[bool]) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.char_indices().skip(1) {
        if marked[i] != marked[start] {
            out.push(Segment {
                text: &text[start..i],
                keyword: marked[start],
            });
            start = i;
        }
    }
    if start < text.len() {
        out.push(Segment {
            text: &text[start..],
            keyword: marked[start],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str, keywords: &[&str]) -> String {
        let keywords: Vec<String> = keywords.iter().map(|k| k.to_string()).collect();
        highlight(text, &keywords)
            .iter()
            .map(|s| {
                if s.keyword {
                    format!("[{}]", s.text)
                } else {
                    s.text.to_string()
                }
            })
            .collect()
    }

    #[test]
    fn marks_every_occurrence_ignoring_case() {
        assert_eq!(
            render("Mobile users; many MOBILE users.", &["mobile users"]),
            "[Mobile users]; many [MOBILE users]."
        );
    }

    #[test]
    fn overlapping_and_adjacent_keywords_merge() {
        assert_eq!(render("abcdef", &["abc", "bcd", "ef"]), "[abcdef]");
        assert_eq!(render("ab cd", &["ab", "cd"]), "[ab] [cd]");
    }

    #[test]
    fn works_on_korean_and_keeps_every_byte() {
        let text = "수백 명의 사용자가 모바일 앱에서 로그인";
        assert_eq!(
            render(text, &["모바일 앱"]),
            "수백 명의 사용자가 [모바일 앱]에서 로그인"
        );
        let joined: String = highlight(text, &["명의".into(), "".into()])
            .iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn no_keywords_or_no_match_is_one_plain_segment() {
        assert_eq!(
            highlight("plain", &[]),
            vec![Segment {
                text: "plain",
                keyword: false
            }]
        );
        assert_eq!(render("plain", &["zzz", "plainer"]), "plain");
        assert!(highlight("", &["x".into()]).is_empty());
    }
}
