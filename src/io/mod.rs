//! File-system work that the pure core must not do: finding and reading decks.
//!
//! Everything here turns the outside world (folders, the deck embedded in the binary) into the plain values
//! the core takes ([`crate::core::content::SourceFile`]), with typed errors that name the path.

pub mod deck;
