//! The checks on merged codes, and the checked set that code generation
//! works from: variant names fixed and unique, parents found, the
//! categories that matter kept. Each rule is a function named after what it
//! requires, run in the order of [`check`].

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::load::Layers;
use crate::merge::{self, Merged, MergedTable};
use crate::naming;
use crate::schema::RetryClass;

/// The variant that holds unknown codes.
pub const OTHER_VARIANT: &str = "Other";

/// The associated items of a generated enum: a variant of one of these
/// names would hide it (`Codes::ALL` would name the variant).
pub const GENERATED_ITEMS: &[&str] = &[
    "ALL",
    "from_code",
    "as_str",
    "description",
    "description_zh",
    "is_deprecated",
    "retry_class",
    "parent",
    "category",
    "is_known",
    "to_common",
    "common_ancestor",
];

/// The most entries (codes and categories) a table holds.
pub const MAX_ENTRIES: usize = tencent_errors_table::build::MAX_ENTRIES;

/// A code ready for code generation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// The wire string.
    pub code: String,
    /// The Rust variant name.
    pub variant: String,
    /// The description: English, else Chinese.
    pub description: String,
    /// The Chinese description, if the file has one.
    pub description_zh: Option<String>,
    /// The SDK release that removed the code, if one did.
    pub deprecated: Option<String>,
    /// The retry class, inherited where not set.
    pub retry: RetryClass,
    /// Why the code has its retry class, if the file says.
    pub retry_reason: Option<String>,
    /// Where an explicit `variant` is written, if any.
    pub variant_location: Option<Location>,
    /// Index (in [`CodeSet::codes`]) of the nearest ancestor that is a code.
    pub parent: Option<usize>,
    /// Where the code's table is first written.
    pub location: Location,
}

/// A category (a table without description) whose class differs from what
/// an unknown code below it would inherit without it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// The dotted path.
    pub path: String,
    /// The retry class unknown codes below it inherit.
    pub retry: RetryClass,
}

/// Every code and category of an enum: the checked set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeSet {
    /// The codes, in variant order.
    pub codes: Vec<Code>,
    /// The categories that change what unknown codes inherit.
    pub categories: Vec<Category>,
}

impl CodeSet {
    /// The entries of the set's table, in table order: the codes (index =
    /// variant), then the categories.
    pub fn table_entries(&self) -> impl Iterator<Item = &str> {
        self.codes.iter().map(|code| code.code.as_str()).chain(
            self.categories
                .iter()
                .map(|category| category.path.as_str()),
        )
    }

    /// The code with wire string `code`, if any.
    pub fn find(&self, code: &str) -> Option<&Code> {
        self.codes.iter().find(|candidate| candidate.code == code)
    }

    /// The retry class a code the set does not list inherits: that of its
    /// nearest ancestor code or category; `never` when it has none.
    pub fn inherited_retry(&self, code: &str) -> RetryClass {
        std::iter::once(code)
            .chain(tencent_errors_table::ancestors(code))
            .find_map(|prefix| {
                self.find(prefix).map(|code| code.retry).or_else(|| {
                    self.categories
                        .iter()
                        .find(|category| category.path == prefix)
                        .map(|category| category.retry)
                })
            })
            .unwrap_or_default()
    }
}

/// Merges and checks `layers`: the whole pipeline after loading.
pub fn code_set(layers: &Layers, diagnostics: &mut Diagnostics) -> CodeSet {
    check(&merge::merge(layers, diagnostics), diagnostics)
}

/// Checks the merged codes, recording every error; returns the set.
pub fn check(merged: &Merged<'_>, diagnostics: &mut Diagnostics) -> CodeSet {
    for table in &merged.tables {
        a_table_defines_something(table, diagnostics);
        code_keys_sit_on_codes(table, diagnostics);
    }
    let set = build(merged);
    variant_names_are_usable_and_unique(&set, diagnostics);
    the_set_fits_a_table(&set, diagnostics);
    the_set_has_a_code(&set, diagnostics);
    set
}

/// A table with neither a description nor tables below it defines nothing:
/// most likely its description was forgotten.
fn a_table_defines_something(table: &MergedTable<'_>, diagnostics: &mut Diagnostics) {
    if !table.is_code && !table.has_children {
        diagnostics.push(
            Diagnostic::at(
                table.location,
                format!(
                    "`[{}]` has no `description` and no codes below it",
                    table.path
                ),
            )
            .help("add `description = \"...\"` to make it a code"),
        );
    }
}

