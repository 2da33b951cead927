//! The error a retried call finally returns: the last attempt's error, how
//! many attempts were made, and every attempt's RequestId.

use core::fmt;

use super::{AttemptError, Failure, StopReason};
use crate::escape::{bounded_option, Bounded, REQUEST_ID_SHOWN_BYTES};

/// The error of a call that stopped retrying: its last attempt's error, with
/// the number of attempts made, each failed attempt's RequestId (what
/// Tencent Cloud support asks for), and why it stopped.
///
/// ```
/// use tencent_errors::retry::{Idempotency, ManualClock, Retrier, StopReason};
/// use tencent_errors::{parse_response, CommonCode};
///
/// let retrier = Retrier::default().with_clock(ManualClock::new());
/// let mut request_ids = ["req-1", "req-2", "req-3"].into_iter();
/// let error = retrier
///     .run_blocking(Idempotency::Idempotent, |_attempt| {
///         let body = format!(
///             r#"{{"Response": {{"Error": {{"Code": "InternalError", "Message": "oops"}},
///                 "RequestId": "{}"}}}}"#,
///             request_ids.next().unwrap()
///         );
///         parse_response::<serde_json::Value, CommonCode>(200, body.as_bytes())
///     })
///     .unwrap_err();
///
/// assert_eq!(error.attempts(), 3);
/// assert_eq!(error.request_ids().collect::<Vec<_>>(), [Some("req-1"), Some("req-2"), Some("req-3")]);
/// assert_eq!(error.stop_reason(), StopReason::AttemptsExhausted);
/// assert_eq!(error.last().and_then(|e| e.request_id()), Some("req-3"));
/// assert!(error.to_string().ends_with("(3 attempts, no attempts left; RequestIds: req-1, req-2, req-3)"));
/// ```
pub struct RetryError<E> {
    last: Option<E>,
    request_ids: Vec<Option<String>>,
    stop_reason: StopReason,
    #[cfg(feature = "limiter")]
    rate_limited: Option<crate::limiter::RateLimited>,
}

impl<E> RetryError<E> {
    pub(crate) fn new(
        last: Option<E>,
        request_ids: Vec<Option<String>>,
        stop_reason: StopReason,
    ) -> RetryError<E> {
        RetryError {
            last,
            request_ids,
            stop_reason,
            #[cfg(feature = "limiter")]
            rate_limited: None,
        }
    }

    /// A call whose next attempt the client-side rate limiter refused.
    #[cfg(feature = "limiter")]
    pub(crate) fn rate_limited(
        request_ids: Vec<Option<String>>,
        refused: crate::limiter::RateLimited,
    ) -> RetryError<E> {
        RetryError {
            rate_limited: Some(refused),
            ..RetryError::new(None, request_ids, StopReason::RateLimited)
        }
    }

    /// When the client-side rate limiter refused the next attempt
    /// ([`StopReason::RateLimited`]): how long it would have waited.
    #[cfg(feature = "limiter")]
    #[cfg_attr(docsrs, doc(cfg(feature = "limiter")))]
    pub fn refused_by_limiter(&self) -> Option<&crate::limiter::RateLimited> {
        self.rate_limited.as_ref()
    }

    /// How many attempts were sent: 0 when an open circuit breaker refused
    /// the first one.
    pub fn attempts(&self) -> u32 {
        u32::try_from(self.request_ids.len()).unwrap_or(u32::MAX)
    }

