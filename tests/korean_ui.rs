//! No English reaches the Korean interface: every screen rendered in Korean, every status-line message the
//! catalogue can say, and the headless commands' text output are searched for Latin words that are not
//! AWS names (or other words the deck's Korean text itself uses), key names, commands or paths.

mod fixture_log;
mod sandbox;
mod screen;

use std::collections::BTreeSet;
use std::path::PathBuf;

use recall::io::deck::DeckSourceError;
use std::sync::Arc;

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use recall::core::content::{self, Deck, ItemKind, Lang};
use recall::core::progress::Stats;
use recall::core::quiz::{ExamOptions, ExamSession, QuizError, ResponseError, Shortfall};
use recall::core::search::{Field, searchable_texts};
use recall::core::srs::{Limits, SessionError};
use recall::io::deck::bundled_files;
use recall::text::{self, CheckCounts, Notice, WriteFailure, WriteProblem};
use recall::ui::app::{App, Effect};
use recall::ui::msg::{Action, Msg};
use recall::ui::shared::Setup;
use recall::ui::theme::Theme;
use recall::ui::view::view;
use screen::{assert_borders_intact, text_of};

fn now() -> Timestamp {
    "2026-11-26T12:00:00Z".parse().unwrap()
}

fn bundled() -> Arc<Deck> {
    Arc::new(content::load(&bundled_files().0).deck)
}

/// Key names, the program's name and the language switch's own label: Latin by design.
const INTERFACE_WORDS: &[&str] = &[
    "Enter", "Esc", "Space", "PgUp", "PgDn", "Home", "End", "Tab", "F1", "recall", "English", "FSRS", "AWS",
];

/// Latin words allowed in Korean text: the interface's own ([`INTERFACE_WORDS`]) and every Latin word the
/// deck's Korean text uses (AWS service names, API names, units), which the interface quotes.
fn allowed(deck: &Deck) -> BTreeSet<String> {
    let mut words: BTreeSet<String> = INTERFACE_WORDS.iter().map(|w| w.to_string()).collect();
    let mut add = |text: &str| words.extend(latin_words(text));
    for topic in deck.topics() {
        add(topic.title.get(Lang::Ko));
        if let Some(summary) = &topic.summary {
            add(summary.get(Lang::Ko));
        }
    }
    for (_, item) in deck.items() {
        for (_, text) in searchable_texts(item) {
            add(text.get(Lang::Ko));
        }
    }
    words
}

/// The strict list for the interface's own messages: key names and the like, and the deck's capitalised
/// Latin words (AWS names such as Lambda, DynamoDB, API), without the deck's ordinary lowercase words.
/// Topic ids (`recall topics` prints them) count as names too.
fn names(deck: &Deck) -> BTreeSet<String> {
    let mut names: BTreeSet<String> = allowed(deck)
        .into_iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_uppercase()))
        .collect();
    names.extend(INTERFACE_WORDS.iter().map(|w| w.to_string()));
    names.extend(deck.topics().iter().map(|t| t.id.clone()));
    names
}