/// `variant` and `deprecated` describe a code; a category has neither.
fn code_keys_sit_on_codes(table: &MergedTable<'_>, diagnostics: &mut Diagnostics) {
    if table.is_code || !table.has_children {
        return;
    }
    for (key, setting) in [("variant", table.variant), ("deprecated", table.deprecated)] {
        if let Some(setting) = setting {
            diagnostics.push(
                Diagnostic::at(
                    &setting.location,
                    format!(
                        "`[{}]` sets `{key}` but is a category (no `description`)",
                        table.path
                    ),
                )
                .help(format!(
                    "add `description = \"...\"` to make it a code, or remove `{key}`"
                )),
            );
        }
    }
}

/// The codes in order, each with its parent, and the categories that
/// change what an unknown code below them inherits.
fn build(merged: &Merged<'_>) -> CodeSet {
    let mut set = CodeSet::default();
    let mut code_index: HashMap<&str, usize> = HashMap::new();
    for table in merged.tables.iter().filter(|table| table.is_code) {
        code_index.insert(table.path, set.codes.len());
        set.codes.push(Code {
            code: table.path.to_owned(),
            variant: table.variant.map_or_else(
                || naming::variant_name(table.path),
                |variant| variant.value.clone(),
            ),
            variant_location: table.variant.map(|variant| variant.location.clone()),
            description: table
                .description
                .or(table.description_zh)
                .unwrap_or_default()
                .to_owned(),
            description_zh: table.description_zh.map(str::to_owned),
            deprecated: table.deprecated.map(|release| release.value.clone()),
            retry: table.retry,
            retry_reason: table.retry_reason.map(str::to_owned),
            parent: None,
            location: table.location.clone(),
        });
    }
    for code in &mut set.codes {
        code.parent = tencent_errors_table::ancestors(&code.code)
            .find_map(|prefix| code_index.get(prefix).copied());
    }
    // Shorter paths first, so that a category sees the ones above it kept.
    let mut categories: Vec<&MergedTable<'_>> = merged
        .tables
        .iter()
        .filter(|table| !table.is_code && table.has_children)
        .collect();
    categories.sort_by_key(|table| table.path.matches('.').count());
    let mut entries: HashMap<&str, RetryClass> = set
        .codes
        .iter()
        .map(|code| (code.code.as_str(), code.retry))
        .collect();
    for table in categories {
        // What an unknown code below it would inherit without it.
        let above = tencent_errors_table::ancestors(table.path)
            .find_map(|prefix| entries.get(prefix).copied())
            .unwrap_or_default();
        // TOML's implicit tables (`A.B` of `[A.B.C]`) and categories that
        // repeat what is above them change nothing.
        if table.retry != above {
            entries.insert(table.path, table.retry);
            set.categories.push(Category {
                path: table.path.to_owned(),
                retry: table.retry,
            });
        }
    }
    set
}

/// Variant names are identifiers, hide no generated item, and are unique.
fn variant_names_are_usable_and_unique(set: &CodeSet, diagnostics: &mut Diagnostics) {
    let mut taken: HashMap<&str, &Code> = HashMap::new();
    for code in &set.codes {
        if let Some(problem) = variant_name_problem(code) {
            diagnostics.push(problem);
            continue;
        }
        match taken.get(code.variant.as_str()) {
            None => {
                taken.insert(&code.variant, code);
            }
            Some(first) => diagnostics.push(collision(first, code, &taken)),
        }
    }
}

