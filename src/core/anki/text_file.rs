//! Reading Anki's plain-text export ("Notes in Plain Text"): the `#key:value` header lines, then one note
//! per record, fields split by the separator with CSV quoting (a field in double quotes may hold the
//! separator and line breaks; a quote inside is doubled). Lines starting with `#` are comments, as in Anki.
//!
//! Headers read: `#separator` (Tab, Comma, Semicolon, Space, Pipe, Colon or the character itself), `#html`,
//! `#tags` (tags for every note), `#tags column`, `#guid column`, `#notetype column`, `#deck column`
//! (1-based), `#notetype` and `#deck` (for every note without a column). `#columns` is accepted and
//! ignored. Without `#separator`, the first note line picks tab, then `;`, then `,`, like Anki's guess.
//! After the header lines, a line starting with `#` is a comment only if it has no separator: a note whose
//! front starts with `#` ("#1 cause of …") is a note.

use super::{AnkiError, HeaderProblem, Needed};

/// The settings the header lines give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Field separator.
    pub separator: u8,
    /// Whether fields are HTML (`#html:true`, Anki's default) or plain text.
    pub html: bool,
    /// Tags given to every note (`#tags:`).
    pub tags: Vec<String>,
    /// 0-based column of the space-separated tags.
    pub tags_column: Option<usize>,
    /// 0-based column of the note GUID.
    pub guid_column: Option<usize>,
    /// 0-based column of the note type's name.
    pub notetype_column: Option<usize>,
    /// 0-based column of the deck's name.
    pub deck_column: Option<usize>,
    /// The note type of every note without a note type column (`#notetype:`).
    pub notetype: Option<String>,
    /// The deck of every note without a deck column (`#deck:`).
    pub deck: Option<String>,
}

/// One note as read: its line and its fields, the special columns taken out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawNote {
    /// 1-based line where the note starts.
    pub line: u64,
    /// The note's fields in order (front, back, …), raw.
    pub fields: Vec<String>,
    /// Its tags (the `#tags:` ones first).
    pub tags: Vec<String>,
    /// Its GUID, if the file has a GUID column and the cell is not empty.
    pub guid: Option<String>,
    /// Its note type's name, from the column or the `#notetype:` header.
    pub notetype: Option<String>,
    /// Its deck's full name, from the column or the `#deck:` header.
    pub deck: Option<String>,
}

/// Reads the header lines and every note of `text`.
pub fn read(text: &str) -> Result<(Header, Vec<RawNote>), AnkiError> {
    let (header, explicit_separator) = read_header(text)?;
    let header = if explicit_separator {
        header
    } else {
        Header {
            separator: guess_separator(text),
            ..header
        }
    };
    let notes = read_notes(text, &header)?;
    Ok((header, notes))
}

/// Parses the `#key:value` lines at the top; the bool says whether `#separator` was among them.
fn read_header(text: &str) -> Result<(Header, bool), AnkiError> {
    let mut header = Header {
        separator: b'\t',
        html: true,
        tags: Vec::new(),
        tags_column: None,
        guid_column: None,
        notetype_column: None,
        deck_column: None,
        notetype: None,
        deck: None,
    };
    let mut explicit = false;
    for (index, line) in text.lines().enumerate() {
        if !is_header_line(line) {
            break;
        }
        let Some(setting) = line.strip_prefix('#') else {
            break;
        };
        let Some((key, value)) = setting.split_once(':') else {
            continue; // a comment
        };
        let line_no = index as u64 + 1;
        let value = value.trim_end_matches('\r');
        match key.trim() {
            "separator" => {
                header.separator = separator(value).ok_or_else(|| AnkiError::BadHeader {
                    line: line_no,
                    problem: HeaderProblem::Separator(value.to_string()),
                })?;
                explicit = true;
            }
            "html" => header.html = value.trim() == "true",
            "tags" => header.tags = value.split_whitespace().map(str::to_string).collect(),
            "tags column" => header.tags_column = Some(column(key, value, line_no)?),
            "guid column" => header.guid_column = Some(column(key, value, line_no)?),
            "notetype column" => header.notetype_column = Some(column(key, value, line_no)?),
            "deck column" => header.deck_column = Some(column(key, value, line_no)?),
            "notetype" => header.notetype = Some(value.trim().to_string()).filter(|v| !v.is_empty()),
            "deck" => header.deck = Some(value.trim().to_string()).filter(|v| !v.is_empty()),
            _ => {}
        }
    }
    Ok((header, explicit))
}

