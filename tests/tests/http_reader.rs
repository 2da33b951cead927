//! Answers read off HTTP responses: from an `http::Response` in memory and
//! from reqwest against a server on 127.0.0.1. The typed result, the status
//! and RequestId, the server's `Date` fed to the signing clock, the body cap.
#![cfg(feature = "http")]

use std::time::{Duration, SystemTime};

use tencent_errors::http::ResponseReader;
use tencent_errors::{CommonCode, Error, RetryClass};
use tencent_errors_testkit::http_date;

type Outcome = Result<tencent_errors::Success<serde_json::Value>, Error>;

fn response(status: u16, date: Option<&str>, body: &'static str) -> http::Response<&'static str> {
    let mut builder = http::Response::builder().status(status);
    if let Some(date) = date {
        builder = builder.header("Date", date);
    }
    builder.body(body).unwrap()
}

#[test]
fn an_answer_is_typed_and_its_date_corrects_the_signing_clock() {
    let reader = ResponseReader::new();
    let ahead = http_date(SystemTime::now() + Duration::from_secs(600));
    let answer = response(
        200,
        Some(&ahead),
        r#"{"Response": {"Error": {"Code": "AuthFailure.SignatureExpire", "Message": "expired"}, "RequestId": "r-1"}}"#,
    );
    let outcome: Outcome = reader.read(&answer);
    let Err(Error::Api(error)) = outcome else {
        panic!("an API error");
    };
    assert_eq!(error.code(), &CommonCode::AuthFailureSignatureExpire);
    assert_eq!(error.retry_class(), RetryClass::Refresh);
    assert_eq!(
        (error.http_status(), error.request_id()),
        (200, Some("r-1"))
    );
    let skew = reader.signing_clock().skew().as_millis();
    assert!((598_000..=601_000).contains(&skew), "{skew}");
    // Clones share the clock: a signer holding one signs with the server's time.
    let signer = reader.signing_clock().clone();
    assert_eq!(signer.skew().as_millis(), skew);
}

#[test]
fn a_missing_malformed_or_implausible_date_leaves_the_clock_alone() {
    let reader = ResponseReader::new();
    let body = r#"{"Response": {"RequestId": "r"}}"#;
    let far = http_date(SystemTime::now() + Duration::from_secs(3 * 86_400));
    for date in [None, Some("yesterday"), Some(far.as_str())] {
        let outcome: Outcome = reader.read(&response(200, date, body));
        assert_eq!(outcome.unwrap().request_id(), "r");
        assert_eq!(reader.signing_clock().skew().as_millis(), 0, "{date:?}");
    }
}

#[test]
fn a_gateways_html_page_is_a_transient_invalid_body_with_its_status() {
    let reader = ResponseReader::new();
    let outcome: Outcome = reader.read(&response(
        502,
        None,
        "<html><h1>502 Bad Gateway</h1></html>",
    ));
    let Err(Error::InvalidBody(body)) = outcome else {
        panic!("not an envelope");
    };
    assert_eq!(body.http_status(), 502);
    assert_eq!(body.retry_class(), RetryClass::Transient);
}

#[cfg(feature = "reqwest")]
mod over_reqwest {
    use std::collections::VecDeque;
    use std::convert::Infallible;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    use bytes::Bytes;
    use hyper::body::Frame;
    use hyper::server::conn::http1;
    use hyper::service::service_fn;
    use hyper_util::rt::TokioIo;
    use tencent_errors::http::{HttpError, ResponseReader};
    use tencent_errors::retry::{Call, Failure, Jitter, Retrier, StopReason};
    use tencent_errors::{AttemptError, CommonCode, RetryClass};
    use tokio::net::TcpListener;

    /// A body sent in chunks of 100 bytes, its length not announced (chunked
    /// transfer encoding), or announced when `announce` says so.
    struct Chunks {
        chunks: VecDeque<Bytes>,
        length: Option<u64>,
    }

    impl Chunks {
        fn new(body: &str, announce: bool) -> Chunks {
            Chunks {
                chunks: body
                    .as_bytes()
                    .chunks(100)
                    .map(Bytes::copy_from_slice)
                    .collect(),
                length: announce.then_some(body.len() as u64),
            }
        }
    }

    impl hyper::body::Body for Chunks {
        type Data = Bytes;
        type Error = Infallible;

        fn poll_frame(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
            Poll::Ready(self.chunks.pop_front().map(|chunk| Ok(Frame::data(chunk))))
        }

        fn size_hint(&self) -> hyper::body::SizeHint {
            match self.length {
                Some(length) => hyper::body::SizeHint::with_exact(length),
                None => hyper::body::SizeHint::default(),
            }
        }
    }

    /// Serves `body` with `status` to every request on 127.0.0.1.
    async fn serve(status: u16, body: String, announce_length: bool) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let endpoint = format!("http://{}/", listener.local_addr().unwrap());
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let body = body.clone();
                let service = service_fn(move |_request| {
                    let response = hyper::Response::builder()
                        .status(status)
                        .body(Chunks::new(&body, announce_length))
                        .unwrap();
                    async move { Ok::<_, Infallible>(response) }
                });
                tokio::spawn(http1::Builder::new().serve_connection(TokioIo::new(stream), service));
            }
        });
        endpoint
    }

    fn client() -> reqwest::Client {
        reqwest::Client::builder().no_proxy().build().unwrap()
    }

    type Outcome = Result<tencent_errors::Success<serde_json::Value>, HttpError>;

    #[tokio::test]
    async fn an_answer_in_many_chunks_is_read_whole() {
        let padding = "x".repeat(1000);
        let body = format!(r#"{{"Response": {{"Padding": "{padding}", "RequestId": "r-9"}}}}"#);
        for announce in [true, false] {
            let endpoint = serve(200, body.clone(), announce).await;
            let outcome: Outcome = ResponseReader::new().send(client().get(&endpoint)).await;
            assert_eq!(outcome.unwrap().request_id(), "r-9");
        }
    }

    #[tokio::test]
    async fn a_body_over_the_limit_is_not_read_whether_announced_or_not() {
        let body = format!(r#"{{"Response": {{"Padding": "{}"}}}}"#, "x".repeat(5000));
        let reader = ResponseReader::new().with_body_limit(1024);
        for announce in [true, false] {
            let endpoint = serve(200, body.clone(), announce).await;
            let outcome: Outcome = reader.send(client().get(&endpoint)).await;
            let Err(error) = outcome else {
                panic!("a body of {} bytes read with a limit of 1024", body.len());
            };
            assert!(
                matches!(
                    error,
                    HttpError::BodyTooLarge {
                        status: 200,
                        limit: 1024
                    }
                ),
                "{error:?}"
            );
            assert_eq!(
                error.to_string(),
                "HTTP 200: the body is longer than the 1024 bytes read"
            );
            // It ran, and will not be shorter the next time.
            assert_eq!(error.failure(), Failure::Answered(RetryClass::Never));
            assert_eq!(error.error_type(), "tencentcloud.body_too_large");
        }
    }

    #[tokio::test]
    async fn a_service_error_keeps_its_code_message_status_and_request_id() {
        let body = r#"{"Response": {"Error": {"Code": "RequestLimitExceeded", "Message": "Your current request times equals to 21 in a second, which exceeds the frequency limit 20 for a second."}, "RequestId": "r-2"}}"#;
        let endpoint = serve(200, body.to_owned(), true).await;
        let outcome: Outcome = ResponseReader::new().send(client().get(&endpoint)).await;
        let error = outcome.unwrap_err();
        let service = error.service_error().unwrap();
        assert_eq!(service.http_status(), 200);
        assert_eq!(error.request_id(), Some("r-2"));
        assert_eq!(AttemptError::code(&error), Some("RequestLimitExceeded"));
        assert!(error.message().unwrap().contains("frequency limit 20"));
        assert_eq!(error.failure(), Failure::Answered(RetryClass::Throttling));
        assert_eq!(error.error_type(), "RequestLimitExceeded");
    }

    #[tokio::test]
    async fn a_refused_connection_was_never_sent_and_is_retried_for_any_action() {
        let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let endpoint = format!("http://{}/", free.local_addr().unwrap());
        drop(free);
        let retrier = Retrier::default().with_jitter(Jitter::seeded(5));
        let reader = ResponseReader::new();
        let http = client();
        let error = retrier
            .run(
                Call::new("cvm", "RunInstances"),
                |_| reader.send::<serde_json::Value, CommonCode>(http.post(&endpoint)),
                |_wait| std::future::ready(()), // no real waiting in a test
            )
            .await
            .unwrap_err();
        assert_eq!(error.attempts(), 3);
        assert_eq!(error.stop_reason(), StopReason::AttemptsExhausted);
        let last = error.last().unwrap();
        assert!(matches!(last, HttpError::Transport(_)), "{last:?}");
        assert_eq!(last.failure(), Failure::NotConnected);
        assert_eq!(last.error_type(), "tencentcloud.not_connected");
    }
}
