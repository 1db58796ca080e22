//! Shell completions and the man page, generated from the clap definition (`recall::cli::Cli`) with
//! clap_complete and clap_mangen. Shared by the `gen_assets` example (which writes them) and
//! `tests/assets.rs` (which fails when the committed files differ).

use clap::CommandFactory;
use clap_complete::Shell;
use recall::cli::Cli;

/// Every generated file: its path relative to the repository root, and its bytes.
pub fn cli_assets() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for (shell, name) in [
        (Shell::Bash, "recall.bash"),
        (Shell::Zsh, "_recall"),
        (Shell::Fish, "recall.fish"),
    ] {
        let mut bytes = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "recall", &mut bytes);
        files.push((format!("assets/completions/{name}"), bytes));
    }
    // As clap_mangen::generate_to does, but into memory: recall.1, and recall-<command>.1 for each command
    // (recall.1 refers to them), built first so global options reach the subcommands.
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    man_pages(cmd, &mut files);
    files
}

fn man_pages(cmd: clap::Command, files: &mut Vec<(String, Vec<u8>)>) {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
        man_pages(sub, files);
    }
    let man = clap_mangen::Man::new(cmd);
    let mut bytes = Vec::new();
    man.render(&mut bytes).expect("rendering to memory cannot fail");
    files.push((format!("assets/man/{}", man.get_filename()), bytes));
}
