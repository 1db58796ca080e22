//! The bundled mock exam measures knowledge, not test-taking tricks: in both languages, the longest choice
//! is the key in at most 30 % of single-answer scenarios, the N longest choices are exactly the key in at most
//! 20 % of choose-N scenarios, and the key repeats the prompt's words more than every distractor in at most
//! 20 % of scenarios. (Before the December 2026 rewrite: 70 %, 46 % and 18 % in English, 69 %, 54 % and 28 %
//! in Korean.) A new scenario that brings a cue back fails here, and `recall check` warns about the worst.

use recall::core::content::cues::{CueRates, WARN_RATIO, length_ratio};
use recall::core::content::{self, Lang};
use recall::io::deck::bundled_files;

fn deck() -> content::Deck {
    content::load(&bundled_files().0).deck
}

#[test]
fn no_cue_gives_the_key_away_in_either_language() {
    let deck = deck();
    for lang in Lang::ALL {
        let r = CueRates::of_deck(&deck, lang);
        let report = format!(
            "{lang}: longest is the key in {}/{} single-answer, the N longest are the keys in {}/{} choose-N, the key repeats the most prompt words in {}/{}",
            r.longest_single.cued,
            r.longest_single.of,
            r.longest_choose_n.cued,
            r.longest_choose_n.of,
            r.wording.cued,
            r.wording.of
        );
        assert!(
            r.longest_single.of >= 100 && r.longest_choose_n.of >= 20,
            "{report}"
        );
        assert!(r.longest_single.share() <= 0.30, "{report}");
        assert!(r.longest_choose_n.share() <= 0.20, "{report}");
        assert!(r.wording.share() <= 0.20, "{report}");
        eprintln!("{report}");
    }
}

#[test]
fn no_scenario_has_a_key_that_check_would_flag() {
    let deck = deck();
    for topic in deck.topics() {
        for s in &topic.scenarios {
            for lang in Lang::ALL {
                let ratio = length_ratio(s, lang).unwrap_or(0.0);
                assert!(
                    ratio < WARN_RATIO,
                    "{}/{} ({lang}): key {ratio:.2}× the longest distractor",
                    topic.id,
                    s.id
                );
            }
        }
    }
}
