//! Checked code sets kept between macro invocations of one compiler
//! process: a crate of 300 derived enums that all name one codes.toml loads
//! and checks it once. An entry is reused only while every file it was read
//! from still holds the same text (a long-lived process, such as an IDE's,
//! sees edits), and only sets that loaded without errors are kept.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::check::{self, CodeSet};
use crate::diagnostic::Diagnostics;
use crate::load::{self, BuiltinLayers};

/// A codes.toml file, loaded with its layers and checked.
#[derive(Debug)]
pub struct CheckedFile {
    /// The checked set.
    pub set: CodeSet,
    /// Every file read, for rebuild tracking.
    pub files: Vec<PathBuf>,
    /// How messages name the layers, the named file last.
    pub labels: Vec<String>,
    /// Whether the common codes are among the layers.
    pub extends_common: bool,
}

/// Where a layer's text came from, and the text (or, for a built-in layer
/// that has one, its stamp: a `stat`, not a read, per check).
#[derive(Debug)]
enum Source {
    File(PathBuf, String),
    Builtin(String, String),
    Stamped(String, u64),
}

impl Source {
    /// Whether the layer still reads the same.
    fn unchanged(&self, builtins: &dyn BuiltinLayers) -> bool {
        match self {
            Source::File(path, text) => std::fs::read_to_string(path).is_ok_and(|now| now == *text),
            Source::Builtin(name, text) => builtins
                .layer(name)
                .is_some_and(|layer| layer.source == text.as_str()),
            Source::Stamped(name, stamp) => {
                builtins.stamp(name).is_some_and(|now| now.stamp == *stamp)
            }
        }
    }
}

#[derive(Debug)]
struct Entry {
    manifest_dir: PathBuf,
    relative: String,
    sources: Vec<Source>,
    checked: Arc<CheckedFile>,
}

/// At most this many sets are kept.
const CAPACITY: usize = 32;

static CACHE: Mutex<Vec<Entry>> = Mutex::new(Vec::new());

/// `relative` (from `manifest_dir`) loaded with its layers and checked,
/// reusing an earlier result while its files are unchanged; errors go to
/// `diagnostics`.
pub fn load_checked(
    manifest_dir: &Path,
    relative: &str,
    builtins: &dyn BuiltinLayers,
    diagnostics: &mut Diagnostics,
) -> Arc<CheckedFile> {
    // A poisoned lock only means another invocation panicked: start afresh.
    let mut cache = CACHE.lock().unwrap_or_else(|poisoned| {
        let mut cache = poisoned.into_inner();
        cache.clear();
        cache
    });
    if let Some(entry) = cache.iter().find(|entry| {
        entry.manifest_dir == manifest_dir
            && entry.relative == relative
            && entry
                .sources
                .iter()
                .all(|source| source.unchanged(builtins))
    }) {
        return Arc::clone(&entry.checked);
    }
    let mut found = Diagnostics::default();
    let layers = load::load_with(manifest_dir, relative, builtins, &mut found);
    let set = check::code_set(&layers, &mut found);
    let checked = Arc::new(CheckedFile {
        set,
        files: layers.files(),
        labels: layers
            .layers
            .iter()
            .map(|layer| layer.label.to_string())
            .collect(),
        extends_common: layers.extends_builtin(),
    });
    if !found.is_empty() {
        for diagnostic in found.into_vec() {
            diagnostics.push(diagnostic);
        }
        return checked;
    }
    let sources = layers
        .layers
        .iter()
        .filter_map(|layer| match (&layer.path, &layer.builtin) {
            (Some(path), _) => {
                let text = std::fs::read_to_string(path).ok()?;
                Some(Source::File(path.clone(), text))
            }
            (None, Some(name)) if name != load::BUILTIN => match builtins.stamp(name) {
                Some(now) => Some(Source::Stamped(name.clone(), now.stamp)),
                None => {
                    let text = builtins.layer(name)?.source.into_owned();
                    Some(Source::Builtin(name.clone(), text))
                }
            },
            // The common codes are compiled in: they never change.
            _ => None,
        })
        .collect();
    cache.retain(|entry| entry.manifest_dir != manifest_dir || entry.relative != relative);
    if cache.len() >= CAPACITY {
        cache.remove(0);
    }
    cache.push(Entry {
        manifest_dir: manifest_dir.to_owned(),
        relative: relative.to_owned(),
        sources,
        checked: Arc::clone(&checked),
    });
    checked
}

/// The common codes alone, checked once per process.
pub fn common_codes() -> Arc<CheckedFile> {
    static COMMON: std::sync::OnceLock<Arc<CheckedFile>> = std::sync::OnceLock::new();
    Arc::clone(COMMON.get_or_init(|| {
        let mut ignored = Diagnostics::default();
        let layers = load::load_builtin(&mut ignored);
        Arc::new(CheckedFile {
            set: check::code_set(&layers, &mut ignored),
            files: Vec::new(),
            labels: vec![load::BUILTIN_LABEL.to_owned()],
            extends_common: true,
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edited_file_is_loaded_again() {
        let root =
            std::env::temp_dir().join(format!("tencent-errors-cache-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("codes.toml"), "[A]\ndescription = \"a\"\n").unwrap();
        let mut diagnostics = Diagnostics::default();
        let first = load_checked(
            &root,
            "codes.toml",
            &load::NoBuiltinLayers,
            &mut diagnostics,
        );
        let again = load_checked(
            &root,
            "codes.toml",
            &load::NoBuiltinLayers,
            &mut diagnostics,
        );
        assert!(Arc::ptr_eq(&first, &again), "an unchanged file is reused");
        std::fs::write(root.join("codes.toml"), "[B]\ndescription = \"b\"\n").unwrap();
        let edited = load_checked(
            &root,
            "codes.toml",
            &load::NoBuiltinLayers,
            &mut diagnostics,
        );
        assert!(diagnostics.is_empty(), "{:?}", diagnostics.as_slice());
        assert_eq!(edited.set.codes[0].code, "B");
        std::fs::write(root.join("codes.toml"), "[C]\nretry = 1\n").unwrap();
        load_checked(
            &root,
            "codes.toml",
            &load::NoBuiltinLayers,
            &mut diagnostics,
        );
        assert!(
            !diagnostics.is_empty(),
            "errors are reported, not cached away"
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
