//! The synthetic sets are the ones BENCHMARKS.md was measured on: the
//! snapshots were written by the Python generator this one replaces.

use xtask::synthetic_codes::{SyntheticCodes, DEFAULT_SEED, DEFAULT_UNKNOWN_SHARE};

#[test]
fn the_default_26_code_set_is_the_measured_one() {
    let set = SyntheticCodes::generate(26, DEFAULT_SEED, DEFAULT_UNKNOWN_SHARE);
    assert_eq!(set.codes_toml, include_str!("snapshots/codes_26.toml"));
    assert_eq!(set.queries, include_str!("snapshots/queries_26.txt"));
}

#[test]
fn codes_are_listed_in_file_order_with_distinct_variant_names() {
    let set = SyntheticCodes::generate(1000, DEFAULT_SEED, DEFAULT_UNKNOWN_SHARE);
    assert_eq!(set.codes.len(), 1000);
    let in_file: Vec<&str> = set
        .codes_toml
        .lines()
        .zip(set.codes_toml.lines().skip(1))
        .filter(|(_, next)| next.starts_with("description"))
        .map(|(header, _)| &header[1..header.len() - 1])
        .collect();
    assert_eq!(in_file, set.codes);
    let names: std::collections::HashSet<String> = set
        .codes
        .iter()
        .map(|code| tencent_errors_core::naming::variant_name(code))
        .collect();
    assert_eq!(names.len(), 1000);
    assert!(set
        .codes
        .iter()
        .all(|code| (10..=89).contains(&code.len()) && !code.ends_with('_')));
}

#[test]
fn the_query_mix_has_every_code_and_a_tenth_as_many_unknown_ones() {
    let set = SyntheticCodes::generate(1000, DEFAULT_SEED, DEFAULT_UNKNOWN_SHARE);
    let queries: Vec<&str> = set.queries.lines().collect();
    assert_eq!(queries.len(), 1100);
    let unknown = queries
        .iter()
        .filter(|query| !set.codes.iter().any(|code| code == *query))
        .count();
    assert_eq!(unknown, 100);
}

#[test]
fn the_enums_list_every_code_once() {
    let set = SyntheticCodes::generate(26, DEFAULT_SEED, DEFAULT_UNKNOWN_SHARE);
    let derive = set.derive_enum();
    assert_eq!(derive.matches("#[tencent(code = ").count(), 26);
    assert!(derive.contains("    #[tencent(other)]\n    Other(String),\n}\n"));
    let strum = set.strum_enum();
    assert_eq!(strum.matches("#[strum(serialize = ").count(), 26);
    let first = &set.codes[0];
    let name = tencent_errors_core::naming::variant_name(first);
    assert!(strum.contains(&format!(
        "    #[strum(serialize = \"{first}\")]\n    {name},\n"
    )));
}
