//! Compile-fail tests: each diagnostic of `error_codes!`, of codes.toml
//! layering and of `#[derive(TencentError)]` (with the per-action check of
//! the catalogue, feature `catalogue`), pinned by a `.stderr` snapshot.
//!
//! codes.toml paths in these files are relative to the crate trybuild
//! builds, under `target/tests/trybuild/`, hence `../../../../tests/...`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/error_codes/*.rs");
    cases.compile_fail("ui/layers/*.rs");
    cases.compile_fail("ui/derive/*.rs");
    // `#[tencent(product = "...", action = "...")]` reads the catalogue.
    #[cfg(feature = "catalogue")]
    cases.compile_fail("ui/actions/*.rs");
}
