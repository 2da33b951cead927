//! Checks across the tables of a codes.toml file, and the resolved code set
//! that code generation works from: retry classes inherited, parents found,
//! variant names fixed and unique.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::naming;
use crate::schema::{CodesFile, Retry};

/// The variant that holds unknown codes.
pub const OTHER_VARIANT: &str = "Other";

/// The most entries (codes and categories) a table can index with `u16`,
/// keeping `u16::MAX` free as a marker.
pub const MAX_ENTRIES: usize = u16::MAX as usize - 1;

/// A code ready for code generation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// The wire string.
    pub code: String,
    /// The Rust variant name.
    pub variant: String,
    /// The description.
    pub description: String,
    /// The retry class, inherited where not set.
    pub retry: Retry,
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
    #[cfg(test)]
    /// The code with wire string `code`, if any.
    pub fn find(&self, code: &str) -> Option<&Code> {
        self.codes.iter().find(|candidate| candidate.code == code)
    }
}

/// Resolves a parsed file into a code set, recording every error.
pub fn resolve(file: &CodesFile, diagnostics: &mut Diagnostics) -> CodeSet {
    let mut set = CodeSet::default();
    let mut retry_of: HashMap<&str, Retry> = HashMap::new();
    let mut code_index: HashMap<&str, usize> = HashMap::new();
    for table in &file.tables {
        let parent_path = table.path.rfind('.').map(|dot| &table.path[..dot]);
        // Retry classes flow down from the nearest ancestor that sets one.
        let inherited = parent_path.and_then(|parent| retry_of.get(parent).copied());
        let retry = table
            .retry
            .as_ref()
            .map(|setting| setting.value)
            .or(inherited)
            .unwrap_or_default();
        retry_of.insert(&table.path, retry);
        let Some(description) = &table.description else {
            set.categories.push(Category {
                path: table.path.clone(),
                retry,
            });
            continue;
        };
        let parent = nearest_code(&table.path, &code_index);
        code_index.insert(&table.path, set.codes.len());
        set.codes.push(Code {
            code: table.path.clone(),
            variant: table
                .variant
                .as_ref()
                .map_or_else(|| naming::variant_name(&table.path), |v| v.value.clone()),
            description: description.value.clone(),
            retry,
            parent,
            location: table.location.clone(),
        });
    }
    check_variants(file, &set, diagnostics);
    check_size(&set, diagnostics);
    set
}

fn nearest_code(path: &str, code_index: &HashMap<&str, usize>) -> Option<usize> {
    let mut prefix = path;
    while let Some(dot) = prefix.rfind('.') {
        prefix = &prefix[..dot];
        if let Some(&index) = code_index.get(prefix) {
            return Some(index);
        }
    }
    None
}

/// Variant names are identifiers, unique, and never `Other`.
fn check_variants(file: &CodesFile, set: &CodeSet, diagnostics: &mut Diagnostics) {
    let explicit: HashMap<&str, &Location> = file
        .tables
        .iter()
        .filter_map(|table| Some((table.path.as_str(), &table.variant.as_ref()?.location)))
        .collect();
    let mut taken: HashMap<&str, &crate::validate::Code> = HashMap::new();
    for code in &set.codes {
        let explicit_location = explicit.get(code.code.as_str()).copied();
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
                            "codes `{}` (line {}) and `{}` (line {}) both map to the variant `{}`",
                            first.code,
                            first.location.line,
                            code.code,
                            code.location.line,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema;
    use std::sync::Arc;

    fn resolve_str(source: &str) -> (CodeSet, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let file = schema::parse(&Arc::from("codes.toml"), source, &mut diagnostics);
        let set = resolve(&file, &mut diagnostics);
        (
            set,
            diagnostics
                .into_vec()
                .iter()
                .map(ToString::to_string)
                .collect(),
        )
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
        let categories: Vec<_> = set
            .categories
            .iter()
            .map(|c| (c.path.as_str(), c.retry))
            .collect();
        assert_eq!(
            categories,
            [
                ("AuthFailure", Retry::Refresh),
                ("AuthFailure.A", Retry::Refresh)
            ]
        );
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
