//! The 64-bit string hash, and what the perfect hash takes from it: the
//! bucket, the slot and the fingerprint.

const K0: u64 = 0x9E37_79B9_7F4A_7C15;
const K1: u64 = 0xC2B2_AE3D_27D4_EB4F;
const K2: u64 = 0x85EB_CA77_C2B2_AE63;

#[inline(always)]
const fn folded_multiply(a: u64, b: u64) -> u64 {
    let full = (a as u128).wrapping_mul(b as u128);
    (full as u64) ^ ((full >> 64) as u64)
}

/// The 64-bit hash of `bytes` under `seed`; identical on every target.
///
/// ```
/// assert_eq!(tencent_errors_table::hash(b"", 0), 0);
/// ```
#[inline]
pub fn hash(bytes: &[u8], seed: u64) -> u64 {
    // wyhash-style: one multiply per 16 bytes, and the short tail read with
    // overlapping loads instead of a copy of variable length. The last
    // multiply's folded product is the hash: a lookup is bound by how many
    // multiplies it waits for, and the table's builder checks that the keys
    // spread. Past 32 bytes, two multiplies of 32 bytes run side by side,
    // so a code of 33 to 48 bytes (most codes are 20 to 50) waits for two
    // multiplies, not three.
    let len = bytes.len();
    #[cfg(test)]
    count::record(len);
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
        while rest.len() > 32 {
            let low = folded_multiply(read_u64(rest, 0) ^ K1, read_u64(rest, 8) ^ state);
            let high = folded_multiply(read_u64(rest, 16) ^ K2, read_u64(rest, 24) ^ state);
            state = low ^ high;
            rest = &rest[32..];
        }
        if rest.len() > 16 {
            state = folded_multiply(read_u64(rest, 0) ^ K1, read_u64(rest, 8) ^ state);
        }
        (read_u64(bytes, len - 16), read_u64(bytes, len - 8))
    };
    folded_multiply(a ^ K1, b ^ state)
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

/// The byte of a key's hash that its slot keeps: a lookup whose hash lands
/// on a slot not its own is told apart by it (255 times in 256) without
/// reading the slot's text. The low byte: [`bucket`] is chosen by the top
/// of the low half, the [`slot`] by the high half.
///
/// ```
/// assert_eq!(tencent_errors_table::fingerprint(0x1234), 0x34);
/// ```
#[inline(always)]
pub const fn fingerprint(hash: u64) -> u8 {
    hash as u8
}

/// Maps a 64-bit hash onto `0..len` without a division.
///
/// ```
/// assert_eq!(tencent_errors_table::reduce(u64::MAX, 10), 9);
/// ```
#[inline(always)]
pub const fn reduce(hash: u64, len: usize) -> usize {
    ((hash as u128 * len as u128) >> 64) as usize
}

/// The bucket, among `buckets`, of a key of hash `hash`: from the low 32
/// bits, which [`slot`] does not use.
///
/// ```
/// assert_eq!(tencent_errors_table::bucket(u64::from(u32::MAX), 10), 9);
/// ```
#[inline(always)]
pub const fn bucket(hash: u64, buckets: usize) -> usize {
    ((hash as u32 as u64 * buckets as u64) >> 32) as usize
}

/// The slot, among `slots`, of a key of hash `hash` in a bucket of pilot
/// `pilot`: PTHash's `hash ^ hash(pilot)`, mixed by one multiply, reduced
/// by its high bits.
///
/// The multiply is what lets a pilot separate keys: a XOR changes two
/// hashes' high bits alike, so without it two keys of one bucket whose
/// hashes share their high bits land in one slot whatever the pilot, and a
/// small table may find no pilot under any seed.
///
/// ```
/// assert!(tencent_errors_table::slot(12345, 7, 100) < 100);
/// ```
#[inline(always)]
pub const fn slot(hash: u64, pilot: u8, slots: usize) -> usize {
    reduce(
        (hash ^ (pilot as u64).wrapping_mul(K0)).wrapping_mul(K1),
        slots,
    )
}

/// What the tests count: calls of [`hash`] and the bytes they read, on this thread.
#[cfg(test)]
pub(crate) mod count {
    use core::cell::Cell;

    std::thread_local! {
        static HASHED: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
    }

    pub(crate) fn record(len: usize) {
        HASHED.with(|hashed| {
            let (calls, bytes) = hashed.get();
            hashed.set((calls + 1, bytes + len));
        });
    }

    /// The calls and bytes hashed while `work` ran.
    pub(crate) fn hashed_by(work: impl FnOnce()) -> (usize, usize) {
        let before = HASHED.with(Cell::get);
        work();
        let after = HASHED.with(Cell::get);
        (after.0 - before.0, after.1 - before.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Pinned: generated tables in built crates depend on these values.
    #[test]
    fn hash_values_are_pinned() {
        assert_eq!(hash(b"", 0), 0);
        assert_eq!(hash(b"AuthFailure", 0), 923290236369563336);
        // 50 bytes: a 32-byte round, a 16-byte one and the tail.
        assert_eq!(
            hash(b"RequestLimitExceeded.GlobalRegionUinLimitExceeded", 7),
            13003672517733870311
        );
        // 46 bytes: a 32-byte round and the tail.
        assert_eq!(
            hash(b"InvalidParameterValue.InstanceTypeNotSupported", 0),
            8837546599069595716
        );
        assert_eq!(hash(b"InvalidParameterValue.Name", 0), 7392038785373364880);
        assert_eq!(hash(&[b'.'; 100], 0), 16476896622327145908);
        // The fingerprint in the doc example of `CodeTable`.
        assert_eq!(fingerprint(hash(b"A", 0)), 0x5e);
    }
}
