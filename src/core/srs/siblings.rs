//! Siblings: cards that give each other's answers away, from the deck's `related` fields.
//!
//! As Anki buries the other cards of a note once one is answered, the study queue never introduces two
//! related cards as new cards on the same study day ([`super::Queue::build`]): a sibling seen today holds
//! the other back until tomorrow. Relations are symmetric whichever item names the other.

use std::collections::HashMap;

use foldhash::fast::FixedState;

use crate::core::content::{Deck, global_id};

/// Every card's related cards, by global id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Siblings {
    /// Hashed with a fast fixed-seed hasher: a big deck's queue looks up every new card.
    of: HashMap<String, Vec<String>, FixedState>,
}

impl Siblings {
    /// The relations the deck's facts and scenarios declare, both ways.
    pub fn of_deck(deck: &Deck) -> Siblings {
        let mut siblings = Siblings::default();
        for topic in deck.topics() {
            let declared = topic
                .facts
                .iter()
                .map(|f| (&f.id, &f.related))
                .chain(topic.scenarios.iter().map(|s| (&s.id, &s.related)));
            for (id, related) in declared {
                for other in related {
                    siblings.relate(&global_id(&topic.id, id), &global_id(&topic.id, other));
                }
            }
        }
        siblings
    }

    /// Records that `a` and `b` give each other away.
    pub fn relate(&mut self, a: &str, b: &str) {
        for (x, y) in [(a, b), (b, a)] {
            let list = self.of.entry(x.to_string()).or_default();
            if !list.iter().any(|s| s == y) {
                list.push(y.to_string());
            }
        }
    }

    /// The cards related to `card` (none for most).
    pub fn of(&self, card: &str) -> &[String] {
        self.of.get(card).map_or(&[], Vec::as_slice)
    }

    /// Every card that has siblings, with them (in no particular order).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.of
            .iter()
            .map(|(card, siblings)| (card.as_str(), siblings.as_slice()))
    }

    /// Whether no card has a sibling.
    pub fn is_empty(&self) -> bool {
        self.of.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_are_symmetric_and_listed_once() {
        let mut s = Siblings::default();
        assert!(s.is_empty());
        s.relate("t/a", "t/b");
        s.relate("t/b", "t/a");
        s.relate("t/a", "t/c");
        assert_eq!(s.of("t/a"), ["t/b", "t/c"]);
        assert_eq!(s.of("t/b"), ["t/a"]);
        assert_eq!(s.of("t/c"), ["t/a"]);
        assert!(s.of("t/d").is_empty());
    }
}
