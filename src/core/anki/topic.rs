//! Anki notes → one recall topic file (TOML text) of facts.
//!
//! Each note becomes a `[[fact]]`: the first field is the prompt; the second is the answer up to its first
//! blank line, and the rest of it the `detail` (recall's own Anki export writes answer, detail and
//! correction a blank line apart, so a round trip gives back each answer). Ids come from the GUID, so
//! importing a newer export of the same notes gives the same ids and progress (keyed by id) carries over:
//! a GUID that is already a valid id (recall's own `recall-…`) is kept, any other is hashed to
//! `anki-<16 hex>`; a file without GUIDs hashes the front field instead (`note-<16 hex>`).
//! Tags: a tag every note carries names the topic; each note's first other tag becomes its `group`.

use std::collections::HashSet;

use serde::Serialize;

use super::html::{Dropped, field_to_text};
use super::text_file::{Header, RawNote};
use crate::core::content::validate::is_valid_id;
use crate::core::progress::export::fnv1a64;

/// What the topic file is called and which source link its facts cite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicOptions {
    /// Fallback topic id and title when no tag is common to every note (the file name, say).
    pub name: String,
    /// The source URL every fact cites (the format requires one; Anki notes have none).
    pub source: String,
}

/// How the conversion went, for the messages the command prints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Facts written.
    pub facts: usize,
    /// The topic id.
    pub topic: String,
    /// Media references and forbidden characters dropped.
    pub dropped: Dropped,
    /// Notes skipped because their front or back was empty once converted.
    pub empty: usize,
    /// Notes skipped because an earlier note had the same id (same GUID).
    pub duplicates: usize,
    /// Notes that had fields after the second, which were left out.
    pub extra_fields: usize,
}

impl Report {
    /// One line per thing worth a warning.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.dropped.media > 0 {
            out.push(format!(
                "dropped {} media reference(s) ([sound:…], <img>): recall shows text only",
                self.dropped.media
            ));
        }
        if self.dropped.characters > 0 {
            out.push(format!(
                "removed {} control or bidi character(s) that deck text may not hold",
                self.dropped.characters
            ));
        }
        if self.empty > 0 {
            out.push(format!(
                "skipped {} note(s) with an empty front or back",
                self.empty
            ));
        }
        if self.duplicates > 0 {
            out.push(format!(
                "skipped {} note(s) repeating an earlier note's GUID (or front, without GUIDs)",
                self.duplicates
            ));
        }
        if self.extra_fields > 0 {
            out.push(format!(
                "{} note(s) had more than two fields; only the front and back were kept",
                self.extra_fields
            ));
        }
        out
    }
}

#[derive(Serialize)]
struct TopicFile {
    topic: TopicHeader,
    fact: Vec<FactOut>,
}

#[derive(Serialize)]
struct TopicHeader {
    id: String,
    title: String,
}

#[derive(Serialize)]
struct FactOut {
    id: String,
    prompt: String,
    answer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    source: String,
}

/// Builds the topic file's TOML text from the notes.
pub fn topic_toml(header: &Header, notes: &[RawNote], options: &TopicOptions) -> (String, Report) {
    let common_tag = common_tag(notes);
    let (topic_id, title) = match &common_tag {
        Some(tag) => (id_from(last_part(tag), &options.name), last_part(tag).to_string()),
        None => (id_from(&options.name, "anki"), options.name.clone()),
    };
    let mut report = Report {
        topic: topic_id.clone(),
        ..Report::default()
    };
    let mut seen = HashSet::new();
    let mut facts = Vec::new();
    for note in notes {
        let id = note_id(note);
        if !seen.insert(id.clone()) {
            report.duplicates += 1;
            continue;
        }
        if note.fields.len() > 2 {
            report.extra_fields += 1;
        }
        let prompt = field_to_text(&note.fields[0], header.html, &mut report.dropped);
        let back = field_to_text(&note.fields[1], header.html, &mut report.dropped);
        if prompt.is_empty() || back.is_empty() {
            report.empty += 1;
            continue;
        }
        let (answer, detail) = match back.split_once("\n\n") {
            Some((answer, rest)) => (answer.to_string(), Some(rest.to_string())),
            None => (back, None),
        };
        let group = note
            .tags
            .iter()
            .find(|t| Some(*t) != common_tag.as_ref())
            .map(|t| slug(last_part(t)))
            .filter(|g| is_valid_id(g));
        facts.push(FactOut {
            id,
            prompt,
            answer,
            detail,
            group,
            source: options.source.clone(),
        });
    }
    report.facts = facts.len();
    let file = TopicFile {
        topic: TopicHeader { id: topic_id, title },
        fact: facts,
    };
    let body = toml::to_string_pretty(&file).expect("plain strings always serialize to TOML");
    (body, report)
}

