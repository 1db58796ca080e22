//! How much TOML the loader's workers may be parsing at once.
//!
//! While a file parses, the `toml` parser holds every token and event of it, about six times the file's
//! size, on top of the deck built so far. Small files parse side by side; files that together would pass
//! the budget wait for each other, so a deck of 15 MB files parses one file at a time (while the other
//! workers deserialize and validate the files already parsed). A file larger than the whole budget still
//! parses, alone.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// Bytes of TOML that may be parsing at once across the workers: about 100 MB of parser memory.
pub(crate) const PARSE_BUDGET_BYTES: usize = 16 << 20;

/// A count of the bytes being parsed, shared by the workers.
pub(crate) struct ParseBudget {
    limit: usize,
    in_flight: Mutex<usize>,
    freed: Condvar,
}

/// Bytes reserved for one parse; given back when dropped.
pub(crate) struct Permit<'a> {
    budget: &'a ParseBudget,
    bytes: usize,
}

impl ParseBudget {
    pub(crate) fn new(limit: usize) -> ParseBudget {
        ParseBudget {
            limit,
            in_flight: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    /// Waits until `bytes` fit in the budget, then holds them until the permit is dropped.
    pub(crate) fn reserve(&self, bytes: usize) -> Permit<'_> {
        let mut in_flight = self.lock();
        while !fits(*in_flight, bytes, self.limit) {
            in_flight = self.freed.wait(in_flight).unwrap_or_else(PoisonError::into_inner);
        }
        self.take(&mut in_flight, bytes)
    }

    /// [`reserve`](Self::reserve) without waiting: `None` if the bytes do not fit now.
    #[cfg(test)]
    fn try_reserve(&self, bytes: usize) -> Option<Permit<'_>> {
        let mut in_flight = self.lock();
        fits(*in_flight, bytes, self.limit).then(|| self.take(&mut in_flight, bytes))
    }

    fn take(&self, in_flight: &mut usize, bytes: usize) -> Permit<'_> {
        *in_flight += bytes;
        Permit { budget: self, bytes }
    }

    /// The count stays right even if a worker panicked while holding the lock: it is only ever added to
    /// and taken from whole.
    fn lock(&self) -> MutexGuard<'_, usize> {
        self.in_flight.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        *self.budget.lock() -= self.bytes;
        self.budget.freed.notify_all();
    }
}

/// Whether `bytes` more may start parsing: within the limit, or alone.
fn fits(in_flight: usize, bytes: usize, limit: usize) -> bool {
    in_flight == 0 || in_flight + bytes <= limit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_parse_side_by_side_up_to_the_limit() {
        let budget = ParseBudget::new(10);
        let first = budget.try_reserve(4).expect("an idle budget takes anything");
        let second = budget.try_reserve(6).expect("4 + 6 is within 10");
        assert!(budget.try_reserve(1).is_none(), "the budget is full");
        drop(first);
        let third = budget
            .try_reserve(4)
            .expect("the first file's bytes were given back");
        assert!(budget.try_reserve(1).is_none());
        drop((second, third));
        assert_eq!(*budget.lock(), 0);
    }

    #[test]
    fn a_file_larger_than_the_budget_parses_alone() {
        let budget = ParseBudget::new(10);
        let small = budget.try_reserve(1).unwrap();
        assert!(budget.try_reserve(11).is_none(), "it waits for the small file");
        drop(small);
        let large = budget.try_reserve(11).expect("alone, it may parse");
        assert!(budget.try_reserve(1).is_none(), "nothing parses beside it");
        drop(large);
        assert!(budget.try_reserve(1).is_some());
    }

    #[test]
    fn a_waiting_worker_goes_on_when_bytes_are_given_back() {
        let budget = ParseBudget::new(10);
        let held = budget.reserve(8);
        std::thread::scope(|scope| {
            let waiter = scope.spawn(|| {
                let _permit = budget.reserve(8);
                *budget.lock()
            });
            drop(held);
            assert_eq!(waiter.join().unwrap(), 8, "the waiter holds only its own bytes");
        });
        assert_eq!(*budget.lock(), 0);
    }

    #[test]
    fn the_budget_is_sixteen_mebibytes() {
        assert_eq!(PARSE_BUDGET_BYTES, 16 * 1024 * 1024);
    }
}
