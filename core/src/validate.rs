//! Checks across the tables of a codes.toml file, and the resolved code set
//! that code generation works from: retry classes inherited, parents found,
//! variant names fixed and unique.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::load::Layer;
use crate::naming;
use crate::schema::{Retry, Setting, Table};

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
    /// Why the code has its retry class, if the file says.
    pub retry_reason: Option<String>,
    /// The retry class, inherited where not set.
    pub retry: Retry,
    /// Where an explicit `variant` is written, if any.
    pub variant_location: Option<Location>,
    /// Index (in `CodeSet::codes`) of the nearest ancestor that is a code.
    pub parent: Option<usize>,
    /// Where the code's table is.
    pub location: Location,
}

/// A category: a table without description, kept so that unknown codes
/// below it inherit its retry class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// The dotted path.
    pub path: String,
    /// The retry class, inherited where not set.
    pub retry: Retry,
}

/// Every code and category of an enum.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeSet {
    /// The codes, in variant order.
    pub codes: Vec<Code>,
    /// The categories.
    pub categories: Vec<Category>,
}

impl CodeSet {
    /// The code with wire string `code`, if any.
    pub fn find(&self, code: &str) -> Option<&Code> {
        self.codes.iter().find(|candidate| candidate.code == code)
    }

    /// The retry class a code the set does not list inherits: that of its
    /// nearest ancestor code or category; `never` when it has none.
    pub fn inherited_retry(&self, code: &str) -> Retry {
        std::iter::once(code)
            .chain(ancestors(code))
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

/// Resolves layers (each after the layers it extends) into one code set,
/// recording every error.
///
/// Rules across layers:
/// - A code or category is defined where its table first appears; a layer
///   that builds on that layer may redefine it: a more specific
///   `description`, or a `retry` that changes its class (explicit: it must be
///   written on the code itself).
/// - Category defaults flow down to the codes of the same and later layers,
///   never onto codes an earlier layer defined: only a redefinition changes
///   an inherited code's class.
/// - A redefinition keeps the variant name: `variant` may only repeat it.
/// - Two layers that do not build on each other may both define a code only
///   if they agree, or if a layer building on both settles it.
pub fn resolve(layers: &[Layer], diagnostics: &mut Diagnostics) -> CodeSet {
    let mut merged: Vec<Merged<'_>> = Vec::new();
    let mut by_path: HashMap<&str, usize> = HashMap::new();
    let mut conflicts: Vec<Conflict<'_>> = Vec::new();
    for (layer_index, layer) in layers.iter().enumerate() {
        for table in &layer.file.tables {
            match by_path.get(table.path.as_str()) {
                None => {
                    // Settings flow down from the nearest ancestor table.
                    let inherited = ancestors(&table.path)
                        .find_map(|prefix| by_path.get(prefix).map(|&index| merged[index].retry));
                    let retry = table
                        .retry
                        .as_ref()
                        .map(|setting| setting.value)
                        .or(inherited)
                        .unwrap_or_default();
                    check_new_table(table, diagnostics);
                    by_path.insert(&table.path, merged.len());
                    merged.push(Merged {
                        path: &table.path,
                        location: table.location.clone(),
                        layer: layer_index,
                        description: table.description.as_ref().map(|d| d.value.clone()),
                        description_zh: table.description_zh.as_ref().map(|d| d.value.clone()),
                        deprecated: table.deprecated.as_ref().map(|d| d.value.clone()),
                        retry_reason: table.retry_reason.as_ref().map(|d| d.value.clone()),
                        retry,
                        variant: table.variant.clone(),
                    });
                }
                Some(&index) => {
                    let existing = &mut merged[index];
                    if layer.ancestors.contains(&existing.layer) {
                        redefine(existing, table, layer_index, diagnostics);
                        conflicts.retain(|conflict| {
                            conflict.path != table.path
                                || !(layer.ancestors.contains(&conflict.first_layer)
                                    && layer.ancestors.contains(&conflict.second_layer))
                        });
                    } else if disagrees(existing, table) {
                        conflicts.push(Conflict {
                            path: &table.path,
                            first: existing.location.clone(),
                            first_layer: existing.layer,
                            second: table.location.clone(),
                            second_layer: layer_index,
                        });
                    }
                }
            }
        }
    }
    for conflict in conflicts {
        diagnostics.push(
            Diagnostic::at(
                &conflict.second,
                format!(
                    "`{}` is defined differently here and at {}",
                    conflict.path, conflict.first
                ),
            )
            .help("define it in one of the two layers, or in a layer that extends both"),
        );
    }
    let set = build_set(&merged);
    check_variants(&set, diagnostics);
    check_size(&set, diagnostics);
    set
}

/// A table as merged across layers.
struct Merged<'a> {
    path: &'a str,
    /// Where it was first defined.
    location: Location,
    /// The layer of its latest definition.
    layer: usize,
    description: Option<String>,
    description_zh: Option<String>,
    deprecated: Option<String>,
    retry_reason: Option<String>,
    retry: Retry,
    variant: Option<Setting<String>>,
}

/// Two layers that do not build on each other define one path differently.
struct Conflict<'a> {
    path: &'a str,
    first: Location,
    first_layer: usize,
    second: Location,
    second_layer: usize,
}

