//! `tencentcloud/<product>/<version>/errorcodes.py` of the Python SDKs: the
//! comment lines right above each constant describe its code.
//!
//! ```text
//! # Internal error.
//! INTERNALERROR = 'InternalError'
//! ```

/// One constant of an errorcodes.py: the code and its description (the
/// comment lines above it, joined by newlines; empty without a comment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The code string.
    pub code: String,
    /// The description.
    pub description: String,
}

/// The entries of one errorcodes.py, in file order.
pub fn parse_errorcodes(text: &str) -> Vec<Entry> {
    described_constants(text, "#")
}

/// `CONST = "Code"` lines with the comment lines (starting with
/// `comment_prefix`) right above each as its description: the layout of
/// both Python's errorcodes.py and Go's errors.go.
pub fn described_constants(text: &str, comment_prefix: &str) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut comment: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix(comment_prefix) {
            comment.push(rest.strip_prefix(' ').unwrap_or(rest).trim_end());
            continue;
        }
        if let Some(code) = constant_value(line, '=') {
            entries.push(Entry {
                code: code.to_owned(),
                description: comment.join("\n").trim().to_owned(),
            });
        }
        // A blank line (or anything else) ends a comment: it describes nothing.
        comment.clear();
    }
    entries
}

/// The quoted value of `NAME = 'value'` (or `"value"`), where NAME is an
/// upper-case constant.
pub fn constant_value(line: &str, equals: char) -> Option<&str> {
    let (name, value) = line.split_once(equals)?;
    let name = name.trim();
    let is_constant = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    let value = value.trim();
    let unquoted = value
        .strip_prefix('\'')
        .and_then(|v| v.strip_suffix('\''))
        .or_else(|| value.strip_prefix('"').and_then(|v| v.strip_suffix('"')))?;
    (is_constant && !unquoted.contains(['\'', '"', '\\'])).then_some(unquoted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_above_a_constant_is_its_description() {
        let text = "# Copyright\n#\n# Licensed\n\n\n# 内部错误。\nINTERNALERROR = 'InternalError'\n\n\
                    INVALIDPARAMETER = 'InvalidParameter'\n\n# line one\n# line two\nX_Y = \"X.Y\"\n";
        assert_eq!(
            parse_errorcodes(text),
            [
                Entry {
                    code: "InternalError".into(),
                    description: "内部错误。".into()
                },
                Entry {
                    code: "InvalidParameter".into(),
                    description: String::new()
                },
                Entry {
                    code: "X.Y".into(),
                    description: "line one\nline two".into()
                },
            ]
        );
    }

    #[test]
    fn codes_outside_the_grammar_are_still_read() {
        let entries = parse_errorcodes("# 参数错误。\nINVALIDPARAMETER_ = 'InvalidParameter.'\n");
        assert_eq!(entries[0].code, "InvalidParameter.");
    }

    #[test]
    fn other_assignments_are_not_codes() {
        assert_eq!(constant_value("__version__ = '3.1.195'", '='), None);
        assert_eq!(constant_value("X = call('a')", '='), None);
        assert_eq!(constant_value("X = 'a\\'b'", '='), None);
    }
}
