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
