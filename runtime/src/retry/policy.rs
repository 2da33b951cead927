//! The retry decision: from a failed attempt's class, the action's
//! idempotency, the attempt number and the time left, to retry or stop.

use core::fmt;
use core::time::Duration;

use super::{Backoff, Failure, Idempotency, Jitter};
use crate::RetryClass;

/// A failed attempt in the context of its call: everything
/// [`RetryPolicy::decide`] looks at.
///
/// ```
/// use std::time::Duration;
/// use tencent_errors::retry::{FailedAttempt, Failure, Idempotency};
/// use tencent_errors::RetryClass;
///
/// let attempt = FailedAttempt::new(Failure::Answered(RetryClass::Transient), Idempotency::Idempotent, 2)
///     .with_elapsed(Duration::from_millis(1500));
/// assert_eq!(attempt.number(), 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailedAttempt {
    failure: Failure,
    idempotency: Idempotency,
    number: u32,
    elapsed: Duration,
    refreshed: bool,
}

impl FailedAttempt {
    /// Attempt `number` (1 for the first) of a request failed with `failure`.
    /// No time has passed and no refresh was made, until said otherwise.
    pub const fn new(failure: Failure, idempotency: Idempotency, number: u32) -> FailedAttempt {
        FailedAttempt {
            failure,
            idempotency,
            number,
            elapsed: Duration::ZERO,
            refreshed: false,
        }
    }

    /// The time since the call's first attempt started.
    pub const fn with_elapsed(mut self, elapsed: Duration) -> FailedAttempt {
        self.elapsed = elapsed;
        self
    }

    /// Whether the call already made its one retry after a refresh.
    pub const fn with_refresh_done(mut self, refreshed: bool) -> FailedAttempt {
        self.refreshed = refreshed;
        self
    }

    /// How the attempt failed.
    pub const fn failure(&self) -> Failure {
        self.failure
    }

    /// Whether the request may be repeated after it may have run.
    pub const fn idempotency(&self) -> Idempotency {
        self.idempotency
    }

    /// The attempt's number, 1 for the first.
    pub const fn number(&self) -> u32 {
        self.number
    }

    /// The time since the call's first attempt started.
    pub const fn elapsed(&self) -> Duration {
        self.elapsed
    }

    /// Whether the call already made its one retry after a refresh.
    pub const fn refresh_done(&self) -> bool {
        self.refreshed
    }
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Decision {
    /// Wait this long, then send the request again.
    RetryAfter(Duration),
    /// Refresh first (new temporary credentials, or a signature made with a
    /// clock corrected by the server's `Date`), then send the request again
    /// at once. Happens at most once per call.
    RefreshThenRetry,
    /// Give up and return the error.
    Stop(StopReason),
}

impl Decision {
    /// Whether the request is sent again.
    ///
    /// ```
    /// use tencent_errors::retry::{Decision, StopReason};
    /// assert!(Decision::RefreshThenRetry.is_retry());
    /// assert!(!Decision::Stop(StopReason::NotRetryable).is_retry());
    /// ```
    pub const fn is_retry(&self) -> bool {
        !matches!(self, Decision::Stop(_))
    }

    /// The wait before the retry: zero for a refresh, `None` for a stop.
    pub const fn delay(&self) -> Option<Duration> {
        match self {
            Decision::RetryAfter(delay) => Some(*delay),
            Decision::RefreshThenRetry => Some(Duration::ZERO),
            Decision::Stop(_) => None,
        }
    }
}

/// Why a call stopped retrying and returned its error.
///
/// ```
/// use tencent_errors::retry::StopReason;
/// assert_eq!(StopReason::NotIdempotent.to_string(),
///     "the action is not idempotent and may already have run");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StopReason {
    /// The error's class is [`RetryClass::Never`]: the same request cannot succeed.
    NotRetryable,
    /// A transient failure after the request was sent, and the action is not
    /// idempotent: repeating it could run it twice.
    NotIdempotent,
    /// The call already refreshed and retried once; refreshing again will not help.
    RefreshDidNotHelp,
    /// The maximum number of attempts was made.
    AttemptsExhausted,
    /// The next wait would pass the call's deadline.
    DeadlineExceeded,
    /// The endpoint's retry budget is empty: too many retries lately.
    BudgetExhausted,
    /// The endpoint's circuit breaker is open.
    CircuitOpen,
    /// The client-side rate limiter (feature `limiter`) would have delayed
    /// the attempt longer than it allows: it was not sent.
    RateLimited,
}

impl StopReason {
    /// A short description, as [`Display`](fmt::Display) prints it.
    pub const fn as_str(self) -> &'static str {
        match self {
            StopReason::NotRetryable => "the error is not retryable",
            StopReason::NotIdempotent => "the action is not idempotent and may already have run",
            StopReason::RefreshDidNotHelp => "a retry after refreshing did not help",
            StopReason::AttemptsExhausted => "no attempts left",
            StopReason::DeadlineExceeded => "the next retry would pass the deadline",
            StopReason::BudgetExhausted => "the endpoint's retry budget is empty",
            StopReason::CircuitOpen => "the endpoint's circuit breaker is open",
            StopReason::RateLimited => {
                "the client-side rate limit would delay the attempt too long"
            }
        }
    }
}