    /// The RequestId of each attempt, in order; `None` for an attempt
    /// without an answer (a transport failure, a gateway's error page).
    pub fn request_ids(&self) -> impl ExactSizeIterator<Item = Option<&str>> + '_ {
        self.request_ids.iter().map(Option::as_deref)
    }

    /// Why the call stopped retrying.
    pub fn stop_reason(&self) -> StopReason {
        self.stop_reason
    }

    /// Whether the call stopped because the endpoint's circuit breaker is
    /// open: the moment to fail over to another region.
    pub fn is_circuit_open(&self) -> bool {
        self.stop_reason == StopReason::CircuitOpen
    }

    /// The last attempt's error; `None` when no attempt was made, or when the
    /// client-side rate limiter refused a retry (the error it followed was
    /// not kept through the wait).
    pub fn last(&self) -> Option<&E> {
        self.last.as_ref()
    }

    /// The last attempt's error, by value; `None` only when no attempt was made.
    pub fn into_inner(self) -> Option<E> {
        self.last
    }
}

impl<E: fmt::Debug> fmt::Debug for RetryError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryError")
            .field("last", &self.last)
            .field("attempts", &self.attempts())
            .field(
                "request_ids",
                &self
                    .request_ids
                    .iter()
                    .map(|id| bounded_option(id.as_deref(), REQUEST_ID_SHOWN_BYTES))
                    .collect::<Vec<_>>(),
            )
            .field("stop_reason", &self.stop_reason)
            .finish()
    }
}

impl<E: fmt::Display> fmt::Display for RetryError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(last) = &self.last else {
            #[cfg(feature = "limiter")]
            if let Some(refused) = &self.rate_limited {
                return match self.attempts() {
                    0 => write!(f, "{refused}"),
                    1 => write!(f, "{refused} (after 1 failed attempt)"),
                    attempts => write!(f, "{refused} (after {attempts} failed attempts)"),
                };
            }
            return write!(f, "no attempt made: {}", self.stop_reason);
        };
        let attempts = self.attempts();
        let plural = if attempts == 1 { "" } else { "s" };
        write!(
            f,
            "{last} ({attempts} attempt{plural}, {}",
            self.stop_reason
        )?;
        if self.request_ids.iter().any(Option::is_some) {
            f.write_str("; RequestIds: ")?;
            for (index, request_id) in self.request_ids.iter().enumerate() {
                if index > 0 {
                    f.write_str(", ")?;
                }
                match request_id {
                    // RequestIds come from the server: print them escaped and bounded.
                    Some(id) => write!(f, "{}", Bounded::new(id, 64))?,
                    None => f.write_str("-")?,
                }
            }
        }
        f.write_str(")")
    }
}

/// The last error's message is part of this error's, so the source is the
/// last error's own source, not the last error again.
impl<E: std::error::Error> std::error::Error for RetryError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.last.as_ref().and_then(|last| last.source())
    }
}

/// The error of a single attempt, before any retry policy has seen it: one
/// attempt, stopped because no more were allowed. A
/// `TowerPolicy` (feature `tower`) replaces it with the call's history.
///
/// ```
/// use tencent_errors::retry::RetryError;
/// use tencent_errors::{parse_response, CommonCode};
///
/// let body = br#"{"Response": {"Error": {"Code": "InternalError", "Message": ""}, "RequestId": "r1"}}"#;
/// let error = parse_response::<serde_json::Value, CommonCode>(500, body).unwrap_err();
/// let error = RetryError::from(error);
/// assert_eq!(error.attempts(), 1);
/// assert_eq!(error.request_ids().collect::<Vec<_>>(), [Some("r1")]);
/// ```
impl<E: AttemptError> From<E> for RetryError<E> {
    fn from(error: E) -> RetryError<E> {
        let request_id = error.request_id().map(str::to_owned);
        RetryError::new(Some(error), vec![request_id], StopReason::AttemptsExhausted)
    }
}

/// A retried call's error is its last attempt's; with no attempt made, it
/// counts as a request never sent.
impl<E: AttemptError> AttemptError for RetryError<E> {
    fn failure(&self) -> Failure {
        self.last.as_ref().map_or(Failure::NotConnected, E::failure)
    }

    fn request_id(&self) -> Option<&str> {
        self.last.as_ref().and_then(E::request_id)
    }

    fn code(&self) -> Option<&str> {
        self.last.as_ref().and_then(E::code)
    }
}
