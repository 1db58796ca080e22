//! Which texts of an item are searchable, and the [`Field`] that names each one in a search hit.
//!
//! The order of [`searchable_texts`] is the order the item is read in (headline first), and it breaks score ties
//! between fields of one item.

use crate::core::content::{Item, Text};

/// The field of an item a search hit matched in; indices locate the part of a comparison or scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// A section's or comparison's title.
    Title,
    /// A section's body.
    Body,
    /// A fact's or scenario's prompt.
    Prompt,
    /// A fact's answer.
    Answer,
    /// A fact's extra explanation.
    Detail,
    /// A fact's correction of a common mistake.
    Correction,
    /// A comparison's column header, by option index.
    Option(usize),
    /// A comparison's row header, by row index.
    Attribute(usize),
    /// A comparison's cell.
    Value {
        /// Row index.
        row: usize,
        /// Option (column) index.
        option: usize,
    },
    /// A scenario choice's text, by choice index.
    Choice(usize),
    /// Why a scenario choice is right or wrong, by choice index.
    Why(usize),
    /// A scenario's explanation.
    Explanation,
    /// The title of the item's topic: what every item of a topic is about without saying it (a Cognito card
    /// rarely names Cognito).
    Topic,
}

impl Field {
    /// One field of each kind (index 0 where a kind has indices): what a table of words or weights per
    /// field must cover.
    pub const EACH_KIND: [Field; 13] = [
        Field::Title,
        Field::Body,
        Field::Prompt,
        Field::Answer,
        Field::Detail,
        Field::Correction,
        Field::Option(0),
        Field::Attribute(0),
        Field::Value { row: 0, option: 0 },
        Field::Choice(0),
        Field::Why(0),
        Field::Explanation,
        Field::Topic,
    ];

    /// The field's kind as a word (`prompt`, `choice`, `value`…), without its indices; used in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Body => "body",
            Field::Prompt => "prompt",
            Field::Answer => "answer",
            Field::Detail => "detail",
            Field::Correction => "correction",
            Field::Option(_) => "option",
            Field::Attribute(_) => "attribute",
            Field::Value { .. } => "value",
            Field::Choice(_) => "choice",
            Field::Why(_) => "why",
            Field::Explanation => "explanation",
            Field::Topic => "topic",
        }
    }
}

impl Field {
    /// The field's class bit: which group of fields it weighs with (see `class_weight`).
    pub fn class(self) -> u8 {
        let class = match self {
            Field::Title | Field::Prompt => 0,
            Field::Answer => 1,
            Field::Option(_) | Field::Attribute(_) => 2,
            Field::Detail | Field::Correction | Field::Choice(_) => 3,
            Field::Value { .. } => 4,
            Field::Body | Field::Why(_) | Field::Explanation => 5,
            Field::Topic => 6,
        };
        1 << class
    }

    /// The text of this field in `item`, if the item has it (to show the whole matched text).
    pub fn text_in(self, item: Item<'_>) -> Option<&Text> {
        searchable_texts(item)
            .into_iter()
            .find(|(f, _)| *f == self)
            .map(|(_, t)| t)
    }
}

/// Every searchable text of `item` with its field, in reading order.
pub fn searchable_texts(item: Item<'_>) -> Vec<(Field, &Text)> {
    match item {
        Item::Section(s) => vec![(Field::Title, &s.title), (Field::Body, &s.body)],
        Item::Fact(f) => {
            let mut out = vec![(Field::Prompt, &f.prompt), (Field::Answer, &f.answer)];
            out.extend(f.detail.iter().map(|t| (Field::Detail, t)));
            out.extend(f.correction.iter().map(|t| (Field::Correction, t)));
            out
        }
        Item::Compare(c) => {
            let mut out = vec![(Field::Title, &c.title)];
            out.extend(c.options.iter().enumerate().map(|(i, t)| (Field::Option(i), t)));
            for (row, r) in c.rows.iter().enumerate() {
                out.push((Field::Attribute(row), &r.attribute));
                let values = r.values.iter().enumerate();
                out.extend(values.map(|(option, t)| (Field::Value { row, option }, t)));
            }
            out
        }
        Item::Scenario(s) => {
            let mut out = vec![(Field::Prompt, &s.prompt)];
            for (i, c) in s.choices.iter().enumerate() {
                out.push((Field::Choice(i), &c.text));
                out.push((Field::Why(i), &c.why));
            }
            out.push((Field::Explanation, &s.explanation));
            out
        }
    }
}

/// How many field classes there are (see [`Field::class`]).
pub const CLASSES: usize = 7;

/// The index (0 to [`CLASSES`] − 1) of a field's class bit.
pub fn class_index(class: u8) -> usize {
    (class.trailing_zeros() as usize).min(CLASSES - 1)
}

/// How much a match counts in the fields of a class bit set: the weight of its best class. Headlines (title,
/// prompt) and answers are what a learner searches for; long bodies, whys and explanations mention many
/// things in passing.
pub fn class_weight(classes: u8) -> f32 {
    const WEIGHTS: [f32; CLASSES] = [1.0, 0.9, 0.75, 0.6, 0.5, 0.4, 0.3];
    WEIGHTS
        .iter()
        .enumerate()
        .find(|(i, _)| classes & (1 << i) != 0)
        .map_or(0.0, |(_, w)| *w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_has_an_index_and_a_weight() {
        let mut seen = [false; CLASSES];
        for field in Field::EACH_KIND {
            let class = field.class();
            seen[class_index(class)] = true;
            assert!(class_weight(class) > 0.0, "{field:?}");
        }
        assert_eq!(seen, [true; CLASSES], "the classes are 0 to CLASSES - 1");
        assert_eq!(
            class_index(0),
            CLASSES - 1,
            "no bit: the last class, not out of range"
        );
        assert_eq!(class_index(1 << 6), CLASSES - 1);
    }
}
