//! The `.apkg` export: the deck and its progress as the rows of an Anki collection (schema 11, which every
//! current Anki and AnkiDroid imports), built in memory; `crate::io::anki_package::write` turns them into
//! the SQLite file and the zip.
//!
//! One note per card: a fact is a "recall Basic" note (Front, Back), a scenario a "recall Scenario" note
//! (Question, Choices in the order recall displays them, Answer, Explanation). Topics are decks named
//! `recall::<title>`. Each card carries its schedule as Anki stores it: type, queue and due (a day number
//! since the collection's creation for a review card, epoch seconds for a learning one), interval, the FSRS
//! memory state in `data` (`s`, `d`, `dr`, `decay`, `lrt`) with the difficulty also in `factor` (Anki's
//! 100–1100 scale), and its reviews as `revlog` rows (cram as Anki's cramming entries, reschedules and
//! resets as manual ones). GUIDs are the text export's ([`super::anki::guid`]), so importing a newer export
//! updates the notes instead of adding duplicates.

use jiff::Timestamp;
use serde_json::json;

use super::ExportInput;
use super::anki::guid;
use super::fnv1a64;
use crate::core::anki::collection::{Revlog, RevlogKind, difficulty_factor};
use crate::core::content::{Fact, Item, Lang};
use crate::core::progress::{Change, ChangeRecord, ReviewRecord};
use crate::core::quiz::Question;
use crate::core::srs::{CardState, Phase};

/// The note type id of facts.
pub const BASIC_NOTETYPE: i64 = 1_700_000_000_101;
/// The note type id of scenarios.
pub const SCENARIO_NOTETYPE: i64 = 1_700_000_000_102;

/// A collection's rows.
#[derive(Debug, Clone, PartialEq)]
pub struct AnkiPackage {
    /// `col.crt`: the start of day 0, epoch seconds.
    pub created: i64,
    /// `col.mod` and every row's `mod`: the export time.
    pub modified: i64,
    /// `col.conf`, `col.models`, `col.decks`, `col.dconf` (JSON).
    pub conf: String,
    /// Note types.
    pub models: String,
    /// Decks.
    pub decks: String,
    /// Options presets.
    pub dconf: String,
    /// Notes.
    pub notes: Vec<NoteRow>,
    /// Cards.
    pub cards: Vec<CardRow>,
    /// The review log.
    pub revlog: Vec<Revlog>,
}

/// A `notes` row.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteRow {
    /// Note id.
    pub id: i64,
    /// Stable GUID.
    pub guid: String,
    /// Note type id.
    pub notetype: i64,
    /// Space-separated tags.
    pub tags: String,
    /// Fields (HTML).
    pub fields: Vec<String>,
}

/// A `cards` row.
#[derive(Debug, Clone, PartialEq)]
pub struct CardRow {
    /// Card id.
    pub id: i64,
    /// Note id.
    pub note: i64,
    /// Deck id.
    pub deck: i64,
    /// recall's card id (`topic/item`), for tests and messages.
    pub recall_id: String,
    /// 0 new, 1 learning, 2 review, 3 relearning.
    pub ctype: i64,
    /// 0 new, 1 learning today, 2 review, 3 learning on a later day.
    pub queue: i64,
    /// Position, day number or epoch seconds (see the module doc).
    pub due: i64,
    /// Interval in days.
    pub interval: i64,
    /// Anki's difficulty scale (100–1100), or 0 for a new card.
    pub factor: i64,
    /// Reviews.
    pub reps: i64,
    /// Lapses.
    pub lapses: i64,
    /// Learning steps left.
    pub left: i64,
    /// `data` JSON.
    pub data: String,
}

/// A positive id below 2^53 (JavaScript-safe, as Anki's) from a string.
fn id_of(kind: &str, key: &str) -> i64 {
    let hash = fnv1a64(kind.bytes().chain([0]).chain(key.bytes()));
    (hash >> 11) as i64 | 1
}

/// Anki's FSRS difficulty scale for `factor`: 100 (D 1) to 1100 (D 10).
fn factor(state: &CardState) -> i64 {
    state.memory.map_or(0, |m| difficulty_factor(m.difficulty))
}

