//! The string hash and the static table layout of
//! [`tencent-errors`](https://docs.rs/tencent-errors).
//!
//! Both sides use this crate, the way `phf_shared` serves `phf_codegen` and
//! `phf`: the code generator (`tencent-errors-core`) hashes codes and lays
//! out tables with it at compile time, and the runtime looks codes up in
//! those tables with the same functions, so the two cannot drift.
//!
//! A table is one concatenated string of codes with `u32` end offsets,
//! small integer tables indexed by the entry, and a PTHash-style perfect hash
//! (bucket pilots plus a slot table). Integer tables are byte strings of
//! little-endian numbers: one literal token each in generated code, where an
//! array of 12,388 integer literals would cost rustc a second.
//!
//! ```
//! use tencent_errors_table::hash;
//!
//! // The same bytes and seed give the same hash on every target.
//! assert_eq!(hash(b"AuthFailure", 0), hash(b"AuthFailure", 0));
//! assert_ne!(hash(b"AuthFailure", 0), hash(b"AuthFailure", 1));
//! ```
#![no_std]

#[cfg(any(test, feature = "build"))]
extern crate alloc;
#[cfg(test)]
extern crate std;

#[cfg(any(test, feature = "build"))]
pub mod build;

mod action_table;
mod code_table;
mod descriptions;
mod hash;
mod naming;
mod texts;

#[cfg(test)]
mod tests;

pub use action_table::{ActionTable, Indices};
pub use code_table::{ancestors, CodeTable, Slot, EMPTY_SLOT, NO_PARENT};

/// The longest code (and category) a table holds, in bytes: the limit of
/// the codes.toml grammar. Lookups refuse longer strings without hashing
/// them, and look at no prefix longer than this.
pub const MAX_CODE_LEN: usize = 128;
pub use descriptions::Descriptions;
pub use hash::{bucket, fingerprint, hash, reduce, slot};
pub use naming::write_variant_name;
pub use texts::Texts;

/// The `index`-th little-endian `u16` of `bytes`.
#[inline(always)]
pub(crate) fn u16_at(bytes: &[u8], index: usize) -> Option<u16> {
    let pair = bytes.get(index * 2..index * 2 + 2)?;
    Some(u16::from_le_bytes([pair[0], pair[1]]))
}

/// The `index`-th little-endian `u32` of `bytes`.
#[inline(always)]
pub(crate) fn u32_at(bytes: &[u8], index: usize) -> Option<u32> {
    let quad = bytes.get(index * 4..index * 4 + 4)?;
    Some(u32::from_le_bytes([quad[0], quad[1], quad[2], quad[3]]))
}
