//! The `tencent-errors` command: one module per subcommand, the options
//! parsed in [`args`]. `main.rs` only dispatches.

pub mod args;
pub mod common;
pub mod export;
pub mod import;
