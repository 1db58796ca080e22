//! Exports of the fixture log: golden files (insta) of every format, and proofs that each parses back the
//! way its reader will read it — the CSV with the csv crate, the JSON against its documented schema, the
//! Anki file the way Anki's importer reads it (tab-separated, `#` lines as headers/comments, quoted fields).

mod common;
mod fixture_log;

use recall::core::content::{Lang, SourceFile};
use recall::core::progress::export::anki::{self, HEADER};
use recall::core::progress::export::json::deck_version;
use recall::core::progress::export::tables::{EXAM_COLUMNS, REVIEW_COLUMNS};
use recall::core::progress::export::{CARD_COLUMNS, ExportError, ExportFormat, ExportWhat, export};
use recall::core::progress::{Progress, replay};
use serde_json::Value;

fn exported(format: ExportFormat, what: ExportWhat, lang: Lang) -> String {
    let (deck, events, scheduler) = (
        fixture_log::deck(),
        fixture_log::events(),
        fixture_log::scheduler(),
    );
    let progress = replay(events.clone(), &scheduler);
    let input = fixture_log::input(&deck, &progress, &events, &scheduler, lang);
    String::from_utf8(export(&input, format, what).unwrap()).unwrap()
}

#[test]
fn golden_files_of_every_format() {
    use ExportFormat::*;
    use ExportWhat::*;
    for (name, format, what, lang) in [
        ("cards-csv", Csv, Cards, Lang::En),
        ("cards-csv-ko", Csv, Cards, Lang::Ko),
        ("export-json", Json, Cards, Lang::En),
        ("anki-tsv", Anki, Cards, Lang::En),
        ("reviews-csv", Csv, Reviews, Lang::En),
        ("exams-csv", Csv, Exams, Lang::En),
    ] {
        insta::assert_snapshot!(name, exported(format, what, lang));
    }
}

/// A card row as a CSV reader sees it, by header name.
#[derive(Debug, serde::Deserialize)]
struct ParsedCard {
    id: String,
    topic: String,
    kind: String,
    prompt: String,
    state: String,
    due: Option<jiff::Timestamp>,
    stability: Option<f64>,
    difficulty: Option<f64>,
    retrievability: Option<f64>,
    reviews: usize,
    lapses: u32,
    last_review: Option<jiff::Timestamp>,
}

#[test]
fn the_card_csv_parses_back_with_the_csv_crate() {
    let text = exported(ExportFormat::Csv, ExportWhat::Cards, Lang::En);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        &csv::StringRecord::from(CARD_COLUMNS.to_vec())
    );
    let rows: Vec<ParsedCard> = reader.deserialize().collect::<Result<_, _>>().unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "basics/lambda-max-timeout",
            "basics/pitr-window",
            "basics/mobile-saml"
        ]
    );
    let [a, b, c] = &rows[..] else { panic!("{rows:?}") };
    assert_eq!((a.topic.as_str(), a.kind.as_str()), ("basics", "fact"));
    assert_eq!(c.kind, "scenario");
    assert!(c.prompt.starts_with("A mobile app with hundreds of users"));
    // A: five reviews (one cram), never lapsed. B: lapsed once on 05-03 and is relearning. C: lapsed once.
    assert_eq!((a.state.as_str(), a.reviews, a.lapses), ("review", 5, 0));
    assert_eq!((b.state.as_str(), b.reviews, b.lapses), ("relearning", 3, 1));
    assert_eq!((c.reviews, c.lapses), (4, 1));
    assert_eq!(b.last_review, Some(common::ts("2025-05-03T08:00:00Z")));
    assert_eq!(
        b.due,
        Some(common::ts("2025-05-03T08:10:00Z")),
        "relearning step of 10 minutes"
    );
    for r in &rows {
        let p = r.retrievability.unwrap();
        assert!((0.0..=1.0).contains(&p), "{r:?}");
        assert!(r.stability.unwrap() > 0.0 && (1.0..=10.0).contains(&r.difficulty.unwrap()));
    }
}

