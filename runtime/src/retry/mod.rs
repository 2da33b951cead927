//! Safe, bounded retries driven by each code's [`RetryClass`](crate::RetryClass).
//!
//! A [`Retrier`] runs a request until it succeeds or its [`RetryPolicy`]
//! stops, and returns a [`RetryError`] that says how many attempts were made
//! and keeps every attempt's RequestId. What is retried:
//!
//! | the attempt failed with          | idempotent action          | other action |
//! |----------------------------------|----------------------------|--------------|
//! | `Throttling` (`RequestLimitExceeded`) | retry after backoff   | retry after backoff |
//! | `Transient` (`InternalError`), timeout after sending | retry after backoff | stop: it may have run |
//! | `Refresh` (`AuthFailure.SignatureExpire`, `.TokenFailure`) | one retry, after the caller refreshes | the same |
//! | a connection never established   | retry after backoff        | retry after backoff |
//! | `Never` (everything else)        | stop                       | stop |
//!
//! Read-only actions (`Describe*`, `Get*`, `List*`, `Query*`, `Check*`,
//! `Inquiry*`) and requests with a `ClientToken` are idempotent
//! ([`Idempotency::infer`]); say so yourself when you know better.
//!
//! Every retry is bounded three ways: at most 3 attempts (by default), an
//! optional deadline, and a [`RetryBudget`] shared by all calls to one
//! endpoint that empties when too many retries happen and refills with
//! successes. Waits are exponential with full jitter (1 s, 2 s, ... at most
//! 20 s; never after the last attempt). An optional [`CircuitBreaker`] stops
//! calling an endpoint that keeps failing, so the caller can fail over to
//! another region.
//!
//! Run it with [`Retrier::run_blocking`], with [`Retrier::run`] and your
//! async runtime's sleep, with `Retrier::run_tokio` (feature `tokio`), or as
//! a `tower` middleware with `TowerPolicy` (feature `tower`). With the
//! `tracing` feature every retry emits an event with the code, RequestId,
//! attempt and delay. The core needs none of these crates.
//!
//! ```
//! use tencent_errors::retry::{Idempotency, ManualClock, Retrier, RetryPolicy, StopReason};
//! use tencent_errors::{parse_response, CommonCode};
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     // One retrier per endpoint: its clones share the retry budget.
//!     let retrier = Retrier::new(RetryPolicy::default())
//!         .with_clock(ManualClock::new()); // this example only: sleeps return at once
//!
//!     // A read, throttled once: retried after a jittered wait of at most 1 s.
//!     let mut answers = [
//!         r#"{"Response": {"Error": {"Code": "RequestLimitExceeded", "Message": "Too frequent."}, "RequestId": "req-1"}}"#,
//!         r#"{"Response": {"TotalCount": 0, "InstanceSet": [], "RequestId": "req-2"}}"#,
//!     ]
//!     .into_iter();
//!     let instances = retrier.run_blocking(Idempotency::infer("DescribeInstances", None), |_attempt| {
//!         let body = answers.next().unwrap(); // send the signed request here
//!         parse_response::<serde_json::Value, CommonCode>(200, body.as_bytes())
//!     })?;
//!     assert_eq!(instances.request_id(), "req-2");
//!
//!     // A write that met InternalError may have run: it is not repeated.
//!     let error = retrier
//!         .run_blocking(Idempotency::infer("RunInstances", None), |_attempt| {
//!             let body = r#"{"Response": {"Error": {"Code": "InternalError", "Message": "Internal error."}, "RequestId": "req-3"}}"#;
//!             parse_response::<serde_json::Value, CommonCode>(500, body.as_bytes())
//!         })
//!         .unwrap_err();
//!     assert_eq!(error.attempts(), 1);
//!     assert_eq!(error.stop_reason(), StopReason::NotIdempotent);
//!     assert_eq!(error.request_ids().collect::<Vec<_>>(), [Some("req-3")]);
//!     Ok(())
//! }
//! ```

mod backoff;
mod breaker;
mod budget;
mod call_state;
mod idempotency;
mod monotonic_clock;
mod policy;
mod retrier;
mod retry_error;
mod run_async;
mod trace;

#[cfg(feature = "tokio")]
mod tokio;
#[cfg(feature = "tower")]
mod tower;

pub use backoff::{Backoff, Jitter};
pub use breaker::{BreakerConfig, BreakerState, CircuitBreaker};
pub use budget::{BudgetConfig, RetryBudget};
pub use call_state::Attempt;
pub use idempotency::Idempotency;
pub use monotonic_clock::{Clock, ManualClock, SystemClock};
pub use policy::{Decision, FailedAttempt, RetryPolicy, StopReason};
pub use retrier::Retrier;
pub use retry_error::RetryError;
pub use run_async::AsyncSleep;

// The vocabulary the machinery speaks, and the clock-skew correction for
// request signing: they live outside `retry`, and stay reachable here.
#[doc(no_inline)]
pub use crate::attempt_failure::{AttemptError, Failure};
#[doc(no_inline)]
pub use crate::clock_skew::{
    parse_http_date, ClockSkew, InvalidHttpDate, RejectedDate, SigningClock,
};

#[cfg(feature = "tokio")]
#[cfg_attr(docsrs, doc(cfg(feature = "tokio")))]
pub use self::tokio::TokioSleep;
#[cfg(feature = "tower")]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub use self::tower::TowerPolicy;

pub(crate) use call_state::CallState;
