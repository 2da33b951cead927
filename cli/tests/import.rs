//! `tencent-errors import` and `export` on the fixtures (small excerpts of
//! the four SDK formats, see tests/fixtures/README.md) give the expected
//! files under tests/expected/. `TENCENT_ERRORS_BLESS=1` rewrites them.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_tencent-errors");

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn expected() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected")
}

fn blessing() -> bool {
    std::env::var_os("TENCENT_ERRORS_BLESS").is_some()
}

/// The four source paths of a release, as given to `import`.
struct Sources {
    python: PathBuf,
    python_intl: PathBuf,
    go: PathBuf,
    go_intl: PathBuf,
}

fn folders(release: &str) -> Sources {
    let root = fixtures().join(release);
    Sources {
        python: root.join("python"),
        python_intl: root.join("python-intl"),
        go: root.join("go"),
        go_intl: root.join("go-intl"),
    }
}

fn import(sources: &Sources, out: &Path) -> Output {
    Command::new(BIN)
        .arg("import")
        .arg("--python")
        .arg(&sources.python)
        .arg("--python-intl")
        .arg(&sources.python_intl)
        .arg("--go")
        .arg(&sources.go)
        .arg("--go-intl")
        .arg(&sources.go_intl)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

fn stdout_of(output: &Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// Every file under `dir`, by its path relative to `dir`.
fn tree(dir: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<String, String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let relative = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(relative, fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut files);
    }
    files
}

fn assert_tree(actual: &Path, expected: &Path) {
    let actual_files = tree(actual);
    if blessing() {
        let _ = fs::remove_dir_all(expected);
        for (path, text) in &actual_files {
            let target = expected.join(path);
            fs::create_dir_all(target.parent().unwrap()).unwrap();
            fs::write(target, text).unwrap();
        }
        return;
    }
    let expected_files = tree(expected);
    assert_eq!(
        actual_files.keys().collect::<Vec<_>>(),
        expected_files.keys().collect::<Vec<_>>(),
        "the files written differ from {}",
        expected.display()
    );
    for (path, text) in &actual_files {
        assert_eq!(
            text,
            &expected_files[path],
            "{path} differs from {}",
            expected.display()
        );
    }
}

fn assert_text(actual: &str, expected: &Path) {
    if blessing() {
        fs::create_dir_all(expected.parent().unwrap()).unwrap();
        fs::write(expected, actual).unwrap();
        return;
    }
    assert_eq!(
        actual,
        fs::read_to_string(expected).unwrap(),
        "differs from {}",
        expected.display()
    );
}

#[test]
fn import_from_folders_writes_the_expected_files() {
    let out = tempfile::tempdir().unwrap();
    let summary = stdout_of(&import(&folders("release1"), out.path()));
    assert_tree(out.path(), &expected().join("release1/catalogue"));
    assert_text(&summary, &expected().join("release1/summary.txt"));
}

#[test]
fn import_twice_writes_the_same_bytes_and_reports_no_change() {
    let out = tempfile::tempdir().unwrap();
    stdout_of(&import(&folders("release1"), out.path()));
    let first = tree(out.path());
    let summary = stdout_of(&import(&folders("release1"), out.path()));
    assert_eq!(tree(out.path()), first);
    assert!(summary.ends_with("changes: none\n"), "{summary}");
}

#[test]
fn newer_release_deprecates_removed_codes_and_reports_changes() {
    let out = tempfile::tempdir().unwrap();
    stdout_of(&import(&folders("release1"), out.path()));
    let summary = stdout_of(&import(&folders("release2"), out.path()));
    assert_tree(out.path(), &expected().join("release2/catalogue"));
    assert_text(&summary, &expected().join("release2/summary.txt"));
    let codes = fs::read_to_string(out.path().join("data/cvm/v20170312/codes.toml")).unwrap();
    assert!(codes.contains("[ResourceNotFound.Instance]\ndescription_zh = \"实例不存在。\"\ndeprecated = \"3.1.196\"\n"));
}

#[test]
fn export_writes_one_json_object_per_code_and_action() {
    let output = Command::new(BIN)
        .arg("export")
        .arg("--catalogue")
        .arg(expected().join("release2/catalogue"))
        .output()
        .unwrap();
    let lines = stdout_of(&output);
    assert_text(&lines, &expected().join("release2/export.jsonl"));
    for line in lines.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(
            value["kind"] == "code" || value["kind"] == "action",
            "{line}"
        );
    }
}

/// A wheel of the folder `dir`, deflated as pip's wheels are.
fn wheel(dir: &Path, target: &Path) {
    let mut writer = zip::ZipWriter::new(fs::File::create(target).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (path, text) in tree(dir) {
        writer.start_file(path, options).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    writer.finish().unwrap();
}

/// A Git repository of the folder `dir`, with one commit; returns its Git directory.
fn git_repository(dir: &Path, target: &Path) -> PathBuf {
    for (path, text) in tree(dir) {
        let file = target.join(path);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, text).unwrap();
    }
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(target)
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&status.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "release"]);
    target.join(".git")
}

#[test]
fn wheels_and_git_directories_give_the_same_files_as_folders() {
    let work = tempfile::tempdir().unwrap();
    let release = folders("release1");
    let sources = Sources {
        python: work.path().join("python.whl"),
        python_intl: work.path().join("python-intl.whl"),
        go: git_repository(&release.go, &work.path().join("go")),
        go_intl: git_repository(&release.go_intl, &work.path().join("go-intl")),
    };
    wheel(&release.python, &sources.python);
    wheel(&release.python_intl, &sources.python_intl);
    let out = work.path().join("out");
    let summary = stdout_of(&import(&sources, &out));
    assert_eq!(
        summary,
        fs::read_to_string(expected().join("release1/summary.txt")).unwrap()
    );
    let mut files = tree(&out);
    let mut expected_files = tree(&expected().join("release1/catalogue"));
    let sources_toml = files.remove("sources.toml").unwrap();
    let expected_sources = expected_files.remove("sources.toml").unwrap();
    assert_eq!(files, expected_files);
    // The same, plus the commit read from each Git directory.
    let without_commits: String = sources_toml
        .lines()
        .filter(|line| !line.starts_with("commit = "))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_eq!(without_commits, expected_sources);
    assert_eq!(sources_toml.matches("\ncommit = \"").count(), 2);
}

#[test]
fn a_path_that_is_no_sdk_is_an_error_naming_it() {
    let out = tempfile::tempdir().unwrap();
    let mut sources = folders("release1");
    sources.python = fixtures().join("no-such-sdk");
    let output = import(&sources, out.path());
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no-such-sdk") && stderr.contains("neither a wheel"),
        "{stderr}"
    );
    sources.python = fixtures().join("release1/go");
    let stderr = String::from_utf8_lossy(&import(&sources, out.path()).stderr).into_owned();
    assert!(stderr.contains("is this the Python SDK?"), "{stderr}");
}