/// The Latin words of `text` (two letters or more), skipping paths, flags, ids, quoted text and the
/// subcommand of a `recall …` command.
fn latin_words(text: &str) -> Vec<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let after_recall = |i: usize| i > 0 && tokens[i - 1] == "recall";
    tokens
        .iter()
        .enumerate()
        .filter(|&(i, token)| !token.contains(['/', '\\', '`', '@', '=', '.', '-']) && !after_recall(i))
        .map(|(_, token)| token)
        .flat_map(|token| {
            token
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 2)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Fails with the offending words and the text they are in.
fn assert_korean(what: &str, text: &str, allowed: &BTreeSet<String>) {
    // A word clipped at a column's edge ("Ru" of "Runtime") is still the deck's word.
    let english: Vec<String> = latin_words(text)
        .into_iter()
        .filter(|w| !allowed.contains(w) && !allowed.iter().any(|a| a.starts_with(w.as_str())))
        .collect();
    assert!(
        english.is_empty(),
        "{what}: English in the Korean interface: {english:?}\n{text}"
    );
}

fn app(deck: Arc<Deck>, limits: Limits) -> App {
    let mut app = App::new(Setup {
        theme: Theme::new(false),
        limits,
        ..Setup::new(deck, Lang::Ko, now())
    });
    app.update(Msg::SearchReady);
    app
}

/// The screen as text; wide Korean text must leave the borders where they are.
fn render(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    assert_borders_intact(terminal.backend().buffer());
    text_of(terminal.backend().buffer())
}

/// Types `text` into search, answering each search effect as the worker would.
fn type_search(app: &mut App, text: &str) {
    let index = recall::core::search::SearchIndex::new(Arc::clone(&app.shared().deck));
    for c in text.chars() {
        for effect in app.update(Msg::Input(c)) {
            if let Effect::Search(request) = effect {
                let hits = index.search_with(&request.query, &request.options);
                app.update(Msg::SearchResults {
                    generation: request.generation,
                    hits,
                });
            }
        }
    }
}

#[test]
fn every_korean_screen_is_korean() {
    use Action::*;
    let deck = bundled();
    let allowed = allowed(&deck);
    let screens: &[(&str, &[Action])] = &[
        ("home", &[]),
        ("browse-topics", &[Browse]),
        ("browse-notes", &[Down, Open]),
        ("browse-facts", &[Down, Open, Right]),
        ("browse-compare", &[Down, Down, Open, Right, Right]),
        ("browse-scenario", &[Down, Open, Left]),
        ("browse-scenario-answer", &[Down, Open, Left, Reveal]),
        ("help-home", &[Help]),
        ("help-study", &[Study, Help]),
        ("help-exam", &[Exam, Help]),
        ("search-empty", &[Search]),
        ("study-card", &[Study]),
        ("study-answer", &[Study, Reveal]),
        ("study-graded-undo-pending", &[Study, Reveal, Grade(3), Undo]),
        ("study-all", &[StudyAll, Reveal]),
        ("quiz", &[Quiz]),
        ("quiz-nothing-picked", &[Quiz, Submit]),
        ("quiz-answered", &[Quiz, Choose(1), Submit]),
        ("exam", &[Exam]),
        ("exam-flagged", &[Exam, Choose(2), Flag]),
        ("exam-review", &[Exam, Choose(2), Flag, Right, ReviewList]),
        ("exam-confirm", &[Exam, Choose(1), Submit]),
        ("exam-quit", &[Exam, Quit]),
        ("exam-result", &[Exam, Choose(1), Submit, Open]),
        ("stats", &[Stats]),
    ];
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        for (name, actions) in screens {
            let mut app = app(Arc::clone(&deck), Limits::default());
            for a in *actions {
                app.update(Msg::Action(*a));
            }
            assert_korean(&format!("{name} {w}x{h}"), &render(&app, w, h), &allowed);
        }
        let mut app = app(Arc::clone(&deck), Limits::default());
        assert_korean("too small", &render(&app, 36, 8), &allowed);
        app.update(Msg::Action(Search));
        type_search(&mut app, "lambda");
        assert_korean(&format!("search-results {w}x{h}"), &render(&app, w, h), &allowed);
    }
}

#[test]
fn the_study_summary_and_an_interrupted_exam_are_korean() {
    let deck = bundled();
    let allowed = allowed(&deck);
    // No new cards allowed and nothing due: study opens on its summary.
    let none = Limits {
        new_per_day: 0,
        reviews_per_day: 0,
    };
    let mut studied = app(Arc::clone(&deck), none);
    studied.update(Msg::Action(Action::Study));
    assert_korean("study summary", &render(&studied, 80, 24), &allowed);

    let mut resumed = with_interrupted_exam(&deck);
    assert_korean("home with an exam", &render(&resumed, 80, 24), &allowed);
    resumed.update(Msg::Action(Action::Exam));
    assert_korean("continue or discard", &render(&resumed, 80, 24), &allowed);
}

fn failures() -> Vec<WriteFailure> {
    let path = PathBuf::from("/home/learner/.local/share/recall/events-a.jsonl");
    [
        WriteProblem::ReadOnly,
        WriteProblem::DiskFull,
        WriteProblem::Exists,
        WriteProblem::Other,
    ]
    .map(|problem| WriteFailure {
        problem,
        path: path.clone(),
        detail: "cannot access the file: Is a directory (os error 21)".into(),
    })
    .into()
}