/// The header keys Anki writes or reads.
const KEYS: [&str; 10] = [
    "separator",
    "html",
    "tags",
    "tags column",
    "guid column",
    "notetype column",
    "deck column",
    "notetype",
    "deck",
    "columns",
];

/// Whether `line` belongs to the header block: a `#key:value` line with a known key, or a `#` comment
/// with no separator in it (a `#` line with one is a note whose front starts with `#`).
fn is_header_line(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('#') else {
        return false;
    };
    let known = rest
        .split_once(':')
        .is_some_and(|(key, _)| KEYS.contains(&key.trim()));
    known || !rest.contains(['\t', ';', ',', '|'])
}

fn separator(value: &str) -> Option<u8> {
    Some(match value {
        "Tab" | "tab" | "\t" => b'\t',
        "Comma" | "comma" | "," => b',',
        "Semicolon" | "semicolon" | ";" => b';',
        "Space" | "space" | " " => b' ',
        "Pipe" | "pipe" | "|" => b'|',
        "Colon" | "colon" | ":" => b':',
        _ => return None,
    })
}

/// A 1-based column number from a header → 0-based.
fn column(key: &str, value: &str, line: u64) -> Result<usize, AnkiError> {
    match value.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n - 1),
        _ => Err(AnkiError::BadHeader {
            line,
            problem: HeaderProblem::Column {
                key: key.trim().to_string(),
                value: value.to_string(),
            },
        }),
    }
}

/// Tab if the first note line has one, else `;`, else `,`.
fn guess_separator(text: &str) -> u8 {
    let first = text
        .lines()
        .find(|l| !l.starts_with('#') && !l.trim().is_empty())
        .unwrap_or_default();
    [b'\t', b';', b',']
        .into_iter()
        .find(|&s| first.as_bytes().contains(&s))
        .unwrap_or(b'\t')
}

fn read_notes(text: &str, header: &Header) -> Result<Vec<RawNote>, AnkiError> {
    // csv counts neither lines nor bytes of comment lines, so read after the header block and add its
    // length; a comment line further down (rare: Anki writes none) shifts later line numbers by one.
    let header_lines = text.lines().take_while(|l| is_header_line(l)).count();
    let body_start: usize = text.split_inclusive('\n').take(header_lines).map(str::len).sum();
    let body = &text[body_start..];
    let line_of = |p: &csv::Position| header_lines as u64 + p.line();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(header.separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut notes = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| AnkiError::Syntax {
            line: e.position().map_or(0, line_of),
            message: e.to_string(),
        })?;
        let line = record.position().map_or(0, line_of);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() == 1 && record.get(0).is_some_and(|f| f.starts_with('#')) {
            continue; // a comment line
        }
        notes.push(note(&record, line, header)?);
    }
    Ok(notes)
}