/// The dotted prefixes of `path`, nearest first.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    let mut rest = path;
    std::iter::from_fn(move || {
        rest = &rest[..rest.rfind('.')?];
        Some(rest)
    })
}

/// Rules for a table defined for the first time.
fn check_new_table(table: &Table, diagnostics: &mut Diagnostics) {
    // A table with neither a description nor codes below it defines nothing:
    // most likely its description was forgotten.
    if !table.is_code() && !table.has_children {
        diagnostics.push(
            Diagnostic::at(
                &table.location,
                format!(
                    "`[{}]` has no `description` and no codes below it",
                    table.path
                ),
            )
            .help("add `description = \"...\"` to make it a code"),
        );
        return;
    }
    // `retry_reason` explains the `retry` of the same table.
    if let (Some(reason), None) = (&table.retry_reason, &table.retry) {
        diagnostics.push(
            Diagnostic::at(
                &reason.location,
                format!("`[{}]` sets `retry_reason` but no `retry`", table.path),
            )
            .help("add the `retry` it explains, or remove `retry_reason`"),
        );
    }
    // `deprecated` marks a code; a category is not one.
    if let (false, Some(deprecated)) = (table.is_code(), &table.deprecated) {
        diagnostics.push(
            Diagnostic::at(
                &deprecated.location,
                format!(
                    "`[{}]` sets `deprecated` but is a category (no `description`)",
                    table.path
                ),
            )
            .help("add `description = \"...\"` to make it a code, or remove `deprecated`"),
        );
    }
    // `variant` names a code's variant; a category has none.
    if let (false, Some(variant)) = (table.is_code(), &table.variant) {
        diagnostics.push(
            Diagnostic::at(
                &variant.location,
                format!(
                    "`[{}]` sets `variant` but is a category (no `description`)",
                    table.path
                ),
            )
            .help("add `description = \"...\"` to make it a code, or remove `variant`"),
        );
    }
}

/// A later layer redefines a table of a layer it builds on.
fn redefine(existing: &mut Merged<'_>, table: &Table, layer: usize, diagnostics: &mut Diagnostics) {
    existing.layer = layer;
    if let Some(description) = &table.description {
        existing.description = Some(description.value.clone());
    }
    if let Some(description_zh) = &table.description_zh {
        existing.description_zh = Some(description_zh.value.clone());
    }
    if let Some(deprecated) = &table.deprecated {
        existing.deprecated = Some(deprecated.value.clone());
    }
    if let Some(retry) = &table.retry {
        existing.retry = retry.value;
        existing.retry_reason = table.retry_reason.as_ref().map(|r| r.value.clone());
    }
    if let Some(variant) = &table.variant {
        let current = existing.variant.as_ref().map_or_else(
            || naming::variant_name(existing.path),
            |setting| setting.value.clone(),
        );
        if current != variant.value {
            diagnostics.push(
                Diagnostic::at(
                    &variant.location,
                    format!(
                        "`[{}]` renames the variant `{current}` defined at {}",
                        existing.path, existing.location
                    ),
                )
                .help("a redefinition keeps the variant name: remove `variant`"),
            );
            return;
        }
        existing.variant = Some(variant.clone());
    }
}

