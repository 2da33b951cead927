//! The codes.toml format: parsing a file into a flat list of tables, each
//! with its dotted path, settings and position. Checks that need only one
//! table happen here; checks across tables are in `validate`.
//!
//! A table with `description` is a code and its dotted path is the code
//! string; a table without `description` is a category whose settings are
//! defaults for the codes below it.

use std::sync::Arc;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics, LineIndex, Location};
use crate::naming;

/// The English description of a code (a table with it is a code).
pub const DESCRIPTION: &str = "description";
/// The Chinese description of a code (a table with it is a code too).
pub const DESCRIPTION_ZH: &str = "description_zh";
/// The retry class of a code, or the default of a category.
pub const RETRY: &str = "retry";
/// Why `retry` was chosen, for readers of the file (and the variant's docs).
pub const RETRY_REASON: &str = "retry_reason";
/// An explicit variant name.
pub const VARIANT: &str = "variant";
/// The SDK release that removed the code.
pub const DEPRECATED: &str = "deprecated";
/// Every key a table may hold besides its child tables.
pub const KNOWN_KEYS: &[&str] = &[
    DESCRIPTION,
    DESCRIPTION_ZH,
    RETRY,
    RETRY_REASON,
    VARIANT,
    DEPRECATED,
];
/// The top-level key listing the layers a file builds on.
pub const EXTENDS: &str = "extends";

/// How a failed request may be retried, as codes.toml spells it: the
/// build side's copy of the runtime's `RetryClass`, in the same order (the
/// table stores `class as u8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RetryClass {
    /// `"never"`: fix the request.
    #[default]
    Never,
    /// `"throttling"`: a rate limit rejected the request before it ran.
    Throttling,
    /// `"transient"`: the service failed, perhaps after the request ran.
    Transient,
    /// `"refresh"`: re-sign or refresh credentials, then retry once.
    Refresh,
}

impl RetryClass {
    /// Every class, in table-byte order.
    pub const ALL: [RetryClass; 4] = [
        RetryClass::Never,
        RetryClass::Throttling,
        RetryClass::Transient,
        RetryClass::Refresh,
    ];

    /// The codes.toml spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            RetryClass::Never => "never",
            RetryClass::Throttling => "throttling",
            RetryClass::Transient => "transient",
            RetryClass::Refresh => "refresh",
        }
    }

    /// Parses the codes.toml spelling.
    pub fn parse(text: &str) -> Option<RetryClass> {
        RetryClass::ALL
            .into_iter()
            .find(|retry| retry.as_str() == text)
    }

    /// The byte the runtime's tables store (`RetryClass as u8`).
    pub fn table_byte(self) -> u8 {
        self as u8
    }
}

/// A value read from a codes.toml file, with where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// The value as read.
    pub value: T,
    /// Where it is written, for diagnostics.
    pub location: Location,
}

/// One table of a codes.toml file: a code or a category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The dotted path, e.g. `AuthFailure.SignatureExpire`.
    pub path: String,
    /// Where the table's last key is written.
    pub location: Location,
    /// The English description: a code has it or `description_zh`.
    pub description: Option<Located<String>>,
    /// The Chinese description.
    pub description_zh: Option<Located<String>>,
    /// The retry class set here, if any.
    pub retry: Option<Located<RetryClass>>,
    /// Why `retry` is what it is.
    pub retry_reason: Option<Located<String>>,
    /// An explicit variant name, if any.
    pub variant: Option<Located<String>>,
    /// The SDK release that removed the code, if one did.
    pub deprecated: Option<Located<String>>,
    /// Whether tables are nested below this one.
    pub has_children: bool,
}

impl Table {
    /// Whether the table is a code (it has `description` or `description_zh`).
    pub fn is_code(&self) -> bool {
        self.description.is_some() || self.description_zh.is_some()
    }
}

/// A parsed codes.toml file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodesFile {
    /// The `extends` entries, in order: `"tencent-errors"` or paths
    /// relative to this file.
    pub extends: Vec<Located<String>>,
    /// Every table, parents before children, in source order among siblings.
    pub tables: Vec<Table>,
}

/// Parses `source` (the text of the file labelled `file` in messages),
/// recording every error in `diagnostics`. Whatever parses is returned, so
/// later passes can still report their own errors.
pub fn parse(file: &Arc<str>, source: &str, diagnostics: &mut Diagnostics) -> CodesFile {
    let root = match DeTable::parse(source) {
        Ok(root) => root,
        Err(error) => {
            let offset = error.span().map_or(0, |span| span.start);
            let message = error.message().trim_end().replace('\n', " ");
            diagnostics.push(
                Diagnostic::at(
                    &Location::of_offset(file, source, offset),
                    format!("TOML syntax error: {message}"),
                )
                .help("codes.toml must be valid TOML (https://toml.io)"),
            );
            return CodesFile::default();
        }
    };
    let mut parser = Parser {
        lines: LineIndex::new(file, source),
        extends: Vec::new(),
        diagnostics,
        tables: Vec::new(),
    };
    for (key, value) in sorted_entries(root.get_ref()) {
        parser.top_level_entry(key, value);
    }
    CodesFile {
        extends: parser.extends,
        tables: parser.tables,
    }
}

