//! The command line, as clap types. `main.rs` parses these and hands them to the command functions.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::core::content::Lang;
use crate::core::progress::export::{ExportFormat, ExportWhat};

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
        /// Also warn about facts and scenarios whose `checked` month is more than MONTHS months ago, or absent.
        #[arg(long, value_name = "MONTHS")]
        stale: Option<u32>,
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
    /// Study flashcards (facts and scenarios) scheduled by FSRS.
    Study {
        /// Only this topic.
        #[arg(long, value_name = "TOPIC")]
        topic: Option<String>,
        /// Study every card of the scope now, ignoring due dates; does not change the schedule.
        #[arg(long)]
        cram: bool,
    },
    /// Practice quiz: scenario and generated questions with an explanation for every choice.
    Quiz {
        /// Only this topic.
        #[arg(long, value_name = "TOPIC")]
        topic: Option<String>,
        /// Number of questions.
        #[arg(short = 'n', long = "questions", default_value_t = 10)]
        count: usize,
        /// Seed for the draw and the choice order (repeatable quizzes).
        #[arg(long)]
        seed: Option<u64>,
        /// Scenarios you are least likely to answer right (weak spots), instead of a random draw.
        #[arg(long)]
        weak: bool,
    },
    /// Mock exam: timed, flag for review, scaled score with a pass mark of 720.
    Exam {
        /// Number of questions.
        #[arg(long, default_value_t = 65)]
        questions: usize,
        /// Time allowed in minutes.
        #[arg(long, default_value_t = 130)]
        minutes: u64,
        /// Only this topic.
        #[arg(long, value_name = "TOPIC")]
        topic: Option<String>,
        /// Seed for the draw and the choice order.
        #[arg(long)]
        seed: Option<u64>,
    },
    /// Open the interface on the topic list, or on one topic.
    Browse {
        /// The topic id to open.
        topic: Option<String>,
    },
    /// Fit personal FSRS scheduling parameters to your review history and save them in config.toml.
    Optimize,
    /// Show what you have studied: reviews per day, cards due in the next 30 days, retention and card
    /// counts per topic, streak, time studied and mock exam scores.
    Stats {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Export your progress: cards as CSV, everything as JSON, the deck as an Anki import file, or deck
    /// and schedule as an Anki package.
    Export {
        /// File format.
        #[arg(long, value_enum, default_value_t = ExportFormatArg::Csv)]
        format: ExportFormatArg,
        /// What to export; reviews and exams are CSV only.
        #[arg(long, value_enum, default_value_t = WhatArg::Cards)]
        what: WhatArg,
        /// Write to this file instead of standard output (`-` is standard output).
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Bring notes (and, from a package, their review history) in from another program as recall topic files.
    Import {
        /// Where the notes come from.
        #[command(subcommand)]
        from: ImportCommand,
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

/// The programs `recall import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Convert an Anki package (.apkg, .colpkg) or plain-text export (.txt) into topic files, one per deck.
    ///
    /// Each card becomes a fact: its question and answer fields (a cloze card: the text with its deletion
    /// hidden); HTML becomes plain text, media is dropped; deck names give topic ids, note GUIDs item ids,
    /// so importing a newer export keeps progress. From a package, every card's review history goes into
    /// the progress log (--data-dir) as reviews of the new facts, so FSRS gives them Anki's memory states;
    /// importing the same package again adds nothing.
    Anki {
        /// The .apkg, .colpkg or .txt file exported from Anki.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Where to write: a file for one topic (`-` is standard output), a folder for several
        /// [default: <FILE's name>.toml, or the folder <FILE's name>, here].
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Replace existing topic files.
        #[arg(long)]
        force: bool,
        /// The source link every fact cites (the deck format requires one).
        #[arg(long, value_name = "URL", default_value = crate::cli::import::DEFAULT_SOURCE)]
        source: String,
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

/// The file format of `recall export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    /// One CSV row per card (or per review / exam with `--what`).
    Csv,
    /// One JSON document with everything (see README for the schema).
    Json,
    /// A tab-separated file for Anki's File → Import.
    Anki,
    /// An Anki package (.apkg) with each card's schedule, memory state and review history (needs --output).
    Apkg,
}

impl From<ExportFormatArg> for ExportFormat {
    fn from(f: ExportFormatArg) -> ExportFormat {
        match f {
            ExportFormatArg::Csv => ExportFormat::Csv,
            ExportFormatArg::Json => ExportFormat::Json,
            ExportFormatArg::Anki => ExportFormat::Anki,
            ExportFormatArg::Apkg => ExportFormat::Apkg,
        }
    }
}

/// What `recall export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WhatArg {
    /// Every card with its state.
    Cards,
    /// Every review (CSV only).
    Reviews,
    /// Every mock exam (CSV only).
    Exams,
}

impl From<WhatArg> for ExportWhat {
    fn from(w: WhatArg) -> ExportWhat {
        match w {
            WhatArg::Cards => ExportWhat::Cards,
            WhatArg::Reviews => ExportWhat::Reviews,
            WhatArg::Exams => ExportWhat::Exams,
        }
    }
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
