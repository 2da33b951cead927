//! Property tests of the codes.toml loader (parse, then validate, then the
//! perfect hash), called directly as plain Rust: arbitrary text and arbitrary
//! TOML documents never make it panic, and distinct codes never get one
//! variant name unless an error says so.
//!
//! The pipeline is `tencent-errors-core`'s, the one the macros run.

use tencent_errors_core::{diagnostic, expand, load, validate};

use std::collections::HashSet;

use proptest::prelude::*;

use diagnostic::Diagnostics;
use validate::{CodeSet, OTHER_VARIANT};

/// What `error_codes!` does with a file, short of emitting tokens: load it,
/// fall back to the usable subset on error, build the perfect hash over
/// every entry. Returns the set and the error messages.
fn load_like_the_macro(source: &str) -> (CodeSet, Vec<String>) {
    let mut diagnostics = Diagnostics::default();
    let loaded = load::load_source("codes.toml", source, &mut diagnostics);
    let errors: Vec<String> = diagnostics
        .into_vec()
        .iter()
        .map(ToString::to_string)
        .collect();
    let set = match errors.is_empty() {
        true => loaded.set,
        false => validate::usable_subset(&loaded.set),
    };
    check_perfect_hash(&set);
    (set, errors)
}

/// The table over codes then categories finds every entry at its index, as
/// the runtime looks it up, and keeps every parent.
fn check_perfect_hash(set: &CodeSet) {
    let entries: Vec<&str> = set
        .codes
        .iter()
        .map(|code| code.code.as_str())
        .chain(set.categories.iter().map(|category| category.path.as_str()))
        .collect();
    let distinct: HashSet<&str> = entries.iter().copied().collect();
    assert_eq!(distinct.len(), entries.len(), "entries repeat: {entries:?}");
    let bytes = expand::table_bytes(set).expect("a table over distinct entries");
    let table = bytes.table();
    for (index, entry) in entries.iter().enumerate() {
        assert_eq!(table.lookup(entry), Some(index as u16), "{entry}");
    }
    for (index, code) in set.codes.iter().enumerate() {
        let parent = code.parent.map(|parent| parent as u16);
        assert_eq!(table.parent(index as u16), parent, "{}", code.code);
    }
}

/// A generated set is one rustc accepts: distinct codes, distinct variant
/// names that are identifiers (not keywords) and not `Other`.
fn check_generatable(set: &CodeSet, context: &str) {
    let mut codes = HashSet::new();
    let mut variants = HashSet::new();
    for code in &set.codes {
        assert!(
            codes.insert(code.code.as_str()),
            "code `{}` twice\n{context}",
            code.code
        );
        assert!(
            variants.insert(code.variant.as_str()),
            "variant `{}` twice (code `{}`) and no error said so\n{context}",
            code.variant,
            code.code
        );
        assert_ne!(code.variant, OTHER_VARIANT, "{context}");
        assert!(
            syn::parse_str::<syn::Ident>(&code.variant).is_ok(),
            "variant `{}` of `{}` is not an identifier\n{context}",
            code.variant,
            code.code
        );
    }
}

/// Path segments chosen to collide under the naming rule
/// (`InvalidParameter.Value` and `InvalidParameterValue`, `a_b` and `a.b`),
/// to break the grammar, and to hit reserved names.
const SEGMENTS: &[&str] = &[
    "A",
    "a",
    "B",
    "b",
    "a_b",
    "A_B",
    "AB",
    "Value",
    "value",
    "InvalidParameter",
    "InvalidParameterValue",
    "Other",
    "Self",
    "fn",
    "X1",
    "_x",
    "1a",
    "é",
    "",
    "a-b",
    "a b",
    "\"a.b\"",
    "'c.d'",
];

const VALUES: &[&str] = &[
    "\"d\"",
    "\"\"",
    "\"never\"",
    "\"throttling\"",
    "\"transient\"",
    "\"refresh\"",
    "\"sometimes\"",
    "\"Valid\"",
    "\"Other\"",
    "\"not valid\"",
    "\"fn\"",
    "\"AB\"",
    "\"InvalidParameterValue\"",
    "\"tencent-errors\"",
    "\"../x.toml\"",
    "\"line\\nbreak\\u0000\"",
    "1",
    "-0",
    "1.5e300",
    "true",
    "1979-05-27T07:32:00Z",
    "[]",
    "[\"tencent-errors\", 1]",
    "[[1], {a = 1}]",
    "{}",
    "{ description = \"d\" }",
    "{ a = { b = { c = 1 } } }",
];

const KEYS: &[&str] = &[
    "description",
    "description",
    "retry",
    "variant",
    "extends",
    "descriptoin",
    "\"description\"",
    "\"a.b\"",
    "a.description",
    "x",
];

fn segment() -> impl Strategy<Value = String> {
    prop::sample::select(SEGMENTS).prop_map(str::to_owned)
}

fn path() -> impl Strategy<Value = String> {
    prop::collection::vec(segment(), 1..4).prop_map(|segments| segments.join("."))
}

