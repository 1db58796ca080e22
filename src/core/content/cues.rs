//! Answer cues: ways a scenario gives its key away to a learner who does not know the answer.
//!
//! Exam writers keep wrong choices as long and as specific as the right one, because "pick the longest" or
//! "pick the choice that repeats the question" otherwise beats chance. This module measures both cues per
//! scenario and per language:
//! - **length**: a single-answer scenario whose key is at least as long as every distractor (a tie counts),
//!   or a choose-N scenario whose N longest choices are exactly its keys;
//! - **wording**: the key repeats more of the prompt's content words than every distractor does.
//!
//! [`CueRates`] sums them over a deck (the bundled deck's test holds it under the bars of issue 22), and
//! [`length_ratio`] is what `recall check` warns about for a single scenario ([`WARN_RATIO`]). Lengths are
//! the displayed width in terminal columns (a Hangul syllable is two, as wide as it looks next to Latin
//! text); words are lowercase runs of letters and digits of three or
//! more, minus a few English function words, and a Hangul word counts by its first two syllables, so a
//! particle (`함수의`, `함수를`) does not hide a repeated word. Pure functions of the deck.

use std::collections::HashSet;

use super::model::{Deck, Scenario};
use super::text::Lang;

/// `recall check` warns when the shortest key is this many times as long as the longest distractor.
pub const WARN_RATIO: f64 = 1.6;

/// How often a cue points at the key, over some scenarios.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rate {
    /// Scenarios where the cue gives the key away.
    pub cued: usize,
    /// Scenarios measured.
    pub of: usize,
}

impl Rate {
    /// The share of cued scenarios (0 when none was measured).
    pub fn share(self) -> f64 {
        if self.of == 0 {
            0.0
        } else {
            self.cued as f64 / self.of as f64
        }
    }

    fn count(&mut self, cued: bool) {
        self.of += 1;
        self.cued += usize::from(cued);
    }
}

/// The cue rates of a deck in one language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CueRates {
    /// Single-answer scenarios whose key is the longest choice.
    pub longest_single: Rate,
    /// Choose-N scenarios whose N longest choices are the keys.
    pub longest_choose_n: Rate,
    /// Scenarios whose key repeats the most prompt words.
    pub wording: Rate,
}

impl CueRates {
    /// The rates over every scenario of `deck` with both keys and distractors, in `lang`.
    pub fn of_deck(deck: &Deck, lang: Lang) -> CueRates {
        let mut rates = CueRates::default();
        for scenario in deck.topics().iter().flat_map(|t| &t.scenarios) {
            let Some(cue) = Cues::of(scenario, lang) else {
                continue;
            };
            if scenario.correct_count() == 1 {
                rates.longest_single.count(cue.longest);
            } else {
                rates.longest_choose_n.count(cue.longest);
            }
            rates.wording.count(cue.wording);
        }
        rates
    }
}

/// Both cues of one scenario in one language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cues {
    /// The key is the longest choice (the keys the N longest, for choose-N).
    pub longest: bool,
    /// The key repeats more prompt words than every distractor.
    pub wording: bool,
}

impl Cues {
    /// The cues of `scenario` in `lang`; `None` if it has no key or no distractor.
    pub fn of(scenario: &Scenario, lang: Lang) -> Option<Cues> {
        let (keys, distractors) = split(scenario, |c| width(c.text.get(lang)));
        let longest = *keys.iter().min()? >= *distractors.iter().max()?;
        let prompt = words(scenario.prompt.get(lang));
        let (keys, distractors) = split(scenario, |c| {
            words(c.text.get(lang)).intersection(&prompt).count()
        });
        let wording = keys.iter().min()? > distractors.iter().max()?;
        Some(Cues { longest, wording })
    }
}

/// The shortest key's length over the longest distractor's in `lang` (above 1: every key is longer than
/// every distractor); `None` without a key or a distractor.
pub fn length_ratio(scenario: &Scenario, lang: Lang) -> Option<f64> {
    let (keys, distractors) = split(scenario, |c| width(c.text.get(lang)));
    let key = *keys.iter().min()?;
    let distractor = (*distractors.iter().max()?).max(1);
    Some(key as f64 / distractor as f64)
}

/// How many terminal columns `text` takes.
fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// A measure of every key and of every distractor.
fn split(scenario: &Scenario, measure: impl Fn(&super::model::Choice) -> usize) -> (Vec<usize>, Vec<usize>) {
    let (keys, distractors): (Vec<_>, Vec<_>) = scenario.choices.iter().partition(|c| c.correct);
    (
        keys.into_iter().map(&measure).collect(),
        distractors.into_iter().map(&measure).collect(),
    )
}

/// English function words that say nothing about the answer.
const STOPWORDS: &[&str] = &[
    "the", "and", "for", "with", "that", "this", "from", "are", "was", "were", "has", "have", "not", "but",
    "its", "into", "than", "then", "what", "which", "when", "who", "how", "why", "does", "should", "can",
    "could", "will", "would", "each", "all", "any", "one", "two", "three", "their", "them", "they", "use",
    "uses", "used", "using", "only", "also", "must", "more", "most", "less", "new", "other", "same", "such",
    "per", "out", "off",
];

