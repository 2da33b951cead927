//! Finding and reading codes.toml files: the file a macro names and every
//! layer it `extends`, each parsed once, each after the layers it builds on.
//! Plain Rust: a command-line tool can call it as the macros do.
//!
//! The order of the layers never depends on the order of `extends` entries:
//! a file's entries are visited sorted by the file they name, so later
//! passes see the same layers in the same order however they are listed.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::naming;
use crate::schema::{self, CodesFile, Located};

/// The `extends` entry naming the common codes built into tencent-errors.
pub const BUILTIN: &str = "tencent-errors";
/// How messages name the built-in layer.
pub const BUILTIN_LABEL: &str = "tencent-errors/codes.toml";
/// The common codes, as the runtime's `CommonCode` is generated from them.
pub const BUILTIN_SOURCE: &str = include_str!("../codes.toml");

/// The prefix of the `extends` entries that name built-in layers other than
/// the common codes: `"tencent-errors/PRODUCT/VERSION"`, `"tencent-errors/PRODUCT"`.
pub const BUILTIN_PREFIX: &str = "tencent-errors/";

/// Layers shipped with the tools, which `extends` names instead of paths:
/// `"tencent-errors/PRODUCT/VERSION"`, or `"tencent-errors/PRODUCT"` for the
/// newest version of PRODUCT. (`"tencent-errors"`, the common codes, is
/// always built in.) The catalogue of Tencent's published codes implements
/// it; the loader takes any implementation.
///
/// ```
/// use std::borrow::Cow;
/// use tencent_errors_core::load::{BuiltinLayer, BuiltinLayers};
///
/// struct OneProduct;
///
/// impl BuiltinLayers for OneProduct {
///     fn layer(&self, name: &str) -> Option<BuiltinLayer> {
///         matches!(name, "tencent-errors/cvm" | "tencent-errors/cvm/2017-03-12").then(|| BuiltinLayer {
///             name: "tencent-errors/cvm/2017-03-12".to_owned(),
///             source: Cow::Borrowed("extends = [\"tencent-errors\"]\n[ResourceNotFound.Disk]\ndescription = \"No disk.\"\n"),
///         })
///     }
///
///     fn names(&self) -> Vec<String> {
///         vec!["tencent-errors/cvm".to_owned(), "tencent-errors/cvm/2017-03-12".to_owned()]
///     }
/// }
///
/// assert!(OneProduct.layer("tencent-errors/cvm").is_some());
/// ```
pub trait BuiltinLayers {
    /// The layer an `extends` entry (starting with `tencent-errors/`) names,
    /// if this set has it.
    fn layer(&self, name: &str) -> Option<BuiltinLayer>;

    /// Every name [`layer`](BuiltinLayers::layer) answers to, for "did you mean" suggestions.
    fn names(&self) -> Vec<String>;

    /// The actions of the built-in layer `name` names (a product's API
    /// version), each with the codes it may return besides the common
    /// codes; `None` when the set keeps no actions for it. The derive's
    /// `#[tencent(product = "...", action = "...")]` check reads it.
    fn actions(&self, name: &str) -> Option<std::sync::Arc<ActionCodes>> {
        let _ = name;
        None
    }

    /// The canonical name of layer `name` and a value that changes when its
    /// codes or actions change (its files' sizes and modification times),
    /// found without reading them: caches that keep what they derived from
    /// a layer for a whole compilation check it instead of the text. `None`
    /// (the default) when the set has no such value; callers then compare
    /// the text of [`layer`](BuiltinLayers::layer).
    fn stamp(&self, name: &str) -> Option<LayerStamp> {
        let _ = name;
        None
    }
}

/// What [`BuiltinLayers::stamp`] gives: which layer a name resolves to, and
/// its version on disk.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LayerStamp {
    /// The canonical name, as [`BuiltinLayer::name`].
    pub name: String,
    /// Changes whenever the layer's files change.
    pub stamp: u64,
}

/// Action name -> the codes it may return besides the common codes.
pub type ActionCodes = std::collections::BTreeMap<String, Vec<String>>;

/// A built-in layer: its canonical name and its codes.toml text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltinLayer {
    /// The canonical name, with the version: `"tencent-errors/cvm/2017-03-12"`.
    /// Two entries naming one layer load it once.
    pub name: String,
    /// The codes.toml text.
    pub source: std::borrow::Cow<'static, str>,
}

/// No built-in layers besides the common codes.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoBuiltinLayers;

impl BuiltinLayers for NoBuiltinLayers {
    fn layer(&self, _name: &str) -> Option<BuiltinLayer> {
        None
    }

