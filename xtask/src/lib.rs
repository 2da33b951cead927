//! Repository commands, run with `cargo xtask COMMAND` (an alias in
//! `.cargo/config.toml`): the synthetic code sets that benchmarks and
//! build measurements use, and the benchmark tables of BENCHMARKS.md.
//! Plain Rust, so that building and measuring need nothing but cargo.
//!
//! `benches/build.rs` uses [`synthetic_codes`] as a build dependency.

pub mod bench_report;
pub mod products;
pub mod python_random;
pub mod synthetic_codes;
