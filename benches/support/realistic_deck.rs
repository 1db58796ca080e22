//! A realistic big deck for benchmarks and memory checks: the bundled deck's own texts, replicated.
//!
//! Short template sentences hide the real cost of parsing, validating, indexing and holding a deck, so the big
//! decks are built from the bundled topic files (English and Korean, every item kind; about 1.9 KB of text per
//! item today, 1.45 KB in the 334-item deck that issue 13's targets were set on), or from another deck's. Each copy of an item gets a new id and small perturbations (its numbers shifted, a few words swapped,
//! its title numbered) so that no two copies are identical. The result passes `recall check`.
//!
//! Included with `#[path]` by `examples/gen_deck.rs` and by the benches; it is not part of the product.

use std::path::Path;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

/// Item kinds, as the arrays of tables of a topic file.
const KINDS: [&str; 4] = ["section", "fact", "compare", "scenario"];

/// Keys whose values are identifiers, URLs, dates or flags, never text to perturb.
const NOT_TEXT: [&str; 7] = ["id", "source", "sources", "group", "correct", "order", "checked"];

/// Keys whose values are titles: each copy is numbered so lists and search results tell copies apart.
const TITLES: [&str; 1] = ["title"];

/// Word pairs swapped both ways (so the swap never makes two different texts equal); which pairs apply
/// depends on the copy. English pairs match whole words, Korean pairs any occurrence.
const SWAPS: [(&str, &str); 10] = [
    ("function", "handler"),
    ("request", "call"),
    ("table", "store"),
    ("user", "client"),
    ("fast", "quick"),
    ("limit", "quota"),
    ("함수", "핸들러"),
    ("요청", "호출"),
    ("사용자", "고객"),
    ("한도", "할당량"),
];

/// One source topic file: its `[topic]` table and its items, in kind order.
struct SourceTopic {
    topic: Table,
    items: Vec<(&'static str, Table)>,
}

/// Writes a realistic deck of `items` items spread over `topics` topic files into `dir`.
///
/// Topic file `t` replicates the items of the bundled topic `t % 8` (cycling through them) until it holds
/// its share; the same arguments always write the same files.
pub fn write_deck(dir: &Path, items: usize, topics: usize) -> std::io::Result<()> {
    write_deck_from(&recall::io::deck::bundled_files().0, dir, items, topics)
}

/// [`write_deck`], replicating the topic files `from` instead of the bundled deck's.
pub fn write_deck_from(
    from: &[recall::core::content::SourceFile],
    dir: &Path,
    items: usize,
    topics: usize,
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let sources = source_topics(from);
    let per_topic = items.div_ceil(topics.max(1));
    for t in 0..topics {
        let count = per_topic.min(items.saturating_sub(t * per_topic));
        let text = topic_text(&sources[t % sources.len()], t, topics, count);
        std::fs::write(dir.join(format!("topic-{t:02}.toml")), text)?;
    }
    Ok(())
}

/// Topic files, parsed (not the glossary, which the benches copy as it is).
fn source_topics(files: &[recall::core::content::SourceFile]) -> Vec<SourceTopic> {
    files
        .iter()
        .filter(|f| !recall::core::content::glossary_file::is_glossary(&f.path))
        .map(|f| {
            let doc: DocumentMut = f.text.parse().expect("the source deck is valid TOML");
            let topic = doc["topic"].as_table().expect("[topic]").clone();
            let mut items = Vec::new();
            for kind in KINDS {
                if let Some(array) = doc.get(kind).and_then(Item::as_array_of_tables) {
                    items.extend(array.iter().map(|t| (kind, t.clone())));
                }
            }
            SourceTopic { topic, items }
        })
        .collect()
}

/// Topic file number `t`: `count` items copied from `source`.
fn topic_text(source: &SourceTopic, t: usize, topics: usize, count: usize) -> String {
    let mut doc = DocumentMut::new();
    let mut topic = source.topic.clone();
    let id = topic["id"].as_str().expect("topic id").to_string();
    topic["id"] = toml_edit::value(format!("{id}-{t:02}"));
    topic["order"] = toml_edit::value(t as i64);
    perturb_table(&mut topic, t + 1);
    topic.set_position(Some(0));
    doc["topic"] = Item::Table(topic);
    let mut arrays: Vec<ArrayOfTables> = KINDS.iter().map(|_| ArrayOfTables::new()).collect();
    let mut position = 1;
    for j in 0..count {
        let (kind, original) = &source.items[j % source.items.len()];
        let copy = j / source.items.len();
        let variant = copy * topics + t;
        let mut item = copy_item(kind, original, copy, variant);
        place(&mut item, &mut position);
        let slot = KINDS.iter().position(|k| k == kind).expect("known kind");
        arrays[slot].push(item);
    }
    // A copy's `related` ids name the same copy of its related items; one that this topic does not hold
    // (a topic cut shorter than its source) is dropped, as `recall check` requires.
    let ids: std::collections::HashSet<String> = arrays
        .iter()
        .flat_map(|a| a.iter())
        .filter_map(|item| item.get("id").and_then(Item::as_str).map(str::to_string))
        .collect();
    for item in arrays.iter_mut().flat_map(|a| a.iter_mut()) {
        let empty = item
            .get_mut("related")
            .and_then(Item::as_array_mut)
            .map(|related| {
                related.retain(|r| r.as_str().is_some_and(|r| ids.contains(r)));
                related.is_empty()
            });
        if empty == Some(true) {
            item.remove("related");
        }
    }
    for (kind, array) in KINDS.iter().zip(arrays) {
        if !array.is_empty() {
            doc[kind] = Item::ArrayOfTables(array);
        }
    }
    doc.to_string()
}

/// Numbers `table` and its sub-tables in writing order: toml_edit writes tables sorted by position, and a
/// copy keeps its original's, which would move every `[[compare.row]]` away from its `[[compare]]`.
fn place(table: &mut Table, position: &mut isize) {
    table.set_position(Some(*position));
    *position += 1;
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) if !t.is_dotted() => place(t, position),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(|t| place(t, position)),
            _ => {}
        }
    }
}