    fn names(&self) -> Vec<String> {
        Vec::new()
    }
}

/// One codes.toml file among the layers of an enum.
#[derive(Debug)]
pub struct Layer {
    /// How messages name the file: its path from the crate root.
    pub label: Arc<str>,
    /// The file on disk; `None` for built-in layers.
    pub path: Option<PathBuf>,
    /// The name of a built-in layer (`"tencent-errors"` for the common codes).
    pub builtin: Option<String>,
    /// The parsed file.
    pub file: CodesFile,
    /// Indices of every layer this one builds on, directly or not.
    pub ancestors: HashSet<usize>,
}

impl Layer {
    /// Whether this is the built-in common layer.
    pub fn is_builtin(&self) -> bool {
        self.builtin.as_deref() == Some(BUILTIN)
    }
}

/// The layers of one enum: each after the layers it extends, the named
/// file last.
#[derive(Debug, Default)]
pub struct Layers {
    /// The layers, each after the layers it extends; the named file is last.
    pub layers: Vec<Layer>,
}

impl Layers {
    /// Absolute paths of every file read.
    pub fn files(&self) -> Vec<PathBuf> {
        self.layers
            .iter()
            .filter_map(|layer| layer.path.clone())
            .collect()
    }

    /// Whether the common codes are among the layers.
    pub fn extends_builtin(&self) -> bool {
        self.layers.iter().any(Layer::is_builtin)
    }
}

/// Loads `relative` (as written by the user) from `manifest_dir`, with every
/// layer it extends.
pub fn load(manifest_dir: &Path, relative: &str, diagnostics: &mut Diagnostics) -> Layers {
    load_with(manifest_dir, relative, &NoBuiltinLayers, diagnostics)
}

/// [`load`], with the built-in layers of `builtins` available to `extends`.
pub fn load_with(
    manifest_dir: &Path,
    relative: &str,
    builtins: &dyn BuiltinLayers,
    diagnostics: &mut Diagnostics,
) -> Layers {
    let Some(path) = resolve_path(manifest_dir, relative, diagnostics) else {
        return Layers::default();
    };
    let mut loader = Loader {
        layers: Vec::new(),
        stack: Vec::new(),
        diagnostics,
        builtins,
    };
    loader.visit_file(path, Arc::from(relative), None);
    Layers {
        layers: loader.layers,
    }
}

/// Loads the built-in common codes alone.
pub fn load_builtin(diagnostics: &mut Diagnostics) -> Layers {
    let mut loader = Loader {
        layers: Vec::new(),
        stack: Vec::new(),
        diagnostics,
        builtins: &NoBuiltinLayers,
    };
    loader.visit_builtin();
    Layers {
        layers: loader.layers,
    }
}

/// Parses one file's text as a lone layer (its `extends` are not followed).
pub fn load_source(label: &str, source: &str, diagnostics: &mut Diagnostics) -> Layers {
    let file = schema::parse(&Arc::from(label), source, diagnostics);
    let layer = Layer {
        label: Arc::from(label),
        path: None,
        builtin: None,
        file,
        ancestors: HashSet::new(),
    };
    Layers {
        layers: vec![layer],
    }
}

/// Loads the built-in layer `name` (`"tencent-errors/PRODUCT"` or
/// `".../PRODUCT/VERSION"`) and the layers it extends, as a file whose
/// `extends` names it; `from` is where messages point.
pub fn load_named(
    name: &str,
    from: &Location,
    builtins: &dyn BuiltinLayers,
    diagnostics: &mut Diagnostics,
) -> Layers {
    let mut loader = Loader {
        layers: Vec::new(),
        stack: Vec::new(),
        diagnostics,
        builtins,
    };
    loader.visit_named(name, from);
    Layers {
        layers: loader.layers,
    }
}

struct Loader<'a> {
    layers: Vec<Layer>,
    /// Files being visited, outermost first: where a cycle shows.
    stack: Vec<(PathBuf, Arc<str>)>,
    diagnostics: &'a mut Diagnostics,
    /// What `tencent-errors/...` entries name.
    builtins: &'a dyn BuiltinLayers,
}

