//! Tencent Cloud answers read off HTTP responses (features `http` and
//! `reqwest`): the typed result [`parse_response`] gives, with the HTTP
//! status and RequestId, and the server's `Date` fed to the clock-skew
//! correction on the way.
//!
//! A [`ResponseReader`] holds a [`SigningClock`]: every answer it reads
//! corrects the clock by the answer's `Date` header, so a signer that reads
//! [`SigningClock::timestamp`] signs with the server's time, and the retry
//! after `AuthFailure.SignatureExpire` succeeds. Within a `tracing` attempt
//! span of the [`Retrier`](crate::retry::Retrier), reading also records
//! `http.response.status_code` and `tencentcloud.request_id`.
//!
//! From an [`http::Response`] whose body is in memory:
//!
//! ```
//! use tencent_errors::http::ResponseReader;
//! use tencent_errors::{CommonCode, Error, RetryClass};
//!
//! let reader = ResponseReader::new();
//! let response = http::Response::builder()
//!     .status(200)
//!     .header("Date", "Fri, 01 Jan 2100 00:00:00 GMT") // a server far ahead of us
//!     .body(r#"{"Response": {"Error": {"Code": "RequestLimitExceeded", "Message": "slow down"},
//!         "RequestId": "req-1"}}"#)
//!     .unwrap();
//! let Err(Error::Api(error)) = reader.read::<serde_json::Value, CommonCode, _>(&response) else {
//!     panic!("an API error");
//! };
//! assert_eq!(error.retry_class(), RetryClass::Throttling);
//! assert_eq!((error.http_status(), error.request_id()), (200, Some("req-1")));
//! // The Date is more than a day off ours: reported, not adopted.
//! assert_eq!(reader.signing_clock().skew().as_millis(), 0);
//! ```
//!
//! With `reqwest` (feature `reqwest`), reading the body with a size cap:
//! `ResponseReader::send` sends a request and reads its answer, and
//! `HttpError` says how it failed (the service's error, the transport's,
//! or a body over the cap), for the retrier.
//!
//! # The README's example, end to end
//!
//! A real call through reqwest to a stand-in for the Tencent Cloud endpoint
//! on 127.0.0.1, whose clock is ten minutes ahead of ours: the first answer
//! is `AuthFailure.SignatureExpire`, the second `RequestLimitExceeded`.
//! Send, decode, classify, refresh the clock, retry, back off, retry.
//!
#![cfg_attr(all(feature = "reqwest", feature = "tokio"), doc = "```")]
#![cfg_attr(not(all(feature = "reqwest", feature = "tokio")), doc = "```ignore")]
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let endpoint = loopback::serve();
//! use tencent_errors::http::ResponseReader;
//! use tencent_errors::retry::{Call, Retrier, RetryPolicy};
//! use tencent_errors::CommonCode;
//!
//! // One retrier and one reader per endpoint; the reader keeps the server's clock.
//! let retrier = Retrier::new(RetryPolicy::default());
//! let reader = ResponseReader::new();
//! let http = reqwest::Client::new();
//!
//! let instances = retrier
//!     .run_tokio(Call::new("cvm", "DescribeInstances"), |_attempt| {
//!         // After AuthFailure.SignatureExpire, _attempt.must_refresh() is true: the
//!         // reader has already set its clock by that answer's Date header.
//!         let request = http
//!             .post(&endpoint)
//!             .header("X-TC-Action", "DescribeInstances")
//!             .header("X-TC-Timestamp", reader.signing_clock().timestamp()) // sign with it
//!             .body("{}");
//!         reader.send::<serde_json::Value, CommonCode>(request)
//!     })
//!     .await?;
//! assert_eq!(instances.request_id(), "req-3"); // expired, throttled, answered
//! assert!(reader.signing_clock().skew().as_millis() > 590_000); // the server is 10 min ahead
//! # Ok(())
//! # }
//! # mod loopback {
//! #     use std::io::{BufRead, BufReader, Read, Write};
//! #     use std::time::{SystemTime, UNIX_EPOCH};
//! #     /// Serves three requests on a clock ten minutes ahead: a signature more than
//! #     /// five minutes off is refused, the second good one is throttled.
//! #     pub fn serve() -> String {
//! #         let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
//! #         let endpoint = format!("http://{}/", listener.local_addr().unwrap());
//! #         std::thread::spawn(move || {
//! #             let mut signed_well = 0;
//! #             for (number, stream) in (1..=3).zip(listener.incoming()) {
//! #                 let mut stream = BufReader::new(stream.unwrap());
//! #                 let (mut length, mut timestamp) = (0, 0i64);
//! #                 loop {
//! #                     let mut line = String::new();
//! #                     stream.read_line(&mut line).unwrap();
//! #                     let lower = line.to_ascii_lowercase();
//! #                     if let Some(value) = lower.strip_prefix("content-length:") {
//! #                         length = value.trim().parse().unwrap();
//! #                     }
//! #                     if let Some(value) = lower.strip_prefix("x-tc-timestamp:") {
//! #                         timestamp = value.trim().parse().unwrap();
//! #                     }
//! #                     if line == "\r\n" { break; }
//! #                 }
//! #                 stream.read_exact(&mut vec![0; length]).unwrap();
//! #                 let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() + 600;
//! #                 let code = if (now as i64 - timestamp).abs() > 300 {
//! #                     Some("AuthFailure.SignatureExpire")
//! #                 } else {
//! #                     signed_well += 1;
//! #                     (signed_well == 1).then_some("RequestLimitExceeded")
//! #                 };
//! #                 let body = match code {
//! #                     Some(code) => format!(r#"{{"Response": {{"Error": {{"Code": "{code}", "Message": ""}}, "RequestId": "req-{number}"}}}}"#),
//! #                     None => format!(r#"{{"Response": {{"TotalCount": 0, "RequestId": "req-{number}"}}}}"#),
//! #                 };
//! #                 let answer = format!(
//! #                     "HTTP/1.1 200 OK\r\nDate: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
//! #                     http_date(now), body.len()
//! #                 );
//! #                 stream.get_mut().write_all(answer.as_bytes()).unwrap();
//! #             }
//! #         });
//! #         endpoint
//! #     }
//! #     /// `Sun, 06 Nov 1994 08:49:37 GMT` (Howard Hinnant's civil_from_days).
//! #     fn http_date(seconds: u64) -> String {
//! #         let (days, of_day) = ((seconds / 86_400) as i64, seconds % 86_400);
//! #         let z = days + 719_468;
//! #         let (era, doe) = (z.div_euclid(146_097), z.rem_euclid(146_097));
//! #         let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
//! #         let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
//! #         let mp = (5 * doy + 2) / 153;
//! #         let day = doy - (153 * mp + 2) / 5 + 1;
//! #         let month = if mp < 10 { mp + 3 } else { mp - 9 };
//! #         let year = yoe + era * 400 + i64::from(month <= 2);
//! #         const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
//! #         const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
//! #         format!("{}, {day:02} {} {year} {:02}:{:02}:{:02} GMT", DAYS[days.rem_euclid(7) as usize],
//! #             MONTHS[month as usize - 1], of_day / 3600, of_day % 3600 / 60, of_day % 60)
//! #     }
//! # }
//! ```

