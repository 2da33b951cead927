//! Errors found in codes.toml files and macro input, collected so that one
//! build reports all of them (serde_derive's `Ctxt` pattern): every pass
//! pushes into one [`Diagnostics`], and the macros turn the whole list into
//! `compile_error!`s at the end.

use std::fmt;
use std::sync::Arc;

use proc_macro2::{Span, TokenStream};

/// A position in a codes.toml file, 1-based as editors show it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file as the user wrote its path.
    pub file: Arc<str>,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` of `source`. For many lookups in one
    /// file, use a [`LineIndex`].
    pub fn of_offset(file: &Arc<str>, source: &str, offset: usize) -> Location {
        LineIndex::new(file, source).location(offset)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// Turns byte offsets of one file into line and column in O(log lines).
#[derive(Debug)]
pub struct LineIndex<'a> {
    file: Arc<str>,
    source: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the lines of `source`.
    pub fn new(file: &Arc<str>, source: &'a str) -> LineIndex<'a> {
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(newline, _)| newline + 1))
            .collect();
        LineIndex {
            file: Arc::clone(file),
            source,
            line_starts,
        }
    }

    /// The location of byte `offset`.
    pub fn location(&self, offset: usize) -> Location {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        Location {
            file: Arc::clone(&self.file),
            line,
            column: self.source[line_start..offset].chars().count() + 1,
        }
    }
}

/// One error: what is wrong, where, and how to fix it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Where in a codes.toml file, when the error is in one.
    pub location: Option<Location>,
    /// Where in the Rust source to point, when not at the macro's input.
    pub span: Option<Span>,
    /// What is wrong.
    pub message: String,
    /// Facts that explain it (`= note: ...`).
    pub notes: Vec<String>,
    /// How to fix it (`= help: ...`).
    pub help: Option<String>,
}

impl PartialEq for Diagnostic {
    /// Spans have no equality; diagnostics compare by what they say.
    fn eq(&self, other: &Diagnostic) -> bool {
        (&self.location, &self.message, &self.notes, &self.help)
            == (&other.location, &other.message, &other.notes, &other.help)
    }
}

impl Eq for Diagnostic {}

impl Diagnostic {
    /// An error at `location` in a codes.toml file.
    pub fn at(location: &Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            location: Some(location.clone()),
            ..Diagnostic::new(message)
        }
    }

    /// An error at `span` of the Rust source.
    pub fn spanned(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span: Some(span),
            ..Diagnostic::new(message)
        }
    }

    /// An error about the macro input as a whole.
    pub fn new(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            location: None,
            span: None,
            message: message.into(),
            notes: Vec::new(),
            help: None,
        }
    }

    /// Adds how to fix it.
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Adds a fact that explains it.
    pub fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// Points at `span` of the Rust source, unless it already points elsewhere.
    pub fn or_span(mut self, span: Span) -> Diagnostic {
        self.span.get_or_insert(span);
        self
    }

    /// The diagnostic as a `compile_error!` at its span, else at `default`.
    pub fn to_compile_error(&self, default: Span) -> TokenStream {
        syn::Error::new(self.span.unwrap_or(default), self).to_compile_error()
    }
}

impl From<syn::Error> for Diagnostic {
    fn from(error: syn::Error) -> Diagnostic {
        Diagnostic::spanned(error.span(), error.to_string())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        f.write_str(&self.message)?;
        for note in &self.notes {
            write!(f, "\n= note: {note}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n= help: {help}")?;
        }
        Ok(())
    }
}

/// Collects every error of one macro input.
#[derive(Debug, Default)]
pub struct Diagnostics {
    errors: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records an error.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.errors.push(diagnostic);
    }

    /// Records a parse error of the Rust input (each of its messages).
    pub fn push_syn(&mut self, error: syn::Error) {
        self.errors.extend(error.into_iter().map(Diagnostic::from));
    }

    /// Whether no error was recorded.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// How many errors were recorded.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// The errors so far, in the order they were found.
    pub fn as_slice(&self) -> &[Diagnostic] {
        &self.errors
    }

    /// The errors, in the order they were found.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.errors
    }

    /// Every error as a `compile_error!`, at its span or else at `default`.
    pub fn to_compile_errors(&self, default: Span) -> TokenStream {
        self.errors
            .iter()
            .map(|error| error.to_compile_error(default))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_lines_and_characters_from_one() {
        let file: Arc<str> = Arc::from("codes.toml");
        let source = "[A]\ndescription = \"é\"\n[B.C]\n";
        let offset = source.find("B.C").unwrap();
        let location = Location::of_offset(&file, source, offset);
        assert_eq!((location.line, location.column), (3, 2));
        assert_eq!(location.to_string(), "codes.toml:3:2");
    }

    #[test]
    fn display_puts_location_first_then_notes_then_help() {
        let file: Arc<str> = Arc::from("x.toml");
        let location = Location::of_offset(&file, "abc", 1);
        let diagnostic = Diagnostic::at(&location, "bad")
            .note("it was read twice")
            .help("fix it");
        assert_eq!(
            diagnostic.to_string(),
            "x.toml:1:2: bad\n= note: it was read twice\n= help: fix it"
        );
    }
}
