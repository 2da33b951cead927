//! Exponential backoff with full jitter, and the small random number
//! generator that draws the jitter.

use core::sync::atomic::{AtomicU64, Ordering};
use core::time::Duration;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

/// How long to wait before each retry: exponential backoff with full jitter.
///
/// The delay before retry `n` (1 for the first retry) is drawn uniformly
/// from `[0, min(max, initial * 2^(n-1)))`: at least zero, below the ceiling
/// (zero when the ceiling is zero). Full jitter spreads the retries of
/// many clients that failed together over the whole interval, so they do not
/// hit a per-second rate limit again in the same second.
///
/// ```
/// use std::time::Duration;
/// use tencent_errors::retry::{Backoff, Jitter};
///
/// let backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(20));
/// assert_eq!(backoff.ceiling(1), Duration::from_secs(1));
/// assert_eq!(backoff.ceiling(3), Duration::from_secs(4));
/// assert_eq!(backoff.ceiling(30), Duration::from_secs(20));
///
/// let jitter = Jitter::seeded(7);
/// assert!(backoff.delay(2, &jitter) < Duration::from_secs(2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    initial: Duration,
    max: Duration,
}

impl Backoff {
    /// The default: 1 s before the first retry, at most 20 s before any.
    ///
    /// One second matches Tencent Cloud's per-second rate limits: the first
    /// retry lands somewhere in the next second. The values are those of the
    /// AWS SDK for Rust's standard retry.
    pub const DEFAULT: Backoff = Backoff {
        initial: Duration::from_secs(1),
        max: Duration::from_secs(20),
    };

    /// A backoff whose ceilings start at `initial` and double up to `max`.
    /// A `max` below `initial` caps every delay at `max`.
    pub const fn new(initial: Duration, max: Duration) -> Backoff {
        Backoff { initial, max }
    }

    /// No delay at all: for tests, or for a caller that paces itself.
    ///
    /// ```
    /// use tencent_errors::retry::{Backoff, Jitter};
    /// assert!(Backoff::NONE.delay(5, &Jitter::seeded(1)).is_zero());
    /// ```
    pub const NONE: Backoff = Backoff {
        initial: Duration::ZERO,
        max: Duration::ZERO,
    };

    /// The ceiling of the first retry's delay.
    pub const fn initial(&self) -> Duration {
        self.initial
    }

    /// The ceiling of every delay.
    pub const fn max(&self) -> Duration {
        self.max
    }

    /// The longest delay before retry number `retry` (1 for the first):
    /// `min(max, initial * 2^(retry-1))`.
    pub fn ceiling(&self, retry: u32) -> Duration {
        let doublings = retry.saturating_sub(1);
        let ceiling = match 2u32.checked_pow(doublings) {
            Some(factor) => self.initial.checked_mul(factor).unwrap_or(self.max),
            None => self.max,
        };
        ceiling.min(self.max)
    }

    /// The delay before retry number `retry` (1 for the first), drawn
    /// uniformly from `[0, ceiling)`, where the ceiling is
    /// [`ceiling(retry)`](Backoff::ceiling): it never reaches a ceiling that
    /// is not zero.
    pub fn delay(&self, retry: u32, jitter: &Jitter) -> Duration {
        let ceiling = self.ceiling(retry);
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        // (ceiling * uniform 64-bit fraction) >> 64 lies in 0..ceiling, without
        // the bias of a modulo and without floating point.
        let drawn = (u128::from(nanos) * u128::from(jitter.next_u64())) >> 64;
        Duration::from_nanos(drawn as u64)
    }
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff::DEFAULT
    }
}

/// The source of the random jitter in backoff delays: SplitMix64, a small
/// and well-tested generator, on an atomic state so clones of a
/// [`Retrier`](super::Retrier) can share it without a lock.
///
/// It is not for cryptography. Seed it for reproducible tests; otherwise it
/// starts from the process's hash randomness and the time.
///
/// ```
/// use tencent_errors::retry::Jitter;
///
/// let (a, b) = (Jitter::seeded(42), Jitter::seeded(42));
/// assert_eq!(a.next_u64(), b.next_u64());
/// ```
#[derive(Debug)]
pub struct Jitter {
    state: AtomicU64,
}

/// SplitMix64's increment: the golden ratio in 64-bit fixed point.
const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

impl Jitter {
    /// A generator whose sequence is fixed by `seed`.
    pub const fn seeded(seed: u64) -> Jitter {
        Jitter {
            state: AtomicU64::new(seed),
        }
    }

    /// A generator seeded differently in every process and every call.
    pub fn unpredictable() -> Jitter {
        // RandomState is seeded from the operating system's randomness once
        // per thread and incremented per instance.
        let mut hasher = RandomState::new().build_hasher();
        if let Ok(since_epoch) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)
        {
            hasher.write_u128(since_epoch.as_nanos());
        }
        Jitter::seeded(hasher.finish())
    }

    /// The next 64 random bits.
    pub fn next_u64(&self) -> u64 {
        let state = self
            .state
            .fetch_add(GOLDEN_GAMMA, Ordering::Relaxed)
            .wrapping_add(GOLDEN_GAMMA);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl Default for Jitter {
    fn default() -> Self {
        Jitter::unpredictable()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_vector() {
        // The first outputs of the reference implementation seeded with 0.
        let jitter = Jitter::seeded(0);
        assert_eq!(jitter.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(jitter.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn ceilings_double_up_to_the_cap_without_overflow() {
        let backoff = Backoff::DEFAULT;
        let ceilings: Vec<u64> = (1..=6).map(|n| backoff.ceiling(n).as_secs()).collect();
        assert_eq!(ceilings, [1, 2, 4, 8, 16, 20]);
        assert_eq!(backoff.ceiling(u32::MAX), Duration::from_secs(20));
        assert_eq!(backoff.ceiling(0), Duration::from_secs(1));
        let huge = Backoff::new(Duration::MAX, Duration::MAX);
        assert_eq!(huge.ceiling(3), Duration::MAX);
    }

    #[test]
    fn delays_cover_the_whole_interval() {
        let backoff = Backoff::new(Duration::from_millis(1000), Duration::from_secs(20));
        let jitter = Jitter::seeded(3);
        let delays: Vec<Duration> = (0..1000).map(|_| backoff.delay(1, &jitter)).collect();
        assert!(delays.iter().all(|d| *d <= Duration::from_secs(1)));
        assert!(delays.iter().any(|d| *d < Duration::from_millis(100)));
        assert!(delays.iter().any(|d| *d > Duration::from_millis(900)));
    }
}
