//! Decoding the columns of an Anki collection that are not plain values: the JSON of schema 11 (`col.models`,
//! `col.decks`, `col.dconf`, `col.conf`) and the protobuf blobs of schema 18 (`notetypes.config`,
//! `templates.config`, `decks.kind`, `deck_config.config`), into [`super::collection`]'s types.
//!
//! The protobuf messages below are the few fields recall reads of Anki's own definitions
//! (`proto/anki/notetypes.proto`, `decks.proto`, `deck_config.proto`); `prost` skips every other field.

use std::collections::BTreeMap;

use prost::Message;
use serde::Deserialize;

use super::collection::{DeckConfig, Notetype, Template};

/// A column recall could not decode.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the collection's {what} cannot be read: {reason}")]
pub struct SchemaError {
    /// Which column.
    pub what: &'static str,
    /// What the decoder said.
    pub reason: String,
}

fn error(what: &'static str) -> impl Fn(String) -> SchemaError {
    move |reason| SchemaError { what, reason }
}

#[derive(Deserialize)]
struct LegacyNotetype {
    id: i64,
    name: String,
    #[serde(rename = "type", default)]
    kind: i64,
    #[serde(default)]
    flds: Vec<LegacyField>,
    #[serde(default)]
    tmpls: Vec<LegacyTemplate>,
}

#[derive(Deserialize)]
struct LegacyField {
    name: String,
    #[serde(default)]
    ord: Option<u32>,
}

#[derive(Deserialize)]
struct LegacyTemplate {
    #[serde(default)]
    ord: Option<u32>,
    #[serde(default)]
    qfmt: String,
    #[serde(default)]
    afmt: String,
}

/// Note types from schema 11's `col.models` JSON.
pub fn legacy_notetypes(json: &str) -> Result<Vec<Notetype>, SchemaError> {
    let map: BTreeMap<String, LegacyNotetype> =
        serde_json::from_str(json).map_err(|e| error("note types (col.models)")(e.to_string()))?;
    Ok(map
        .into_values()
        .map(|m| {
            let mut fields: Vec<(u32, String)> = m
                .flds
                .into_iter()
                .enumerate()
                .map(|(i, f)| (f.ord.unwrap_or(i as u32), f.name))
                .collect();
            fields.sort();
            Notetype {
                id: m.id,
                name: m.name,
                cloze: m.kind == 1,
                fields: fields.into_iter().map(|(_, name)| name).collect(),
                templates: m
                    .tmpls
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| Template {
                        ord: t.ord.unwrap_or(i as u32),
                        front: t.qfmt,
                        back: t.afmt,
                    })
                    .collect(),
            }
        })
        .collect())
}

#[derive(Deserialize)]
struct LegacyDeck {
    id: i64,
    name: String,
    #[serde(rename = "dyn", default)]
    dynamic: serde_json::Value,
    #[serde(default)]
    conf: Option<i64>,
}

/// Decks from schema 11's `col.decks` JSON: `(id, name, filtered, preset)`.
pub fn legacy_decks(json: &str) -> Result<Vec<super::collection::Deck>, SchemaError> {
    let map: BTreeMap<String, LegacyDeck> =
        serde_json::from_str(json).map_err(|e| error("decks (col.decks)")(e.to_string()))?;
    Ok(map
        .into_values()
        .map(|d| {
            let filtered = d.dynamic.as_i64().is_some_and(|v| v != 0) || d.dynamic.as_bool() == Some(true);
            super::collection::Deck {
                id: d.id,
                name: d.name,
                filtered,
                config: (!filtered).then_some(d.conf.unwrap_or(1)),
            }
        })
        .collect())
}

#[derive(Deserialize)]
struct LegacyDeckConfig {
    id: i64,
    #[serde(default)]
    name: String,
    #[serde(rename = "desiredRetention", default)]
    desired_retention: Option<f32>,
    #[serde(rename = "fsrsParams6", default)]
    params6: Vec<f32>,
    #[serde(rename = "fsrsParams5", default)]
    params5: Vec<f32>,
    #[serde(rename = "fsrsWeights", default)]
    params4: Vec<f32>,
    #[serde(rename = "sm2Retention", default)]
    historical_retention: Option<f32>,
}

