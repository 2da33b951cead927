//! Finding and reading a codes.toml file, then running parse and validate
//! over it. Plain Rust: a command-line tool can call it as the macros do.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::schema;
use crate::validate::{self, CodeSet};

/// A loaded code set and the files it was read from (for rebuild tracking).
#[derive(Debug, Default)]
pub struct Loaded {
    /// The resolved codes.
    pub set: CodeSet,
    /// Absolute paths of every file read.
    pub files: Vec<PathBuf>,
}

/// Loads `relative` (as written by the user) from `manifest_dir`.
pub fn load(manifest_dir: &Path, relative: &str, diagnostics: &mut Diagnostics) -> Loaded {
    let Some(path) = resolve_path(manifest_dir, relative, diagnostics) else {
        return Loaded::default();
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(error) => {
            diagnostics.push(
                Diagnostic::new(format!("cannot read `{relative}`: {error}")).help(format!(
                    "the path is relative to the crate root (CARGO_MANIFEST_DIR): {}",
                    manifest_dir.display()
                )),
            );
            return Loaded::default();
        }
    };
    load_source(relative, &source, path, diagnostics)
}

/// Parses and validates `source`, the text of the file at `path`.
pub fn load_source(
    label: &str,
    source: &str,
    path: PathBuf,
    diagnostics: &mut Diagnostics,
) -> Loaded {
    let file = schema::parse(&Arc::from(label), source, diagnostics);
    let set = validate::resolve(&file, diagnostics);
    Loaded {
        set,
        files: vec![path],
    }
}

/// Joins `relative` to `manifest_dir`, refusing absolute paths: a build must
/// not depend on where a checkout happens to live.
fn resolve_path(
    manifest_dir: &Path,
    relative: &str,
    diagnostics: &mut Diagnostics,
) -> Option<PathBuf> {
    let candidate = Path::new(relative);
    if candidate.is_absolute() || candidate.has_root() {
        diagnostics.push(
            Diagnostic::new(format!("absolute path `{relative}`: codes.toml paths are relative to the crate root"))
                .help("write the path from the directory of the crate's Cargo.toml, e.g. \"codes/mdl.toml\""),
        );
        return None;
    }
    if relative.is_empty() {
        diagnostics.push(
            Diagnostic::new("empty path").help("name a codes.toml file, e.g. \"codes.toml\""),
        );
        return None;
    }
    Some(manifest_dir.join(candidate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_path_is_refused() {
        let mut diagnostics = Diagnostics::default();
        let loaded = load(Path::new("/tmp"), "/etc/codes.toml", &mut diagnostics);
        assert!(loaded.set.codes.is_empty());
        assert!(diagnostics.as_slice()[0]
            .message
            .starts_with("absolute path `/etc/codes.toml`"));
    }

    #[test]
    fn missing_file_names_the_path_and_the_root() {
        let mut diagnostics = Diagnostics::default();
        load(
            Path::new("/nonexistent-root"),
            "codes/none.toml",
            &mut diagnostics,
        );
        let message = diagnostics.as_slice()[0].to_string();
        assert!(
            message.starts_with("cannot read `codes/none.toml`"),
            "{message}"
        );
        assert!(message.contains("/nonexistent-root"), "{message}");
    }

    #[test]
    fn the_crate_codes_toml_loads_without_errors() {
        let mut diagnostics = Diagnostics::default();
        let loaded = load(
            Path::new(env!("CARGO_MANIFEST_DIR")),
            "codes.toml",
            &mut diagnostics,
        );
        assert!(diagnostics.is_empty(), "{:?}", diagnostics.as_slice());
        assert_eq!(loaded.set.codes.len(), 33);
    }
}
