//! Time as the retry machinery sees it, so tests can replace it.

use core::fmt;
use core::time::Duration;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

/// A monotonic clock: what deadlines and the circuit breaker measure time
/// with, and what the blocking helper sleeps on.
///
/// [`SystemClock`] is the real one; [`ManualClock`] is moved by hand, so
/// tests neither sleep nor depend on timing.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current instant.
    fn now(&self) -> Instant;

    /// Blocks the thread for `duration` (used by
    /// [`Retrier::run_blocking`](super::Retrier::run_blocking)).
    fn sleep(&self, duration: Duration);
}

/// The real clock: [`Instant::now`] and [`std::thread::sleep`].
///
/// ```
/// use tencent_errors::retry::{Clock, SystemClock};
/// let before = SystemClock.now();
/// assert!(SystemClock.now() >= before);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }

    fn sleep(&self, duration: Duration) {
        std::thread::sleep(duration);
    }
}

/// A clock that moves only when told to; sleeping on it moves it at once.
/// Clones share the same time.
///
/// ```
/// use std::time::Duration;
/// use tencent_errors::retry::{Clock, ManualClock};
///
/// let clock = ManualClock::new();
/// let start = clock.now();
/// clock.advance(Duration::from_secs(5));
/// clock.sleep(Duration::from_secs(1)); // returns at once
/// assert_eq!(clock.now() - start, Duration::from_secs(6));
/// assert_eq!(clock.elapsed(), Duration::from_secs(6));
/// ```
#[derive(Debug, Clone)]
pub struct ManualClock {
    start: Instant,
    elapsed: Arc<Mutex<Duration>>,
}

impl ManualClock {
    /// A clock standing at the current instant.
    pub fn new() -> ManualClock {
        ManualClock {
            start: Instant::now(),
            elapsed: Arc::default(),
        }
    }

    /// Moves the clock forward.
    pub fn advance(&self, duration: Duration) {
        *self.lock() += duration;
    }

    /// How far the clock has moved since it was made.
    pub fn elapsed(&self) -> Duration {
        *self.lock()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Duration> {
        // A Duration is valid whatever a panicking holder did.
        self.elapsed.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Default for ManualClock {
    fn default() -> Self {
        ManualClock::new()
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Instant {
        self.start + self.elapsed()
    }

    fn sleep(&self, duration: Duration) {
        self.advance(duration);
    }
}

impl<C: Clock + ?Sized> Clock for Arc<C> {
    fn now(&self) -> Instant {
        (**self).now()
    }

    fn sleep(&self, duration: Duration) {
        (**self).sleep(duration);
    }
}
