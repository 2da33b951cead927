//! Every command's human and JSON output and exit status, pinned by insta
//! snapshots (`tests/snapshots/*.snap`). Each runs the built binary from
//! this crate's folder, on the inputs under `tests/inputs/` and the UI
//! tests' codes files.

use std::process::Command;

/// `$ tencent-errors ARGS`, its exit status, its standard output and, when
/// it wrote any, its standard error.
fn run(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_tencent-errors"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let command: Vec<String> = args
        .iter()
        .map(|arg| arg.escape_debug().to_string())
        .collect();
    let mut shown = format!(
        "$ tencent-errors {}\nexit status: {}\n",
        command.join(" "),
        output
            .status
            .code()
            .map_or("none".to_owned(), |code| code.to_string())
    );
    shown.push_str(&String::from_utf8(output.stdout).expect("UTF-8 output"));
    if !output.stderr.is_empty() {
        shown.push_str("--- stderr\n");
        shown.push_str(&String::from_utf8(output.stderr).expect("UTF-8 errors"));
    }
    shown
}

/// The runs of several commands, one after the other.
fn runs(commands: &[&[&str]]) -> String {
    commands
        .iter()
        .map(|args| run(args))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Terminal control characters that must never reach the output raw.
fn assert_no_raw_controls(output: &str) {
    let raw = output
        .chars()
        .find(|c| (c.is_control() && *c != '\n') || *c == '\u{2028}' || *c == '\u{2029}');
    assert_eq!(raw, None, "a raw control character in:\n{output}");
}

#[test]
fn explain_a_known_code() {
    insta::assert_snapshot!(runs(&[
        &["explain", "AuthFailure.SignatureExpire"],
        &["explain", "RequestLimitExceeded.UinLimitExceeded"],
        &[
            "explain",
            "RequestLimitExceeded.UinLimitExceeded",
            "--format",
            "json"
        ],
    ]));
}

#[test]
fn explain_an_unknown_code_with_suggestions() {
    insta::assert_snapshot!(runs(&[
        &["explain", "AuthFailure.SignatureExpird"],
        &["explain", "authfailure.tokenfailure"],
        &["explain", "InternalError.DbTimeout"],
        &["explain", "AuthFailure.SignatureExpird", "--format", "json"],
    ]));
}

#[test]
fn explain_escapes_the_code_it_is_given() {
    let output = run(&["explain", "InvalidParameter.\u{1b}[2J\u{9b}1A"]);
    assert_no_raw_controls(&output);
    insta::assert_snapshot!(output);
}

#[test]
fn explain_an_unknown_product_is_a_usage_error() {
    insta::assert_snapshot!(run(&[
        "explain",
        "InvalidParameter.Name",
        "--product",
        "cvn"
    ]));
}

#[test]
fn explain_a_product_code_with_the_actions_that_return_it() {
    insta::assert_snapshot!(runs(&[
        &["explain", "InvalidParameter.Name", "--product", "mdl"],
        &["explain", "FailedOperation.RegisterDomainFailed"],
        &[
            "explain",
            "InvalidParameter.Name",
            "--product",
            "mdl",
            "--format",
            "json"
        ],
        &["explain", "InvalidParameter.Nmae", "--product", "mdl"],
    ]));
}

#[test]
fn search_best_first() {
    insta::assert_snapshot!(runs(&[
        &["search", "signature"],
        &["search", "limit", "exceeded"],
        &["search", "auth", "--limit", "3"],
        &["search", "frequency", "--format", "json", "--limit", "3"],
        &["search", "频率", "--limit", "5"],
        &["search", "snapshot", "--product", "cvm"],
    ]));
}

#[test]
fn search_without_a_match_is_a_finding() {
    insta::assert_snapshot!(runs(&[
        &["search", "nothing-like-this"],
        &["search", "nothing-like-this", "--format", "json"],
    ]));
}

#[test]
fn check_a_valid_file() {
    insta::assert_snapshot!(runs(&[
        &["check", "tests/inputs/codes/valid.toml"],
        &["check", "tests/inputs/codes/valid.toml", "--format", "json"],
    ]));
}

#[test]
fn check_a_misspelt_key_and_a_name_collision() {
    // The codes files of the macro's UI tests: the same messages as their
    // `.stderr` snapshots (`check_agrees_with_macro.rs` compares them all).
    insta::assert_snapshot!(runs(&[
        &[
            "check",
            "../tests/ui/error_codes/unknown_key.toml",
            "../tests/ui/error_codes/name_collision.toml",
        ],
        &[
            "check",
            "../tests/ui/error_codes/unknown_key.toml",
            "../tests/ui/error_codes/name_collision.toml",
            "--format",
            "json",
        ],
    ]));
}

#[test]
fn check_reports_every_error_of_every_file_and_layer() {
    insta::assert_snapshot!(run(&[
        "check",
        "../tests/ui/error_codes/all_errors_at_once.toml",
        "../tests/ui/layers/extends_cycle.toml",
        "../tests/ui/layers/conflicting_layers.toml",
        "../tests/ui/error_codes/toml_syntax_error.toml",
        "tests/inputs/codes/missing.toml",
    ]));
}

#[test]
fn check_escapes_a_hostile_file() {
    let output = runs(&[
        &[
            "check",
            "tests/inputs/codes/hostile.toml",
            "tests/inputs/codes/raw_control.toml",
        ],
        &[
            "check",
            "tests/inputs/codes/hostile.toml",
            "--format",
            "json",
        ],
    ]);
    assert_no_raw_controls(&output);
    insta::assert_snapshot!(output);
}

#[test]
fn decode_an_error_and_the_decision_for_an_action() {
    insta::assert_snapshot!(runs(&[
        &[
            "decode",
            "tests/inputs/bodies/throttled.json",
            "--action",
            "RunInstances"
        ],
        &[
            "decode",
            "tests/inputs/bodies/internal_error.json",
            "--action",
            "RunInstances"
        ],
        &[
            "decode",
            "tests/inputs/bodies/internal_error.json",
            "--action",
            "RunInstances",
            "--client-token",
            "5f0c7a1e",
        ],
        &[
            "decode",
            "tests/inputs/bodies/internal_error.json",
            "--action",
            "DescribeInstances",
            "--format",
            "json",
        ],
        &["decode", "tests/inputs/bodies/product_code.json"],
        &[
            "decode",
            "tests/inputs/bodies/product_code.json",
            "--product",
            "domain",
            "--action",
            "CreateDomainBatch",
            "--format",
            "json",
        ],
        &["decode", "tests/inputs/bodies/unknown_code.json"],
        &[
            "decode",
            "tests/inputs/bodies/unknown_code.json",
            "--product",
            "cvm",
            "--format",
            "json"
        ],
    ]));
}

#[test]
fn decode_a_success() {
    insta::assert_snapshot!(runs(&[
        &["decode", "tests/inputs/bodies/success.json"],
        &[
            "decode",
            "tests/inputs/bodies/success.json",
            "--format",
            "json"
        ],
    ]));
}

#[test]
fn decode_an_html_502_page() {
    insta::assert_snapshot!(runs(&[
        &[
            "decode",
            "tests/inputs/bodies/html_502.html",
            "--status",
            "502",
            "--action",
            "DescribeInstances",
        ],
        &[
            "decode",
            "tests/inputs/bodies/html_502.html",
            "--status",
            "502",
            "--format",
            "json",
        ],
    ]));
}

#[test]
fn decode_a_truncated_body() {
    insta::assert_snapshot!(runs(&[
        &["decode", "tests/inputs/bodies/truncated.json"],
        &[
            "decode",
            "tests/inputs/bodies/truncated.json",
            "--format",
            "json"
        ],
    ]));
}

#[test]
fn decode_escapes_terminal_sequences_in_the_message() {
    let output = runs(&[
        &["decode", "tests/inputs/bodies/escape_sequences.json"],
        &[
            "decode",
            "tests/inputs/bodies/escape_sequences.json",
            "--format",
            "json",
        ],
        &[
            "decode",
            "tests/inputs/bodies/raw_escapes.txt",
            "--status",
            "502",
        ],
    ]);
    assert_no_raw_controls(&output);
    insta::assert_snapshot!(output);
}

#[test]
fn decode_reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tencent-errors"))
        .args(["decode", "-", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let body = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/inputs/bodies/throttled.json"),
    )
    .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), &body).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let verdict: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(verdict["code"], "RequestLimitExceeded");
    assert_eq!(verdict["retry"], "throttling");
}

