//! The in-process limiter: one state per key, behind a mutex.

use core::fmt;
use core::time::Duration;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use governor::clock::Clock as _;
use governor::middleware::NoOpMiddleware;
use governor::state::{InMemoryState, NotKeyed};
use governor::Quota;

use super::cubic::{CubicBucket, Slot};
use super::{Admission, LimitFuture, LimitKey, LimiterConfig, RateLimit, RateLimited, StatedLimit};
use crate::retry::{Clock, SystemClock};

/// Past this many keys, keys idle for a while are forgotten.
const KEYS_BEFORE_PRUNING: usize = 4096;
/// A key idle for this many windows is forgotten when pruning.
const IDLE_WINDOWS: f64 = 600.0;

/// The client-side rate limiter of one process: a configured rate (a
/// `governor` GCRA) where you know it, a rate learned from throttling
/// answers everywhere, never above a rate a throttling message states. See
/// the [module](super) for the rules.
///
/// Clones share the state: make one per process (or per set of
/// credentials) and give it to every [`Retrier`](crate::retry::Retrier).
///
/// ```
/// use std::num::NonZeroU32;
/// use std::time::Duration;
/// use tencent_errors::limiter::{Admission, AdaptiveLimiter, LimitKey, LimiterConfig};
/// use tencent_errors::retry::ManualClock;
///
/// let clock = ManualClock::new();
/// let config = LimiterConfig::default().with_rate("RunInstances", NonZeroU32::new(2).unwrap());
/// let limiter = AdaptiveLimiter::new(config).with_clock(clock.clone());
/// let key = LimitKey::new("1000", "ap-guangzhou", "RunInstances");
///
/// // Two a second, evenly spaced: the second request asks again in 0.5 s.
/// assert_eq!(limiter.admit_now(&key, Duration::ZERO), Admission::Send { after: Duration::ZERO });
/// assert_eq!(limiter.admit_now(&key, Duration::ZERO), Admission::AskAgain { after: Duration::from_millis(500) });
/// clock.advance(Duration::from_millis(500));
/// assert_eq!(limiter.admit_now(&key, Duration::from_millis(500)), Admission::Send { after: Duration::ZERO });
/// ```
#[derive(Clone)]
pub struct AdaptiveLimiter {
    shared: Arc<Shared>,
}

struct Shared {
    config: LimiterConfig,
    clock: Arc<dyn Clock>,
    origin: Instant,
    keys: Mutex<HashMap<LimitKey, KeyState>>,
}

type Gcra = governor::RateLimiter<NotKeyed, InMemoryState, GovernorClock, NoOpMiddleware<Instant>>;

struct KeyState {
    learned: CubicBucket,
    configured: Option<Gcra>,
    used_at: f64,
}

/// The limiter's [`Clock`] as `governor` reads time.
#[derive(Clone)]
struct GovernorClock(Arc<dyn Clock>);

impl governor::clock::Clock for GovernorClock {
    type Instant = Instant;

    fn now(&self) -> Instant {
        self.0.now()
    }
}

impl AdaptiveLimiter {
    /// A limiter with `config`, on the system clock, that knows no key yet.
    pub fn new(config: LimiterConfig) -> AdaptiveLimiter {
        AdaptiveLimiter::on_clock(config, Arc::new(SystemClock))
    }

    /// The same limiter, forgetting what it learned, on `clock` (tests move
    /// a [`ManualClock`](crate::retry::ManualClock) instead of waiting).
    pub fn with_clock(self, clock: impl Clock + 'static) -> AdaptiveLimiter {
        AdaptiveLimiter::on_clock(self.shared.config.clone(), Arc::new(clock))
    }

    fn on_clock(config: LimiterConfig, clock: Arc<dyn Clock>) -> AdaptiveLimiter {
        let origin = clock.now();
        AdaptiveLimiter {
            shared: Arc::new(Shared {
                config,
                clock,
                origin,
                keys: Mutex::default(),
            }),
        }
    }

    /// The settings.
    pub fn config(&self) -> &LimiterConfig {
        &self.shared.config
    }

