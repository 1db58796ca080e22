//! Rebuilds the binary whenever the bundled deck changes: `include_dir!` embeds `content/`, but cargo only
//! notices new or edited files there if told to watch the folder.

fn main() {
    println!("cargo:rerun-if-changed=content");
}
