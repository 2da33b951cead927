//! The `tencent-errors` command: one module per subcommand, the options
//! parsed in [`args`]. `main.rs` only dispatches.
//!
//! `explain`, `search` and `decode` read the codes compiled into the binary
//! ([`codebook`]); `check` runs the core's loader and checks and renders
//! their diagnostics ([`check::render`]); [`output`] holds the exit status
//! and the escaping every command prints untrusted text with.

pub mod advice;
pub mod args;
pub mod check;
pub mod codebook;
pub mod common;
pub mod completions;
pub mod decode;
pub mod diff;
pub mod explain;
pub mod export;
pub mod import;
pub mod output;
pub mod search;