impl fmt::Display for StopReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Decides, after each failed attempt, whether and when to retry.
///
/// The rules, in order:
/// 1. An error of class [`RetryClass::Never`]: stop.
/// 2. An error of class [`RetryClass::Transient`] (including a timeout after the request was
///    sent): retry only an [idempotent](Idempotency) request.
///    [`Throttling`](RetryClass::Throttling) and a connection never
///    established: retry any request, it did not run.
/// 3. An error of class [`RetryClass::Refresh`]: one retry, at once, after the caller's refresh
///    step; a second refresh failure stops.
/// 4. No more than [`max_attempts`](RetryPolicy::with_max_attempts) attempts
///    in all; no wait after the last one.
/// 5. Wait an exponential, fully jittered [`Backoff`]; stop instead when the
///    wait would pass the [deadline](RetryPolicy::with_deadline).
///
/// The defaults, those of the AWS SDK for Rust's standard retry: 3
/// attempts, [`Backoff::DEFAULT`] (1 s doubling to at most 20 s), no
/// deadline beyond what the attempts and backoff imply (at most 1 s + 2 s of
/// waiting).
///
/// ```
/// use tencent_errors::retry::{Decision, FailedAttempt, Failure, Idempotency, Jitter, RetryPolicy, StopReason};
/// use tencent_errors::RetryClass;
///
/// let policy = RetryPolicy::default();
/// let jitter = Jitter::seeded(1);
/// let internal_error = Failure::Answered(RetryClass::Transient);
///
/// // `CreateStreamLiveChannel` met `InternalError`: it may have run, do not repeat it.
/// let create = FailedAttempt::new(internal_error, Idempotency::infer("CreateStreamLiveChannel", None), 1);
/// assert_eq!(policy.decide(&create, &jitter), Decision::Stop(StopReason::NotIdempotent));
///
/// // `DescribeStreamLiveChannels` only reads: retry after a jittered wait.
/// let describe = FailedAttempt::new(internal_error, Idempotency::infer("DescribeStreamLiveChannels", None), 1);
/// assert!(matches!(policy.decide(&describe, &jitter), Decision::RetryAfter(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    backoff: Backoff,
    deadline: Option<Duration>,
}

impl RetryPolicy {
    /// The default number of attempts, the first included.
    pub const DEFAULT_MAX_ATTEMPTS: u32 = 3;

    /// The default policy: see [`RetryPolicy`].
    pub const fn new() -> RetryPolicy {
        RetryPolicy {
            max_attempts: RetryPolicy::DEFAULT_MAX_ATTEMPTS,
            backoff: Backoff::DEFAULT,
            deadline: None,
        }
    }

    /// A policy that never retries: one attempt.
    ///
    /// ```
    /// use tencent_errors::retry::RetryPolicy;
    /// assert_eq!(RetryPolicy::no_retries().max_attempts(), 1);
    /// ```
    pub const fn no_retries() -> RetryPolicy {
        RetryPolicy::new().with_max_attempts(1)
    }

    /// At most `max_attempts` attempts per call, the first included; `0`
    /// counts as 1.
    pub const fn with_max_attempts(mut self, max_attempts: u32) -> RetryPolicy {
        self.max_attempts = if max_attempts == 0 { 1 } else { max_attempts };
        self
    }

    /// The waits between attempts.
    pub const fn with_backoff(mut self, backoff: Backoff) -> RetryPolicy {
        self.backoff = backoff;
        self
    }

    /// No retry whose wait would end later than `deadline` after the call's
    /// first attempt started.
    pub const fn with_deadline(mut self, deadline: Duration) -> RetryPolicy {
        self.deadline = Some(deadline);
        self
    }

    /// The maximum number of attempts per call, the first included.
    pub const fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The waits between attempts.
    pub const fn backoff(&self) -> Backoff {
        self.backoff
    }

    /// The call's deadline, if any.
    pub const fn deadline(&self) -> Option<Duration> {
        self.deadline
    }

    /// Decides what to do after `attempt` failed; `jitter` draws the wait.
    pub fn decide(&self, attempt: &FailedAttempt, jitter: &Jitter) -> Decision {
        let failure = attempt.failure;
        let refresh = match failure.retry_class() {
            RetryClass::Never => return Decision::Stop(StopReason::NotRetryable),
            RetryClass::Transient
                if !failure.is_safe_for_any_action() && !attempt.idempotency.is_idempotent() =>
            {
                return Decision::Stop(StopReason::NotIdempotent)
            }
            RetryClass::Refresh if attempt.refreshed => {
                return Decision::Stop(StopReason::RefreshDidNotHelp)
            }
            RetryClass::Refresh => true,
            RetryClass::Throttling | RetryClass::Transient => false,
        };
        if attempt.number >= self.max_attempts {
            return Decision::Stop(StopReason::AttemptsExhausted);
        }
        let delay = if refresh {
            Duration::ZERO
        } else {
            self.backoff.delay(attempt.number, jitter)
        };
        if let Some(deadline) = self.deadline {
            if attempt.elapsed.saturating_add(delay) >= deadline {
                return Decision::Stop(StopReason::DeadlineExceeded);
            }
        }
        if refresh {
            Decision::RefreshThenRetry
        } else {
            Decision::RetryAfter(delay)
        }
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::new()
    }
}