/// Every notice, error and shortfall the Korean catalogue can put on the status line or stderr.
fn korean_messages() -> Vec<String> {
    let ko = text::of(Lang::Ko);
    let mut notices: Vec<Notice> = failures()
        .into_iter()
        .flat_map(|f| {
            [
                Notice::NotSaved(f.clone()),
                Notice::LanguageNotSaved(f.clone()),
                Notice::ExamStartNotSaved(f.clone()),
                Notice::ExportFailed(f),
            ]
        })
        .collect();
    notices.extend([
        Notice::Exported(vec![
            PathBuf::from("/data/exports/recall-20261126-cards.csv"),
            PathBuf::from("/data/exports/recall-20261126-anki.txt"),
        ]),
        Notice::SkippedLogLines {
            path: PathBuf::from("/data/events-a.jsonl"),
            line: 12,
            torn: false,
            more: 2,
        },
        Notice::SkippedLogLines {
            path: PathBuf::from("/data/events-a.jsonl"),
            line: 40,
            torn: true,
            more: 0,
        },
        Notice::ExportNotMade("invalid data".into()),
        Notice::Shortfall(Shortfall {
            requested: 500,
            available: 222,
        }),
        Notice::StudyLocked { holder: Some(42) },
        Notice::StudyLocked { holder: None },
    ]);
    notices.extend(
        failures()
            .into_iter()
            .flat_map(|f| [Notice::StudyUnguarded(f.clone()), Notice::DeviceNotStored(f)]),
    );
    let session_errors = [
        SessionError::Finished,
        SessionError::NotRevealed,
        SessionError::WritePending,
        SessionError::NothingPending,
        SessionError::NothingToUndo,
    ];
    let quiz_errors = [
        QuizError::ZeroQuestions,
        QuizError::ZeroMinutes,
        QuizError::TooManyMinutes {
            minutes: 2000,
            max: 1440,
        },
        QuizError::UnknownTopic {
            topic: "nope".into(),
            known: vec!["lambda".into()],
        },
        QuizError::NoScenarios {
            scope: "the deck".into(),
        },
        QuizError::NoQuestions {
            scope: "topic `lambda`".into(),
        },
        QuizError::Response(ResponseError::OutOfRange { index: 7, count: 4 }),
        QuizError::Response(ResponseError::TooMany { choose: 2, given: 3 }),
        QuizError::Response(ResponseError::Empty),
        QuizError::AlreadyAnswered,
        QuizError::QuizOver,
        QuizError::ExamSubmitted,
        QuizError::TimeUp,
        QuizError::ExamNotFound {
            exam: "exam-1".into(),
        },
        QuizError::ExamAlreadyFinished {
            exam: "exam-1".into(),
        },
        QuizError::ExamChanged {
            exam: "exam-1".into(),
            missing: vec!["lambda/gone".into()],
        },
    ];
    let mut out: Vec<String> = notices.iter().map(|n| ko.notice(n)).collect();
    out.extend(session_errors.iter().map(|e| ko.session_error(e)));
    out.extend(quiz_errors.iter().map(|e| ko.quiz_error(e)));
    out
}

#[test]
fn every_status_message_is_korean() {
    let deck = bundled();
    let allowed = names(&deck);
    let messages = korean_messages();
    for message in &messages {
        assert_korean("message", message, &allowed);
    }
    // And through the app's status line, where a notice is said in the language of the moment.
    let mut app = app(deck, Limits::default());
    app.update(Msg::Notice(Notice::NotSaved(failures().remove(1))));
    let status = app.status().unwrap().to_string();
    assert!(
        status.starts_with("저장되지 않음: 디스크가 가득 찼습니다"),
        "{status}"
    );
    assert_korean("status line", &render(&app, 80, 24), &allowed);
}

#[test]
fn the_korean_terms_and_intervals_are_korean() {
    let deck = bundled();
    let allowed = names(&deck);
    let ko = text::of(Lang::Ko);
    let kinds = [
        ItemKind::Section,
        ItemKind::Fact,
        ItemKind::Compare,
        ItemKind::Scenario,
    ];
    let mut words: Vec<String> = kinds.iter().map(|k| ko.kind(*k).to_string()).collect();
    words.extend(Field::EACH_KIND.iter().map(|f| ko.field(*f).to_string()));
    for secs in [0, 60, 5400, 86_400 * 9, 86_400 * 64, 86_400 * 548] {
        let wait = ko.wait(jiff::SignedDuration::from_secs(secs));
        // Units are single letters in English (`10m`, `9d`), too short for the word check.
        assert!(!wait.contains(|c: char| c.is_ascii_alphabetic()), "{wait}");
        words.push(wait);
    }
    assert_korean("terms", &words.join(" "), &allowed);
}

