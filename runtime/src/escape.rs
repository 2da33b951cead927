//! Printing untrusted text (server messages, bodies) safely: control
//! characters escaped, length bounded, so a hostile body cannot forge log
//! lines or drive a terminal.
//!
//! Every `Display` and `Debug` of this crate that shows received text goes
//! through [`Bounded`], with the limits below; tools that print such text
//! themselves (a command line, a log formatter) can use the same.
//!
//! ```
//! use tencent_errors::escape::{Bounded, MESSAGE_SHOWN_BYTES};
//!
//! let message = "done\x1b[2K\rok";   // a message that would erase its own line
//! assert_eq!(Bounded::new(message, MESSAGE_SHOWN_BYTES).to_string(), "done\\u{1b}[2K\\rok");
//! ```

use core::fmt;

/// Bytes of an error code shown: unknown codes are server text.
pub const CODE_SHOWN_BYTES: usize = 256;
/// Bytes of a server message (or warning) shown.
pub const MESSAGE_SHOWN_BYTES: usize = 1024;
/// Bytes of a RequestId shown.
pub const REQUEST_ID_SHOWN_BYTES: usize = 128;

/// Shows `text` with control characters escaped and at most `max_bytes`
/// of it, cut on a character boundary; the cut is marked with the number of
/// bytes left out.
///
/// `Display` shows the text as is otherwise; `Debug` quotes it and also
/// escapes `"` and `\`, as `str`'s `Debug` does, with the mark after the
/// closing quote.
///
/// ```
/// use tencent_errors::escape::Bounded;
///
/// assert_eq!(Bounded::new("a\nb", 100).to_string(), "a\\nb");
/// assert_eq!(Bounded::new("abcdef", 4).to_string(), "abcd... (2 more bytes)");
/// assert_eq!(format!("{:?}", Bounded::new("say \"hi\"", 100)), r#""say \"hi\"""#);
/// ```
#[derive(Clone, Copy)]
pub struct Bounded<'a> {
    text: &'a str,
    max_bytes: usize,
}

impl<'a> Bounded<'a> {
    /// Shows at most `max_bytes` of `text` (cut on a character boundary).
    pub fn new(text: &'a str, max_bytes: usize) -> Self {
        Bounded { text, max_bytes }
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, quoted: bool) -> fmt::Result {
        let shown = truncate(self.text, self.max_bytes);
        if quoted {
            f.write_str("\"")?;
        }
        for c in shown.chars() {
            match c {
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '"' | '\\' if quoted => write!(f, "\\{c}")?,
                _ if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                    write!(f, "\\u{{{:x}}}", c as u32)?
                }
                _ => fmt::Write::write_char(f, c)?,
            }
        }
        if quoted {
            f.write_str("\"")?;
        }
        if shown.len() < self.text.len() {
            write!(f, "... ({} more bytes)", self.text.len() - shown.len())?;
        }
        Ok(())
    }
}

impl fmt::Display for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, false)
    }
}

impl fmt::Debug for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, true)
    }
}

/// An optional text shown as [`Bounded`]: `Debug` prints `None` or
/// `Some("...")`.
pub(crate) fn bounded_option(text: Option<&str>, max_bytes: usize) -> Option<Bounded<'_>> {
    text.map(|text| Bounded::new(text, max_bytes))
}

/// The longest prefix of `text` of at most `max_bytes` bytes that ends on a
/// character boundary: what [`Bounded`] shows of it, before escaping.
///
/// ```
/// use tencent_errors::escape::truncate;
///
/// assert_eq!(truncate("héllo", 2), "h"); // `é` takes two bytes
/// assert_eq!(truncate("hello", 10), "hello");
/// ```
pub fn truncate(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        let shown = Bounded::new("a\nb\x1b[31mc\u{2028}", 100).to_string();
        assert_eq!(shown, "a\\nb\\u{1b}[31mc\\u{2028}");
    }

    #[test]
    fn long_text_is_cut_on_a_char_boundary() {
        let text = "é".repeat(10); // 20 bytes
        assert_eq!(truncate(&text, 5), "éé");
        assert_eq!(Bounded::new(&text, 5).to_string(), "éé... (16 more bytes)");
        assert_eq!(
            format!("{:?}", Bounded::new(&text, 5)),
            "\"éé\"... (16 more bytes)"
        );
    }

    #[test]
    fn debug_quotes_and_escapes_quotes_and_backslashes() {
        let shown = format!("{:?}", Bounded::new("say \"hi\"\\\n", 100));
        assert_eq!(shown, r#""say \"hi\"\\\n""#);
        assert_eq!(
            Bounded::new("say \"hi\"\\", 100).to_string(),
            "say \"hi\"\\"
        );
    }
}