/// Options presets from schema 11's `col.dconf` JSON.
pub fn legacy_deck_configs(json: &str) -> Result<Vec<DeckConfig>, SchemaError> {
    let map: BTreeMap<String, LegacyDeckConfig> =
        serde_json::from_str(json).map_err(|e| error("options presets (col.dconf)")(e.to_string()))?;
    Ok(map
        .into_values()
        .map(|c| DeckConfig {
            id: c.id,
            name: c.name,
            desired_retention: c.desired_retention.unwrap_or(0.0),
            params: newest_params(c.params6, c.params5, c.params4),
            historical_retention: c.historical_retention.unwrap_or(0.9),
        })
        .collect())
}

/// The hour a day starts, from schema 11's `col.conf` JSON or schema 18's `config` value (default 4).
pub fn rollover(json: Option<&str>) -> u8 {
    #[derive(Deserialize)]
    struct Conf {
        rollover: Option<u8>,
    }
    let from_value = |s: &str| serde_json::from_str::<u8>(s).ok();
    let from_conf = |s: &str| serde_json::from_str::<Conf>(s).ok().and_then(|c| c.rollover);
    json.and_then(|s| from_value(s).or_else(|| from_conf(s)))
        .filter(|h| *h < 24)
        .unwrap_or(4)
}

fn newest_params(p6: Vec<f32>, p5: Vec<f32>, p4: Vec<f32>) -> Vec<f32> {
    [p6, p5, p4]
        .into_iter()
        .find(|p| !p.is_empty())
        .unwrap_or_default()
}

/// `Notetype.Config`: only its kind.
#[derive(Clone, PartialEq, Message)]
struct NotetypeConfig {
    #[prost(int32, tag = "1")]
    kind: i32,
}

/// `Notetype.Template.Config`: the two sides.
#[derive(Clone, PartialEq, Message)]
struct TemplateConfig {
    #[prost(string, tag = "1")]
    q_format: String,
    #[prost(string, tag = "2")]
    a_format: String,
}

/// `Deck.KindContainer`: normal (with its preset) or filtered.
#[derive(Clone, PartialEq, Message)]
struct DeckKind {
    #[prost(message, optional, tag = "1")]
    normal: Option<NormalDeck>,
    #[prost(message, optional, tag = "2")]
    filtered: Option<FilteredDeck>,
}

#[derive(Clone, PartialEq, Message)]
struct NormalDeck {
    #[prost(int64, tag = "1")]
    config_id: i64,
}

#[derive(Clone, PartialEq, Message)]
struct FilteredDeck {
    #[prost(bool, tag = "1")]
    reschedule: bool,
}

/// `DeckConfig.Config`: the FSRS settings.
#[derive(Clone, PartialEq, Message)]
struct DeckConfigBlob {
    #[prost(float, repeated, tag = "3")]
    fsrs_params_4: Vec<f32>,
    #[prost(float, repeated, tag = "5")]
    fsrs_params_5: Vec<f32>,
    #[prost(float, repeated, tag = "6")]
    fsrs_params_6: Vec<f32>,
    #[prost(float, tag = "37")]
    desired_retention: f32,
    #[prost(float, tag = "40")]
    historical_retention: f32,
}

/// Whether a schema 18 note type is a cloze type, from `notetypes.config`.
pub fn notetype_is_cloze(config: &[u8]) -> Result<bool, SchemaError> {
    let config = NotetypeConfig::decode(config).map_err(|e| error("note type settings")(e.to_string()))?;
    Ok(config.kind == 1)
}

/// A schema 18 template's question and answer formats, from `templates.config`.
pub fn template_sides(config: &[u8]) -> Result<(String, String), SchemaError> {
    let config = TemplateConfig::decode(config).map_err(|e| error("card templates")(e.to_string()))?;
    Ok((config.q_format, config.a_format))
}

/// A schema 18 deck's kind: `Some(preset)` for a normal deck, `None` for a filtered one.
pub fn deck_preset(kind: &[u8]) -> Result<Option<i64>, SchemaError> {
    let kind = DeckKind::decode(kind).map_err(|e| error("deck settings")(e.to_string()))?;
    Ok(match (kind.normal, kind.filtered) {
        (_, Some(_)) => None,
        (Some(normal), None) => Some(normal.config_id),
        (None, None) => Some(1),
    })
}

