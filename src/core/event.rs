//! The progress log's vocabulary: one [`Event`] per line of `events-<device>.jsonl`.
//!
//! Events are facts about the past and are never rewritten: a grade, an undo of a grade, a quiz answer, an
//! exam's start, answers and end. All state (FSRS memory, due dates, stats, exam history) is derived by
//! replaying them in time order. The format is a public, documented interface (README, "Your data"); add
//! fields only as optional, and bump [`SCHEMA_VERSION`] for anything an older recall could misread.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The schema version this build writes and the newest it reads.
pub const SCHEMA_VERSION: u32 = 1;

/// One line of the progress log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Schema version of this line.
    pub v: u32,
    /// Unique id; a duplicate id counts once on replay. recall writes
    /// `<device>-<unix-nanos>-<process>-<counter>`, so ids of one running recall sort in writing order; any
    /// unique string is accepted.
    pub id: String,
    /// When it happened (UTC).
    pub at: Timestamp,
    /// What happened.
    #[serde(flatten)]
    pub kind: EventKind,
}

impl Event {
    /// An event of the current [`SCHEMA_VERSION`].
    pub fn new(id: impl Into<String>, at: Timestamp, kind: EventKind) -> Event {
        Event {
            v: SCHEMA_VERSION,
            id: id.into(),
            at,
            kind,
        }
    }
}

impl Event {
    /// Parses one log line. A review line (most of a log) is read field by field into its place; any other
    /// line, or a review line that does not read that way, goes through the general path, whose result and
    /// errors are the reference: the quick path only ever gives what the general one would.
    pub fn from_json_line(line: &[u8]) -> serde_json::Result<Event> {
        if let Some(event) = written_review(line) {
            return Ok(event);
        }
        if let Ok(review) = serde_json::from_slice::<ReviewLine<'_>>(line)
            && review.kind == "review"
        {
            return Ok(Event {
                v: review.v,
                id: review.id,
                at: review.at,
                kind: EventKind::Review {
                    card: review.card,
                    rating: review.rating,
                    duration_ms: review.duration_ms,
                    cram: review.cram,
                },
            });
        }
        serde_json::from_slice(line)
    }

    /// Every id the event names: its own, and the cards, exam and undone event it refers to.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        // No collection is built: every line of the log is checked through this on reading.
        let (referred, questions): (&str, &[String]) = match &self.kind {
            EventKind::Review { card, .. }
            | EventKind::Answer { card, .. }
            | EventKind::Reschedule { card, .. }
            | EventKind::Reset { card } => (card, &[]),
            EventKind::Undo { target } => (target, &[]),
            EventKind::ExamStarted { exam, questions, .. } => (exam, questions),
            EventKind::ExamAnswer { exam, .. }
            | EventKind::ExamFinished { exam, .. }
            | EventKind::ExamAbandoned { exam } => (exam, &[]),
        };
        [self.id.as_str(), referred]
            .into_iter()
            .chain(questions.iter().map(String::as_str))
    }
}

/// A review line byte for byte as recall writes it (`serde_json::to_writer` of an [`Event`]: fields in
/// declaration order, no spaces, `cram` only when true), read without a JSON parser; `None` for anything
/// else, even a valid line, which [`Event::from_json_line`] then gives to serde. Parsing a log was most of
/// `recall stats` on 100,000 events, and almost all of its lines look exactly like this.
///
/// It accepts only what serde reads the same way: numbers without sign, fraction, exponent or leading
/// zero that fit their type; strings without an escape or a control character (serde would unescape them
/// or refuse them) that are valid UTF-8; the timestamp through the parser serde uses for it; nothing before
/// `{` or after `}`.
fn written_review(line: &[u8]) -> Option<Event> {
    let mut r = Written(line);
    r.tag(b"{\"v\":")?;
    let v = u32::try_from(r.number()?).ok()?;
    r.tag(b",\"id\":")?;
    let id = r.string()?;
    r.tag(b",\"at\":")?;
    let at: Timestamp = r.string()?.parse().ok()?;
    r.tag(b",\"type\":\"review\",\"card\":")?;
    let card = r.string()?;
    r.tag(b",\"rating\":")?;
    let rating = match r.string()? {
        "again" => Rating::Again,
        "hard" => Rating::Hard,
        "good" => Rating::Good,
        "easy" => Rating::Easy,
        _ => return None,
    };
    let duration_ms = match r.tag(b",\"duration_ms\":") {
        Some(()) => r.number()?,
        None => 0,
    };
    let cram = r.tag(b",\"cram\":true").is_some();
    r.tag(b"}")?;
    r.0.is_empty().then(|| Event {
        v,
        id: id.to_string(),
        at,
        kind: EventKind::Review {
            card: card.to_string(),
            rating,
            duration_ms,
            cram,
        },
    })
}

