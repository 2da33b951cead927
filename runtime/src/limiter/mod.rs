//! Client-side rate limiting that adapts: requests are shaped before they
//! are sent, so a throttling answer ([`RetryClass::Throttling`]) prevents
//! the next ones instead of only delaying their retries (feature `limiter`).
//!
//! Tencent Cloud limits each action per account (a typical action allows 20
//! requests a second, counted in one-second windows), and every process of a
//! service shares that limit. A limiter keeps one state per [`LimitKey`]
//! (account, region, action) and admits each request:
//!
//! - at a **configured rate**, when you know it
//!   ([`LimiterConfig::with_rate`]): a GCRA from the `governor` crate, with
//!   requests evenly spaced;
//! - else at a **learned rate**: nothing is limited until the first
//!   throttling answer; then the rate drops to 0.7 times what was being sent
//!   and grows back along a cubic curve, as the AWS SDKs' adaptive retry mode
//!   does. A throttling answer pauses the key for one window (the second is
//!   used up) and counts once per window;
//! - never above a **stated limit**: when the throttling message says
//!   `exceeds the frequency limit 20 for a second`, the learned rate stays
//!   under 20 (less 3 % headroom). The message is a hint, never required.
//!
//! A request whose turn is further away than [`LimiterConfig::max_wait`] is
//! not sent: it fails at once with [`RateLimited`], which says how long it
//! would have waited.
//!
//! [`AdaptiveLimiter`] keeps the state in the process. With the `redis`
//! feature, `SharedLimiter` keeps it in Redis for every process of a fleet,
//! and falls back to an `AdaptiveLimiter` while Redis is unreachable or slow.
//! Both implement [`RateLimit`], the hook the [`Retrier`](crate::retry::Retrier)
//! calls before every attempt.
//!
//! ```
//! use std::time::Duration;
//! use tencent_errors::limiter::{Admission, AdaptiveLimiter, LimitKey, LimiterConfig, StatedLimit};
//! use tencent_errors::retry::ManualClock;
//!
//! let clock = ManualClock::new();
//! let limiter = AdaptiveLimiter::new(LimiterConfig::default()).with_clock(clock.clone());
//! let key = LimitKey::new("100012345678", "ap-guangzhou", "DescribeInstances");
//!
//! // Nothing is limited until the service throttles.
//! assert_eq!(limiter.admit_now(&key, Duration::ZERO), Admission::Send { after: Duration::ZERO });
//!
//! // A throttling answer that states the limit: one paused window, then
//! // requests evenly spaced under 20 a second.
//! let message = "Your current request times equals to 21 in a second, \
//!                which exceeds the frequency limit 20 for a second.";
//! limiter.throttled_now(&key, StatedLimit::from_message(message));
//! let Admission::Send { after } = limiter.admit_now(&key, Duration::ZERO) else { panic!() };
//! assert!(after >= Duration::from_secs(1) && after < Duration::from_millis(1001));
//! let Admission::Refused(refused) = limiter.admit_now(&key, Duration::ZERO) else { panic!() };
//! assert!(refused.wait() > Duration::from_secs(1)); // more than the 1 s a call may wait
//!
//! clock.advance(Duration::from_secs(5));
//! assert!(limiter.rate(&key).unwrap() <= 19.4);
//! ```
//!
//! [`RetryClass::Throttling`]: crate::RetryClass::Throttling

mod config;
mod cubic;
mod hint;
mod key;
mod local;
mod refused;

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::time::Duration;

pub use config::LimiterConfig;
pub use hint::StatedLimit;
pub use key::LimitKey;
pub use local::AdaptiveLimiter;
pub use refused::RateLimited;

#[cfg(all(test, feature = "redis"))]
pub(crate) use cubic::{CubicBucket, Slot};
#[cfg(feature = "redis")]
pub(crate) use cubic::{BETA, MEASURE_SECONDS, MIN_RATE, SCALE, SMOOTH};

/// A future a [`RateLimit`] returns: boxed, so the trait is object safe.
pub type LimitFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The limiter's answer for one request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Admission {
    /// Send after waiting `after` (zero: now). The slot is taken: send, or
    /// the slot is lost.
    Send {
        /// The wait before sending.
        after: Duration,
    },
    /// A configured rate has no slot yet: wait `after`, then ask again.
    AskAgain {
        /// The wait before asking again.
        after: Duration,
    },
    /// The request's turn is too far away: do not send it.
    Refused(RateLimited),
}

/// Shapes requests before they are sent and learns from throttling answers:
/// what the [`Retrier`](crate::retry::Retrier) asks before every attempt.
///
/// [`AdaptiveLimiter`] is the in-process one; the `redis` feature adds
/// `SharedLimiter`. [`admit`](RateLimit::admit) returns a boxed future so
/// that a limiter can be held as `Arc<dyn RateLimit>`; an in-process
/// limiter's is ready at once. Booking a throttling answer never waits.
pub trait RateLimit: Send + Sync + fmt::Debug {
    /// Asks to send one request for `key`, whose call has already waited
    /// `waited` for this attempt.
    fn admit<'a>(&'a self, key: &'a LimitKey, waited: Duration) -> LimitFuture<'a, Admission>;

    /// [`admit`](RateLimit::admit) for a thread that blocks: what
    /// [`Retrier::run_blocking`](crate::retry::Retrier::run_blocking) asks.
    /// A limiter that needs I/O answers from its in-process state.
    fn admit_blocking(&self, key: &LimitKey, waited: Duration) -> Admission;

    /// Books a throttling answer for `key`, with the limit its message
    /// stated, if any. Never waits: a limiter that must tell others does so
    /// in the background.
    fn throttled(&self, key: &LimitKey, stated: Option<StatedLimit>);
}

impl<L: RateLimit + ?Sized> RateLimit for std::sync::Arc<L> {
    fn admit<'a>(&'a self, key: &'a LimitKey, waited: Duration) -> LimitFuture<'a, Admission> {
        (**self).admit(key, waited)
    }

    fn admit_blocking(&self, key: &LimitKey, waited: Duration) -> Admission {
        (**self).admit_blocking(key, waited)
    }

    fn throttled(&self, key: &LimitKey, stated: Option<StatedLimit>) {
        (**self).throttled(key, stated);
    }
}
