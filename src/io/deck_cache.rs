//! A machine-local cache of checked deck files, so that a big deck is parsed and validated once per change
//! instead of at every start.
//!
//! Parsing is most of what a start costs on a big deck (a 100,000-item deck is 190 MB of TOML), and a deck
//! changes far less often than it is opened. After the loader checks a file it offers the result
//! ([`crate::core::content::DeckFile::keep`]); this module writes it, as JSON, to one entry per deck file
//! in a folder beside the device file (never in the data directory, which may be synced). The next load
//! takes the entry instead of the file when its **stamp** still matches: the file's length, modification
//! time and inode, the load's options, and this very program (its version, length and modification time,
//! so a rebuilt recall never reads what an older one checked).
//!
//! The cache is only ever a shortcut: an entry that is missing, stale, unreadable or corrupt is ignored
//! and rewritten, and a cache that cannot be written costs nothing but the next start's time. `recall
//! check` does not use it: checking is its job.

use std::fs::Metadata;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::core::content::{CheckedFile, DeckFile, Diagnostic, LoadOptions, SourceFile};

use super::atomic;
use super::deck::FileOnDisk;

/// The first line of every entry, before its stamp: names the format, so that another one is never read.
const MAGIC: &str = "recall-deck-cache 1";

/// Where entries go, and what every entry's stamp shares (the program and the load's options).
#[derive(Debug)]
pub struct DeckCache {
    dir: PathBuf,
    salt: String,
}

impl DeckCache {
    /// A cache in `dir` for loads with `options` by the running program.
    pub fn new(dir: PathBuf, options: &LoadOptions) -> DeckCache {
        let program = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|meta| stamp_of(&meta))
            .unwrap_or_default();
        // The options that change what a check finds (how many threads check it does not).
        let LoadOptions {
            freshness,
            skip_give_aways,
            one_thread: _,
        } = options;
        DeckCache {
            dir,
            salt: format!(
                "{} {program} {freshness:?} {skip_give_aways}",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }

    /// The entry for the deck file at `path`: one per file, named after its canonical path.
    fn entry(&self, path: &Path) -> PathBuf {
        let name = super::paths::path_hash(&super::paths::identity(path));
        self.dir.join(format!("deck-{name:016x}.json"))
    }
}

/// A deck file that the loader may take from the cache.
#[derive(Debug)]
pub struct CachedFile {
    file: FileOnDisk,
    /// Its entry in the cache.
    entry: PathBuf,
    /// The first line its entry must have; `None` when the file's metadata could not be read (then the
    /// loader reads the file, and reports why it cannot).
    header: Option<String>,
}

impl CachedFile {
    /// `file`, whose metadata (read by the caller) is `meta`, looked up in `cache`.
    pub fn new(file: FileOnDisk, meta: Option<&Metadata>, cache: &DeckCache) -> CachedFile {
        let header = meta.map(|meta| format!("{MAGIC} {} {}", stamp_of(meta), cache.salt));
        let entry = cache.entry(file.path());
        CachedFile { file, entry, header }
    }
}

impl DeckFile for CachedFile {
    fn with_text<R>(&self, check: impl FnOnce(&SourceFile) -> R) -> Result<R, Diagnostic> {
        self.file.with_text(check)
    }

    fn checked_before(&self) -> Option<CheckedFile> {
        let header = self.header.as_deref()?;
        let bytes = std::fs::read(&self.entry).ok()?;
        let body = bytes.strip_prefix(header.as_bytes())?.strip_prefix(b"\n")?;
        let checked: CheckedFile = serde_json::from_slice(body).ok()?;
        // One entry serves every spelling of the file's path; messages name it as it is asked for now.
        Some(checked.named(&self.file.path().display().to_string()))
    }

