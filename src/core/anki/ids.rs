//! Stable ids for what comes in from Anki, so that importing a newer export of the same notes gives the
//! same ids and progress (keyed by `topic/item`) carries over.
//!
//! - An item's id comes from its note's GUID (Anki keeps it across exports, imports and edits): a GUID that
//!   is already a valid id (recall's own `recall-…`) is kept, any other is hashed to `anki-<16 hex>`. Card
//!   `n` of a note (its template ordinal or cloze number − 1) adds `-<n+1>` from the second card on, so
//!   the first card's id does not depend on the note type. Without a GUID, the front field is hashed
//!   (`note-<16 hex>`).
//! - A topic's id comes from its Anki deck's full name (`AWS::Lambda` → `aws-lambda`), never from a file
//!   name; a name with nothing left (Hangul, say) or shared with another deck after slugging is hashed
//!   (`deck-<8 hex>`, `aws-lambda-<8 hex>`).

use std::collections::HashMap;

use crate::core::content::validate::is_valid_id;
use crate::core::progress::export::fnv1a64;

/// The item id of card `ord` of the note with `guid` (or, without one, the note's `front`).
pub fn item_id(guid: Option<&str>, front: &str, ord: u32) -> String {
    let base = match guid {
        Some(g) if is_valid_id(g) => g.to_string(),
        Some(g) => format!("anki-{:016x}", fnv1a64(g.bytes())),
        None => format!("note-{:016x}", fnv1a64(front.bytes())),
    };
    if ord == 0 {
        base
    } else {
        let suffix = format!("-{}", u64::from(ord) + 1);
        let mut base = base;
        base.truncate(64 - suffix.len());
        base + &suffix
    }
}

/// Lowercase letters and digits, other runs as one `-`, at most 56 bytes (room for a hash suffix).
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(56);
    out.trim_end_matches('-').to_string()
}

/// Topic ids for deck names (see the module doc): the same name always gets the same id within one set
/// of names, and different names never share one.
pub fn topic_ids<'a>(names: impl IntoIterator<Item = &'a str>) -> HashMap<String, String> {
    let names: Vec<&str> = names.into_iter().collect();
    let mut by_slug: HashMap<String, usize> = HashMap::new();
    for name in &names {
        *by_slug.entry(slug(name)).or_default() += 1;
    }
    names
        .iter()
        .map(|name| {
            let s = slug(name);
            let hash = format!("{:08x}", fnv1a64(name.bytes()) as u32);
            let id = if s.is_empty() || !is_valid_id(&s) {
                format!("deck-{hash}")
            } else if by_slug.get(&s).copied().unwrap_or(0) > 1 {
                format!("{s}-{hash}")
            } else {
                s
            };
            (name.to_string(), id)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_ids_come_from_guids_and_card_numbers() {
        assert_eq!(item_id(Some("recall-00ff"), "Q", 0), "recall-00ff");
        let a = item_id(Some("Xy$%1"), "Q", 0);
        assert!(a.starts_with("anki-") && is_valid_id(&a));
        assert_eq!(a, item_id(Some("Xy$%1"), "other front", 0));
        assert_eq!(item_id(Some("Xy$%1"), "Q", 1), format!("{a}-2"));
        assert!(item_id(None, "Q", 0).starts_with("note-"));
        assert!(is_valid_id(&item_id(Some(&"a".repeat(64)), "Q", 11)));
    }

    #[test]
    fn topic_ids_come_from_deck_names() {
        let ids = topic_ids(["AWS::Lambda", "AWS Lambda", "한국어", "Default", "AWS::DynamoDB"]);
        assert_eq!(ids["Default"], "default");
        assert_eq!(ids["AWS::DynamoDB"], "aws-dynamodb");
        assert!(ids["AWS::Lambda"].starts_with("aws-lambda-"));
        assert_ne!(ids["AWS::Lambda"], ids["AWS Lambda"]);
        assert!(ids["한국어"].starts_with("deck-"));
        assert!(ids.values().all(|id| is_valid_id(id)));
    }
}
