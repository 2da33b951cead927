//! What every command shares when it prints: the exit status, untrusted text
//! escaped and bounded (the runtime's [`Bounded`]), and JSON that no terminal
//! acts on.

use std::fmt;
use std::io;
use std::process::ExitCode;

use serde_json::Value;
use tencent_errors::escape::{truncate, Bounded};

/// How a command ended, as its exit status says it (documented in `--help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0: the answer is what was hoped for.
    Success,
    /// Exit 1: a finding: an unknown code, no match, an invalid file, an
    /// error response, a difference.
    Finding,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        match outcome {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::Finding => ExitCode::from(1),
        }
    }
}

/// Why a command could not answer (exit 2): bad arguments, a file that
/// cannot be read, output that cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError {
    message: String,
    closed_pipe: bool,
}

impl UsageError {
    /// The exit status of a usage error.
    pub const EXIT_STATUS: u8 = 2;

    /// A usage error that `message` explains.
    pub fn new(message: impl Into<String>) -> UsageError {
        UsageError {
            message: message.into(),
            closed_pipe: false,
        }
    }

    /// Whether the reader of the output went away (`| head`): not worth a
    /// message, as with any command-line tool.
    pub fn is_closed_pipe(&self) -> bool {
        self.closed_pipe
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<io::Error> for UsageError {
    fn from(error: io::Error) -> UsageError {
        UsageError {
            message: format!("writing the answer: {error}"),
            closed_pipe: error.kind() == io::ErrorKind::BrokenPipe,
        }
    }
}

/// What a command returns: how it ended, or why it could not answer.
pub type CommandResult = Result<Outcome, UsageError>;

/// Bytes of a line of a user's file shown in a message.
pub const FILE_TEXT_SHOWN_BYTES: usize = 256;

/// Untrusted text as the runtime's `Display` shows it: control characters
/// escaped, at most `max_bytes`.
pub fn shown(text: &str, max_bytes: usize) -> Bounded<'_> {
    Bounded::new(text, max_bytes)
}

/// Untrusted text for a JSON document: at most `max_bytes` (cut on a
/// character boundary); [`json`] escapes what needs escaping.
pub fn bounded_json(text: &str, max_bytes: usize) -> Value {
    Value::from(truncate(text, max_bytes))
}

/// `value` as one line of JSON. Besides what JSON escapes (controls below
/// U+0020, `"` and `\`), the C1 controls and the line and paragraph
/// separators are written `\uXXXX`: a terminal showing the line acts on none.
pub fn json(value: &Value) -> String {
    let text = value.to_string();
    if !text.chars().any(needs_json_escape) {
        return text;
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs_json_escape(c) {
            // Only inside strings: JSON outside strings is ASCII.
            escaped.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            escaped.push(c);
        }
    }
    escaped
}

fn needs_json_escape(c: char) -> bool {
    ('\u{7f}'..='\u{9f}').contains(&c) || c == '\u{2028}' || c == '\u{2029}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_c1_controls_and_separators_and_stays_json() {
        let value = serde_json::json!({"m": "a\u{1b}[2Kb\u{9b}31mc\u{2028}d"});
        let line = json(&value);
        assert_eq!(line, r#"{"m":"a\u001b[2Kb\u009b31mc\u2028d"}"#);
        let back: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn bounded_json_cuts_on_a_character_boundary() {
        assert_eq!(bounded_json("héllo", 2), Value::from("h"));
    }
}
