//! The static tables that generated enums point at, and the perfect-hash
//! lookup from a wire string to a table index.
//!
//! `tencent-errors-macros` builds these tables at compile time: one
//! concatenated string of codes with `u32` end offsets, small integer tables
//! indexed by the discriminant, and a PTHash-style perfect hash (bucket
//! pilots plus a slot table). Nothing here is per variant code, so an enum of
//! 12,388 codes costs about what its data costs. Integer tables are byte
//! strings of little-endian numbers: one literal token each, where an array
//! of 12,388 integer literals would cost rustc a second.
//!
//! The hash function must match `tencent-errors-macros`' `phf::hash` bit for
//! bit: both crates pin the same test vectors.

use crate::RetryClass;

/// A generated table. Entries `0..known` are the enum's codes in variant
/// order; the entries after them are categories (codes.toml tables without
/// `description`), kept so that unknown codes inherit their retry class.
///
/// Descriptions and explicit variant names live in statics of their own, so
/// a binary that never asks for them does not carry them.
#[derive(Debug)]
pub struct CodeTable {
    /// Every code and category.
    pub codes: Texts,
    /// How many entries are codes (and variants).
    pub known: u16,
    /// Retry class of every entry, as `RetryClass as u8`.
    pub retry: &'static [u8],
    /// Index of the nearest ancestor that is a code, or `NO_PARENT` (`u16`, little-endian).
    pub parents: &'static [u8],
    /// Seed of the perfect hash.
    pub seed: u64,
    /// One pilot per bucket (`u16`, little-endian).
    pub pilots: &'static [u8],
    /// Entry index per slot, or `EMPTY_SLOT` (`u16`, little-endian).
    pub slots: &'static [u8],
}

/// Strings stored as one concatenation and the end offset of each.
#[derive(Debug)]
pub struct Texts {
    /// Every string, concatenated.
    pub text: &'static str,
    /// End offset of each string in `text` (`u32`, little-endian).
    pub ends: &'static [u8],
}

impl Texts {
    /// The bytes of string `index`: no character-boundary checks, for
    /// comparisons on the lookup path.
    #[inline]
    pub fn get_bytes(&self, index: u16) -> Option<&'static [u8]> {
        let index = usize::from(index);
        let end = u32_at(self.ends, index)? as usize;
        let start = match index {
            0 => 0,
            _ => u32_at(self.ends, index - 1)? as usize,
        };
        self.text.as_bytes().get(start..end)
    }

    /// String `index`.
    #[inline]
    pub fn get(&self, index: u16) -> Option<&'static str> {
        let index = usize::from(index);
        let end = u32_at(self.ends, index)? as usize;
        let start = match index {
            0 => 0,
            _ => u32_at(self.ends, index - 1)? as usize,
        };
        self.text.get(start..end)
    }
}

/// `parents` value of a code without a known ancestor.
pub const NO_PARENT: u16 = u16::MAX;
/// `slots` value of a slot no entry hashes to.
pub const EMPTY_SLOT: u16 = u16::MAX;

const K0: u64 = 0x9E37_79B9_7F4A_7C15;
const K1: u64 = 0xC2B2_AE3D_27D4_EB4F;
const K2: u64 = 0x1656_67B1_9E37_79F9;

#[inline(always)]
const fn folded_multiply(a: u64, b: u64) -> u64 {
    let full = (a as u128).wrapping_mul(b as u128);
    (full as u64) ^ ((full >> 64) as u64)
}

/// The 64-bit hash of `bytes` under `seed`; identical on every target.
#[inline]
pub fn hash(bytes: &[u8], seed: u64) -> u64 {
    // wyhash-style: one multiply per 16 bytes, and the short tail read with
    // overlapping loads instead of a copy of variable length.
    let len = bytes.len();
    let mut state = seed ^ (len as u64).wrapping_mul(K0);
    let (a, b) = if len <= 16 {
        if len >= 8 {
            (read_u64(bytes, 0), read_u64(bytes, len - 8))
        } else if len >= 4 {
            (
                u64::from(read_u32(bytes, 0)),
                u64::from(read_u32(bytes, len - 4)),
            )
        } else if len > 0 {
            let spread = (u64::from(bytes[0]) << 16)
                | (u64::from(bytes[len / 2]) << 8)
                | u64::from(bytes[len - 1]);
            (spread, 0)
        } else {
            (0, 0)
        }
    } else {
        let mut rest = bytes;
        while rest.len() > 16 {
            state = folded_multiply(read_u64(rest, 0) ^ K1, read_u64(rest, 8) ^ state);
            rest = &rest[16..];
        }
        (read_u64(bytes, len - 16), read_u64(bytes, len - 8))
    };
    folded_multiply(folded_multiply(a ^ K1, b ^ state), K2)
}