#[test]
fn awkward_text_survives_the_csv_and_the_anki_file() {
    let prompt = "# Starts with a hash, has \"quotes\", commas\nand a second line";
    let text = format!(
        "[topic]\nid = \"t\"\ntitle = \"T\"\n\n[[fact]]\nid = \"f\"\nprompt = '''{prompt}'''\n\
         answer = \"<b>not html</b>\"\nsource = \"https://example.com/x\"\n"
    );
    let loaded = recall::core::content::load(&[SourceFile {
        path: "t.toml".into(),
        text,
    }]);
    let deck = loaded.into_deck(false).unwrap().0;
    let scheduler = fixture_log::scheduler();
    let progress = Progress::new();
    let input = fixture_log::input(&deck, &progress, &[], &scheduler, Lang::En);
    let csv_bytes = export(&input, ExportFormat::Csv, ExportWhat::Cards).unwrap();
    let rows: Vec<ParsedCard> = csv::Reader::from_reader(&csv_bytes[..])
        .deserialize()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows[0].prompt, prompt);
    assert_eq!((rows[0].state.as_str(), rows[0].due), ("new", None));
    let notes = anki_records(&export(&input, ExportFormat::Anki, ExportWhat::Cards).unwrap());
    assert_eq!(
        notes.len(),
        1,
        "a field starting with # must not be read as a comment"
    );
    assert_eq!(&notes[0][0], prompt);
    assert_eq!(&notes[0][1], "<b>not html</b>");
}

/// Reads an Anki file the way Anki's CSV importer does (rslib import_export/text/csv).
fn anki_records(bytes: &[u8]) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .delimiter(b'\t')
        .from_reader(bytes)
        .records()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn the_anki_file_has_the_headers_tags_and_stable_guids() {
    let en = exported(ExportFormat::Anki, ExportWhat::Cards, Lang::En);
    let lines: Vec<&str> = en.lines().take(HEADER.len()).collect();
    assert_eq!(lines, HEADER);
    for required in [
        "#separator:tab",
        "#html:false",
        "#tags column:3",
        "#guid column:4",
    ] {
        assert!(lines.contains(&required), "{required}");
    }
    let notes = anki_records(en.as_bytes());
    assert_eq!(notes.len(), 3);
    for note in &notes {
        assert_eq!(note.len(), 4, "{note:?}");
        assert_eq!(&note[2], "recall::basics");
    }
    assert_eq!(&notes[0][0], "Maximum run time of one Lambda invocation?");
    assert_eq!(&notes[0][1], "15 minutes (900 seconds)");
    // The choices are shuffled as Browse shows them; the back names the right one by its letter on the front.
    let right = notes[2][0]
        .lines()
        .find(|l| l.ends_with(". Amazon Cognito user pools"))
        .expect("the right choice is on the front");
    assert!(
        notes[2][1].starts_with(&format!("{right}\n\n")),
        "{:?}",
        &notes[2][1]
    );
    // Re-importing (even in the other language) matches every note by GUID: one per card, never new ones.
    let ko = exported(ExportFormat::Anki, ExportWhat::Cards, Lang::Ko);
    let guids = |text: &str| -> Vec<String> {
        anki_records(text.as_bytes())
            .iter()
            .map(|r| r[3].to_string())
            .collect()
    };
    assert_eq!(guids(&en), guids(&ko));
    assert_eq!(guids(&en)[0], anki::guid("basics/lambda-max-timeout"));
    let mut distinct = guids(&en);
    distinct.dedup();
    assert_eq!(distinct.len(), 3);
    assert_ne!(
        anki_records(ko.as_bytes())[0][0],
        notes[0][0],
        "text follows the language"
    );
}