impl Loader<'_> {
    /// Loads a file and its layers; returns its index.
    fn visit_file(
        &mut self,
        path: PathBuf,
        label: Arc<str>,
        from: Option<&Location>,
    ) -> Option<usize> {
        let identity = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if let Some(start) = self.stack.iter().position(|(seen, _)| *seen == identity) {
            let chain: Vec<&str> = self.stack[start..]
                .iter()
                .map(|(_, label)| label.as_ref())
                .chain([label.as_ref()])
                .collect();
            let message = format!("`extends` makes a cycle: {}", chain.join(" -> "));
            let diagnostic = match from {
                Some(location) => Diagnostic::at(location, message),
                None => Diagnostic::new(message),
            };
            self.diagnostics.push(
                diagnostic.help("remove one of these `extends` entries: layers must form a tree"),
            );
            return None;
        }
        if let Some(index) = self.layers.iter().position(|layer| {
            layer
                .path
                .as_ref()
                .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
                == Some(identity.clone())
        }) {
            return Some(index);
        }
        let source = match std::fs::read_to_string(&path) {
            Ok(source) => source,
            Err(error) => {
                let message = format!("cannot read `{label}`: {error}");
                let diagnostic = match from {
                    Some(location) => Diagnostic::at(location, message)
                        .help("`extends` paths are relative to the file that names them"),
                    // Not the absolute directory: a message must not
                    // depend on where the checkout or target directory is.
                    None => Diagnostic::new(message).help(
                        "the path is relative to the root of the crate being compiled, the directory of its Cargo.toml (CARGO_MANIFEST_DIR)",
                    ),
                };
                self.diagnostics.push(diagnostic);
                return None;
            }
        };
        let file = schema::parse(&label, &source, self.diagnostics);
        self.stack.push((identity, Arc::clone(&label)));
        let ancestors = self.visit_extends(&file, Some(&path), &label);
        self.stack.pop();
        self.layers.push(Layer {
            label,
            path: Some(path),
            builtin: None,
            file,
            ancestors,
        });
        Some(self.layers.len() - 1)
    }

    fn visit_builtin(&mut self) -> Option<usize> {
        if let Some(index) = self.layers.iter().position(Layer::is_builtin) {
            return Some(index);
        }
        self.layers.push(Layer {
            label: Arc::from(BUILTIN_LABEL),
            path: None,
            builtin: Some(BUILTIN.to_owned()),
            file: common_codes().clone(),
            ancestors: HashSet::new(),
        });
        Some(self.layers.len() - 1)
    }

    /// Loads a built-in layer of `self.builtins` and its layers; returns its index.
    fn visit_named(&mut self, name: &str, from: &Location) -> Option<usize> {
        let Some(layer) = self.builtins.layer(name) else {
            let names = self.builtins.names();
            let mut help = format!("built-in layers are named `{BUILTIN_PREFIX}PRODUCT/VERSION` or `{BUILTIN_PREFIX}PRODUCT`");
            if names.is_empty() {
                help = format!("no built-in layers but `{BUILTIN}` are available here; {help}");
            }
            if let Some(guess) =
                naming::did_you_mean(&naming::closest(name, names.iter().map(String::as_str), 3))
            {
                help = format!("{guess} ({help})");
            }
            self.diagnostics
                .push(Diagnostic::at(from, format!("unknown built-in layer `{name}`")).help(help));
            return None;
        };
        if let Some(index) = self
            .layers
            .iter()
            .position(|loaded| loaded.builtin.as_deref() == Some(layer.name.as_str()))
        {
            return Some(index);
        }
        let label: Arc<str> = Arc::from(format!("{}/codes.toml", layer.name));
        let identity = PathBuf::from(&*label);
        if let Some(start) = self.stack.iter().position(|(seen, _)| *seen == identity) {
            let chain: Vec<&str> = self.stack[start..]
                .iter()
                .map(|(_, label)| label.as_ref())
                .chain([label.as_ref()])
                .collect();
            self.diagnostics.push(
                Diagnostic::at(
                    from,
                    format!("`extends` makes a cycle: {}", chain.join(" -> ")),
                )
                .help("remove one of these `extends` entries: layers must form a tree"),
            );
            return None;
        }
        let file = schema::parse(&label, &layer.source, self.diagnostics);
        self.stack.push((identity, Arc::clone(&label)));
        let ancestors = self.visit_extends(&file, None, &label);
        self.stack.pop();
        self.layers.push(Layer {
            label,
            path: None,
            builtin: Some(layer.name),
            file,
            ancestors,
        });
        Some(self.layers.len() - 1)
    }

    /// Loads the layers `file` (on disk at `path`, or built in) extends;
    /// returns all its ancestors.
    fn visit_extends(
        &mut self,
        file: &CodesFile,
        path: Option<&Path>,
        label: &str,
    ) -> HashSet<usize> {
        // Entries in source order: the mistakes in them, reported in that order.
        let mut targets: Vec<(Target, &Location)> = file
            .extends
            .iter()
            .filter_map(|entry| Some((self.target(entry, path, label)?, &entry.location)))
            .collect();
        // Layers in the order of what they name, not of the entries.
        targets.sort_by(|(a, _), (b, _)| a.label.cmp(&b.label));
        let mut ancestors = HashSet::new();
        for (target, location) in targets {
            let index = match target.kind {
                TargetKind::Common => self.visit_builtin(),
                TargetKind::Named => self.visit_named(&target.label, location),
                TargetKind::File(path) => {
                    self.visit_file(path, Arc::from(target.label.as_str()), Some(location))
                }
            };
            if let Some(index) = index {
                ancestors.insert(index);
                ancestors.extend(self.layers[index].ancestors.iter().copied());
            }
        }
        ancestors
    }

    /// What the `extends` entry of the file at `path` (labelled `label`,
    /// `None` for a built-in layer) names; `None`, and an error, when it
    /// names nothing that can be loaded.
    fn target(
        &mut self,
        entry: &Located<String>,
        path: Option<&Path>,
        label: &str,
    ) -> Option<Target> {
        let name = entry.value.as_str();
        let kind = if name == BUILTIN {
            TargetKind::Common
        } else if is_builtin_name(name) {
            TargetKind::Named
        } else if looks_like_path(name) {
            let Some(path) = path else {
                self.diagnostics.push(
                    Diagnostic::at(
                        &entry.location,
                        format!("built-in layer `{label}` extends the file `{name}`"),
                    )
                    .help("built-in layers extend only built-in layers"),
                );
                return None;
            };
            let relative = Path::new(name);
            if relative.is_absolute() || relative.has_root() {
                self.diagnostics.push(
                    Diagnostic::at(
                        &entry.location,
                        format!("absolute path `{name}` in `extends`"),
                    )
                    .help("write the path relative to this file"),
                );
                return None;
            }
            TargetKind::File(path.parent().unwrap_or(Path::new("")).join(relative))
        } else {
            let mut help = format!("write `\"{BUILTIN}\"` for the common codes, or a path such as `\"../common.toml\"`");
            if let Some(guess) = naming::did_you_mean(&naming::closest(name, [BUILTIN], 1)) {
                help = format!("{guess} ({help})");
            }
            self.diagnostics.push(
                Diagnostic::at(&entry.location, format!("unknown `extends` entry `{name}`"))
                    .help(help),
            );
            return None;
        };
        Some(Target {
            label: target_label(label, name),
            kind,
        })
    }
}

