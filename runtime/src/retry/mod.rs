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
//! a `tower` middleware with `TowerPolicy` (feature `tower`). Pass a
//! [`Call`] (`Call::new("cvm", "DescribeInstances")`) to name what is
//! called, or an [`Idempotency`] alone. With the `limiter` feature,
//! `Retrier::with_limiter` shapes every attempt by a client-side rate
//! limit learned from throttling answers (module `limiter`). The core
//! needs none of these crates.
//!
//! # Telemetry (feature `tracing`)
//!
//! Each call of `run_blocking`, `run` and `run_tokio` is a span, and each
//! attempt a child span, with OpenTelemetry's names where its conventions
//! have one ([RPC spans], [`error.type`]): the `tracing-opentelemetry` layer
//! exports them as client spans named `service/action`. Every retry and stop
//! is also an event (target `tencent_errors::retry`, level `DEBUG`). All
//! spans are `INFO`, target `tencent_errors::retry`.
//!
//! | field | span | value |
//! |---|---|---|
//! | `otel.name` | both | `cvm/DescribeInstances` (`service/action`; the action alone, or `tencentcloud`, when not named) |
//! | `otel.kind` | both | `client` |
//! | `otel.status_code` | both | `ERROR` when the attempt or call failed; absent otherwise |
//! | `rpc.system` | both | `tencentcloud` |
//! | `rpc.service` | both | the service (product) of the [`Call`]: `cvm`, `mdl` |
//! | `rpc.method` | both | the action of the [`Call`]: `DescribeInstances` |
//! | `error.type` | both | the error code when the enum knows it (`RequestLimitExceeded`), `_OTHER` for one it does not, `tencentcloud.invalid_body`, `tencentcloud.not_connected`, `tencentcloud.timed_out`; on a call stopped before any answer, `tencentcloud.circuit_open` or `tencentcloud.rate_limited` ([`AttemptError::error_type`]) |
//! | `tencentcloud.request_id` | both | the RequestId of the failed attempt (of the last one, on the call); escaped, at most 64 bytes |
//! | `tencentcloud.attempts` | call | how many attempts were sent, once it ends |
//! | `tencentcloud.stop_reason` | call | why a failed call stopped ([`StopReason`]) |
//! | `tencentcloud.attempt` | attempt | its number, 1 for the first |
//! | `tencentcloud.limiter_wait_ms` | attempt | how long the client-side rate limiter held it (feature `limiter`) |
//! | `tencentcloud.retry_class` | attempt | the failure's [`RetryClass`](crate::RetryClass): `throttling`, `transient`, `refresh`, `never` |
//! | `tencentcloud.retry_decision` | attempt | `retry`, `refresh` (retry at once, after refreshing) or `stop` |
//! | `tencentcloud.retry_wait_ms` | attempt | the backoff before the next attempt, when retried |
//! | `http.response.status_code` | attempt | the HTTP status, recorded by `tencent_errors::http` (features `http`, `reqwest`) |
//!
//! The values of `error.type`, `otel.name` and the `rpc.*` fields come from
//! the code enums and the [`Call`], never from what a server sends, so their
//! cardinality stays bounded. The tower middleware (`TowerPolicy`) makes no
//! spans: tower's own tracing layers wrap the service.
//!
//! [RPC spans]: https://opentelemetry.io/docs/specs/semconv/rpc/rpc-spans/
//! [`error.type`]: https://opentelemetry.io/docs/specs/semconv/attributes-registry/error/
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
mod call;
mod call_state;
mod idempotency;
mod monotonic_clock;
mod policy;
mod retrier;
mod retry_error;
mod run_async;
mod spans;
mod trace;

#[cfg(feature = "limiter")]
mod rate_limit;

#[cfg(feature = "tokio")]
mod tokio;
#[cfg(feature = "tower")]
mod tower;

pub use backoff::{Backoff, Jitter};
pub use breaker::{BreakerConfig, BreakerState, CircuitBreaker};
pub use budget::{BudgetConfig, RetryBudget};
pub use call::Call;
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