/// Copy number `copy` of an item: a new id, and its texts perturbed by `variant` (0 keeps them as they are).
fn copy_item(kind: &str, original: &Table, copy: usize, variant: usize) -> Table {
    let mut item = original.clone();
    if copy > 0 {
        let id = item["id"].as_str().expect("item id").to_string();
        item["id"] = toml_edit::value(format!("{id}-c{copy}"));
        if let Some(related) = item.get_mut("related").and_then(Item::as_array_mut) {
            for r in related.iter_mut() {
                if let Some(id) = r.as_str() {
                    *r = format!("{id}-c{copy}").into();
                }
            }
        }
    }
    if variant == 0 {
        return item;
    }
    let unperturbed = item.clone();
    perturb_table(&mut item, variant);
    if kind == "scenario" && !scenario_still_valid(&item) {
        // A swap cut through a keyword or made two choices equal: keep this copy's texts as they were.
        return unperturbed;
    }
    item
}

/// Perturbs every text value in `table` (recursively), leaving ids, URLs and flags alone.
fn perturb_table(table: &mut Table, variant: usize) {
    for (key, item) in table.iter_mut() {
        let key = key.get();
        if NOT_TEXT.contains(&key) {
            continue;
        }
        let title = TITLES.contains(&key);
        perturb_item(item, variant, title);
    }
}

fn perturb_item(item: &mut Item, variant: usize, title: bool) {
    match item {
        Item::Value(v) => perturb_value(v, variant, title),
        Item::Table(t) => perturb_table(t, variant),
        Item::ArrayOfTables(a) => a.iter_mut().for_each(|t| perturb_table(t, variant)),
        Item::None => {}
    }
}

fn perturb_value(value: &mut Value, variant: usize, title: bool) {
    match value {
        Value::String(s) => {
            let mut text = perturb_text(s.value(), variant);
            if title {
                text.push_str(&format!(" {variant}"));
            }
            let decor = s.decor().clone();
            *value = Value::from(text);
            *value.decor_mut() = decor;
        }
        Value::Array(a) => a.iter_mut().for_each(|v| perturb_value(v, variant, title)),
        Value::InlineTable(t) => {
            for (key, v) in t.iter_mut() {
                if !NOT_TEXT.contains(&key.get()) {
                    perturb_value(v, variant, title);
                }
            }
        }
        _ => {}
    }
}

