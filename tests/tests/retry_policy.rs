//! Decision tables of the retry policy: every retry class (and transport
//! failure) x idempotency x attempt, then refresh, deadline and backoff.

use std::time::Duration;

use tencent_errors::retry::{
    Backoff, Decision, FailedAttempt, Failure, Idempotency, Jitter, RetryPolicy, StopReason,
};
use tencent_errors::RetryClass;

use Idempotency::{Idempotent, NotIdempotent};

/// What the policy must answer; the delay of a retry is checked separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Retry,
    Refresh,
    Stop(StopReason),
}

use Expect::{Refresh, Retry, Stop};

const NEVER: Failure = Failure::Answered(RetryClass::Never);
const THROTTLING: Failure = Failure::Answered(RetryClass::Throttling);
const TRANSIENT: Failure = Failure::Answered(RetryClass::Transient);
const REFRESH: Failure = Failure::Answered(RetryClass::Refresh);

const NOT_RETRYABLE: Expect = Stop(StopReason::NotRetryable);
const NOT_IDEMPOTENT: Expect = Stop(StopReason::NotIdempotent);
const EXHAUSTED: Expect = Stop(StopReason::AttemptsExhausted);

/// With the default 3 attempts: the answer after attempt 1, 2 and 3 failed.
const TABLE: &[(Failure, Idempotency, [Expect; 3])] = &[
    (
        NEVER,
        Idempotent,
        [NOT_RETRYABLE, NOT_RETRYABLE, NOT_RETRYABLE],
    ),
    (
        NEVER,
        NotIdempotent,
        [NOT_RETRYABLE, NOT_RETRYABLE, NOT_RETRYABLE],
    ),
    (THROTTLING, Idempotent, [Retry, Retry, EXHAUSTED]),
    (THROTTLING, NotIdempotent, [Retry, Retry, EXHAUSTED]),
    (TRANSIENT, Idempotent, [Retry, Retry, EXHAUSTED]),
    (
        TRANSIENT,
        NotIdempotent,
        [NOT_IDEMPOTENT, NOT_IDEMPOTENT, NOT_IDEMPOTENT],
    ),
    (REFRESH, Idempotent, [Refresh, Refresh, EXHAUSTED]),
    (REFRESH, NotIdempotent, [Refresh, Refresh, EXHAUSTED]),
    (Failure::NotConnected, Idempotent, [Retry, Retry, EXHAUSTED]),
    (
        Failure::NotConnected,
        NotIdempotent,
        [Retry, Retry, EXHAUSTED],
    ),
    (Failure::TimedOut, Idempotent, [Retry, Retry, EXHAUSTED]),
    (
        Failure::TimedOut,
        NotIdempotent,
        [NOT_IDEMPOTENT, NOT_IDEMPOTENT, NOT_IDEMPOTENT],
    ),
];

fn expect(decision: Decision) -> Expect {
    match decision {
        Decision::RetryAfter(_) => Retry,
        Decision::RefreshThenRetry => Refresh,
        Decision::Stop(reason) => Stop(reason),
        other => panic!("a decision the table does not know: {other:?}"),
    }
}

#[test]
fn table_covers_every_class_and_transport_failure_with_both_idempotencies() {
    let mut failures: Vec<Failure> = RetryClass::ALL
        .iter()
        .map(|&class| Failure::Answered(class))
        .collect();
    failures.extend([Failure::NotConnected, Failure::TimedOut]);
    for failure in failures {
        for idempotency in [Idempotent, NotIdempotent] {
            let rows = TABLE
                .iter()
                .filter(|(f, i, _)| *f == failure && *i == idempotency)
                .count();
            assert_eq!(rows, 1, "{failure:?} x {idempotency:?}");
        }
    }
}

#[test]
fn default_policy_follows_the_decision_table() {
    let policy = RetryPolicy::default();
    assert_eq!(policy.max_attempts(), 3);
    let jitter = Jitter::seeded(1);
    for &(failure, idempotency, expected) in TABLE {
        for (attempt, expected) in (1..).zip(expected) {
            let failed = FailedAttempt::new(failure, idempotency, attempt);
            let decision = policy.decide(&failed, &jitter);
            assert_eq!(
                expect(decision),
                expected,
                "{failure:?}, {idempotency:?}, attempt {attempt}"
            );
        }
    }
}

