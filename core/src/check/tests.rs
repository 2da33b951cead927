//! The rules of merging and checking, on small files and layer graphs.

use std::collections::HashSet;
use std::sync::Arc;

use super::*;
use crate::load::{self, Layer};
use crate::schema;

fn messages(diagnostics: Diagnostics) -> Vec<String> {
    diagnostics
        .into_vec()
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn resolve_str(source: &str) -> (CodeSet, Vec<String>) {
    let mut diagnostics = Diagnostics::default();
    let layers = load::load_source("codes.toml", source, &mut diagnostics);
    let set = code_set(&layers, &mut diagnostics);
    (set, messages(diagnostics))
}

/// Layers of `files`; `extends[i]` lists the ancestors of layer `i`.
fn layers_of(
    files: &[(&str, &str)],
    extends: &[&[usize]],
    diagnostics: &mut Diagnostics,
) -> Layers {
    let layers = files
        .iter()
        .zip(extends)
        .map(|((label, source), extends)| Layer {
            label: Arc::from(*label),
            path: None,
            builtin: None,
            file: schema::parse(&Arc::from(*label), source, diagnostics),
            ancestors: extends.iter().copied().collect::<HashSet<usize>>(),
        })
        .collect();
    Layers { layers }
}

/// Resolves `files` as layers; `extends[i]` lists the ancestors of layer `i`.
fn resolve_layers(files: &[(&str, &str)], extends: &[&[usize]]) -> (CodeSet, Vec<String>) {
    let mut diagnostics = Diagnostics::default();
    let layers = layers_of(files, extends, &mut diagnostics);
    let set = code_set(&layers, &mut diagnostics);
    (set, messages(diagnostics))
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
        RetryClass::Transient
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
    assert_eq!(internal.retry, RetryClass::Transient);
    assert_eq!(
        set.find("InvalidParameter").unwrap().retry,
        RetryClass::Transient
    );
}

#[test]
fn a_category_default_never_changes_an_inherited_code() {
    let (set, _) = resolve_layers(
        &[
            ("common.toml", COMMON),
            (
                "mdl.toml",
                "[AuthFailure]\nretry = \"transient\"\n[AuthFailure.New]\ndescription = \"n\"\n",
            ),
        ],
        &[&[], &[0]],
    );
    assert_eq!(
        set.find("AuthFailure.TokenFailure").unwrap().retry,
        RetryClass::Refresh
    );
    assert_eq!(
        set.find("AuthFailure.New").unwrap().retry,
        RetryClass::Transient
    );
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
    assert_eq!(errors, ["b.toml:1:2: `X` is defined differently here and at a.toml:1:2\n= note: the two layers set `description` to different values\n= help: define it in one of the two layers, or in a layer that extends both"]);
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
    let usable = usable_subset(set);
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
        RetryClass::Throttling
    );
    assert_eq!(retry("AuthFailure.A.B"), RetryClass::Refresh);
    assert_eq!(retry("Plain"), RetryClass::Never);
    // `AuthFailure.A`, TOML's implicit table, repeats its parent: only
    // `AuthFailure` is kept for unknown codes to inherit from.
    let categories: Vec<_> = set
        .categories
        .iter()
        .map(|c| (c.path.as_str(), c.retry))
        .collect();
    assert_eq!(categories, [("AuthFailure", RetryClass::Refresh)]);
    assert_eq!(
        set.inherited_retry("AuthFailure.A.Unknown"),
        RetryClass::Refresh
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

#[test]
fn usable_subset_never_leaves_a_parent_past_the_end() {
    let location = Location {
        file: Arc::from("big.toml"),
        line: 1,
        column: 1,
    };
    let code = |index: usize| Code {
        code: format!("A.C{index}"),
        variant: format!("AC{index}"),
        description: "d".to_owned(),
        description_zh: None,
        deprecated: None,
        retry: RetryClass::Never,
        retry_reason: None,
        variant_location: None,
        parent: None,
        location: location.clone(),
    };
    // More codes than a table holds; the first names the last as its parent.
    let count = MAX_ENTRIES + 2;
    let mut codes: Vec<Code> = (0..count).map(code).collect();
    codes[0].parent = Some(count - 1);
    codes[1].parent = Some(2);
    let subset = usable_subset(CodeSet {
        codes,
        categories: Vec::new(),
    });
    assert_eq!(subset.codes.len(), MAX_ENTRIES);
    assert_eq!(subset.codes[0].parent, None);
    assert_eq!(subset.codes[1].parent, Some(2));
    for code in &subset.codes {
        if let Some(parent) = code.parent {
            assert!(parent < subset.codes.len(), "{} -> {parent}", code.code);
        }
    }
}

#[test]
fn a_category_default_reaches_the_new_codes_of_its_layer_only() {
    let (set, errors) = resolve_layers(
        &[
            ("base.toml", "[Cdn.Domain.NotFound]\ndescription = \"n\"\n"),
            (
                "product.toml",
                "[Cdn]\nretry = \"transient\"\n[Cdn.Domain.Busy]\ndescription = \"b\"\n",
            ),
        ],
        &[&[], &[0]],
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        set.find("Cdn.Domain.Busy").unwrap().retry,
        RetryClass::Transient
    );
    assert_eq!(
        set.find("Cdn.Domain.NotFound").unwrap().retry,
        RetryClass::Never
    );
    assert_eq!(set.inherited_retry("Cdn.Domain.X"), RetryClass::Transient);
}

#[test]
fn siblings_conflict_only_on_fields_both_set() {
    let (set, errors) = resolve_layers(
        &[
            ("a.toml", "[X]\ndescription = \"d\"\n[Y]\nretry = \"throttling\"\n[Y.A]\ndescription = \"a\"\n"),
            ("b.toml", "[X]\ndescription = \"d\"\nretry = \"transient\"\n[Y.B]\ndescription = \"b\"\n"),
        ],
        &[&[], &[]],
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(set.find("X").unwrap().retry, RetryClass::Transient);
    assert_eq!(set.find("Y.A").unwrap().retry, RetryClass::Throttling);
    // `Y`'s default is a's, and b does not extend a.
    assert_eq!(set.find("Y.B").unwrap().retry, RetryClass::Never);
}

#[test]
fn a_layer_extending_both_settles_only_the_fields_it_sets() {
    let (set, errors) = resolve_layers(
        &[
            (
                "a.toml",
                "[X]\ndescription = \"from a\"\nretry = \"never\"\n",
            ),
            (
                "b.toml",
                "[X]\ndescription = \"from b\"\nretry = \"transient\"\n",
            ),
            ("c.toml", "[X]\nretry = \"throttling\"\n"),
        ],
        &[&[], &[], &[0, 1]],
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("the two layers set `description` to different values"),
        "{}",
        errors[0]
    );
    assert_eq!(set.find("X").unwrap().retry, RetryClass::Throttling);
}

#[test]
fn the_common_codes_are_every_table_with_a_description_in_codes_toml() {
    let mut diagnostics = Diagnostics::default();
    let set = code_set(&load::load_builtin(&mut diagnostics), &mut diagnostics);
    assert!(diagnostics.is_empty(), "{:?}", diagnostics.as_slice());
    // Counted from the file's text, not from what the parser makes of it.
    let described = load::BUILTIN_SOURCE
        .lines()
        .filter(|line| line.starts_with("description = "))
        .count();
    assert_eq!(set.codes.len(), described);
}