#[test]
fn the_review_and_exam_csvs_parse_back() {
    let reviews = exported(ExportFormat::Csv, ExportWhat::Reviews, Lang::En);
    let mut reader = csv::Reader::from_reader(reviews.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        &csv::StringRecord::from(REVIEW_COLUMNS.to_vec())
    );
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
    // 16 review lines, one duplicate, one undone.
    assert_eq!(rows.len(), 12);
    assert!(
        rows.iter().all(|r| &r[0] != "fx-15"),
        "the undone review is left out"
    );
    let cram: Vec<&str> = rows.iter().filter(|r| &r[7] == "true").map(|r| &r[0]).collect();
    assert_eq!(cram, ["fx-14"]);
    assert_eq!((&rows[0][4], &rows[0][5], &rows[0][8]), ("easy", "4", "new"));

    let exams = exported(ExportFormat::Csv, ExportWhat::Exams, Lang::En);
    let mut reader = csv::Reader::from_reader(exams.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        &csv::StringRecord::from(EXAM_COLUMNS.to_vec())
    );
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
    let summary: Vec<(&str, &str, &str)> = rows.iter().map(|r| (&r[0], &r[5], &r[6])).collect();
    assert_eq!(
        summary,
        [
            ("exam-1", "550", "false"),
            ("exam-2", "775", "true"),
            ("exam-3", "", "")
        ]
    );
}

fn assert_type(value: &Value, path: &str, check: fn(&Value) -> bool, what: &str) {
    let found = value.pointer(path).unwrap_or_else(|| panic!("missing {path}"));
    assert!(check(found), "{path} should be {what}, is {found}");
}

fn is_timestamp(v: &Value) -> bool {
    v.as_str().is_some_and(|s| s.parse::<jiff::Timestamp>().is_ok())
}

fn is_timestamp_or_null(v: &Value) -> bool {
    v.is_null() || is_timestamp(v)
}

fn is_number_or_null(v: &Value) -> bool {
    v.is_null() || v.is_number()
}

/// The schema README documents ("The JSON export"): required fields and their types.
#[test]
fn the_json_export_matches_its_documented_schema() {
    let doc: Value =
        serde_json::from_str(&exported(ExportFormat::Json, ExportWhat::Cards, Lang::En)).unwrap();
    assert_eq!(doc["format"], "recall-export");
    assert_eq!(doc["version"], 1);
    assert_type(&doc, "/exported_at", is_timestamp, "a timestamp");
    assert_eq!(doc["lang"], "en");
    let version = doc["deck"]["version"].as_str().unwrap();
    assert!(
        version.starts_with("fnv1a64:") && version.len() == 24,
        "{version}"
    );
    assert_eq!(
        (doc["deck"]["topics"].as_u64(), doc["deck"]["items"].as_u64()),
        (Some(1), Some(5))
    );
    assert_eq!(doc["deck"]["cards"], 3);
    assert_type(&doc, "/settings/desired_retention", Value::is_number, "a number");
    assert_type(&doc, "/settings/day_starts_at", Value::is_u64, "an integer");
    assert_type(
        &doc,
        "/settings/time_zone",
        |v| v.is_string() || v.is_null(),
        "a string or null",
    );

    let cards = doc["cards"].as_array().unwrap();
    assert_eq!(cards.len(), 3);
    for i in 0..cards.len() {
        let at = |field: &str| format!("/cards/{i}/{field}");
        for field in ["id", "topic", "kind", "prompt", "state"] {
            assert_type(&doc, &at(field), Value::is_string, "a string");
        }
        for field in ["due", "last_review"] {
            assert_type(&doc, &at(field), is_timestamp_or_null, "a timestamp or null");
        }
        for field in ["stability", "difficulty", "retrievability"] {
            assert_type(&doc, &at(field), is_number_or_null, "a number or null");
        }
        for field in ["reviews", "lapses", "step", "scheduled_days", "reps", "answers"] {
            assert_type(&doc, &at(field), Value::is_u64, "an integer");
        }
        assert_type(&doc, &at("in_deck"), Value::is_boolean, "a boolean");
    }

    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 21, "22 lines, one duplicated");
    let logged: Vec<Value> = std::fs::read_to_string(fixture_log::log_dir().join("events-fixture.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events[..], logged[..21], "exactly as logged, in time order");

    let exams = doc["exams"].as_array().unwrap();
    let ids: Vec<&str> = exams.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["exam-1", "exam-2", "exam-3"]);
    for i in 0..exams.len() {
        let at = |field: &str| format!("/exams/{i}/{field}");
        assert_type(
            &doc,
            &at("started_at"),
            is_timestamp_or_null,
            "a timestamp or null",
        );
        assert_type(&doc, &at("questions"), Value::is_array, "an array");
        assert_type(&doc, &at("answers"), Value::is_array, "an array");
        assert_type(
            &doc,
            &at("result"),
            |v| v.is_null() || v.is_object(),
            "an object or null",
        );
    }
    assert_eq!(exams[0]["answers"][0]["chosen"], serde_json::json!([1]));
    assert_eq!(exams[1]["result"]["passed"], true);
    assert_eq!(exams[1]["result"]["scaled"], 775);
    assert!(exams[2]["result"].is_null());
}

