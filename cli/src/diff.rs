//! `tencent-errors diff OLD NEW`: two catalogue exports (the JSON Lines
//! `tencent-errors export` writes) compared per product-version: codes
//! added, removed and changed (description, Chinese description, retry
//! class, deprecation), actions added, removed and changed (codes they may
//! return). Two SDK releases compare the same way: `import` each, then
//! `export` each.
//!
//! The files are untrusted: what they say is printed escaped and bounded.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use serde_json::{json, Map, Value};

use crate::args::{DiffArgs, Format};
use crate::output::{bounded_json, json, shown, CommandResult, Outcome, UsageError};

/// Bytes of a product, version, code or action name shown.
const NAME_SHOWN_BYTES: usize = 256;
/// Bytes of a description shown.
const TEXT_SHOWN_BYTES: usize = 512;

/// The fields of a code line that a change is about, in the order shown.
const CODE_FIELDS: [&str; 4] = ["description", "description_zh", "retry", "deprecated"];

/// One product-version of an export: its codes (each with its fields) and
/// its actions (each with its codes).
#[derive(Debug, Default, PartialEq)]
pub struct ProductExport {
    /// Code -> its line's fields that a change is about.
    pub codes: BTreeMap<String, Map<String, Value>>,
    /// Action -> the codes it may return.
    pub actions: BTreeMap<String, BTreeSet<String>>,
}

/// An export: (product, version) -> what it holds.
pub type Export = BTreeMap<(String, String), ProductExport>;

/// Runs `diff`, writing the changes to `out`.
pub fn run(args: &DiffArgs, out: &mut impl Write) -> CommandResult {
    let old = read_export(&args.old)?;
    let new = read_export(&args.new)?;
    let changes = diff(&old, &new);
    match args.format {
        Format::Human => write_human(&changes, out)?,
        Format::Json => {
            for change in &changes {
                for line in change.json_lines() {
                    writeln!(out, "{}", json(&line))?;
                }
            }
        }
    }
    Ok(if changes.is_empty() {
        Outcome::Success
    } else {
        Outcome::Finding
    })
}

/// Reads an export file.
pub fn read_export(path: &Path) -> Result<Export, UsageError> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| UsageError::new(format!("cannot read `{}`: {error}", path.display())))?;
    parse_export(&text).map_err(|(line, why)| {
        UsageError::new(format!(
            "{}:{line}: not a line of `tencent-errors export`: {}",
            path.display(),
            shown(&why, TEXT_SHOWN_BYTES)
        ))
    })
}

/// Parses an export; an error gives the line (from 1) and why.
pub fn parse_export(text: &str) -> Result<Export, (usize, String)> {
    let mut export = Export::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let fail = |why: String| (index + 1, why);
        let value: Value = serde_json::from_str(line).map_err(|error| fail(error.to_string()))?;
        let string = |key: &str| -> Result<String, (usize, String)> {
            value
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| fail(format!("`{key}` must be a string")))
        };
        let key = (string("product")?, string("version")?);
        match value.get("kind").and_then(Value::as_str) {
            Some("code") => {
                let code = string("code")?;
                let fields = CODE_FIELDS
                    .iter()
                    .map(|field| {
                        let value = value.get(*field).cloned().unwrap_or(Value::Null);
                        ((*field).to_owned(), value)
                    })
                    .collect();
                export.entry(key).or_default().codes.insert(code, fields);
            }
            Some("action") => {
                let action = string("action")?;
                let codes = value
                    .get("codes")
                    .and_then(Value::as_array)
                    .ok_or_else(|| fail("`codes` must be an array".to_owned()))?
                    .iter()
                    .map(|code| code.as_str().map(str::to_owned))
                    .collect::<Option<BTreeSet<String>>>()
                    .ok_or_else(|| fail("`codes` must hold strings".to_owned()))?;
                export.entry(key).or_default().actions.insert(action, codes);
            }
            _ => return Err(fail("`kind` must be \"code\" or \"action\"".to_owned())),
        }
    }
    Ok(export)
}

/// A field of a code that changed: its name, the old value, the new value.
pub type FieldChange = (String, Value, Value);

/// What changed in one product-version.
#[derive(Debug, Default, PartialEq)]
pub struct ProductChanges {
    /// The product.
    pub product: String,
    /// The API version.
    pub version: String,
    /// Codes only the new export has.
    pub codes_added: Vec<String>,
    /// Codes only the old export has.
    pub codes_removed: Vec<String>,
    /// Codes in both whose fields differ: code -> field -> (old, new).
    pub codes_changed: Vec<(String, Vec<FieldChange>)>,
    /// Actions only the new export has.
    pub actions_added: Vec<String>,
    /// Actions only the old export has.
    pub actions_removed: Vec<String>,
    /// Actions in both whose codes differ: action, codes added, codes removed.
    pub actions_changed: Vec<(String, Vec<String>, Vec<String>)>,
}

