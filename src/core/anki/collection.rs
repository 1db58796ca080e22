//! An Anki collection as recall reads it: plain rows of the tables that matter (decks, note types, notes,
//! cards, the review log), whatever the schema they came from.
//!
//! `crate::io::anki_package` fills a [`Collection`] from a package's SQLite file; [`super::schema`] decodes the
//! JSON (schema 11) and protobuf (schema 18) columns into these types. Everything after that is pure.

/// The schema versions recall reads: 11 (legacy packages, `collection.anki2`/`.anki21`) and 18 (current
/// packages, `collection.anki21b`).
pub const SCHEMAS: [u32; 2] = [11, 18];

/// A deck. Names use `::` between levels, as Anki shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    /// Anki's deck id.
    pub id: i64,
    /// Full name, `Parent::Child`.
    pub name: String,
    /// A filtered deck (its cards belong to their original deck).
    pub filtered: bool,
    /// The options preset of a normal deck.
    pub config: Option<i64>,
}

/// A note type: its fields and card templates.
#[derive(Debug, Clone, PartialEq)]
pub struct Notetype {
    /// Anki's note type id.
    pub id: i64,
    /// Its name ("Basic", "Cloze"…).
    pub name: String,
    /// A cloze note type: one card per cloze number.
    pub cloze: bool,
    /// Field names, in order.
    pub fields: Vec<String>,
    /// Card templates, by ordinal.
    pub templates: Vec<Template>,
}

/// One card template.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// Ordinal (the card's `ord`).
    pub ord: u32,
    /// The question side's template.
    pub front: String,
    /// The answer side's template.
    pub back: String,
}

/// An options preset: what recall's scheduling settings should be to schedule as Anki did.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckConfig {
    /// Preset id.
    pub id: i64,
    /// Preset name.
    pub name: String,
    /// Desired retention (0 when unknown).
    pub desired_retention: f32,
    /// FSRS parameters (empty = Anki's defaults).
    pub params: Vec<f32>,
    /// The retention Anki assumes for reviews made before FSRS (for cards whose history starts mid-way).
    pub historical_retention: f32,
}

/// A note.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Anki's note id.
    pub id: i64,
    /// The globally unique id Anki keeps across exports and imports.
    pub guid: String,
    /// Its note type's id.
    pub notetype: i64,
    /// Tags.
    pub tags: Vec<String>,
    /// Field values (HTML), in the note type's order.
    pub fields: Vec<String>,
}

/// A card.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// Anki's card id.
    pub id: i64,
    /// Its note's id.
    pub note: i64,
    /// The deck it is in (a filtered deck while it is borrowed).
    pub deck: i64,
    /// Its home deck while in a filtered deck (0 otherwise).
    pub original_deck: i64,
    /// Template ordinal, or cloze number − 1.
    pub ord: u32,
    /// 0 new, 1 learning, 2 review, 3 relearning.
    pub ctype: i64,
    /// Queue: 0 new, 1/3 learning, 2 review, −1 suspended, −2/−3 buried.
    pub queue: i64,
    /// Due: a position (new), a day number since the collection's creation (review), or epoch seconds
    /// (learning).
    pub due: i64,
    /// The due date kept while the card is in a filtered deck (0 otherwise).
    pub original_due: i64,
    /// Interval in days.
    pub interval: i64,
    /// Ease in permille (SM-2), or FSRS difficulty scaled to 100–1100.
    pub factor: i64,
    /// Reviews so far.
    pub reps: i64,
    /// Lapses so far.
    pub lapses: i64,
    /// The `data` column: JSON with the FSRS memory state (`s`, `d`) and last review time (`lrt`).
    pub data: String,
}

impl Card {
    /// The deck the card belongs to (its home deck when borrowed by a filtered deck).
    pub fn home_deck(&self) -> i64 {
        if self.original_deck != 0 {
            self.original_deck
        } else {
            self.deck
        }
    }

    /// The due value that counts (the original one while in a filtered deck).
    pub fn home_due(&self) -> i64 {
        if self.original_deck != 0 && self.original_due != 0 {
            self.original_due
        } else {
            self.due
        }
    }

    /// Whether the card is suspended.
    pub fn suspended(&self) -> bool {
        self.queue == -1
    }
}

/// What kind of entry a review log row is (its `type` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevlogKind {
    /// A new card's learning step.
    Learning,
    /// A review.
    Review,
    /// A forgotten card's relearning step.
    Relearning,
    /// A review in a filtered deck (cramming when its factor is 0).
    Filtered,
    /// Set due date (factor ≠ 0) or reset (factor 0): no grade.
    Manual,
    /// Rescheduled by Anki when FSRS settings changed: no grade.
    Rescheduled,
}

impl RevlogKind {
    /// The kind for a `type` value; unknown values count as learning, as Anki reads them.
    pub fn from_type(value: i64) -> RevlogKind {
        match value {
            1 => RevlogKind::Review,
            2 => RevlogKind::Relearning,
            3 => RevlogKind::Filtered,
            4 => RevlogKind::Manual,
            5 => RevlogKind::Rescheduled,
            _ => RevlogKind::Learning,
        }
    }

    /// The `type` value Anki stores for this kind.
    pub fn to_type(self) -> i64 {
        match self {
            RevlogKind::Learning => 0,
            RevlogKind::Review => 1,
            RevlogKind::Relearning => 2,
            RevlogKind::Filtered => 3,
            RevlogKind::Manual => 4,
            RevlogKind::Rescheduled => 5,
        }
    }
}

/// Anki's FSRS difficulty scale (`factor` of a card or review log row): 100 for D 1 to 1100 for D 10.
pub fn difficulty_factor(difficulty: f32) -> i64 {
    ((((difficulty - 1.0) / 9.0) + 0.1) * 1000.0).round() as i64
}

/// One review log row.
#[derive(Debug, Clone, PartialEq)]
pub struct Revlog {
    /// Epoch milliseconds of the answer (unique).
    pub id: i64,
    /// The card.
    pub card: i64,
    /// The button: 1 Again … 4 Easy; 0 for manual entries.
    pub ease: i64,
    /// Interval after: days if positive, seconds if negative.
    pub interval: i64,
    /// Interval before, same units.
    pub last_interval: i64,
    /// Ease or FSRS difficulty after (see [`Card::factor`]).
    pub factor: i64,
    /// Milliseconds taken to answer.
    pub time: i64,
    /// What kind of entry.
    pub kind: RevlogKind,
}

/// The tables recall reads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Collection {
    /// Schema version (`col.ver`).
    pub schema: u32,
    /// Creation time: the start of day 0 for the cards' day numbers (epoch seconds, at the day rollover).
    pub created: i64,
    /// The hour a new day starts (`rollover`, default 4).
    pub rollover: u8,
    /// Decks.
    pub decks: Vec<Deck>,
    /// Options presets.
    pub deck_configs: Vec<DeckConfig>,
    /// Note types.
    pub notetypes: Vec<Notetype>,
    /// Notes.
    pub notes: Vec<Note>,
    /// Cards.
    pub cards: Vec<Card>,
    /// The review log, oldest first.
    pub revlog: Vec<Revlog>,
    /// Media files the package holds (recall shows text only; they are counted and dropped).
    pub media_files: usize,
}