/// Whether a table says something different from what is merged so far.
fn disagrees(existing: &Merged<'_>, table: &Table) -> bool {
    let differs = |mine: &Option<Setting<String>>, theirs: &Option<String>| {
        mine.as_ref()
            .is_some_and(|m| theirs.as_deref().is_some_and(|t| t != m.value))
    };
    let description = differs(&table.description, &existing.description)
        || differs(&table.description_zh, &existing.description_zh)
        || differs(&table.deprecated, &existing.deprecated);
    let retry = table
        .retry
        .as_ref()
        .is_some_and(|r| r.value != existing.retry);
    let variant = table.variant.as_ref().is_some_and(|v| {
        existing
            .variant
            .as_ref()
            .map_or_else(|| naming::variant_name(existing.path), |e| e.value.clone())
            != v.value
    });
    description || retry || variant
}

fn build_set(merged: &[Merged<'_>]) -> CodeSet {
    let mut set = CodeSet::default();
    let mut code_index: HashMap<&str, usize> = HashMap::new();
    let retry_of: HashMap<&str, Retry> = merged
        .iter()
        .map(|table| (table.path, table.retry))
        .collect();
    for table in merged {
        let Some(description) = table.description.as_ref().or(table.description_zh.as_ref()) else {
            // A category matters only where it changes what an unknown code
            // below it inherits; TOML's implicit tables (`A.B` of `[A.B.C]`)
            // and categories that repeat their parent are left out.
            let inherited = ancestors(table.path)
                .find_map(|prefix| retry_of.get(prefix).copied())
                .unwrap_or_default();
            if table.retry != inherited {
                set.categories.push(Category {
                    path: table.path.to_owned(),
                    retry: table.retry,
                });
            }
            continue;
        };
        code_index.insert(table.path, set.codes.len());
        set.codes.push(Code {
            code: table.path.to_owned(),
            variant: table
                .variant
                .as_ref()
                .map_or_else(|| naming::variant_name(table.path), |v| v.value.clone()),
            variant_location: table.variant.as_ref().map(|v| v.location.clone()),
            description: description.clone(),
            description_zh: table.description_zh.clone(),
            deprecated: table.deprecated.clone(),
            retry_reason: table.retry_reason.clone(),
            retry: table.retry,
            parent: None,
            location: table.location.clone(),
        });
    }
    for code in &mut set.codes {
        code.parent = ancestors(&code.code).find_map(|prefix| code_index.get(prefix).copied());
    }
    set
}

/// Variant names are identifiers, unique, and never `Other`.
fn check_variants(set: &CodeSet, diagnostics: &mut Diagnostics) {
    let mut taken: HashMap<&str, &Code> = HashMap::new();
    for code in &set.codes {
        let explicit_location = code.variant_location.as_ref();
        if let Some(location) = explicit_location {
            if let Err(message) = naming::check_identifier(&code.variant) {
                diagnostics.push(
                    Diagnostic::at(
                        location,
                        format!("bad `variant` of `[{}]`: {message}", code.code),
                    )
                    .help(format!(
                        "write a variant name such as `{}`",
                        naming::dotted_variant_name(&code.code)
                    )),
                );
                continue;
            }
        } else if let Err(message) = naming::check_identifier(&code.variant) {
            // The naming rule can still give a keyword: `self` gives `Self`.
            diagnostics.push(
                Diagnostic::at(
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
            );
            continue;
        }
        if GENERATED_ITEMS.contains(&code.variant.as_str()) {
            diagnostics.push(
                Diagnostic::at(
                    explicit_location.unwrap_or(&code.location),
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
            continue;
        }
        if code.variant == OTHER_VARIANT {
            diagnostics.push(
                Diagnostic::at(
                    explicit_location.unwrap_or(&code.location),
                    format!("`{}` would be the variant `Other`, which holds the codes the enum does not list", code.code),
                )
                .help(format!("add `variant = \"{}Code\"` to `[{}]`", code.variant, code.code)),
            );
            continue;
        }
        match taken.get(code.variant.as_str()) {
            None => {
                taken.insert(&code.variant, code);
            }
            Some(first) => {
                let mut proposal = naming::dotted_variant_name(&code.code);
                if proposal == code.variant || taken.contains_key(proposal.as_str()) {
                    proposal = format!("{}Code", code.variant);
                }
                diagnostics.push(
                    Diagnostic::at(
                        explicit_location.unwrap_or(&code.location),
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
                    )),
                );
            }
        }
    }
}

/// "line 4", or "other.toml:4" when `location` is in another file than `here`.
fn line_of(location: &Location, here: &Location) -> String {
    if location.file == here.file {
        format!("line {}", location.line)
    } else {
        format!("{}:{}", location.file, location.line)
    }
}

/// Table indices are `u16`.
fn check_size(set: &CodeSet, diagnostics: &mut Diagnostics) {
    let entries = set.codes.len() + set.categories.len();
    if entries > MAX_ENTRIES {
        diagnostics.push(
            Diagnostic::new(format!(
                "{entries} codes and categories; one enum holds at most {MAX_ENTRIES}"
            ))
            .help("split the codes over several files and enums"),
        );
    }
    if set.codes.is_empty() && diagnostics.is_empty() {
        diagnostics.push(
            Diagnostic::new("the file defines no codes")
                .help("add a table with `description = \"...\"`"),
        );
    }
}

/// The codes of `set` that can be generated as they are (valid, unique
/// variant names): what a failed expansion still emits, to keep follow-on
/// errors away.
pub fn usable_subset(set: &CodeSet) -> CodeSet {
    let mut seen = std::collections::HashSet::new();
    let mut remap = vec![None; set.codes.len()];
    let mut codes = Vec::new();
    for (index, code) in set.codes.iter().enumerate() {
        if naming::check_identifier(&code.variant).is_ok()
            && code.variant != OTHER_VARIANT
            && !GENERATED_ITEMS.contains(&code.variant.as_str())
            && seen.insert(code.variant.clone())
        {
            remap[index] = Some(codes.len());
            codes.push(code.clone());
        }
    }
    for code in &mut codes {
        code.parent = code.parent.and_then(|parent| remap[parent]);
    }
    let mut categories = set.categories.clone();
    categories.truncate(MAX_ENTRIES.saturating_sub(codes.len()));
    codes.truncate(MAX_ENTRIES);
    CodeSet { codes, categories }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema;
    use std::sync::Arc;

    fn resolve_str(source: &str) -> (CodeSet, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let loaded = crate::load::load_source("codes.toml", source, &mut diagnostics);
        (
            loaded.set,
            diagnostics
                .into_vec()
                .iter()
                .map(ToString::to_string)
                .collect(),
        )
    }

    /// Resolves `files` as layers; `extends[i]` lists the ancestors of layer `i`.
    fn resolve_layers(files: &[(&str, &str)], extends: &[&[usize]]) -> (CodeSet, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let layers: Vec<Layer> = files
            .iter()
            .zip(extends)
            .map(|((label, source), extends)| Layer {
                label: Arc::from(*label),
                path: None,
                builtin: None,
                file: schema::parse(&Arc::from(*label), source, &mut diagnostics),
                ancestors: extends.iter().copied().collect(),
            })
            .collect();
        let set = resolve(&layers, &mut diagnostics);
        (
            set,
            diagnostics
                .into_vec()
                .iter()
                .map(ToString::to_string)
                .collect(),
        )
    }

    const COMMON: &str = "[InternalError]\ndescription = \"Internal error.\"\nretry = \"transient\"\n[InvalidParameter]\ndescription = \"Parameter error.\"\n[AuthFailure]\nretry = \"never\"\n[AuthFailure.TokenFailure]\ndescription = \"Token.\"\nretry = \"refresh\"\n";

    #[test]
    fn category_defaults_flow_across_layers() {
        let (set, errors) = resolve_layers(
            &[("common.toml", COMMON), ("mdl.toml", "[InvalidParameter.Name]\ndescription = \"n\"\n[InternalError.Db]\ndescription = \"d\"\n")],
            &[&[], &[0]],
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            set.find("InternalError.Db").unwrap().retry,
            Retry::Transient
        );
        assert_eq!(set.find("InvalidParameter.Name").unwrap().parent, Some(1));
        let order: Vec<&str> = set.codes.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(
            order,
            [
                "InternalError",
                "InvalidParameter",
                "AuthFailure.TokenFailure",
                "InvalidParameter.Name",
                "InternalError.Db"
            ]
        );
    }

    #[test]
    fn a_later_layer_may_describe_and_reclassify_an_inherited_code() {
        let (set, errors) = resolve_layers(
            &[("common.toml", COMMON), ("mdl.toml", "[InternalError]\ndescription = \"StreamLive failed inside.\"\n[InvalidParameter]\nretry = \"transient\"\n")],
            &[&[], &[0]],
        );
        assert!(errors.is_empty(), "{errors:?}");
        let internal = set.find("InternalError").unwrap();
        assert_eq!(internal.description, "StreamLive failed inside.");
        assert_eq!(internal.retry, Retry::Transient);
        assert_eq!(
            set.find("InvalidParameter").unwrap().retry,
            Retry::Transient
        );
    }

    #[test]
    fn a_category_default_never_changes_an_inherited_code() {
        let (set, _) = resolve_layers(
            &[("common.toml", COMMON), ("mdl.toml", "[AuthFailure]\nretry = \"transient\"\n[AuthFailure.New]\ndescription = \"n\"\n")],
            &[&[], &[0]],
        );
        assert_eq!(
            set.find("AuthFailure.TokenFailure").unwrap().retry,
            Retry::Refresh
        );
        assert_eq!(set.find("AuthFailure.New").unwrap().retry, Retry::Transient);
    }

    #[test]
    fn sibling_layers_that_disagree_conflict_naming_both_places() {
        let (_, errors) = resolve_layers(
            &[
                ("a.toml", "[X]\ndescription = \"from a\"\n"),
                ("b.toml", "[X]\ndescription = \"from b\"\n"),
            ],
            &[&[], &[]],
        );
        assert_eq!(errors, ["b.toml:1:2: `X` is defined differently here and at a.toml:1:2\n= help: define it in one of the two layers, or in a layer that extends both"]);
    }

    #[test]
    fn a_layer_extending_both_settles_a_conflict() {
        let (set, errors) = resolve_layers(
            &[
                ("a.toml", "[X]\ndescription = \"from a\"\n"),
                ("b.toml", "[X]\ndescription = \"from b\"\n"),
                ("c.toml", "[X]\ndescription = \"settled\"\n"),
            ],
            &[&[], &[], &[0, 1]],
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(set.find("X").unwrap().description, "settled");
    }

    #[test]
    fn a_redefinition_cannot_rename_the_variant() {
        let (_, errors) = resolve_layers(
            &[
                ("common.toml", COMMON),
                ("mdl.toml", "[InternalError]\nvariant = \"Internal\"\n"),
            ],
            &[&[], &[0]],
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("renames the variant `InternalError` defined at common.toml:1:2"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn a_code_whose_name_is_a_keyword_is_an_error() {
        let (_, errors) = resolve_str("[self]\ndescription = \"s\"\n");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with(
                "codes.toml:1:2: `self` would be the variant `Self`: `Self` is a Rust keyword"
            ),
            "{}",
            errors[0]
        );
        assert!(errors[0].contains("add `variant = \"SelfCode\"` to `[self]`"));
    }

    #[test]
    fn a_retry_reason_needs_a_retry_and_deprecated_needs_a_code() {
        let (_, errors) = resolve_str(
            "[A]\nretry_reason = \"why\"\ndeprecated = \"3.0.1\"\n[A.B]\ndescription = \"b\"\n",
        );
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].starts_with("codes.toml:2:16: `[A]` sets `retry_reason` but no `retry`"));
        assert!(errors[1].contains("`[A]` sets `deprecated` but is a category"));
    }

    #[test]
    fn a_chinese_description_stands_in_for_a_missing_english_one() {
        let (set, errors) = resolve_str(
            "[A]\ndescription_zh = \"甲\"\ndeprecated = \"3.0.1\"\n[B]\ndescription = \"b\"\ndescription_zh = \"乙\"\nretry = \"transient\"\nretry_reason = \"why\"\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let a = set.find("A").unwrap();
        assert_eq!(a.description, "甲");
        assert_eq!(a.deprecated.as_deref(), Some("3.0.1"));
        let b = set.find("B").unwrap();
        assert_eq!(
            (b.description.as_str(), b.description_zh.as_deref()),
            ("b", Some("乙"))
        );
        assert_eq!(b.retry_reason.as_deref(), Some("why"));
    }

    #[test]
    fn variants_that_would_hide_generated_items_are_errors() {
        let (set, errors) = resolve_str(
            "[ALL]\ndescription = \"a\"\n[X]\ndescription = \"x\"\nvariant = \"from_code\"\n[Y]\ndescription = \"y\"\n",
        );
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(
            errors[0],
            "codes.toml:1:2: `ALL` would be the variant `ALL`, which hides the enum's generated `ALL`\n= help: add `variant = \"ALLCode\"` to `[ALL]`"
        );
        assert!(errors[1].starts_with("codes.toml:5:11: `X` would be the variant `from_code`"));
        assert!(errors[1].contains("add `variant = \"FromCodeCode\"` to `[X]`"));
        let usable = usable_subset(&set);
        let names: Vec<&str> = usable.codes.iter().map(|c| c.variant.as_str()).collect();
        assert_eq!(names, ["Y"]);
    }

    #[test]
    fn forgotten_description_is_an_error() {
        let (_, errors) = resolve_str("[A]\nretry = \"transient\"\n");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].contains("`[A]` has no `description` and no codes below it"));
    }

    #[test]
    fn retry_classes_flow_down_from_the_nearest_ancestor() {
        let (set, errors) = resolve_str(
            "[RequestLimitExceeded]\ndescription = \"r\"\nretry = \"throttling\"\n[RequestLimitExceeded.UinLimitExceeded]\ndescription = \"u\"\n[AuthFailure]\nretry = \"refresh\"\n[AuthFailure.A.B]\ndescription = \"b\"\n[Plain]\ndescription = \"p\"\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let retry = |code: &str| set.find(code).unwrap().retry;
        assert_eq!(
            retry("RequestLimitExceeded.UinLimitExceeded"),
            Retry::Throttling
        );
        assert_eq!(retry("AuthFailure.A.B"), Retry::Refresh);
        assert_eq!(retry("Plain"), Retry::Never);
        // `AuthFailure.A`, TOML's implicit table, repeats its parent: only
        // `AuthFailure` is kept for unknown codes to inherit from.
        let categories: Vec<_> = set
            .categories
            .iter()
            .map(|c| (c.path.as_str(), c.retry))
            .collect();
        assert_eq!(categories, [("AuthFailure", Retry::Refresh)]);
        assert_eq!(set.inherited_retry("AuthFailure.A.Unknown"), Retry::Refresh);
    }

    #[test]
    fn parent_is_the_nearest_ancestor_code() {
        let (set, _) = resolve_str("[A]\ndescription = \"a\"\n[A.B.C]\ndescription = \"c\"\n");
        assert_eq!(set.find("A.B.C").unwrap().parent, Some(0));
        assert_eq!(set.find("A").unwrap().parent, None);
    }

    #[test]
    fn colliding_names_point_at_both_codes_and_propose_a_variant() {
        let (_, errors) = resolve_str(
            "[InvalidParameterValue]\ndescription = \"v\"\n\n[InvalidParameter.Value]\ndescription = \"w\"\n",
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            errors[0],
            "codes.toml:4:19: codes `InvalidParameterValue` (line 1) and `InvalidParameter.Value` (line 4) both map to the variant `InvalidParameterValue`\n= help: add `variant = \"InvalidParameterDotValue\"` to `[InvalidParameter.Value]`"
        );
    }

    #[test]
    fn explicit_variant_resolves_a_collision() {
        let (set, errors) = resolve_str(
            "[InvalidParameterValue]\ndescription = \"v\"\n[InvalidParameter.Value]\ndescription = \"w\"\nvariant = \"InvalidParameterDotValue\"\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            set.find("InvalidParameter.Value").unwrap().variant,
            "InvalidParameterDotValue"
        );
    }

    #[test]
    fn bad_variant_and_reserved_other_are_errors() {
        let (_, errors) = resolve_str(
            "[A]\ndescription = \"a\"\nvariant = \"not valid\"\n[Other]\ndescription = \"o\"\n",
        );
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].contains("bad `variant` of `[A]`"));
        assert!(errors[1].contains("variant `Other`"));
    }
}
