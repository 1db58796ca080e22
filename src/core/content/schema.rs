//! The shape of a topic file, as data: which keys each table allows.
//!
//! serde stops at the first unknown key, so unknown keys are found here instead, by walking the spanned
//! TOML tree once against this schema and reporting every stray key with its position and the allowed names.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Reporter, Rule};

/// What a key's value must look like, for the purpose of finding unknown keys below it.
enum Shape {
    /// A scalar, or a list of scalars: nothing below to check.
    Leaf,
    /// Text or keywords: a scalar/list, or a table with only language keys.
    PerLanguage,
    /// A list of text values.
    TextList,
    /// A table with its own schema.
    Table(&'static Schema),
    /// An array of tables, each with this schema.
    Tables(&'static Schema),
}

/// The allowed keys of one kind of table.
struct Schema {
    name: &'static str,
    fields: &'static [(&'static str, Shape)],
}

const LANGUAGE_KEYS: &[&str] = &["en", "ko"];

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
        ("id", Shape::Leaf),
        ("title", Shape::PerLanguage),
        ("summary", Shape::PerLanguage),
        ("order", Shape::Leaf),
    ],
};

static SECTION: Schema = Schema {
    name: "[[section]]",
    fields: &[
        ("id", Shape::Leaf),
        ("title", Shape::PerLanguage),
        ("body", Shape::PerLanguage),
        ("sources", Shape::Leaf),
    ],
};

static FACT: Schema = Schema {
    name: "[[fact]]",
    fields: &[
        ("id", Shape::Leaf),
        ("prompt", Shape::PerLanguage),
        ("answer", Shape::PerLanguage),
        ("detail", Shape::PerLanguage),
        ("correction", Shape::PerLanguage),
        ("group", Shape::Leaf),
        ("source", Shape::Leaf),
    ],
};

static COMPARE: Schema = Schema {
    name: "[[compare]]",
    fields: &[
        ("id", Shape::Leaf),
        ("title", Shape::PerLanguage),
        ("options", Shape::TextList),
        ("sources", Shape::Leaf),
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
        ("id", Shape::Leaf),
        ("prompt", Shape::PerLanguage),
        ("keywords", Shape::PerLanguage),
        ("explanation", Shape::PerLanguage),
        ("source", Shape::Leaf),
        ("choice", Shape::Tables(&CHOICE)),
    ],
};

static CHOICE: Schema = Schema {
    name: "[[scenario.choice]]",
    fields: &[
        ("text", Shape::PerLanguage),
        ("correct", Shape::Leaf),
        ("why", Shape::PerLanguage),
    ],
};

static GLOSSARY_FILE: Schema = Schema {
    name: "the glossary file",
    fields: &[("term", Shape::Tables(&TERM))],
};

static TERM: Schema = Schema {
    name: "[[term]]",
    fields: &[("term", Shape::Leaf), ("aliases", Shape::Leaf)],
};

/// Reports every key of `doc` that the glossary format does not know.
pub fn check_unknown_glossary_keys(doc: &DeTable<'_>, reporter: &mut Reporter<'_>) {
    check_table(doc, &GLOSSARY_FILE, reporter);
}

/// Reports every key of `doc` that the topic-file format does not know.
pub fn check_unknown_keys(doc: &DeTable<'_>, reporter: &mut Reporter<'_>) {
    check_table(doc, &FILE, reporter);
}

fn check_table(table: &DeTable<'_>, schema: &Schema, reporter: &mut Reporter<'_>) {
    for (key, value) in table.iter() {
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
            Some((_, shape)) => check_value(value, shape, reporter),
        }
    }
}

fn check_value(value: &Spanned<DeValue<'_>>, shape: &Shape, reporter: &mut Reporter<'_>) {
    match (shape, value.get_ref()) {
        (Shape::PerLanguage, DeValue::Table(t)) => check_language_keys(t, reporter),
        (Shape::TextList, DeValue::Array(items)) => {
            for item in items.iter() {
                if let DeValue::Table(t) = item.get_ref() {
                    check_language_keys(t, reporter);
                }
            }
        }
        (Shape::Table(schema), DeValue::Table(t)) => check_table(t, schema, reporter),
        (Shape::Tables(schema), DeValue::Array(items)) => {
            for item in items.iter() {
                if let DeValue::Table(t) = item.get_ref() {
                    check_table(t, schema, reporter);
                }
            }
        }
        // Wrong types are reported by serde with their own message; nothing to walk here.
        _ => {}
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
