//! Anki packages on disk: reading an `.apkg`/`.colpkg` into a [`Collection`], and writing the `.apkg` that
//! `recall export --format apkg` builds.
//!
//! A package is a zip. Current ones (Anki 2.1.50+) hold `meta` (protobuf: the package version), the
//! collection as `collection.anki21b` (SQLite, schema 18, zstd-compressed) beside a dummy
//! `collection.anki2` for old clients, and a zstd-compressed protobuf `media` list; legacy ones hold
//! `collection.anki21` or `collection.anki2` (schema 11) and a JSON `media` list. Reading is bounded at
//! every step: the package's size is checked before it is opened ([`MAX_PACKAGE_BYTES`]), and the
//! collection is decompressed into a temporary file, never past [`MAX_COLLECTION_BYTES`] whatever the zip
//! claims (a zip bomb stops there). SQLite then opens that temporary copy read-only; the folder is removed
//! when reading ends, whatever happened.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use prost::Message;
use rusqlite::{Connection, OpenFlags};

use crate::core::anki::collection::{
    Card, Collection, Deck, Note, Notetype, Revlog, RevlogKind, SCHEMAS, Template,
};
use crate::core::anki::schema::{self, SchemaError};

/// The largest package read: far above any text collection; a bigger one carries media recall drops
/// anyway (Anki can export without media).
pub const MAX_PACKAGE_BYTES: u64 = 1_000_000_000;

/// The largest collection decompressed out of a package.
pub const MAX_COLLECTION_BYTES: u64 = 1_000_000_000;

/// The largest media list read (only counted).
const MAX_MEDIA_LIST_BYTES: u64 = 64 << 20;

/// Why a package cannot be read. Nothing is written when this happens.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    /// The file cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The package.
        path: PathBuf,
        /// The OS error.
        source: io::Error,
    },
    /// The package is too big to be read.
    #[error(
        "{} is {} MB; recall reads packages up to {} MB (media makes packages big, and recall drops it: \
         in Anki, export again with \"Include media\" unticked)",
        path.display(), size / 1_000_000, MAX_PACKAGE_BYTES / 1_000_000
    )]
    TooLarge {
        /// The package.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
    },
    /// Not a zip archive, or a damaged one.
    #[error("{} is not an Anki package (not a readable zip archive: {reason})", path.display())]
    NotZip {
        /// The package.
        path: PathBuf,
        /// What the zip reader said.
        reason: String,
    },
    /// A zip without a collection in it.
    #[error(
        "{} holds no Anki collection (no collection.anki21b, collection.anki21 or collection.anki2 in it)",
        path.display()
    )]
    NoCollection {
        /// The package.
        path: PathBuf,
    },
    /// A package format newer than recall knows.
    #[error("{} was written by a newer Anki than recall reads (package version {version})", path.display())]
    TooNew {
        /// The package.
        path: PathBuf,
        /// The version its `meta` names.
        version: i32,
    },
    /// The collection decompresses to more than [`MAX_COLLECTION_BYTES`].
    #[error(
        "{}: the collection inside decompresses to more than {} MB; recall stops there",
        path.display(), MAX_COLLECTION_BYTES / 1_000_000
    )]
    CollectionTooLarge {
        /// The package.
        path: PathBuf,
    },
    /// The collection is not a database recall can read.
    #[error("{}: the collection inside is damaged ({reason})", path.display())]
    Corrupt {
        /// The package.
        path: PathBuf,
        /// What failed.
        reason: String,
    },
    /// A schema version recall does not read.
    #[error(
        "{}: the collection has schema version {version}; recall reads versions 11 and 18 (export again \
         from a current Anki)",
        path.display()
    )]
    Schema {
        /// The package.
        path: PathBuf,
        /// The version found.
        version: i64,
    },
    /// A settings column could not be decoded.
    #[error("{}: {source}", path.display())]
    Columns {
        /// The package.
        path: PathBuf,
        /// What could not be decoded.
        source: SchemaError,
    },
}

/// `PackageMetadata` (Anki's `import_export.proto`): the package version.
#[derive(Clone, PartialEq, Message)]
struct PackageMetadata {
    #[prost(int32, tag = "1")]
    version: i32,
}

