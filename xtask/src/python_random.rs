//! The pseudo-random numbers of CPython's `random.Random` (MT19937 and the
//! way Python draws integers, floats, choices and shuffles from it), so
//! that a seed gives the code sets the benchmarks were first measured on,
//! when a Python script wrote them.

/// The Mersenne Twister's state size, in 32-bit words.
const N: usize = 624;
const M: usize = 397;

/// A generator that draws exactly what `random.Random(seed)` draws.
///
/// ```
/// use xtask::python_random::PythonRandom;
///
/// // Python: random.Random(2064).getrandbits(32)
/// assert_eq!(PythonRandom::new(2064).next_u32(), 3_041_131_688);
/// ```
#[derive(Debug, Clone)]
pub struct PythonRandom {
    state: [u32; N],
    index: usize,
}

impl PythonRandom {
    /// `random.Random(seed)`: the seed's 32-bit words, least significant
    /// first, fed to MT19937's `init_by_array`.
    pub fn new(seed: u64) -> PythonRandom {
        let mut key = vec![seed as u32];
        if seed >> 32 != 0 {
            key.push((seed >> 32) as u32);
        }
        let mut random = PythonRandom {
            state: [0; N],
            index: N,
        };
        random.init_by_array(&key);
        random
    }

    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let previous = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(previous ^ (previous >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let previous = mt[i - 1];
            mt[i] = (mt[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let previous = mt[i - 1];
            mt[i] = (mt[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    fn twist(&mut self) {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        const MATRIX: u32 = 0x9908_b0df;
        for i in 0..N {
            let y = (self.state[i] & UPPER) | (self.state[(i + 1) % N] & LOWER);
            let mag = if y & 1 == 0 { 0 } else { MATRIX };
            self.state[i] = self.state[(i + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    /// The next 32 random bits: `getrandbits(32)`.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `getrandbits(bits)` for `bits` up to 32.
    fn bits(&mut self, bits: u32) -> u32 {
        match bits {
            0 => 0,
            _ => self.next_u32() >> (32 - bits),
        }
    }

    /// `random()`: a float in `[0, 1)` from 53 random bits.
    pub fn random(&mut self) -> f64 {
        let high = f64::from(self.next_u32() >> 5);
        let low = f64::from(self.next_u32() >> 6);
        (high * 67_108_864.0 + low) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `_randbelow(bound)`: an integer in `[0, bound)`, by rejection of
    /// `bit_length(bound)`-bit draws. `bound` must be at least 1.
    pub fn below(&mut self, bound: usize) -> usize {
        let bound = u32::try_from(bound).expect("a bound that fits 32 bits");
        assert!(bound > 0, "an empty range");
        let bits = u32::BITS - bound.leading_zeros();
        loop {
            let drawn = self.bits(bits);
            if drawn < bound {
                return drawn as usize;
            }
        }
    }

    /// `randint(low, high)`: an integer in `[low, high]`.
    pub fn int_between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high + 1 - low)
    }

    /// `choice(items)`.
    pub fn choice<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `shuffle(items)`: Fisher-Yates from the end.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values printed by CPython 3.11's `random` module.
    #[test]
    fn draws_what_python_draws() {
        let mut random = PythonRandom::new(2064);
        let words: Vec<u32> = (0..3).map(|_| random.next_u32()).collect();
        assert_eq!(words, [3_041_131_688, 1_307_945_654, 2_819_383_594]);
        assert_eq!(random.random(), 0.7350923127705085);
        let mut zero = PythonRandom::new(0);
        assert_eq!(
            [zero.next_u32(), zero.next_u32()],
            [3_626_764_237, 1_654_615_998]
        );
        let mut wide = PythonRandom::new((1 << 40) + 5);
        assert_eq!(
            [wide.next_u32(), wide.next_u32()],
            [2_166_296_868, 2_220_160_828]
        );
    }

    #[test]
    fn draws_stay_in_range() {
        let mut random = PythonRandom::new(1);
        for bound in 1..200 {
            assert!(random.below(bound) < bound);
            let value = random.int_between(3, 3 + bound);
            assert!((3..=3 + bound).contains(&value));
        }
        let mut items: Vec<u32> = (0..50).collect();
        random.shuffle(&mut items);
        items.sort_unstable();
        assert_eq!(items, (0..50).collect::<Vec<_>>());
    }
}
