//! The deck glossary (`glossary.toml`, issue 12): its checks, with `path:line:col`, and the bundled one's
//! coverage of the Korean names and abbreviations learners type.

mod sandbox;

use std::sync::Arc;

use predicates::prelude::*;
use recall::core::content::{self, Rule, SourceFile, glossary_file};
use recall::core::search::SearchIndex;
use recall::io::deck::{self, DeckLocation};

const TOPIC: &str = r#"[topic]
id = "t"
title = "T"

[[fact]]
id = "f"
prompt = "What is the maximum size of one DynamoDB item?"
answer = "400 KB"
source = "https://example.com/f"
"#;

/// Every problem at once; each line is commented with what it breaks.
const BAD: &str = "[[term]]
term = \"DynamoDB\"
aliases = [\"DDB\", \"ddb\", \"  \"]
colour = \"blue\"

[[term]]
aliases = [\"x\"]

[[term]]
term = \"Cognito\"
aliases = []

[[term]]
term = \"Lambda\"
aliases = [\"람다\\u001b[31m\", \"DDB\"]
";

fn load(glossary: &str) -> content::Loaded {
    content::load(&[
        SourceFile {
            path: "t.toml".into(),
            text: TOPIC.into(),
        },
        SourceFile {
            path: "deck/glossary.toml".into(),
            text: glossary.into(),
        },
    ])
}

#[test]
fn every_problem_is_reported_with_its_position() {
    let loaded = load(BAD);
    let found: Vec<(String, Rule)> = loaded
        .diagnostics
        .iter()
        .map(|d| {
            let at = d
                .position
                .map_or(String::new(), |p| format!("{}:{}", p.line, p.col));
            (at, d.rule)
        })
        .collect();
    let expected = [
        ("4:1", Rule::UnknownField),
        ("3:19", Rule::DuplicateAlias),
        ("3:26", Rule::EmptyText),
        ("6:1", Rule::MissingField),
        ("11:11", Rule::EmptyText),
        ("15:12", Rule::ControlCharacter),
        ("15:28", Rule::DuplicateAlias),
    ];
    for (at, rule) in expected {
        assert!(
            found.iter().any(|(a, r)| a == at && *r == rule),
            "{rule:?} at {at} missing from {found:?}"
        );
    }
    assert_eq!(found.len(), expected.len(), "{found:?}");
    assert!(loaded.diagnostics.iter().all(|d| d.path == "deck/glossary.toml"));
}

/// A glossary of one term, `Lambda`, with `n` aliases `alias0`, `alias1`, … on line 3.
fn with_aliases(n: usize) -> String {
    let aliases: Vec<String> = (0..n).map(|i| format!("\"alias{i}\"")).collect();
    format!(
        "[[term]]\nterm = \"Lambda\"\naliases = [{}]\n",
        aliases.join(", ")
    )
}

#[test]
fn a_term_has_a_bounded_number_of_aliases() {
    let at_most = load(&with_aliases(glossary_file::MAX_ALIASES));
    assert!(at_most.diagnostics.is_empty(), "{:?}", at_most.diagnostics);
    assert_eq!(at_most.deck.glossary().terms().len(), 1);

    // The hostile glossary of issue 23 had 100,000; one over the bound is refused the same way.
    for n in [glossary_file::MAX_ALIASES + 1, 100_000] {
        let loaded = load(&with_aliases(n));
        let found: Vec<_> = loaded
            .diagnostics
            .iter()
            .map(|d| (d.path.as_str(), d.position.map(|p| (p.line, p.col)), d.rule))
            .collect();
        assert_eq!(
            found,
            [("deck/glossary.toml", Some((3, 11)), Rule::TooManyAliases)],
            "{n} aliases"
        );
        assert!(loaded.diagnostics[0].message.contains(&format!("{n} aliases")));
        assert!(loaded.deck.glossary().is_empty(), "the term is left out");
    }
}

#[test]
fn recall_check_refuses_a_term_with_too_many_aliases() {
    let (dir, file) = deck_with_glossary(&with_aliases(1_000));
    check(&dir).code(1).stderr(
        predicate::str::contains(format!(
            "{}:3:11: error: 1000 aliases; a term has at most 32",
            file.display()
        ))
        .and(predicate::str::contains("[too-many-aliases]")),
    );
}

#[test]
fn a_valid_glossary_expands_search() {
    let loaded = load("[[term]]\nterm = \"DynamoDB\"\naliases = [\"다이나모디비\", \"DDB\"]\n");
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let index = SearchIndex::new(Arc::new(loaded.deck));
    for query in ["다이나모디비", "ddb item size", "DynamoDB"] {
        assert_eq!(index.search(query, 5).len(), 1, "{query}");
    }
    let without = SearchIndex::new(Arc::new(load("").deck));
    assert!(without.search("다이나모디비", 5).is_empty());
}

#[test]
fn recall_check_prints_glossary_diagnostics() {
    let (dir, file) = deck_with_glossary(BAD);
    check(&dir).code(1).stderr(
        predicate::str::contains(format!("{}:3:19: error: ", file.display()))
            .and(predicate::str::contains("[duplicate-alias]")),
    );
}

#[test]
fn the_bundled_glossary_has_the_names_learners_type() {
    let loaded = deck::load(&DeckLocation::Bundled).unwrap();
    let glossary = loaded.deck.glossary();
    let spellings: Vec<String> = glossary
        .terms()
        .iter()
        .flat_map(|t| t.spellings().map(str::to_lowercase))
        .collect();
    let wanted = [
        "람다",
        "다이나모db",
        "다이나모디비",
        "코그니토",
        "클라우드프론트",
        "스텝 펑션",
        "스텝 함수",
        "api 게이트웨이",
        "람다엣지",
        "ddb",
        "apigw",
        "l@e",
        "cff",
        "pitr",
        "dax",
        "ttl",
        "gsi",
        "lsi",
        "esm",
        "sfn",
    ];
    for name in wanted {
        assert!(
            spellings.iter().any(|s| s == name),
            "{name} is not in the glossary"
        );
    }
    // Every term is named by the deck: a glossary of names the deck does not use would be noise.
    let index = SearchIndex::new(Arc::new(loaded.deck.clone()));
    for term in glossary.terms() {
        assert!(
            !index.search(&term.term, 1).is_empty(),
            "{} is not in the deck",
            term.term
        );
    }
}

/// A deck folder of one small topic and `glossary`, and the glossary's path.
fn deck_with_glossary(glossary: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.toml"), TOPIC).unwrap();
    let file = dir.path().join("glossary.toml");
    std::fs::write(&file, glossary).unwrap();
    (dir, file)
}

/// `recall check` run on the deck folder `dir`.
fn check(dir: &tempfile::TempDir) -> assert_cmd::assert::Assert {
    sandbox::recall()
        .args(["check", "--content"])
        .arg(dir.path())
        .assert()
}
