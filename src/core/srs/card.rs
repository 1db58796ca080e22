//! One flashcard's scheduling state: its phase, FSRS memory, due time and counters.
//!
//! A [`CardState`] is never stored: it is derived by folding the card's reviews through the
//! [`super::Scheduler`] (live in a study session, or on replay of the progress log). It is a small `Copy`
//! value, so the review history can keep the state each review started from.

use jiff::Timestamp;
use serde::Serialize;

/// Where a card is in its life, as in Anki.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Never reviewed.
    New,
    /// Seen, going through the short learning steps (minutes apart).
    Learning,
    /// Graduated: scheduled in whole days by FSRS.
    Review,
    /// Forgotten after graduating: going through the relearning steps.
    Relearning,
}

impl Phase {
    /// The phase's name as shown and exported (`review`).
    pub fn name(self) -> &'static str {
        match self {
            Phase::New => "new",
            Phase::Learning => "learning",
            Phase::Review => "review",
            Phase::Relearning => "relearning",
        }
    }

    /// Whether the card is in short-term (minutes apart) steps.
    pub fn in_steps(self) -> bool {
        matches!(self, Phase::Learning | Phase::Relearning)
    }
}

/// FSRS memory state: how long the memory lasts and how hard the card is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Memory {
    /// Days until recall probability falls to 90%.
    pub stability: f32,
    /// Difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f32,
}

impl From<fsrs::MemoryState> for Memory {
    fn from(m: fsrs::MemoryState) -> Memory {
        Memory {
            stability: m.stability,
            difficulty: m.difficulty,
        }
    }
}

impl From<Memory> for fsrs::MemoryState {
    fn from(m: Memory) -> fsrs::MemoryState {
        fsrs::MemoryState {
            stability: m.stability,
            difficulty: m.difficulty,
        }
    }
}

/// The scheduling state of one card.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CardState {
    /// Life phase.
    pub phase: Phase,
    /// Index of the current learning or relearning step (0 outside the steps).
    pub step: u8,
    /// FSRS memory; `None` until the first review.
    pub memory: Option<Memory>,
    /// When the card is next due; `None` for a new card.
    pub due: Option<Timestamp>,
    /// The interval in days of a card in review (0 in the other phases).
    pub scheduled_days: u32,
    /// Scheduling reviews so far (cram reviews do not count).
    pub reps: u32,
    /// Times the card was forgotten after graduating (Again in review).
    pub lapses: u32,
    /// When it was last reviewed.
    pub last_review: Option<Timestamp>,
}

impl CardState {
    /// A card that was never reviewed.
    pub const NEW: CardState = CardState {
        phase: Phase::New,
        step: 0,
        memory: None,
        due: None,
        scheduled_days: 0,
        reps: 0,
        lapses: 0,
        last_review: None,
    };

    /// Whether the card was never reviewed.
    pub fn is_new(&self) -> bool {
        self.phase == Phase::New
    }

    /// Whether a seen card is due at or before `t` (a new card never is: it is introduced, not due).
    pub fn is_due_by(&self, t: Timestamp) -> bool {
        self.due.is_some_and(|due| due <= t)
    }

    /// Whether a seen card falls due strictly before `t`.
    pub fn is_due_before(&self, t: Timestamp) -> bool {
        self.due.is_some_and(|due| due < t)
    }

    /// The state after a wrong quiz or exam answer at `at`: a review-less lapse, the card is due at once.
    ///
    /// Memory and counters are untouched (no FSRS review happened); a new card stays new, since it will be
    /// introduced anyway.
    pub fn answered_wrong(self, at: Timestamp) -> CardState {
        match self.due {
            Some(due) if !self.is_new() => CardState {
                due: Some(due.min(at)),
                ..self
            },
            _ => self,
        }
    }
}

impl Default for CardState {
    fn default() -> CardState {
        CardState::NEW
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn a_wrong_answer_makes_a_seen_card_due_now_but_never_later() {
        let seen = CardState {
            phase: Phase::Review,
            due: Some(ts("2025-01-10T00:00:00Z")),
            ..CardState::NEW
        };
        let now = ts("2025-01-05T12:00:00Z");
        assert_eq!(seen.answered_wrong(now).due, Some(now));
        let overdue = ts("2025-01-01T00:00:00Z");
        assert_eq!(
            seen.answered_wrong(overdue).answered_wrong(now).due,
            Some(overdue)
        );
    }

    #[test]
    fn a_wrong_answer_leaves_a_new_card_new() {
        let after = CardState::NEW.answered_wrong(ts("2025-01-05T12:00:00Z"));
        assert_eq!(after, CardState::NEW);
        assert!(!after.is_due_by(ts("2030-01-01T00:00:00Z")));
    }
}
