//! The perfect hash over a table's entries: PTHash-style, one pilot per
//! bucket, about 3.5 keys a bucket and 90% of the slots used.

use alloc::vec;
use alloc::vec::Vec;

use super::u16_bytes;
use crate::{bucket, hash, slot, EMPTY_SLOT};

const K1: u64 = 0xC2B2_AE3D_27D4_EB4F;
const K2: u64 = 0x1656_67B1_9E37_79F9;

/// A perfect hash over a set of distinct keys, in the table's layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerfectHash {
    /// The hash seed.
    pub seed: u64,
    /// One pilot per bucket (`u16`, little-endian).
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
        let buckets = (count * 2 / 7).max(1);
        let slots = (count * 10 / 9).max(1) + 1;
        (0..64u64).find_map(|attempt| try_seed(keys, attempt.wrapping_mul(K1) ^ K2, buckets, slots))
    }
}

/// The pilots tried per bucket before the seed is given up. With keys that
/// spread, a bucket placed last, into a table 90% full, needs about ten.
const MAX_PILOT: u16 = 4096;

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
    let mut pilots = vec![0u16; bucket_count];
    let mut table = vec![EMPTY_SLOT; slot_count];
    let mut chosen = Vec::new();
    for bucket in order {
        let members = &buckets[bucket];
        if members.is_empty() {
            break;
        }
        // A bucket no pilot of this budget places is the seed's fault:
        // the next seed is cheaper than the rest of 65,535 pilots.
        let pilot = (0..MAX_PILOT).find(|&pilot| {
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
        pilots: u16_bytes(pilots),
        slot_keys: table,
    })
}