fn key_value() -> impl Strategy<Value = String> {
    (prop::sample::select(KEYS), prop::sample::select(VALUES))
        .prop_map(|(key, value)| format!("{key} = {value}"))
}

/// One table: `[path]`, `[[path]]` or a root-level dotted key, with settings.
fn section() -> impl Strategy<Value = String> {
    (0..6u8, path(), prop::collection::vec(key_value(), 0..4)).prop_map(|(kind, path, settings)| {
        let header = match kind {
            0 => format!("[[{path}]]"),
            1 => String::new(),
            _ => format!("[{path}]"),
        };
        let mut text = header;
        for setting in settings {
            text.push('\n');
            text.push_str(&setting);
        }
        text
    })
}

/// Valid segments, several pairs of which collide under the naming rule.
const VALID_SEGMENTS: &[&str] = &[
    "A",
    "a",
    "B",
    "AB",
    "a_b",
    "A_B",
    "Value",
    "value",
    "InvalidParameter",
    "InvalidParameterValue",
    "X1",
    "fn",
    "self",
    "Other",
];

/// A codes.toml that is valid TOML with valid settings: what is left to go
/// wrong is across tables (collisions, reserved names, forgotten descriptions).
fn codes_document() -> impl Strategy<Value = String> {
    let table = (
        prop::collection::vec(prop::sample::select(VALID_SEGMENTS), 1..4),
        prop::bool::weighted(0.8),
        prop::option::weighted(
            0.3,
            prop::sample::select(&["never", "throttling", "transient", "refresh"][..]),
        ),
        prop::option::weighted(
            0.1,
            prop::sample::select(&["AB", "Valid", "InvalidParameterDotValue", "Other", "fn"][..]),
        ),
    )
        .prop_map(|(segments, described, retry, variant)| {
            let mut text = format!("[{}]", segments.join("."));
            if described {
                text.push_str("\ndescription = \"d\"");
            }
            if let Some(retry) = retry {
                text.push_str(&format!("\nretry = \"{retry}\""));
            }
            if let Some(variant) = variant {
                text.push_str(&format!("\nvariant = \"{variant}\""));
            }
            text
        });
    prop::collection::vec(table, 1..10).prop_map(|tables| tables.join("\n\n"))
}

/// Arbitrary TOML: valid codes.toml-shaped documents and wild ones.
fn toml_document() -> impl Strategy<Value = String> {
    prop_oneof![codes_document(), wild_document()]
}

/// TOML of any shape and values, sometimes broken by an edit.
fn wild_document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(section(), 0..12),
        prop::option::weighted(
            0.2,
            (any::<prop::sample::Index>(), "[\\[\\]\"=.\n#\\\\a-z]{1,3}"),
        ),
    )
        .prop_map(|(sections, edit)| {
            let mut text = sections.join("\n\n");
            if let Some((at, inserted)) = edit {
                let mut offset = at.index(text.len() + 1);
                while !text.is_char_boundary(offset) {
                    offset -= 1;
                }
                text.insert_str(offset, &inserted);
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics_the_loader(source in any::<String>()) {
        let (set, errors) = load_like_the_macro(&source);
        if errors.is_empty() {
            check_generatable(&set, &source);
        }
    }

    #[test]
    fn arbitrary_toml_never_panics_the_loader(source in toml_document()) {
        let (set, errors) = load_like_the_macro(&source);
        if errors.is_empty() {
            check_generatable(&set, &source);
        }
    }

    #[test]
    fn distinct_codes_get_distinct_variants_unless_an_error_says_so(source in toml_document()) {
        let mut diagnostics = Diagnostics::default();
        let loaded = load::load_source("codes.toml", &source, &mut diagnostics);
        let mut owners = std::collections::HashMap::new();
        let mut shared = None;
        for code in &loaded.set.codes {
            if let Some(first) = owners.insert(code.variant.as_str(), code.code.as_str()) {
                shared = Some((first, code.code.as_str(), code.variant.as_str()));
            }
        }
        if let Some((first, second, variant)) = shared {
            let messages: Vec<String> =
                diagnostics.into_vec().iter().map(ToString::to_string).collect();
            prop_assert!(
                messages.iter().any(|m| m.contains(variant)),
                "`{first}` and `{second}` share `{variant}` silently: {messages:?}\n{source}"
            );
        }
    }

    #[test]
    fn the_fallback_subset_is_always_generatable(source in toml_document()) {
        let mut diagnostics = Diagnostics::default();
        let loaded = load::load_source("codes.toml", &source, &mut diagnostics);
        let subset = validate::usable_subset(&loaded.set);
        check_generatable(&subset, &source);
        check_perfect_hash(&subset);
    }
}

/// A code whose variant name would be the keyword `Self` must be a
/// diagnostic pointing at the file, not a rustc error inside the expansion
/// ("expected identifier, found keyword `Self`").
#[test]
fn a_code_named_self_is_reported() {
    let (_, errors) = load_like_the_macro("[self]\ndescription = \"s\"\n");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("Self"), "{errors:?}");
}
