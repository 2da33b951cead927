//! `tencent-errors import`: read the four SDK releases, write the catalogue.
//!
//! The steps, each a module using only those before it: [`source_tree`]
//! (files of a folder, wheel or Git directory), [`python`] and [`go`]
//! (parsing), [`read`] (the four SDKs), [`assemble`] (one set of codes and
//! actions per product-version), [`retry_rules`] and [`classify`] (retry
//! classes from evidence), [`update`] (merging into the catalogue already
//! written), [`naming`] (variants for colliding codes), [`report`].

pub mod assemble;
pub mod classify;
pub mod go;
pub mod naming;
pub mod python;
pub mod read;
pub mod report;
pub mod retry_rules;
pub mod source_tree;
pub mod update;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use tencent_errors_catalogue::read::read_catalogue;
use tencent_errors_catalogue::write::{write_catalogue, write_if_changed};
use tencent_errors_catalogue::{Catalogue, ProductVersion, SOURCES_FILE};

use crate::args::ImportArgs;
use crate::common::CommonCodes;
use classify::RuleCounts;
use read::SdkKind;

/// Why an import failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    message: String,
}

impl ImportError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        ImportError {
            message: message.into(),
        }
    }

    fn io(path: &Path, error: &std::io::Error) -> Self {
        ImportError::new(format!("{}: {error}", path.display()))
    }

    fn context(self, what: &str) -> Self {
        ImportError::new(format!("{what}: {}", self.message))
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

/// Runs an import and returns the summary to print.
pub fn run(args: &ImportArgs) -> Result<String, ImportError> {
    let sdks = read::read_sdks([
        (SdkKind::Python, &args.python, None),
        (SdkKind::PythonIntl, &args.python_intl, None),
        (SdkKind::Go, &args.go, args.go_rev.as_deref()),
        (SdkKind::GoIntl, &args.go_intl, args.go_intl_rev.as_deref()),
    ])?;
    let release = sdks[0].version.clone();
    let common = CommonCodes::shipped();
    let (mut new, findings) = assemble::assemble(&sdks, &common);
    let mut rules = RuleCounts::default();
    for (key, data) in &mut new.products {
        let codes: Vec<String> = data.codes.keys().cloned().collect();
        classify::classify(key, data, &codes, &common, &mut rules);
    }
    let old = read_catalogue(&args.out).map_err(|error| ImportError::new(error.to_string()))?;
    let (mut catalogue, mut changes) = update::merge(&old, new, &release);
    if old.products.is_empty() {
        changes.clear();
    }
    let variants = name_variants(&mut catalogue, &old, &common);
    let case_only = assemble::case_only_groups(&catalogue);
    write_catalogue(&args.out, &catalogue).map_err(|error| ImportError::io(&args.out, &error))?;
    let report = report::Report {
        sdks: &sdks,
        release: &release,
        catalogue: &catalogue,
        findings: &findings,
        case_only: &case_only,
        variants: &variants,
        rules: &rules,
        changes: &changes,
    };
    let sources = args.out.join(SOURCES_FILE);
    write_if_changed(&sources, &report.sources_toml())
        .map_err(|error| ImportError::io(&sources, &error))?;
    Ok(report.summary())
}

/// Sets `variant` where a code collides under the naming rule; codes of
/// the catalogue already written keep their names. Returns every code with
/// an explicit variant.
fn name_variants(
    catalogue: &mut Catalogue,
    old: &Catalogue,
    common: &CommonCodes,
) -> BTreeSet<(ProductVersion, String, String)> {
    let mut named = BTreeSet::new();
    for (key, data) in &mut catalogue.products {
        let settled: BTreeMap<String, Option<String>> = old
            .products
            .get(key)
            .map(|before| {
                before
                    .codes
                    .iter()
                    .filter(|(code, _)| !common.is_code(code))
                    .map(|(code, entry)| (code.clone(), entry.variant.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let new_codes: Vec<&str> = data
            .codes
            .keys()
            .map(String::as_str)
            .filter(|code| !settled.contains_key(*code) && !common.is_code(code))
            .collect();
        let explicit = naming::assign_variants(common.codes(), &settled, new_codes);
        for (code, entry) in &mut data.codes {
            entry.variant = explicit.get(code).cloned();
            if let Some(variant) = &entry.variant {
                named.insert((key.clone(), code.clone(), variant.clone()));
            }
        }
    }
    named
}
