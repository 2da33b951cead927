//! Property tests of the codes.toml loader (parse, then validate, then the
//! perfect hash), called directly as plain Rust: arbitrary text and arbitrary
//! TOML documents never make it panic, and distinct codes never get one
//! variant name unless an error says so.
//!
//! The pipeline is `tencent-errors-core`'s, the one the macros run.

use tencent_errors_core::emit::error_codes as expand;
use tencent_errors_core::{check, diagnostic, load};

use std::collections::HashSet;

use proptest::prelude::*;

use check::{CodeSet, OTHER_VARIANT};
use diagnostic::Diagnostics;

/// What `error_codes!` does with a file, short of emitting tokens: load it,
/// fall back to the usable subset on error, build the perfect hash over
/// every entry. Returns the set and the error messages.
fn load_like_the_macro(source: &str) -> (CodeSet, Vec<String>) {
    let mut diagnostics = Diagnostics::default();
    let layers = load::load_source("codes.toml", source, &mut diagnostics);
    let set = check::code_set(&layers, &mut diagnostics);
    let errors: Vec<String> = diagnostics
        .into_vec()
        .iter()
        .map(ToString::to_string)
        .collect();
    let set = match errors.is_empty() {
        true => set,
        false => check::usable_subset(set),
    };
    check_perfect_hash(&set);
    (set, errors)
}

/// The table over codes then categories finds every entry at its index, as
/// the runtime looks it up, and keeps every parent.
fn check_perfect_hash(set: &CodeSet) {
    let entries: Vec<&str> = set.table_entries().collect();
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
        let layers = load::load_source("codes.toml", &source, &mut diagnostics);
        let set = check::code_set(&layers, &mut diagnostics);
        let mut owners = std::collections::HashMap::new();
        let mut shared = None;
        for code in &set.codes {
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
        let layers = load::load_source("codes.toml", &source, &mut diagnostics);
        let subset = check::usable_subset(check::code_set(&layers, &mut diagnostics));
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

/// Layers of one enum: file `i` extends some of the files before it, the
/// last file is the one the macro names. Each file defines a few tables
/// over a small set of paths, so that layers redefine, settle and conflict.
#[derive(Debug, Clone)]
struct LayerGraph {
    /// Per file: the files it extends (indices below its own), and its tables.
    files: Vec<(Vec<usize>, Vec<String>)>,
}

const LAYER_PATHS: &[&str] = &["X", "X.A", "X.A.B", "X.C", "Y", "Y.A", "Z.A"];

fn layer_table() -> impl Strategy<Value = String> {
    (
        prop::sample::select(LAYER_PATHS),
        prop::option::of(prop::sample::select(&["\"d1\"", "\"d2\""][..])),
        prop::option::of(prop::sample::select(
            &["\"transient\"", "\"throttling\"", "\"never\""][..],
        )),
        prop::option::weighted(0.15, prop::sample::select(&["\"V1\"", "\"V2\""][..])),
    )
        .prop_map(|(path, description, retry, variant)| {
            let mut text = format!("[{path}]\n");
            for (key, value) in [
                ("description", description),
                ("retry", retry),
                ("variant", variant),
            ] {
                if let Some(value) = value {
                    text.push_str(&format!("{key} = {value}\n"));
                }
            }
            text
        })
}

fn layer_graph() -> impl Strategy<Value = LayerGraph> {
    prop::collection::vec(
        (
            prop::collection::vec(any::<bool>(), 0..5),
            prop::collection::btree_map(prop::sample::select(LAYER_PATHS), layer_table(), 1..5),
        ),
        2..6,
    )
    .prop_map(|files| LayerGraph {
        files: files
            .into_iter()
            .enumerate()
            .map(|(index, (extends, tables))| {
                let mut extends: Vec<usize> = (0..index)
                    .filter(|&i| extends.get(i) == Some(&true))
                    .collect();
                // The named file reaches every other file.
                if index > 0 && extends.is_empty() {
                    extends.push(index - 1);
                }
                // One table per path and file: TOML refuses a table twice.
                (extends, tables.into_values().collect())
            })
            .collect(),
    })
}

/// Writes the graph, with each file's `extends` in the order `order` gives
/// it, and returns what the macro would see: the diagnostics, the checked
/// set and the table's bytes.
fn load_graph(
    graph: &LayerGraph,
    order: impl Fn(&mut Vec<usize>),
) -> (
    Vec<String>,
    CodeSet,
    Option<tencent_errors_table::build::TableBytes>,
) {
    static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let root = std::env::temp_dir().join(format!(
        "tencent-errors-prop-layers-{}-{run}",
        std::process::id()
    ));
    std::fs::create_dir_all(&root).unwrap();
    for (index, (extends, tables)) in graph.files.iter().enumerate() {
        let mut extends = extends.clone();
        order(&mut extends);
        let entries: Vec<String> = extends.iter().map(|i| format!("\"f{i}.toml\"")).collect();
        let text = format!("extends = [{}]\n{}", entries.join(", "), tables.join("\n"));
        std::fs::write(root.join(format!("f{index}.toml")), text).unwrap();
    }
    let mut diagnostics = Diagnostics::default();
    let named = format!("f{}.toml", graph.files.len() - 1);
    let layers = load::load(&root, &named, &mut diagnostics);
    let set = check::code_set(&layers, &mut diagnostics);
    let messages = diagnostics
        .into_vec()
        .iter()
        .map(ToString::to_string)
        .collect();
    let table = expand::table_bytes(&set).ok();
    std::fs::remove_dir_all(&root).unwrap();
    (messages, set, table)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Issue 8, item 6: the order of `extends` entries never changes the
    /// generated table or the diagnostics.
    #[test]
    fn shuffling_extends_changes_neither_the_table_nor_the_diagnostics(
        graph in layer_graph(),
        seed in any::<u64>(),
    ) {
        let in_order = load_graph(&graph, |extends| extends.sort());
        let reversed = load_graph(&graph, |extends| extends.reverse());
        let shuffled = load_graph(&graph, |extends| {
            let len = extends.len().max(1);
            extends.rotate_left((seed as usize) % len);
            if seed & 1 == 1 {
                extends.reverse();
            }
        });
        prop_assert_eq!(&in_order, &reversed, "{:#?}", graph);
        prop_assert_eq!(&in_order, &shuffled, "{:#?}", graph);
    }
}
