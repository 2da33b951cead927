//! Printing untrusted text (server messages, bodies) safely: control
//! characters escaped, length bounded, so a hostile body cannot forge log
//! lines or drive a terminal.

use core::fmt;

/// Displays `text` with control characters escaped and at most `max_bytes`
/// of it shown, cut on a character boundary.
pub(crate) struct Bounded<'a> {
    text: &'a str,
    max_bytes: usize,
}

impl<'a> Bounded<'a> {
    pub(crate) fn new(text: &'a str, max_bytes: usize) -> Self {
        Bounded { text, max_bytes }
    }
}

impl fmt::Display for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = truncate(self.text, self.max_bytes);
        for c in shown.chars() {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                match c {
                    '\n' => f.write_str("\\n")?,
                    '\r' => f.write_str("\\r")?,
                    '\t' => f.write_str("\\t")?,
                    _ => write!(f, "\\u{{{:x}}}", c as u32)?,
                }
            } else {
                fmt::Write::write_char(f, c)?;
            }
        }
        if shown.len() < self.text.len() {
            write!(f, "... ({} more bytes)", self.text.len() - shown.len())?;
        }
        Ok(())
    }
}

impl fmt::Debug for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{self}\"")
    }
}

/// The longest prefix of `text` of at most `max_bytes` bytes that ends on a
/// character boundary.
pub(crate) fn truncate(text: &str, max_bytes: usize) -> &str {
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
    }
}
