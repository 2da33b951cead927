//! Errors found in codes.toml files and macro input, collected so that one
//! build reports all of them (serde_derive's context pattern).

use std::fmt;
use std::sync::Arc;

/// A position in a codes.toml file, 1-based as editors show it.
#[derive(Debug, Clone, PartialEq, Eq)]
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

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// One error, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where in a codes.toml file, when the error is in one.
    pub location: Option<Location>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `location`.
    pub fn at(location: &Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            location: Some(location.clone()),
            message: message.into(),
            help: None,
        }
    }

    /// An error about the macro input itself.
    pub fn new(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            location: None,
            message: message.into(),
            help: None,
        }
    }

    /// Adds how to fix it.
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        f.write_str(&self.message)?;
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

    /// Whether no error was recorded.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The errors, in the order they were found.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.errors
    }

    /// The errors so far.
    pub fn as_slice(&self) -> &[Diagnostic] {
        &self.errors
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
    fn display_puts_location_first_and_help_last() {
        let file: Arc<str> = Arc::from("x.toml");
        let location = Location::of_offset(&file, "abc", 1);
        let diagnostic = Diagnostic::at(&location, "bad").help("fix it");
        assert_eq!(diagnostic.to_string(), "x.toml:1:2: bad\n= help: fix it");
    }
}
