//! The names the importer gives codes that collide under the variant
//! naming rule (the core's).

use std::collections::{BTreeMap, BTreeSet};

pub use tencent_errors_core::naming::{dotted_variant_name, variant_name};

/// Whether `code` fits the grammar: segments of `[A-Za-z][A-Za-z0-9_]*`
/// joined by dots, at most 128 characters.
pub fn fits_grammar(code: &str) -> bool {
    tencent_errors_core::naming::check_code(code).is_ok()
}

/// Gives every code a variant name, unique within the enum, and returns the
/// explicit ones (where a code's name is not its rule name).
///
/// `inherited` are the codes of layers below (they keep their names);
/// `settled` the product's codes that already have a name (from an earlier
/// import: they keep it, so upgrading never renames a variant); `new` the
/// rest, which take their rule name if it is free, else the dotted name,
/// else the dotted name with a number. Codes with fewer dots come first.
pub fn assign_variants<'a>(
    inherited: impl IntoIterator<Item = &'a str>,
    settled: &BTreeMap<String, Option<String>>,
    new: impl IntoIterator<Item = &'a str>,
) -> BTreeMap<String, String> {
    let mut taken: BTreeSet<String> = inherited.into_iter().map(variant_name).collect();
    let mut explicit = BTreeMap::new();
    let mut settled: Vec<(&String, &Option<String>)> = settled.iter().collect();
    settled.sort_by_key(|(code, _)| (code.matches('.').count(), code.as_str()));
    let mut new: Vec<&str> = new.into_iter().collect();
    new.sort_by_key(|code| (code.matches('.').count(), *code));
    let wanted = settled
        .into_iter()
        .map(|(code, variant)| (code.as_str(), variant.clone()))
        .chain(new.into_iter().map(|code| (code, None)));
    for (code, variant) in wanted {
        let rule_name = variant_name(code);
        let mut name = variant.unwrap_or_else(|| rule_name.clone());
        if taken.contains(&name) && name == rule_name {
            name = dotted_variant_name(code);
            let base = name.clone();
            let mut number = 2;
            while taken.contains(&name) {
                name = format!("{base}{number}");
                number += 1;
            }
        }
        if name != rule_name {
            explicit.insert(code.to_owned(), name.clone());
        }
        taken.insert(name);
    }
    explicit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar_refuses_trailing_dots_and_long_codes() {
        assert!(fits_grammar("InvalidParameter.INVALID_PARAM"));
        assert!(!fits_grammar("InternalError."));
        assert!(!fits_grammar("A..B"));
        assert!(!fits_grammar(&"A".repeat(129)));
    }

    #[test]
    fn colliding_codes_get_dotted_names() {
        let explicit = assign_variants(
            ["InvalidParameterValue"],
            &BTreeMap::new(),
            ["InvalidParameter.Value", "A.BC", "ABC", "A.B.C"],
        );
        assert_eq!(
            explicit,
            BTreeMap::from([
                (
                    "InvalidParameter.Value".to_owned(),
                    "InvalidParameterDotValue".to_owned()
                ),
                ("A.BC".to_owned(), "ADotBC".to_owned()),
                ("A.B.C".to_owned(), "ADotBDotC".to_owned()),
            ])
        );
    }

    #[test]
    fn settled_codes_keep_their_names() {
        let settled = BTreeMap::from([("A.BC".to_owned(), None)]);
        let explicit = assign_variants([], &settled, ["ABC"]);
        assert_eq!(
            explicit,
            BTreeMap::from([("ABC".to_owned(), "ABC2".to_owned())])
        );
    }
}
