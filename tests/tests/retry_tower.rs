//! With the `tower` feature, `TowerPolicy` retries a `tower::Service` as
//! the retrier does, and the final error carries every attempt.
#![cfg(feature = "tower")]

use std::future::Future;
use std::pin::pin;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use tencent_errors::retry::{Idempotency, Jitter, Retrier, RetryError, StopReason, TowerPolicy};
use tencent_errors::{parse_response, CommonCode, Error, Success};
use tower::retry::Retry;
use tower::{service_fn, Service};

#[derive(Debug, Clone)]
struct Request {
    action: &'static str,
}

fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

fn envelope(code: Option<&str>, request_id: String) -> Result<Success<serde_json::Value>, Error> {
    let body = match code {
        Some(code) => format!(
            r#"{{"Response": {{"Error": {{"Code": "{code}", "Message": ""}}, "RequestId": "{request_id}"}}}}"#
        ),
        None => format!(r#"{{"Response": {{"RequestId": "{request_id}"}}}}"#),
    };
    parse_response::<serde_json::Value, CommonCode>(200, body.as_bytes())
}

/// A retrying service, how often its inner service was called, and the
/// delays its policy slept.
struct Fixture<S> {
    service: S,
    calls: Arc<AtomicU32>,
    delays: Arc<Mutex<Vec<Duration>>>,
}

/// The policy around a service answering with `codes` in turn (`None`: success).
fn retrying_service(
    codes: &'static [Option<&'static str>],
) -> Fixture<impl Service<Request, Response = Success<serde_json::Value>, Error = RetryError<Error>>>
{
    let calls = Arc::new(AtomicU32::new(0));
    let delays: Arc<Mutex<Vec<Duration>>> = Arc::default();
    let counter = calls.clone();
    let inner = service_fn(move |request: Request| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        let code = codes[(n as usize).min(codes.len() - 1)];
        let result = envelope(code, format!("{}-{}", request.action, n + 1));
        async move { result.map_err(RetryError::from) }
    });
    let recorded = delays.clone();
    let policy = TowerPolicy::new(
        Retrier::default().with_jitter(Jitter::seeded(8)),
        |request: &Request| Idempotency::infer(request.action, None),
        move |delay: Duration| {
            recorded.lock().unwrap().push(delay);
            std::future::ready(())
        },
    );
    Fixture {
        service: Retry::new(policy, inner),
        calls,
        delays,
    }
}

#[test]
fn throttled_twice_then_success() {
    const CODES: &[Option<&str>] = &[
        Some("RequestLimitExceeded"),
        Some("RequestLimitExceeded"),
        None,
    ];
    let Fixture {
        mut service,
        calls,
        delays,
    } = retrying_service(CODES);
    let success = block_on(service.call(Request {
        action: "CreateStreamLiveChannel",
    }))
    .unwrap();
    assert_eq!(success.request_id(), "CreateStreamLiveChannel-3");
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    let delays = delays.lock().unwrap();
    assert_eq!(delays.len(), 2);
    assert!(delays[0] <= Duration::from_secs(1) && delays[1] <= Duration::from_secs(2));
}

#[test]
fn the_final_error_carries_every_attempt() {
    const CODES: &[Option<&str>] = &[Some("InternalError")];
    let Fixture {
        mut service, calls, ..
    } = retrying_service(CODES);
    let error = block_on(service.call(Request {
        action: "DescribeStreamLiveChannels",
    }))
    .unwrap_err();
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    assert_eq!(error.attempts(), 3);
    assert_eq!(error.stop_reason(), StopReason::AttemptsExhausted);
    assert_eq!(
        error.request_ids().collect::<Vec<_>>(),
        [
            Some("DescribeStreamLiveChannels-1"),
            Some("DescribeStreamLiveChannels-2"),
            Some("DescribeStreamLiveChannels-3"),
        ]
    );

    // A second call through the same service starts afresh.
    let error = block_on(service.call(Request {
        action: "CreateStreamLiveChannel",
    }))
    .unwrap_err();
    assert_eq!(calls.load(Ordering::SeqCst), 4);
    assert_eq!(error.attempts(), 1);
    assert_eq!(error.stop_reason(), StopReason::NotIdempotent);
    assert_eq!(
        error.request_ids().collect::<Vec<_>>(),
        [Some("CreateStreamLiveChannel-4")]
    );
}

#[test]
fn a_refresh_error_is_retried_once() {
    const CODES: &[Option<&str>] = &[Some("AuthFailure.TokenFailure")];
    let Fixture {
        mut service,
        calls,
        delays,
    } = retrying_service(CODES);
    let error = block_on(service.call(Request {
        action: "RunInstances",
    }))
    .unwrap_err();
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    assert_eq!(error.stop_reason(), StopReason::RefreshDidNotHelp);
    assert_eq!(*delays.lock().unwrap(), [Duration::ZERO]);
}