struct Parser<'a> {
    lines: LineIndex<'a>,
    extends: Vec<Located<String>>,
    diagnostics: &'a mut Diagnostics,
    tables: Vec<Table>,
}

type Entry<'a, 'i> = (
    &'a Spanned<std::borrow::Cow<'i, str>>,
    &'a Spanned<DeValue<'i>>,
);

/// A table's entries in source order (the parser stores them sorted by key).
fn sorted_entries<'a, 'i>(table: &'a DeTable<'i>) -> Vec<Entry<'a, 'i>> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

impl Parser<'_> {
    fn location(&self, offset: usize) -> Location {
        self.lines.location(offset)
    }

    fn top_level_entry(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        value: &Spanned<DeValue<'_>>,
    ) {
        match value.get_ref() {
            DeValue::Table(table) => self.table(None, key, table),
            DeValue::Array(entries) if key.get_ref() == EXTENDS => {
                for entry in entries.iter() {
                    let location = self.location(entry.span().start);
                    match entry.get_ref() {
                        DeValue::String(text) => self.extends.push(Located {
                            value: text.to_string(),
                            location,
                        }),
                        other => self.diagnostics.push(
                            Diagnostic::at(
                                &location,
                                format!("`extends` entries are strings, found {}", kind(other)),
                            )
                            .help("write `extends = [\"tencent-errors\", \"../other.toml\"]`"),
                        ),
                    }
                }
            }
            _ if key.get_ref() == EXTENDS => {
                let location = self.location(value.span().start);
                self.diagnostics.push(
                    Diagnostic::at(
                        &location,
                        format!(
                            "`extends` must be an array, found {}",
                            kind(value.get_ref())
                        ),
                    )
                    .help("write `extends = [\"tencent-errors\"]`"),
                );
            }
            _ => {
                let location = self.location(key.span().start);
                let name = key.get_ref();
                self.diagnostics.push(
                    Diagnostic::at(&location, format!("top-level key `{name}` is not a table"))
                        .help(format!("codes and categories are tables: write `[{name}]` and put `description = \"...\"` inside")),
                );
            }
        }
    }

    fn table(
        &mut self,
        parent: Option<&str>,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        table: &DeTable<'_>,
    ) {
        let name: &str = key.get_ref();
        let location = self.location(key.span().start);
        let path = match parent {
            Some(parent) => format!("{parent}.{name}"),
            None => name.to_owned(),
        };
        if !self.check_key(name, &path, &location) {
            return;
        }
        let index = self.tables.len();
        self.tables.push(Table {
            path: path.clone(),
            location: location.clone(),
            description: None,
            description_zh: None,
            retry: None,
            retry_reason: None,
            variant: None,
            deprecated: None,
            has_children: false,
        });
        let mut has_children = false;
        for (child_key, child_value) in sorted_entries(table) {
            let child_name: &str = child_key.get_ref();
            match child_value.get_ref() {
                DeValue::Table(child) => {
                    has_children = true;
                    self.table(Some(&path), child_key, child);
                }
                value => self.setting(index, child_name, child_key, child_value, value),
            }
        }
        self.tables[index].has_children = has_children;
        self.check_table(index);
    }

    /// Rules that need only the table itself.
    fn check_table(&mut self, index: usize) {
        let table = &self.tables[index];
        // `retry_reason` explains the `retry` of the same table.
        if let (Some(reason), None) = (&table.retry_reason, &table.retry) {
            let diagnostic = Diagnostic::at(
                &reason.location,
                format!("`[{}]` sets `retry_reason` but no `retry`", table.path),
            )
            .help("add the `retry` it explains, or remove `retry_reason`");
            self.diagnostics.push(diagnostic);
        }
    }

    /// A key names one segment: quoted keys with dots, and keys outside the
    /// grammar, are refused.
    fn check_key(&mut self, name: &str, path: &str, location: &Location) -> bool {
        if name.contains('.') {
            let unquoted = path.to_owned();
            self.diagnostics.push(
                Diagnostic::at(location, format!("quoted key `\"{name}\"` holds a dot, so it is one segment, not a code path"))
                    .help(format!("write the path without quotes: `[{unquoted}]`")),
            );
            return false;
        }
        if let Err(message) = naming::check_code(path) {
            let help = if path.len() > naming::MAX_CODE_LEN {
                "shorten the table's path"
            } else {
                "rename the table so that every segment matches `[A-Za-z][A-Za-z0-9_]*`"
            };
            self.diagnostics
                .push(Diagnostic::at(location, message).help(help));
            return false;
        }
        true
    }

    fn setting(
        &mut self,
        index: usize,
        name: &str,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        spanned: &Spanned<DeValue<'_>>,
        value: &DeValue<'_>,
    ) {
        let path = self.tables[index].path.clone();
        let key_location = self.location(key.span().start);
        let location = self.location(spanned.span().start);
        let text = match value {
            DeValue::String(text) => Some(text.as_ref()),
            _ => None,
        };
        match (name, text) {
            (DESCRIPTION | DESCRIPTION_ZH, Some(text)) => {
                if text.trim().is_empty() {
                    self.diagnostics.push(
                        Diagnostic::at(&location, format!("`[{path}]` has an empty `{name}`"))
                            .help("describe the code in a sentence: it becomes the variant's documentation"),
                    );
                }
                let setting = Some(Located {
                    value: text.to_owned(),
                    location,
                });
                match name {
                    DESCRIPTION => self.tables[index].description = setting,
                    _ => self.tables[index].description_zh = setting,
                }
            }
            (RETRY_REASON, Some(text)) => {
                self.tables[index].retry_reason = Some(Located {
                    value: text.to_owned(),
                    location,
                });
            }
            (DEPRECATED, Some(text)) => {
                if text.trim().is_empty() {
                    self.diagnostics.push(
                        Diagnostic::at(&location, format!("`[{path}]` has an empty `deprecated`"))
                            .help("name the SDK release that removed the code, e.g. `deprecated = \"3.0.1200\"`"),
                    );
                }
                self.tables[index].deprecated = Some(Located {
                    value: text.to_owned(),
                    location,
                });
            }
            (RETRY, Some(text)) => match RetryClass::parse(text) {
                Some(retry) => {
                    self.tables[index].retry = Some(Located {
                        value: retry,
                        location,
                    })
                }
                None => {
                    let spellings: Vec<&str> =
                        RetryClass::ALL.iter().map(|retry| retry.as_str()).collect();
                    let mut help = format!(
                        "use one of {}",
                        spellings
                            .iter()
                            .map(|s| format!("\"{s}\""))
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                    if let Some(guess) =
                        naming::did_you_mean(&naming::closest(text, spellings.iter().copied(), 1))
                    {
                        help = format!("{guess} ({help})");
                    }
                    self.diagnostics.push(
                        Diagnostic::at(
                            &location,
                            format!("unknown retry class \"{text}\" in `[{path}]`"),
                        )
                        .help(help),
                    );
                }
            },
            (VARIANT, Some(text)) => {
                self.tables[index].variant = Some(Located {
                    value: text.to_owned(),
                    location,
                });
            }
            (DESCRIPTION | DESCRIPTION_ZH | RETRY | RETRY_REASON | VARIANT | DEPRECATED, None) => {
                if name == DESCRIPTION || name == DESCRIPTION_ZH {
                    // Still a code: one mistake, one error.
                    self.tables[index].description = Some(Located {
                        value: String::new(),
                        location: location.clone(),
                    });
                }
                self.diagnostics.push(
                    Diagnostic::at(
                        &location,
                        format!(
                            "`{name}` in `[{path}]` must be a string, found {}",
                            kind(value)
                        ),
                    )
                    .help(format!("write `{name} = \"...\"`")),
                );
            }
            _ => {
                let mut help = format!(
                    "the known keys are {}; a nested table ([{path}.{name}]) is a code below this one",
                    KNOWN_KEYS.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                );
                if let Some(guess) =
                    naming::did_you_mean(&naming::closest(name, KNOWN_KEYS.iter().copied(), 1))
                {
                    help = format!("{guess} {help}");
                }
                self.diagnostics.push(
                    Diagnostic::at(&key_location, format!("unknown key `{name}` in `[{path}]`"))
                        .help(help),
                );
            }
        }
    }
}

