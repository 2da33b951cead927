//! `#[derive(TencentError)]` before code generation: reading the
//! `#[tencent(...)]` attributes (`attr`), then checking them against the
//! codes they name (`check`), and against what one action of a catalogue
//! product may return (`action`). Generation is `emit::derive`'s.

pub mod action;
pub mod attr;
pub mod check;