#[test]
fn the_headless_text_output_is_korean() {
    let deck = fixture_log::deck();
    let bundled = bundled();
    let allowed = names(&bundled);
    let stats = Stats::compute(
        &deck,
        &fixture_log::progress(),
        fixture_log::scheduler().clock(),
        fixture_log::now(),
    );
    let mut out = Vec::new();
    recall::cli::stats::write_text(&stats, &deck, Lang::Ko, &mut out).unwrap();
    let empty = Stats::compute(
        &deck,
        &recall::core::progress::Progress::new(),
        fixture_log::scheduler().clock(),
        fixture_log::now(),
    );
    recall::cli::stats::write_text(&empty, &deck, Lang::Ko, &mut out).unwrap();
    let topics = recall::cli::list::listed_topics(&bundled, Lang::Ko);
    recall::cli::list::write_topics_text(&topics, Lang::Ko, &mut out).unwrap();
    // `recall list` quotes the deck, so its check allows the deck's words; the labels are ours.
    let mut listed = Vec::new();
    let items = recall::cli::list::listed_items(&bundled, None, Lang::Ko);
    recall::cli::list::write_text(&items, Lang::Ko, &mut listed).unwrap();
    let listed = String::from_utf8(listed).unwrap();
    assert!(
        listed.contains("[요점]") && listed.contains("  출처: "),
        "{listed}"
    );
    assert_korean("recall list", &listed, &self::allowed(&bundled));
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("통계") && text.contains("비교표"), "{text}");
    let ko = text::of(Lang::Ko);
    let counts = CheckCounts {
        topics: 8,
        items: 334,
        errors: 0,
        warnings: 1,
        strict: true,
    };
    let lines = [
        text,
        ko.check_summary(true, "the bundled deck", counts),
        ko.check_summary(false, "the bundled deck", counts),
        ko.wrote(&PathBuf::from("/tmp/cards.csv")),
        ko.optimized(
            640,
            120,
            &PathBuf::from("/home/learner/.config/recall/config.toml"),
        ),
        ko.no_match("zz"),
        ko.error_prefix().to_string(),
        ko.warning_prefix().to_string(),
        ko.needs_terminal(),
        ko.file_exists(&PathBuf::from("/tmp/cards.csv")),
        ko.too_few_reviews(0, 64),
        ko.deck_invalid(3),
        ko.deck_source_error(&DeckSourceError::NotFound {
            path: PathBuf::from("/decks/aws"),
        }),
        ko.deck_source_error(&DeckSourceError::NotADirectory {
            path: PathBuf::from("/decks/aws.toml"),
        }),
        ko.deck_source_error(&DeckSourceError::Empty {
            path: PathBuf::from("/decks/aws"),
        }),
        ko.deck_source_error(&DeckSourceError::Unreadable {
            path: PathBuf::from("/decks/aws"),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        }),
        ko.log_warning(&recall::io::log::LogWarning {
            path: PathBuf::from("/data/events-a.jsonl"),
            line: 3,
            kind: recall::io::log::WarningKind::Corrupt,
            detail: "expected value at line 1 column 1".into(),
        }),
    ];
    for line in &lines {
        assert_korean("headless output", line, &allowed);
    }
}

#[test]
fn the_check_finds_english_words_and_allows_names_keys_and_paths() {
    let allowed = names(&bundled());
    let english = latin_words("nothing to undo")
        .into_iter()
        .filter(|w| !allowed.contains(w))
        .count();
    assert_eq!(english, 3);
    assert_korean(
        "allowed",
        "AWS Lambda 함수 · Enter: 제출 · 저장됨 — /data/recall/events.jsonl · recall study --cram",
        &allowed,
    );
}

/// Runs the binary headless in `dir` with `--lang ko`, its data, home and XDG folders all inside `dir`
/// (through `tests/sandbox`);
/// returns stdout and stderr together.
fn recall_ko(dir: &std::path::Path, args: &[&str]) -> String {
    let output = sandbox::recall_with_home(&dir.join("home"))
        .current_dir(dir)
        .args(["--lang", "ko", "--data-dir"])
        .arg(dir.join("data"))
        .args(args)
        .output()
        .unwrap();
    let mut said = String::from_utf8(output.stdout).unwrap();
    said.push_str(&String::from_utf8(output.stderr).unwrap());
    said
}

/// English that must not reach a Korean learner: phrases the commands said before they were Korean.
const ENGLISH_PHRASES: &[&str] = &[
    "error:",
    "warning:",
    "hint:",
    "cannot ",
    "invalid",
    "unknown",
    "must be",
    "expected",
    "Wrote",
    "skipped",
    "dropped",
    "no notes",
    "field(s)",
    "is not",
    "argument",
    "cannot be used",
    "not supported",
    "out of range",
    "older than",
    "treats warnings",
    "directory",
    "studying",
    "schema version",
];