/// A state's interval as the revlog writes it: days in review, minus seconds until due in the steps.
fn logged_interval(state: &CardState, at: Timestamp) -> i64 {
    match state.phase {
        Phase::New => 0,
        Phase::Review => i64::from(state.scheduled_days),
        Phase::Learning | Phase::Relearning => {
            -state.due.map_or(0, |d| (d.as_second() - at.as_second()).max(1))
        }
    }
}

fn html(text: &str) -> String {
    html_escape::encode_text(text).replace('\n', "<br>")
}

/// Builds the package rows for the deck and progress of `input`; `decay` is the FSRS decay the
/// scheduler uses (stored per card, as Anki does).
pub fn package(input: &ExportInput<'_>, decay: f32) -> AnkiPackage {
    let lang = input.lang;
    let clock = input.scheduler.clock();
    let first = input
        .progress
        .cards()
        .flat_map(|(_, c)| c.reviews.first().map(|r| r.at))
        .min()
        .unwrap_or(input.now)
        .min(input.now);
    let day0 = clock.day_index(first);
    let created = clock.day_start(day0).as_second();
    let day_number = |t: Timestamp| clock.day_index(t) - day0;
    let modified = input.now.as_second();
    let mut notes = Vec::new();
    let mut cards = Vec::new();
    let mut revlog: Vec<Revlog> = Vec::new();
    let mut decks = serde_json::Map::new();
    decks.insert("1".into(), deck_json(1, "Default", modified));
    for (position, (card_id, at)) in input.deck.cards().enumerate() {
        let Some(topic) = input.deck.topics().get(at.topic) else {
            continue;
        };
        let (notetype, fields) = match input.deck.item(at) {
            Some(Item::Fact(f)) => (BASIC_NOTETYPE, fact_fields(f, lang)),
            Some(Item::Scenario(s)) => match Question::shown(&topic.id, s, 0) {
                Some(q) => (SCENARIO_NOTETYPE, scenario_fields(&q, lang)),
                None => continue,
            },
            _ => continue,
        };
        let deck_name = format!("recall::{}", topic.title.get(lang).replace("::", ":"));
        let deck_id = id_of("deck", &topic.id);
        decks
            .entry(deck_id.to_string())
            .or_insert_with(|| deck_json(deck_id, &deck_name, modified));
        let note_id = id_of("note", &card_id);
        let anki_card = id_of("card", &card_id);
        notes.push(NoteRow {
            id: note_id,
            guid: guid(&card_id),
            notetype,
            tags: format!(" recall::{} ", topic.id),
            fields,
        });
        let progress = input.progress.card(&card_id);
        let state = progress.map_or(CardState::NEW, |c| c.state);
        cards.push(card_row(
            &card_id,
            anki_card,
            note_id,
            deck_id,
            &state,
            position as i64,
            input,
            decay,
            &day_number,
        ));
        if let Some(progress) = progress {
            history(
                anki_card,
                &progress.reviews,
                &progress.changes,
                &state,
                &mut revlog,
            );
        }
    }
    revlog.sort_by_key(|r| r.id);
    for i in 1..revlog.len() {
        if revlog[i].id <= revlog[i - 1].id {
            revlog[i].id = revlog[i - 1].id + 1;
        }
    }
    AnkiPackage {
        created,
        modified,
        conf: conf_json(clock.starts_at(), created, input),
        models: models_json(modified),
        decks: serde_json::Value::Object(decks).to_string(),
        dconf: dconf_json(input, modified),
        notes,
        cards,
        revlog,
    }
}