#[test]
fn the_deck_version_follows_the_content() {
    let a = common::deck(&[("a", 2)]);
    assert_eq!(deck_version(&a), deck_version(&common::deck(&[("a", 2)])));
    assert_ne!(deck_version(&a), deck_version(&common::deck(&[("a", 3)])));
    assert_ne!(deck_version(&a), deck_version(&common::deck(&[("b", 2)])));
}

#[test]
fn reviews_and_exams_are_csv_only() {
    let (deck, scheduler, progress) = (fixture_log::deck(), fixture_log::scheduler(), Progress::new());
    let input = fixture_log::input(&deck, &progress, &[], &scheduler, Lang::En);
    for format in [ExportFormat::Json, ExportFormat::Anki] {
        for what in [ExportWhat::Reviews, ExportWhat::Exams] {
            let err = export(&input, format, what).unwrap_err();
            assert!(matches!(err, ExportError::Unsupported { .. }), "{err}");
        }
    }
    // With nothing logged, the CSVs still carry their header.
    let empty = export(&input, ExportFormat::Csv, ExportWhat::Reviews).unwrap();
    assert_eq!(
        String::from_utf8(empty).unwrap(),
        format!("{}\n", REVIEW_COLUMNS.join(","))
    );
}

/// Every cell of `csv`, parsed back as a spreadsheet would read it.
fn cells(csv: &[u8]) -> Vec<String> {
    csv::Reader::from_reader(csv)
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

#[test]
fn ids_from_a_synced_log_cannot_carry_a_formula_into_a_csv() {
    use recall::core::progress::{Event, EventKind, Rating};
    let (deck, scheduler) = (fixture_log::deck(), fixture_log::scheduler());
    let at = common::ts("2025-05-01T10:00:00Z");
    let formulas = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1"];
    let mut events = Vec::new();
    for (i, f) in formulas.iter().enumerate() {
        let review = EventKind::Review {
            card: f.to_string(),
            rating: Rating::Good,
            duration_ms: 1,
            cram: false,
        };
        events.push(Event::new(format!("{f}{i}"), at, review));
        let started = EventKind::ExamStarted {
            exam: f.to_string(),
            seed: 1,
            questions: vec![],
            time_limit_s: 60,
        };
        events.push(Event::new(format!("s{i}"), at, started));
    }
    let progress = replay(events.clone(), &scheduler);
    let input = fixture_log::input(&deck, &progress, &events, &scheduler, Lang::En);
    for what in [ExportWhat::Cards, ExportWhat::Reviews, ExportWhat::Exams] {
        let all = cells(&export(&input, ExportFormat::Csv, what).unwrap());
        for cell in &all {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{what:?}: {cell:?} would be a formula"
            );
        }
        let quoted = formulas.iter().filter(|f| all.contains(&format!("'{f}"))).count();
        assert_eq!(quoted, formulas.len(), "{what:?}: every id is kept, after a '");
    }
    // JSON readers get the ids as they are.
    let json = export(&input, ExportFormat::Json, ExportWhat::Cards).unwrap();
    let value: Value = serde_json::from_slice(&json).unwrap();
    let ids: Vec<&str> = value["cards"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert!(ids.contains(&"=HYPERLINK(\"http://x\")"), "{ids:?}");
}

#[test]
fn a_deck_prompt_cannot_start_a_formula_in_the_card_csv() {
    let text = "[topic]\nid = \"t\"\ntitle = \"T\"\n\n[[fact]]\nid = \"f\"\nprompt = \"=1+1 is what?\"\n\
                answer = \"2\"\nsource = \"https://example.com/x\"\n";
    let loaded = recall::core::content::load(&[SourceFile {
        path: "t.toml".into(),
        text: text.into(),
    }]);
    let deck = loaded.into_deck(false).unwrap().0;
    let scheduler = fixture_log::scheduler();
    let progress = Progress::new();
    let input = fixture_log::input(&deck, &progress, &[], &scheduler, Lang::En);
    let all = cells(&export(&input, ExportFormat::Csv, ExportWhat::Cards).unwrap());
    assert!(all.contains(&"'=1+1 is what?".to_string()), "{all:?}");
}

#[test]
fn an_abandoned_exam_the_log_does_not_know_is_no_exam() {
    use recall::core::progress::{Event, EventKind};
    let (deck, scheduler) = (fixture_log::deck(), fixture_log::scheduler());
    let mut events = fixture_log::events();
    let before = replay(events.clone(), &scheduler).exams().count();
    let abandoned = EventKind::ExamAbandoned {
        exam: "exam-nobody-started".into(),
    };
    events.push(Event::new("ab-1", common::ts("2025-05-03T12:00:00Z"), abandoned));
    let progress = replay(events.clone(), &scheduler);
    assert_eq!(progress.exams().count(), before, "no phantom exam");
    let input = fixture_log::input(&deck, &progress, &events, &scheduler, Lang::En);
    let csv = String::from_utf8(export(&input, ExportFormat::Csv, ExportWhat::Exams).unwrap()).unwrap();
    assert!(!csv.contains("exam-nobody-started"), "{csv}");
    let json = export(&input, ExportFormat::Json, ExportWhat::Cards).unwrap();
    let value: Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(value["exams"].as_array().unwrap().len(), before);
    // Abandoning a known exam still counts, whichever line comes first.
    let known = progress.exams().next().unwrap().id.clone();
    let mut events = vec![Event::new(
        "ab-0",
        common::ts("2024-01-01T00:00:00Z"),
        EventKind::ExamAbandoned { exam: known.clone() },
    )];
    events.extend(fixture_log::events());
    let progress = replay(events, &scheduler);
    let record = progress.exams().find(|e| e.id == known).unwrap();
    assert!(record.abandoned.is_some());
    // An exam whose start line was lost still shows, known by its answers or by its result.
    let at = common::ts("2025-05-03T12:00:00Z");
    let lost_start = [
        Event::new(
            "a-1",
            at,
            EventKind::ExamAnswer {
                exam: "only-answered".into(),
                question: 0,
                chosen: vec![1],
                flagged: false,
                elapsed_ms: Some(1000),
            },
        ),
        Event::new(
            "f-1",
            at,
            EventKind::ExamFinished {
                exam: "only-finished".into(),
                correct: 1,
                total: 2,
                scaled: 550,
                used_s: 60,
                timed_out: false,
            },
        ),
    ];
    let progress = replay(lost_start, &scheduler);
    let ids: Vec<&str> = progress.exams().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["only-answered", "only-finished"]);
}
