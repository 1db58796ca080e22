//! The Anki export: a tab-separated text file that Anki's *File → Import* reads as notes of the Basic note
//! type (front, back), tagged `recall::<topic>`, each with a GUID fixed by its card id so importing a newer
//! export updates the notes instead of adding duplicates.
//!
//! Anki reads such a file with a CSV parser: the `#key:value` header lines set the separator, plain-text
//! fields (`#html:false`: Anki escapes `<`, `>` and `&` itself), the tags column and the GUID column; other
//! lines starting with `#` are comments. So every field is written in double quotes (a quote inside is
//! doubled), which keeps tabs and line breaks inside a field and stops a field starting with `#` from
//! being read as a comment. `#notetype:Basic` and `#deck:recall` are hints Anki uses when a note type or
//! deck of that name exists; otherwise it uses the ones picked in the import dialog.

use serde::Serialize;

use super::fnv1a64;
use crate::core::content::{Deck, Fact, Item, Lang};
use crate::core::quiz::Question;

/// The header lines, in order.
pub const HEADER: [&str; 6] = [
    "#separator:tab",
    "#html:false",
    "#notetype:Basic",
    "#deck:recall",
    "#tags column:3",
    "#guid column:4",
];

/// One note of the Anki file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnkiNote {
    /// Question side.
    pub front: String,
    /// Answer side.
    pub back: String,
    /// Space-separated tags: `recall::<topic>`.
    pub tags: String,
    /// Stable note id ([`guid`]).
    pub guid: String,
}

/// A note's GUID: `recall-` and 16 hex digits of the FNV-1a hash of the card's global id. The same card id
/// always gives the same GUID, so a re-import updates the note.
pub fn guid(card_id: &str) -> String {
    format!("recall-{:016x}", fnv1a64(card_id.bytes()))
}

/// One note per card of the deck (facts and scenarios, in deck order), text in `lang`.
pub fn notes(deck: &Deck, lang: Lang) -> Vec<AnkiNote> {
    deck.cards()
        .filter_map(|(id, at)| {
            let topic = deck.topics().get(at.topic)?;
            let (front, back) = match deck.item(at)? {
                Item::Fact(f) => fact_sides(f, lang),
                Item::Scenario(s) => scenario_sides(&Question::shown(&topic.id, s, 0)?, lang),
                Item::Section(_) | Item::Compare(_) => return None,
            };
            Some(AnkiNote {
                front,
                back,
                tags: format!("recall::{}", topic.id),
                guid: guid(&id),
            })
        })
        .collect()
}

/// Front: the prompt. Back: the answer, then the detail and the correction, a blank line apart.
fn fact_sides(f: &Fact, lang: Lang) -> (String, String) {
    let mut back = f.answer.get(lang).to_string();
    for extra in [&f.detail, &f.correction].into_iter().flatten() {
        back.push_str("\n\n");
        back.push_str(extra.get(lang));
    }
    (f.prompt.get(lang).to_string(), back)
}

/// Front: the prompt and the lettered choices, in the shuffled order Browse shows (the file often writes
/// the right answer first). Back: the right choice(s) and the explanation.
fn scenario_sides(q: &Question, lang: Lang) -> (String, String) {
    let letter = |i: usize| char::from(b'A' + (i % 26) as u8);
    let mut front = q.prompt.get(lang).to_string();
    front.push('\n');
    for (i, c) in q.choices.iter().enumerate() {
        front.push_str(&format!("\n{}. {}", letter(i), c.text.get(lang)));
    }
    let right: Vec<String> = q
        .choices
        .iter()
        .enumerate()
        .filter(|(_, c)| c.correct)
        .map(|(i, c)| format!("{}. {}", letter(i), c.text.get(lang)))
        .collect();
    let back = format!("{}\n\n{}", right.join("\n"), q.explanation.get(lang));
    (front, back)
}

/// The whole file: the header lines, then one quoted, tab-separated line per note.
pub fn anki_file(deck: &Deck, lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let mut bytes = Vec::new();
    for line in HEADER {
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote_style(csv::QuoteStyle::Always)
        .has_headers(false)
        .from_writer(bytes);
    for note in notes(deck, lang) {
        writer.serialize(note)?;
    }
    writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_stable_and_distinct_per_card() {
        assert_eq!(guid("lambda/timeout"), guid("lambda/timeout"));
        assert_ne!(guid("lambda/timeout"), guid("lambda/timeouts"));
        assert!(guid("a/b").starts_with("recall-") && guid("a/b").len() == 23);
    }
}
