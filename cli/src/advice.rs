//! What a retry class means and what the runtime's default retry policy
//! does with it, for an idempotent action and for one that is not: the
//! words and JSON tokens `explain` and `decode` print.

use tencent_errors::retry::{
    Decision, FailedAttempt, Idempotency, Jitter, RetryPolicy, StopReason,
};
use tencent_errors::{Failure, RetryClass};

/// What the default retry policy does after a first attempt failed with
/// `retry`, for an action of `idempotency`.
pub fn decision(retry: RetryClass, idempotency: Idempotency) -> Decision {
    let attempt = FailedAttempt::new(Failure::Answered(retry), idempotency, 1);
    // The seed only draws the wait, which is not shown.
    RetryPolicy::default().decide(&attempt, &Jitter::seeded(0))
}

/// A decision in a few words.
pub fn decision_text(decision: &Decision) -> String {
    match decision {
        Decision::RetryAfter(_) => "retry after a backoff".to_owned(),
        Decision::RefreshThenRetry => {
            "refresh the clock or credentials, then retry once".to_owned()
        }
        Decision::Stop(reason) => format!("stop: {reason}"),
        _ => format!("{decision:?}"),
    }
}

/// A decision as a stable token for JSON: `retry`, `refresh_then_retry`,
/// `stop`.
pub fn decision_token(decision: &Decision) -> &'static str {
    match decision {
        Decision::RetryAfter(_) => "retry",
        Decision::RefreshThenRetry => "refresh_then_retry",
        Decision::Stop(_) => "stop",
        _ => "other",
    }
}

/// Why a decision stops, as a stable token for JSON; `None` for a retry.
pub fn stop_token(decision: &Decision) -> Option<&'static str> {
    match decision {
        Decision::Stop(reason) => Some(match reason {
            StopReason::NotRetryable => "not_retryable",
            StopReason::NotIdempotent => "not_idempotent",
            StopReason::RefreshDidNotHelp => "refresh_did_not_help",
            StopReason::AttemptsExhausted => "attempts_exhausted",
            StopReason::DeadlineExceeded => "deadline_exceeded",
            StopReason::BudgetExhausted => "budget_exhausted",
            StopReason::CircuitOpen => "circuit_open",
            _ => "other",
        }),
        _ => None,
    }
}

/// What a retry class means, in one line.
pub fn retry_meaning(retry: RetryClass) -> &'static str {
    match retry {
        RetryClass::Never => "fix the request: sending it again cannot succeed",
        RetryClass::Throttling => "a rate limit rejected the request before it ran",
        RetryClass::Transient => "the service failed, perhaps after the request ran",
        RetryClass::Refresh => "re-sign with a corrected clock or fetch new credentials",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transient_stops_a_write_but_not_a_read() {
        let read = decision(RetryClass::Transient, Idempotency::Idempotent);
        let write = decision(RetryClass::Transient, Idempotency::NotIdempotent);
        assert_eq!(decision_token(&read), "retry");
        assert_eq!(stop_token(&write), Some("not_idempotent"));
    }
}