/// Korean, and none of the English phrases.
fn assert_said_in_korean(what: &str, said: &str) {
    assert!(
        said.chars().any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c)),
        "{what}: no Hangul in {said:?}"
    );
    for phrase in ENGLISH_PHRASES {
        assert!(!said.contains(phrase), "{what}: English {phrase:?} in {said}");
    }
}

#[test]
fn recall_import_anki_speaks_korean() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    write("one.txt", b"front only\n");
    write("empty.txt", b"");
    write("bin.txt", b"a\0b\tc\n");
    write("sep.txt", b"#separator:Slash\na/b\n");
    write("media.txt", b"q [sound:a.mp3]\tanswer\n\tno front\n");
    write("pkg.apkg", b"PK\x03\x04 not really a zip");
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "one field",
            &["import", "anki", "one.txt"],
            "1번째 줄: 필드가 1개뿐입니다",
        ),
        (
            "no notes",
            &["import", "anki", "empty.txt"],
            "가져올 노트가 없습니다",
        ),
        ("binary", &["import", "anki", "bin.txt"], "텍스트 파일이 아닙니다"),
        (
            "separator",
            &["import", "anki", "sep.txt"],
            "알 수 없는 구분자입니다",
        ),
        (
            "no file",
            &["import", "anki", "nofile.txt"],
            "파일이 없습니다 — nofile.txt",
        ),
        (
            "not a package",
            &["import", "anki", "pkg.apkg"],
            "Anki 패키지가 아닙니다",
        ),
        (
            "bad source",
            &["import", "anki", "media.txt", "--source", "notaurl"],
            "올바른 주소가 아닙니다",
        ),
        (
            "imported",
            &["import", "anki", "media.txt"],
            "저장했습니다: media.toml (주제 `media`, 요점 1개)",
        ),
        ("exists", &["import", "anki", "media.txt"], "파일이 이미 있습니다"),
    ];
    for (what, args, expected) in cases {
        let said = recall_ko(dir.path(), args);
        assert!(said.contains(expected), "{what}: {said}");
        assert_said_in_korean(what, &said);
    }
    // The warnings of the successful import, with the Korean prefix.
    std::fs::remove_file(dir.path().join("media.toml")).unwrap();
    let said = recall_ko(dir.path(), &["import", "anki", "media.txt"]);
    assert!(said.contains("recall: 경고: 미디어 참조 1개"), "{said}");
    assert!(
        said.contains("recall: 경고: 앞면이나 뒷면이 비어 있는 노트 1개"),
        "{said}"
    );
}

#[test]
fn config_toml_errors_are_korean_with_korean_hints() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let cases = [
        (
            "new_per_day = \"lots\"",
            "정수를 써야 하는 자리에 문자열 \"lots\"",
        ),
        (
            "desired_retention = 1.5",
            "desired_retention은 0.7–0.99 사이여야 합니다(입력값 1.5)",
        ),
        ("theme = \"dark\"", "알 수 없는 테마입니다: `dark`"),
        ("languag = \"ko\"", "알 수 없는 설정입니다: `languag`"),
        (
            "day_starts_at = 25",
            "day_starts_at은(는) 0–23 사이의 정수여야 합니다(입력값 25)",
        ),
        ("language = \"kr\"", "알 수 없는 언어입니다: `kr`"),
        (
            "[keys]\nfoo = \"x\"",
            "[keys]에 알 수 없는 동작이 있습니다: `foo`",
        ),
        (
            "[keys]\nundo = \"alt+u\"",
            "alt+와 shift+ 조합은 지원하지 않습니다",
        ),
        ("[keys]\nundo = \"x\"\nflag = \"x\"", "이미 `undo`의 키입니다"),
        (
            "fsrs_parameters = [1.0, 2.0]",
            "FSRS 매개변수가 올바르지 않습니다(값 2개)",
        ),
        ("theme = ", "값이 비어 있거나 따옴표로 감싸지 않았습니다"),
    ];
    for (config, expected) in cases {
        std::fs::write(data.join("config.toml"), config).unwrap();
        let said = recall_ko(dir.path(), &["stats"]);
        assert!(said.contains(expected), "{config}: {said}");
        assert!(said.contains("config.toml:"), "the position stays: {said}");
        assert_said_in_korean(config, &said);
    }
    std::fs::write(data.join("config.toml"), b"theme = \"\xff\"").unwrap();
    assert_said_in_korean("not UTF-8", &recall_ko(dir.path(), &["stats"]));
}

