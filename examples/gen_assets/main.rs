//! Regenerates everything in `assets/` that is derived from the code: shell completions and the man page
//! (from the clap definition), and the SVG pictures of the screens (from the real renderer).
//!
//! Run from anywhere: `cargo run --example gen_assets`. `tests/assets.rs` fails while the committed files
//! differ from what this writes.

mod cli_assets;
mod screens;

use std::path::Path;

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = cli_assets::cli_assets();
    files.extend(screens::screen_assets());
    for (relative, bytes) in &files {
        let path = root.join(relative);
        std::fs::create_dir_all(path.parent().expect("asset paths have a folder"))?;
        let unchanged = std::fs::read(&path).is_ok_and(|old| &old == bytes);
        if !unchanged {
            std::fs::write(&path, bytes)?;
            println!("wrote {relative}");
        }
    }
    println!("{} files in assets/ are current", files.len());
    Ok(())
}