/// The tag every note carries, if exactly one is common to all (a second common tag is ambiguous).
fn common_tag(notes: &[RawNote]) -> Option<String> {
    let first = notes.first()?;
    let mut common = first
        .tags
        .iter()
        .filter(|t| notes.iter().all(|n| n.tags.contains(t)));
    let tag = common.next()?;
    common.next().is_none().then(|| tag.clone())
}

/// `recall::lambda` → `lambda`: Anki's hierarchical tags use `::`.
fn last_part(tag: &str) -> &str {
    tag.rsplit("::").next().unwrap_or(tag)
}

/// A stable item id for the note (see the module doc).
fn note_id(note: &RawNote) -> String {
    match &note.guid {
        Some(guid) if is_valid_id(guid) => guid.clone(),
        Some(guid) => format!("anki-{:016x}", fnv1a64(guid.bytes())),
        None => format!("note-{:016x}", fnv1a64(note.fields[0].bytes())),
    }
}

/// Lowercase letters and digits, other runs as one `-`, at most 64 bytes.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(64);
    out.trim_end_matches('-').to_string()
}

/// `slug(name)`, or `fallback` when nothing of `name` survives (a name in Hangul, say).
fn id_from(name: &str, fallback: &str) -> String {
    [slug(name), slug(fallback)]
        .into_iter()
        .find(|id| is_valid_id(id))
        .unwrap_or_else(|| "anki".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(line: u64, front: &str, back: &str, tags: &[&str], guid: Option<&str>) -> RawNote {
        RawNote {
            line,
            fields: vec![front.into(), back.into()],
            tags: tags.iter().map(|t| t.to_string()).collect(),
            guid: guid.map(str::to_string),
        }
    }

    #[test]
    fn ids_come_from_guids_and_stay_the_same() {
        let a = note(1, "Q", "A", &[], Some("recall-00ff"));
        let b = note(2, "Q", "A", &[], Some("Xy$%1"));
        let c = note(3, "Q", "A", &[], None);
        assert_eq!(note_id(&a), "recall-00ff");
        assert_eq!(note_id(&b), note_id(&note(9, "other", "x", &[], Some("Xy$%1"))));
        assert!(note_id(&b).starts_with("anki-") && is_valid_id(&note_id(&b)));
        assert!(note_id(&c).starts_with("note-"));
        assert_ne!(note_id(&b), note_id(&note(9, "Q", "A", &[], Some("Xy$%2"))));
    }

    #[test]
    fn a_common_tag_names_the_topic_and_other_tags_become_groups() {
        let notes = [
            note(1, "Q1", "A1", &["recall::lambda", "limits"], Some("g1")),
            note(2, "Q2", "A2", &["recall::lambda"], Some("g2")),
        ];
        let header = super::super::text_file::read("a\tb\n").unwrap().0;
        let options = TopicOptions {
            name: "file".into(),
            source: "https://example.com/".into(),
        };
        let (toml, report) = topic_toml(&header, &notes, &options);
        assert_eq!(report.topic, "lambda");
        assert!(toml.contains("group = \"limits\""), "{toml}");
        assert_eq!(toml.matches("group =").count(), 1, "{toml}");
    }

    #[test]
    fn slugs_are_ids_or_fall_back() {
        assert_eq!(slug("My Deck (2024)!"), "my-deck-2024");
        assert_eq!(id_from("한국어", "anki"), "anki");
    }
}