/// Splits one record into fields, tags and GUID; fails if a column the header names is missing or the
/// note has fewer than two fields.
fn note(record: &csv::StringRecord, line: u64, header: &Header) -> Result<RawNote, AnkiError> {
    let cell = |column: Option<usize>, name: &'static str| -> Result<Option<String>, AnkiError> {
        let Some(c) = column else { return Ok(None) };
        match record.get(c) {
            Some(value) => Ok(Some(value.to_string())),
            None => Err(AnkiError::MissingColumn {
                line,
                found: record.len(),
                needed: Needed::Column { name, column: c + 1 },
            }),
        }
    };
    let tags_cell = cell(header.tags_column, "#tags")?;
    let guid = cell(header.guid_column, "#guid")?.filter(|g| !g.trim().is_empty());
    let notetype = cell(header.notetype_column, "#notetype")?
        .filter(|n| !n.trim().is_empty())
        .or_else(|| header.notetype.clone());
    let deck = cell(header.deck_column, "#deck")?
        .filter(|d| !d.trim().is_empty())
        .or_else(|| header.deck.clone());
    let special: Vec<usize> = [
        header.tags_column,
        header.guid_column,
        header.notetype_column,
        header.deck_column,
    ]
    .into_iter()
    .flatten()
    .collect();
    let fields: Vec<String> = record
        .iter()
        .enumerate()
        .filter(|(i, _)| !special.contains(i))
        .map(|(_, f)| f.to_string())
        .collect();
    if fields.len() < 2 {
        return Err(AnkiError::MissingColumn {
            line,
            found: record.len(),
            needed: Needed::FrontAndBack,
        });
    }
    let mut tags = header.tags.clone();
    tags.extend(
        tags_cell
            .iter()
            .flat_map(|t| t.split_whitespace().map(str::to_string)),
    );
    Ok(RawNote {
        line,
        fields,
        tags,
        guid,
        notetype,
        deck,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_set_separator_columns_and_html() {
        let text = "#separator:Semicolon\n#html:false\n#tags:shared\n#tags column:3\n#guid column:4\n\
                    \"front; with separator\";back;t1 t2;g-1\n";
        let (header, notes) = read(text).unwrap();
        assert_eq!(header.separator, b';');
        assert!(!header.html);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].fields, ["front; with separator", "back"]);
        assert_eq!(notes[0].tags, ["shared", "t1", "t2"]);
        assert_eq!(notes[0].guid.as_deref(), Some("g-1"));
        assert_eq!(notes[0].line, 6);
    }

    #[test]
    fn quoted_fields_keep_line_breaks_and_doubled_quotes() {
        let text = "#separator:tab\n\"a \"\"quoted\"\"\nfront\"\tback\n# a comment\nnext\tone\n";
        let (_, notes) = read(text).unwrap();
        assert_eq!(notes[0].fields, ["a \"quoted\"\nfront", "back"]);
        assert_eq!(notes[1].fields, ["next", "one"]);
        assert_eq!(notes[0].line, 2);
    }

    #[test]
    fn deck_and_notetype_columns_and_fronts_starting_with_a_hash() {
        let text = "#separator:tab\n#guid column:1\n#notetype column:2\n#deck column:3\n\
                    g1\tCloze\tAWS::Lambda\t{{c1::x}}\t\n\
                    # a comment\n\
                    g2\tBasic\tAWS\t#1 cause?\tlimits\n";
        let (header, notes) = read(text).unwrap();
        assert_eq!(header.deck_column, Some(2));
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].deck.as_deref(), Some("AWS::Lambda"));
        assert_eq!(notes[0].notetype.as_deref(), Some("Cloze"));
        assert_eq!(notes[0].fields, ["{{c1::x}}", ""]);
        assert_eq!(notes[1].fields, ["#1 cause?", "limits"]);
        let (_, notes) = read("#deck:Spanish\n#1 front\tback\n").unwrap();
        assert_eq!(notes[0].deck.as_deref(), Some("Spanish"));
        assert_eq!(notes[0].fields, ["#1 front", "back"]);
    }

    #[test]
    fn without_a_separator_header_the_first_note_picks_it() {
        let (header, notes) = read("q,a\nr,b\n").unwrap();
        assert_eq!(header.separator, b',');
        assert_eq!(notes.len(), 2);
    }

    #[test]
    fn a_missing_column_names_its_line() {
        let err = read("#separator:tab\n#guid column:3\na\tb\tg\nc\td\n").unwrap_err();
        assert!(
            matches!(
                err,
                AnkiError::MissingColumn {
                    line: 4,
                    found: 2,
                    ..
                }
            ),
            "{err}"
        );
        let err = read("#separator:tab\nonly a front\n").unwrap_err();
        assert!(matches!(err, AnkiError::MissingColumn { line: 2, .. }), "{err}");
    }

    #[test]
    fn bad_headers_are_errors_with_their_line() {
        let err = read("#html:true\n#separator:Banana\n").unwrap_err();
        assert!(matches!(err, AnkiError::BadHeader { line: 2, .. }), "{err}");
        let err = read("#tags column:0\n").unwrap_err();
        assert!(matches!(err, AnkiError::BadHeader { line: 1, .. }), "{err}");
    }
}