impl ProductChanges {
    fn is_empty(&self) -> bool {
        self.codes_added.is_empty()
            && self.codes_removed.is_empty()
            && self.codes_changed.is_empty()
            && self.actions_added.is_empty()
            && self.actions_removed.is_empty()
            && self.actions_changed.is_empty()
    }

    fn json_lines(&self) -> Vec<Value> {
        let base = |change: &str, kind: &str, name_key: &str, name: &str| {
            json!({
                "change": change,
                "kind": kind,
                "product": bounded_json(&self.product, NAME_SHOWN_BYTES),
                "version": bounded_json(&self.version, NAME_SHOWN_BYTES),
                name_key: bounded_json(name, NAME_SHOWN_BYTES),
            })
        };
        let mut lines = Vec::new();
        for code in &self.codes_added {
            lines.push(base("added", "code", "code", code));
        }
        for code in &self.codes_removed {
            lines.push(base("removed", "code", "code", code));
        }
        for (code, fields) in &self.codes_changed {
            let mut line = base("changed", "code", "code", code);
            let mut changed = Map::new();
            for (field, old, new) in fields {
                changed.insert(
                    field.clone(),
                    json!({"old": bounded_value(old), "new": bounded_value(new)}),
                );
            }
            line["fields"] = Value::Object(changed);
            lines.push(line);
        }
        for action in &self.actions_added {
            lines.push(base("added", "action", "action", action));
        }
        for action in &self.actions_removed {
            lines.push(base("removed", "action", "action", action));
        }
        for (action, added, removed) in &self.actions_changed {
            let mut line = base("changed", "action", "action", action);
            let bounded = |codes: &[String]| -> Vec<Value> {
                codes
                    .iter()
                    .map(|code| bounded_json(code, NAME_SHOWN_BYTES))
                    .collect()
            };
            line["codes_added"] = Value::from(bounded(added));
            line["codes_removed"] = Value::from(bounded(removed));
            lines.push(line);
        }
        lines
    }
}

/// A field's value with its strings bounded.
fn bounded_value(value: &Value) -> Value {
    match value {
        Value::String(text) => bounded_json(text, TEXT_SHOWN_BYTES),
        other => other.clone(),
    }
}

/// The changes from `old` to `new`, per product-version, sorted.
pub fn diff(old: &Export, new: &Export) -> Vec<ProductChanges> {
    let empty = ProductExport::default();
    let keys: BTreeSet<&(String, String)> = old.keys().chain(new.keys()).collect();
    keys.into_iter()
        .map(|key| {
            let before = old.get(key).unwrap_or(&empty);
            let after = new.get(key).unwrap_or(&empty);
            let mut changes = ProductChanges {
                product: key.0.clone(),
                version: key.1.clone(),
                ..ProductChanges::default()
            };
            changes.codes_added = only_in(&after.codes, &before.codes);
            changes.codes_removed = only_in(&before.codes, &after.codes);
            for (code, old_fields) in &before.codes {
                let Some(new_fields) = after.codes.get(code) else {
                    continue;
                };
                let fields: Vec<FieldChange> = CODE_FIELDS
                    .iter()
                    .filter(|field| old_fields.get(**field) != new_fields.get(**field))
                    .map(|field| {
                        let value = |fields: &Map<String, Value>| {
                            fields.get(*field).cloned().unwrap_or(Value::Null)
                        };
                        ((*field).to_owned(), value(old_fields), value(new_fields))
                    })
                    .collect();
                if !fields.is_empty() {
                    changes.codes_changed.push((code.clone(), fields));
                }
            }
            changes.actions_added = only_in(&after.actions, &before.actions);
            changes.actions_removed = only_in(&before.actions, &after.actions);
            for (action, old_codes) in &before.actions {
                let Some(new_codes) = after.actions.get(action) else {
                    continue;
                };
                if old_codes != new_codes {
                    changes.actions_changed.push((
                        action.clone(),
                        new_codes.difference(old_codes).cloned().collect(),
                        old_codes.difference(new_codes).cloned().collect(),
                    ));
                }
            }
            changes
        })
        .filter(|changes| !changes.is_empty())
        .collect()
}

fn only_in<V>(these: &BTreeMap<String, V>, not_those: &BTreeMap<String, V>) -> Vec<String> {
    these
        .keys()
        .filter(|key| !not_those.contains_key(*key))
        .cloned()
        .collect()
}