/// `text` with every plain number shifted by `variant` and the word pairs chosen by `variant` swapped.
fn perturb_text(text: &str, variant: usize) -> String {
    let swaps: Vec<(&str, &str)> = SWAPS
        .iter()
        .enumerate()
        .filter(|(i, _)| (variant.wrapping_mul(0x9E37) >> (i % 8)) & 1 == 1 || variant % SWAPS.len() == *i)
        .map(|(_, pair)| *pair)
        .collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    let mut prev: Option<char> = None;
    'scan: while let Some(c) = rest.chars().next() {
        let at_boundary = !prev.is_some_and(|p| p.is_ascii_alphanumeric());
        if c.is_ascii_digit() && at_boundary {
            let digits = rest.find(|d: char| !d.is_ascii_digit()).unwrap_or(rest.len());
            let run = &rest[..digits];
            match run.parse::<u64>() {
                Ok(n) if !run.starts_with('0') => out.push_str(&(n + variant as u64).to_string()),
                _ => out.push_str(run),
            }
            prev = run.chars().last();
            rest = &rest[digits..];
            continue;
        }
        for (a, b) in &swaps {
            for (from, to) in [(a, b), (b, a)] {
                if let Some(after) = rest.strip_prefix(from) {
                    let ascii = from.is_ascii();
                    let ends_word = !after.chars().next().is_some_and(|n| n.is_ascii_alphanumeric());
                    if !ascii || (at_boundary && ends_word) {
                        out.push_str(to);
                        prev = to.chars().last();
                        rest = after;
                        continue 'scan;
                    }
                }
            }
        }
        out.push(c);
        prev = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Whether a perturbed scenario still has every keyword in its prompt and distinct choices.
fn scenario_still_valid(item: &Table) -> bool {
    let prompt = texts(item.get("prompt"));
    let keywords_ok = match item.get("keywords").and_then(Item::as_value) {
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).all(|k| {
            prompt
                .iter()
                .all(|p| p.to_lowercase().contains(&k.to_lowercase()))
        }),
        Some(Value::InlineTable(t)) => ["en", "ko"].iter().enumerate().all(|(i, lang)| {
            let list = t.get(lang).and_then(Value::as_array);
            list.is_none_or(|l| {
                l.iter().filter_map(Value::as_str).all(|k| {
                    prompt[i.min(prompt.len() - 1)]
                        .to_lowercase()
                        .contains(&k.to_lowercase())
                })
            })
        }),
        _ => true,
    };
    let mut choices: Vec<String> = item
        .get("choice")
        .and_then(Item::as_array_of_tables)
        .map(|a| {
            a.iter()
                .map(|c| {
                    let en = &texts(c.get("text"))[0];
                    en.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
                })
                .collect()
        })
        .unwrap_or_default();
    let all = choices.len();
    choices.sort();
    choices.dedup();
    keywords_ok && choices.len() == all
}

/// A text field's English and Korean strings (a plain string counts for both).
fn texts(item: Option<&Item>) -> Vec<String> {
    match item.and_then(Item::as_value) {
        Some(Value::String(s)) => vec![s.value().clone(), s.value().clone()],
        Some(Value::InlineTable(t)) => {
            let en = t.get("en").and_then(Value::as_str).unwrap_or_default();
            let ko = t.get("ko").and_then(Value::as_str).unwrap_or(en);
            vec![en.to_string(), ko.to_string()]
        }
        _ => match item.and_then(Item::as_table) {
            Some(t) => {
                let en = t.get("en").and_then(Item::as_str).unwrap_or_default();
                let ko = t.get("ko").and_then(Item::as_str).unwrap_or(en);
                vec![en.to_string(), ko.to_string()]
            }
            None => vec![String::new(), String::new()],
        },
    }
}
