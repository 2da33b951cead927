//! The [`Retrier`]: a policy with the shared state it needs (budget,
//! breaker, clock, jitter), and the per-call bookkeeping every way of
//! running it shares.

use core::time::Duration;
use std::sync::Arc;
use std::time::Instant;

use super::{
    trace, AttemptError, CircuitBreaker, Clock, Decision, FailedAttempt, Idempotency, Jitter,
    RetryBudget, RetryError, RetryPolicy, StopReason, SystemClock,
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
    policy: RetryPolicy,
    budget: RetryBudget,
    breaker: Option<CircuitBreaker>,
    clock: Arc<dyn Clock>,
    jitter: Arc<Jitter>,
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

/// One attempt of a call, as the operation sees it.
///
/// ```
/// use tencent_errors::retry::{Attempt, Idempotency, ManualClock, Retrier};
/// use tencent_errors::{parse_response, CommonCode};
///
/// let retrier = Retrier::default().with_clock(ManualClock::new());
/// let mut seen: Vec<Attempt> = Vec::new();
/// let _ = retrier.run_blocking(Idempotency::Idempotent, |attempt| {
///     seen.push(attempt.clone());
///     let body = br#"{"Response": {"Error": {"Code": "AuthFailure.SignatureExpire",
///         "Message": "expired"}, "RequestId": "r"}}"#;
///     parse_response::<serde_json::Value, CommonCode>(401, body)
/// });
/// assert_eq!(seen.len(), 2); // one refresh, one retry after it
/// assert!(!seen[0].must_refresh());
/// assert!(seen[1].must_refresh());
/// assert_eq!(seen[1].previous_code(), Some("AuthFailure.SignatureExpire"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    number: u32,
    must_refresh: bool,
    previous_code: Option<Box<str>>,
}

impl Attempt {
    /// The attempt's number: 1 for the first.
    pub fn number(&self) -> u32 {
        self.number
    }

    /// Whether this attempt repeats a failed one.
    pub fn is_retry(&self) -> bool {
        self.number > 1
    }

    /// Whether the previous attempt failed with a
    /// [`Refresh`](crate::RetryClass::Refresh) code: refresh the temporary
    /// credentials (`AuthFailure.TokenFailure`) or re-sign with a corrected
    /// clock (`AuthFailure.SignatureExpire`, see
    /// [`SigningClock`](super::SigningClock)) before sending.
    pub fn must_refresh(&self) -> bool {
        self.must_refresh
    }

    /// The error code of the previous attempt, when it had one.
    pub fn previous_code(&self) -> Option<&str> {
        self.previous_code.as_deref()
    }
}

/// The bookkeeping of one call: attempts made, RequestIds, refresh, budget
/// owed. Every way of running a [`Retrier`] drives one of these.
#[derive(Debug, Clone)]
pub(crate) struct CallState {
    idempotency: Idempotency,
    started: Instant,
    request_ids: Vec<Option<String>>,
    refreshed: bool,
    must_refresh: bool,
    previous_code: Option<Box<str>>,
    last_retry_cost: Option<u32>,
}

impl CallState {
    /// Starts a call; an open breaker refuses it before any attempt.
    pub(crate) fn start<E>(
        retrier: &Retrier,
        idempotency: Idempotency,
    ) -> Result<CallState, RetryError<E>> {
        let call = CallState::unchecked(retrier, idempotency);
        match &retrier.breaker {
            Some(breaker) if !breaker.try_acquire() => {
                trace::refused(StopReason::CircuitOpen);
                Err(RetryError::new(None, Vec::new(), StopReason::CircuitOpen))
            }
            _ => Ok(call),
        }
    }

    /// Starts a call whose first attempt is sent whatever the breaker says
    /// (tower sends it before the policy is asked).
    pub(crate) fn unchecked(retrier: &Retrier, idempotency: Idempotency) -> CallState {
        CallState {
            idempotency,
            started: retrier.now(),
            request_ids: Vec::new(),
            refreshed: false,
            must_refresh: false,
            previous_code: None,
            last_retry_cost: None,
        }
    }

    pub(crate) fn attempts(&self) -> u32 {
        u32::try_from(self.request_ids.len()).unwrap_or(u32::MAX)
    }

    pub(crate) fn next_attempt(&self) -> Attempt {
        Attempt {
            number: self.attempts().saturating_add(1),
            must_refresh: self.must_refresh,
            previous_code: self.previous_code.clone(),
        }
    }

    pub(crate) fn succeeded(&mut self, retrier: &Retrier) {
        retrier.budget.record_success(self.last_retry_cost.take());
        if let Some(breaker) = &retrier.breaker {
            breaker.record_success();
        }
    }

    /// Books a failed attempt and decides: the wait before the next attempt,
    /// or why to stop.
    pub(crate) fn failed<E: AttemptError + ?Sized>(
        &mut self,
        retrier: &Retrier,
        error: &E,
    ) -> Result<Duration, StopReason> {
        self.request_ids.push(error.request_id().map(str::to_owned));
        if let Some(breaker) = &retrier.breaker {
            breaker.record(&Err::<(), &E>(error));
        }
        let failure = error.failure();
        let attempt = FailedAttempt::new(failure, self.idempotency, self.attempts())
            .with_elapsed(retrier.now().saturating_duration_since(self.started))
            .with_refresh_done(self.refreshed);
        let decision = retrier.policy.decide(&attempt, &retrier.jitter);
        let delay = match decision {
            Decision::RetryAfter(delay) => delay,
            Decision::RefreshThenRetry => Duration::ZERO,
            Decision::Stop(reason) => return Err(self.stop(error, reason)),
        };
        let Some(cost) = retrier.budget.try_spend(failure) else {
            return Err(self.stop(error, StopReason::BudgetExhausted));
        };
        if let Some(breaker) = &retrier.breaker {
            if !breaker.try_acquire() {
                retrier.budget.refill(cost);
                return Err(self.stop(error, StopReason::CircuitOpen));
            }
        }
        self.last_retry_cost = Some(cost);
        self.must_refresh = decision == Decision::RefreshThenRetry;
        self.refreshed |= self.must_refresh;
        self.previous_code = error.code().map(Box::from);
        trace::retrying(
            self.attempts(),
            failure,
            error.code(),
            error.request_id(),
            delay,
        );
        Ok(delay)
    }

    fn stop<E: AttemptError + ?Sized>(&self, error: &E, reason: StopReason) -> StopReason {
        trace::gave_up(self.attempts(), reason, error.code(), error.request_id());
        reason
    }

    pub(crate) fn finish<E>(self, last: E, reason: StopReason) -> RetryError<E> {
        RetryError::new(Some(last), self.request_ids, reason)
    }
}
