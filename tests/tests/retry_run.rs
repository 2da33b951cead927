//! The blocking and async helpers: attempts, waits, refresh, deadline,
//! budget bookkeeping and the final error, on a manual clock.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use tencent_errors::retry::{
    Backoff, BudgetConfig, Idempotency, Jitter, ManualClock, Retrier, RetryBudget, RetryPolicy,
    StopReason,
};
use tencent_errors::{parse_response, CommonCode, Error};

fn answer(code: &str, request_id: &str) -> Result<serde_json::Value, Error> {
    let body = format!(
        r#"{{"Response": {{"Error": {{"Code": "{code}", "Message": "{code} happened"}}, "RequestId": "{request_id}"}}}}"#
    );
    parse_response::<serde_json::Value, CommonCode>(400, body.as_bytes()).map(|s| s.into_data())
}

fn success(request_id: &str) -> Result<serde_json::Value, Error> {
    let body = format!(r#"{{"Response": {{"RequestId": "{request_id}"}}}}"#);
    parse_response::<serde_json::Value, CommonCode>(200, body.as_bytes()).map(|s| s.into_data())
}

/// Polls a future that never waits (every sleep here returns at once).
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

fn retrier(clock: &ManualClock) -> Retrier {
    Retrier::new(RetryPolicy::default())
        .with_clock(clock.clone())
        .with_jitter(Jitter::seeded(11))
}

#[test]
fn throttled_twice_then_success_sleeps_twice_within_the_backoff() {
    let clock = ManualClock::new();
    let mut attempts = Vec::new();
    let result = retrier(&clock).run_blocking(Idempotency::NotIdempotent, |attempt| {
        attempts.push((attempt.number(), clock.elapsed()));
        match attempt.number() {
            1 | 2 => answer("RequestLimitExceeded", "throttled"),
            _ => success("ok"),
        }
    });
    assert!(result.is_ok());
    assert_eq!(attempts.len(), 3);
    let first_wait = attempts[1].1 - attempts[0].1;
    let second_wait = attempts[2].1 - attempts[1].1;
    assert!(first_wait <= Duration::from_secs(1), "{first_wait:?}");
    assert!(second_wait <= Duration::from_secs(2), "{second_wait:?}");
}

#[test]
fn no_sleep_after_the_last_attempt() {
    let clock = ManualClock::new();
    let mut last_attempt_at = Duration::ZERO;
    let error = retrier(&clock)
        .run_blocking(Idempotency::Idempotent, |_| {
            last_attempt_at = clock.elapsed();
            answer("InternalError", "r")
        })
        .unwrap_err();
    assert_eq!(error.attempts(), 3);
    assert_eq!(clock.elapsed(), last_attempt_at);
}

#[test]
fn the_final_error_keeps_every_request_id_and_says_why_it_stopped() {
    let clock = ManualClock::new();
    let mut request_ids = ["a-1", "a-2", "a-3"].into_iter();
    let error = retrier(&clock)
        .run_blocking(Idempotency::Idempotent, |_| {
            answer("InternalError", request_ids.next().unwrap())
        })
        .unwrap_err();
    assert_eq!(error.attempts(), 3);
    assert_eq!(
        error.request_ids().collect::<Vec<_>>(),
        [Some("a-1"), Some("a-2"), Some("a-3")]
    );
    assert_eq!(error.stop_reason(), StopReason::AttemptsExhausted);
    assert_eq!(
        error.to_string(),
        format!(
            "{} (3 attempts, no attempts left; RequestIds: a-1, a-2, a-3)",
            error.last().unwrap()
        )
    );
    let last: Error = error.into_inner().unwrap();
    assert_eq!(last.request_id(), Some("a-3"));
}

#[test]
fn a_refresh_error_gets_one_retry_that_is_told_to_refresh() {
    let clock = ManualClock::new();
    let mut seen = Vec::new();
    let result = retrier(&clock).run_blocking(Idempotency::NotIdempotent, |attempt| {
        seen.push((
            attempt.must_refresh(),
            attempt.previous_code().map(str::to_owned),
        ));
        if attempt.must_refresh() {
            success("fresh")
        } else {
            answer("AuthFailure.TokenFailure", "stale")
        }
    });
    assert!(result.is_ok());
    assert_eq!(
        seen,
        [
            (false, None),
            (true, Some("AuthFailure.TokenFailure".to_owned()))
        ]
    );
    assert_eq!(
        clock.elapsed(),
        Duration::ZERO,
        "a refresh retry does not wait"
    );
}

#[test]
fn a_refresh_that_does_not_help_stops_after_two_attempts() {
    let clock = ManualClock::new();
    let error = retrier(&clock)
        .run_blocking(Idempotency::Idempotent, |_| {
            answer("AuthFailure.SignatureExpire", "r")
        })
        .unwrap_err();
    assert_eq!(error.attempts(), 2);
    assert_eq!(error.stop_reason(), StopReason::RefreshDidNotHelp);
}

#[test]
fn the_deadline_stops_retries_whose_wait_would_pass_it() {
    let clock = ManualClock::new();
    let policy = RetryPolicy::default()
        .with_max_attempts(100)
        .with_backoff(Backoff::new(Duration::from_secs(1), Duration::from_secs(1)))
        .with_deadline(Duration::from_secs(10));
    let retrier = Retrier::new(policy)
        .with_clock(clock.clone())
        .with_jitter(Jitter::seeded(3));
    let error = retrier
        .run_blocking(Idempotency::Idempotent, |_| {
            clock.advance(Duration::from_secs(2)); // each attempt takes 2 s
            answer("InternalError", "r")
        })
        .unwrap_err();
    assert_eq!(error.stop_reason(), StopReason::DeadlineExceeded);
    assert!(
        error.attempts() >= 4 && error.attempts() <= 5,
        "{}",
        error.attempts()
    );
    assert!(clock.elapsed() <= Duration::from_secs(12));
}

#[test]
fn successes_refill_the_budget() {
    let clock = ManualClock::new();
    let budget = RetryBudget::new(BudgetConfig::default().with_capacity(100));
    let retrier = retrier(&clock).with_budget(budget.clone());

    // A retried success gives back the price of its last retry.
    let mut attempts = 0;
    retrier
        .run_blocking(Idempotency::Idempotent, |_| {
            attempts += 1;
            if attempts < 3 {
                answer("InternalError", "r")
            } else {
                success("ok")
            }
        })
        .unwrap();
    assert_eq!(budget.available(), 100 - 10);

    // A first-try success puts back one token.
    retrier
        .run_blocking(Idempotency::Idempotent, |_| success("ok"))
        .unwrap();
    assert_eq!(budget.available(), 91);
}

#[test]
fn an_empty_budget_returns_the_error_at_once() {
    let clock = ManualClock::new();
    let budget = RetryBudget::new(BudgetConfig::default().with_capacity(4));
    let retrier = retrier(&clock).with_budget(budget);
    let mut attempts = 0;
    let error = retrier
        .run_blocking(Idempotency::Idempotent, |_| {
            attempts += 1;
            answer("RequestLimitExceeded", "r")
        })
        .unwrap_err();
    assert_eq!(attempts, 1);
    assert_eq!(error.stop_reason(), StopReason::BudgetExhausted);
    assert_eq!(clock.elapsed(), Duration::ZERO);
}

#[test]
fn the_async_helper_waits_with_the_sleep_it_is_given() {
    let clock = ManualClock::new();
    let mut delays = Vec::new();
    let error = block_on(retrier(&clock).run(
        Idempotency::infer("DescribeStreamLiveChannels", None),
        |_| async { answer("InternalError", "r") },
        |delay: Duration| {
            delays.push(delay);
            std::future::ready(())
        },
    ))
    .unwrap_err();
    assert_eq!(error.attempts(), 3);
    assert_eq!(delays.len(), 2);
    // The async helper does not sleep on the retrier's clock.
    assert_eq!(clock.elapsed(), Duration::ZERO);

    let error = block_on(retrier(&clock).run(
        Idempotency::infer("CreateStreamLiveChannel", None),
        |_| async { answer("InternalError", "r") },
        |_: Duration| async { unreachable!("a create that may have run is not retried") },
    ))
    .unwrap_err();
    assert_eq!(error.attempts(), 1);
    assert_eq!(error.stop_reason(), StopReason::NotIdempotent);
}

#[test]
fn never_errors_are_returned_after_one_attempt() {
    let clock = ManualClock::new();
    let error = retrier(&clock)
        .run_blocking(Idempotency::Idempotent, |_| answer("InvalidParameter", "r"))
        .unwrap_err();
    assert_eq!(error.attempts(), 1);
    assert_eq!(error.stop_reason(), StopReason::NotRetryable);
    assert!(error
        .to_string()
        .contains("(1 attempt, the error is not retryable; RequestIds: r)"));
}
