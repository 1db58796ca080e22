//! Small decks written as TOML in the tests, the bundled deck, fixed timestamps and event logs.

use std::sync::OnceLock;

use jiff::Timestamp;
use recall::core::content::{self, Deck, Lang, Severity, SourceFile, Text};
use recall::core::progress::{Event, EventKind, SCHEMA_VERSION};

/// Loads topic files given as (file name, TOML); fails the test on any validation error.
pub fn load(files: Vec<(String, String)>) -> Deck {
    let files: Vec<SourceFile> = files
        .into_iter()
        .map(|(path, text)| SourceFile { path, text })
        .collect();
    let loaded = content::load(&files);
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{d:?}"))
        .collect();
    assert!(errors.is_empty(), "test deck is invalid: {errors:#?}");
    loaded.deck
}

/// The deck shipped in the binary, loaded once.
pub fn bundled() -> &'static Deck {
    static DECK: OnceLock<Deck> = OnceLock::new();
    DECK.get_or_init(|| {
        let (files, problems) = recall::io::deck::bundled_files();
        assert!(problems.is_empty(), "{problems:?}");
        let deck = content::load(&files).deck;
        assert!(!deck.topics().is_empty(), "the bundled deck is empty");
        deck
    })
}

/// A `[topic]` header.
pub fn topic(id: &str, order: i64) -> String {
    format!(
        "[topic]\nid = \"{id}\"\ntitle = {{ en = \"Topic {id}\", ko = \"주제 {id}\" }}\norder = {order}\n\n"
    )
}

/// A scenario with `choices` options of which those at `correct` are right.
pub fn scenario(id: &str, choices: usize, correct: &[usize]) -> String {
    let mut s = format!(
        "[[scenario]]\nid = \"{id}\"\nprompt = {{ en = \"Question {id}: which is right?\", ko = \"질문 {id}: 무엇이 맞습니까?\" }}\n\
         keywords = {{ en = [\"which is right\"], ko = [\"무엇이 맞습니까\"] }}\n\
         explanation = {{ en = \"Explanation {id}.\", ko = \"설명 {id}.\" }}\nsource = \"https://example.com/{id}\"\n\n"
    );
    for c in 0..choices {
        s += &format!(
            "[[scenario.choice]]\ntext = {{ en = \"{id} option {c}\", ko = \"{id} 선택지 {c}\" }}\ncorrect = {}\n\
             why = {{ en = \"Why {id} {c}.\", ko = \"이유 {id} {c}.\" }}\n\n",
            correct.contains(&c)
        );
    }
    s
}

/// A fact with an answer and an optional group.
pub fn fact(id: &str, answer: &str, group: Option<&str>) -> String {
    let group = group.map(|g| format!("group = \"{g}\"\n")).unwrap_or_default();
    format!(
        "[[fact]]\nid = \"{id}\"\nprompt = {{ en = \"Prompt of {id}?\", ko = \"{id}의 질문?\" }}\nanswer = \"{answer}\"\n\
         detail = {{ en = \"Detail of {id}.\", ko = \"{id} 설명.\" }}\n{group}source = \"https://example.com/{id}\"\n\n"
    )
}

/// A deck of topics `(id, scenario count)`; every third scenario is a "choose two" of five options.
pub fn scenario_deck(topics: &[(&str, usize)]) -> Deck {
    load(
        topics
            .iter()
            .enumerate()
            .map(|(order, &(id, count))| {
                let mut text = topic(id, order as i64);
                for n in 0..count {
                    text += &if n % 3 == 2 {
                        scenario(&format!("s{n}"), 5, &[1, 3])
                    } else {
                        scenario(&format!("s{n}"), 4, &[n % 4])
                    };
                }
                (format!("{id}.toml"), text)
            })
            .collect(),
    )
}

/// A fixed instant, `s` seconds after 2025-01-01T00:00:00Z.
pub fn at(s: i64) -> Timestamp {
    Timestamp::from_second(1_735_689_600 + s).unwrap()
}

/// Events as the log would hold them: ids `dev-0`, `dev-1`…, each at its timestamp.
pub fn log(events: Vec<(Timestamp, EventKind)>) -> Vec<Event> {
    events
        .into_iter()
        .enumerate()
        .map(|(n, (at, kind))| Event {
            v: SCHEMA_VERSION,
            id: format!("dev-{n}"),
            at,
            kind,
        })
        .collect()
}

/// Comparison key of a text in one language, as the generator and validator compare them.
pub fn key(text: &Text, lang: Lang) -> String {
    text.get(lang)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