fn write_human(changes: &[ProductChanges], out: &mut impl Write) -> std::io::Result<()> {
    let name = |text: &str| shown(text, NAME_SHOWN_BYTES).to_string();
    for product in changes {
        writeln!(
            out,
            "{} {}: {}",
            name(&product.product),
            name(&product.version),
            counts(product)
        )?;
        for code in &product.codes_added {
            writeln!(out, "  + {}", name(code))?;
        }
        for code in &product.codes_removed {
            writeln!(out, "  - {}", name(code))?;
        }
        for (code, fields) in &product.codes_changed {
            writeln!(out, "  ~ {}", name(code))?;
            for (field, old, new) in fields {
                writeln!(
                    out,
                    "      {field}: {} -> {}",
                    value_text(old),
                    value_text(new)
                )?;
            }
        }
        for action in &product.actions_added {
            writeln!(out, "  + action {}", name(action))?;
        }
        for action in &product.actions_removed {
            writeln!(out, "  - action {}", name(action))?;
        }
        for (action, added, removed) in &product.actions_changed {
            let codes = added
                .iter()
                .map(|code| format!("+{}", name(code)))
                .chain(removed.iter().map(|code| format!("-{}", name(code))))
                .collect::<Vec<_>>()
                .join(" ");
            writeln!(out, "  ~ action {}: {codes}", name(action))?;
        }
    }
    let mut total = ProductChanges::default();
    for product in changes {
        total
            .codes_added
            .extend(product.codes_added.iter().cloned());
        total
            .codes_removed
            .extend(product.codes_removed.iter().cloned());
        total
            .codes_changed
            .extend(product.codes_changed.iter().cloned());
        total
            .actions_added
            .extend(product.actions_added.iter().cloned());
        total
            .actions_removed
            .extend(product.actions_removed.iter().cloned());
        total
            .actions_changed
            .extend(product.actions_changed.iter().cloned());
    }
    match changes.len() {
        0 => writeln!(out, "no changes"),
        1 => writeln!(out, "1 product-version changed: {}", counts(&total)),
        many => writeln!(out, "{many} product-versions changed: {}", counts(&total)),
    }
}

fn counts(product: &ProductChanges) -> String {
    let parts = [
        (product.codes_added.len(), "code added", "codes added"),
        (product.codes_removed.len(), "code removed", "codes removed"),
        (product.codes_changed.len(), "code changed", "codes changed"),
        (product.actions_added.len(), "action added", "actions added"),
        (
            product.actions_removed.len(),
            "action removed",
            "actions removed",
        ),
        (
            product.actions_changed.len(),
            "action changed",
            "actions changed",
        ),
    ];
    parts
        .iter()
        .filter(|(count, _, _)| *count > 0)
        .map(|(count, one, many)| format!("{count} {}", if *count == 1 { one } else { many }))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A field's value in a line: strings quoted, escaped and bounded.
fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => format!("{:?}", shown(text, TEXT_SHOWN_BYTES)),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = r#"{"kind":"code","product":"cvm","version":"v1","code":"A.B","description":"a","description_zh":null,"retry":"never","deprecated":false}
{"kind":"code","product":"cvm","version":"v1","code":"A.Gone","description":"g","description_zh":null,"retry":"never","deprecated":false}
{"kind":"action","product":"cvm","version":"v1","action":"RunInstances","codes":["A.B","A.Gone"]}
"#;
    const NEW: &str = r#"{"kind":"code","product":"cvm","version":"v1","code":"A.B","description":"a","description_zh":null,"retry":"transient","deprecated":false}
{"kind":"code","product":"cvm","version":"v1","code":"A.Gone","description":"g","description_zh":null,"retry":"never","deprecated":"3.1.200"}
{"kind":"code","product":"cvm","version":"v1","code":"A.New","description":"n","description_zh":"新","retry":"never","deprecated":false}
{"kind":"action","product":"cvm","version":"v1","action":"RunInstances","codes":["A.B","A.New"]}
{"kind":"action","product":"cvm","version":"v1","action":"StopInstances","codes":[]}
"#;

    #[test]
    fn changes_are_found_per_product_version() {
        let changes = diff(&parse_export(OLD).unwrap(), &parse_export(NEW).unwrap());
        assert_eq!(changes.len(), 1);
        let cvm = &changes[0];
        assert_eq!(cvm.codes_added, ["A.New"]);
        assert!(cvm.codes_removed.is_empty());
        let changed: Vec<(&str, Vec<&str>)> = cvm
            .codes_changed
            .iter()
            .map(|(code, fields)| (code.as_str(), fields.iter().map(|f| f.0.as_str()).collect()))
            .collect();
        assert_eq!(
            changed,
            [("A.B", vec!["retry"]), ("A.Gone", vec!["deprecated"])]
        );
        assert_eq!(cvm.actions_added, ["StopInstances"]);
        assert_eq!(
            cvm.actions_changed,
            [(
                "RunInstances".to_owned(),
                vec!["A.New".to_owned()],
                vec!["A.Gone".to_owned()]
            )]
        );
    }

    #[test]
    fn identical_exports_have_no_changes() {
        let old = parse_export(OLD).unwrap();
        assert!(diff(&old, &old).is_empty());
    }

    #[test]
    fn a_bad_line_is_named() {
        let text = format!("{OLD}{{\"kind\":\"code\"}}\n");
        assert_eq!(parse_export(&text).unwrap_err().0, 4);
        assert_eq!(parse_export("not json").unwrap_err().0, 1);
    }
}
