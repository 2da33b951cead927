//! The README's retry example is the visible part of the `http` module's
//! end-to-end doc test, which runs it against a server on 127.0.0.1: this
//! keeps the two the same text.

use std::path::Path;

fn read(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read_to_string(root.join(path)).unwrap()
}

/// The lines rustdoc shows of the doc test that follows `opening`.
fn shown_doc_test(source: &str, opening: &str) -> Vec<String> {
    let start = source.find(opening).expect("the doc test's opening line") + opening.len();
    source[start..]
        .lines()
        .skip(1)
        .take_while(|line| !line.starts_with("//! ```"))
        .map(|line| line.strip_prefix("//!").unwrap_or(line))
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .filter(|line| !(line.trim_start().starts_with("# ") || line.trim() == "#"))
        .map(str::to_owned)
        .collect()
}

/// The lines of the README's first code block after `heading_text`.
fn readme_block(readme: &str, heading_text: &str) -> Vec<String> {
    let start = readme.find(heading_text).expect("the README's sentence");
    let block = &readme[start..];
    let open =
        block.find("```rust,ignore\n").expect("a rust,ignore block") + "```rust,ignore\n".len();
    block[open..]
        .lines()
        .take_while(|line| *line != "```")
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_readmes_retry_example_is_the_http_modules_end_to_end_doc_test() {
    let doc_test = shown_doc_test(
        &read("runtime/src/http.rs"),
        r#"#![cfg_attr(not(all(feature = "reqwest", feature = "tokio")), doc = "```ignore")]"#,
    );
    let readme = readme_block(&read("README.md"), "A real call, end to end");
    assert!(doc_test.len() > 10, "{doc_test:#?}");
    assert_eq!(readme, doc_test);
}
