//! Builds the perfect hash that maps a code string to its table index in
//! O(1): PTHash-style, one pilot per bucket, about 3.5 keys a bucket and 90%
//! of the slots used.
//!
//! The hash and the slot function are `tencent-errors-table`'s, the ones the
//! runtime looks codes up with.

pub use tencent_errors_table::{hash, reduce, slot, EMPTY_SLOT};

const K1: u64 = 0xC2B2_AE3D_27D4_EB4F;
const K2: u64 = 0x1656_67B1_9E37_79F9;

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
