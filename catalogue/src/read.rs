//! Reading the catalogue's files back into the model.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::model::{Catalogue, Code, ProductData, ProductVersion, Retry};
use crate::{ACTIONS_FILE, CODES_FILE, DATA_DIR};

/// A catalogue file that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The file (or folder) at fault.
    pub path: PathBuf,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for ReadError {}

/// Reads every `data/<product>/<version>/` folder under `root`. A missing
/// `data/` folder is an empty catalogue.
///
/// ```
/// let catalogue = tencent_errors_catalogue::read::read_catalogue(tencent_errors_catalogue::root())?;
/// let streamlive = &catalogue.products[&tencent_errors_catalogue::ProductVersion::new("mdl", "v20200326")];
/// assert!(streamlive.codes.contains_key("InvalidParameter.Name"));
/// assert!(streamlive.actions["CreateStreamLiveChannel"].iter().any(|code| code == "InvalidParameter.Name"));
/// # Ok::<(), tencent_errors_catalogue::read::ReadError>(())
/// ```
pub fn read_catalogue(root: &Path) -> Result<Catalogue, ReadError> {
    let data = root.join(DATA_DIR);
    let mut catalogue = Catalogue::default();
    if !data.is_dir() {
        return Ok(catalogue);
    }
    for product in sorted_dirs(&data)? {
        for version in sorted_dirs(&product)? {
            let key = ProductVersion::new(file_name(&product), file_name(&version));
            let codes_path = version.join(CODES_FILE);
            let codes = parse_codes(&codes_path, &read_text(&codes_path)?)?;
            let actions_path = version.join(ACTIONS_FILE);
            let actions = if actions_path.exists() {
                parse_actions(&actions_path, &read_text(&actions_path)?)?
            } else {
                BTreeMap::new()
            };
            catalogue
                .products
                .insert(key, ProductData { codes, actions });
        }
    }
    Ok(catalogue)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn sorted_dirs(dir: &Path) -> Result<Vec<PathBuf>, ReadError> {
    let entries = std::fs::read_dir(dir).map_err(|error| io_error(dir, &error))?;
    let mut dirs = Vec::new();
    for entry in entries {
        let path = entry.map_err(|error| io_error(dir, &error))?.path();
        if path.is_dir() {
            dirs.push(path);
        }
    }
    dirs.sort();
    Ok(dirs)
}

fn read_text(path: &Path) -> Result<String, ReadError> {
    std::fs::read_to_string(path).map_err(|error| io_error(path, &error))
}

fn io_error(path: &Path, error: &std::io::Error) -> ReadError {
    ReadError {
        path: path.to_owned(),
        message: error.to_string(),
    }
}

fn error(path: &Path, message: impl Into<String>) -> ReadError {
    ReadError {
        path: path.to_owned(),
        message: message.into(),
    }
}

fn parse_document<'i>(path: &Path, text: &'i str) -> Result<DeTable<'i>, ReadError> {
    DeTable::parse(text)
        .map(|table| table.into_inner())
        .map_err(|e| {
            error(
                path,
                format!("TOML syntax error: {}", e.message().trim_end()),
            )
        })
}

/// Parses a codes.toml of the catalogue: `extends` and code tables, with
/// the keys the importer writes.
pub fn parse_codes(path: &Path, text: &str) -> Result<BTreeMap<String, Code>, ReadError> {
    let root = parse_document(path, text)?;
    let mut codes = BTreeMap::new();
    for (key, value) in root.iter() {
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("extends", DeValue::Array(_)) => {}
            (name, DeValue::Table(table)) => collect_codes(path, name, table, &mut codes)?,
            (name, _) => {
                return Err(error(
                    path,
                    format!("top-level key `{name}` is not a table"),
                ))
            }
        }
    }
    Ok(codes)
}

fn collect_codes(
    path: &Path,
    code: &str,
    table: &DeTable<'_>,
    codes: &mut BTreeMap<String, Code>,
) -> Result<(), ReadError> {
    let mut entry = Code::default();
    let mut is_code = false;
    for (key, value) in table.iter() {
        let key = key.get_ref().as_ref();
        let text = match value.get_ref() {
            DeValue::Table(child) => {
                collect_codes(path, &format!("{code}.{key}"), child, codes)?;
                continue;
            }
            DeValue::String(text) => text.to_string(),
            _ => return Err(error(path, format!("`[{code}]`: `{key}` is not a string"))),
        };
        let slot = match key {
            "description" => &mut entry.description,
            "description_zh" => &mut entry.description_zh,
            "retry_reason" => &mut entry.retry_reason,
            "variant" => &mut entry.variant,
            "deprecated" => &mut entry.deprecated,
            "retry" => {
                entry.retry = Some(Retry::parse(&text).ok_or_else(|| {
                    error(path, format!("`[{code}]`: unknown retry class `{text}`"))
                })?);
                continue;
            }
            _ => return Err(error(path, format!("`[{code}]`: unknown key `{key}`"))),
        };
        is_code |= key.starts_with("description");
        *slot = Some(text);
    }
    if is_code {
        codes.insert(code.to_owned(), entry);
    } else if entry != Code::default() {
        return Err(error(
            path,
            format!("`[{code}]` has settings but no description: the catalogue holds codes, not categories"),
        ));
    }
    Ok(())
}

/// Parses an actions.toml: `Action = ["Code", ...]` lines; each action's
/// codes come sorted and distinct.
pub fn parse_actions(path: &Path, text: &str) -> Result<BTreeMap<String, Vec<String>>, ReadError> {
    let root = parse_document(path, text)?;
    let mut actions = BTreeMap::new();
    for (key, value) in root.iter() {
        let action = key.get_ref().to_string();
        let DeValue::Array(items) = value.get_ref() else {
            return Err(error(path, format!("`{action}` is not an array of codes")));
        };
        let mut codes = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(code) => codes.push(code.to_string()),
                _ => {
                    return Err(error(
                        path,
                        format!("`{action}` holds something other than a code string"),
                    ))
                }
            }
        }
        codes.sort_unstable();
        codes.dedup();
        actions.insert(action, codes);
    }
    Ok(actions)
}
