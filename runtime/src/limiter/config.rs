//! The settings of a limiter: how long a request may wait, the service's
//! counting window, and the rates you know.

use core::num::NonZeroU32;
use core::time::Duration;
use std::collections::HashMap;
use std::sync::Arc;

use super::cubic::CubicSettings;

/// The settings of an [`AdaptiveLimiter`](super::AdaptiveLimiter) (and of a
/// limiter shared through Redis).
///
/// ```
/// use std::num::NonZeroU32;
/// use std::time::Duration;
/// use tencent_errors::limiter::LimiterConfig;
///
/// let config = LimiterConfig::default()
///     .with_rate("DescribeInstances", NonZeroU32::new(20).unwrap()) // known: 20 a second
///     .with_max_wait(Duration::from_secs(2));
/// assert_eq!(config.rate_of("DescribeInstances").map(NonZeroU32::get), Some(20));
/// assert_eq!(config.rate_of("RunInstances"), None); // learned from throttling answers
/// assert_eq!(config.max_wait(), Duration::from_secs(2));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LimiterConfig {
    max_wait: Duration,
    window: Duration,
    headroom: f64,
    rates: Arc<HashMap<Box<str>, NonZeroU32>>,
    default_rate: Option<NonZeroU32>,
}

impl LimiterConfig {
    /// The defaults: a request waits at most 1 s for its turn, the service
    /// counts in 1 s windows, 3 % of a stated limit is kept free, and every
    /// rate is learned.
    pub fn new() -> LimiterConfig {
        LimiterConfig {
            max_wait: Duration::from_secs(1),
            window: Duration::from_secs(1),
            headroom: 0.03,
            rates: Arc::default(),
            default_rate: None,
        }
    }

    /// The longest a request waits for its turn; a request whose turn is
    /// further away fails at once with [`RateLimited`](super::RateLimited).
    pub fn with_max_wait(mut self, max_wait: Duration) -> LimiterConfig {
        self.max_wait = max_wait;
        self
    }

    /// The window the service counts requests in (Tencent Cloud: one
    /// second). After a throttling answer the key pauses this long, and
    /// further throttling answers within it change nothing.
    pub fn with_window(mut self, window: Duration) -> LimiterConfig {
        self.window = window;
        self
    }

    /// The share (0 to 0.5) of a limit stated in a throttling message that
    /// the learned rate keeps free, so that evenly spaced requests never
    /// make a window count one too many.
    pub fn with_headroom(mut self, headroom: f64) -> LimiterConfig {
        self.headroom = if headroom.is_nan() {
            0.0
        } else {
            headroom.clamp(0.0, 0.5)
        };
        self
    }

    /// Sends `action` at most `per_second` times a second per account and
    /// region, evenly spaced (a learned rate still applies below it).
    pub fn with_rate(mut self, action: &str, per_second: NonZeroU32) -> LimiterConfig {
        Arc::make_mut(&mut self.rates).insert(action.into(), per_second);
        self
    }

    /// The rate of every action [`with_rate`](LimiterConfig::with_rate) does
    /// not name.
    pub fn with_default_rate(mut self, per_second: NonZeroU32) -> LimiterConfig {
        self.default_rate = Some(per_second);
        self
    }

    /// The longest a request waits for its turn.
    pub fn max_wait(&self) -> Duration {
        self.max_wait
    }

    /// The service's counting window.
    pub fn window(&self) -> Duration {
        self.window
    }

    /// The share of a stated limit kept free.
    pub fn headroom(&self) -> f64 {
        self.headroom
    }

    /// The configured rate of `action`, if any.
    pub fn rate_of(&self, action: &str) -> Option<NonZeroU32> {
        self.rates.get(action).copied().or(self.default_rate)
    }

    pub(crate) fn cubic(&self) -> CubicSettings {
        CubicSettings {
            window: self.window.as_secs_f64(),
            headroom: self.headroom,
        }
    }
}

impl Default for LimiterConfig {
    fn default() -> Self {
        LimiterConfig::new()
    }
}