/// The rest of a line [`written_review`] reads.
struct Written<'a>(&'a [u8]);

impl<'a> Written<'a> {
    /// Steps over `tag` if the rest starts with it.
    fn tag(&mut self, tag: &[u8]) -> Option<()> {
        self.0 = self.0.strip_prefix(tag)?;
        Some(())
    }

    /// A JSON number that is a whole `u64` written plainly (`0`, or digits not starting with `0`).
    fn number(&mut self) -> Option<u64> {
        let digits = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        let (number, rest) = self.0.split_at(digits);
        // (A fraction or an exponent, which makes it a float to serde, is left unread: no tag that can
        // follow a number starts with `.` or `e`.)
        if number.is_empty() || (number[0] == b'0' && digits > 1) {
            return None;
        }
        self.0 = rest;
        number
            .iter()
            .try_fold(0u64, |n, d| n.checked_mul(10)?.checked_add(u64::from(d - b'0')))
    }

    /// A JSON string with nothing to unescape: its text.
    fn string(&mut self) -> Option<&'a str> {
        let rest = self.0.strip_prefix(b"\"")?;
        let end = rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
        if rest[end] != b'"' {
            return None;
        }
        self.0 = &rest[end + 1..];
        std::str::from_utf8(&rest[..end]).ok()
    }
}

/// A review line's fields, flat: what [`Event::from_json_line`] reads a review from without serde's
/// flattened, internally tagged path (which buffers every field of every line; it was a third of
/// `recall stats` on 100,000 events).
#[derive(Deserialize)]
struct ReviewLine<'a> {
    v: u32,
    id: String,
    at: Timestamp,
    #[serde(rename = "type", borrow)]
    kind: &'a str,
    card: String,
    rating: Rating,
    #[serde(default)]
    duration_ms: u64,
    #[serde(default)]
    cram: bool,
}

/// A flashcard grade, as in Anki: 1 Again, 2 Hard, 3 Good, 4 Easy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    /// Forgotten.
    Again,
    /// Remembered with difficulty.
    Hard,
    /// Remembered.
    Good,
    /// Remembered effortlessly.
    Easy,
}

impl Rating {
    /// All ratings, in button order.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The FSRS rating number (1–4).
    pub fn number(self) -> u32 {
        match self {
            Rating::Again => 1,
            Rating::Hard => 2,
            Rating::Good => 3,
            Rating::Easy => 4,
        }
    }

    /// The rating for an FSRS number (1–4).
    pub fn from_number(n: u32) -> Option<Rating> {
        Rating::ALL.get((n as usize).checked_sub(1)?).copied()
    }
}

/// An FSRS memory state written into the log (by an import that knows it from another program).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MemoryState {
    /// Days until recall probability falls to 90%.
    pub stability: f32,
    /// Difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f32,
}