#[cfg(feature = "reqwest")]
use core::fmt;

#[cfg(feature = "reqwest")]
use crate::CommonCode;
use crate::{parse_response, Error, SigningClock, Success, TencentError};

/// The largest body [`ResponseReader`] reads by default: 10 MiB. Tencent
/// Cloud's answers are far smaller; a body this large is not one of them.
pub const DEFAULT_BODY_LIMIT: usize = 10 << 20;

/// Reads Tencent Cloud answers off HTTP responses into typed results, and
/// corrects its [`SigningClock`] by every answer's `Date` header.
///
/// Clones share the clock: make one per endpoint, next to its
/// [`Retrier`](crate::retry::Retrier).
#[derive(Debug, Clone)]
pub struct ResponseReader {
    signing_clock: SigningClock,
    body_limit: usize,
}

impl ResponseReader {
    /// A reader with a fresh signing clock and a body limit of
    /// [`DEFAULT_BODY_LIMIT`].
    pub fn new() -> ResponseReader {
        ResponseReader {
            signing_clock: SigningClock::new(),
            body_limit: DEFAULT_BODY_LIMIT,
        }
    }

    /// Corrects `clock` (a clone of your signer's) instead of a fresh one.
    pub fn with_signing_clock(mut self, clock: SigningClock) -> ResponseReader {
        self.signing_clock = clock;
        self
    }

