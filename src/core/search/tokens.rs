//! The words of a text, as search sees them: maximal runs of letters and digits, case-folded, split where
//! the script changes between Hangul and anything else.
//!
//! The split at script changes is what makes Korean text searchable by word: the deck writes `Lambda의` and
//! `15분`, and a learner types `lambda` or `15`. Korean particles stay attached to their noun (`함수의`), which
//! word-prefix matching covers (`함수` finds `함수의`). Folding maps one char to one char (see
//! [`super::forms::fold_char`]), so a token's char offsets are offsets in the original text.

use super::forms::{fold_char, is_compat_consonant, is_syllable};

/// Where one word sits in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Index of the word's first char in the text (chars, not bytes).
    pub char_start: usize,
    /// How many chars the word has.
    pub char_len: usize,
}

/// The script classes that end a word when they change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Gap,
    Hangul,
    Other,
}

fn class(c: char) -> Class {
    if is_syllable(c) || is_compat_consonant(c) {
        Class::Hangul
    } else if c.is_alphanumeric() {
        Class::Other
    } else {
        Class::Gap
    }
}

/// Calls `f` with every word of `text`, folded, and its span, in order. `word` is a buffer reused between
/// calls (so tokenizing allocates nothing once it has grown).
pub fn for_each_word(text: &str, word: &mut String, mut f: impl FnMut(&str, Span)) {
    word.clear();
    let (mut start, mut len, mut current) = (0, 0, Class::Gap);
    for (i, c) in text.chars().enumerate() {
        let next = class(c);
        if next != current && len > 0 {
            f(
                word,
                Span {
                    char_start: start,
                    char_len: len,
                },
            );
            word.clear();
            len = 0;
        }
        current = next;
        if next != Class::Gap {
            if len == 0 {
                start = i;
            }
            word.push(fold_char(c));
            len += 1;
        }
    }
    if len > 0 {
        f(
            word,
            Span {
                char_start: start,
                char_len: len,
            },
        );
    }
}

/// Every word of `text`, folded (for queries and tests; the index uses [`for_each_word`]).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, &mut String::new(), |w, _| out.push(w.to_string()));
    out
}

/// Whether `word` is made of Hangul only (then a short suffix after a match is a particle, not a new word).
pub fn is_hangul(word: &str) -> bool {
    word.chars().all(|c| class(c) == Class::Hangul)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_punctuation_and_script_changes() {
        assert_eq!(
            words("Lambda의 최대 실행 시간(15분), Lambda@Edge!"),
            [
                "lambda", "의", "최대", "실행", "시간", "15", "분", "lambda", "edge"
            ]
        );
        assert_eq!(words("provided.al2023 /tmp"), ["provided", "al2023", "tmp"]);
        assert!(words(" -- … ").is_empty());
    }

    #[test]
    fn spans_are_char_offsets_of_the_original_text() {
        let text = "À la Lambda의";
        let mut spans = Vec::new();
        for_each_word(text, &mut String::new(), |w, s| spans.push((w.to_string(), s)));
        let chars: Vec<char> = text.chars().collect();
        for (word, span) in spans {
            let original: String = chars[span.char_start..span.char_start + span.char_len]
                .iter()
                .collect();
            assert_eq!(original.to_lowercase(), word);
        }
    }
}
