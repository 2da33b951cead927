//! From the four SDKs to one set of codes and actions per product-version:
//! the union of the domestic and international releases, descriptions
//! Python first, then Go's errors.go.

use std::collections::{BTreeMap, BTreeSet};

use tencent_errors_catalogue::{Catalogue, Code, ProductData, ProductVersion};

use super::naming::fits_grammar;
use super::read::Sdk;
use crate::common::CommonCodes;

/// The description of a code that no SDK describes (a code only an
/// action's list names, or one whose comments are empty everywhere).
pub const UNDESCRIBED: &str = "Tencent Cloud's SDKs list this code without a description.";

/// What the assembly noticed, for the report and sources.toml.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// Codes outside the grammar: left out of codes and action lists.
    pub unrepresentable: BTreeSet<(ProductVersion, String)>,
    /// Codes that no Python SDK lists (from Go's errors.go or an action's list only).
    pub go_only: BTreeSet<(ProductVersion, String)>,
    /// Codes described by no SDK: given [`UNDESCRIBED`].
    pub undescribed: BTreeSet<(ProductVersion, String)>,
}

/// Assembles the catalogue of `sdks` (without retry classes or variants).
/// A code only an action lists becomes a code of its product, unless it is
/// one of the `common` codes.
pub fn assemble(sdks: &[Sdk], common: &CommonCodes) -> (Catalogue, Findings) {
    let mut findings = Findings::default();
    let mut keys: BTreeSet<&ProductVersion> = BTreeSet::new();
    for sdk in sdks {
        keys.extend(sdk.codes.keys());
        keys.extend(sdk.actions.keys());
    }
    let mut catalogue = Catalogue::default();
    for key in keys {
        let data = assemble_product(key, sdks, common, &mut findings);
        catalogue.products.insert(key.clone(), data);
    }
    (catalogue, findings)
}

/// A code's descriptions as each kind of source gives them.
#[derive(Default)]
struct Descriptions<'a> {
    python_zh: Option<&'a str>,
    python_en: Option<&'a str>,
    go_zh: Option<&'a str>,
    go_en: Option<&'a str>,
    in_python: bool,
}

fn assemble_product(
    key: &ProductVersion,
    sdks: &[Sdk],
    common: &CommonCodes,
    findings: &mut Findings,
) -> ProductData {
    let mut described: BTreeMap<&str, Descriptions<'_>> = BTreeMap::new();
    for sdk in sdks {
        for entry in sdk.codes.get(key).into_iter().flatten() {
            let slot = described.entry(entry.code.as_str()).or_default();
            let text = Some(entry.description.as_str()).filter(|text| !text.is_empty());
            let field = match (sdk.kind.is_english(), !sdk.kind.is_go()) {
                (false, true) => &mut slot.python_zh,
                (true, true) => &mut slot.python_en,
                (false, false) => &mut slot.go_zh,
                (true, false) => &mut slot.go_en,
            };
            // The first entry of a code in a file describes it.
            *field = field.or(text);
            slot.in_python |= !sdk.kind.is_go();
        }
    }
    let mut actions: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for sdk in sdks {
        for (action, codes) in sdk.actions.get(key).into_iter().flatten() {
            let listed = actions.entry(action.clone()).or_default();
            for code in codes {
                listed.insert(code.clone());
                // A listed code is one of the product's, unless every product has it.
                if !common.is_code(code) {
                    described.entry(code.as_str()).or_default();
                }
            }
        }
    }
    let mut data = ProductData::default();
    for (code, found) in described {
        if !fits_grammar(code) {
            findings
                .unrepresentable
                .insert((key.clone(), code.to_owned()));
            continue;
        }
        if !found.in_python {
            findings.go_only.insert((key.clone(), code.to_owned()));
        }
        let mut entry = Code {
            description: found.python_en.or(found.go_en).map(str::to_owned),
            description_zh: found.python_zh.or(found.go_zh).map(str::to_owned),
            ..Code::default()
        };
        if entry.description.is_none() && entry.description_zh.is_none() {
            findings.undescribed.insert((key.clone(), code.to_owned()));
            entry.description = Some(UNDESCRIBED.to_owned());
        }
        data.codes.insert(code.to_owned(), entry);
    }
    for (action, codes) in actions {
        let codes = codes
            .into_iter()
            .filter(|code| fits_grammar(code))
            .collect();
        data.actions.insert(action, codes);
    }
    data
}

/// Groups of codes, anywhere in the catalogue, that differ only in case.
pub fn case_only_groups(catalogue: &Catalogue) -> Vec<Vec<String>> {
    let mut by_lower: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for data in catalogue.products.values() {
        for code in data.codes.keys() {
            by_lower
                .entry(code.to_ascii_lowercase())
                .or_default()
                .insert(code);
        }
    }
    by_lower
        .into_values()
        .filter(|group| group.len() > 1)
        .map(|group| group.into_iter().map(str::to_owned).collect())
        .collect()
}
