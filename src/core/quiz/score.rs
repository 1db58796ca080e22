//! Scores: the scaled exam score and per-topic breakdowns.
//!
//! AWS reports certification results on a 100–1000 scale with a pass mark of 720 (Associate level). Its real
//! scaling is not public (it equates exam forms of different difficulty), so recall uses a **linear
//! approximation**: `100 + 900 × correct / total`, rounded to the nearest integer (halves up). Under it a
//! 65-question exam passes from 45 right answers (723); 44 give 709.

use serde::Serialize;

/// The lowest scaled score (no right answer).
pub const MIN_SCALED: u32 = 100;
/// The highest scaled score (every answer right).
pub const MAX_SCALED: u32 = 1000;
/// The lowest passing scaled score.
pub const PASS_MARK: u32 = 720;

/// The scaled score for `correct` right answers out of `total` (see the module doc). `total == 0` gives the
/// minimum; `correct` is capped at `total`.
pub fn scaled_score(correct: usize, total: usize) -> u32 {
    if total == 0 {
        return MIN_SCALED;
    }
    let (correct, total) = (correct.min(total) as u128, total as u128);
    let span = u128::from(MAX_SCALED - MIN_SCALED);
    // round(span × correct / total) with halves up, in integers.
    let scaled = (2 * span * correct + total) / (2 * total);
    MIN_SCALED + scaled as u32
}

/// Whether a scaled score passes.
pub fn passed(scaled: u32) -> bool {
    scaled >= PASS_MARK
}

/// Right answers out of questions asked for one topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicScore {
    /// Topic id.
    pub topic: String,
    /// Questions answered right.
    pub correct: usize,
    /// Questions asked.
    pub total: usize,
}

/// Per-topic tallies of `(topic, right?)` outcomes, in the order of `topic_order`; topics with no question
/// are left out, and a topic missing from `topic_order` comes last.
pub fn breakdown<'a>(
    topic_order: &[String],
    outcomes: impl IntoIterator<Item = (&'a str, bool)>,
) -> Vec<TopicScore> {
    let mut scores: Vec<TopicScore> = topic_order
        .iter()
        .map(|t| TopicScore {
            topic: t.clone(),
            correct: 0,
            total: 0,
        })
        .collect();
    for (topic, right) in outcomes {
        let at = match scores.iter().position(|s| s.topic == topic) {
            Some(at) => at,
            None => {
                scores.push(TopicScore {
                    topic: topic.to_string(),
                    correct: 0,
                    total: 0,
                });
                scores.len() - 1
            }
        };
        scores[at].total += 1;
        scores[at].correct += usize::from(right);
    }
    scores.retain(|s| s.total > 0);
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_runs_from_100_to_1000() {
        assert_eq!(scaled_score(0, 65), 100);
        assert_eq!(scaled_score(65, 65), 1000);
        assert_eq!(scaled_score(1, 2), 550);
        assert_eq!(scaled_score(0, 0), 100);
        assert_eq!(scaled_score(70, 65), 1000, "capped");
    }

    #[test]
    fn pass_mark_boundary_on_a_65_question_exam() {
        // 100 + 900 × 44/65 = 709.23 → 709; 100 + 900 × 45/65 = 723.08 → 723.
        assert_eq!(scaled_score(44, 65), 709);
        assert_eq!(scaled_score(45, 65), 723);
        assert!(!passed(scaled_score(44, 65)));
        assert!(passed(scaled_score(45, 65)));
        assert!(passed(720) && !passed(719));
    }

    #[test]
    fn rounds_halves_up() {
        // 900 × 1/8 = 112.5 → 113.
        assert_eq!(scaled_score(1, 8), 213);
        // 900 × 1/3 = 300 exactly; 900 × 1/7 = 128.57 → 129.
        assert_eq!(scaled_score(1, 3), 400);
        assert_eq!(scaled_score(1, 7), 229);
    }

    #[test]
    fn the_score_never_decreases_with_more_right_answers() {
        for total in 1..=100 {
            let scores: Vec<u32> = (0..=total).map(|c| scaled_score(c, total)).collect();
            assert!(scores.windows(2).all(|w| w[0] <= w[1]), "total {total}");
        }
    }

    #[test]
    fn breakdown_tallies_in_deck_order() {
        let order = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        let got = breakdown(
            &order,
            [("b", true), ("a", false), ("b", false), ("z", true), ("b", true)],
        );
        let rows: Vec<(&str, usize, usize)> = got
            .iter()
            .map(|s| (s.topic.as_str(), s.correct, s.total))
            .collect();
        assert_eq!(rows, vec![("a", 0, 1), ("b", 2, 3), ("z", 1, 1)]);
    }
}