#[allow(clippy::too_many_arguments)]
fn card_row(
    card_id: &str,
    id: i64,
    note: i64,
    deck: i64,
    state: &CardState,
    position: i64,
    input: &ExportInput<'_>,
    decay: f32,
    day_number: &dyn Fn(Timestamp) -> i64,
) -> CardRow {
    let (ctype, queue, due) = match (state.phase, state.due) {
        (Phase::New, _) | (_, None) => (0, 0, position + 1),
        (Phase::Review, Some(due)) => (2, 2, day_number(due)),
        (phase, Some(due)) => {
            let ctype = if phase == Phase::Learning { 1 } else { 3 };
            if day_number(due) > day_number(input.now) && state.scheduled_days > 0 {
                (ctype, 3, day_number(due))
            } else {
                (ctype, 1, due.as_second())
            }
        }
    };
    let data = match (state.memory, state.phase) {
        (Some(m), phase) if phase != Phase::New => json!({
            "s": (m.stability * 10_000.0).round() / 10_000.0,
            "d": (m.difficulty * 1_000.0).round() / 1_000.0,
            "dr": input.scheduler.retention(),
            "decay": decay,
            "lrt": state.last_review.map(|t| t.as_second()),
        })
        .to_string(),
        _ => String::new(),
    };
    CardRow {
        id,
        note,
        deck,
        recall_id: card_id.to_string(),
        ctype,
        queue,
        due,
        interval: if state.phase == Phase::Review {
            i64::from(state.scheduled_days)
        } else {
            0
        },
        factor: factor(state),
        reps: i64::from(state.reps),
        lapses: i64::from(state.lapses),
        left: if state.phase.in_steps() { 1 } else { 0 },
        data,
    }
}

/// The revlog rows of one card: its reviews and its reschedules and resets, in time order.
///
/// A reschedule that gave a card a memory state at one of its reviews (an Anki history that started
/// mid-way, brought in by `recall import anki`) is written the way Anki reads such a history back: a reset
/// just before that review, and the review as a review-type entry whose interval and factor carry that
/// state, so Anki seeds its memory there as recall did.
fn history(
    card: i64,
    reviews: &[ReviewRecord],
    changes: &[ChangeRecord],
    last: &CardState,
    out: &mut Vec<Revlog>,
) {
    let seed_at = |at: Timestamp| {
        changes.iter().find_map(|c| match c.change {
            Change::Reschedule { due, memory: Some(m) } if c.at == at => Some((due, m)),
            _ => None,
        })
    };
    for (i, review) in reviews.iter().enumerate() {
        let after = reviews.get(i + 1).map_or(last, |next| &next.before);
        let mut kind = match (review.cram, review.before.phase) {
            (true, _) => RevlogKind::Filtered,
            (false, Phase::New | Phase::Learning) => RevlogKind::Learning,
            (false, Phase::Review) => RevlogKind::Review,
            (false, Phase::Relearning) => RevlogKind::Relearning,
        };
        let mut interval = if review.cram {
            0
        } else {
            logged_interval(after, review.at)
        };
        let mut difficulty = if review.cram { 0 } else { factor(after) };
        if let Some((due, memory)) = seed_at(review.at).filter(|_| !review.cram) {
            out.push(Revlog {
                id: review.at.as_millisecond() - 1,
                card,
                ease: 0,
                interval: 0,
                last_interval: 0,
                factor: 0,
                time: 0,
                kind: RevlogKind::Manual,
            });
            kind = RevlogKind::Review;
            interval = ((due.as_second() - review.at.as_second()) as f64 / 86_400.0)
                .round()
                .max(1.0) as i64;
            difficulty = difficulty_factor(memory.difficulty);
        }
        out.push(Revlog {
            id: review.at.as_millisecond(),
            card,
            ease: i64::from(review.rating.number()),
            interval,
            last_interval: logged_interval(&review.before, review.at),
            factor: difficulty,
            time: review.duration_ms.min(60_000) as i64,
            kind,
        });
    }
    for change in changes {
        let (interval, factor) = match change.change {
            Change::Reset => (0, 0),
            Change::Reschedule { memory: Some(_), .. } if reviews.iter().any(|r| r.at == change.at) => {
                continue;
            }
            Change::Reschedule { due, memory } => (
                (due.as_second() - change.at.as_second()).max(0) / 86_400,
                memory.map_or(2500, |m| difficulty_factor(m.difficulty)),
            ),
        };
        out.push(Revlog {
            id: change.at.as_millisecond(),
            card,
            ease: 0,
            interval,
            last_interval: 0,
            factor,
            time: 0,
            kind: RevlogKind::Manual,
        });
    }
}

/// Front: the prompt. Back: the answer, then the detail and the correction, a blank line apart.
fn fact_fields(f: &Fact, lang: Lang) -> Vec<String> {
    let mut back = html(f.answer.get(lang));
    for extra in [&f.detail, &f.correction].into_iter().flatten() {
        back.push_str("<br><br>");
        back.push_str(&html(extra.get(lang)));
    }
    vec![html(f.prompt.get(lang)), back]
}

