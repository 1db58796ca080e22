//! The deck cache as the commands use it (`io::deck_cache`): a big deck folder is checked once per change and
//! kept beside the device id, on this machine, never in the data directory; `recall check` always checks.

mod sandbox;

use std::path::Path;

/// A deck folder of one topic file just over the 8 MiB from which recall caches a deck.
fn write_big_deck(dir: &Path) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let filler = "The quick brown fox jumps over the lazy dog. ".repeat(60);
    let mut text = String::from("[topic]\nid = \"big\"\ntitle = \"Big\"\n\n");
    let mut i = 0;
    while text.len() < (8 << 20) + 4096 {
        text.push_str(&format!(
            "[[fact]]\nid = \"f{i}\"\nprompt = \"Prompt number {i}?\"\nanswer = \"Answer {i}\"\n\
             detail = \"{filler}\"\nsource = \"https://docs.aws.amazon.com/x.html\"\nchecked = \"2026-11\"\n\n"
        ));
        i += 1;
    }
    let path = dir.join("big.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn list(home: &Path, data: &Path, deck: &Path) -> String {
    let out = sandbox::recall_with_home(home)
        .args(["--data-dir"])
        .arg(data)
        .arg("--content")
        .arg(deck)
        .args(["list", "--topic", "big"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_big_deck_is_kept_on_this_machine_and_read_back_until_it_changes() {
    let root = tempfile::tempdir().unwrap();
    let (home, data, deck) = (
        root.path().join("home"),
        root.path().join("data"),
        root.path().join("deck"),
    );
    let file = write_big_deck(&deck);
    let first = list(&home, &data, &deck);
    assert!(first.contains("Prompt number 7?"), "{first}");

    let cache = home.join(".local/state/recall/deck-cache");
    assert_eq!(
        sandbox::file_names(&cache).len(),
        1,
        "one entry for the one topic file"
    );
    assert!(
        !data.join("deck-cache").exists(),
        "nothing cached in the data directory"
    );

    // An edit that keeps the file's length, modification time and inode is invisible to the stamp: the entry
    // answers, which shows the second run read it. `recall check` reads the file itself.
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    let mut edited = std::fs::read_to_string(&file)
        .unwrap()
        .replace("Prompt number 7?", "Prompt NUMBER 7?");
    // Fact f7 now says it was checked years ago, which `recall check --stale` reports.
    let f7 = edited.find("id = \"f7\"").unwrap();
    let month = f7 + edited[f7..].find("checked = \"2026-11\"").unwrap();
    edited.replace_range(month..month + 19, "checked = \"2019-11\"");
    std::fs::write(&file, edited).unwrap();
    let reopened = std::fs::File::options().write(true).open(&file).unwrap();
    reopened.set_modified(modified).unwrap();
    assert_eq!(list(&home, &data, &deck), first);
    let checked = sandbox::recall_with_home(&home)
        .arg("--content")
        .arg(&deck)
        .args(["check", "--stale", "12"])
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&checked.stdout).into_owned() + &String::from_utf8_lossy(&checked.stderr);
    assert!(
        said.contains("checked 2019-11") && said.contains("[stale]"),
        "{said}"
    );

    // Saved a second later: checked afresh, and the entry rewritten.
    reopened
        .set_modified(modified + std::time::Duration::from_secs(1))
        .unwrap();
    let after = list(&home, &data, &deck);
    assert!(after.contains("Prompt NUMBER 7?") && !after.contains("Prompt number 7?"));
    assert_eq!(list(&home, &data, &deck), after);
    assert_eq!(
        sandbox::file_names(&cache).len(),
        1,
        "the entry was replaced, not added to"
    );
}

#[test]
fn without_a_home_a_big_deck_is_checked_every_time_and_nothing_is_written() {
    let root = tempfile::tempdir().unwrap();
    let (data, deck) = (root.path().join("data"), root.path().join("deck"));
    write_big_deck(&deck);
    let out = sandbox::recall()
        .arg("--data-dir")
        .arg(&data)
        .arg("--content")
        .arg(&deck)
        .args(["list", "--topic", "big"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Prompt number 7?"));
    let names = sandbox::file_names(root.path());
    assert!(names.iter().all(|n| n == "data" || n == "deck"), "{names:?}");
    assert!(!data.join("deck-cache").exists());
}
