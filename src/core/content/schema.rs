//! The shape of a topic file, as data: which keys each table allows and what type each value has.
//!
//! serde stops at the first unknown key or wrongly typed value and hides the rest of the file, so both are
//! found here instead: one walk of the spanned TOML tree against this schema reports every stray key and every
//! value of the wrong type with its position. Wrongly typed values are then removed from the tree, so that
//! serde reads everything else and the validator reports the file's other problems too; [`Removed`] remembers
//! them, so that the validator does not also call them missing.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Reporter, Rule};

/// What a key's value must look like.
enum Shape {
    /// A string; the text says which (shown in the message).
    Str(&'static str),
    /// An integer.
    Int,
    /// `true` or `false`.
    Bool,
    /// A list of strings.
    StrList,
    /// Text: a string, or a table with one string per language.
    PerLanguage,
    /// Keywords: a list of strings, or a table with one list per language.
    Keywords,
    /// A list of text values.
    TextList,
    /// A table with its own schema (`[topic]`).
    Table(&'static Schema),
    /// An array of tables, each with this schema (`[[fact]]`).
    Tables(&'static Schema),
}

/// The allowed keys of one kind of table.
struct Schema {
    name: &'static str,
    fields: &'static [(&'static str, Shape)],
}

const LANGUAGE_KEYS: &[&str] = &["en", "ko"];
const ID: &str = r#"an id string like "memory-range""#;
const URL: &str = r#"a URL string like "https://docs.aws.amazon.com/…""#;
const MONTH: &str = r#"a year-month string like "2026-11""#;

static FILE: Schema = Schema {
    name: "a topic file",
    fields: &[
        ("topic", Shape::Table(&TOPIC)),
        ("section", Shape::Tables(&SECTION)),
        ("fact", Shape::Tables(&FACT)),
        ("compare", Shape::Tables(&COMPARE)),
        ("scenario", Shape::Tables(&SCENARIO)),
    ],
};

static TOPIC: Schema = Schema {
    name: "[topic]",
    fields: &[
        ("id", Shape::Str(ID)),
        ("title", Shape::PerLanguage),
        ("summary", Shape::PerLanguage),
        ("order", Shape::Int),
    ],
};

static SECTION: Schema = Schema {
    name: "[[section]]",
    fields: &[
        ("id", Shape::Str(ID)),
        ("title", Shape::PerLanguage),
        ("body", Shape::PerLanguage),
        ("sources", Shape::StrList),
    ],
};

static FACT: Schema = Schema {
    name: "[[fact]]",
    fields: &[
        ("id", Shape::Str(ID)),
        ("prompt", Shape::PerLanguage),
        ("answer", Shape::PerLanguage),
        ("detail", Shape::PerLanguage),
        ("correction", Shape::PerLanguage),
        ("group", Shape::Str(ID)),
        ("related", Shape::StrList),
        ("source", Shape::Str(URL)),
        ("checked", Shape::Str(MONTH)),
    ],
};

static COMPARE: Schema = Schema {
    name: "[[compare]]",
    fields: &[
        ("id", Shape::Str(ID)),
        ("title", Shape::PerLanguage),
        ("options", Shape::TextList),
        ("sources", Shape::StrList),
        ("row", Shape::Tables(&ROW)),
    ],
};

static ROW: Schema = Schema {
    name: "[[compare.row]]",
    fields: &[("attribute", Shape::PerLanguage), ("values", Shape::TextList)],
};

static SCENARIO: Schema = Schema {
    name: "[[scenario]]",
    fields: &[
        ("id", Shape::Str(ID)),
        ("prompt", Shape::PerLanguage),
        ("keywords", Shape::Keywords),
        ("explanation", Shape::PerLanguage),
        ("source", Shape::Str(URL)),
        ("checked", Shape::Str(MONTH)),
        ("related", Shape::StrList),
        ("choice", Shape::Tables(&CHOICE)),
    ],
};

static CHOICE: Schema = Schema {
    name: "[[scenario.choice]]",
    fields: &[
        ("text", Shape::PerLanguage),
        ("correct", Shape::Bool),
        ("why", Shape::PerLanguage),
    ],
};

static GLOSSARY_FILE: Schema = Schema {
    name: "the glossary file",
    fields: &[("term", Shape::Tables(&TERM))],
};

static TERM: Schema = Schema {
    name: "[[term]]",
    fields: &[("term", Shape::Str(TERM_TEXT)), ("aliases", Shape::StrList)],
};

const TERM_TEXT: &str = r#"a string like "Lambda""#;

/// Values the schema walk removed because of their type: `(start of the owning table's span, field)`.
#[derive(Debug, Default)]
pub struct Removed(Vec<(usize, &'static str)>);

/// The owner recorded for keys of the file itself (`topic`), which no table's span can start at.
const FILE_OWNER: Range<usize> = usize::MAX..usize::MAX;

impl Removed {
    /// Whether `field` of the table spanning `owner` was reported as wrongly typed (and removed).
    pub fn contains(&self, owner: &Range<usize>, field: &str) -> bool {
        self.0
            .iter()
            .any(|(start, f)| *start == owner.start && *f == field)
    }

    /// Whether the file's own key `field` (such as `topic`) was reported as wrongly typed (and removed).
    pub fn contains_file_key(&self, field: &str) -> bool {
        self.contains(&FILE_OWNER, field)
    }

    /// Adds what was removed from a piece of the file (`super::chunks`) that starts at byte `offset`.
    pub(crate) fn append_piece(&mut self, piece: Removed, offset: usize) {
        let shift = |start: usize| {
            if start == FILE_OWNER.start {
                start
            } else {
                start + offset
            }
        };
        self.0
            .extend(piece.0.into_iter().map(|(start, field)| (shift(start), field)));
    }
}

/// If `line` is the single-bracket header of an array of tables (`[scenario.choice]`), the header it should be
/// (`[[scenario.choice]]`). Written twice in one scenario, the single form is a TOML "duplicate key" error.
pub fn single_bracket_header(line: &str) -> Option<&'static str> {
    let line = line.trim_start();
    if line.starts_with("[[") {
        return None;
    }
    let header: String = line
        .chars()
        .filter(|c| !c.is_whitespace())
        .take_while(|&c| c != ']')
        .collect();
    let name = header.strip_prefix('[')?;
    let mut arrays = Vec::new();
    array_tables(&FILE, &mut arrays);
    arrays
        .into_iter()
        .find(|array| &array[2..array.len() - 2] == name)
}

/// The names (`[[scenario.choice]]`) of every array of tables at or below `schema`.
fn array_tables(schema: &'static Schema, names: &mut Vec<&'static str>) {
    for (_, shape) in schema.fields {
        match shape {
            Shape::Tables(child) => {
                names.push(child.name);
                array_tables(child, names);
            }
            Shape::Table(child) => array_tables(child, names),
            _ => {}
        }
    }
}

/// Reports every unknown key and wrongly typed value of `doc`, removes the wrongly typed values, and returns
/// what it removed.
pub fn check(doc: &mut Spanned<DeTable<'_>>, reporter: &mut Reporter<'_>) -> Removed {
    let mut removed = Removed::default();
    check_table(doc.get_mut(), &FILE_OWNER, &FILE, reporter, &mut removed);
    removed
}

/// Like [`check`], for the glossary file (`[[term]]` tables).
pub fn check_glossary(doc: &mut Spanned<DeTable<'_>>, reporter: &mut Reporter<'_>) -> Removed {
    let mut removed = Removed::default();
    check_table(doc.get_mut(), &FILE_OWNER, &GLOSSARY_FILE, reporter, &mut removed);
    removed
}

fn check_table(
    table: &mut DeTable<'_>,
    span: &Range<usize>,
    schema: &Schema,
    reporter: &mut Reporter<'_>,
    removed: &mut Removed,
) {
    let mut bad: Vec<&'static str> = Vec::new();
    for (key, value) in table.iter_mut() {
        let name: &str = key.get_ref();
        match schema.fields.iter().find(|(field, _)| *field == name) {
            None => {
                let allowed: Vec<&str> = schema.fields.iter().map(|(f, _)| *f).collect();
                reporter
                    .error(
                        &key.span(),
                        Rule::UnknownField,
                        format!("unknown field `{name}` in {}", schema.name),
                    )
                    .hint(format!("allowed fields: {}", allowed.join(", ")));
            }
            Some((field, shape)) => {
                let at = Field {
                    name: field,
                    table: schema.name,
                };
                if !check_value(value, shape, at, reporter, removed) {
                    bad.push(field);
                }
            }
        }
    }
    for field in bad {
        table.remove(field);
        removed.0.push((span.start, field));
    }
}

/// Where a value sits, for messages: `prompt` in [[fact]].
#[derive(Clone, Copy)]
struct Field {
    name: &'static str,
    table: &'static str,
}

/// Checks one value against its shape; reports and returns false if its type is wrong (the caller removes
/// it). Tables below are walked, and their own wrongly typed values removed.
fn check_value(
    value: &mut Spanned<DeValue<'_>>,
    shape: &Shape,
    at: Field,
    reporter: &mut Reporter<'_>,
    removed: &mut Removed,
) -> bool {
    let span = value.span();
    match (shape, value.get_mut()) {
        (Shape::Str(_), DeValue::String(_))
        | (Shape::Int, DeValue::Integer(_))
        | (Shape::Bool, DeValue::Boolean(_)) => true,
        (Shape::StrList, DeValue::Array(items)) => every(items, |item| {
            is_string(item) || wrong_type(item, "a string", &format!("each value of {at}"), reporter)
        }),
        (Shape::PerLanguage, DeValue::String(_)) => true,
        (Shape::PerLanguage, DeValue::Table(t)) => per_language(t, at, reporter, is_string, "a string"),
        (Shape::Keywords, DeValue::Array(items)) => every(items, |item| {
            is_string(item) || wrong_type(item, "a string", &format!("each keyword of {at}"), reporter)
        }),
        (Shape::Keywords, DeValue::Table(t)) => {
            per_language(t, at, reporter, is_string_list, "a list of strings")
        }
        (Shape::TextList, DeValue::Array(items)) => every(items, |item| match item.get_ref() {
            DeValue::String(_) => true,
            DeValue::Table(t) => per_language(t, at, reporter, is_string, "a string"),
            _ => wrong_type(item, TEXT, &format!("each value of {at}"), reporter),
        }),
        (Shape::Table(schema), DeValue::Table(t)) => {
            check_table(t, &span, schema, reporter, removed);
            true
        }
        (Shape::Tables(schema), DeValue::Array(items)) => {
            // An entry that is not a table (`fact = [1]`) makes the whole list unreadable for serde.
            let mut all_tables = true;
            for item in items.iter_mut() {
                let item_span = item.span();
                match item.get_mut() {
                    DeValue::Table(t) => check_table(t, &item_span, schema, reporter, removed),
                    _ => all_tables &= wrong_type(item, "a table", &format!("each entry of {at}"), reporter),
                }
            }
            all_tables
        }
        (Shape::Tables(schema), DeValue::Table(_)) => {
            let single = &schema.name[1..schema.name.len() - 1];
            reporter
                .error(
                    &span,
                    Rule::TableBrackets,
                    format!("{single} is a single table, but {} is a list", schema.name),
                )
                .hint(format!("write {} (double brackets) before each one", schema.name));
            false
        }
        (Shape::Table(schema), DeValue::Array(_)) => {
            reporter
                .error(
                    &span,
                    Rule::TableBrackets,
                    format!(
                        "[{}] makes a list, but a file has one {} table",
                        schema.name, schema.name
                    ),
                )
                .hint(format!("write {} (single brackets)", schema.name));
            false
        }
        (shape, _) => wrong_type(value, shape.expected(), &at.to_string(), reporter),
    }
}

const TEXT: &str = r#"text: a string, or a table like { en = "…", ko = "…" }"#;

impl Shape {
    /// What a value of this shape looks like, for messages.
    fn expected(&self) -> &'static str {
        match self {
            Shape::Str(what) => what,
            Shape::Int => "an integer",
            Shape::Bool => "true or false",
            Shape::StrList => "a list of strings",
            Shape::PerLanguage => TEXT,
            Shape::Keywords => r#"keywords: a list of strings, or a table like { en = ["…"], ko = ["…"] }"#,
            Shape::TextList => "a list of text values",
            Shape::Table(_) => "a table",
            Shape::Tables(_) => "an array of tables",
        }
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` in {}", self.name, self.table)
    }
}

/// Whether `ok` holds for every item; unlike `Iterator::all`, it visits (and so reports) every one.
fn every<'i>(items: &[Spanned<DeValue<'i>>], mut ok: impl FnMut(&Spanned<DeValue<'i>>) -> bool) -> bool {
    items.iter().fold(true, |all, item| ok(item) & all)
}

/// Checks a `{ en = …, ko = … }` table: unknown languages are reported, known ones must pass `ok`.
fn per_language(
    table: &DeTable<'_>,
    at: Field,
    reporter: &mut Reporter<'_>,
    ok: impl Fn(&Spanned<DeValue<'_>>) -> bool,
    expected: &str,
) -> bool {
    check_language_keys(table, reporter);
    let mut fine = true;
    for (key, value) in table.iter() {
        let lang: &str = key.get_ref();
        if LANGUAGE_KEYS.contains(&lang) && !ok(value) {
            fine &= wrong_type(value, expected, &format!("`{lang}` of {at}"), reporter);
        }
    }
    fine
}

fn is_string(value: &Spanned<DeValue<'_>>) -> bool {
    matches!(value.get_ref(), DeValue::String(_))
}

fn is_string_list(value: &Spanned<DeValue<'_>>) -> bool {
    matches!(value.get_ref(), DeValue::Array(items) if items.iter().all(is_string))
}

/// Reports `value` as wrongly typed; always returns false (so callers can write `ok || wrong_type(…)`).
fn wrong_type(value: &Spanned<DeValue<'_>>, expected: &str, what: &str, reporter: &mut Reporter<'_>) -> bool {
    reporter.error(
        &value.span(),
        Rule::WrongType,
        format!("{what} must be {expected}, not {}", kind(value.get_ref())),
    );
    false
}

/// The TOML type of a value, for messages.
fn kind(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date or time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn check_language_keys(table: &DeTable<'_>, reporter: &mut Reporter<'_>) {
    for (key, _) in table.iter() {
        let name: &str = key.get_ref();
        if !LANGUAGE_KEYS.contains(&name) {
            reporter
                .error(
                    &key.span(),
                    Rule::UnknownField,
                    format!("unknown language `{name}` in text"),
                )
                .hint(format!("languages: {}", LANGUAGE_KEYS.join(", ")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_bracket_headers_of_arrays_name_the_double_form() {
        assert_eq!(
            single_bracket_header("[scenario.choice]"),
            Some("[[scenario.choice]]")
        );
        assert_eq!(
            single_bracket_header("  [ compare.row ] # rows"),
            Some("[[compare.row]]")
        );
        assert_eq!(single_bracket_header("[fact]"), Some("[[fact]]"));
        assert_eq!(single_bracket_header("[[scenario.choice]]"), None);
        assert_eq!(
            single_bracket_header("[topic]"),
            None,
            "[topic] is a single table"
        );
        assert_eq!(single_bracket_header("text = \"[fact]\""), None);
    }
}
