//! Builds the perfect hash that maps a code string to its table index in
//! O(1): PTHash-style, one pilot per bucket, about 3.5 keys a bucket and 90%
//! of the slots used.
//!
//! `hash`, `reduce` and `slot` must match `tencent_errors::__private`'s bit
//! for bit: both crates pin the same test vectors.

/// Marks a slot no key lands in (the runtime's `EMPTY_SLOT`).
pub const EMPTY_SLOT: u16 = u16::MAX;

const K0: u64 = 0x9E37_79B9_7F4A_7C15;
const K1: u64 = 0xC2B2_AE3D_27D4_EB4F;
const K2: u64 = 0x1656_67B1_9E37_79F9;

const fn folded_multiply(a: u64, b: u64) -> u64 {
    let full = (a as u128).wrapping_mul(b as u128);
    (full as u64) ^ ((full >> 64) as u64)
}

/// The 64-bit hash of `bytes` under `seed`.
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

/// Maps a hash onto `0..len` without a division.
pub const fn reduce(hash: u64, len: usize) -> usize {
    ((hash as u128 * len as u128) >> 64) as usize
}

/// The slot of a key of hash `hash` in a bucket of pilot `pilot`.
pub const fn slot(hash: u64, pilot: u16, slots: usize) -> usize {
    reduce(
        folded_multiply(hash ^ (pilot as u64).wrapping_mul(K0), K2),
        slots,
    )
}

/// A perfect hash over a set of distinct keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerfectHash {
    /// The hash seed.
    pub seed: u64,
    /// One pilot per bucket.
    pub pilots: Vec<u16>,
    /// The key index in each slot, or [`EMPTY_SLOT`].
    pub slots: Vec<u16>,
}

impl PerfectHash {
    #[cfg(test)]
    /// The index of `key` if it is one of `keys` (the keys it was built from).
    pub fn lookup(&self, keys: &[&str], key: &str) -> Option<u16> {
        let hash = hash(key.as_bytes(), self.seed);
        let pilot = self.pilots[reduce(hash, self.pilots.len())];
        let index = self.slots[slot(hash, pilot, self.slots.len())];
        (keys.get(usize::from(index)) == Some(&key)).then_some(index)
    }
}

/// Builds a perfect hash over `keys`, which must be distinct and fewer than
/// `u16::MAX`. Returns `None` only if no seed works, which for distinct keys
/// does not happen in practice.
pub fn build(keys: &[&str]) -> Option<PerfectHash> {
    let count = keys.len();
    if count >= usize::from(EMPTY_SLOT) {
        return None;
    }
    let buckets = (count * 2 / 7).max(1);
    let slots = (count * 10 / 9).max(1) + 1;
    (0..64u64).find_map(|attempt| try_seed(keys, attempt.wrapping_mul(K1) ^ K2, buckets, slots))
}

fn try_seed(
    keys: &[&str],
    seed: u64,
    bucket_count: usize,
    slot_count: usize,
) -> Option<PerfectHash> {
    let hashes: Vec<u64> = keys.iter().map(|key| hash(key.as_bytes(), seed)).collect();
    let mut buckets: Vec<Vec<u16>> = vec![Vec::new(); bucket_count];
    for (index, &hash) in hashes.iter().enumerate() {
        buckets[reduce(hash, bucket_count)].push(index as u16);
    }
    // Place the largest buckets first, while the table is emptiest.
    let mut order: Vec<usize> = (0..bucket_count).collect();
    order.sort_by_key(|&bucket| std::cmp::Reverse(buckets[bucket].len()));
    let mut pilots = vec![0u16; bucket_count];
    let mut table = vec![EMPTY_SLOT; slot_count];
    let mut chosen = Vec::new();
    for bucket in order {
        let members = &buckets[bucket];
        if members.is_empty() {
            break;
        }
        let pilot = (0..u16::MAX).find(|&pilot| {
            chosen.clear();
            members.iter().all(|&member| {
                let slot = slot(hashes[usize::from(member)], pilot, slot_count);
                let free = table[slot] == EMPTY_SLOT && !chosen.contains(&slot);
                chosen.push(slot);
                free
            })
        })?;
        pilots[bucket] = pilot;
        for (&member, &slot) in members.iter().zip(&chosen) {
            table[slot] = member;
        }
    }
    Some(PerfectHash {
        seed,
        pilots,
        slots: table,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // The same vectors are pinned in tencent-errors' `table` module.
    #[test]
    fn hash_matches_the_runtime() {
        assert_eq!(hash(b"", 0), 0);
        assert_eq!(hash(b"AuthFailure", 0), HASH_AUTH_FAILURE_SEED_0);
        assert_eq!(
            hash(b"RequestLimitExceeded.GlobalRegionUinLimitExceeded", 7),
            HASH_LONG_SEED_7
        );
    }

    const HASH_AUTH_FAILURE_SEED_0: u64 = 14624848114721509339;
    const HASH_LONG_SEED_7: u64 = 13116637231055309633;

    fn synthetic_codes(count: usize) -> Vec<String> {
        (0..count)
            .map(|i| format!("Category{}.SubCategory{}.Detail{i}", i % 17, i % 101))
            .collect()
    }

    #[test]
    fn every_key_is_found_and_others_are_not() {
        for count in [1, 2, 26, 1000, 12_388] {
            let owned = synthetic_codes(count);
            let keys: Vec<&str> = owned.iter().map(String::as_str).collect();
            let phf = build(&keys).expect("a perfect hash");
            for (index, key) in keys.iter().enumerate() {
                assert_eq!(phf.lookup(&keys, key), Some(index as u16), "{key}");
            }
            assert_eq!(phf.lookup(&keys, "Category1.Nope"), None);
            assert!(phf.slots.len() >= count);
        }
    }

    #[test]
    fn empty_key_set_builds() {
        let phf = build(&[]).unwrap();
        assert!(phf.slots.iter().all(|&slot| slot == EMPTY_SLOT));
    }
}
