//! Changes one setting in the text of an existing settings file, keeping the user's comments, order and
//! formatting (`toml_edit`). Used when the `L` key switches the language and when `recall optimize` stores
//! parameters.

use toml_edit::{Array, DocumentMut, Item, value};

use super::{ConfigError, ConfigProblem};
use crate::core::content::Lang;
use crate::core::content::diagnostic::LineIndex;

/// `text` with `language` set to `lang`.
pub fn set_language(text: &str, lang: Lang) -> Result<String, ConfigError> {
    set(text, "language", value(lang.code()))
}

/// `text` with `fsrs_parameters` set to `parameters` (rounded to 4 decimals, as Anki shows them).
pub fn set_fsrs_parameters(text: &str, parameters: &[f32]) -> Result<String, ConfigError> {
    let rounded = parameters
        .iter()
        .map(|p| (f64::from(*p) * 10_000.0).round() / 10_000.0);
    set(text, "fsrs_parameters", value(Array::from_iter(rounded)))
}

/// Sets a top-level key, in place if it exists, otherwise added with the other top-level settings.
fn set(text: &str, key: &str, item: Item) -> Result<String, ConfigError> {
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        let at = LineIndex::new(text).position(e.span().map_or(0, |s| s.start));
        ConfigError {
            line: at.line,
            col: at.col,
            problem: ConfigProblem::NotEditable(e.message().trim().to_string()),
        }
    })?;
    match doc.get_mut(key) {
        Some(existing) if existing.is_value() => {
            let decor = existing.as_value().map(|v| v.decor().clone());
            *existing = item;
            if let (Some(decor), Some(v)) = (decor, existing.as_value_mut()) {
                *v.decor_mut() = decor;
            }
        }
        _ => {
            doc.insert(key, item);
            place_after_comment(&mut doc, key);
        }
    }
    Ok(doc.to_string())
}

/// Moves the comments above a newly added `key` so it sits right under its commented-out default
/// (`# key = …`), as a user would write it. The comments after the last top-level setting belong to the
/// first table's header, or to the end of the file if there is no table; they are split at that line.
fn place_after_comment(doc: &mut DocumentMut, key: &str) {
    let first_table = doc
        .as_table()
        .iter()
        .filter_map(|(name, item)| Some((name.to_string(), item.as_table()?.position()?)))
        .min_by_key(|(_, position)| *position)
        .map(|(name, _)| name);
    let comments = match &first_table {
        Some(name) => doc
            .get(name)
            .and_then(Item::as_table)
            .and_then(|t| t.decor().prefix())
            .and_then(|p| p.as_str()),
        None => doc.trailing().as_str(),
    };
    let Some((above, below)) = comments.and_then(|c| split_after_line(c, &format!("# {key} ="))) else {
        return;
    };
    if let Some(mut k) = doc.key_mut(key) {
        k.leaf_decor_mut().set_prefix(above);
    }
    match first_table
        .and_then(|name| doc.get_mut(&name))
        .and_then(Item::as_table_mut)
    {
        Some(table) => table.decor_mut().set_prefix(below),
        None => doc.set_trailing(below),
    }
}

/// `text` split after the line that starts with `marker` (both halves owned), if there is one.
fn split_after_line(text: &str, marker: &str) -> Option<(String, String)> {
    let start = text
        .match_indices(marker)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || text[..i].ends_with('\n'))?;
    let cut = text[start..].find('\n').map_or(text.len(), |n| start + n + 1);
    Some((text[..cut].to_string(), text[cut..].to_string()))
}
