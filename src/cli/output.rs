//! The one place command-line output meets the terminal: [`Safe`] wraps standard output and standard error
//! and passes everything written through [`for_terminal`], so no diagnostic, warning, error or listing can
//! carry a raw control or bidi character from a deck, log, settings file or file name — whichever message
//! quotes it. Valid output (JSON, which escapes them itself; CSV and deck text, which hold none) passes
//! through byte for byte.
//!
//! It also knows what a closed pipe looks like ([`is_broken_pipe`]): `recall list | head -1` ends quietly.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::core::untrusted::for_terminal;

/// A writer that escapes hostile characters on their way to `inner`.
///
/// Writes may split a UTF-8 character (a byte buffer cut anywhere): the incomplete tail waits for the next
/// write. Bytes that are not UTF-8 at all are shown as `\xNN`, because a lone 0x9B is an 8-bit CSI to some
/// terminals.
pub struct Safe<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Safe<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Safe<W> {
        Safe {
            inner,
            pending: Vec::new(),
        }
    }

    /// Escapes and writes the complete characters of `pending`, keeping an incomplete last character.
    fn drain(&mut self, at_end: bool) -> io::Result<()> {
        let mut rest: &[u8] = &self.pending;
        let mut out = String::new();
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    out.push_str(&for_terminal(text));
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    out.push_str(&for_terminal(std::str::from_utf8(valid).unwrap_or_default()));
                    match e.error_len() {
                        Some(bad) => {
                            for b in &after[..bad] {
                                out.push_str(&format!("\\x{b:02x}"));
                            }
                            rest = &after[bad..];
                        }
                        None if at_end => {
                            for b in after {
                                out.push_str(&format!("\\x{b:02x}"));
                            }
                            rest = &[];
                            break;
                        }
                        None => {
                            rest = after;
                            break;
                        }
                    }
                }
            }
        }
        self.pending = rest.to_vec();
        let written = self.inner.write_all(out.as_bytes());
        if let Err(e) = &written
            && e.kind() == io::ErrorKind::BrokenPipe
        {
            PIPE_CLOSED.store(true, Ordering::Relaxed);
        }
        written
    }
}

impl<W: Write> Write for Safe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        self.drain(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.drain(true)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Safe<W> {
    fn drop(&mut self) {
        if !self.pending.is_empty() {
            let _ = self.drain(true);
        }
    }
}

/// Set once a write through [`Safe`] found its reader gone.
static PIPE_CLOSED: AtomicBool = AtomicBool::new(false);

/// Whether `error` (or any error it wraps) is a write to a closed pipe: the reader has gone, which is not a
/// failure of recall's (`recall list | head -1`).
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    PIPE_CLOSED.load(Ordering::Relaxed)
        || error.chain().any(|cause| {
            cause
                .downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
                || cause
                    .source()
                    .and_then(|s| s.downcast_ref::<io::Error>())
                    .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
        })
}

/// An error and its causes on one line, each message once: a cause whose text the message above already
/// contains (an error that prints its source, then the source itself) is left out.
pub fn error_line(error: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if text.is_empty() || line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(chunks: &[&[u8]]) -> String {
        let mut out = Vec::new();
        {
            let mut safe = Safe::new(&mut out);
            for chunk in chunks {
                safe.write_all(chunk).unwrap();
            }
            safe.flush().unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_what_is_written_even_when_a_character_is_split() {
        let text = "unknown field `\u{1b}]0;x\u{7}` \u{202e}람\u{9b}\n".as_bytes();
        let whole = through(&[text]);
        assert_eq!(whole, "unknown field `\\u{1b}]0;x\\u{7}` \\u{202e}람\\u{9b}\n");
        for cut in 0..text.len() {
            assert_eq!(through(&[&text[..cut], &text[cut..]]), whole, "cut at {cut}");
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_shown_as_hex() {
        assert_eq!(through(&[b"a\x9bb\xe2\x80"]), "a\\x9bb\\xe2\\x80");
    }

    #[test]
    fn a_repeated_cause_is_printed_once() {
        #[derive(Debug, thiserror::Error)]
        #[error("cannot read x: {source}")]
        struct ReadError {
            source: io::Error,
        }
        let e = anyhow::Error::new(ReadError {
            source: io::Error::from_raw_os_error(20),
        })
        .context("cannot load the deck");
        let line = error_line(&e);
        assert_eq!(line.matches("os error 20").count(), 1, "{line}");
        assert!(
            line.starts_with("cannot load the deck: cannot read x: "),
            "{line}"
        );
        let two = anyhow::anyhow!("inner").context("outer");
        assert_eq!(error_line(&two), "outer: inner");
    }

    #[test]
    fn a_broken_pipe_is_recognised_through_context() {
        let e = anyhow::Error::from(io::Error::from(io::ErrorKind::BrokenPipe)).context("writing");
        assert!(is_broken_pipe(&e));
        assert!(!is_broken_pipe(&anyhow::anyhow!("no")));
    }
}
