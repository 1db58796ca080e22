//! `recall export --format apkg`, checked against what Anki made of it: make_fixtures.py `verify-export`
//! imported recall's package (of the fixture collection's progress) into Anki 26.09 and recorded every
//! card (tests/fixtures/anki/recall-export-anki.json). The package built now must still carry exactly the
//! schedule Anki read then — interval, due date, reviews, review log — and the memory state Anki
//! computes from that review log. (After a deliberate change to scheduling, run the script again.)

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use serde_json::Value;

mod sandbox;

#[derive(Debug)]
struct Row {
    ctype: i64,
    due_at: Option<i64>,
    interval: i64,
    reps: i64,
    revlog: i64,
    memory: Option<(f64, f64)>,
}

/// The cards of an `.apkg` by note GUID, read with the same crates recall writes it with.
fn rows(package: &Path, scratch: &Path) -> HashMap<String, Row> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(package).unwrap()).unwrap();
    let mut bytes = Vec::new();
    zip.by_name("collection.anki21")
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    let db = scratch.join("c.anki21");
    std::fs::write(&db, bytes).unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let crt: i64 = conn.query_row("select crt from col", [], |r| r.get(0)).unwrap();
    let mut statement = conn
        .prepare(
            "select n.guid, c.type, c.due, c.ivl, c.reps, c.data, \
             (select count() from revlog r where r.cid = c.id) from cards c join notes n on n.id = c.nid",
        )
        .unwrap();
    statement
        .query_map([], |r| {
            let (ctype, due): (i64, i64) = (r.get(1)?, r.get(2)?);
            let data: String = r.get(5)?;
            let memory = serde_json::from_str::<Value>(&data)
                .ok()
                .and_then(|d| Some((d["s"].as_f64()?, d["d"].as_f64()?)));
            Ok((
                r.get::<_, String>(0)?,
                Row {
                    ctype,
                    due_at: (ctype != 0).then(|| {
                        if due > 1_000_000_000 {
                            due
                        } else {
                            crt + due * 86_400
                        }
                    }),
                    interval: r.get(3)?,
                    reps: r.get(4)?,
                    revlog: r.get(6)?,
                    memory,
                },
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn the_apkg_export_carries_the_schedule_anki_read_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let recall = || {
        let mut cmd = sandbox::recall_with_home(&dir.path().join("home"));
        cmd.current_dir(dir.path())
            .env("TZ", "UTC")
            .arg("--data-dir")
            .arg(dir.path().join("data"));
        cmd
    };
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/anki");
    recall()
        .args(["import", "anki"])
        .arg(fixtures.join("anki-current.apkg"))
        .args(["--output", "deck"])
        .assert()
        .success();
    recall()
        .args(["--content", "deck", "export", "--format", "apkg"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--output FILE.apkg"));
    recall()
        .args([
            "--content",
            "deck",
            "export",
            "--format",
            "apkg",
            "-o",
            "recall.apkg",
        ])
        .assert()
        .success();
    let package = rows(&dir.path().join("recall.apkg"), dir.path());
    let anki: Value =
        serde_json::from_str(&std::fs::read_to_string(fixtures.join("recall-export-anki.json")).unwrap())
            .unwrap();
    let cards = anki["cards_detail"].as_array().unwrap();
    assert_eq!(package.len(), cards.len(), "one note and card per fact");
    assert_eq!(anki["second_import_new_notes"], 0, "importing twice adds no note");
    let mut reviews = 0;
    for card in cards {
        let guid = card["guid"].as_str().unwrap();
        let mine = package.get(guid).unwrap_or_else(|| panic!("{guid} not exported"));
        assert_eq!(mine.ctype, card["type"].as_i64().unwrap(), "{guid}");
        assert_eq!(mine.interval, card["interval"].as_i64().unwrap(), "{guid}");
        assert_eq!(mine.due_at, card["due_at"].as_i64(), "{guid}");
        assert_eq!(mine.reps, card["reps"].as_i64().unwrap(), "{guid}");
        assert_eq!(mine.revlog, card["revlog"].as_i64().unwrap(), "{guid}");
        reviews += mine.revlog;
        match (&card["from_revlog"], mine.memory) {
            (Value::Null, None) => {}
            (anki, Some((s, d))) => {
                let rel = |a: f64, b: &Value| (a / b.as_f64().unwrap() - 1.0).abs();
                assert!(
                    rel(s, &anki["stability"]) < 0.01 && rel(d, &anki["difficulty"]) < 0.01,
                    "{guid}: recall wrote S {s} D {d}, Anki computes {anki} from the review log"
                );
            }
            (anki, mine) => panic!("{guid}: Anki {anki}, recall {mine:?}"),
        }
    }
    assert_eq!(reviews, anki["reviews"].as_i64().unwrap());
}