/// The little-endian `u64` at `at`; the caller keeps `at + 8 <= bytes.len()`.
#[inline(always)]
fn read_u64(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// The little-endian `u32` at `at`; the caller keeps `at + 4 <= bytes.len()`.
#[inline(always)]
fn read_u32(bytes: &[u8], at: usize) -> u32 {
    let mut word = [0u8; 4];
    word.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(word)
}

/// Maps a 64-bit hash onto `0..len` without a division.
#[inline(always)]
pub const fn reduce(hash: u64, len: usize) -> usize {
    ((hash as u128 * len as u128) >> 64) as usize
}

/// The slot of a key of hash `hash` in a bucket of pilot `pilot`.
#[inline(always)]
pub const fn slot(hash: u64, pilot: u16, slots: usize) -> usize {
    reduce(
        folded_multiply(hash ^ (pilot as u64).wrapping_mul(K0), K2),
        slots,
    )
}

impl CodeTable {
    /// The table index of `code` (a code or a category), if the table has it.
    #[inline]
    pub fn lookup(&self, code: &str) -> Option<u16> {
        let buckets = self.pilots.len() / 2;
        let slots = self.slots.len() / 2;
        if buckets == 0 || slots == 0 {
            return None;
        }
        let hash = hash(code.as_bytes(), self.seed);
        let pilot = u16_at(self.pilots, reduce(hash, buckets))?;
        let index = u16_at(self.slots, slot(hash, pilot, slots))?;
        (self.codes.get_bytes(index)? == code.as_bytes()).then_some(index)
    }

    /// The index of `code` if it is one of the enum's codes.
    #[inline]
    pub fn lookup_code(&self, code: &str) -> Option<u16> {
        self.lookup(code).filter(|&index| index < self.known)
    }

    /// The code or category at `index`.
    #[inline]
    pub fn entry(&self, index: u16) -> Option<&'static str> {
        self.codes.get(index)
    }

    /// The code at `index` (`""` for an index the table does not have).
    #[inline]
    pub fn code(&self, index: u16) -> &'static str {
        self.entry(index).unwrap_or_default()
    }

    /// The retry class of the entry at `index`.
    #[inline]
    pub fn retry_class(&self, index: u16) -> RetryClass {
        RetryClass::from_table(self.retry.get(usize::from(index)).copied().unwrap_or(0))
    }

    /// The index of the nearest ancestor of the code at `index` that is a code.
    #[inline]
    pub fn parent(&self, index: u16) -> Option<u16> {
        u16_at(self.parents, usize::from(index)).filter(|&parent| parent != NO_PARENT)
    }

    /// The nearest entry (code or category) that is `code` itself or one of
    /// its dotted prefixes: where an unknown code takes its metadata from.
    pub fn nearest_entry(&self, code: &str) -> Option<u16> {
        let mut prefix = code;
        loop {
            if let Some(index) = self.lookup(prefix) {
                return Some(index);
            }
            prefix = &prefix[..prefix.rfind('.')?];
        }
    }

    /// `code` itself or its nearest ancestor, whichever is first one of the
    /// enum's codes.
    pub fn nearest_code(&self, code: &str) -> Option<u16> {
        self.lookup_code(code)
            .or_else(|| self.nearest_ancestor_code(code))
    }

    /// The nearest strict ancestor of `code` that is one of the enum's codes.
    pub fn nearest_ancestor_code(&self, code: &str) -> Option<u16> {
        let mut prefix = code;
        loop {
            prefix = &prefix[..prefix.rfind('.')?];
            if let Some(index) = self.lookup_code(prefix) {
                return Some(index);
            }
        }
    }

    /// The retry class an unknown `code` inherits from its nearest known
    /// ancestor or category; [`RetryClass::Never`] when it has none.
    pub fn inherited_retry_class(&self, code: &str) -> RetryClass {
        self.nearest_entry(code)
            .map_or(RetryClass::Never, |index| self.retry_class(index))
    }
}

/// The `index`-th little-endian `u16` of `bytes`.
#[inline(always)]
fn u16_at(bytes: &[u8], index: usize) -> Option<u16> {
    let pair = bytes.get(index * 2..index * 2 + 2)?;
    Some(u16::from_le_bytes([pair[0], pair[1]]))
}

/// The `index`-th little-endian `u32` of `bytes`.
#[inline(always)]
fn u32_at(bytes: &[u8], index: usize) -> Option<u32> {
    let quad = bytes.get(index * 4..index * 4 + 4)?;
    Some(u32::from_le_bytes([quad[0], quad[1], quad[2], quad[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    // The same vectors are pinned in tencent-errors-macros' `phf` module.
    #[test]
    fn hash_matches_the_generator() {
        assert_eq!(hash(b"", 0), 0);
        assert_eq!(hash(b"AuthFailure", 0), HASH_AUTH_FAILURE_SEED_0);
        assert_eq!(
            hash(b"RequestLimitExceeded.GlobalRegionUinLimitExceeded", 7),
            HASH_LONG_SEED_7
        );
    }

    const HASH_AUTH_FAILURE_SEED_0: u64 = 14624848114721509339;
    const HASH_LONG_SEED_7: u64 = 13116637231055309633;
}
