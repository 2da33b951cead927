//! `tencent-errors check` and `error_codes!` agree: every codes file a UI
//! test names (under `tests/ui/` and `tests/codes/`) gives, through
//! `check`, exactly the errors of the macro's `.stderr` snapshot about that
//! file and its layers: same locations, same messages, same help, same order.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The codes.toml paths of UI tests start from the root of the tests
/// crate (the UI test copies the files there into trybuild's crate), as do
/// the paths in their messages: `check` runs from there too.
const UI_FOLDERS: [&str; 2] = ["ui/", "codes/"];

fn tests_crate() -> PathBuf {
    workspace().join("tests")
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ is in the workspace")
        .to_owned()
}

/// Every UI test that names a codes file: (its `.rs`, the file from the
/// tests crate's root).
fn ui_tests_naming_a_codes_file() -> Vec<(PathBuf, String)> {
    let mut cases = Vec::new();
    for folder in ["error_codes", "layers", "derive"] {
        let dir = workspace().join("tests/ui").join(folder);
        let mut tests: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
            .collect();
        tests.sort();
        for test in tests {
            let source = std::fs::read_to_string(&test).unwrap();
            let Some(start) = UI_FOLDERS
                .iter()
                .filter_map(|folder| source.find(&format!("\"{folder}")))
                .min()
            else {
                continue;
            };
            let rest = &source[start + 1..];
            let file = &rest[..rest.find('"').unwrap()];
            // A case about a missing file has nothing to check.
            if tests_crate().join(file).is_file() {
                cases.push((test, file.to_owned()));
            }
        }
    }
    cases
}

/// An error as `file:line:col: message`, its notes and its help.
type Error = (String, Vec<String>, Option<String>);

/// The errors of a `.stderr` snapshot that point into a codes file.
fn macro_errors(stderr: &str) -> Vec<Error> {
    let mut errors = Vec::new();
    let mut lines = stderr.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(message) = line
            .strip_prefix("error: ")
            .filter(|message| UI_FOLDERS.iter().any(|folder| message.starts_with(folder)))
        else {
            continue;
        };
        let mut notes = Vec::new();
        while let Some(note) = lines
            .peek()
            .and_then(|next| next.trim_start().strip_prefix("= note: "))
        {
            notes.push(note.to_owned());
            lines.next();
        }
        let help = lines
            .peek()
            .and_then(|next| next.trim_start().strip_prefix("= help: "))
            .map(str::to_owned);
        errors.push((message.to_owned(), notes, help));
    }
    errors
}

/// The errors `check --format json` reports for `file`, in the same shape.
fn check_errors(file: &str) -> Vec<Error> {
    let output = Command::new(env!("CARGO_BIN_EXE_tencent-errors"))
        .args(["check", "--format", "json", file])
        .current_dir(tests_crate())
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let errors: Vec<Error> = stdout
        .lines()
        .map(|line| {
            let error: serde_json::Value = serde_json::from_str(line).unwrap();
            let message = format!(
                "{}:{}:{}: {}",
                error["file"].as_str().unwrap(),
                error["line"],
                error["column"],
                error["message"].as_str().unwrap()
            );
            let notes = error["notes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|note| note.as_str().unwrap().to_owned())
                .collect();
            (message, notes, error["help"].as_str().map(str::to_owned))
        })
        .collect();
    let expected_status = if errors.is_empty() { 0 } else { 1 };
    assert_eq!(
        output.status.code(),
        Some(expected_status),
        "{file}: {stdout}"
    );
    errors
}

#[test]
fn every_ui_codes_file_gives_the_macros_errors() {
    let cases = ui_tests_naming_a_codes_file();
    assert!(cases.len() >= 15, "found only {} UI tests", cases.len());
    let mut with_errors = 0;
    for (test, file) in &cases {
        let stderr = std::fs::read_to_string(test.with_extension("stderr")).unwrap();
        let expected = macro_errors(&stderr);
        with_errors += usize::from(!expected.is_empty());
        assert_eq!(check_errors(file), expected, "{} ({file})", test.display());
    }
    // Not a vacuous comparison: most of these files are wrong on purpose.
    assert!(with_errors >= 15, "only {with_errors} files with errors");
}

#[test]
fn the_codes_files_the_tests_compile_have_no_errors() {
    let dir = workspace().join("tests/codes");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .map(|name| format!("codes/{name}"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in &files {
        assert_eq!(check_errors(file), [], "{file}");
    }
}

#[test]
fn all_files_are_checked_in_one_run() {
    let cases = ui_tests_naming_a_codes_file();
    let files: Vec<&str> = cases.iter().map(|(_, file)| file.as_str()).collect();
    let mut expected: Vec<Error> = Vec::new();
    for (test, _) in &cases {
        let stderr = std::fs::read_to_string(test.with_extension("stderr")).unwrap();
        for error in macro_errors(&stderr) {
            // An error in a layer two files share is reported once.
            if !expected.contains(&error) {
                expected.push(error);
            }
        }
    }
    let output = Command::new(env!("CARGO_BIN_EXE_tencent-errors"))
        .args(["check", "--format", "json"])
        .args(&files)
        .current_dir(tests_crate())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let reported = String::from_utf8(output.stdout).unwrap().lines().count();
    assert_eq!(reported, expected.len());
}
