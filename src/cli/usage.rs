//! Usage errors (a mistyped command, flag or value) in the learner's language.
//!
//! clap finds them and says them in English. [`usage_of`] reads what clap found out of its error's context
//! into a typed value that the text catalogue can say in Korean; help, version, and the kinds a learner is
//! unlikely to meet stay clap's own, in English. Exit statuses stay clap's: 2 for a usage error.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::output::Safe;
use crate::core::content::Lang;
use crate::core::untrusted::for_terminal;
use crate::text::{self, Usage};

/// The usage error in `error`, if it is one the catalogue can say.
pub fn usage_of(error: &clap::Error) -> Option<Usage> {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let texts = |kind| match error.get(kind) {
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let first = |kind| texts(kind).into_iter().next();
    Some(match error.kind() {
        ErrorKind::InvalidValue if text(ContextKind::InvalidValue).is_some_and(|v| v.is_empty()) => {
            Usage::NoValue {
                arg: text(ContextKind::InvalidArg)?,
            }
        }
        ErrorKind::InvalidValue => Usage::NotAllowed {
            arg: text(ContextKind::InvalidArg)?,
            value: text(ContextKind::InvalidValue)?,
            allowed: texts(ContextKind::ValidValue),
        },
        ErrorKind::ValueValidation => Usage::Malformed {
            arg: text(ContextKind::InvalidArg)?,
            value: text(ContextKind::InvalidValue)?,
        },
        ErrorKind::InvalidSubcommand => Usage::UnknownCommand {
            name: text(ContextKind::InvalidSubcommand)?,
            suggestion: first(ContextKind::SuggestedSubcommand),
        },
        // clap says "unexpected argument" for both; only a dash makes it an option.
        ErrorKind::UnknownArgument => match text(ContextKind::InvalidArg)? {
            name if name.starts_with('-') => Usage::UnknownOption {
                name,
                suggestion: first(ContextKind::SuggestedArg),
            },
            value => Usage::Unexpected { value },
        },
        ErrorKind::MissingRequiredArgument => Usage::Missing {
            args: texts(ContextKind::InvalidArg),
        },
        ErrorKind::ArgumentConflict => {
            let arg = text(ContextKind::InvalidArg)?;
            let others = texts(ContextKind::PriorArg);
            if others.is_empty() || others == [arg.clone()] {
                Usage::Repeated { arg }
            } else {
                Usage::Conflict { arg, others }
            }
        }
        ErrorKind::TooManyValues => Usage::TooManyValues {
            arg: text(ContextKind::InvalidArg)?,
            value: text(ContextKind::InvalidValue)?,
        },
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            if error.get(ContextKind::InvalidSubcommand).is_some() =>
        {
            Usage::MissingCommand {
                name: text(ContextKind::InvalidSubcommand)?,
                commands: texts(ContextKind::ValidSubcommand),
            }
        }
        ErrorKind::InvalidUtf8 => Usage::NotText,
        _ => return None,
    })
}

/// The language for a command line that did not parse: `--lang ko` or `--lang=ko` among `args`, else the
/// settings file's (in `--data-dir`, `RECALL_DATA_DIR` or the default folder), else English.
pub fn language_of(args: &[OsString]) -> Lang {
    let value_of = |flag: &str| {
        let prefix = format!("{flag}=");
        args.iter().enumerate().find_map(|(i, a)| {
            let a = a.to_str()?;
            if a == flag {
                args.get(i + 1)?.to_str().map(str::to_string)
            } else {
                a.strip_prefix(&prefix).map(str::to_string)
            }
        })
    };
    let flag = value_of("--lang").and_then(|code| Lang::from_code(&code));
    let data_dir = value_of("--data-dir")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("RECALL_DATA_DIR").map(PathBuf::from));
    super::message_language(flag, data_dir)
}

