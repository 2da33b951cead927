//! The error of a request the limiter did not let through.

use core::fmt;
use core::time::Duration;

use super::LimitKey;

/// A request was not sent: its turn under the client-side rate limit was
/// further away than the limiter's
/// [`max_wait`](super::LimiterConfig::max_wait).
///
/// Nothing reached the service. Try again after [`wait`](RateLimited::wait),
/// or send less.
///
/// ```
/// use std::time::Duration;
/// use tencent_errors::limiter::{LimitKey, RateLimited};
///
/// let key = LimitKey::new("1000", "ap-guangzhou", "DescribeInstances");
/// let error = RateLimited::new(key, Duration::from_millis(1500), Duration::from_secs(1));
/// assert_eq!(
///     error.to_string(),
///     "not sent: the client-side rate limit of 1000/ap-guangzhou/DescribeInstances \
///      would delay it 1.500 s, more than the 1.000 s allowed"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimited {
    key: LimitKey,
    wait: Duration,
    max_wait: Duration,
}

impl RateLimited {
    /// `key`'s next turn is `wait` away, more than `max_wait`.
    pub fn new(key: LimitKey, wait: Duration, max_wait: Duration) -> RateLimited {
        RateLimited {
            key,
            wait,
            max_wait,
        }
    }

    /// The key whose limit refused the request.
    pub fn key(&self) -> &LimitKey {
        &self.key
    }

    /// How long the request would have waited for its turn.
    pub fn wait(&self) -> Duration {
        self.wait
    }

    /// The longest wait the limiter allows.
    pub fn max_wait(&self) -> Duration {
        self.max_wait
    }
}

impl fmt::Display for RateLimited {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not sent: the client-side rate limit of {} would delay it {:.3} s, more than the {:.3} s allowed",
            self.key,
            self.wait.as_secs_f64(),
            self.max_wait.as_secs_f64()
        )
    }
}

impl std::error::Error for RateLimited {}
