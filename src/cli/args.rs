//! The command line, as clap types. `main.rs` parses these and hands them to the command functions.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::core::content::Lang;

/// recall: study a deck of topic notes, flashcards and exam scenarios in the terminal.
#[derive(Debug, Parser)]
#[command(name = "recall", version, about, long_about = None)]
pub struct Cli {
    /// Load the deck from this folder of *.toml topic files instead of the bundled deck.
    #[arg(long, global = true, env = "RECALL_CONTENT", value_name = "DIR")]
    pub content: Option<PathBuf>,

    /// Keep progress and settings in this folder instead of the platform's data directory.
    #[arg(long, global = true, env = "RECALL_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Language of deck text and messages.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<LangArg>,

    /// What to do; without a command, recall opens the interface.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a deck and print every problem as path:line:col: error: message.
    Check {
        /// Treat warnings (such as a missing translation) as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Print every item of the deck: id, kind, topic, prompt and answer or choices, source.
    List {
        /// Only this topic (its id).
        #[arg(long, value_name = "TOPIC")]
        topic: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Fuzzy-search every text of the deck, in both languages, and print the best matches.
    ///
    /// Words match in any order, case-insensitively; Hangul consonants alone (ㄹㄷ) match the initial
    /// consonants of syllables (람다). Results show the --lang language when its text matches.
    Search {
        /// What to look for (several words are one query).
        #[arg(required = true, num_args = 1.., value_name = "QUERY")]
        query: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The most results to print (one per item, best first).
        #[arg(long, short = 'n', default_value_t = 20, value_name = "N",
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
        limit: usize,
    },
    /// Print the deck's topics with their item counts.
    Topics {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// Output format of headless commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable text.
    Text,
    /// Machine-readable JSON.
    Json,
}

/// A language on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Korean.
    Ko,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Ko => Lang::Ko,
        }
    }
}