/// Question, the lettered choices in displayed order, the right ones, the explanation.
fn scenario_fields(q: &Question, lang: Lang) -> Vec<String> {
    let letter = |i: usize| char::from(b'A' + (i % 26) as u8);
    let choices: Vec<String> = q
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{}. {}", letter(i), html(c.text.get(lang))))
        .collect();
    let right: Vec<String> = q
        .choices
        .iter()
        .enumerate()
        .filter(|(_, c)| c.correct)
        .map(|(i, c)| format!("{}. {}", letter(i), html(c.text.get(lang))))
        .collect();
    vec![
        html(q.prompt.get(lang)),
        choices.join("<br>"),
        right.join("<br>"),
        html(q.explanation.get(lang)),
    ]
}

fn deck_json(id: i64, name: &str, modified: i64) -> serde_json::Value {
    json!({
        "id": id, "mod": modified, "name": name, "usn": -1,
        "lrnToday": [0, 0], "revToday": [0, 0], "newToday": [0, 0], "timeToday": [0, 0],
        "collapsed": false, "browserCollapsed": false, "desc": "", "dyn": 0, "conf": 1,
        "extendNew": 0, "extendRev": 0,
    })
}

fn conf_json(rollover: u8, created: i64, input: &ExportInput<'_>) -> String {
    let offset = input
        .scheduler
        .clock()
        .time_zone()
        .to_offset(Timestamp::from_second(created).unwrap_or(input.now))
        .seconds();
    json!({
        "schedVer": 2, "sched2021": true, "rollover": rollover, "creationOffset": -offset / 60,
        "curDeck": 1, "activeDecks": [1], "nextPos": input.deck.cards().count() + 1,
        "collapseTime": 1200, "dueCounts": true, "estTimes": true, "newSpread": 0, "timeLim": 0,
        "sortType": "noteFld", "sortBackwards": false, "addToCur": true, "dayLearnFirst": false,
        "curModel": BASIC_NOTETYPE,
    })
    .to_string()
}

fn notetype_json(
    id: i64,
    name: &str,
    fields: &[&str],
    front: &str,
    back: &str,
    modified: i64,
) -> serde_json::Value {
    let flds: Vec<serde_json::Value> = fields
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({"name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial", "size": 20,
                   "description": "", "plainText": false, "collapsed": false, "excludeFromSearch": false})
        })
        .collect();
    json!({
        "id": id, "name": name, "type": 0, "mod": modified, "usn": -1, "sortf": 0, "did": null,
        "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": front, "afmt": back, "bqfmt": "", "bafmt": "",
                   "did": null, "bfont": "", "bsize": 0}],
        "flds": flds,
        "css": ".card {\n font-family: arial;\n font-size: 20px;\n text-align: left;\n color: black;\n background-color: white;\n}\n",
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}", "latexsvg": false,
        "req": [[0, "any", [0]]],
    })
}

fn models_json(modified: i64) -> String {
    let mut models = serde_json::Map::new();
    models.insert(
        BASIC_NOTETYPE.to_string(),
        notetype_json(
            BASIC_NOTETYPE,
            "recall Basic",
            &["Front", "Back"],
            "{{Front}}",
            "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}",
            modified,
        ),
    );
    models.insert(
        SCENARIO_NOTETYPE.to_string(),
        notetype_json(
            SCENARIO_NOTETYPE,
            "recall Scenario",
            &["Question", "Choices", "Answer", "Explanation"],
            "{{Question}}<br><br>{{Choices}}",
            "{{FrontSide}}\n\n<hr id=answer>\n\n{{Answer}}<br><br>{{Explanation}}",
            modified,
        ),
    );
    serde_json::Value::Object(models).to_string()
}

fn dconf_json(input: &ExportInput<'_>, modified: i64) -> String {
    json!({"1": {
        "id": 1, "mod": modified, "name": "Default", "usn": -1, "maxTaken": 60, "autoplay": true,
        "timer": 0, "replayq": true, "dyn": false,
        "new": {"bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0],
                "order": 1, "perDay": 20},
        "rev": {"bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200,
                "hardFactor": 1.2},
        "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0},
        "desiredRetention": input.scheduler.retention(),
        "fsrsParams6": [], "sm2Retention": 0.9,
    }})
    .to_string()
}
