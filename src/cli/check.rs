//! `recall check`: validate a deck like a compiler, every problem at once.

use std::io::Write;

use crate::core::content::{Lang, Loaded};
use crate::core::untrusted::one_line;
use crate::text::{self, CheckCounts};

/// Prints every diagnostic to `err` and a one-line summary in `lang` to `out`; returns whether the deck passes.
pub fn run(
    loaded: &Loaded,
    deck_name: &str,
    strict: bool,
    lang: Lang,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<bool> {
    for d in &loaded.diagnostics {
        writeln!(err, "{d}")?;
    }
    let (errors, warnings) = loaded.counts();
    let failed = errors > 0 || (strict && warnings > 0);
    if strict && warnings > 0 {
        // The diagnostics above say "warning:"; say why they fail the check anyway.
        let noun = if warnings == 1 { "warning" } else { "warnings" };
        writeln!(
            err,
            "error: {warnings} {noun}, and --strict treats warnings as errors"
        )?;
    }
    let deck = &loaded.deck;
    let counts = CheckCounts {
        topics: deck.topics().len(),
        items: deck.item_count(),
        errors,
        warnings,
        strict,
    };
    writeln!(
        out,
        "{}",
        text::of(lang).check_summary(!failed, &one_line(deck_name), counts)
    )?;
    Ok(!failed)
}
