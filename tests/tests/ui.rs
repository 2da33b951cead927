//! Compile-fail tests: each diagnostic of `error_codes!` and
//! `#[derive(TencentError)]`, pinned by a `.stderr` snapshot.
//!
//! codes.toml paths in these files are relative to the crate trybuild
//! builds, under `target/tests/trybuild/`, hence `../../../../tests/ui/...`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/error_codes/*.rs");
}
