//! The perfect hash over a table's entries: PTHash-style, one pilot byte
//! per bucket, about 2 keys a bucket and 89% of the slots used.

use alloc::vec;
use alloc::vec::Vec;

use crate::{bucket, hash, slot, EMPTY_SLOT};

const K1: u64 = 0xC2B2_AE3D_27D4_EB4F;
const K2: u64 = 0x1656_67B1_9E37_79F9;

/// A perfect hash over a set of distinct keys, in the table's layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerfectHash {
    /// The hash seed.
    pub seed: u64,
    /// One pilot per bucket, a byte each.
    pub pilots: Vec<u8>,
    /// The key index in each slot, or [`EMPTY_SLOT`].
    pub slot_keys: Vec<u16>,
}

impl PerfectHash {
    /// A perfect hash over `keys`, which must be distinct and fewer than
    /// `u16::MAX`. `None` only if no seed works, which for distinct keys
    /// does not happen in practice.
    ///
    /// ```
    /// use tencent_errors_table::build::PerfectHash;
    ///
    /// let hash = PerfectHash::build(&["A", "B", "C"]).unwrap();
    /// assert!(hash.slot_keys.len() >= 3);
    /// ```
    pub fn build(keys: &[&str]) -> Option<PerfectHash> {
        let count = keys.len();
        if count >= usize::from(EMPTY_SLOT) {
            return None;
        }
        // Two keys a bucket is what lets every bucket find a pilot below
        // 256, so that a pilot is a byte: the pilots of 12,388 codes take
        // 6 KB (with 3.5 keys a bucket and `u16` pilots, 7 KB), and more of
        // them stay in the L1 cache between lookups.
        let buckets = (count / 2).max(1);
        let slots = count + count / 8 + 2;
        (0..64u64).find_map(|attempt| try_seed(keys, attempt.wrapping_mul(K1) ^ K2, buckets, slots))
    }
}

/// The pilots tried per bucket before the seed is given up: every byte.
/// With keys that spread, a bucket placed last, into a table 89% full,
/// needs about ten.
const PILOTS: core::ops::RangeInclusive<u8> = 0..=u8::MAX;

fn try_seed(
    keys: &[&str],
    seed: u64,
    bucket_count: usize,
    slot_count: usize,
) -> Option<PerfectHash> {
    let hashes: Vec<u64> = keys.iter().map(|key| hash(key.as_bytes(), seed)).collect();
    let mut buckets: Vec<Vec<u16>> = vec![Vec::new(); bucket_count];
    for (index, &hash) in hashes.iter().enumerate() {
        buckets[bucket(hash, bucket_count)].push(index as u16);
    }
    // Place the largest buckets first, while the table is emptiest.
    let mut order: Vec<usize> = (0..bucket_count).collect();
    order.sort_by_key(|&bucket| core::cmp::Reverse(buckets[bucket].len()));
    let mut pilots = vec![0u8; bucket_count];
    let mut table = vec![EMPTY_SLOT; slot_count];
    let mut chosen = Vec::new();
    for bucket in order {
        let members = &buckets[bucket];
        if members.is_empty() {
            break;
        }
        // A bucket no pilot byte places ends this seed: another seed costs
        // the build less than wider pilots would cost every lookup.
        let pilot = PILOTS.into_iter().find(|&pilot| {
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
        slot_keys: table,
    })
}