/// Why a code's variant name cannot be generated, if it cannot.
fn variant_name_problem(code: &Code) -> Option<Diagnostic> {
    let at = code.variant_location.as_ref().unwrap_or(&code.location);
    if let Err(message) = naming::check_identifier(&code.variant) {
        return Some(match &code.variant_location {
            Some(location) => Diagnostic::at(
                location,
                format!("bad `variant` of `[{}]`: {message}", code.code),
            )
            .help(format!(
                "write a variant name such as `{}`",
                naming::dotted_variant_name(&code.code)
            )),
            // The naming rule can still give a keyword: `self` gives `Self`.
            None => Diagnostic::at(
                &code.location,
                format!(
                    "`{}` would be the variant `{}`: {message}",
                    code.code, code.variant
                ),
            )
            .help(format!(
                "add `variant = \"{}Code\"` to `[{}]`",
                code.variant, code.code
            )),
        });
    }
    if GENERATED_ITEMS.contains(&code.variant.as_str()) {
        return Some(
            Diagnostic::at(
                at,
                format!(
                    "`{}` would be the variant `{}`, which hides the enum's generated `{}`",
                    code.code, code.variant, code.variant
                ),
            )
            .help(format!(
                "add `variant = \"{}Code\"` to `[{}]`",
                naming::variant_name(&code.variant),
                code.code
            )),
        );
    }
    if code.variant == OTHER_VARIANT {
        return Some(
            Diagnostic::at(
                at,
                format!("`{}` would be the variant `Other`, which holds the codes the enum does not list", code.code),
            )
            .help(format!("add `variant = \"{}Code\"` to `[{}]`", code.variant, code.code)),
        );
    }
    None
}

/// Two codes with one variant name, pointing at both and proposing a name.
fn collision(first: &Code, code: &Code, taken: &HashMap<&str, &Code>) -> Diagnostic {
    let mut proposal = naming::dotted_variant_name(&code.code);
    if proposal == code.variant || taken.contains_key(proposal.as_str()) {
        proposal = format!("{}Code", code.variant);
    }
    Diagnostic::at(
        code.variant_location.as_ref().unwrap_or(&code.location),
        format!(
            "codes `{}` ({}) and `{}` ({}) both map to the variant `{}`",
            first.code,
            line_of(&first.location, &code.location),
            code.code,
            line_of(&code.location, &code.location),
            code.variant
        ),
    )
    .help(format!(
        "add `variant = \"{proposal}\"` to `[{}]`",
        code.code
    ))
}

/// "line 4", or "other.toml:4" when `location` is in another file than `here`.
fn line_of(location: &Location, here: &Location) -> String {
    if location.file == here.file {
        format!("line {}", location.line)
    } else {
        format!("{}:{}", location.file, location.line)
    }
}

/// Table indices are `u16`: one enum holds at most [`MAX_ENTRIES`] entries.
fn the_set_fits_a_table(set: &CodeSet, diagnostics: &mut Diagnostics) {
    let entries = set.codes.len() + set.categories.len();
    if entries > MAX_ENTRIES {
        diagnostics.push(
            Diagnostic::new(format!(
                "{entries} codes and categories; one enum holds at most {MAX_ENTRIES}"
            ))
            .help("split the codes over several files and enums"),
        );
    }
}

/// An enum without codes is a mistake, unless another error explains it.
fn the_set_has_a_code(set: &CodeSet, diagnostics: &mut Diagnostics) {
    if set.codes.is_empty() && diagnostics.is_empty() {
        diagnostics.push(
            Diagnostic::new("the file defines no codes")
                .help("add a table with `description = \"...\"`"),
        );
    }
}

/// The part of `set` that can be generated as it is (valid, unique variant
/// names, within the size limit): what a failed expansion still emits, so
/// that one mistake does not turn every use of the enum into an error.
pub fn usable_subset(mut set: CodeSet) -> CodeSet {
    let mut seen = HashSet::new();
    let mut keep: Vec<bool> = set
        .codes
        .iter()
        .map(|code| variant_name_problem(code).is_none() && seen.insert(code.variant.clone()))
        .collect();
    // Truncate before renumbering parents: no parent may point past the end.
    let mut kept = 0;
    for keep in &mut keep {
        *keep = *keep && kept < MAX_ENTRIES;
        kept += usize::from(*keep);
    }
    let mut remap = Vec::with_capacity(set.codes.len());
    let mut next = 0;
    for &keep in &keep {
        remap.push(keep.then_some(next));
        next += usize::from(keep);
    }
    let mut index = 0;
    set.codes.retain(|_| {
        index += 1;
        keep[index - 1]
    });
    for code in &mut set.codes {
        code.parent = code.parent.and_then(|parent| remap[parent]);
    }
    set.categories
        .truncate(MAX_ENTRIES.saturating_sub(set.codes.len()));
    set
}

#[cfg(test)]
mod tests;
