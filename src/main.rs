//! The `recall` binary: parse the command line, load the deck, run a headless command.
//!
//! All domain work lives in the library; this file only wires arguments to it and turns errors into
//! messages and exit codes (0 ok, 1 failure, 2 usage — clap's own).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use recall::cli::{self, Cli, Command, Format};
use recall::core::content::{Deck, Lang, Loaded};
use recall::io::deck::{self, DeckLocation};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("recall: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let location = cli
        .content
        .clone()
        .map_or(DeckLocation::Bundled, DeckLocation::Dir);
    let lang: Lang = cli.lang.map(Into::into).unwrap_or_default();
    let loaded = deck::load(&location).with_context(|| format!("cannot load {}", location.describe()))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Some(Command::Check { strict }) => {
            let ok = cli::check::run(
                &loaded,
                &location.describe(),
                strict,
                &mut out,
                &mut std::io::stderr(),
            )?;
            Ok(if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        Some(Command::List { topic, format }) => {
            let deck = usable(loaded, &location)?;
            if let Some(t) = &topic {
                require_topic(&deck, t)?;
            }
            let items = cli::list::listed_items(&deck, topic.as_deref(), lang);
            match format {
                Format::Json => cli::list::write_json(&items, &mut out)?,
                Format::Text => cli::list::write_text(&items, &mut out)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Search { query, format, limit }) => {
            let deck = usable(loaded, &location)?;
            let query = query.join(" ");
            let results = cli::search::results(&deck, &query, lang, limit);
            match format {
                Format::Json => cli::search::write_json(&results, &mut out)?,
                Format::Text => cli::search::write_text(&results, &mut out)?,
            }
            if results.is_empty() && format == Format::Text {
                eprintln!("recall: no match for `{query}`");
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Topics { format }) => {
            let deck = usable(loaded, &location)?;
            print_topics(&deck, lang, format, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let deck = usable(loaded, &location)?;
            print_topics(&deck, lang, Format::Text, &mut out)?;
            writeln!(
                out,
                "\nThe interactive interface is not built yet; try `recall list` or `recall --help`."
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_topics(deck: &Deck, lang: Lang, format: Format, out: &mut impl Write) -> anyhow::Result<()> {
    let topics = cli::list::listed_topics(deck, lang);
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &topics)?;
            writeln!(out)?;
        }
        Format::Text => cli::list::write_topics_text(&topics, out)?,
    }
    Ok(())
}

/// The deck if it has no errors; otherwise prints the diagnostics and fails.
fn usable(loaded: Loaded, location: &DeckLocation) -> anyhow::Result<Deck> {
    match loaded.into_deck(false) {
        Ok((deck, _warnings)) => Ok(deck),
        Err(e) => {
            let recall::core::content::DeckError::Invalid { diagnostics } = &e;
            for d in diagnostics {
                eprintln!("{d}");
            }
            Err(e).with_context(|| format!("cannot use {}", location.describe()))
        }
    }
}

fn require_topic(deck: &Deck, id: &str) -> anyhow::Result<()> {
    if deck.topic(id).is_some() {
        return Ok(());
    }
    let known: Vec<&str> = deck.topics().iter().map(|t| t.id.as_str()).collect();
    anyhow::bail!("no topic `{id}` in the deck; topics are: {}", known.join(", "))
}
