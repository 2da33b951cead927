//! The circuit breaker's state transitions, pinned with a manual clock.

use std::time::Duration;

use tencent_errors::retry::{
    BreakerConfig, BreakerState, CircuitBreaker, Idempotency, ManualClock, Retrier, RetryPolicy,
    StopReason,
};
use tencent_errors::{parse_response, CommonCode, Error};

const SECOND: Duration = Duration::from_secs(1);

fn breaker(config: BreakerConfig) -> (CircuitBreaker, ManualClock) {
    let clock = ManualClock::new();
    (CircuitBreaker::new(config).with_clock(clock.clone()), clock)
}

/// Records `pattern`: `F` a transient failure, `S` a success.
fn record(breaker: &CircuitBreaker, pattern: &str) {
    for outcome in pattern.chars() {
        assert!(
            breaker.try_acquire(),
            "refused before {outcome} of {pattern}"
        );
        match outcome {
            'F' => breaker.record_failure(),
            'S' => breaker.record_success(),
            _ => unreachable!(),
        }
    }
}

fn answer(code: &str, request_id: Option<&str>) -> Result<(), Error> {
    let request_id = request_id.map_or(String::new(), |id| format!(r#", "RequestId": "{id}""#));
    let body =
        format!(r#"{{"Response": {{"Error": {{"Code": "{code}", "Message": ""}}{request_id}}}}}"#);
    parse_response::<serde_json::Value, CommonCode>(400, body.as_bytes()).map(|_| ())
}

fn rate_only() -> BreakerConfig {
    BreakerConfig::default().with_consecutive_failures(0)
}

#[test]
fn opens_at_five_failures_and_a_75_percent_failure_rate() {
    let (breaker, _clock) = breaker(rate_only());
    record(&breaker, "SFFFF");
    assert_eq!(breaker.state(), BreakerState::Closed); // 4 failures: too few
    record(&breaker, "F"); // 5 of 6: 83%
    assert_eq!(breaker.state(), BreakerState::Open);
    assert!(!breaker.try_acquire());
}

#[test]
fn stays_closed_below_the_failure_rate() {
    let (breaker, _clock) = breaker(rate_only());
    record(&breaker, "SSFFFFF"); // 5 of 7: 71%
    assert_eq!(breaker.state(), BreakerState::Closed);
    record(&breaker, "F"); // 6 of 8: 75%
    assert_eq!(breaker.state(), BreakerState::Open);
}

#[test]
fn opens_on_consecutive_failures_whatever_the_rate() {
    let (breaker, _clock) = breaker(BreakerConfig::default());
    record(&breaker, &"S".repeat(100));
    record(&breaker, "FFFFSFFFF");
    assert_eq!(breaker.state(), BreakerState::Closed); // never 5 in a row
    record(&breaker, "F");
    assert_eq!(breaker.state(), BreakerState::Open);
}

#[test]
fn failures_older_than_the_window_do_not_count() {
    let (breaker, clock) = breaker(rate_only().with_window(Duration::from_secs(60)));
    record(&breaker, "FFFF");
    clock.advance(61 * SECOND);
    record(&breaker, "FFFF");
    assert_eq!(breaker.state(), BreakerState::Closed);
    clock.advance(10 * SECOND);
    record(&breaker, "F"); // 5 within the last 60 s
    assert_eq!(breaker.state(), BreakerState::Open);
}

#[test]
fn open_refuses_until_the_open_period_ends_then_probes_close_it() {
    let (breaker, clock) = breaker(BreakerConfig::default());
    record(&breaker, "FFFFF");
    clock.advance(59 * SECOND);
    assert_eq!(breaker.state(), BreakerState::Open);
    assert!(!breaker.try_acquire());

    clock.advance(SECOND);
    assert_eq!(breaker.state(), BreakerState::HalfOpen);
    // Three probes go through, a fourth waits for their answers.
    assert!(breaker.try_acquire());
    assert!(breaker.try_acquire());
    assert!(breaker.try_acquire());
    assert!(!breaker.try_acquire());
    breaker.record_success();
    breaker.record_success();
    assert_eq!(breaker.state(), BreakerState::HalfOpen);
    breaker.record_success();
    assert_eq!(breaker.state(), BreakerState::Closed);
    // Closed afresh: the old failures are forgotten.
    record(&breaker, "FFFF");
    assert_eq!(breaker.state(), BreakerState::Closed);
}

#[test]
fn a_failed_probe_reopens_for_another_period() {
    let (breaker, clock) = breaker(BreakerConfig::default());
    record(&breaker, "FFFFF");
    clock.advance(60 * SECOND);
    assert!(breaker.try_acquire());
    breaker.record_success();
    assert!(breaker.try_acquire());
    breaker.record_failure();
    assert_eq!(breaker.state(), BreakerState::Open);
    clock.advance(59 * SECOND);
    assert!(!breaker.try_acquire());
    clock.advance(SECOND);
    assert_eq!(breaker.state(), BreakerState::HalfOpen);
}

#[test]
fn probes_whose_answers_never_come_do_not_block_forever() {
    let (breaker, clock) = breaker(BreakerConfig::default().with_probes(1));
    record(&breaker, "FFFFF");
    clock.advance(60 * SECOND);
    assert!(breaker.try_acquire()); // this probe's call is dropped
    assert!(!breaker.try_acquire());
    clock.advance(60 * SECOND);
    assert!(breaker.try_acquire());
    breaker.record_success();
    assert_eq!(breaker.state(), BreakerState::Closed);
}

#[test]
fn only_transient_failures_count_and_answers_with_a_request_id_are_successes() {
    let (breaker, _clock) = breaker(BreakerConfig::default());
    for _ in 0..4 {
        breaker.record(&answer("InternalError", Some("r")));
    }
    // A throttled answer and a wrong parameter: the endpoint works.
    breaker.record(&answer("RequestLimitExceeded", Some("r")));
    breaker.record(&answer("InvalidParameter", Some("r")));
    for _ in 0..4 {
        breaker.record(&answer("InternalError", Some("r")));
    }
    // Never 5 transient failures in a row, but 6 of the last 8 answers: 75%.
    assert_eq!(breaker.state(), BreakerState::Open);

    let (breaker, _clock) = self::breaker(BreakerConfig::default());
    for _ in 0..4 {
        breaker.record(&answer("InternalError", None));
    }
    // Not transient and no RequestId: counts neither way.
    breaker.record(&answer("InvalidParameter", None));
    assert_eq!(breaker.state(), BreakerState::Closed);
    breaker.record(&answer("InternalError", None));
    assert_eq!(breaker.state(), BreakerState::Open);
}

#[test]
fn a_plain_success_is_never_counted_as_a_failure() {
    // The Tencent Go SDK's breaker counted successes as failures.
    let (breaker, _clock) = breaker(BreakerConfig::default());
    for _ in 0..1000 {
        breaker.record(&Ok::<(), Error>(()));
    }
    assert_eq!(breaker.state(), BreakerState::Closed);
}

#[test]
fn an_open_breaker_refuses_a_call_before_its_first_attempt() {
    let (breaker, clock) = breaker(BreakerConfig::default());
    let retrier = Retrier::new(RetryPolicy::default())
        .with_breaker(breaker.clone())
        .with_clock(clock.clone());
    let internal_error = || answer("InternalError", Some("r"));
    let describe = Idempotency::infer("DescribeStreamLiveChannels", None);

    // Two calls of three attempts: the fifth transient failure opens the
    // breaker, and the sixth attempt is refused.
    let first = retrier
        .run_blocking(describe, |_| internal_error())
        .unwrap_err();
    assert_eq!(first.attempts(), 3);
    let second = retrier
        .run_blocking(describe, |_| internal_error())
        .unwrap_err();
    assert_eq!(second.attempts(), 2);
    assert_eq!(second.stop_reason(), StopReason::CircuitOpen);
    assert!(second.is_circuit_open());

    let mut sent = 0;
    let refused = retrier
        .run_blocking(describe, |_| {
            sent += 1;
            internal_error()
        })
        .unwrap_err();
    assert_eq!(sent, 0);
    assert_eq!(refused.attempts(), 0);
    assert!(refused.last().is_none());
    assert_eq!(
        refused.to_string(),
        "no attempt made: the endpoint's circuit breaker is open"
    );

    // After the open period, probes go through and successes close it.
    clock.advance(60 * SECOND);
    for _ in 0..3 {
        retrier
            .run_blocking(describe, |_| Ok::<_, Error>(()))
            .unwrap();
    }
    assert_eq!(breaker.state(), BreakerState::Closed);
}

#[test]
fn a_breaker_open_for_duration_max_stays_open_indefinitely() {
    let config = BreakerConfig::default().with_open_for(Duration::MAX);
    let (breaker, clock) = breaker(config);
    record(&breaker, "FFFFF");
    assert_eq!(breaker.state(), BreakerState::Open);
    assert!(!breaker.try_acquire());
    // Failures of requests sent before it opened leave it open and consistent.
    breaker.record_failure();
    breaker.record_success();
    clock.advance(Duration::from_secs(u64::from(u32::MAX)));
    assert_eq!(breaker.state(), BreakerState::Open);
    assert!(!breaker.try_acquire());
}
