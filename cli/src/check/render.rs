//! A core diagnostic rendered as rustc renders errors, by annotate-snippets:
//! the message, `--> file:line:col`, the source line with a caret under the
//! token, the notes, the help. The file is untrusted text: the renderer shows its
//! control characters as visible symbols and cuts long lines to the
//! terminal's width; the message and the help, which quote the file, are
//! escaped and bounded.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Snippet};

use super::Found;
use crate::output::shown;

/// Bytes of a message, a help or a path shown.
pub const MESSAGE_SHOWN_BYTES: usize = 1024;

/// Renders diagnostics, plain or with colours.
#[derive(Debug, Clone)]
pub struct Renderer {
    inner: annotate_snippets::Renderer,
}

impl Renderer {
    /// A renderer; `styled` adds the terminal colours rustc uses.
    pub fn new(styled: bool) -> Renderer {
        let inner = if styled {
            annotate_snippets::Renderer::styled()
        } else {
            annotate_snippets::Renderer::plain()
        };
        Renderer { inner }
    }

    /// `found` as rustc would show it, without a final newline.
    pub fn render(&self, found: &Found) -> String {
        let diagnostic = &found.diagnostic;
        let message = shown(&diagnostic.message, MESSAGE_SHOWN_BYTES).to_string();
        let help = diagnostic
            .help
            .as_deref()
            .map(|help| shown(help, MESSAGE_SHOWN_BYTES).to_string());
        let title = Level::ERROR.primary_title(message.as_str());
        let mut group = match &diagnostic.location {
            Some(location) => {
                let path = shown(&location.file, MESSAGE_SHOWN_BYTES).to_string();
                match found.source.as_deref().and_then(|source| {
                    let span = token_span(source, location.line, location.column)?;
                    Some((source, span))
                }) {
                    Some((source, span)) => title.element(
                        Snippet::source(source)
                            .path(path)
                            .fold(true)
                            .annotation(AnnotationKind::Primary.span(span)),
                    ),
                    None => title.element(
                        Origin::path(path)
                            .line(location.line)
                            .char_column(location.column),
                    ),
                }
            }
            None => Group::with_title(title),
        };
        let notes: Vec<String> = diagnostic
            .notes
            .iter()
            .map(|note| shown(note, MESSAGE_SHOWN_BYTES).to_string())
            .collect();
        for note in &notes {
            group = group.element(Level::NOTE.message(note.as_str()));
        }
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        self.inner.render(&[group])
    }
}

/// The byte range of the token at 1-based `line` and `column` (in
/// characters): a quoted string, a bare key or value, or one character; an
/// empty range at the end of a line. `None` if the position is not in
/// `source`.
pub fn token_span(source: &str, line: usize, column: usize) -> Option<Range<usize>> {
    let line_start = if line <= 1 {
        0
    } else {
        source.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let line_text = source[line_start..].split('\n').next().unwrap_or("");
    let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
    let start = match line_text.char_indices().nth(column.saturating_sub(1)) {
        Some((offset, _)) => offset,
        None if line_text.chars().count() + 1 == column => line_text.len(),
        None => return None,
    };
    let rest = &line_text[start..];
    let length = match rest.chars().next() {
        None => 0,
        Some(quote @ ('"' | '\'')) => quoted_length(rest, quote),
        Some(c) if is_bare(c) => rest.find(|c: char| !is_bare(c)).unwrap_or(rest.len()),
        Some(c) => c.len_utf8(),
    };
    Some(line_start + start..line_start + start + length)
}

/// A bare TOML key or value character, and the dot of a dotted key.
fn is_bare(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '+')
}

/// The length of the string starting at the quote that starts `text`, up to
/// its closing quote, or the line's end if it has none.
fn quoted_length(text: &str, quote: char) -> usize {
    let mut escaped = false;
    for (offset, c) in text.char_indices().skip(1) {
        match c {
            '\\' if quote == '"' && !escaped => escaped = true,
            c if c == quote && !escaped => return offset + c.len_utf8(),
            _ => escaped = false,
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(source: &str, line: usize, column: usize) -> &str {
        &source[token_span(source, line, column).unwrap()]
    }

    #[test]
    fn the_caret_covers_the_token() {
        let source =
            "[A]\ndescription = 1\n\n[InvalidParameter.Value]\nextends = [\"a\\\"b.toml\", 'c']\n";
        assert_eq!(token(source, 2, 15), "1");
        assert_eq!(token(source, 2, 1), "description");
        assert_eq!(token(source, 4, 19), "Value");
        assert_eq!(token(source, 4, 2), "InvalidParameter.Value");
        assert_eq!(token(source, 5, 12), "\"a\\\"b.toml\"");
        assert_eq!(token(source, 5, 25), "'c'");
        assert_eq!(token(source, 4, 1), "[");
    }

    #[test]
    fn a_position_past_the_line_is_empty_or_absent() {
        let source = "a = \"x\nb\r\n";
        assert_eq!(token_span(source, 1, 7), Some(6..6));
        assert_eq!(token_span(source, 2, 2), Some(8..8));
        assert_eq!(token_span(source, 2, 9), None);
        assert_eq!(token_span(source, 9, 1), None);
        assert_eq!(token(source, 1, 5), "\"x");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let source = "[é]\ndescription = \"é\"";
        assert_eq!(token(source, 1, 2), "é");
        assert_eq!(token(source, 2, 15), "\"é\"");
    }
}
