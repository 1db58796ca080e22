//! The notes of a text export → cards ([`FactSource`]s), by note type: a cloze note gives one card per
//! cloze number, "Basic (and reversed card)" two, "Basic (optional reversed card)" two when its third field
//! is filled; any other note asks its first field and answers with its second (more fields go to the
//! detail). A note type is known from the note type column or header; without one, a first field with
//! cloze deletions makes a cloze note.

use super::cloze;
use super::ids::item_id;
use super::text_file::{Header, RawNote};
use super::topic::FactSource;

/// The cards of every note, in file order.
pub fn text_cards(header: &Header, notes: &[RawNote]) -> Vec<FactSource> {
    notes.iter().flat_map(|note| note_cards(header, note)).collect()
}

fn note_cards(header: &Header, note: &RawNote) -> Vec<FactSource> {
    let kind = note.notetype.as_deref().unwrap_or_default().to_lowercase();
    let front = note.fields.first().cloned().unwrap_or_default();
    let back = note.fields.get(1).cloned().unwrap_or_default();
    let card = |ord: u32, prompt: String, answer: String, extra: Vec<String>| FactSource {
        deck: note.deck.clone().unwrap_or_default(),
        item: item_id(note.guid.as_deref(), &front, ord),
        prompt,
        answer,
        extra,
        tags: note.tags.clone(),
        html: header.html,
        anki_card: None,
    };
    let numbers = cloze::numbers(&front);
    if kind.contains("cloze") || (note.notetype.is_none() && !numbers.is_empty()) {
        return numbers
            .into_iter()
            .map(|n| {
                let (prompt, answer) = cloze::card(&front, n);
                card(n - 1, prompt, answer, note.fields[1..].to_vec())
            })
            .collect();
    }
    let extra = note.fields.get(2..).map(<[String]>::to_vec).unwrap_or_default();
    let mut cards = vec![card(0, front.clone(), back.clone(), Vec::new())];
    let optional = kind.contains("optional reversed");
    let reversed =
        kind.contains("reversed") && (!optional || note.fields.get(2).is_some_and(|f| !f.trim().is_empty()));
    if reversed {
        cards.push(card(1, back.clone(), front.clone(), Vec::new()));
    } else if !optional {
        cards[0].extra = extra;
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anki::text_file::read;

    #[test]
    fn cloze_and_reversed_notes_give_one_card_each() {
        let text = "#separator:tab\n#notetype column:1\n\
                    Cloze\tAt most {{c1::15 min}} and {{c2::10 GB}}\textra\n\
                    Basic (and reversed card)\tTTL\tExpiry\n\
                    Basic\tQ\tA\tmore\n";
        let (header, notes) = read(text).unwrap();
        let cards = text_cards(&header, &notes);
        let sides: Vec<(&str, &str)> = cards
            .iter()
            .map(|c| (c.prompt.as_str(), c.answer.as_str()))
            .collect();
        assert_eq!(
            sides,
            [
                ("At most [...] and 10 GB", "15 min"),
                ("At most 15 min and [...]", "10 GB"),
                ("TTL", "Expiry"),
                ("Expiry", "TTL"),
                ("Q", "A"),
            ]
        );
        assert_eq!(cards[0].extra, ["extra"]);
        assert_eq!(cards[4].extra, ["more"]);
        assert_eq!(cards[1].item, format!("{}-2", cards[0].item));
    }
}
