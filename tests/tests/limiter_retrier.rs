//! The retrier with a client-side rate limiter: every attempt waits for its
//! slot, throttling answers teach the limiter, and an attempt whose turn is
//! too far away is not sent. Time is a manual clock: nothing here sleeps.
#![cfg(feature = "limiter")]

use std::cell::Cell;
use std::future::Future;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use tencent_errors::limiter::{AdaptiveLimiter, LimitKey, LimiterConfig};
use tencent_errors::retry::{Call, Idempotency, Jitter, ManualClock, Retrier, StopReason};
use tencent_errors::{parse_response, Error, Success};

const THROTTLED: &str = r#"{"Response": {"Error": {"Code": "RequestLimitExceeded",
    "Message": "Your current request times equals to 21 in a second, which exceeds the frequency limit 20 for a second."},
    "RequestId": "throttled"}}"#;
const OK: &str = r#"{"Response": {"TotalCount": 0, "RequestId": "ok"}}"#;

type Outcome = Result<Success<serde_json::Value>, Error>;

fn answer(body: &str) -> Outcome {
    parse_response(200, body.as_bytes())
}

struct Fixture {
    clock: ManualClock,
    limiter: AdaptiveLimiter,
    retrier: Retrier,
}

fn fixture(config: LimiterConfig) -> Fixture {
    let clock = ManualClock::new();
    let limiter = AdaptiveLimiter::new(config).with_clock(clock.clone());
    let retrier = Retrier::default()
        .with_clock(clock.clone())
        .with_jitter(Jitter::seeded(12))
        .with_limiter(limiter.clone(), "100012345678", "ap-guangzhou");
    Fixture {
        clock,
        limiter,
        retrier,
    }
}

fn key(action: &str) -> LimitKey {
    LimitKey::new("100012345678", "ap-guangzhou", action)
}

/// Runs a future whose every wait is a manual clock's: it never pends.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("only manual-clock sleeps here"),
    }
}

#[test]
fn a_throttling_answer_makes_the_next_call_wait_out_the_window() {
    let fixture = fixture(LimiterConfig::default());
    let mut answers = [THROTTLED, OK].into_iter();
    let success = fixture
        .retrier
        .run_blocking(Call::new("cvm", "DescribeInstances"), |_| {
            answer(answers.next().unwrap())
        })
        .unwrap();
    assert_eq!(success.request_id(), "ok");
    // The retry waited for the window the throttling answer used up.
    assert!(fixture.clock.elapsed() >= Duration::from_secs(1));
    assert!(fixture.limiter.is_limiting(&key("DescribeInstances")));
    // The rate stays under the 20 a second the message stated.
    assert!(fixture.limiter.rate(&key("DescribeInstances")).unwrap() <= 19.4);
    // Other actions have limits of their own.
    assert!(!fixture.limiter.is_limiting(&key("DescribeRegions")));
}

#[test]
fn an_attempt_whose_turn_is_too_far_away_is_not_sent() {
    let fixture = fixture(LimiterConfig::default().with_max_wait(Duration::ZERO));
    let sent = Cell::new(0);
    let error = fixture
        .retrier
        .run_blocking(Call::new("cvm", "DescribeInstances"), |_| {
            sent.set(sent.get() + 1);
            answer(THROTTLED)
        })
        .unwrap_err();
    assert_eq!(sent.get(), 1, "the retry was refused before sending");
    assert_eq!(error.stop_reason(), StopReason::RateLimited);
    assert_eq!(error.request_ids().collect::<Vec<_>>(), [Some("throttled")]);
    let refused = error.refused_by_limiter().unwrap();
    assert_eq!(refused.key(), &key("DescribeInstances"));
    assert!(refused.wait() > Duration::ZERO);
    assert!(
        error.to_string().starts_with(
            "not sent: the client-side rate limit of 100012345678/ap-guangzhou/DescribeInstances would delay it"
        ),
        "{error}"
    );
    assert!(
        error.to_string().ends_with("(after 1 failed attempt)"),
        "{error}"
    );
}

#[test]
fn a_configured_rate_spaces_calls_on_any_runner() {
    let config = LimiterConfig::default()
        .with_rate("DescribeInstances", NonZeroU32::new(4).unwrap())
        .with_max_wait(Duration::from_secs(10));
    let fixture = fixture(config);
    let waits = Arc::new(Mutex::new(Vec::new()));
    for _ in 0..5 {
        let (clock, waits) = (fixture.clock.clone(), waits.clone());
        block_on(fixture.retrier.run(
            Call::new("cvm", "DescribeInstances"),
            |_| async { answer(OK) },
            move |wait: Duration| {
                waits.lock().unwrap().push(wait);
                clock.advance(wait);
                std::future::ready(())
            },
        ))
        .unwrap();
    }
    // Four a second: every call after the first waited a quarter second.
    assert_eq!(
        *waits.lock().unwrap(),
        [Duration::from_millis(250); 4],
        "one wait per call after the first"
    );
    assert_eq!(fixture.clock.elapsed(), Duration::from_secs(1));
}

#[test]
fn a_call_that_names_no_action_is_not_limited() {
    let fixture = fixture(LimiterConfig::default().with_default_rate(NonZeroU32::new(1).unwrap()));
    for _ in 0..10 {
        fixture
            .retrier
            .run_blocking(Idempotency::Idempotent, |_| answer(OK))
            .unwrap();
    }
    assert_eq!(fixture.clock.elapsed(), Duration::ZERO);
}

#[test]
fn retries_wait_for_the_backoff_and_then_for_their_slot() {
    let config = LimiterConfig::default()
        .with_rate("DescribeInstances", NonZeroU32::new(1).unwrap())
        .with_max_wait(Duration::from_secs(10));
    let fixture = fixture(config);
    let internal =
        r#"{"Response": {"Error": {"Code": "InternalError", "Message": ""}, "RequestId": "e"}}"#;
    let mut answers = [internal, OK].into_iter();
    fixture
        .retrier
        .run_blocking(Call::new("cvm", "DescribeInstances"), |_| {
            answer(answers.next().unwrap())
        })
        .unwrap();
    // The backoff is at most 1 s, the slot a second after the first: the
    // retry went out exactly one second after the first attempt.
    assert_eq!(fixture.clock.elapsed(), Duration::from_secs(1));
}