    fn keep(&self, checked: &CheckedFile) {
        let Some(header) = &self.header else {
            return;
        };
        // Best effort: without an entry the next start checks the file again, as it did before caches.
        let _ = write_entry(&self.entry, header, checked);
    }
}

/// Writes an entry whole or not at all (a new file renamed over the old), streamed: an entry is as big as
/// the topic file, and a copy in memory would add to the load's peak. It is not synced: an entry a crash
/// cuts short fails its parse and is checked afresh.
fn write_entry(entry: &Path, header: &str, checked: &CheckedFile) -> std::io::Result<()> {
    let dir = atomic::parent_dir(entry);
    std::fs::create_dir_all(dir)?;
    let temp = tempfile::Builder::new().prefix(".recall-").tempfile_in(dir)?;
    let mut out = std::io::BufWriter::new(temp);
    writeln!(out, "{header}")?;
    serde_json::to_writer(&mut out, checked)?;
    out.into_inner().map_err(|e| e.into_error())?.persist(entry)?;
    Ok(())
}

/// What changes when a file is rewritten: its length, modification time (to the nanosecond where the file
/// system keeps it) and, on Unix, its inode (an editor that saves by renaming a new file over it).
fn stamp_of(meta: &Metadata) -> String {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(meta);
    #[cfg(not(unix))]
    let inode = 0;
    format!("{} {modified} {inode}", meta.len())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::io::deck::{CACHED_DECK_BYTES, DeckLocation, load_cached, load_cached_from};

    /// A deck folder with the bundled deck's files (a topic with every kind of item, and the glossary) and
    /// one file with problems, and an empty cache folder.
    struct Setup {
        _temp: tempfile::TempDir,
        deck: PathBuf,
        cache: PathBuf,
    }

    const TROUBLED: &str = "[topic]\nid = \"t\"\ntitle = \"Quokka\"\n\n[[fact]]\nid = \"a\"\nprompt = \"Which?\"\nanswer = 3\n\
                            source = \"https://example.com\"\ncolour = \"red\"\n";

    fn setup() -> Setup {
        let temp = tempfile::tempdir().unwrap();
        let deck = temp.path().join("deck");
        std::fs::create_dir(&deck).unwrap();
        let (files, _) = crate::io::deck::bundled_files();
        for file in files
            .iter()
            .filter(|f| f.path.contains("lambda") || f.path.contains("glossary"))
        {
            let name = Path::new(&file.path).file_name().unwrap();
            std::fs::write(deck.join(name), &file.text).unwrap();
        }
        std::fs::write(deck.join("troubled.toml"), TROUBLED).unwrap();
        let cache = temp.path().join("cache");
        Setup {
            _temp: temp,
            deck,
            cache,
        }
    }

    fn quick() -> LoadOptions {
        LoadOptions {
            skip_give_aways: true,
            ..LoadOptions::default()
        }
    }

    /// Everything a load gives, as text to compare.
    fn load(s: &Setup, options: &LoadOptions, cache: bool) -> String {
        let location = DeckLocation::Dir(s.deck.clone());
        let loaded = load_cached_from(&location, options, cache.then_some(s.cache.as_path()), 0).unwrap();
        format!(
            "{:#?}\n{:#?}\n{:#?}",
            loaded.deck.topics(),
            loaded.deck.glossary(),
            loaded.diagnostics
        )
    }

    fn entries(s: &Setup) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(&s.cache)
            .map(|dir| dir.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        found.sort();
        found
    }

    #[test]
    fn a_deck_read_back_from_the_cache_is_the_deck_its_files_give() {
        let s = setup();
        let from_files = load(&s, &quick(), false);
        assert!(entries(&s).is_empty(), "no cache folder given, nothing written");
        assert!(
            from_files.contains("WrongType") && from_files.contains("Lambda"),
            "{from_files}"
        );
        assert_eq!(
            load(&s, &quick(), true),
            from_files,
            "first load: checked, and kept"
        );
        let files = std::fs::read_dir(&s.deck).unwrap().count();
        assert_eq!(entries(&s).len(), files, "one entry per file");
        assert_eq!(load(&s, &quick(), true), from_files, "second load: read back");
    }

    #[test]
    fn an_entry_answers_only_while_its_file_is_unchanged() {
        let s = setup();
        let path = s.deck.join("troubled.toml");
        let before = load(&s, &quick(), true);
        // Same length, same modification time, same inode: the stamp cannot tell, and the entry answers.
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        let edited = TROUBLED.replace("Quokka", "Wombat");
        std::fs::write(&path, &edited).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        assert!(before.contains("Quokka"));
        assert_eq!(load(&s, &quick(), true), before, "the entry was used");
        let one_thread = LoadOptions {
            one_thread: true,
            ..quick()
        };
        assert_eq!(
            load(&s, &one_thread, true),
            before,
            "checking on one thread finds the same"
        );
        // Saved again a second later: checked afresh.
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(modified + Duration::from_secs(1))
            .unwrap();
        let after = load(&s, &quick(), true);
        assert!(after.contains("Wombat") && !after.contains("Quokka"), "{after}");
        assert_eq!(after, load(&s, &quick(), false));
    }

    #[test]
    fn an_entry_serves_every_spelling_of_the_folder_and_names_the_files_as_asked() {
        let s = setup();
        load(&s, &quick(), true);
        let kept = entries(&s);
        let respelt = Setup {
            _temp: tempfile::tempdir().unwrap(),
            deck: s.deck.join("..").join("deck"),
            cache: s.cache.clone(),
        };
        let from_cache = load(&respelt, &quick(), true);
        assert_eq!(entries(&s), kept, "the same entries, not new ones");
        assert!(from_cache.contains("/../deck/"), "{from_cache}");
        assert_eq!(from_cache, load(&respelt, &quick(), false));
    }

    #[test]
    fn other_options_do_not_take_an_entry_kept_for_these() {
        let s = setup();
        let today = crate::core::content::YearMonth::new(2026, 12).unwrap();
        let stale = LoadOptions {
            freshness: Some(crate::core::content::Freshness { today, max_age: 1 }),
            ..quick()
        };
        let quick_load = load(&s, &quick(), true);
        let stale_load = load(&s, &stale, true);
        assert!(stale_load.contains("Stale") && !quick_load.contains("Stale"));
        assert_eq!(stale_load, load(&s, &stale, false));
        assert_eq!(load(&s, &quick(), true), quick_load);
    }

    #[test]
    fn a_corrupt_or_truncated_entry_is_checked_afresh_and_rewritten() {
        let s = setup();
        let from_files = load(&s, &quick(), true);
        let kept = entries(&s);
        for (i, entry) in kept.iter().enumerate() {
            let bytes = std::fs::read(entry).unwrap();
            let damaged = match i {
                0 => bytes[..bytes.len() / 2].to_vec(),
                1 => b"garbage".to_vec(),
                _ => bytes.iter().map(|&b| if b == b'{' { b'[' } else { b }).collect(),
            };
            std::fs::write(entry, damaged).unwrap();
        }
        assert_eq!(load(&s, &quick(), true), from_files);
        for entry in &kept {
            let bytes = std::fs::read(entry).unwrap();
            let body = bytes.splitn(2, |&b| b == b'\n').nth(1).unwrap();
            assert!(
                serde_json::from_slice::<CheckedFile>(body).is_ok(),
                "{entry:?} rewritten"
            );
        }
    }

    #[test]
    fn a_deck_too_small_to_be_worth_it_is_not_cached() {
        let s = setup();
        let deck_bytes: u64 = std::fs::read_dir(&s.deck)
            .unwrap()
            .map(|e| e.unwrap().metadata().unwrap().len())
            .sum();
        assert!(deck_bytes < CACHED_DECK_BYTES);
        let location = DeckLocation::Dir(s.deck.clone());
        load_cached(&location, &quick(), Some(&s.cache)).unwrap();
        assert!(!s.cache.exists());
        load_cached_from(&location, &quick(), Some(&s.cache), deck_bytes).unwrap();
        assert!(
            !entries(&s).is_empty(),
            "a deck of the threshold's size is cached"
        );
    }

    #[test]
    fn a_cache_that_cannot_be_written_costs_nothing_but_time() {
        let s = setup();
        std::fs::write(&s.cache, "a file where the folder should be").unwrap();
        assert_eq!(load(&s, &quick(), true), load(&s, &quick(), false));
    }
}