/// Where a scenario answer was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerMode {
    /// Practice quiz: feedback after each question.
    Quiz,
    /// Mock exam: feedback only after submission.
    Exam,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// A flashcard was graded in a study session.
    Review {
        /// Global card id (`topic/item`).
        card: String,
        /// The grade.
        rating: Rating,
        /// Milliseconds from showing the card to grading it.
        #[serde(default)]
        duration_ms: u64,
        /// A cram review (`recall study --cram`): kept for the record, but it does not change the schedule.
        /// Written only when true.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        cram: bool,
    },
    /// A card's next review was moved without a grade (Anki's "Set due date", or its rescheduling of cards
    /// when settings change, brought in by `recall import anki`): the card is in review and due at `due`.
    /// Its memory is kept, unless `memory` gives one; then the card counts as last reviewed now (Anki's
    /// estimate for a card whose history starts mid-way). An older recall skips this line with a warning.
    Reschedule {
        /// Global card id (`topic/item`).
        card: String,
        /// When the card is due next.
        due: jiff::Timestamp,
        /// The memory state the card takes on; absent = unchanged.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        memory: Option<MemoryState>,
    },
    /// A card was made new again (Anki's "Reset"/"Forget"): memory and due date are gone, and its next
    /// review starts it from scratch; review and lapse counts stay. An older recall skips this line with a
    /// warning.
    Reset {
        /// Global card id (`topic/item`).
        card: String,
    },
    /// A previous event (a review, or a quiz answer) is taken back: replay ignores its target.
    Undo {
        /// The id of the event it cancels.
        target: String,
    },
    /// A question was answered in a quiz or an exam.
    Answer {
        /// Global id of the scenario or of the item a generated question came from.
        card: String,
        /// Whether the answer was right.
        correct: bool,
        /// Quiz or exam.
        mode: AnswerMode,
    },
    /// A mock exam began.
    ExamStarted {
        /// Exam id (unique per exam).
        exam: String,
        /// RNG seed used to draw and shuffle the questions.
        seed: u64,
        /// Global ids of the questions, in exam order.
        questions: Vec<String>,
        /// Time allowed, in seconds.
        time_limit_s: u64,
    },
    /// The learner's current answer to one exam question changed (kept so an exam can be resumed).
    ExamAnswer {
        /// Exam id.
        exam: String,
        /// Question position (0-based).
        question: usize,
        /// Chosen options, as indices into the question's displayed choices.
        chosen: Vec<usize>,
        /// Whether the question is flagged for review.
        #[serde(default)]
        flagged: bool,
        /// Exam time used when the change was made, in milliseconds, counting only while the exam was open;
        /// a resumed exam continues from the latest value. Absent in logs written before it existed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        elapsed_ms: Option<u64>,
    },
    /// An interrupted exam was thrown away: it is closed without a score and can no longer be resumed.
    ExamAbandoned {
        /// Exam id.
        exam: String,
    },
    /// A mock exam was submitted (by the learner or when time ran out).
    ExamFinished {
        /// Exam id.
        exam: String,
        /// Questions answered right.
        correct: usize,
        /// Questions in the exam.
        total: usize,
        /// Scaled score (100–1000).
        scaled: u32,
        /// Seconds used.
        used_s: u64,
        /// Whether time ran out.
        #[serde(default)]
        timed_out: bool,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A log line built from some of the fields a line can have, in any order, with values right or wrong,
    /// maybe twice, maybe with fields of other kinds of event: the general path decides what it means.
    fn line() -> impl Strategy<Value = String> {
        let field = prop_oneof![
            Just(r#""v":1"#.to_string()),
            Just(r#""v":2"#.to_string()),
            Just(r#""v":"1""#.to_string()),
            Just(r#""id":"e-1""#.to_string()),
            Just(r#""id":"e\u0031""#.to_string()),
            Just(r#""at":"2026-11-26T12:00:00Z""#.to_string()),
            Just(r#""at":"yesterday""#.to_string()),
            Just(r#""type":"review""#.to_string()),
            Just(r#""type":"revi\u0065w""#.to_string()),
            Just(r#""type":"answer""#.to_string()),
            Just(r#""type":"undo""#.to_string()),
            Just(r#""card":"t/a""#.to_string()),
            Just(r#""card":7"#.to_string()),
            Just(r#""rating":"good""#.to_string()),
            Just(r#""rating":"superb""#.to_string()),
            Just(r#""duration_ms":8000"#.to_string()),
            Just(r#""duration_ms":-1"#.to_string()),
            Just(r#""cram":true"#.to_string()),
            Just(r#""cram":null"#.to_string()),
            Just(r#""correct":true"#.to_string()),
            Just(r#""mode":"quiz""#.to_string()),
            Just(r#""target":"e-0""#.to_string()),
            Just(r#""extra":{"a":[1,2]}"#.to_string()),
        ];
        // Mostly a review line's own fields, some left out, others added; in any order.
        let review = [
            r#""v":1"#,
            r#""id":"e-1""#,
            r#""at":"2026-11-26T12:00:00Z""#,
            r#""type":"review""#,
            r#""card":"t/a""#,
            r#""rating":"good""#,
        ];
        (
            proptest::collection::vec(any::<bool>(), review.len()),
            proptest::collection::vec(field, 0..6),
        )
            .prop_map(move |(keep, added)| {
                review
                    .iter()
                    .zip(keep)
                    .filter(|(_, keep)| *keep)
                    .map(|(f, _)| f.to_string())
                    .chain(added)
                    .collect::<Vec<_>>()
            })
            .prop_shuffle()
            .prop_map(|fields| format!("{{{}}}", fields.join(",")))
    }

    /// A line laid out as recall writes a review, each value right or wrong in the ways a JSON reader can
    /// tell apart (escapes, control characters, bad UTF-8, numbers serde refuses or reads as floats), and
    /// maybe something after it.
    fn written_shape() -> impl Strategy<Value = Vec<u8>> {
        let number = || {
            prop::sample::select(vec![
                "1",
                "0",
                "2",
                "8000",
                "01",
                "-1",
                "1.0",
                "1e3",
                "4294967296",
                "18446744073709551615",
                "18446744073709551616",
                "\"1\"",
            ])
        };
        let text = || {
            prop::sample::select(vec![
                &b"\"e-1\""[..],
                b"\"t/a\"",
                b"\"\"",
                b"\"e\\u0031\"",
                b"\"t/\\\"a\"",
                b"\"t/\x01a\"",
                b"\"t/\x7fa\"",
                "\"\u{d55c}\u{ad6d}\u{202e}\"".as_bytes(),
                b"\"t/\xffa\"",
                b"\"unterminated",
                b"7",
                b"null",
            ])
        };
        let at = prop::sample::select(vec![
            "\"2026-11-26T12:00:00Z\"",
            "\"2026-11-26T12:00:00.123456789+09:00\"",
            "\"2026-11-26T12:00:00Z[Asia/Seoul]\"",
            "\"2026-11-26 12:00:00Z\"",
            "\"2026-11-26\"",
            "\"yesterday\"",
            "\"2026-11-26T12:00:00\\u005a\"",
        ]);
        let rating = prop::sample::select(vec![
            "\"again\"",
            "\"hard\"",
            "\"good\"",
            "\"easy\"",
            "\"Good\"",
            "\"superb\"",
            "3",
        ]);
        let cram = prop::sample::select(vec!["", ",\"cram\":true", ",\"cram\":false", ",\"cram\":1"]);
        let after = prop::sample::select(vec!["", " ", "\r", "}", ",\"v\":2}", "x"]);
        (
            number(),
            text(),
            at,
            text(),
            rating,
            proptest::option::of(number()),
            cram,
            after,
        )
            .prop_map(|(v, id, at, card, rating, duration, cram, after)| {
                let mut line = format!("{{\"v\":{v},\"id\":").into_bytes();
                line.extend_from_slice(id);
                line.extend_from_slice(format!(",\"at\":{at},\"type\":\"review\",\"card\":").as_bytes());
                line.extend_from_slice(card);
                line.extend_from_slice(format!(",\"rating\":{rating}").as_bytes());
                if let Some(ms) = duration {
                    line.extend_from_slice(format!(",\"duration_ms\":{ms}").as_bytes());
                }
                line.extend_from_slice(format!("{cram}}}{after}").as_bytes());
                line
            })
    }

    /// A review as recall could write it: any ids, any time, any grade, duration and cram.
    fn review() -> impl Strategy<Value = Event> {
        (
            any::<String>(),
            prop::sample::select(vec!["e-1", "0000000000000001-1764158400000000000-4242-000001"]),
            -377_705_116_800i64..253_402_300_799,
            0..1_000_000_000i32,
            any::<String>(),
            0..4usize,
            any::<u64>(),
            any::<bool>(),
        )
            .prop_map(|(id, plain, secs, nanos, card, rating, duration_ms, cram)| {
                let id = if id.len() % 2 == 0 { plain.to_string() } else { id };
                Event::new(
                    id,
                    Timestamp::new(secs, nanos).unwrap_or(Timestamp::UNIX_EPOCH),
                    EventKind::Review {
                        card,
                        rating: Rating::ALL[rating],
                        duration_ms,
                        cram,
                    },
                )
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// Reading a line laid out as recall writes reviews gives exactly what serde gives (or its error).
        #[test]
        fn a_line_in_the_written_layout_reads_as_the_general_path_reads_it(line in written_shape()) {
            let general = serde_json::from_slice::<Event>(&line).map_err(|e| e.to_string());
            let read = Event::from_json_line(&line).map_err(|e| e.to_string());
            prop_assert_eq!(read, general);
        }

        /// Every review recall writes reads back as itself, and without a JSON parser unless an id needs an
        /// escape.
        #[test]
        fn a_written_review_reads_back_without_a_json_parser(event in review()) {
            let line = serde_json::to_vec(&event).unwrap();
            prop_assert_eq!(Event::from_json_line(&line).map_err(|e| e.to_string()), Ok(event.clone()));
            let escaped = |s: &str| s.chars().any(|c| c == '"' || c == '\\' || c < ' ');
            let plain = event.ids().all(|id| !escaped(id));
            prop_assert_eq!(written_review(&line), plain.then_some(event));
        }

        /// The quick path for review lines gives exactly what the general path gives, or leaves the line to it.
        #[test]
        fn a_line_reads_as_the_general_path_reads_it(line in line()) {
            let general = serde_json::from_slice::<Event>(line.as_bytes()).map_err(|e| e.to_string());
            let read = Event::from_json_line(line.as_bytes()).map_err(|e| e.to_string());
            prop_assert_eq!(read, general);
        }
    }

    #[test]
    fn an_event_names_its_own_id_then_every_id_it_refers_to() {
        let at = Timestamp::UNIX_EPOCH;
        let started = Event::new(
            "e1",
            at,
            EventKind::ExamStarted {
                exam: "x".into(),
                seed: 7,
                questions: vec!["t/q1".into(), "t/q2".into()],
                time_limit_s: 60,
            },
        );
        assert_eq!(started.ids().collect::<Vec<_>>(), ["e1", "x", "t/q1", "t/q2"]);
        let undo = Event::new("e2", at, EventKind::Undo { target: "e1".into() });
        assert_eq!(undo.ids().collect::<Vec<_>>(), ["e2", "e1"]);
        let reset = Event::new("e3", at, EventKind::Reset { card: "t/a".into() });
        assert_eq!(reset.ids().collect::<Vec<_>>(), ["e3", "t/a"]);
    }

    #[test]
    fn a_plain_review_line_is_read() {
        let line =
            br#"{"v":1,"id":"e","at":"2026-11-26T12:00:00Z","type":"review","card":"t/a","rating":"good"}"#;
        let event = Event::from_json_line(line).unwrap();
        assert_eq!(event, serde_json::from_slice::<Event>(line).unwrap());
        assert!(matches!(
            event.kind,
            EventKind::Review {
                duration_ms: 0,
                cram: false,
                ..
            }
        ));
    }
}
