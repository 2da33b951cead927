//! One call's bookkeeping ([`CallState`]: attempts made, RequestIds,
//! refresh, budget owed) and the [`Attempt`] it hands the operation. Every
//! way of running a [`Retrier`] drives one of these.

use core::fmt;
use core::time::Duration;
use std::time::Instant;

use crate::escape::{bounded_option, CODE_SHOWN_BYTES};

use super::spans::{AttemptSpan, CallSpan};
use super::{trace, AttemptError, Call, Decision, FailedAttempt, Retrier, RetryError, StopReason};

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
#[derive(Clone, PartialEq, Eq)]
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

// By hand: the previous code is server text, shown escaped and bounded.
impl fmt::Debug for Attempt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Attempt")
            .field("number", &self.number)
            .field("must_refresh", &self.must_refresh)
            .field(
                "previous_code",
                &bounded_option(self.previous_code.as_deref(), CODE_SHOWN_BYTES),
            )
            .finish()
    }
}

/// The bookkeeping of one call: attempts made, RequestIds, refresh, budget
/// owed. Every way of running a [`Retrier`] drives one of these.
#[derive(Debug, Clone)]
pub(crate) struct CallState {
    call: Call,
    span: CallSpan,
    attempt_span: Option<AttemptSpan>,
    started: Instant,
    request_ids: Vec<Option<String>>,
    refreshed: bool,
    must_refresh: bool,
    previous_code: Option<Box<str>>,
    last_retry_cost: Option<u32>,
}

impl CallState {
    /// Starts a call; an open breaker refuses it before any attempt.
    pub(crate) fn start<E>(retrier: &Retrier, call: Call) -> Result<CallState, RetryError<E>> {
        let call = CallState::unchecked(retrier, call);
        match &retrier.breaker {
            Some(breaker) if !breaker.try_acquire() => {
                trace::refused(StopReason::CircuitOpen);
                call.span.stopped(0, StopReason::CircuitOpen, None, None);
                Err(RetryError::new(None, Vec::new(), StopReason::CircuitOpen))
            }
            _ => Ok(call),
        }
    }

    /// Starts a call whose first attempt is sent whatever the breaker says
    /// (tower sends it before the policy is asked).
    pub(crate) fn unchecked(retrier: &Retrier, call: impl Into<Call>) -> CallState {
        let call = call.into();
        CallState {
            span: CallSpan::start(&call),
            attempt_span: None,
            call,
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

    /// The call being made.
    #[cfg(feature = "limiter")]
    pub(crate) fn call(&self) -> &Call {
        &self.call
    }

    /// Opens the span of the next attempt (the runners that trace).
    pub(crate) fn begin_attempt(&mut self) -> &AttemptSpan {
        let number = self.attempts().saturating_add(1);
        self.attempt_span
            .insert(self.span.attempt(&self.call, number))
    }

    /// The client-side rate limiter refused the next attempt.
    #[cfg(feature = "limiter")]
    pub(crate) fn refused<E>(self, refused: crate::limiter::RateLimited) -> RetryError<E> {
        trace::refused(StopReason::RateLimited);
        self.span
            .stopped(self.attempts(), StopReason::RateLimited, None, None);
        RetryError::rate_limited(self.request_ids, refused)
    }

    pub(crate) fn succeeded(&mut self, retrier: &Retrier) {
        self.span.succeeded(self.attempts().saturating_add(1));
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
        #[cfg(feature = "limiter")]
        if failure.retry_class() == crate::RetryClass::Throttling {
            if let Some(gate) = &retrier.limit {
                if let Some(key) = gate.key(&self.call) {
                    gate.throttled(&key, error.message());
                }
            }
        }
        let attempt = FailedAttempt::new(failure, self.call.idempotency(), self.attempts())
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
        if let Some(span) = &self.attempt_span {
            span.failed(failure, error.error_type(), error.request_id(), decision);
        }
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
        if let Some(span) = &self.attempt_span {
            let failure = error.failure();
            span.failed(
                failure,
                error.error_type(),
                error.request_id(),
                Decision::Stop(reason),
            );
        }
        self.span.stopped(
            self.attempts(),
            reason,
            Some(error.error_type()),
            error.request_id(),
        );
        reason
    }

    pub(crate) fn finish<E>(self, last: E, reason: StopReason) -> RetryError<E> {
        RetryError::new(Some(last), self.request_ids, reason)
    }
}
