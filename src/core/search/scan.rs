//! The scan behind [`SearchIndex::search_with`]: every item's best field, pruned, and on big decks parallel.
//!
//! Most texts are ruled out without running the matcher: an item or text whose char mask lacks a query char
//! cannot match, and once the results are full ([`TopK::floor`]), an item or text whose score bound (from
//! its shape, [`Query::shape_bound`], then from its text, [`Query::bound_in`]) does not beat the floor cannot
//! get in. What passes is scored first without the matcher ([`Query::quick_score`], the same value, cheaper),
//! and only what then beats the floor by the matcher itself. Pruning never changes the results: the bounds
//! are proven upper bounds (see `bound`) and later items lose ties. Decks of [`PARALLEL_MIN`] items or more
//! are split into one contiguous chunk per core; each chunk keeps its own best `limit`, merged at the end.

use std::ops::Range;

use super::forms::mask_bit;
use super::query::Query;
use super::rank::{Candidate, TopK};
use super::{ItemScan, SearchIndex};
use crate::core::content::Lang;

/// Below this many items a query is fast enough on one thread, and spawning threads would cost more.
pub const PARALLEL_MIN: usize = 20_000;
/// The most threads one query uses.
const MAX_THREADS: usize = 4;

/// What [`SearchIndex::best_of`] found among some texts of an item.
#[derive(Debug, Default)]
struct Pass {
    /// Some text matched.
    matched: bool,
    /// Some text was skipped (bound too low) before any matched; it may or may not match.
    skipped: bool,
    /// The best text and its score, if one beat the bar.
    best: Option<(usize, i64)>,
}

impl SearchIndex {
    /// The best `limit` candidates for `query`, best first, ties in deck order.
    pub(super) fn ranked(&self, query: &Query, limit: usize, prefer: Lang) -> Vec<Candidate> {
        let cores = std::thread::available_parallelism().map_or(1, |t| t.get().min(MAX_THREADS));
        let chunks = if self.scan.len() < PARALLEL_MIN { 1 } else { cores };
        self.ranked_in_chunks(query, limit, prefer, chunks)
    }

    /// [`SearchIndex::ranked`] with the items split into `chunks` parts scanned in parallel.
    pub(super) fn ranked_in_chunks(
        &self,
        query: &Query,
        limit: usize,
        prefer: Lang,
        chunks: usize,
    ) -> Vec<Candidate> {
        let n = self.scan.len();
        if limit == 0 || chunks <= 1 || n < 2 {
            return self.scan_range(query, 0..n, limit, prefer);
        }
        let size = n.div_ceil(chunks);
        let found: Vec<Candidate> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..n)
                .step_by(size)
                .map(|start| {
                    let range = start..(start + size).min(n);
                    s.spawn(move || self.scan_range(query, range, limit, prefer))
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect()
        });
        let mut top = TopK::new(limit);
        found.into_iter().for_each(|c| top.push(c));
        top.into_sorted()
    }

    /// The best `limit` candidates among the items in `range`.
    fn scan_range(&self, query: &Query, range: Range<usize>, limit: usize, prefer: Lang) -> Vec<Candidate> {
        let mut top = TopK::new(limit);
        let max_bound = query.max_bound();
        for i in range {
            let item = &self.scan[i];
            let floor = top.floor();
            if floor.is_some_and(|f| f >= max_bound) {
                break;
            }
            let may_start = |c: char| item.starts & mask_bit(c) != 0;
            if !query.could_match(item.mask)
                || floor.is_some_and(|f| query.shape_bound(&item.shape, may_start) <= f)
            {
                continue;
            }
            if let Some(best) = self.best_field(query, i, item, prefer, floor) {
                top.push(best);
            }
        }
        top.into_sorted()
    }

    /// The item's best field: among the preferred language's texts if any matches, else among the others.
    /// Texts that cannot score above `floor` (or above the best so far) are not scored.
    fn best_field(
        &self,
        query: &Query,
        i: usize,
        item: &ItemScan,
        prefer: Lang,
        floor: Option<i64>,
    ) -> Option<Candidate> {
        let preferred = |e: &usize| self.probes[*e].lang.is_none_or(|l| l == prefer);
        let first = self.best_of(query, item.entries.clone().filter(preferred), floor);
        let (entry, score) = if first.matched {
            first.best?
        } else {
            let other = self
                .best_of(query, item.entries.clone().filter(|e| !preferred(e)), floor)
                .best?;
            // A preferred text skipped for its low bound still wins if it matches (and then scores too low).
            let mut skipped = item.entries.clone().filter(preferred);
            if first.skipped && skipped.any(|e| query.matches(self.form(&self.entries[e], query.form))) {
                return None;
            }
            other
        };
        Some(Candidate {
            item: i,
            entry,
            score,
        })
    }

    /// The best-scoring of `entries` (the first on ties) if it beats `floor`; entries whose score bound does
    /// not beat the bar are skipped without even checking whether they match.
    fn best_of(&self, query: &Query, entries: impl Iterator<Item = usize>, floor: Option<i64>) -> Pass {
        let mut pass = Pass::default();
        for e in entries {
            let probe = &self.probes[e];
            if !query.could_match(probe.mask) {
                continue;
            }
            let bar = floor.max(pass.best.map(|(_, s)| s));
            if let Some(bar) = bar
                && !self.can_beat(query, e, bar)
            {
                pass.skipped |= !pass.matched;
                continue;
            }
            let form = self.form(&self.entries[e], query.form);
            let Some(quick) = query.quick_score(form) else {
                continue;
            };
            pass.matched = true;
            if bar.is_some_and(|bar| quick <= bar) {
                continue;
            }
            if let Some(score) = query.score(form)
                && bar.is_none_or(|bar| score > bar)
            {
                pass.best = Some((e, score));
            }
        }
        pass
    }

    /// Whether `query` could score more than `bar` in entry `e`: first by its shape, then by its text.
    fn can_beat(&self, query: &Query, e: usize, bar: i64) -> bool {
        let probe = &self.probes[e];
        let start = SearchIndex::form_start(probe, query.form);
        query.shape_bound(&probe.shape, |c| c == start) > bar
            && query.bound_in(self.form(&self.entries[e], query.form)) > bar
    }
}
