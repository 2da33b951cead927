//! Compile-fail tests: each diagnostic of `error_codes!`, of codes.toml
//! layering and of `#[derive(TencentError)]`, pinned by a `.stderr` snapshot.
//!
//! codes.toml paths in these files are relative to the crate trybuild
//! builds, under `target/tests/trybuild/`, hence `../../../../tests/...`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/error_codes/*.rs");
    cases.compile_fail("ui/layers/*.rs");
    cases.compile_fail("ui/derive/*.rs");
}