/// Which collection file a package holds, and whether it is zstd-compressed.
fn collection_entry(
    archive: &mut zip::ZipArchive<File>,
    path: &Path,
) -> Result<(&'static str, bool), PackageError> {
    let meta = match archive.by_name("meta") {
        Ok(meta) => {
            let mut bytes = Vec::new();
            meta.take(4096)
                .read_to_end(&mut bytes)
                .map_err(|e| corrupt(path, e))?;
            Some(bytes)
        }
        Err(_) => None,
    };
    let version = match meta {
        Some(bytes) => {
            PackageMetadata::decode(bytes.as_slice())
                .map_err(|e| corrupt(path, e))?
                .version
        }
        None if archive.by_name("collection.anki21").is_ok() => 2,
        None => 1,
    };
    match version {
        1 => Ok(("collection.anki2", false)),
        2 => Ok(("collection.anki21", false)),
        3 => Ok(("collection.anki21b", true)),
        version => Err(PackageError::TooNew {
            path: path.to_path_buf(),
            version,
        }),
    }
}

fn corrupt(path: &Path, e: impl std::fmt::Display) -> PackageError {
    PackageError::Corrupt {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

/// Reads the package at `path`.
pub fn read(path: &Path) -> Result<Collection, PackageError> {
    let fail = |source| PackageError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(fail)?;
    let size = file.metadata().map_err(fail)?.len();
    if size > MAX_PACKAGE_BYTES {
        return Err(PackageError::TooLarge {
            path: path.to_path_buf(),
            size,
        });
    }
    let mut archive = zip::ZipArchive::new(file).map_err(|e| PackageError::NotZip {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let (name, compressed) = collection_entry(&mut archive, path)?;
    let dir = tempfile::tempdir().map_err(fail)?;
    let copy = dir.path().join("collection.sqlite");
    {
        let entry = archive.by_name(name).map_err(|_| PackageError::NoCollection {
            path: path.to_path_buf(),
        })?;
        if entry.size() > MAX_COLLECTION_BYTES {
            return Err(PackageError::CollectionTooLarge {
                path: path.to_path_buf(),
            });
        }
        let mut out = File::create(&copy).map_err(fail)?;
        let limited = entry.take(MAX_COLLECTION_BYTES + 1);
        let copied = if compressed {
            let decoder = zstd::stream::read::Decoder::new(limited).map_err(|e| corrupt(path, e))?;
            io::copy(&mut decoder.take(MAX_COLLECTION_BYTES + 1), &mut out)
        } else {
            let mut limited = limited;
            io::copy(&mut limited, &mut out)
        }
        .map_err(|e| corrupt(path, e))?;
        if copied > MAX_COLLECTION_BYTES {
            return Err(PackageError::CollectionTooLarge {
                path: path.to_path_buf(),
            });
        }
        out.flush().map_err(fail)?;
    }
    let mut collection = read_collection(&copy, path)?;
    collection.media_files = media_count(&mut archive, compressed);
    Ok(collection)
}

/// How many media files the package's list names (0 if it cannot be read: media is dropped anyway).
fn media_count(archive: &mut zip::ZipArchive<File>, compressed: bool) -> usize {
    let Ok(entry) = archive.by_name("media") else {
        return 0;
    };
    let mut bytes = Vec::new();
    let limited = entry.take(MAX_MEDIA_LIST_BYTES);
    let read = if compressed {
        zstd::stream::read::Decoder::new(limited)
            .and_then(|d| d.take(MAX_MEDIA_LIST_BYTES).read_to_end(&mut bytes))
    } else {
        let mut limited = limited;
        limited.read_to_end(&mut bytes)
    };
    if read.is_err() {
        return 0;
    }
    let count = if compressed {
        schema::media_entries(&bytes)
    } else {
        schema::legacy_media_entries(&bytes)
    };
    count.unwrap_or(0)
}

/// Reads the tables of a collection file (opened read-only).
fn read_collection(db: &Path, package: &Path) -> Result<Collection, PackageError> {
    let conn = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| corrupt(package, e))?;
    // Schema 18 declares names `COLLATE unicase` (Anki's own collation); SQLite needs it to plan queries.
    conn.create_collation("unicase", |a, b| a.to_lowercase().cmp(&b.to_lowercase()))
        .map_err(|e| corrupt(package, e))?;
    let sql = |e: rusqlite::Error| corrupt(package, e);
    let columns = |source| PackageError::Columns {
        path: package.to_path_buf(),
        source,
    };
    let (version, created, conf, models, decks, dconf): (i64, i64, String, String, String, String) = conn
        .query_row("select ver, crt, conf, models, decks, dconf from col", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })
        .map_err(sql)?;
    let schema_version = u32::try_from(version)
        .ok()
        .filter(|v| SCHEMAS.contains(v))
        .ok_or(PackageError::Schema {
            path: package.to_path_buf(),
            version,
        })?;
    let mut collection = Collection {
        schema: schema_version,
        created,
        ..Collection::default()
    };
    if schema_version == 11 {
        collection.notetypes = schema::legacy_notetypes(&models).map_err(columns)?;
        collection.decks = schema::legacy_decks(&decks).map_err(columns)?;
        collection.deck_configs = schema::legacy_deck_configs(&dconf).map_err(columns)?;
        collection.rollover = schema::rollover(Some(&conf));
    } else {
        read_schema18(&conn, &mut collection, package)?;
    }
    collection.notes = query(
        &conn,
        "select id, guid, mid, tags, flds from notes order by id",
        |r| {
            let tags: String = r.get(3)?;
            let fields: String = r.get(4)?;
            Ok(Note {
                id: r.get(0)?,
                guid: r.get(1)?,
                notetype: r.get(2)?,
                tags: tags.split_whitespace().map(str::to_string).collect(),
                fields: fields.split('\u{1f}').map(str::to_string).collect(),
            })
        },
    )
    .map_err(sql)?;
    collection.cards = query(
        &conn,
        "select id, nid, did, ord, type, queue, due, odue, odid, ivl, factor, reps, lapses, data \
         from cards order by id",
        |r| {
            Ok(Card {
                id: r.get(0)?,
                note: r.get(1)?,
                deck: r.get(2)?,
                ord: r.get(3)?,
                ctype: r.get(4)?,
                queue: r.get(5)?,
                due: r.get(6)?,
                original_due: r.get(7)?,
                original_deck: r.get(8)?,
                interval: r.get(9)?,
                factor: r.get(10)?,
                reps: r.get(11)?,
                lapses: r.get(12)?,
                data: r.get(13)?,
            })
        },
    )
    .map_err(sql)?;
    collection.revlog = query(
        &conn,
        "select id, cid, ease, ivl, lastIvl, factor, time, type from revlog order by id",
        |r| {
            Ok(Revlog {
                id: r.get(0)?,
                card: r.get(1)?,
                ease: r.get(2)?,
                interval: r.get(3)?,
                last_interval: r.get(4)?,
                factor: r.get(5)?,
                time: r.get(6)?,
                kind: RevlogKind::from_type(r.get(7)?),
            })
        },
    )
    .map_err(sql)?;
    Ok(collection)
}

fn query<T>(
    conn: &Connection,
    sql: &str,
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut statement = conn.prepare(sql)?;
    statement.query_map([], row)?.collect()
}

/// Schema 18 keeps note types, decks and presets in their own tables, with protobuf settings.
fn read_schema18(conn: &Connection, collection: &mut Collection, package: &Path) -> Result<(), PackageError> {
    let sql = |e: rusqlite::Error| corrupt(package, e);
    let columns = |source| PackageError::Columns {
        path: package.to_path_buf(),
        source,
    };
    let types: Vec<(i64, String, Vec<u8>)> =
        query(conn, "select id, name, config from notetypes order by id", |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .map_err(sql)?;
    let fields: Vec<(i64, u32, String)> = query(
        conn,
        "select ntid, ord, name from fields order by ntid, ord",
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .map_err(sql)?;
    let templates: Vec<(i64, u32, Vec<u8>)> = query(
        conn,
        "select ntid, ord, config from templates order by ntid, ord",
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .map_err(sql)?;
    for (id, name, config) in types {
        let mut sides = Vec::new();
        for (_, ord, config) in templates.iter().filter(|t| t.0 == id) {
            let (front, back) = schema::template_sides(config).map_err(columns)?;
            sides.push(Template {
                ord: *ord,
                front,
                back,
            });
        }
        collection.notetypes.push(Notetype {
            id,
            name,
            cloze: schema::notetype_is_cloze(&config).map_err(columns)?,
            fields: fields.iter().filter(|f| f.0 == id).map(|f| f.2.clone()).collect(),
            templates: sides,
        });
    }
    let decks: Vec<(i64, String, Vec<u8>)> = query(conn, "select id, name, kind from decks", |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })
    .map_err(sql)?;
    for (id, name, kind) in decks {
        let config = schema::deck_preset(&kind).map_err(columns)?;
        collection.decks.push(Deck {
            id,
            name: name.replace('\u{1f}', "::"),
            filtered: config.is_none(),
            config,
        });
    }
    let presets: Vec<(i64, String, Vec<u8>)> = query(conn, "select id, name, config from deck_config", |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })
    .map_err(sql)?;
    for (id, name, config) in presets {
        collection
            .deck_configs
            .push(schema::deck_config(id, name, &config).map_err(columns)?);
    }
    let rollover: Option<Vec<u8>> = conn
        .query_row("select val from config where key = 'rollover'", [], |r| r.get(0))
        .ok();
    collection.rollover = schema::rollover(rollover.as_deref().and_then(|v| std::str::from_utf8(v).ok()));
    Ok(())
}

/// Schema 11, as Anki creates it (rslib `storage/schema11.sql`).
const SCHEMA11: &str = "
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
  left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
  type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
";

/// Why the `.apkg` could not be built.
#[derive(Debug, thiserror::Error)]
pub enum PackageWriteError {
    /// The temporary collection could not be written.
    #[error("cannot build the Anki collection: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The zip could not be written.
    #[error("cannot build the package: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// A temporary file failed.
    #[error("cannot build the package: {0}")]
    Io(#[from] io::Error),
}

/// The `.apkg` bytes of `package`: a legacy package (`collection.anki21`, schema 11, and an empty media
/// list), which current Anki and AnkiDroid import and upgrade.
pub fn write(
    package: &crate::core::progress::export::apkg::AnkiPackage,
) -> Result<Vec<u8>, PackageWriteError> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("collection.anki21");
    {
        let mut conn = Connection::open(&db)?;
        conn.execute_batch(SCHEMA11)?;
        let tx = conn.transaction()?;
        tx.execute(
            "insert into col values (1, ?1, ?2, ?3, 11, 0, 0, 0, ?4, ?5, ?6, ?7, '{}')",
            rusqlite::params![
                package.created,
                package.modified * 1000,
                package.modified * 1000,
                package.conf,
                package.models,
                package.decks,
                package.dconf
            ],
        )?;
        for n in &package.notes {
            let sort = crate::core::anki::html::field_to_text(
                n.fields.first().map_or("", String::as_str),
                true,
                &mut Default::default(),
            );
            tx.execute(
                "insert into notes values (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, 0, 0, '')",
                rusqlite::params![
                    n.id,
                    n.guid,
                    n.notetype,
                    package.modified,
                    n.tags,
                    n.fields.join("\u{1f}"),
                    sort
                ],
            )?;
        }
        for c in &package.cards {
            tx.execute(
                "insert into cards values (?1, ?2, ?3, 0, ?4, -1, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0, 0, 0, ?13)",
                rusqlite::params![
                    c.id, c.note, c.deck, package.modified, c.ctype, c.queue, c.due, c.interval, c.factor,
                    c.reps, c.lapses, c.left, c.data
                ],
            )?;
        }
        for r in &package.revlog {
            tx.execute(
                "insert into revlog values (?1, ?2, -1, ?3, ?4, ?5, ?6, ?7, ?8)",
                rusqlite::params![
                    r.id,
                    r.card,
                    r.ease,
                    r.interval,
                    r.last_interval,
                    r.factor,
                    r.time,
                    r.kind.to_type()
                ],
            )?;
        }
        tx.commit()?;
        conn.execute_batch("pragma journal_mode = delete; vacuum;")?;
    }
    let mut zip = zip::ZipWriter::new(io::Cursor::new(Vec::new()));
    let deflated =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("collection.anki21", deflated)?;
    io::copy(&mut File::open(&db)?, &mut zip)?;
    zip.start_file("media", deflated)?;
    zip.write_all(b"{}")?;
    Ok(zip.finish()?.into_inner())
}