/// What an `extends` entry names.
struct Target {
    /// How messages name it; layers are visited in the order of labels.
    label: String,
    kind: TargetKind,
}

enum TargetKind {
    /// The common codes.
    Common,
    /// A layer of the [`BuiltinLayers`].
    Named,
    /// A file on disk.
    File(PathBuf),
}

/// The common codes, parsed once per process: a crate that invokes the
/// macros hundreds of times parses them once. (They are known to parse
/// without errors: a unit test pins it.)
pub fn common_codes() -> &'static CodesFile {
    static COMMON: OnceLock<CodesFile> = OnceLock::new();
    COMMON.get_or_init(|| {
        let mut ignored = Diagnostics::default();
        schema::parse(&Arc::from(BUILTIN_LABEL), BUILTIN_SOURCE, &mut ignored)
    })
}

/// How messages name what the `extends` entry `name` of the file labelled
/// `label` names: a path from the crate root, or the entry itself.
fn target_label(label: &str, name: &str) -> String {
    if name == BUILTIN || is_builtin_name(name) || !looks_like_path(name) {
        return name.to_owned();
    }
    normalize(
        &Path::new(label)
            .parent()
            .unwrap_or(Path::new(""))
            .join(name),
    )
}

/// Whether an entry names a built-in layer of a [`BuiltinLayers`].
fn is_builtin_name(entry: &str) -> bool {
    entry.starts_with(BUILTIN_PREFIX) && !entry.ends_with(".toml")
}

/// An entry is a path when it has a separator or ends in `.toml`.
fn looks_like_path(entry: &str) -> bool {
    entry.contains('/') || entry.contains('\\') || entry.ends_with(".toml")
}

/// `a/b/../c.toml` as `a/c.toml`, for messages.
fn normalize(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for component in path.components() {
        match component {
            Component::ParentDir if parts.last().is_some_and(|last| last != "..") => {
                parts.pop();
            }
            Component::CurDir => {}
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    parts.join("/")
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
mod tests;
