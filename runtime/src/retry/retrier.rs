//! The [`Retrier`]: a policy with the shared state it needs (budget,
//! breaker, clock, jitter), and its blocking way of running a call.

use std::sync::Arc;
use std::time::Instant;

use super::{
    Attempt, AttemptError, Call, CallState, CircuitBreaker, Clock, Jitter, RetryBudget, RetryError,
    RetryPolicy, SystemClock,
};

/// Runs requests with retries: a [`RetryPolicy`] plus the state that calls
/// to one endpoint share — a [`RetryBudget`], an optional
/// [`CircuitBreaker`], a [`Clock`] and the [`Jitter`] source.
///
/// Make one per endpoint (region) and clone it freely: clones share the
/// budget, breaker and jitter. Run a call with
/// [`run_blocking`](Retrier::run_blocking), with [`run`](Retrier::run) and
/// the sleep of your async runtime, with `run_tokio` (feature `tokio`), or
/// as a `tower` middleware (feature `tower`).
///
/// ```
/// use tencent_errors::retry::{Idempotency, ManualClock, Retrier, RetryPolicy};
/// use tencent_errors::{parse_response, CommonCode};
///
/// let retrier = Retrier::new(RetryPolicy::default())
///     .with_clock(ManualClock::new()); // tests only: sleeping returns at once
///
/// let mut answers = [
///     r#"{"Response": {"Error": {"Code": "RequestLimitExceeded", "Message": "slow down"}, "RequestId": "r1"}}"#,
///     r#"{"Response": {"TotalCount": 0, "RequestId": "r2"}}"#,
/// ].into_iter();
///
/// let success = retrier
///     .run_blocking(Idempotency::infer("DescribeInstances", None), |attempt| {
///         let body = answers.next().unwrap(); // send the request here
///         parse_response::<serde_json::Value, CommonCode>(200, body.as_bytes())
///     })
///     .unwrap();
/// assert_eq!(success.request_id(), "r2");
/// ```
#[derive(Debug, Clone)]
pub struct Retrier {
    pub(super) policy: RetryPolicy,
    pub(super) budget: RetryBudget,
    pub(super) breaker: Option<CircuitBreaker>,
    clock: Arc<dyn Clock>,
    pub(super) jitter: Arc<Jitter>,
    #[cfg(feature = "limiter")]
    pub(super) limit: Option<super::rate_limit::LimitGate>,
}

impl Retrier {
    /// A retrier with `policy`, a fresh default [`RetryBudget`], no circuit
    /// breaker, the system clock and unpredictable jitter.
    pub fn new(policy: RetryPolicy) -> Retrier {
        Retrier {
            policy,
            budget: RetryBudget::default(),
            breaker: None,
            clock: Arc::new(SystemClock),
            jitter: Arc::new(Jitter::unpredictable()),
            #[cfg(feature = "limiter")]
            limit: None,
        }
    }

    /// Pays retries from `budget`: share one budget between the retriers of
    /// one endpoint.
    pub fn with_budget(mut self, budget: RetryBudget) -> Retrier {
        self.budget = budget;
        self
    }

    /// Asks `breaker` before every attempt and tells it every outcome.
    pub fn with_breaker(mut self, breaker: CircuitBreaker) -> Retrier {
        self.breaker = Some(breaker);
        self
    }

    /// Measures deadlines on `clock` and, in
    /// [`run_blocking`](Retrier::run_blocking), sleeps on it.
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> Retrier {
        self.clock = Arc::new(clock);
        self
    }

    /// Draws backoff delays from `jitter`: [`Jitter::seeded`] makes them
    /// reproducible.
    pub fn with_jitter(mut self, jitter: Jitter) -> Retrier {
        self.jitter = Arc::new(jitter);
        self
    }

