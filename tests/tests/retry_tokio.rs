//! With the `tokio` feature, `run_tokio` waits on tokio's timer: under
//! paused time the waits pass without real sleeping.
#![cfg(feature = "tokio")]

use std::time::Duration;

use tencent_errors::retry::{Idempotency, Jitter, Retrier, StopReason};
use tencent_errors::{parse_response, CommonCode};

#[tokio::test(start_paused = true)]
async fn run_tokio_waits_on_tokios_paused_clock() {
    let retrier = Retrier::default().with_jitter(Jitter::seeded(21));
    let start = tokio::time::Instant::now();
    let mut sent_at = Vec::new();
    let error = retrier
        .run_tokio(Idempotency::infer("DescribeStreamLiveChannels", None), |_attempt| {
            sent_at.push(start.elapsed());
            async {
                let body = br#"{"Response": {"Error": {"Code": "InternalError", "Message": ""}, "RequestId": "r"}}"#;
                parse_response::<serde_json::Value, CommonCode>(200, body)
            }
        })
        .await
        .unwrap_err();
    assert_eq!(error.attempts(), 3);
    assert_eq!(error.stop_reason(), StopReason::AttemptsExhausted);
    // The waits happened on tokio's clock, within the backoff's ceilings.
    assert_eq!(sent_at.len(), 3);
    assert!(sent_at[1] - sent_at[0] <= Duration::from_secs(1));
    assert!(sent_at[2] - sent_at[1] <= Duration::from_secs(2));
    assert!(start.elapsed() > Duration::ZERO);
}

/// An error that cannot cross threads.
#[derive(Debug)]
struct LocalError(std::rc::Rc<str>);

impl tencent_errors::retry::AttemptError for LocalError {
    fn failure(&self) -> tencent_errors::retry::Failure {
        tencent_errors::retry::Failure::TimedOut
    }
}

// Before the fix this did not compile: the error stayed alive across the
// wait, so `tokio::spawn` rejected the future as not `Send`.
#[tokio::test(start_paused = true)]
async fn run_tokio_is_send_with_an_error_that_is_not() {
    let retrier = Retrier::default().with_jitter(Jitter::seeded(3));
    let task = tokio::spawn(async move {
        let result = retrier
            .run_tokio(Idempotency::Idempotent, |_attempt| async {
                Err::<(), _>(LocalError("reset".into()))
            })
            .await;
        let error = result.unwrap_err();
        (
            error.attempts(),
            error.stop_reason(),
            error.last().map(|e| e.0.to_string()),
        )
    });
    let (attempts, reason, last) = task.await.unwrap();
    assert_eq!(attempts, 3);
    assert_eq!(reason, StopReason::AttemptsExhausted);
    assert_eq!(last.as_deref(), Some("reset"));
}

#[tokio::test(start_paused = true)]
async fn run_is_send_with_an_error_that_is_not() {
    let retrier = Retrier::default().with_jitter(Jitter::seeded(4));
    let task = tokio::spawn(async move {
        retrier
            .run(
                Idempotency::Idempotent,
                |_attempt| async { Err::<(), _>(LocalError("reset".into())) },
                tokio::time::sleep,
            )
            .await
            .unwrap_err()
            .attempts()
    });
    assert_eq!(task.await.unwrap(), 3);
}