#[test]
fn decode_a_missing_file_is_a_usage_error() {
    insta::assert_snapshot!(run(&["decode", "tests/inputs/bodies/missing.json"]));
}

#[test]
fn diff_two_exports() {
    insta::assert_snapshot!(runs(&[
        &[
            "diff",
            "tests/inputs/exports/old.jsonl",
            "tests/inputs/exports/new.jsonl"
        ],
        &[
            "diff",
            "tests/inputs/exports/old.jsonl",
            "tests/inputs/exports/new.jsonl",
            "--format",
            "json",
        ],
        &[
            "diff",
            "tests/inputs/exports/old.jsonl",
            "tests/inputs/exports/old.jsonl"
        ],
    ]));
}

#[test]
fn diff_a_line_that_is_no_export_line_is_a_usage_error() {
    insta::assert_snapshot!(run(&[
        "diff",
        "tests/inputs/exports/old.jsonl",
        "tests/inputs/exports/bad.jsonl"
    ]));
}

#[test]
fn every_command_has_help_with_an_example() {
    insta::assert_snapshot!(runs(&[
        &["--help"],
        &["explain", "--help"],
        &["search", "--help"],
        &["check", "--help"],
        &["decode", "--help"],
        &["diff", "--help"],
        &["completions", "--help"],
    ]));
}

#[test]
fn a_usage_error_exits_with_2() {
    insta::assert_snapshot!(runs(&[&["explain"], &["decode", "--format", "yaml"],]));
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let output = Command::new(env!("CARGO_BIN_EXE_tencent-errors"))
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        for subcommand in [
            "explain",
            "search",
            "check",
            "decode",
            "diff",
            "completions",
        ] {
            assert!(script.contains(subcommand), "{shell}: {subcommand}");
        }
        assert!(script.contains("format"), "{shell}");
    }
}