fn kind(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a datetime",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(source: &str) -> (CodesFile, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let file = parse(&Arc::from("codes.toml"), source, &mut diagnostics);
        let messages = diagnostics
            .into_vec()
            .iter()
            .map(ToString::to_string)
            .collect();
        (file, messages)
    }

    #[test]
    fn tables_become_codes_and_categories_in_source_order() {
        let (file, errors) = parse_str(
            "[Zeta]\ndescription = \"z\"\n\n[AuthFailure]\nretry = \"never\"\n\n[AuthFailure.SignatureExpire]\ndescription = \"Signature expired.\"\nretry = \"refresh\"\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let paths: Vec<_> = file.tables.iter().map(|t| t.path.as_str()).collect();
        assert_eq!(
            paths,
            ["Zeta", "AuthFailure", "AuthFailure.SignatureExpire"]
        );
        let expire = &file.tables[2];
        assert!(expire.is_code());
        assert_eq!(expire.retry.as_ref().unwrap().value, RetryClass::Refresh);
        assert_eq!((expire.location.line, expire.location.column), (7, 14));
        assert!(!file.tables[1].is_code());
        assert!(file.tables[1].has_children);
    }

    #[test]
    fn syntax_error_shows_line_and_column() {
        let (_, errors) = parse_str("[A]\ndescription = \"x\n");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("codes.toml:2:"), "{}", errors[0]);
        assert!(errors[0].contains("TOML syntax error"));
    }

    #[test]
    fn unknown_key_lists_the_known_keys_and_guesses() {
        let (_, errors) = parse_str("[A]\ndescription = \"x\"\nretyr = \"never\"\n");
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("codes.toml:3:1: unknown key `retyr` in `[A]`"),
            "{}",
            errors[0]
        );
        assert!(errors[0].contains("did you mean `retry`?"));
        assert!(errors[0].contains(
            "`description`, `description_zh`, `retry`, `retry_reason`, `variant`, `deprecated`"
        ));
    }

    #[test]
    fn bad_retry_value_is_reported_with_the_spellings() {
        let (_, errors) = parse_str("[A]\ndescription = \"x\"\nretry = \"throttled\"\n");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].contains("unknown retry class \"throttled\""));
        assert!(errors[0].contains("did you mean `throttling`?"));
    }

    #[test]
    fn quoted_dotted_key_shows_the_unquoted_form() {
        let (_, errors) = parse_str("[\"AuthFailure.SignatureExpire\"]\ndescription = \"x\"\n");
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].contains("write the path without quotes: `[AuthFailure.SignatureExpire]`"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn extends_lists_its_layers() {
        let (file, errors) = parse_str(
            "extends = [\"tencent-errors\", \"../base.toml\"]\n[A]\ndescription = \"a\"\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let layers: Vec<_> = file.extends.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(layers, ["tencent-errors", "../base.toml"]);
        assert_eq!(file.extends[1].location.column, 30);
    }

    #[test]
    fn invalid_segment_is_reported() {
        let (_, errors) = parse_str("[A.1B]\ndescription = \"x\"\n");
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].contains("invalid segment `1B` in `A.1B`"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn all_errors_of_a_file_are_reported_at_once() {
        let (_, errors) =
            parse_str("[A]\ndescription = 1\n[B]\nretry = \"maybe\"\ndescription = \"b\"\n[C]\n");
        assert_eq!(errors.len(), 2, "{errors:?}");
    }

    #[test]
    fn catalogue_keys_are_read() {
        let (file, errors) = parse_str(
            "[A]\ndescription_zh = \"内部错误。\"\nretry = \"transient\"\nretry_reason = \"internal errors are transient\"\ndeprecated = \"3.0.1200\"\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let table = &file.tables[0];
        assert!(table.is_code(), "a Chinese description alone makes a code");
        assert_eq!(table.description, None);
        assert_eq!(table.description_zh.as_ref().unwrap().value, "内部错误。");
        assert_eq!(
            table.retry_reason.as_ref().unwrap().value,
            "internal errors are transient"
        );
        assert_eq!(table.deprecated.as_ref().unwrap().value, "3.0.1200");
    }

    #[test]
    fn empty_catalogue_keys_are_errors() {
        let (_, errors) = parse_str("[A]\ndescription_zh = \" \"\ndeprecated = \"\"\n");
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].contains("`[A]` has an empty `description_zh`"));
        assert!(errors[1].contains("`[A]` has an empty `deprecated`"));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for (source, first_error) in [
            ("=", "codes.toml:1:1: TOML syntax error"),
            (
                "[[A]]\n",
                "codes.toml:1:3: top-level key `A` is not a table",
            ),
            ("A = 1", "codes.toml:1:1: top-level key `A` is not a table"),
            (
                "[A]\n[A]\n",
                "codes.toml:2:2: TOML syntax error: duplicate key",
            ),
            (
                "[A.B]\nx.y.z = 1",
                "codes.toml:2:5: unknown key `z` in `[A.B.x.y]`",
            ),
            ("\u{0}", "codes.toml:1:2: TOML syntax error"),
            (
                "[A]\ndescription = \"\"\n",
                "codes.toml:2:15: `[A]` has an empty `description`",
            ),
        ] {
            let (_, errors) = parse_str(source);
            assert!(
                errors
                    .first()
                    .is_some_and(|error| error.starts_with(first_error)),
                "{source:?}: {errors:?}"
            );
        }
        let (file, errors) = parse_str("");
        assert!(errors.is_empty() && file.tables.is_empty());
    }
}