#[test]
fn recall_check_diagnostics_are_korean() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("deck");
    std::fs::create_dir(&deck).unwrap();
    std::fs::write(
        deck.join("t.toml"),
        r#"[topic]
id = "t"
title = "T"
colour = "red"

[[fact]]
id = "a"
prompt = "What?"
answer = "This."
source = "https://example.com/"

[[fact]]
id = "a"
prompt = ""
answer = "That."
source = "notaurl"
"#,
    )
    .unwrap();
    let content = deck.to_str().unwrap();
    let said = recall_ko(dir.path(), &["--content", content, "check"]);
    for expected in [
        "t.toml:4:1: 오류: 알 수 없는 필드입니다: `colour`",
        "[unknown-field]",
        "중복된 id입니다: `a`",
        "텍스트가 비어 있습니다",
        "올바르지 않은 출처 URL입니다",
        "= 도움말: ",
        "실패 — ",
    ] {
        assert!(said.contains(expected), "{expected}: {said}");
    }
    // The rule names in brackets are identifiers, not English prose.
    assert_said_in_korean("check", &prose_of(&said));
    // A deck with errors, used by another command, lists them in Korean too.
    let said = recall_ko(dir.path(), &["--content", content, "list"]);
    assert!(said.contains("덱에 오류가 4개 있습니다"), "{said}");
    assert_said_in_korean("list", &prose_of(&said));

    // --strict on the stale warning: the warning, its hint and the strict line, all Korean.
    let said = recall_ko(dir.path(), &["check", "--strict", "--stale", "0"]);
    assert!(
        said.contains(": 경고: ") && said.contains("(엄격 모드)"),
        "{said}"
    );
    assert!(!said.contains("오류: 경고"), "the summary says it once: {said}");
    assert_said_in_korean("strict", &prose_of(&said));
}

/// `said` without the `[rule]` names.
fn prose_of(said: &str) -> String {
    said.lines()
        .map(|l| l.split(" [").next().unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn clap_s_usage_errors_are_korean() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["quiz", "-n", "5", "-n", "6"],
            "--questions <COUNT>은(는) 한 번만 쓸 수 있습니다.",
        ),
        (&["stats", "extra"], "필요 없는 인자입니다: 'extra'"),
        (
            &["stuyd"],
            "알 수 없는 명령입니다: 'stuyd' (비슷한 명령: 'study')",
        ),
        (&["--bogus"], "알 수 없는 옵션입니다: '--bogus'"),
        (&["search"], "필수 인자가 없습니다: <QUERY>"),
        (
            &["quiz", "-n", "abc"],
            "--questions <COUNT>의 값 형식이 올바르지 않습니다: 'abc'",
        ),
        (
            &["list", "--format", "xml"],
            "--format <FORMAT>에 쓸 수 없는 값입니다: 'xml'",
        ),
        (&["quiz", "--topic"], "--topic <TOPIC>에는 값이 필요합니다."),
    ];
    for (args, expected) in cases {
        let said = recall_ko(dir.path(), args);
        assert!(said.contains(expected), "{args:?}: {said}");
        assert_said_in_korean(&format!("{args:?}"), &said);
    }
    // What was typed is still shown escaped, never raw.
    let said = recall_ko(dir.path(), &["stats", "\u{1b}]0;x\u{7}"]);
    assert!(said.contains("\\u{1b}") && !said.contains('\u{1b}'), "{said:?}");
}

#[test]
fn export_and_data_folder_errors_are_korean() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("nonexistent/dir/x.csv");
    let said = recall_ko(
        dir.path(),
        &["export", "--format", "csv", "-o", out.to_str().unwrap()],
    );
    assert!(said.contains("폴더가 없어 저장할 수 없습니다 — "), "{said}");
    assert_said_in_korean("export", &said);

    // A data folder that is a file.
    let file = dir.path().join("afile");
    std::fs::write(&file, "").unwrap();
    let output = sandbox::recall_with_home(&dir.path().join("home"))
        .args(["--lang", "ko", "--data-dir"])
        .arg(&file)
        .arg("stats")
        .output()
        .unwrap();
    let said = String::from_utf8(output.stderr).unwrap();
    assert!(said.contains("데이터 폴더 경로가 폴더가 아님"), "{said}");
    assert_said_in_korean("not a folder", &said);

    // A log line from a newer recall.
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("events-zz.jsonl"),
        r#"{"v":99,"id":"x","at":"2026-01-01T00:00:00Z","kind":"future"}"#.to_string() + "\n",
    )
    .unwrap();
    let said = recall_ko(dir.path(), &["stats"]);
    assert!(said.contains("스키마 버전 99로 기록되었지만"), "{said}");
    assert_said_in_korean("future schema", &said);
}

