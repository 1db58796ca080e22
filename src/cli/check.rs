//! `recall check`: validate a deck like a compiler, every problem at once, in the learner's language
//! (`--lang`): a Korean deck author reads Korean diagnostics, with the same `path:line:col:` and `[rule]`.

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
    let words = text::of(lang);
    for d in &loaded.diagnostics {
        writeln!(err, "{}", words.diagnostic(d))?;
    }
    let (errors, warnings) = loaded.counts();
    let failed = errors > 0 || (strict && warnings > 0);
    if strict && warnings > 0 {
        // The diagnostics above say "warning:"; say why they fail the check anyway.
        if let Some(line) = words.strict_failed(warnings) {
            writeln!(
                err,
                "{}: {line}",
                words.severity(crate::core::content::Severity::Error)
            )?;
        }
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
        words.check_summary(!failed, &one_line(deck_name), counts)
    )?;
    Ok(!failed)
}
