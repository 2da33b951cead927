//! The [`Retrier`]: a policy with the shared state it needs (budget,
//! breaker, clock, jitter), and its blocking way of running a call.

use std::sync::Arc;
use std::time::Instant;

use super::{
    Attempt, AttemptError, CallState, CircuitBreaker, Clock, Idempotency, Jitter, RetryBudget,
    RetryError, RetryPolicy, SystemClock,
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
        idempotency: Idempotency,
        mut operation: F,
    ) -> Result<T, RetryError<E>>
    where
        E: AttemptError,
        F: FnMut(Attempt) -> Result<T, E>,
    {
        let mut call = CallState::start(self, idempotency)?;
        loop {
            match operation(call.next_attempt()) {
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
