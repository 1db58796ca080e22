//! The `recall` binary: parse the command line, load the deck, run a headless command.
//!
//! All domain work lives in the library; this file only wires arguments to it and turns errors into
//! messages and exit codes (0 ok, 1 failure, 2 usage — clap's own).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use jiff::tz::TimeZone;
use recall::cli::interactive::Start;
use recall::cli::output::{self, Safe};
use recall::cli::{self, Cli, Command, ExportFormatArg, Format, ImportCommand, WhatArg};
use recall::core::content::{Deck, Freshness, Lang, LoadOptions, Loaded, YearMonth};
use recall::core::quiz::{ExamOptions, QuizOptions};
use recall::io::clock;
use recall::io::deck::{self, DeckLocation};
use recall::io::paths::Paths;

/// The current month in the local time zone, for `check --stale` (core has no clock).
fn this_month() -> anyhow::Result<YearMonth> {
    let today = TimeZone::system().to_datetime(clock::now()).date();
    u16::try_from(today.year())
        .ok()
        .zip(u8::try_from(today.month()).ok())
        .and_then(|(year, month)| YearMonth::new(year, month))
        .with_context(|| format!("the system clock shows {today}, not a date with a four-digit year"))
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli =
        Cli::try_parse_from(&args).unwrap_or_else(|e| cli::usage::exit(e, cli::usage::language_of(&args)));
    let (lang_flag, data_dir) = (cli.lang.map(Lang::from), cli.data_dir.clone());
    // Everything printed goes through `Safe`: no byte of a deck, log or settings file reaches the terminal raw.
    let mut out = Safe::new(std::io::stdout().lock());
    let mut err = Safe::new(std::io::stderr());
    let result = run(cli, &mut out, &mut err).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => code,
        // The reader of our output has gone (`recall list | head -1`): nothing is wrong, as for ripgrep.
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let lang = cli::message_language(lang_flag, data_dir);
            let prefix = recall::text::of(lang).error_prefix();
            let _ = writeln!(err, "recall: {prefix}: {}", cli::say_error(&e, lang));
            let _ = err.flush();
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli, out: &mut impl Write, err: &mut impl Write) -> anyhow::Result<ExitCode> {
    let location = cli
        .content
        .clone()
        .map_or(DeckLocation::Bundled, DeckLocation::Dir);
    let lang: Lang = cli.lang.map(Into::into).unwrap_or_default();
    let cli_opts = InterfaceOptions {
        data_dir: cli.data_dir.clone(),
        lang: cli.lang.map(Into::into),
    };
    // Every command but `check` drops warnings (see `usable`), so the warning-only give-away search is skipped.
    let quick = LoadOptions {
        skip_give_aways: true,
        ..LoadOptions::default()
    };
    // A deck folder's checked files are kept on this machine, so a big deck is parsed once per change.
    let cache = Paths::resolve(cli.data_dir.clone())
        .ok()
        .and_then(|paths| paths.deck_cache);
    let load = || {
        deck::load_cached(&location, &quick, cache.as_deref())
            .with_context(|| format!("cannot load {}", location.describe()))
    };
    match cli.command {
        Some(Command::Check { strict, stale }) => {
            let freshness = match stale {
                Some(max_age) => Some(Freshness {
                    today: this_month()?,
                    max_age,
                }),
                None => None,
            };
            let options = LoadOptions {
                freshness,
                ..LoadOptions::default()
            };
            let loaded = deck::load_with(&location, &options)
                .with_context(|| format!("cannot load {}", location.describe()))?;
            let ok = cli::check::run(leak(loaded), &location.describe(), strict, lang, out, err)?;
            Ok(if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        Some(Command::List { topic, format }) => {
            let deck = usable(load()?, &location, lang, err)?;
            if let Some(t) = &topic {
                require_topic(&deck, t)?;
            }
            let items = cli::list::listed_items(&deck, topic.as_deref(), lang);
            match format {
                Format::Json => cli::list::write_json(&items, out)?,
                Format::Text => cli::list::write_text(&items, lang, out)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Search { query, format, limit }) => {
            let deck = usable(load()?, &location, lang, err)?;
            let query = query.join(" ");
            let results = cli::search::results(std::sync::Arc::new(deck), &query, lang, limit);
            match format {
                Format::Json => cli::search::write_json(&results, out)?,
                Format::Text => cli::search::write_text(&results, lang, out)?,
            }
            if results.is_empty() && format == Format::Text {
                writeln!(err, "recall: {}", recall::text::of(lang).no_match(&query))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Optimize) => {
            let paths = Paths::resolve(cli.data_dir.clone())?;
            cli::optimize::run(&paths, TimeZone::system(), lang, out, err)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Stats { format }) => {
            let (tz, now) = (TimeZone::system(), clock::now());
            let beside = LoadOptions {
                one_thread: true,
                ..quick
            };
            let load = || {
                deck::load_cached(&location, &beside, cache.as_deref())
                    .with_context(|| format!("cannot load {}", location.describe()))
            };
            // The log is parsed first, on every core; the deck loads on its own thread while the log is
            // replayed, whose filing pass leaves a core free (loading it beside the parse only slowed the
            // parse), and on one thread, so as not to take that core's share from the filing. A deck that
            // cannot be used is still reported first.
            let (deck, progress) = std::thread::scope(|scope| {
                let read = Paths::resolve(cli.data_dir.clone())
                    .map_err(anyhow::Error::from)
                    .and_then(|paths| Ok(cli::stats::read(&paths, tz)?));
                let deck = scope.spawn(load);
                let progress = read.map(cli::stats::replay);
                (deck.join().expect("loading a deck never panics"), progress)
            });
            let deck = leak(usable(deck?, &location, lang, err)?);
            let lang = cli.lang.map(Into::into);
            cli::stats::run(deck, progress?, now, lang, format, out, err)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            format,
            what,
            output,
            force,
        }) => {
            if what != WhatArg::Cards && format != ExportFormatArg::Csv {
                // A usage error (exit 2, as clap's own), said in the learner's language.
                let words = recall::text::of(cli::message_language(cli_opts.lang, cli.data_dir.clone()));
                writeln!(err, "recall: {}: {}", words.error_prefix(), words.csv_only())?;
                return Ok(ExitCode::from(2));
            }
            let deck = usable(load()?, &location, lang, err)?;
            let paths = Paths::resolve(cli.data_dir.clone())?;
            let request = cli::export::ExportRequest {
                format: format.into(),
                what: what.into(),
                output,
                force,
                lang: cli.lang.map(Into::into),
            };
            let (tz, now) = (TimeZone::system(), clock::now());
            cli::export::run(&deck, &paths, tz, now, &request, out, err)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Import {
            from:
                ImportCommand::Anki {
                    file,
                    output,
                    force,
                    source,
                },
        }) => {
            let request = cli::import::ImportRequest {
                file,
                output,
                force,
                source,
                lang: cli::message_language(cli_opts.lang, cli.data_dir.clone()),
            };
            let paths = Paths::resolve(cli.data_dir.clone())?;
            cli::import::run(&request, &paths, TimeZone::system(), out, err)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Topics { format }) => {
            let deck = usable(load()?, &location, lang, err)?;
            print_topics(&deck, lang, format, out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Browse { topic }) => {
            interactive(&cli_opts, load()?, &location, Start::Browse(topic), err)
        }
        Some(Command::Study { topic, cram }) => {
            interactive(&cli_opts, load()?, &location, Start::Study { topic, cram }, err)
        }
        Some(Command::Quiz {
            topic,
            count,
            seed,
            weak,
        }) => {
            let options = QuizOptions {
                topic,
                count,
                seed: seed.unwrap_or_else(random_seed),
            };
            let start = if weak {
                Start::WeakQuiz(options)
            } else {
                Start::Quiz(options)
            };
            interactive(&cli_opts, load()?, &location, start, err)
        }
        Some(Command::Exam {
            questions,
            minutes,
            topic,
            seed,
        }) => {
            let options = ExamOptions {
                questions,
                minutes,
                topic,
                seed: seed.unwrap_or_else(random_seed),
            };
            interactive(&cli_opts, load()?, &location, Start::Exam(options), err)
        }
        None => interactive(&cli_opts, load()?, &location, Start::Home, err),
    }
}

/// Global options the interface needs.
struct InterfaceOptions {
    data_dir: Option<std::path::PathBuf>,
    lang: Option<Lang>,
}

fn interactive(
    opts: &InterfaceOptions,
    loaded: Loaded,
    location: &DeckLocation,
    start: Start,
    err: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let lang = cli::message_language(opts.lang, opts.data_dir.clone());
    let deck = usable(loaded, location, lang, err)?;
    let ended = cli::interactive::run(deck, opts.data_dir.clone(), opts.lang, start)?;
    Ok(ExitCode::from(ended.exit_status()))
}

/// A seed for "a different draw every time" when the user gave none.
fn random_seed() -> u64 {
    clock::now().as_nanosecond() as u64
}

fn print_topics(deck: &Deck, lang: Lang, format: Format, out: &mut impl Write) -> anyhow::Result<()> {
    let topics = cli::list::listed_topics(deck, lang);
    match format {
        Format::Json => {
            writeln!(out, "{}", recall::core::untrusted::to_json_pretty(&topics)?)?;
        }
        Format::Text => cli::list::write_topics_text(&topics, lang, out)?,
    }
    Ok(())
}

/// Keeps `value` until the process exits: a headless command exits right after using its deck, and the
/// operating system takes the memory back at once, where freeing a big deck's allocations one by one
/// would add a noticeable share to the command's run time.
fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

/// The deck if it has no errors; otherwise prints the diagnostics and fails.
fn usable(loaded: Loaded, location: &DeckLocation, lang: Lang, err: &mut impl Write) -> anyhow::Result<Deck> {
    match loaded.into_deck(false) {
        Ok((deck, _warnings)) => Ok(deck),
        Err(e) => {
            let recall::core::content::DeckError::Invalid { diagnostics } = &e;
            let words = recall::text::of(lang);
            for d in diagnostics {
                writeln!(err, "{}", words.diagnostic(d))?;
            }
            Err(e).with_context(|| format!("cannot use {}", location.describe()))
        }
    }
}

fn require_topic(deck: &Deck, id: &str) -> anyhow::Result<usize> {
    if let Some((index, _)) = deck.topic(id) {
        return Ok(index);
    }
    Err(recall::core::quiz::QuizError::UnknownTopic {
        topic: id.to_string(),
        known: deck.topics().iter().map(|t| t.id.clone()).collect(),
    }
    .into())
}
