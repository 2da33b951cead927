//! Generates the code sets the benchmarks compare on, and every baseline
//! over them, with `xtask::synthetic_codes` (what `cargo xtask gen-codes`
//! writes; fixed seed: every build writes the same codes).
//!
//! For each size N it writes, to `$OUT_DIR`:
//! - `codes_N.toml`: the codes.toml that `error_codes!` reads (the macro
//!   takes a path relative to this crate's root, so the generated module
//!   names it by its path from here: build scripts write only to `$OUT_DIR`);
//! - `queries_N.txt`: the listed codes plus ~10% unknown ones;
//! - `set_N.rs`: a module with the generated enum and the
//!   baselines: a string `match` (what strum's `EnumString` and serde's
//!   derive generate), a `phf::Map`, and a sorted array for binary search.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Component, Path, PathBuf};

use xtask::synthetic_codes::{SyntheticCodes, DEFAULT_SEED, DEFAULT_UNKNOWN_SHARE};

/// Code counts always built.
const SIZES: &[usize] = &[26, 1000];
/// The distinct codes of the Tencent Cloud SDKs: built only when this
/// variable is set, because a 12,388-arm `match` takes minutes to compile.
/// An environment variable rather than a feature, so that CI's
/// `--all-features` does not pull it into clippy and rustdoc.
const LARGE: usize = 12388;
const LARGE_VARIABLE: &str = "TENCENT_ERRORS_BENCH_LARGE";

fn main() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed={LARGE_VARIABLE}");
    println!("cargo::rustc-check-cfg=cfg(large_set)");

    let mut sizes = SIZES.to_vec();
    if env::var_os(LARGE_VARIABLE).is_some_and(|value| !value.is_empty() && value != "0") {
        sizes.push(LARGE);
        println!("cargo::rustc-cfg=large_set");
    }
    let mut sets = String::new();
    for &size in &sizes {
        let set = SyntheticCodes::generate(size, DEFAULT_SEED, DEFAULT_UNKNOWN_SHARE);
        write_if_changed(&out_dir.join(format!("queries_{size}.txt")), &set.queries);
        let codes_path = out_dir.join(format!("codes_{size}.toml"));
        write_if_changed(&codes_path, &set.codes_toml);
        let module = set_module(size, &relative_path(&manifest_dir, &codes_path), &set.codes);
        write_if_changed(&out_dir.join(format!("set_{size}.rs")), &module);
        writeln!(
            sets,
            "/// The set of {size} codes.\npub mod set_{size} {{ include!(concat!(env!(\"OUT_DIR\"), \"/set_{size}.rs\")); }}"
        )
        .unwrap();
    }
    write_if_changed(&out_dir.join("sets.rs"), &sets);
}

/// The module of one size. Baselines map a code to its index in `CODES`.
fn set_module(size: usize, codes_toml: &str, codes: &[String]) -> String {
    let mut out = String::new();
    writeln!(
        out,
        "tencent_errors::error_codes! {{\n    /// {size} generated codes.\n    pub enum Code from {codes_toml:?};\n}}\n"
    )
    .unwrap();
    writeln!(
        out,
        "/// The number of codes.\npub const SIZE: usize = {size};\n"
    )
    .unwrap();
    writeln!(
        out,
        "/// The listed codes and ~10% unknown ones, one a line, shuffled.\npub const QUERY_MIX: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/queries_{size}.txt\"));\n"
    )
    .unwrap();

    out.push_str("/// Every code, in codes.toml order.\npub static CODES: [&str; SIZE] = [\n");
    for code in codes {
        writeln!(out, "    {code:?},").unwrap();
    }
    out.push_str("];\n\n");

    out.push_str(
        "/// The same codes as a `#[derive(TencentError)]` enum; its variants take\n/// their descriptions from no doc comment.\n#[allow(missing_docs)]\n#[derive(Debug, tencent_errors::TencentError)]\npub enum Derived {\n",
    );
    for (index, code) in codes.iter().enumerate() {
        writeln!(out, "    #[tencent(code = {code:?})]\n    V{index},").unwrap();
    }
    out.push_str("    #[tencent(other)]\n    Other(String),\n}\n\n");

    out.push_str(
        "/// A string `match`, as strum's `EnumString` and serde's derive generate it.\n\
         #[inline(never)]\npub fn match_lookup(code: &str) -> Option<u16> {\n    match code {\n",
    );
    for (index, code) in codes.iter().enumerate() {
        writeln!(out, "        {code:?} => Some({index}),").unwrap();
    }
    out.push_str("        _ => None,\n    }\n}\n\n");

    let mut map = phf_codegen::Map::new();
    let indices: Vec<String> = (0..codes.len()).map(|index| index.to_string()).collect();
    for (code, index) in codes.iter().zip(&indices) {
        map.entry(code.as_str(), index);
    }
    writeln!(
        out,
        "/// A `phf::Map` built by phf_codegen.\npub static PHF: phf::Map<&'static str, u16> = {};\n",
        map.build()
    )
    .unwrap();

    let mut sorted: Vec<(&str, usize)> = codes
        .iter()
        .enumerate()
        .map(|(index, code)| (code.as_str(), index))
        .collect();
    sorted.sort_unstable();
    out.push_str("/// Every code and its index, sorted by code.\npub static SORTED: [(&str, u16); SIZE] = [\n");
    for (code, index) in sorted {
        writeln!(out, "    ({code:?}, {index}),").unwrap();
    }
    out.push_str("];\n\n");

    out.push_str(
        r#"/// This set, for the generic benchmarks.
#[derive(Debug)]
pub struct Set;

impl crate::CodeSet for Set {
    type Code = Code;
    const SIZE: usize = SIZE;
    const QUERY_MIX: &'static str = QUERY_MIX;
    fn codes() -> &'static [&'static str] { &CODES }
    // Inline, as the enums' own `from_code` is in a user's crate: a call
    // across crates would return the value through memory and copy it,
    // which no user of the enum pays.
    #[inline]
    fn from_code(code: &str) -> Code { Code::from_code(code) }
    type Derived = Derived;
    #[inline]
    fn derived_from_code(code: &str) -> Derived { Derived::from_code(code) }
    fn match_lookup(code: &str) -> Option<u16> { match_lookup(code) }
    fn phf() -> &'static phf::Map<&'static str, u16> { &PHF }
    fn sorted() -> &'static [(&'static str, u16)] { &SORTED }
}
"#,
    );
    out
}

/// `path` relative to `base` (both absolute), with `..` where they part.
fn relative_path(base: &Path, path: &Path) -> String {
    let base: Vec<Component<'_>> = base.components().collect();
    let path: Vec<Component<'_>> = path.components().collect();
    let common = base.iter().zip(&path).take_while(|(a, b)| a == b).count();
    let mut relative = PathBuf::new();
    for _ in common..base.len() {
        relative.push("..");
    }
    relative.extend(&path[common..]);
    relative.to_str().expect("a UTF-8 OUT_DIR").to_owned()
}

/// Writes only when the content changes, so that an unchanged set does not
/// make cargo recompile the crate.
fn write_if_changed(path: &Path, content: &str) {
    if fs::read_to_string(path).is_ok_and(|old| old == content) {
        return;
    }
    fs::write(path, content).unwrap_or_else(|error| panic!("write {}: {error}", path.display()));
}
