//! Compile-fail tests: each diagnostic of `error_codes!`, of codes.toml
//! layering and of `#[derive(TencentError)]` (with the per-action check of
//! the catalogue, feature `catalogue`), pinned by a `.stderr` snapshot.
//!
//! trybuild compiles each case in a crate of its own, under
//! `<target dir>/tests/trybuild/`, and the macros read codes.toml paths from
//! that crate's root. So that the cases pass with any target directory
//! (`CARGO_TARGET_DIR` may be anywhere), the codes files are copied there
//! first, at the paths they have here: a case names `ui/layers/x.toml` or
//! `codes/mdl.toml`, as an integration test of this crate would.

use std::path::{Path, PathBuf};

#[test]
fn ui() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let project = trybuild_project_dir(here);
    for folder in ["ui", "codes"] {
        copy_toml_files(&here.join(folder), &project.join(folder));
    }
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/error_codes/*.rs");
    cases.compile_fail("ui/layers/*.rs");
    cases.compile_fail("ui/derive/*.rs");
    // `#[tencent(product = "...", action = "...")]` reads the catalogue.
    #[cfg(feature = "catalogue")]
    cases.compile_fail("ui/actions/*.rs");
}

/// Where trybuild puts its crate: `<target dir>/tests/trybuild/<crate>/`,
/// with the target directory as `cargo metadata` reports it.
fn trybuild_project_dir(manifest_dir: &Path) -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version=1", "--no-deps"])
        .current_dir(manifest_dir)
        .output()
        .expect("cargo metadata runs");
    assert!(output.status.success(), "cargo metadata failed");
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
    let target = metadata["target_directory"]
        .as_str()
        .expect("cargo metadata names the target directory");
    Path::new(target)
        .join("tests")
        .join("trybuild")
        .join(env!("CARGO_PKG_NAME"))
}

/// Copies every `.toml` file below `from` to the same place below `to`.
fn copy_toml_files(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("the folder exists") {
        let path = entry.expect("a folder entry").path();
        let target = to.join(path.file_name().expect("a file name"));
        if path.is_dir() {
            copy_toml_files(&path, &target);
        } else if path
            .extension()
            .is_some_and(|extension| extension == "toml")
        {
            std::fs::create_dir_all(to).expect("the trybuild folder can be written");
            std::fs::copy(&path, &target).expect("the codes file can be copied");
        }
    }
}