/// Says `error` in `lang` on stderr and exits: 2 for a usage error, as clap does. Help and version are
/// clap's own output; the errors the catalogue does not say are clap's words. Every message quotes what was
/// typed, so it goes out through [`Safe`] like every other message, clap's included.
pub fn exit(error: clap::Error, lang: Lang) -> ! {
    let said = usage_of(&error).and_then(|usage| text::of(lang).usage_error(&usage));
    match said {
        Some(message) => {
            let words = text::of(lang);
            let mut err = Safe::new(std::io::stderr());
            let _ = writeln!(
                err,
                "recall: {}: {message}\n{}",
                words.error_prefix(),
                words.usage_help_hint()
            );
            let _ = err.flush();
            std::process::exit(2);
        }
        None if error.use_stderr() => {
            let code = error.exit_code();
            let mut err = Safe::new(std::io::stderr());
            let _ = write!(err, "{}", clap_words(error));
            let _ = err.flush();
            std::process::exit(code);
        }
        None => error.exit(),
    }
}

/// clap's message for `error` as plain text, with every typed value it quotes shown as [`for_terminal`]
/// shows untrusted text: clap would pass an escape sequence in an argument to the terminal as it is, and
/// only strips it (the value then looks empty) where it strips its own colours.
fn clap_words(mut error: clap::Error) -> String {
    let escape = |s: &String| for_terminal(s).into_owned();
    let typed: Vec<(ContextKind, ContextValue)> = error
        .context()
        .filter_map(|(kind, value)| match value {
            ContextValue::String(s) => Some((kind, ContextValue::String(escape(s)))),
            ContextValue::Strings(list) => {
                Some((kind, ContextValue::Strings(list.iter().map(escape).collect())))
            }
            _ => None,
        })
        .collect();
    for (kind, value) in typed {
        error.insert(kind, value);
    }
    // Display leaves clap's styles out.
    error.render().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    fn usage(args: &[&str]) -> Option<Usage> {
        let error = Cli::try_parse_from(std::iter::once("recall").chain(args.iter().copied())).unwrap_err();
        usage_of(&error)
    }

    #[test]
    fn clap_errors_become_typed_usage_errors() {
        assert_eq!(
            usage(&["list", "--format", "xml"]),
            Some(Usage::NotAllowed {
                arg: "--format <FORMAT>".into(),
                value: "xml".into(),
                allowed: vec!["text".into(), "json".into()],
            })
        );
        assert_eq!(
            usage(&["quiz", "-n", "abc"]),
            Some(Usage::Malformed {
                arg: "--questions <COUNT>".into(),
                value: "abc".into(),
            })
        );
        assert_eq!(
            usage(&["stuyd"]),
            Some(Usage::UnknownCommand {
                name: "stuyd".into(),
                suggestion: Some("study".into()),
            })
        );
        assert_eq!(
            usage(&["--bogus"]),
            Some(Usage::UnknownOption {
                name: "--bogus".into(),
                suggestion: None,
            })
        );
        assert!(matches!(usage(&["search"]), Some(Usage::Missing { args }) if args.len() == 1));
        assert_eq!(usage(&["--help"]), None, "help stays clap's own");
    }

    #[test]
    fn clap_s_words_show_a_typed_escape_sequence_as_an_escape() {
        for args in [
            &["\u{1b}]0;PWNED\u{7}"][..],
            &["list", "--format", "\u{1b}[31mred\u{9b}"],
            &["--bogus\u{202e}x"],
        ] {
            let error =
                Cli::try_parse_from(std::iter::once("recall").chain(args.iter().copied())).unwrap_err();
            let said = clap_words(error);
            assert!(
                !said.contains(crate::core::untrusted::is_hostile),
                "{args:?}: {said:?}"
            );
            assert!(
                said.contains("\\u{"),
                "the typed value is shown, escaped: {said:?}"
            );
            assert!(said.starts_with("error: "), "{said:?}");
        }
    }

    #[test]
    fn the_language_comes_from_the_raw_arguments() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(language_of(&args(&["recall", "--lang", "ko", "stuyd"])), Lang::Ko);
        assert_eq!(language_of(&args(&["recall", "stuyd", "--lang=ko"])), Lang::Ko);
        assert_eq!(
            language_of(&args(&[
                "recall",
                "--lang",
                "en",
                "--data-dir",
                "/dev/null/none",
                "x"
            ])),
            Lang::En
        );
    }
}
