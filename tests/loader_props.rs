//! The loader never panics: arbitrary bytes and arbitrary TOML documents always come back as diagnostics
//! (or a deck), never as a crash; and every diagnostic about a file's text says where in the file, with a
//! line and column inside it (`recall check` prints `path:line:col`).

use proptest::prelude::*;
use recall::core::content::{self, Diagnostic, SourceFile};
use recall::io::deck::decode;

/// Checks that `d`, about `text` (the file `fuzz.toml`), has a position inside the text: a line that exists
/// and a column at most one past that line's last char (an error at the end of a line or file).
fn positioned(d: &Diagnostic, text: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(&d.path, "fuzz.toml");
    let Some(p) = d.position else {
        return Err(TestCaseError::fail(format!("{d}: no line and column")));
    };
    let lines: Vec<&str> = text.split('\n').collect();
    prop_assert!(
        p.line >= 1 && p.line <= lines.len(),
        "{d}: line outside a {}-line file",
        lines.len()
    );
    let chars = lines[p.line - 1].chars().count();
    prop_assert!(
        p.col >= 1 && p.col <= chars + 1,
        "{d}: column past a {chars}-char line"
    );
    Ok(())
}

fn load_bytes(bytes: &[u8]) -> Result<(), TestCaseError> {
    match decode("fuzz.toml".into(), bytes) {
        Ok(file) => {
            let loaded = content::load(std::slice::from_ref(&file));
            for d in &loaded.diagnostics {
                positioned(d, &file.text)?;
            }
        }
        Err(d) => {
            // Not UTF-8: the position is where the valid text ends.
            let valid = match std::str::from_utf8(bytes) {
                Ok(_) => return Err(TestCaseError::fail("valid UTF-8 refused")),
                Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap(),
            };
            positioned(&d, valid)?;
        }
    }
    Ok(())
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
    fn arbitrary_bytes_never_panic_and_errors_have_positions(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load_bytes(&bytes)?;
    }

    #[test]
    fn arbitrary_toml_never_panics_and_errors_have_positions(doc in tomlish()) {
        let loaded = content::load(&[SourceFile { path: "fuzz.toml".into(), text: doc.clone() }]);
        for d in &loaded.diagnostics {
            positioned(d, &doc)?;
        }
    }
}