    /// Reads at most `bytes` of a body (feature `reqwest`); a longer one is
    /// `HttpError::BodyTooLarge`, read no further.
    pub fn with_body_limit(mut self, bytes: usize) -> ResponseReader {
        self.body_limit = bytes;
        self
    }

    /// The clock the answers' `Date` headers correct: sign with it.
    pub fn signing_clock(&self) -> &SigningClock {
        &self.signing_clock
    }

    /// The largest body read.
    pub fn body_limit(&self) -> usize {
        self.body_limit
    }

    /// The typed result of `response`, as [`parse_response`] gives it for
    /// its status and body, after correcting the signing clock by its
    /// `Date` header (if it has a plausible one).
    pub fn read<T, C, B>(&self, response: &::http::Response<B>) -> Result<Success<T>, Error<C>>
    where
        T: serde::de::DeserializeOwned,
        C: TencentError,
        B: AsRef<[u8]>,
    {
        let status = response.status().as_u16();
        self.observe(status, response.headers());
        let result = parse_response(status, response.body().as_ref());
        record_request_id(&result);
        result
    }

    /// Notes what the headers say before the body is read.
    fn observe(&self, status: u16, headers: &::http::HeaderMap) {
        if let Some(date) = headers
            .get(::http::header::DATE)
            .and_then(|date| date.to_str().ok())
        {
            // A missing, malformed or implausible date leaves the clock as
            // it was; the clock reports a rejected one itself.
            let _ = self.signing_clock.observe_date_header(date);
        }
        #[cfg(feature = "tracing")]
        tracing::Span::current().record("http.response.status_code", status);
        #[cfg(not(feature = "tracing"))]
        let _ = status;
    }
}

impl Default for ResponseReader {
    fn default() -> Self {
        ResponseReader::new()
    }
}

/// The RequestId of a result, on the current span (a retrier's attempt).
fn record_request_id<T, C: TencentError>(result: &Result<Success<T>, Error<C>>) {
    #[cfg(feature = "tracing")]
    {
        let request_id = match result {
            Ok(success) => Some(success.request_id()),
            Err(error) => error.request_id(),
        };
        if let Some(request_id) = request_id {
            tracing::Span::current().record(
                "tencentcloud.request_id",
                tracing::field::display(crate::escape::Bounded::new(request_id, 64)),
            );
        }
    }
    #[cfg(not(feature = "tracing"))]
    let _ = result;
}

/// How a call through reqwest failed (feature `reqwest`): the service
/// answered with an error, the transport failed, or the answer's body was
/// larger than the reader's limit.
///
/// It implements [`AttemptError`](crate::AttemptError), so a
/// [`Retrier`](crate::retry::Retrier) retries it by what happened: a
/// connection never made is safe to repeat for any action; a request sent
/// without a complete answer may have run.
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
#[derive(Debug)]
#[non_exhaustive]
pub enum HttpError<C = CommonCode> {
    /// The service answered: an error envelope, or a body that is not one.
    Service(Error<C>),
    /// No complete answer: the connection failed, timed out or broke.
    Transport(reqwest::Error),
    /// The answer's body was longer than the limit; it was not read.
    BodyTooLarge {
        /// The answer's HTTP status.
        status: u16,
        /// The reader's limit, in bytes.
        limit: usize,
    },
}

#[cfg(feature = "reqwest")]
impl<C> HttpError<C> {
    /// The service's error, when it answered one.
    pub fn service_error(&self) -> Option<&Error<C>> {
        match self {
            HttpError::Service(error) => Some(error),
            _ => None,
        }
    }
}

