//! The searchable forms of a text: case-folded, choseong (Hangul initial consonants), and a character mask.
//!
//! Every form maps the original text **one char to one char**, so a char index found in a form is the same
//! char index in the original text; that is what lets the index highlight the original string. The mask is a
//! cheap necessary condition: a query can only match a text whose mask contains the query's mask.

/// First and last precomposed Hangul syllable (가, 힣).
const SYLLABLES: std::ops::RangeInclusive<u32> = 0xAC00..=0xD7A3;
/// Syllables per initial consonant: 21 vowels × 28 finals.
const PER_CHOSEONG: u32 = 21 * 28;
/// The 19 initial consonants, as Hangul compatibility jamo (what a Korean keyboard types).
const CHOSEONG: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ',
    'ㅍ', 'ㅎ',
];
/// Hangul compatibility jamo consonants, ㄱ..ㅎ (including clusters such as ㄳ, which no syllable starts with).
const COMPAT_CONSONANTS: std::ops::RangeInclusive<char> = 'ㄱ'..='ㅎ';

/// Whether `c` is a precomposed Hangul syllable.
pub fn is_syllable(c: char) -> bool {
    SYLLABLES.contains(&u32::from(c))
}

/// Whether `c` is a Hangul compatibility jamo consonant (ㄱ..ㅎ), as typed for a choseong search.
pub fn is_compat_consonant(c: char) -> bool {
    COMPAT_CONSONANTS.contains(&c)
}

/// The initial consonant of a Hangul syllable (`람` → `ㄹ`); `None` for any other char.
pub fn choseong(c: char) -> Option<char> {
    let code = u32::from(c);
    if !SYLLABLES.contains(&code) {
        return None;
    }
    let index = (code - SYLLABLES.start()) / PER_CHOSEONG;
    CHOSEONG.get(index as usize).copied()
}

/// Lowercases one char when its lowercase is a single char (almost always); otherwise keeps it, so folding
/// never changes a text's char count.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The case-folded form of `text`: [`fold_char`] of every char.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// The choseong form of `text` (`람다 함수` → `ㄹㄷ ㅎㅅ`, other chars folded), or `None` when the text has no
/// Hangul syllable (then the folded form is its choseong form).
pub fn choseong_form(text: &str) -> Option<String> {
    if !text.chars().any(is_syllable) {
        return None;
    }
    Some(
        text.chars()
            .map(|c| choseong(c).unwrap_or_else(|| fold_char(c)))
            .collect(),
    )
}

/// The mask bit of one (folded) char: ASCII letters and digits get their own bit, every other char one of 28
/// hashed bits.
pub(super) fn mask_bit(c: char) -> u64 {
    let bit = match c {
        'a'..='z' => u32::from(c) - u32::from('a'),
        '0'..='9' => 26 + u32::from(c) - u32::from('0'),
        _ => 36 + (u32::from(c).wrapping_mul(0x9E37_79B1) >> 16) % 28,
    };
    1 << bit
}

/// The union of [`mask_bit`] over every char of `text`.
pub(super) fn char_mask(text: &str) -> u64 {
    text.chars().fold(0, |mask, c| mask | mask_bit(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choseong_of_syllables_follows_the_unicode_formula() {
        let pairs = [
            ('가', 'ㄱ'),
            ('까', 'ㄲ'),
            ('람', 'ㄹ'),
            ('다', 'ㄷ'),
            ('서', 'ㅅ'),
            ('힣', 'ㅎ'),
        ];
        for (syllable, initial) in pairs {
            assert_eq!(choseong(syllable), Some(initial), "{syllable}");
        }
        assert_eq!(choseong('a'), None);
        assert_eq!(choseong('ㄹ'), None, "a jamo is not a syllable");
    }

    #[test]
    fn choseong_form_keeps_one_char_per_char() {
        let text = "서버리스 Lambda 함수!";
        let form = choseong_form(text).unwrap();
        assert_eq!(form, "ㅅㅂㄹㅅ lambda ㅎㅅ!");
        assert_eq!(form.chars().count(), text.chars().count());
        assert_eq!(choseong_form("only ASCII"), None);
    }

    #[test]
    fn fold_lowercases_without_changing_the_char_count() {
        assert_eq!(fold("AWS Lambda ÉCOLE"), "aws lambda école");
        // 'İ' lowercases to two chars; it is kept as is so indices stay aligned.
        assert_eq!(fold("İx").chars().count(), 2);
    }

    #[test]
    fn mask_of_a_text_contains_the_mask_of_its_chars() {
        let mask = char_mask("람다 lambda 15");
        for c in "람다lambda15 ".chars() {
            assert_eq!(mask & mask_bit(c), mask_bit(c), "{c}");
        }
        assert_ne!(mask & mask_bit('z'), mask_bit('z'));
        assert!(is_compat_consonant('ㄳ') && !is_compat_consonant('ㅏ'));
    }
}