/// The screen after `actions`, in Korean at `w`×`h`.
fn screen_after(actions: &[Action], limits: Limits, w: u16, h: u16) -> String {
    let mut app = app(bundled(), limits);
    for a in actions {
        app.update(Msg::Action(*a));
    }
    render(&app, w, h)
}

#[test]
fn one_korean_term_per_concept_on_the_screens() {
    use Action::*;
    let limits = Limits::default();
    // K82: "show answer" is 정답 보기 everywhere (Anki ko), never the bare 답 보기.
    let study = screen_after(&[Study], limits, 80, 24);
    assert!(study.contains("Space: 정답 보기"), "{study}");
    assert!(!study.replace("정답 보기", "").contains("답 보기"), "{study}");
    // K81, K98: help has the room the footer lacks.
    let help = screen_after(&[Study, Reveal, Help], limits, 80, 40);
    assert!(help.contains("추천대로 평가 (▸)"), "{help}");
    let help = screen_after(&[Exam, Help], limits, 80, 40);
    assert!(help.contains("검토 목록"), "{help}");
    // K86: confirmations in ‑시겠습니까.
    let quit = screen_after(&[Exam, Quit], limits, 80, 24);
    assert!(quit.contains("recall을 종료하시겠습니까?"), "{quit}");
    // K83: 기억률 on the stats screen, never 유지율.
    let stats = screen_after(&[Stats], limits, 80, 24);
    assert!(!stats.contains("유지율") && !stats.contains("성숙한"), "{stats}");
}

#[test]
fn a_discarded_exam_is_called_given_up_not_interrupted() {
    let deck = bundled();
    let mut app = with_interrupted_exam(&deck);
    app.update(Msg::Action(Action::Exam));
    let screen = render(&app, 80, 24);
    // K86, K87: 중단 names the exam that can be continued; throwing it away is 포기.
    assert!(screen.contains("어떻게 하시겠습니까?"), "{screen}");
    assert!(
        screen.contains("이 모의고사는 포기하고 새로 시작 (포기로 기록됨)"),
        "{screen}"
    );
    assert!(!screen.contains("버리고"), "{screen}");
}

#[test]
fn a_study_session_with_nothing_to_study_does_not_say_finished() {
    // K09: nothing due and no new card allowed: nothing was studied, so nothing "finished".
    let none = Limits {
        new_per_day: 0,
        reviews_per_day: 0,
    };
    let screen = screen_after(&[Action::Study], none, 80, 24);
    assert!(screen.contains("┌ 학습 ─"), "{screen}");
    assert!(screen.contains("지금 학습할 카드가 없습니다."), "{screen}");
    for wrong in [
        "학습 완료",
        "더 없습니다",
        "카드 0장 · 복습 0회",
        "다시 0 · 어려움 0",
    ] {
        assert!(!screen.contains(wrong), "{wrong}: {screen}");
    }
}

#[test]
fn the_korean_exam_footer_keeps_submit_at_60_columns() {
    // K91: the exam's own keys come before help, so the way to finish is always on screen.
    let screen = screen_after(&[Action::Exam], Limits::default(), 60, 15);
    let footer = screen.lines().last().unwrap();
    for key in ["1-", "f 검토 표시", "r 목록", "S 제출"] {
        assert!(footer.contains(key), "{key}: {footer:?}");
    }
}

