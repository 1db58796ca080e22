//! The loader never panics: arbitrary bytes and arbitrary TOML documents always come back as diagnostics
//! (or a deck), never as a crash.

use proptest::prelude::*;
use recall::core::content::{self, SourceFile};
use recall::io::deck::decode;

fn load_bytes(bytes: &[u8]) -> usize {
    match decode("fuzz.toml".into(), bytes) {
        Ok(file) => {
            let loaded = content::load(&[file]);
            loaded.diagnostics.len() + loaded.deck.item_count()
        }
        Err(d) => {
            assert_eq!(d.path, "fuzz.toml");
            1
        }
    }
}

/// TOML-ish documents built from the format's own vocabulary, so the fuzzer reaches validation, not just
/// the parser.
fn tomlish() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "id",
        "title",
        "prompt",
        "answer",
        "body",
        "sources",
        "source",
        "keywords",
        "choice",
        "correct",
        "why",
        "options",
        "values",
        "attribute",
        "en",
        "ko",
        "order",
        "group",
        "x",
    ]);
    let value = prop::sample::select(vec![
        "\"a\"",
        "\"\"",
        "1",
        "true",
        "[\"https://a.b/c\"]",
        "{ en = \"x\" }",
        "{ en = \"x\", ko = \"y\" }",
        "\"\\u001b[2J\"",
        "[]",
        "[1, 2]",
        "\"https://docs.aws.amazon.com/\"",
        "{ fr = \"z\" }",
    ]);
    let header = prop::sample::select(vec![
        "[topic]",
        "[[section]]",
        "[[fact]]",
        "[[compare]]",
        "[[compare.row]]",
        "[[scenario]]",
        "[[scenario.choice]]",
        "[x]",
    ]);
    let line = prop_oneof![
        header.prop_map(str::to_string),
        (key, value).prop_map(|(k, v)| format!("{k} = {v}")),
    ];
    prop::collection::vec(line, 0..40).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load_bytes(&bytes);
    }

    #[test]
    fn arbitrary_toml_never_panics_and_errors_have_positions(doc in tomlish()) {
        let loaded = content::load(&[SourceFile { path: "fuzz.toml".into(), text: doc.clone() }]);
        let lines = doc.lines().count().max(1);
        for d in &loaded.diagnostics {
            if let Some(p) = d.position {
                prop_assert!(p.line >= 1 && p.line <= lines + 1, "{d} outside a {lines}-line file");
            }
        }
    }
}