    /// Asks `limiter` for a slot before every attempt of a call that names
    /// its action ([`Call::new`]), counting for `account` in `region`, and
    /// tells it of every throttling answer (feature `limiter`). A call whose
    /// turn is too far away stops with [`StopReason::RateLimited`] without
    /// being sent. The tower middleware books throttling answers but does
    /// not ask for slots: put a rate-limiting layer in front of it.
    ///
    /// [`StopReason::RateLimited`]: super::StopReason::RateLimited
    ///
    /// ```
    /// use std::time::Duration;
    /// use tencent_errors::limiter::{AdaptiveLimiter, LimitKey, LimiterConfig};
    /// use tencent_errors::retry::{Call, ManualClock, Retrier, StopReason};
    /// use tencent_errors::{parse_response, CommonCode};
    ///
    /// let clock = ManualClock::new();
    /// let config = LimiterConfig::default().with_max_wait(Duration::from_secs(5));
    /// let limiter = AdaptiveLimiter::new(config).with_clock(clock.clone());
    /// let retrier = Retrier::default()
    ///     .with_clock(clock.clone()) // this example only: sleeps return at once
    ///     .with_limiter(limiter.clone(), "100012345678", "ap-guangzhou");
    ///
    /// let throttled = br#"{"Response": {"Error": {"Code": "RequestLimitExceeded",
    ///     "Message": "Your current request times equals to 21 in a second, which exceeds the frequency limit 20 for a second."},
    ///     "RequestId": "r"}}"#;
    /// let error = retrier
    ///     .run_blocking(Call::new("cvm", "DescribeInstances"), |_attempt| {
    ///         parse_response::<serde_json::Value, CommonCode>(200, throttled)
    ///     })
    ///     .unwrap_err();
    /// assert_eq!(error.stop_reason(), StopReason::AttemptsExhausted);
    ///
    /// // Each throttling answer paused the key for a second (the retries
    /// // waited for it); the key is now limited under the stated 20 a second.
    /// assert!(clock.elapsed() >= Duration::from_secs(2));
    /// let key = LimitKey::new("100012345678", "ap-guangzhou", "DescribeInstances");
    /// assert!(limiter.rate(&key).unwrap() < 20.0);
    /// ```
    #[cfg(feature = "limiter")]
    #[cfg_attr(docsrs, doc(cfg(feature = "limiter")))]
    pub fn with_limiter(
        mut self,
        limiter: impl crate::limiter::RateLimit + 'static,
        account: &str,
        region: &str,
    ) -> Retrier {
        self.limit = Some(super::rate_limit::LimitGate::new(
            Arc::new(limiter),
            account,
            region,
        ));
        self
    }

    /// The retry policy.
    pub fn policy(&self) -> &RetryPolicy {
        &self.policy
    }

    /// The retry budget.
    pub fn budget(&self) -> &RetryBudget {
        &self.budget
    }

    /// The circuit breaker, if any.
    pub fn breaker(&self) -> Option<&CircuitBreaker> {
        self.breaker.as_ref()
    }

    /// Runs `operation` until it succeeds or the policy stops, sleeping
    /// between attempts on the retrier's [`Clock`] (the thread blocks).
    ///
    /// `operation` gets the [`Attempt`] it makes: refresh first when
    /// [`Attempt::must_refresh`] says so.
    pub fn run_blocking<T, E, F>(
        &self,
        call: impl Into<Call>,
        mut operation: F,
    ) -> Result<T, RetryError<E>>
    where
        E: AttemptError,
        F: FnMut(Attempt) -> Result<T, E>,
    {
        let mut call = CallState::start(self, call.into())?;
        loop {
            let span = call.begin_attempt().clone();
            #[cfg(feature = "limiter")]
            if let Some(gate) = &self.limit {
                if let Some(key) = gate.key(call.call()) {
                    match span.in_scope(|| gate.admit_blocking(&key, &*self.clock)) {
                        Ok(waited) => span.limiter_waited(waited),
                        Err(refused) => return Err(call.refused(refused)),
                    }
                }
            }
            let attempt = call.next_attempt();
            match span.in_scope(|| operation(attempt)) {
                Ok(value) => {
                    call.succeeded(self);
                    return Ok(value);
                }
                Err(error) => match call.failed(self, &error) {
                    Ok(delay) if delay.is_zero() => {}
                    Ok(delay) => self.clock.sleep(delay),
                    Err(reason) => return Err(call.finish(error, reason)),
                },
            }
        }
    }

    pub(crate) fn now(&self) -> Instant {
        self.clock.now()
    }
}

impl Default for Retrier {
    fn default() -> Self {
        Retrier::new(RetryPolicy::default())
    }
}