#[test]
fn cut_box_titles_end_with_an_ellipsis() {
    // K90: a box title that does not fit ends in `…` instead of stopping mid-word.
    let screen = screen_after(&[], Limits::default(), 44, 15);
    let title = screen
        .lines()
        .find(|l| l.contains("┌ 주제"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(title.trim_end().ends_with("…┐"), "{title}");
    // At 60 columns the shorter wording fits whole (K90's proposal).
    let screen = screen_after(&[], Limits::default(), 60, 15);
    assert!(screen.contains("(일일 한도 공통)"), "{screen}");
    let search = screen_after(&[Action::Search], Limits::default(), 60, 15);
    assert!(
        search.contains("노트·요점·비교표·시나리오 전체에서 찾습니다"),
        "{search}"
    );
}

#[test]
fn the_grade_line_never_cuts_an_interval() {
    // K89: at any width an interval is shown whole (`1.3개월`) or not at all, never `1.3개`.
    let units = ["미만", "분", "시간", "일", "개월", "년"];
    for w in [40u16, 44, 48, 52, 56, 60, 80] {
        let screen = screen_after(&[Action::Study, Action::Reveal], Limits::default(), w, 15);
        let line = screen
            .lines()
            .find(|l| l.contains("1 다시"))
            .unwrap_or_else(|| panic!("{w}: {screen}"));
        assert!(!line.contains('…'), "{w}: {line:?}");
        // What follows a grade's name is its interval, whole, or the next grade's key.
        let tokens: Vec<&str> = line.split_whitespace().collect();
        for pair in tokens.windows(2) {
            if ["다시", "어려움", "알맞음", "쉬움"].contains(&pair[0]) {
                let next = pair[1].trim_start_matches('▸');
                let is_key = next.len() == 1 && next.chars().all(|c| c.is_ascii_digit());
                let unit = next.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
                assert!(
                    is_key || (next != unit && units.contains(&unit)),
                    "{w}: a cut interval {next:?} in {line:?}"
                );
            }
        }
        let last = tokens.last().copied().unwrap_or_default();
        let unit = last.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        assert!(
            last == "쉬움" || (last != unit && units.contains(&unit)),
            "{w}: ends {last:?}: {line:?}"
        );
    }
}

#[test]
fn study_and_quiz_word_choosing_the_same_way() {
    // K79: the study's scenario cards had their own formula wording; both now say what the quiz says.
    let ko = text::of(Lang::Ko);
    let (study, quiz) = (ko.study(), ko.quiz());
    assert_eq!((study.pick_first)(1, "1–4 / a–d"), "먼저 답을 고르세요.");
    assert_eq!((study.pick_first)(3, "1–5 / a–e"), "먼저 답을 3개 고르세요.");
    assert_eq!(
        (study.choose)("1–4 / a–d"),
        "번호(1–4)나 글자(a–d)로 고른 뒤 Enter를 눌러 답하세요."
    );
    assert_eq!(
        (quiz.pick_first)(2, "1–4 / a–d"),
        (study.pick_first)(2, "1–4 / a–d")
    );
    assert_eq!((quiz.choose)("1–4 / a–d"), (study.choose)("1–4 / a–d"));
    // K80: a rating is 평가, as on the key label; 채점 is the exam's word.
    assert_eq!(
        ko.session_error(&SessionError::NothingToUndo),
        "실행 취소할 평가가 없습니다."
    );
    assert_eq!(
        ko.session_error(&SessionError::NotRevealed),
        "평가하기 전에 정답을 먼저 확인하세요."
    );
}

#[test]
fn headless_korean_wording_of_the_second_review() {
    let ko = text::of(Lang::Ko);
    // K92: 문제 is a question everywhere else; a deck has 오류.
    assert_eq!(
        ko.deck_invalid(3),
        "덱에 오류가 3개 있습니다. 자세한 내용은 `recall check`로 확인하세요."
    );
    // K95: 최적화, as Anki ko says it.
    let optimized = ko.optimized(1068, 220, &PathBuf::from("/d/config.toml"));
    assert!(
        optimized.starts_with("복습 1068회(카드 220장)로 FSRS 매개변수를 최적화했습니다."),
        "{optimized}"
    );
    assert!(
        ko.too_few_reviews(0, 64)
            .starts_with("FSRS 매개변수를 최적화하기에는 복습 기록이 부족합니다")
    );
    // K96: one colon, not two.
    let counts = CheckCounts {
        topics: 8,
        items: 418,
        errors: 0,
        warnings: 0,
        strict: false,
    };
    assert_eq!(
        ko.check_summary(true, "the bundled deck", counts),
        "통과 — 내장 덱: 주제 8개, 항목 418개, 오류 0개, 경고 0개"
    );
    // K94: full sentences end with a period.
    assert!(ko.csv_only().ends_with('.'));
    // K97: written register, and what to do.
    let locked = ko.notice(&Notice::StudyLocked { holder: Some(32576) });
    assert!(
        locked.contains("그 recall에서 학습을 마치거나 종료한 뒤 다시 시도하세요."),
        "{locked}"
    );
    assert!(!locked.contains("그쪽"), "{locked}");
}

/// Home with a five-question exam waiting to be continued.
fn with_interrupted_exam(deck: &Arc<Deck>) -> App {
    let options = ExamOptions {
        questions: 5,
        minutes: 10,
        topic: None,
        seed: 7,
    };
    let (exam, _) = ExamSession::start(deck, &options, now()).unwrap();
    let mut home = app(Arc::clone(deck), Limits::default());
    home.set_resumable(Some(exam));
    home
}
