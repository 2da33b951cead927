//! `tracing` spans of a call and of each attempt, named as OpenTelemetry's
//! RPC conventions name them, behind the `tracing` feature; without it these
//! types are empty and do nothing.
//!
//! The list of spans and fields is documented on [`crate::retry`]; keep the
//! two in step.

use core::future::Future;

use super::{Call, Decision, Failure, StopReason};

/// The target of every span, for filters such as
/// `RUST_LOG=tencent_errors::retry=info`.
#[cfg(feature = "tracing")]
const TARGET: &str = "tencent_errors::retry";

/// The span of one call, from its first attempt to its outcome.
#[derive(Debug, Clone)]
pub(crate) struct CallSpan {
    #[cfg(feature = "tracing")]
    span: tracing::Span,
}

/// The span of one attempt: the limiter's wait, the request, and the
/// decision taken on its outcome.
#[derive(Debug, Clone)]
pub(crate) struct AttemptSpan {
    #[cfg(feature = "tracing")]
    span: tracing::Span,
}

/// `service/action`, the span name OpenTelemetry gives an RPC.
#[cfg(feature = "tracing")]
fn otel_name(call: &Call) -> String {
    match (call.service(), call.action()) {
        (Some(service), Some(action)) => format!("{service}/{action}"),
        (None, Some(action)) => action.to_owned(),
        _ => "tencentcloud".to_owned(),
    }
}

/// `error.type` of a call stopped before any answer: the reason, or
/// OpenTelemetry's `_OTHER`.
#[cfg(feature = "tracing")]
fn stop_error_type(reason: StopReason) -> &'static str {
    match reason {
        StopReason::CircuitOpen => "tencentcloud.circuit_open",
        StopReason::RateLimited => "tencentcloud.rate_limited",
        _ => "_OTHER",
    }
}

#[cfg(feature = "tracing")]
fn millis(duration: core::time::Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

impl CallSpan {
    pub(crate) fn start(call: &Call) -> CallSpan {
        #[cfg(feature = "tracing")]
        {
            let span = tracing::info_span!(
                target: TARGET,
                "tencentcloud.call",
                otel.name = %otel_name(call),
                otel.kind = "client",
                otel.status_code = tracing::field::Empty,
                rpc.system = "tencentcloud",
                rpc.service = call.service(),
                rpc.method = call.action(),
                error.type = tracing::field::Empty,
                tencentcloud.request_id = tracing::field::Empty,
                tencentcloud.attempts = tracing::field::Empty,
                tencentcloud.stop_reason = tracing::field::Empty,
            );
            CallSpan { span }
        }
        #[cfg(not(feature = "tracing"))]
        {
            let _ = call;
            CallSpan {}
        }
    }

    /// The span of attempt `number`, a child of the call's.
    pub(crate) fn attempt(&self, call: &Call, number: u32) -> AttemptSpan {
        #[cfg(feature = "tracing")]
        {
            let span = tracing::info_span!(
                target: TARGET,
                parent: &self.span,
                "tencentcloud.attempt",
                otel.name = %otel_name(call),
                otel.kind = "client",
                otel.status_code = tracing::field::Empty,
                rpc.system = "tencentcloud",
                rpc.service = call.service(),
                rpc.method = call.action(),
                tencentcloud.attempt = number,
                tencentcloud.limiter_wait_ms = tracing::field::Empty,
                http.response.status_code = tracing::field::Empty,
                error.type = tracing::field::Empty,
                tencentcloud.request_id = tracing::field::Empty,
                tencentcloud.retry_class = tracing::field::Empty,
                tencentcloud.retry_decision = tracing::field::Empty,
                tencentcloud.retry_wait_ms = tracing::field::Empty,
            );
            AttemptSpan { span }
        }
        #[cfg(not(feature = "tracing"))]
        {
            let _ = (call, number);
            AttemptSpan {}
        }
    }

    pub(crate) fn succeeded(&self, attempts: u32) {
        #[cfg(feature = "tracing")]
        self.span.record("tencentcloud.attempts", attempts);
        #[cfg(not(feature = "tracing"))]
        let _ = attempts;
    }

    pub(crate) fn stopped(
        &self,
        attempts: u32,
        reason: StopReason,
        error_type: Option<&str>,
        request_id: Option<&str>,
    ) {
        #[cfg(feature = "tracing")]
        {
            let span = &self.span;
            span.record("otel.status_code", "ERROR");
            span.record("tencentcloud.attempts", attempts);
            span.record("tencentcloud.stop_reason", reason.as_str());
            span.record("error.type", error_type.unwrap_or(stop_error_type(reason)));
            if let Some(request_id) = request_id {
                span.record(
                    "tencentcloud.request_id",
                    tracing::field::display(crate::escape::Bounded::new(request_id, 64)),
                );
            }
        }
        #[cfg(not(feature = "tracing"))]
        let _ = (attempts, reason, error_type, request_id);
    }
}

impl AttemptSpan {
    /// Runs `f` inside the span (the blocking runner).
    pub(crate) fn in_scope<R>(&self, f: impl FnOnce() -> R) -> R {
        #[cfg(feature = "tracing")]
        return self.span.in_scope(f);
        #[cfg(not(feature = "tracing"))]
        f()
    }

    /// `future`, entering the span whenever it is polled (the async
    /// runners).
    pub(crate) fn instrument<F: Future>(&self, future: F) -> impl Future<Output = F::Output> {
        #[cfg(feature = "tracing")]
        return tracing::Instrument::instrument(future, self.span.clone());
        #[cfg(not(feature = "tracing"))]
        future
    }

    #[cfg(feature = "limiter")]
    pub(crate) fn limiter_waited(&self, wait: core::time::Duration) {
        #[cfg(feature = "tracing")]
        self.span
            .record("tencentcloud.limiter_wait_ms", millis(wait));
        #[cfg(not(feature = "tracing"))]
        let _ = wait;
    }

    /// The attempt failed with `failure`, and the retrier decided.
    pub(crate) fn failed(
        &self,
        failure: Failure,
        error_type: &str,
        request_id: Option<&str>,
        decision: Decision,
    ) {
        #[cfg(feature = "tracing")]
        {
            let span = &self.span;
            span.record("otel.status_code", "ERROR");
            span.record("error.type", error_type);
            span.record("tencentcloud.retry_class", failure.retry_class().as_str());
            if let Some(request_id) = request_id {
                span.record(
                    "tencentcloud.request_id",
                    tracing::field::display(crate::escape::Bounded::new(request_id, 64)),
                );
            }
            match decision {
                Decision::RetryAfter(wait) => {
                    span.record("tencentcloud.retry_decision", "retry");
                    span.record("tencentcloud.retry_wait_ms", millis(wait));
                }
                Decision::RefreshThenRetry => {
                    span.record("tencentcloud.retry_decision", "refresh");
                    span.record("tencentcloud.retry_wait_ms", 0u64);
                }
                Decision::Stop(_) => {
                    span.record("tencentcloud.retry_decision", "stop");
                }
            }
        }
        #[cfg(not(feature = "tracing"))]
        let _ = (failure, error_type, request_id, decision);
    }
}