    /// Asks to send one request for `key` now, after the call already waited
    /// `waited` for this attempt: [`RateLimit::admit`] without a future.
    pub fn admit_now(&self, key: &LimitKey, waited: Duration) -> Admission {
        let config = &self.shared.config;
        let allowed = config.max_wait().saturating_sub(waited);
        let now = self.seconds();
        let mut keys = self.lock();
        let state = self.state(&mut keys, key, now);
        if let Some(gcra) = &state.configured {
            if let Err(not_until) = gcra.check() {
                let after = not_until.wait_time_from(gcra.clock().now());
                return if after > allowed {
                    Admission::Refused(RateLimited::new(
                        key.clone(),
                        waited + after,
                        config.max_wait(),
                    ))
                } else {
                    Admission::AskAgain { after }
                };
            }
        }
        match state.learned.reserve(now, allowed.as_secs_f64()) {
            Slot::After(wait) => Admission::Send {
                after: duration_of(wait),
            },
            Slot::TooFar(wait) => Admission::Refused(RateLimited::new(
                key.clone(),
                waited + duration_of(wait),
                config.max_wait(),
            )),
        }
    }

    /// Books a throttling answer for `key` now: [`RateLimit::throttled`]
    /// without a future.
    pub fn throttled_now(&self, key: &LimitKey, stated: Option<StatedLimit>) {
        let now = self.seconds();
        let settings = self.shared.config.cubic();
        let mut keys = self.lock();
        let state = self.state(&mut keys, key, now);
        state
            .learned
            .throttled(now, stated.map(|limit| limit.per_second()), settings);
    }

    /// The learned rate of `key` in requests a second; `None` until a
    /// throttling answer for it.
    pub fn rate(&self, key: &LimitKey) -> Option<f64> {
        let now = self.seconds();
        self.lock().get(key)?.learned.rate(now)
    }

    /// Whether a throttling answer has made `key` limited.
    pub fn is_limiting(&self, key: &LimitKey) -> bool {
        self.lock()
            .get(key)
            .is_some_and(|state| state.learned.is_limiting())
    }

    fn seconds(&self) -> f64 {
        self.shared
            .clock
            .now()
            .saturating_duration_since(self.shared.origin)
            .as_secs_f64()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<LimitKey, KeyState>> {
        // Every update leaves a key's state consistent: a panic elsewhere
        // while the lock was held cannot have broken it.
        self.shared
            .keys
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn state<'m>(
        &self,
        keys: &'m mut HashMap<LimitKey, KeyState>,
        key: &LimitKey,
        now: f64,
    ) -> &'m mut KeyState {
        if !keys.contains_key(key) {
            if keys.len() >= KEYS_BEFORE_PRUNING {
                let idle = IDLE_WINDOWS * self.shared.config.window().as_secs_f64();
                keys.retain(|_, state| now - state.used_at < idle);
            }
            let configured = self.shared.config.rate_of(key.action()).map(|rate| {
                let quota = Quota::with_period(Duration::from_secs(1) / rate.get())
                    .unwrap_or_else(|| Quota::per_second(rate));
                Gcra::direct_with_clock(quota, GovernorClock(self.shared.clock.clone()))
            });
            keys.insert(
                key.clone(),
                KeyState {
                    learned: CubicBucket::default(),
                    configured,
                    used_at: now,
                },
            );
        }
        let state = keys.get_mut(key).expect("inserted above");
        state.used_at = now;
        state
    }
}

impl Default for AdaptiveLimiter {
    fn default() -> Self {
        AdaptiveLimiter::new(LimiterConfig::default())
    }
}

impl fmt::Debug for AdaptiveLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AdaptiveLimiter")
            .field("config", &self.shared.config)
            .field("keys", &self.lock().len())
            .finish()
    }
}

impl RateLimit for AdaptiveLimiter {
    fn admit<'a>(&'a self, key: &'a LimitKey, waited: Duration) -> LimitFuture<'a, Admission> {
        Box::pin(core::future::ready(self.admit_now(key, waited)))
    }

    fn admit_blocking(&self, key: &LimitKey, waited: Duration) -> Admission {
        self.admit_now(key, waited)
    }

    fn throttled(&self, key: &LimitKey, stated: Option<StatedLimit>) {
        self.throttled_now(key, stated);
    }
}

/// Seconds as a duration, rounded up to the microsecond so that a wait is
/// never shorter than the slot needs; nonsense becomes zero.
pub(crate) fn duration_of(seconds: f64) -> Duration {
    if seconds.is_finite() && seconds > 0.0 {
        Duration::from_micros((seconds * 1e6).ceil().min(u64::MAX as f64) as u64)
    } else {
        Duration::ZERO
    }
}