#[cfg(feature = "reqwest")]
impl<C> From<reqwest::Error> for HttpError<C> {
    fn from(error: reqwest::Error) -> Self {
        HttpError::Transport(error)
    }
}

#[cfg(feature = "reqwest")]
impl<C: TencentError> fmt::Display for HttpError<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpError::Service(error) => error.fmt(f),
            HttpError::Transport(error) => write!(f, "HTTP transport: {error}"),
            HttpError::BodyTooLarge { status, limit } => write!(
                f,
                "HTTP {status}: the body is longer than the {limit} bytes read"
            ),
        }
    }
}

#[cfg(feature = "reqwest")]
impl<C: TencentError + fmt::Debug> std::error::Error for HttpError<C> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            HttpError::Service(error) => error.source(),
            HttpError::Transport(error) => Some(error),
            HttpError::BodyTooLarge { .. } => None,
        }
    }
}

#[cfg(feature = "reqwest")]
impl<C: TencentError> crate::AttemptError for HttpError<C> {
    fn failure(&self) -> crate::Failure {
        use crate::{Failure, RetryClass};
        match self {
            HttpError::Service(error) => error.failure(),
            HttpError::Transport(error) if error.is_connect() => Failure::NotConnected,
            // Sent, then no complete answer: it may have run.
            HttpError::Transport(_) => Failure::TimedOut,
            // It ran; a body this long will not be shorter next time, unless
            // the server was failing.
            HttpError::BodyTooLarge { status, .. } if *status >= 500 => {
                Failure::Answered(RetryClass::Transient)
            }
            HttpError::BodyTooLarge { .. } => Failure::Answered(RetryClass::Never),
        }
    }

    fn request_id(&self) -> Option<&str> {
        self.service_error()?.request_id()
    }

    fn code(&self) -> Option<&str> {
        crate::AttemptError::code(self.service_error()?)
    }

    fn message(&self) -> Option<&str> {
        crate::AttemptError::message(self.service_error()?)
    }

    fn error_type(&self) -> &str {
        match self {
            HttpError::Service(error) => crate::AttemptError::error_type(error),
            HttpError::Transport(error) if error.is_connect() => "tencentcloud.not_connected",
            HttpError::Transport(_) => "tencentcloud.timed_out",
            HttpError::BodyTooLarge { .. } => "tencentcloud.body_too_large",
        }
    }
}

#[cfg(feature = "reqwest")]
impl ResponseReader {
    /// Reads `response`'s body (at most [`body_limit`] bytes) into the
    /// typed result, after correcting the signing clock by its `Date`.
    ///
    /// [`body_limit`]: ResponseReader::body_limit
    pub async fn read_reqwest<T, C>(
        &self,
        mut response: reqwest::Response,
    ) -> Result<Success<T>, HttpError<C>>
    where
        T: serde::de::DeserializeOwned,
        C: TencentError,
    {
        let status = response.status().as_u16();
        self.observe(status, response.headers());
        let too_large = HttpError::BodyTooLarge {
            status,
            limit: self.body_limit,
        };
        let announced = response.content_length().unwrap_or(0);
        if announced > self.body_limit as u64 {
            return Err(too_large);
        }
        let mut body = Vec::with_capacity(announced as usize);
        while let Some(chunk) = response.chunk().await? {
            if body.len() + chunk.len() > self.body_limit {
                return Err(too_large);
            }
            body.extend_from_slice(&chunk);
        }
        let result = parse_response(status, &body);
        record_request_id(&result);
        result.map_err(HttpError::Service)
    }

    /// Sends `request` and reads its answer: [`read_reqwest`] after
    /// [`reqwest::RequestBuilder::send`].
    ///
    /// [`read_reqwest`]: ResponseReader::read_reqwest
    pub async fn send<T, C>(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<Success<T>, HttpError<C>>
    where
        T: serde::de::DeserializeOwned,
        C: TencentError,
    {
        let response = request.send().await?;
        self.read_reqwest(response).await
    }
}
