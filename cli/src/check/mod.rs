//! `tencent-errors check FILE...`: codes.toml files and every layer they
//! extend, loaded, merged and checked by the core as `error_codes!` does it,
//! so with exactly its rules and messages; every error of every file in one run,
//! rendered as rustc renders errors ([`render`]) or as JSON Lines.
//!
//! `extends` may name the shipped catalogue's products
//! (`"tencent-errors/cvm"`), as with the `catalogue` feature of the macros.

pub mod render;

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use serde_json::json;
use tencent_errors_catalogue::layers::CatalogueLayers;
use tencent_errors_core::check::code_set;
use tencent_errors_core::diagnostic::{Diagnostic, Diagnostics};
use tencent_errors_core::load::{self, BuiltinLayers, Layers, BUILTIN, BUILTIN_SOURCE};

use crate::args::{CheckArgs, Format};
use crate::output::{bounded_json, json, CommandResult, Outcome, UsageError};
use render::{Renderer, MESSAGE_SHOWN_BYTES};

/// A diagnostic and the text of the file it points into, if known.
#[derive(Debug)]
pub struct Found {
    /// The error, as the core reports it.
    pub diagnostic: Diagnostic,
    /// The text of the file its location is in.
    pub source: Option<String>,
}

/// Runs `check` from the current directory, writing every error to `out`.
pub fn run(args: &CheckArgs, out: &mut impl Write) -> CommandResult {
    let directory = std::env::current_dir()
        .map_err(|error| UsageError::new(format!("cannot read the current directory: {error}")))?;
    let found = check_files(&directory, &args.files);
    match args.format {
        Format::Human => {
            let renderer = Renderer::new(
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            );
            for error in &found {
                writeln!(out, "{}\n", renderer.render(error))?;
            }
            let files = args.files.len();
            let files = if files == 1 {
                "1 file".to_owned()
            } else {
                format!("{files} files")
            };
            match found.len() {
                0 => writeln!(out, "{files} checked: no errors")?,
                1 => writeln!(out, "{files} checked: 1 error")?,
                errors => writeln!(out, "{files} checked: {errors} errors")?,
            }
        }
        Format::Json => {
            for error in &found {
                writeln!(out, "{}", json(&diagnostic_json(&error.diagnostic)))?;
            }
        }
    }
    Ok(if found.is_empty() {
        Outcome::Success
    } else {
        Outcome::Finding
    })
}

/// Every error of `files` (paths from `directory`) and of their layers, in
/// the order the core finds them; an error of a layer two files share is
/// reported once.
pub fn check_files(directory: &Path, files: &[PathBuf]) -> Vec<Found> {
    let builtins = CatalogueLayers::shipped();
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    for file in files {
        let (root, relative) = split_path(directory, file);
        // The loader would say the path starts at a crate root; here it
        // starts at the current directory.
        if let Err(error) = std::fs::metadata(root.join(&relative)) {
            found.push(Found {
                diagnostic: Diagnostic::new(format!("cannot read `{relative}`: {error}"))
                    .help("paths are relative to the current directory"),
                source: None,
            });
            continue;
        }
        let mut diagnostics = Diagnostics::default();
        let layers = load::load_with(&root, &relative, &builtins, &mut diagnostics);
        code_set(&layers, &mut diagnostics);
        for diagnostic in diagnostics.into_vec() {
            if !seen.insert(diagnostic.to_string()) {
                continue;
            }
            let source = diagnostic
                .location
                .as_ref()
                .and_then(|location| source_of(&layers, &builtins, &location.file));
            found.push(Found { diagnostic, source });
        }
    }
    found
}

/// The loader's root and the path from it, which messages show: a relative
/// path as written, from `directory`; an absolute path from `directory` if
/// it is inside, else from its own folder (the loader takes no absolute path).
fn split_path(directory: &Path, file: &Path) -> (PathBuf, String) {
    if file.is_absolute() {
        if let Ok(inside) = file.strip_prefix(directory) {
            return (directory.to_owned(), inside.to_string_lossy().into_owned());
        }
        // `extends` still resolve from the file itself.
        let parent = file.parent().unwrap_or(Path::new("/")).to_owned();
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        return (parent, name);
    }
    (directory.to_owned(), file.to_string_lossy().into_owned())
}

/// The text of the layer labelled `label`, re-read from disk (or built in).
fn source_of(layers: &Layers, builtins: &dyn BuiltinLayers, label: &str) -> Option<String> {
    let layer = layers.layers.iter().find(|layer| &*layer.label == label)?;
    match (&layer.path, layer.builtin.as_deref()) {
        (Some(path), _) => std::fs::read_to_string(path).ok(),
        (None, Some(BUILTIN)) => Some(BUILTIN_SOURCE.to_owned()),
        (None, Some(name)) => builtins.layer(name).map(|layer| layer.source.into_owned()),
        (None, None) => None,
    }
}

fn diagnostic_json(diagnostic: &Diagnostic) -> serde_json::Value {
    let location = diagnostic.location.as_ref();
    json!({
        "file": location.map(|location| bounded_json(&location.file, MESSAGE_SHOWN_BYTES)),
        "line": location.map(|location| location.line),
        "column": location.map(|location| location.column),
        "message": bounded_json(&diagnostic.message, MESSAGE_SHOWN_BYTES),
        "notes": diagnostic
            .notes
            .iter()
            .map(|note| bounded_json(note, MESSAGE_SHOWN_BYTES))
            .collect::<Vec<_>>(),
        "help": diagnostic.help.as_deref().map(|help| bounded_json(help, MESSAGE_SHOWN_BYTES)),
    })
}
