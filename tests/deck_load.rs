//! Loading a deck folder: files are read by the worker that checks them and large files are parsed one at
//! a time, and none of that may show. The result is the same as checking the files read up front, and the
//! diagnostics come out in file-name order whatever the threads did.

use std::fmt::Write as _;
use std::path::Path;

use recall::core::content::{self, Rule, SourceFile};
use recall::io::deck::{self, DeckLocation};

/// A valid topic `id` with `facts` facts of about 300 bytes each, plus `extra` appended verbatim.
fn topic(id: &str, facts: usize, extra: &str) -> String {
    let mut text =
        format!("[topic]\nid = \"{id}\"\ntitle = {{ en = \"Topic {id}\", ko = \"주제 {id}\" }}\n\n");
    for n in 0..facts {
        write!(
            text,
            "[[fact]]\nid = \"{id}-fact-{n}\"\n\
             prompt = {{ en = \"How long can one invocation of function {n} run?\", ko = \"함수 {n}의 호출 한 번은 얼마나 실행되나?\" }}\n\
             answer = {{ en = \"Up to 15 minutes\", ko = \"최대 15분\" }}\n\
             source = \"https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html\"\n\n"
        )
        .unwrap();
    }
    text + extra
}

/// A fact whose answer is empty: an error on that fact only; the topic still loads.
const EMPTY_ANSWER: &str =
    "[[fact]]\nid = \"broken\"\nprompt = \"Q?\"\nanswer = \"\"\nsource = \"https://docs.aws.amazon.com/\"\n";

/// A folder of small and large (over 1 MiB) files, with problems spread over them.
fn write_deck(dir: &Path) {
    let large = 4_000;
    std::fs::write(dir.join("a-not-utf8.toml"), b"[topic]\nid = \"\xff\"\n").unwrap();
    std::fs::write(dir.join("b-small.toml"), topic("small", 3, EMPTY_ANSWER)).unwrap();
    std::fs::write(dir.join("c-large.toml"), topic("large", large, "")).unwrap();
    std::fs::write(dir.join("d-large.toml"), topic("other", large, EMPTY_ANSWER)).unwrap();
    std::fs::write(dir.join("e-again.toml"), topic("small", 1, "")).unwrap();
    std::fs::write(dir.join("f-large.toml"), topic("third", large, "")).unwrap();
    // Not topic files: skipped without a word.
    std::fs::write(dir.join("NOTES.md"), "# my notes\n").unwrap();
    std::fs::create_dir(dir.join("old.toml")).unwrap();
    let size = std::fs::metadata(dir.join("c-large.toml")).unwrap().len();
    assert!(size > 1 << 20, "the large files must be large: {size} bytes");
}

#[test]
fn a_folder_loads_as_its_files_read_up_front_would() {
    let dir = tempfile::tempdir().unwrap();
    write_deck(dir.path());
    let lazy = deck::load(&DeckLocation::Dir(dir.path().to_path_buf())).unwrap();

    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let read: Vec<SourceFile> = names
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            Some(SourceFile {
                path: p.display().to_string(),
                text,
            })
        })
        .collect();
    let eager = content::load(&read);

    // The only difference: the file that is not UTF-8 is diagnosed by the folder loader, first as its name says.
    let (first, rest) = lazy.diagnostics.split_first().unwrap();
    assert!(first.path.ends_with("a-not-utf8.toml"), "{first:?}");
    assert_eq!(first.rule, Rule::Unreadable);
    assert_eq!(format!("{rest:?}"), format!("{:?}", eager.diagnostics));
    // Compared as text, and without printing thousands of facts when they differ.
    let topics = |deck: &content::Deck| format!("{:?}", deck.topics());
    assert!(topics(&lazy.deck) == topics(&eager.deck), "the decks differ");

    // Checked on one thread, the folder loads the same again.
    let one_thread = content::LoadOptions {
        one_thread: true,
        ..Default::default()
    };
    let alone = deck::load_with(&DeckLocation::Dir(dir.path().to_path_buf()), &one_thread).unwrap();
    assert_eq!(
        format!("{:?}", alone.diagnostics),
        format!("{:?}", lazy.diagnostics)
    );
    assert!(topics(&alone.deck) == topics(&lazy.deck), "the decks differ");
}

#[test]
fn diagnostics_follow_file_names_and_topics_survive_item_errors() {
    let dir = tempfile::tempdir().unwrap();
    write_deck(dir.path());
    let loaded = deck::load(&DeckLocation::Dir(dir.path().to_path_buf())).unwrap();

    let files: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| Path::new(&d.path).file_name().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(
        files,
        ["a-not-utf8.toml", "b-small.toml", "d-large.toml", "e-again.toml"],
        "{:#?}",
        loaded.diagnostics
    );
    let rules: Vec<Rule> = loaded.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(
        rules,
        [
            Rule::Unreadable,
            Rule::EmptyText,
            Rule::EmptyText,
            Rule::DuplicateId
        ]
    );

    let topics: Vec<(&str, usize)> = loaded
        .deck
        .topics()
        .iter()
        .map(|t| (t.id.as_str(), t.facts.len()))
        .collect();
    assert_eq!(
        topics,
        [("small", 3), ("large", 4_000), ("other", 4_000), ("third", 4_000)]
    );
}

#[test]
fn a_topic_keeps_no_spare_room_for_items_it_dropped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.toml"), topic("t", 40, EMPTY_ANSWER)).unwrap();
    let loaded = deck::load(&DeckLocation::Dir(dir.path().to_path_buf())).unwrap();
    let facts = &loaded.deck.topics()[0].facts;
    assert_eq!(facts.len(), 40);
    assert_eq!(facts.capacity(), facts.len());
}
