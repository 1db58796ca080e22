//! Ranking: keep the best `limit` items seen so far, best score first, ties in deck order.
//!
//! Items are offered in deck order, so an item offered later loses every tie. That makes [`TopK::floor`] a
//! strict bar: once the list is full, a later item must score *more* than the floor to get in, and the search
//! skips any text whose score bound does not exceed it.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// An item's best field, as ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Index of the item in deck order.
    pub item: usize,
    /// Index of the matched entry in the index.
    pub entry: usize,
    /// Its score.
    pub score: i64,
}

impl Ord for Candidate {
    /// Better is greater: higher score, then earlier item.
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .cmp(&other.score)
            .then_with(|| other.item.cmp(&self.item))
            .then_with(|| other.entry.cmp(&self.entry))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The best `limit` candidates offered so far.
#[derive(Debug)]
pub struct TopK {
    limit: usize,
    /// A min-heap: the worst kept candidate on top.
    heap: BinaryHeap<Reverse<Candidate>>,
}

impl TopK {
    /// An empty list that keeps at most `limit` candidates.
    pub fn new(limit: usize) -> TopK {
        TopK {
            limit,
            heap: BinaryHeap::with_capacity(limit.saturating_add(1).min(4096)),
        }
    }

    /// The score a later item must beat to get in, once the list is full.
    pub fn floor(&self) -> Option<i64> {
        if self.heap.len() < self.limit {
            return None;
        }
        self.heap.peek().map(|Reverse(worst)| worst.score)
    }

    /// Offers a candidate; keeps it if it is among the best `limit`.
    pub fn push(&mut self, candidate: Candidate) {
        if self.limit == 0 {
            return;
        }
        self.heap.push(Reverse(candidate));
        if self.heap.len() > self.limit {
            self.heap.pop();
        }
    }

    /// The kept candidates, best first.
    pub fn into_sorted(self) -> Vec<Candidate> {
        let mut kept: Vec<Candidate> = self.heap.into_iter().map(|Reverse(c)| c).collect();
        kept.sort_unstable_by(|a, b| b.cmp(a));
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(item: usize, score: i64) -> Candidate {
        Candidate {
            item,
            entry: item,
            score,
        }
    }

    #[test]
    fn keeps_the_best_with_ties_in_deck_order() {
        let mut top = TopK::new(3);
        for (item, score) in [(0, 10), (1, 30), (2, 20), (3, 30), (4, 20), (5, 5)] {
            top.push(candidate(item, score));
        }
        let kept: Vec<(usize, i64)> = top.into_sorted().iter().map(|c| (c.item, c.score)).collect();
        assert_eq!(kept, [(1, 30), (3, 30), (2, 20)]);
    }

    #[test]
    fn floor_appears_once_full() {
        let mut top = TopK::new(2);
        top.push(candidate(0, 10));
        assert_eq!(top.floor(), None);
        top.push(candidate(1, 40));
        assert_eq!(top.floor(), Some(10));
        top.push(candidate(2, 20));
        assert_eq!(top.floor(), Some(20));
    }

    #[test]
    fn a_zero_limit_keeps_nothing() {
        let mut top = TopK::new(0);
        top.push(candidate(0, 10));
        assert!(top.into_sorted().is_empty());
    }
}