/// A schema 18 options preset, from `deck_config.config`.
pub fn deck_config(id: i64, name: String, config: &[u8]) -> Result<DeckConfig, SchemaError> {
    let c = DeckConfigBlob::decode(config).map_err(|e| error("options presets")(e.to_string()))?;
    Ok(DeckConfig {
        id,
        name,
        desired_retention: c.desired_retention,
        params: newest_params(c.fsrs_params_6, c.fsrs_params_5, c.fsrs_params_4),
        historical_retention: if c.historical_retention > 0.0 {
            c.historical_retention
        } else {
            0.9
        },
    })
}

/// Counts the entries of a current package's media map (protobuf `MediaEntries`, field 1 repeated).
pub fn media_entries(map: &[u8]) -> Result<usize, SchemaError> {
    #[derive(Clone, PartialEq, Message)]
    struct MediaEntries {
        #[prost(message, repeated, tag = "1")]
        entries: Vec<MediaEntry>,
    }
    #[derive(Clone, PartialEq, Message)]
    struct MediaEntry {
        #[prost(string, tag = "1")]
        name: String,
    }
    let entries = MediaEntries::decode(map).map_err(|e| error("media list")(e.to_string()))?;
    Ok(entries.entries.len())
}

/// Counts the entries of a legacy package's media map (JSON `{"0": "name"}`).
pub fn legacy_media_entries(json: &[u8]) -> Result<usize, SchemaError> {
    let map: BTreeMap<String, String> =
        serde_json::from_slice(json).map_err(|e| error("media list")(e.to_string()))?;
    Ok(map.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protobuf_columns_decode_as_anki_writes_them() {
        // Bytes from a package Anki 26.09 wrote: a Basic note type (no kind field), a cloze one.
        assert!(!notetype_is_cloze(&[0x1a, 0x01, b'x']).unwrap());
        assert!(notetype_is_cloze(&[0x08, 0x01]).unwrap());
        // `Deck.KindContainer` of a normal deck on preset 1, and of a filtered deck.
        assert_eq!(deck_preset(&[0x0a, 0x02, 0x08, 0x01]).unwrap(), Some(1));
        assert_eq!(deck_preset(&[0x12, 0x02, 0x08, 0x01]).unwrap(), None);
        let (q, a) = template_sides(&[0x0a, 0x03, b'{', b'Q', b'}', 0x12, 0x01, b'A']).unwrap();
        assert_eq!((q.as_str(), a.as_str()), ("{Q}", "A"));
        assert!(notetype_is_cloze(&[0x08]).is_err());
    }

    #[test]
    fn legacy_json_gives_note_types_decks_and_presets() {
        let models = r#"{"5": {"id": 5, "name": "Cloze", "type": 1,
            "flds": [{"name": "Back Extra", "ord": 1}, {"name": "Text", "ord": 0}],
            "tmpls": [{"ord": 0, "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}"}]}}"#;
        let types = legacy_notetypes(models).unwrap();
        assert!(types[0].cloze);
        assert_eq!(types[0].fields, ["Text", "Back Extra"]);
        let decks = legacy_decks(
            r#"{"1": {"id": 1, "name": "A::B", "dyn": 0, "conf": 3},
            "2": {"id": 2, "name": "F", "dyn": 1}}"#,
        )
        .unwrap();
        assert_eq!(decks[0].config, Some(3));
        assert!(decks[1].filtered);
        let presets = legacy_deck_configs(
            r#"{"1": {"id": 1, "name": "Default", "desiredRetention": 0.85, "fsrsParams6": [1.0, 2.0]}}"#,
        )
        .unwrap();
        assert_eq!(presets[0].params, [1.0, 2.0]);
        assert_eq!(presets[0].desired_retention, 0.85);
        assert_eq!(rollover(Some(r#"{"rollover": 5}"#)), 5);
        assert_eq!(rollover(Some("3")), 3);
        assert_eq!(rollover(None), 4);
        assert!(legacy_notetypes("[").is_err());
    }
}
