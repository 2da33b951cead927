//! Writing the catalogue's files: deterministic text (sorted, one layout),
//! so that importing the same sources twice gives the same bytes.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use crate::model::{Catalogue, Code, ProductData, ProductVersion};
use crate::{ACTIONS_FILE, CODES_FILE, DATA_DIR};

/// A TOML basic string: `"` and `\` escaped, control characters as escapes,
/// everything else (Chinese included) as it is.
///
/// ```
/// use tencent_errors_catalogue::write::quote;
///
/// assert_eq!(quote("say \"hi\"\n"), r#""say \"hi\"\n""#);
/// assert_eq!(quote("稍后重试"), "\"稍后重试\"");
/// ```
pub fn quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            '\r' => quoted.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(quoted, "\\u{:04X}", u32::from(c));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// The text of a product-version's codes.toml.
///
/// ```
/// use tencent_errors_catalogue::write::render_codes;
/// use tencent_errors_catalogue::{Code, ProductData, ProductVersion};
///
/// let mut data = ProductData::default();
/// data.codes.insert(
///     "InvalidParameter.Name".into(),
///     Code { description: Some("The name is invalid.".into()), ..Code::default() },
/// );
/// let text = render_codes(&ProductVersion::new("mdl", "v20200326"), &data);
/// assert!(text.contains("extends = [\"tencent-errors\"]\n\n[InvalidParameter.Name]\ndescription = \"The name is invalid.\"\n"));
/// ```
pub fn render_codes(key: &ProductVersion, data: &ProductData) -> String {
    let mut text = format!(
        "# The error codes of {key}, from Tencent Cloud's SDKs (Apache-2.0): see\n\
         # ../../../sources.toml and ../../../NOTICE. Written by `tencent-errors import`.\n\
         extends = [\"tencent-errors\"]\n"
    );
    for (code, entry) in &data.codes {
        text.push('\n');
        render_code(&mut text, code, entry);
    }
    text
}

fn render_code(text: &mut String, code: &str, entry: &Code) {
    let _ = writeln!(text, "[{code}]");
    let settings = [
        ("description", entry.description.as_deref()),
        ("description_zh", entry.description_zh.as_deref()),
        ("retry", entry.retry.map(|retry| retry.as_str())),
        ("retry_reason", entry.retry_reason.as_deref()),
        ("variant", entry.variant.as_deref()),
        ("deprecated", entry.deprecated.as_deref()),
    ];
    for (key, value) in settings {
        if let Some(value) = value {
            let _ = writeln!(text, "{key} = {}", quote(value));
        }
    }
}

/// The text of a product-version's actions.toml: one line per action.
///
/// ```
/// use tencent_errors_catalogue::write::render_actions;
/// use tencent_errors_catalogue::{ProductData, ProductVersion};
///
/// let mut data = ProductData::default();
/// data.actions.insert("DeleteStreamLiveChannel".into(), vec!["FailedOperation".into(), "InternalError".into()]);
/// let text = render_actions(&ProductVersion::new("mdl", "v20200326"), &data);
/// assert!(text.ends_with("\nDeleteStreamLiveChannel = [\"FailedOperation\", \"InternalError\"]\n"));
/// ```
pub fn render_actions(key: &ProductVersion, data: &ProductData) -> String {
    let mut text = format!(
        "# The codes each action of {key} may return, as Tencent Cloud's Go SDKs list them\n\
         # (the union of both), besides the common codes every action may return.\n\
         # Written by `tencent-errors import`.\n"
    );
    for (action, codes) in &data.actions {
        let codes: Vec<String> = codes.iter().map(|code| quote(code)).collect();
        let _ = writeln!(text, "{action} = [{}]", codes.join(", "));
    }
    text
}

/// Writes every product-version's files under `root/data/`, leaving other
/// files alone. A product-version without actions has no actions.toml.
pub fn write_catalogue(root: &Path, catalogue: &Catalogue) -> io::Result<()> {
    for (key, data) in &catalogue.products {
        let dir = root.join(DATA_DIR).join(&key.product).join(&key.version);
        std::fs::create_dir_all(&dir)?;
        write_if_changed(&dir.join(CODES_FILE), &render_codes(key, data))?;
        let actions = dir.join(ACTIONS_FILE);
        if data.actions.is_empty() {
            match std::fs::remove_file(&actions) {
                Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
                _ => {}
            }
        } else {
            write_if_changed(&actions, &render_actions(key, data))?;
        }
    }
    Ok(())
}

/// Writes `text` unless the file already holds it (keeps modification times,
/// so a rerun on the same sources touches nothing).
pub fn write_if_changed(path: &Path, text: &str) -> io::Result<()> {
    match std::fs::read(path) {
        Ok(old) if old == text.as_bytes() => Ok(()),
        _ => std::fs::write(path, text),
    }
}