/// The content words of `text`: Latin words of three or more characters that are not function words, and
/// Hangul words by their first two syllables.
pub fn words(text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut word = String::new();
    // Some(true) while in a Hangul word, Some(false) in a Latin one.
    let mut kind: Option<bool> = None;
    for c in text.chars().chain(std::iter::once(' ')) {
        let hangul = ('\u{ac00}'..='\u{d7a3}').contains(&c);
        let this = if hangul {
            Some(true)
        } else if c.is_ascii_alphanumeric() || (kind == Some(false) && "@._:-".contains(c)) {
            Some(false)
        } else {
            None
        };
        if this != kind {
            finish(&word, kind, &mut out);
            word.clear();
        }
        kind = this;
        if this.is_some() {
            word.push(c);
        }
    }
    out
}

fn finish(word: &str, kind: Option<bool>, out: &mut HashSet<String>) {
    let w = word
        .trim_matches(|c| matches!(c, '.' | ':' | '-' | '_'))
        .to_lowercase();
    match kind {
        Some(true) if w.chars().count() >= 2 => {
            out.insert(w.chars().take(2).collect());
        }
        Some(false) if w.chars().count() >= 3 && !STOPWORDS.contains(&w.as_str()) => {
            out.insert(w);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::{Choice, Keywords, Text};

    fn scenario(prompt: &str, choices: &[(&str, bool)]) -> Scenario {
        Scenario {
            id: "s".into(),
            prompt: Text::plain(prompt),
            keywords: Keywords::default(),
            explanation: Text::plain("because"),
            source: "https://docs.aws.amazon.com/x".into(),
            checked: None,
            related: Vec::new(),
            choices: choices
                .iter()
                .map(|(t, correct)| Choice {
                    text: Text::plain(*t),
                    correct: *correct,
                    why: Text::plain("why"),
                })
                .collect(),
        }
    }

    #[test]
    fn a_key_at_least_as_long_as_every_distractor_is_a_length_cue() {
        let longer = scenario(
            "Q?",
            &[("a long right answer", true), ("short", false), ("tiny", false)],
        );
        assert!(Cues::of(&longer, Lang::En).unwrap().longest);
        let tie = scenario("Q?", &[("abcd", true), ("wxyz", false)]);
        assert!(Cues::of(&tie, Lang::En).unwrap().longest, "a tie counts");
        let shorter = scenario("Q?", &[("abc", true), ("wxyz", false)]);
        assert!(!Cues::of(&shorter, Lang::En).unwrap().longest);
        let none = scenario("Q?", &[("abc", true), ("wxyz", true)]);
        assert_eq!(
            Cues::of(&none, Lang::En),
            None,
            "no distractor, nothing to compare"
        );
    }

    #[test]
    fn choose_n_is_cued_when_its_keys_are_the_n_longest() {
        let cued = scenario(
            "Q?",
            &[
                ("long key one", true),
                ("long key two", true),
                ("no", false),
                ("nah", false),
            ],
        );
        assert!(Cues::of(&cued, Lang::En).unwrap().longest);
        let mixed = scenario(
            "Q?",
            &[("long key one", true), ("k2", true), ("a long distractor", false)],
        );
        assert!(!Cues::of(&mixed, Lang::En).unwrap().longest);
        assert_eq!(length_ratio(&mixed, Lang::En), Some(2.0 / 17.0));
    }

    #[test]
    fn a_key_repeating_more_prompt_words_than_any_distractor_is_a_wording_cue() {
        let prompt = "Users upload images to Amazon S3 and a function must resize them";
        let cued = scenario(
            prompt,
            &[
                ("Resize images on S3 upload", true),
                ("Use SQS", false),
                ("Use SNS", false),
            ],
        );
        assert!(Cues::of(&cued, Lang::En).unwrap().wording);
        let fair = scenario(
            prompt,
            &[("Resize the images", true), ("Poll, then resize images", false)],
        );
        assert!(!Cues::of(&fair, Lang::En).unwrap().wording, "a tie is no cue");
    }

    #[test]
    fn words_ignore_function_words_and_hangul_particles() {
        let en = words("The Lambda function and its timeout: 900 s.");
        assert!(en.contains("lambda") && en.contains("timeout") && en.contains("900"));
        assert!(!en.contains("the") && !en.contains("and") && !en.contains("s"));
        let ko = words("람다 함수의 제한 시간은 Lambda");
        assert!(ko.contains("함수") && ko.contains("제한") && ko.contains("lambda"));
        assert_eq!(
            words("함수를"),
            words("함수의"),
            "particles do not change the word"
        );
        assert!(words("dynamodb:LeadingKeys").contains("dynamodb:leadingkeys"));
    }

    #[test]
    fn rates_count_only_what_they_measure() {
        let mut r = Rate::default();
        assert_eq!(r.share(), 0.0);
        r.count(true);
        r.count(false);
        r.count(false);
        r.count(true);
        assert_eq!((r.cued, r.of, r.share()), (2, 4, 0.5));
    }
}