#[test]
fn one_attempt_policy_never_retries() {
    let policy = RetryPolicy::no_retries();
    let jitter = Jitter::seeded(1);
    for &(failure, idempotency, expected) in TABLE {
        let decision = policy.decide(&FailedAttempt::new(failure, idempotency, 1), &jitter);
        // The class rules still give their reason; everything else has no attempts left.
        let wanted = match expected[0] {
            Retry | Refresh => EXHAUSTED,
            stop => stop,
        };
        assert_eq!(expect(decision), wanted, "{failure:?}, {idempotency:?}");
    }
}

#[test]
fn a_second_refresh_failure_stops() {
    let policy = RetryPolicy::default();
    for idempotency in [Idempotent, NotIdempotent] {
        let failed = FailedAttempt::new(REFRESH, idempotency, 2).with_refresh_done(true);
        assert_eq!(
            policy.decide(&failed, &Jitter::seeded(1)),
            Decision::Stop(StopReason::RefreshDidNotHelp)
        );
    }
}

#[test]
fn refresh_retries_at_once_and_other_retries_wait_within_the_backoff() {
    let policy = RetryPolicy::default().with_max_attempts(10);
    let jitter = Jitter::seeded(99);
    let refresh = FailedAttempt::new(REFRESH, NotIdempotent, 1);
    assert_eq!(
        policy.decide(&refresh, &jitter).delay(),
        Some(Duration::ZERO)
    );
    for attempt in 1..10 {
        let failed = FailedAttempt::new(THROTTLING, NotIdempotent, attempt);
        let delay = policy.decide(&failed, &jitter).delay().unwrap();
        assert!(
            delay <= Backoff::DEFAULT.ceiling(attempt),
            "attempt {attempt}: {delay:?}"
        );
    }
}

#[test]
fn no_retry_whose_wait_would_pass_the_deadline() {
    let backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(1));
    let policy = RetryPolicy::default()
        .with_max_attempts(10)
        .with_backoff(backoff)
        .with_deadline(Duration::from_secs(5));
    let jitter = Jitter::seeded(5);
    let early = FailedAttempt::new(THROTTLING, Idempotent, 1).with_elapsed(Duration::from_secs(3));
    assert!(matches!(
        policy.decide(&early, &jitter),
        Decision::RetryAfter(_)
    ));
    let late = FailedAttempt::new(THROTTLING, Idempotent, 1).with_elapsed(Duration::from_secs(5));
    assert_eq!(
        policy.decide(&late, &jitter),
        Decision::Stop(StopReason::DeadlineExceeded)
    );
    // The refresh retry does not wait, but is still bounded by the deadline.
    let refresh = FailedAttempt::new(REFRESH, Idempotent, 1).with_elapsed(Duration::from_secs(6));
    assert_eq!(
        policy.decide(&refresh, &jitter),
        Decision::Stop(StopReason::DeadlineExceeded)
    );
}

#[test]
fn seeded_jitter_makes_delays_reproducible() {
    let policy = RetryPolicy::default();
    let delays = |seed| {
        let jitter = Jitter::seeded(seed);
        (1..3)
            .map(|attempt| {
                let failed = FailedAttempt::new(THROTTLING, Idempotent, attempt);
                policy.decide(&failed, &jitter).delay().unwrap()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(delays(42), delays(42));
    assert_ne!(delays(42), delays(43));
}

#[test]
fn idempotency_is_inferred_from_the_action_or_a_client_token() {
    for action in [
        "DescribeStreamLiveChannels",
        "GetMonitorData",
        "ListUsers",
        "QueryCustomersCredit",
        "CheckDomain",
        "InquiryPriceRunInstances",
    ] {
        assert_eq!(Idempotency::infer(action, None), Idempotent, "{action}");
    }
    for action in [
        "CreateStreamLiveChannel",
        "RunInstances",
        "DeleteUser",
        "Checkout",
    ] {
        assert_eq!(Idempotency::infer(action, None), NotIdempotent, "{action}");
        assert_eq!(
            Idempotency::infer(action, Some("token")),
            Idempotent,
            "{action}"
        );
    }
}

#[test]
fn a_client_token_of_only_whitespace_does_not_make_a_request_idempotent() {
    for token in ["", " ", "\t", " \n\r "] {
        assert_eq!(
            Idempotency::infer("RunInstances", Some(token)),
            NotIdempotent,
            "{token:?}"
        );
    }
    assert_eq!(
        Idempotency::infer("RunInstances", Some(" 5f0c7a1e ")),
        Idempotent
    );
    assert_eq!(
        Idempotency::infer("DescribeInstances", Some(" ")),
        Idempotent
    );
}
