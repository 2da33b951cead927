//! Decoding the envelope every Tencent Cloud API answers with into a typed
//! [`Success`] or [`Error`].
//!
//! The body is parsed once. `Error`, `RequestId` and `DeprecatedWarning` are
//! decoded on the way; every other field of `Response` is kept as a borrowed
//! slice of raw JSON and handed to the payload type only when the envelope is
//! a success. An error envelope never touches the payload type, and a known
//! code is decoded from the borrowed string without allocating.

use core::cell::Cell;
use core::fmt;
use core::marker::PhantomData;
use std::borrow::Cow;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor,
};
use serde_json::value::RawValue;

use crate::escape::{
    bounded_option, truncate, Bounded, CODE_SHOWN_BYTES, MESSAGE_SHOWN_BYTES,
    REQUEST_ID_SHOWN_BYTES,
};
use crate::{CommonCode, RetryClass, TencentError};

/// Bytes of the body an [`InvalidBody`] keeps.
const SNIPPET_BYTES: usize = 512;
/// Bytes of a decoder message an [`InvalidBody`] keeps: serde quotes the
/// offending value, which may be as long as the body.
const REASON_BYTES: usize = 1024;
/// The longest RequestId that the scan of an undecodable body accepts.
const REQUEST_ID_BYTES: usize = 128;
/// Bytes at each end of an undecodable body that the RequestId scan reads.
const SCAN_WINDOW: usize = 64 * 1024;
/// Bytes of a payload field name quoted in a decoder message.
const FIELD_NAME_BYTES: usize = 64;

/// Decodes the body of a Tencent Cloud API response.
///
/// Every action answers `{"Response": {...}}`, usually with HTTP 200: the
/// envelope decides the outcome, not the status, which is only kept for
/// [`Error::http_status`] and the retry class of an [`InvalidBody`].
///
/// `T` is the action's payload: the fields of `Response` other than
/// `RequestId`, `Error` and `DeprecatedWarning` (read those from
/// [`Success`]). Unknown fields are ignored as serde ignores them. Use `()`
/// for an action without payload, or [`serde_json::Value`] to keep it all.
///
/// Envelope keys (`Response`, `Error`, `Code`, `Message`, `RequestId`,
/// `DeprecatedWarning`) must appear once: a repeated one makes the body
/// [`InvalidBodyKind::DuplicateKey`] rather than letting this decoder and
/// another one pick different values. Repeated payload fields are `T`'s
/// business. Keys beside `Response` are ignored.
///
/// # Errors
///
/// - [`Error::Api`]: the service answered an error envelope whose code `C` decodes.
/// - [`Error::UnexpectedCode`]: an error envelope whose code `C` does not list
///   (only a derived enum without an `other` variant rejects codes).
/// - [`Error::InvalidBody`]: the body is not a valid envelope, or the payload
///   does not decode into `T`.
///
/// # Examples
///
/// ```
/// use serde::Deserialize;
/// use tencent_errors::{parse_response, CommonCode};
///
/// #[derive(Deserialize)]
/// #[serde(rename_all = "PascalCase")]
/// struct InstancesStatus {
///     total_count: u64,
///     instance_status_set: Vec<serde_json::Value>,
/// }
///
/// let body = br#"{"Response": {"TotalCount": 0, "InstanceStatusSet": [],
///     "RequestId": "b5b41468-520d-4192-b42f-595cc34b6c1c"}}"#;
/// let success = parse_response::<InstancesStatus, CommonCode>(200, body)?;
/// assert_eq!(success.data().total_count, 0);
/// assert!(success.data().instance_status_set.is_empty());
/// assert_eq!(success.request_id(), "b5b41468-520d-4192-b42f-595cc34b6c1c");
/// # Ok::<(), tencent_errors::Error>(())
/// ```
pub fn parse_response<T, C>(http_status: u16, body: &[u8]) -> Result<Success<T>, Error<C>>
where
    T: DeserializeOwned,
    C: TencentError,
{
    let invalid = |kind, reason: &str, request_id: Option<&str>| {
        Error::InvalidBody(InvalidBody::new(
            http_status,
            body,
            kind,
            reason,
            request_id,
        ))
    };

    let text = match core::str::from_utf8(body) {
        Ok(text) => text,
        Err(error) => {
            let reason = format!("invalid UTF-8 at byte {}", error.valid_up_to());
            return Err(invalid(
                InvalidBodyKind::NotUtf8,
                &reason,
                scan_request_id(body),
            ));
        }
    };
    let findings = Findings::default();
    let response = match decode_envelope::<C>(text, &findings) {
        Ok(Some(response)) => response,
        Ok(None) => {
            let request_id = scan_request_id(body);
            return Err(invalid(
                InvalidBodyKind::NoResponse,
                "missing field `Response`",
                request_id,
            ));
        }
        Err(_) if text.trim_matches(is_json_whitespace).is_empty() => {
            let reason = "expected a JSON document";
            return Err(invalid(InvalidBodyKind::Empty, reason, None));
        }
        Err(error) => {
            let kind = findings.kind_of(&error);
            return Err(invalid(kind, &error.to_string(), scan_request_id(body)));
        }
    };
    let request_id = response.request_id.filter(|id| !id.is_empty());
    if let Some(key) = findings.duplicate_key.get() {
        let reason = format!("duplicate key `{key}`");
        return Err(invalid(
            InvalidBodyKind::DuplicateKey,
            &reason,
            request_id.as_deref(),
        ));
    }

    if let Some(error) = response.error {
        let message = error.message.unwrap_or_default();
        let request_id = request_id.map(Cow::into_owned);
        return Err(match error.code {
            Some(DecodedCode::Known(code)) => {
                Error::Api(ApiError::new(code, message, request_id, http_status))
            }
            Some(DecodedCode::Unexpected(code)) => {
                Error::UnexpectedCode(ApiError::new(code, message, request_id, http_status))
            }
            Some(DecodedCode::Empty) => invalid(
                InvalidBodyKind::MissingCode,
                "`Response.Error.Code` is empty",
                request_id.as_deref(),
            ),
            None => invalid(
                InvalidBodyKind::MissingCode,
                "missing field `Response.Error.Code`",
                request_id.as_deref(),
            ),
        });
    }

    let Some(request_id) = request_id else {
        let reason = "missing field `Response.RequestId`";
        return Err(invalid(InvalidBodyKind::MissingRequestId, reason, None));
    };
    let data = decode_payload::<T>(&response.payload, text)
        .map_err(|(kind, reason)| invalid(kind, &reason, Some(&request_id)))?;
    Ok(Success {
        data,
        request_id: request_id.into_owned(),
        deprecated_warning: response.deprecated_warning.and_then(warning_text),
    })
}

/// A successful response: the action's payload and the request's id.
///
/// ```
/// use tencent_errors::{parse_response, CommonCode};
///
/// let body = br#"{"Response": {"TotalCount": 2, "RequestId": "6f1d",
///     "DeprecatedWarning": "DescribeThings is deprecated, use DescribeThingsV2."}}"#;
/// let success = parse_response::<serde_json::Value, CommonCode>(200, body)?;
/// assert_eq!(success.data()["TotalCount"], 2);
/// assert_eq!(success.request_id(), "6f1d");
/// assert_eq!(
///     success.deprecated_warning(),
///     Some("DescribeThings is deprecated, use DescribeThingsV2.")
/// );
/// let (data, request_id) = success.into_parts();
/// assert_eq!(data, serde_json::json!({"TotalCount": 2}));
/// assert_eq!(request_id, "6f1d");
/// # Ok::<(), tencent_errors::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Success<T> {
    data: T,
    request_id: String,
    deprecated_warning: Option<String>,
}

// By hand: the RequestId and the warning are server text, shown escaped and
// bounded; the payload is shown as its own `Debug` shows it.
impl<T: fmt::Debug> fmt::Debug for Success<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Success")
            .field("data", &self.data)
            .field(
                "request_id",
                &Bounded::new(&self.request_id, REQUEST_ID_SHOWN_BYTES),
            )
            .field(
                "deprecated_warning",
                &bounded_option(self.deprecated_warning.as_deref(), MESSAGE_SHOWN_BYTES),
            )
            .finish()
    }
}

impl<T> Success<T> {
    /// The action's payload.
    pub fn data(&self) -> &T {
        &self.data
    }

    /// The action's payload, by value.
    pub fn into_data(self) -> T {
        self.data
    }

    /// The id Tencent Cloud gave the request; quote it to their support.
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// The `DeprecatedWarning` Tencent Cloud adds to the responses of
    /// deprecated actions or parameters, if the response has one.
    ///
    /// Its shape is not documented and the official SDKs only print it, so it
    /// is kept as text: the string itself when it is a JSON string, the JSON
    /// text of the value otherwise. A `null` warning is no warning.
    pub fn deprecated_warning(&self) -> Option<&str> {
        self.deprecated_warning.as_deref()
    }

    /// The payload and the request id.
    pub fn into_parts(self) -> (T, String) {
        (self.data, self.request_id)
    }
}

/// Why a call failed: the service's error, or a body that is no envelope.
///
/// `C` is the error-code type: [`CommonCode`] by default, or a product's or
/// an action's own enum. Match on the variants you handle and keep a
/// catch-all arm: the enum is `#[non_exhaustive]`.
///
/// `Display` shows the error without repeating it in
/// [`source`](std::error::Error::source); server text is escaped and bounded.
///
/// ```
/// use tencent_errors::{parse_response, CommonCode, Error, RetryClass};
///
/// let body = br#"{"Response": {"Error": {"Code": "InternalError",
///     "Message": "An internal error occurred."}, "RequestId": "5a0e"}}"#;
/// let error = parse_response::<(), CommonCode>(200, body).unwrap_err();
/// assert_eq!(error.code_str(), Some("InternalError"));
/// assert_eq!(error.retry_class(), RetryClass::Transient);
/// assert_eq!(error.request_id(), Some("5a0e"));
/// match &error {
///     Error::Api(api) if api.code() == &CommonCode::InternalError => { /* retry if idempotent */ }
///     Error::InvalidBody(invalid) => panic!("not an envelope: {invalid}"),
///     other => panic!("{other}"),
/// }
/// assert_eq!(
///     error.to_string(),
///     "[InternalError] An internal error occurred. (RequestId: 5a0e)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error<C = CommonCode> {
    /// The service answered an error envelope.
    Api(ApiError<C>),
    /// The service answered an error envelope whose code `C` does not list.
    ///
    /// Only a derived enum without an `other` variant rejects codes. The code
    /// is kept as a [`CommonCode`], so nothing is lost and its retry class
    /// still comes from the common categories.
    UnexpectedCode(ApiError<CommonCode>),
    /// The body is not a valid envelope, or its payload does not decode.
    InvalidBody(InvalidBody),
}

impl<C: TencentError> Error<C> {
    /// How the failed request may be retried: from the code for an error
    /// envelope, from the HTTP status and the failure for an invalid body.
    pub fn retry_class(&self) -> RetryClass {
        match self {
            Error::Api(error) => error.retry_class(),
            Error::UnexpectedCode(error) => error.retry_class(),
            Error::InvalidBody(error) => error.retry_class(),
        }
    }

    /// The id of the failed request, when the body had one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(error) => error.request_id(),
            Error::UnexpectedCode(error) => error.request_id(),
            Error::InvalidBody(error) => error.request_id(),
        }
    }

    /// The HTTP status of the response.
    pub fn http_status(&self) -> u16 {
        match self {
            Error::Api(error) => error.http_status(),
            Error::UnexpectedCode(error) => error.http_status(),
            Error::InvalidBody(error) => error.http_status(),
        }
    }

    /// The error code exactly as received, for an error envelope.
    ///
    /// ```
    /// use tencent_errors::{parse_response, CommonCode};
    ///
    /// let body = br#"{"Response": {"Error": {"Code": "InvalidParameter.NewThing",
    ///     "Message": "..."}, "RequestId": "9c1a"}}"#;
    /// let error = parse_response::<(), CommonCode>(200, body).unwrap_err();
    /// assert_eq!(error.code_str(), Some("InvalidParameter.NewThing"));
    /// ```
    pub fn code_str(&self) -> Option<&str> {
        match self {
            Error::Api(error) => Some(error.code().as_str()),
            Error::UnexpectedCode(error) => Some(error.code().as_str()),
            Error::InvalidBody(_) => None,
        }
    }

    /// Whether the code is `DryRunOperation`: the request would have
    /// succeeded, had it not been a dry run.
    pub fn is_dry_run(&self) -> bool {
        match self {
            Error::Api(error) => error.is_dry_run(),
            Error::UnexpectedCode(error) => error.is_dry_run(),
            Error::InvalidBody(_) => false,
        }
    }

    /// The error envelope, when its code is one of `C`'s.
    pub fn api_error(&self) -> Option<&ApiError<C>> {
        match self {
            Error::Api(error) => Some(error),
            _ => None,
        }
    }

    /// The decoding failure, when the body is not a valid envelope.
    pub fn invalid_body(&self) -> Option<&InvalidBody> {
        match self {
            Error::InvalidBody(error) => Some(error),
            _ => None,
        }
    }
}

impl<C> From<ApiError<C>> for Error<C> {
    fn from(error: ApiError<C>) -> Self {
        Error::Api(error)
    }
}

impl<C> From<InvalidBody> for Error<C> {
    fn from(error: InvalidBody) -> Self {
        Error::InvalidBody(error)
    }
}

impl<C: TencentError> fmt::Display for Error<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(error) => fmt::Display::fmt(error, f),
            Error::UnexpectedCode(error) => write!(f, "unexpected error code {error}"),
            Error::InvalidBody(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl<C: TencentError + fmt::Debug> std::error::Error for Error<C> {
    // `Display` already shows the inner error, so it is not a source.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Api(error) => error.source(),
            Error::UnexpectedCode(error) => error.source(),
            Error::InvalidBody(error) => error.source(),
        }
    }
}

/// An error envelope: the code, the service's message and the request id.
///
/// `Display` prints `[Code] message (RequestId: id)`, with the message
/// escaped and bounded: it is server text.
///
/// ```
/// use tencent_errors::{ApiError, CommonCode, RetryClass};
///
/// let error = ApiError::new(
///     CommonCode::RequestLimitExceeded,
///     "Your requests are too frequent.",
///     Some("b5b41468-520d".to_owned()),
///     200,
/// );
/// assert_eq!(error.retry_class(), RetryClass::Throttling);
/// assert_eq!(
///     error.to_string(),
///     "[RequestLimitExceeded] Your requests are too frequent. (RequestId: b5b41468-520d)"
/// );
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ApiError<C> {
    code: C,
    message: String,
    request_id: Option<String>,
    http_status: u16,
}

impl<C> ApiError<C> {
    /// An error envelope built by hand, for tests and retry policies.
    pub fn new(
        code: C,
        message: impl Into<String>,
        request_id: Option<String>,
        http_status: u16,
    ) -> Self {
        ApiError {
            code,
            message: message.into(),
            request_id,
            http_status,
        }
    }

    /// The error code.
    pub fn code(&self) -> &C {
        &self.code
    }

    /// The error code, by value.
    pub fn into_code(self) -> C {
        self.code
    }

    /// The service's message, exactly as received (empty if it sent none).
    ///
    /// It is untrusted text: escape it before printing it anywhere a control
    /// character matters, as `Display` does.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The id of the failed request. Tencent Cloud always sends one, but an
    /// envelope without it is accepted.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The HTTP status of the response (usually 200).
    pub fn http_status(&self) -> u16 {
        self.http_status
    }
}

impl<C: TencentError> ApiError<C> {
    /// How the failed request may be retried, as the code says.
    pub fn retry_class(&self) -> RetryClass {
        self.code.retry_class()
    }

    /// Whether the code is `DryRunOperation`.
    ///
    /// ```
    /// use tencent_errors::{ApiError, CommonCode};
    /// let error = ApiError::new(CommonCode::DryRunOperation, "", None, 200);
    /// assert!(error.is_dry_run());
    /// ```
    pub fn is_dry_run(&self) -> bool {
        self.code.is_dry_run()
    }
}

impl<C: TencentError> fmt::Display for ApiError<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "[{}]",
            Bounded::new(self.code.as_str(), CODE_SHOWN_BYTES)
        )?;
        if !self.message.is_empty() {
            write!(f, " {}", Bounded::new(&self.message, MESSAGE_SHOWN_BYTES))?;
        }
        if let Some(request_id) = &self.request_id {
            write!(
                f,
                " (RequestId: {})",
                Bounded::new(request_id, REQUEST_ID_SHOWN_BYTES)
            )?;
        }
        Ok(())
    }
}

// By hand, so that a megabyte message does not flood a log.
impl<C: fmt::Debug> fmt::Debug for ApiError<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("code", &self.code)
            .field("message", &Bounded::new(&self.message, MESSAGE_SHOWN_BYTES))
            .field(
                "request_id",
                &bounded_option(self.request_id.as_deref(), REQUEST_ID_SHOWN_BYTES),
            )
            .field("http_status", &self.http_status)
            .finish()
    }
}

impl<C: TencentError + fmt::Debug> std::error::Error for ApiError<C> {}

/// A body that is not a valid envelope, or whose payload does not decode.
///
/// It keeps what helps to diagnose it without keeping the body: the
/// decoder's message, the first bytes of the body, and the RequestId when
/// one can be recognized. `Display` escapes and bounds all of it.
///
/// ```
/// use tencent_errors::{parse_response, CommonCode, Error, InvalidBodyKind, RetryClass};
///
/// let body = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n</html>\r\n";
/// let Err(Error::InvalidBody(invalid)) = parse_response::<(), CommonCode>(502, body) else {
///     panic!("an HTML page is no envelope");
/// };
/// assert_eq!(invalid.kind(), InvalidBodyKind::NotJson);
/// assert_eq!(invalid.retry_class(), RetryClass::Transient);
/// assert_eq!(invalid.body_len(), body.len());
/// assert!(invalid.snippet().starts_with("<html>"));
/// assert_eq!(
///     invalid.to_string(),
///     "invalid response body (HTTP 502, 62 bytes, not JSON): expected value at line 1 column 1; \
///      body starts: <html>\\r\\n<head><title>502 Bad Gateway</title></head>\\r\\n</html>\\r\\n"
/// );
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct InvalidBody {
    http_status: u16,
    kind: InvalidBodyKind,
    reason: Box<str>,
    snippet: Box<str>,
    snippet_is_cut: bool,
    body_len: usize,
    request_id: Option<Box<str>>,
}

impl InvalidBody {
    fn new(
        http_status: u16,
        body: &[u8],
        kind: InvalidBodyKind,
        reason: &str,
        request_id: Option<&str>,
    ) -> Self {
        let kept = truncate(reason, REASON_BYTES);
        let reason = match kept.len() < reason.len() {
            true => format!("{kept}...").into_boxed_str(),
            false => kept.into(),
        };
        let (snippet, snippet_is_cut) = snippet(body);
        InvalidBody {
            http_status,
            kind,
            reason,
            snippet,
            snippet_is_cut,
            body_len: body.len(),
            request_id: request_id.map(Into::into),
        }
    }

    /// The HTTP status of the response.
    pub fn http_status(&self) -> u16 {
        self.http_status
    }

    /// What is wrong with the body.
    pub fn kind(&self) -> InvalidBodyKind {
        self.kind
    }

    /// The decoder's message, with a line and column when it has them
    /// (`expected value at line 1 column 1`). At most about 1 KiB.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// The start of the body: at most 512 bytes, cut on a character
    /// boundary, invalid UTF-8 replaced by `U+FFFD`. Untrusted text.
    pub fn snippet(&self) -> &str {
        &self.snippet
    }

    /// The length of the whole body, in bytes.
    pub fn body_len(&self) -> usize {
        self.body_len
    }

    /// The request id: the envelope's when it decoded that far, else the
    /// last `"RequestId": "..."` found in the first or last 64 KiB of the body.
    ///
    /// ```
    /// use tencent_errors::{parse_response, CommonCode};
    ///
    /// // Cut off in transit: the RequestId is still there.
    /// let body = br#"{"Response": {"TotalCount": 3, "RequestId": "ab12-cd34", "Items": [1, 2"#;
    /// let error = parse_response::<serde_json::Value, CommonCode>(200, body).unwrap_err();
    /// assert_eq!(error.invalid_body().unwrap().request_id(), Some("ab12-cd34"));
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// How the request may be retried: [`RetryClass::Throttling`] for HTTP
    /// 429; [`RetryClass::Transient`] for 408, any 5xx (a gateway's error
    /// page) and a truncated body; [`RetryClass::Never`] otherwise.
    pub fn retry_class(&self) -> RetryClass {
        match self.http_status {
            429 => RetryClass::Throttling,
            408 | 500..=599 => RetryClass::Transient,
            _ if self.kind == InvalidBodyKind::Truncated => RetryClass::Transient,
            _ => RetryClass::Never,
        }
    }
}

impl fmt::Display for InvalidBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid response body (HTTP {}, {} bytes, {}): {}",
            self.http_status,
            self.body_len,
            self.kind,
            Bounded::new(&self.reason, REASON_BYTES + 3),
        )?;
        if let Some(request_id) = &self.request_id {
            write!(
                f,
                " (RequestId: {})",
                Bounded::new(request_id, REQUEST_ID_SHOWN_BYTES)
            )?;
        }
        if !self.snippet.is_empty() {
            write!(
                f,
                "; body starts: {}",
                Bounded::new(&self.snippet, SNIPPET_BYTES)
            )?;
            if self.snippet_is_cut {
                f.write_str("...")?;
            }
        }
        Ok(())
    }
}

// By hand: the reason, snippet and RequestId are server text, shown escaped
// and bounded as `Display` shows them.
impl fmt::Debug for InvalidBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InvalidBody")
            .field("http_status", &self.http_status)
            .field("kind", &self.kind)
            .field("reason", &Bounded::new(&self.reason, REASON_BYTES + 3))
            .field("snippet", &Bounded::new(&self.snippet, SNIPPET_BYTES))
            .field("snippet_is_cut", &self.snippet_is_cut)
            .field("body_len", &self.body_len)
            .field(
                "request_id",
                &bounded_option(self.request_id.as_deref(), REQUEST_ID_SHOWN_BYTES),
            )
            .finish()
    }
}

impl std::error::Error for InvalidBody {}

/// What is wrong with an [`InvalidBody`].
///
/// ```
/// use tencent_errors::{parse_response, CommonCode, InvalidBodyKind};
///
/// let kind = |body: &[u8]| {
///     let error = parse_response::<(), CommonCode>(200, body).unwrap_err();
///     error.invalid_body().unwrap().kind()
/// };
/// assert_eq!(kind(b""), InvalidBodyKind::Empty);
/// assert_eq!(kind(b"{}"), InvalidBodyKind::NoResponse);
/// assert_eq!(kind(br#"{"Response": 5}"#), InvalidBodyKind::WrongType);
/// assert_eq!(kind(br#"{"Response": {"Error": {"Code": "#), InvalidBodyKind::Truncated);
/// assert_eq!(kind(br#"{"Response": {}}"#), InvalidBodyKind::MissingRequestId);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InvalidBodyKind {
    /// The body is empty or only whitespace.
    Empty,
    /// The body is not UTF-8, which JSON must be.
    NotUtf8,
    /// The body is not JSON: an HTML error page, a syntax error, trailing text.
    NotJson,
    /// The JSON ends in the middle of a value: the body was cut off.
    Truncated,
    /// The payload nests deeper than serde_json's recursion limit (128).
    TooDeep,
    /// The JSON has no `Response` object at the top.
    NoResponse,
    /// An envelope field has the wrong type: `Response` or `Error` is not an
    /// object, or `Code`, `Message` or `RequestId` is not a string.
    WrongType,
    /// An envelope key appears twice in the same object.
    DuplicateKey,
    /// `Response.Error` has no `Code`, or an empty one.
    MissingCode,
    /// `Response` has neither `Error` nor `RequestId`.
    MissingRequestId,
    /// The envelope is valid, but its payload does not decode into the
    /// action's type.
    Payload,
}

impl InvalidBodyKind {
    /// A short phrase for messages: `"not JSON"`, `"truncated JSON"`, ...
    ///
    /// ```
    /// assert_eq!(tencent_errors::InvalidBodyKind::NotJson.as_str(), "not JSON");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            InvalidBodyKind::Empty => "empty",
            InvalidBodyKind::NotUtf8 => "not UTF-8",
            InvalidBodyKind::NotJson => "not JSON",
            InvalidBodyKind::Truncated => "truncated JSON",
            InvalidBodyKind::TooDeep => "nested too deep",
            InvalidBodyKind::NoResponse => "no Response object",
            InvalidBodyKind::WrongType => "wrong field type",
            InvalidBodyKind::DuplicateKey => "duplicate key",
            InvalidBodyKind::MissingCode => "error without code",
            InvalidBodyKind::MissingRequestId => "no RequestId",
            InvalidBodyKind::Payload => "payload does not decode",
        }
    }
}

impl fmt::Display for InvalidBodyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------
// The envelope, in one pass.

/// `Response` as read, before it is checked.
struct RawResponse<'de, C> {
    error: Option<RawError<C>>,
    request_id: Option<Cow<'de, str>>,
    deprecated_warning: Option<&'de RawValue>,
    /// Every other field, for the payload type, in order.
    payload: Vec<(Cow<'de, str>, &'de RawValue)>,
}

/// `Response.Error` as read, before it is checked.
struct RawError<C> {
    code: Option<DecodedCode<C>>,
    message: Option<String>,
}

enum DecodedCode<C> {
    Known(C),
    Unexpected(CommonCode),
    Empty,
}

/// What the decoder learns beside the value it returns.
#[derive(Default)]
struct Findings {
    /// The document is an object: a type error below it is an envelope
    /// field of the wrong type, not a document without `Response`.
    in_document: Cell<bool>,
    /// The first envelope key seen twice.
    duplicate_key: Cell<Option<&'static str>>,
}

impl Findings {
    fn repeated(&self, key: &'static str) {
        if self.duplicate_key.get().is_none() {
            self.duplicate_key.set(Some(key));
        }
    }

    fn kind_of(&self, error: &serde_json::Error) -> InvalidBodyKind {
        use serde_json::error::Category;
        match error.classify() {
            Category::Eof => InvalidBodyKind::Truncated,
            Category::Syntax if is_recursion_limit(error) => InvalidBodyKind::TooDeep,
            Category::Syntax | Category::Io => InvalidBodyKind::NotJson,
            Category::Data if self.in_document.get() => InvalidBodyKind::WrongType,
            Category::Data => InvalidBodyKind::NoResponse,
        }
    }
}

fn decode_envelope<'de, C: TencentError>(
    text: &'de str,
    findings: &Findings,
) -> Result<Option<RawResponse<'de, C>>, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let response = EnvelopeSeed::<C>::new(findings).deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(response)
}

/// Reads the top-level object; only `Response` matters.
struct EnvelopeSeed<'f, C> {
    findings: &'f Findings,
    code: PhantomData<fn() -> C>,
}

impl<'f, C> EnvelopeSeed<'f, C> {
    fn new(findings: &'f Findings) -> Self {
        EnvelopeSeed {
            findings,
            code: PhantomData,
        }
    }
}

impl<'de, C: TencentError> DeserializeSeed<'de> for EnvelopeSeed<'_, C> {
    type Value = Option<RawResponse<'de, C>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, C: TencentError> Visitor<'de> for EnvelopeSeed<'_, C> {
    type Value = Option<RawResponse<'de, C>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object with a `Response` object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        self.findings.in_document.set(true);
        let mut response = None;
        while let Some(key) = map.next_key_seed(KeySeed::<EnvelopeKey>::new())? {
            match key {
                EnvelopeKey::Response => {
                    let seed = ResponseSeed::<C>::new(self.findings);
                    if response.replace(map.next_value_seed(seed)?).is_some() {
                        self.findings.repeated("Response");
                    }
                }
                EnvelopeKey::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(response)
    }
}

/// Reads `Response`: the envelope fields, and raw slices of the others.
struct ResponseSeed<'f, C> {
    findings: &'f Findings,
    code: PhantomData<fn() -> C>,
}

impl<'f, C> ResponseSeed<'f, C> {
    fn new(findings: &'f Findings) -> Self {
        ResponseSeed {
            findings,
            code: PhantomData,
        }
    }
}

impl<'de, C: TencentError> DeserializeSeed<'de> for ResponseSeed<'_, C> {
    type Value = RawResponse<'de, C>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, C: TencentError> Visitor<'de> for ResponseSeed<'_, C> {
    type Value = RawResponse<'de, C>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the `Response` object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut response = RawResponse {
            error: None,
            request_id: None,
            deprecated_warning: None,
            payload: Vec::new(),
        };
        while let Some(key) = map.next_key_seed(KeySeed::<ResponseKey<'de>>::new())? {
            match key {
                ResponseKey::Error => {
                    let error = map.next_value_seed(ErrorSeed::<C>::new(self.findings))?;
                    if response.error.replace(error).is_some() {
                        self.findings.repeated("Response.Error");
                    }
                }
                ResponseKey::RequestId => {
                    let request_id = map.next_value_seed(TextSeed)?;
                    if response.request_id.replace(request_id).is_some() {
                        self.findings.repeated("Response.RequestId");
                    }
                }
                ResponseKey::DeprecatedWarning => {
                    let warning = map.next_value::<&'de RawValue>()?;
                    if response.deprecated_warning.replace(warning).is_some() {
                        self.findings.repeated("Response.DeprecatedWarning");
                    }
                }
                ResponseKey::Payload(name) => {
                    let value = map.next_value::<&'de RawValue>()?;
                    response.payload.push((name, value));
                }
            }
        }
        Ok(response)
    }
}

/// Reads `Response.Error`.
struct ErrorSeed<'f, C> {
    findings: &'f Findings,
    code: PhantomData<fn() -> C>,
}

impl<'f, C> ErrorSeed<'f, C> {
    fn new(findings: &'f Findings) -> Self {
        ErrorSeed {
            findings,
            code: PhantomData,
        }
    }
}

impl<'de, C: TencentError> DeserializeSeed<'de> for ErrorSeed<'_, C> {
    type Value = RawError<C>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, C: TencentError> Visitor<'de> for ErrorSeed<'_, C> {
    type Value = RawError<C>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the `Error` object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut error = RawError {
            code: None,
            message: None,
        };
        while let Some(key) = map.next_key_seed(KeySeed::<ErrorKey>::new())? {
            match key {
                ErrorKey::Code => {
                    let code = map.next_value_seed(CodeSeed::<C>(PhantomData))?;
                    if error.code.replace(code).is_some() {
                        self.findings.repeated("Response.Error.Code");
                    }
                }
                ErrorKey::Message => {
                    if error.message.replace(map.next_value()?).is_some() {
                        self.findings.repeated("Response.Error.Message");
                    }
                }
                ErrorKey::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(error)
    }
}

/// Decodes `Code` from the string as the parser holds it: borrowed from the
/// body, or unescaped in its scratch buffer. Only unknown codes allocate.
struct CodeSeed<C>(PhantomData<fn() -> C>);

impl<'de, C: TencentError> DeserializeSeed<'de> for CodeSeed<C> {
    type Value = DecodedCode<C>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<C: TencentError> Visitor<'_> for CodeSeed<C> {
    type Value = DecodedCode<C>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error code string")
    }

    fn visit_str<E: de::Error>(self, code: &str) -> Result<Self::Value, E> {
        if code.is_empty() {
            return Ok(DecodedCode::Empty);
        }
        Ok(match C::from_code(code) {
            Some(code) => DecodedCode::Known(code),
            None => DecodedCode::Unexpected(CommonCode::from_code(code)),
        })
    }
}

/// A string, borrowed from the body unless it has escapes.
struct TextSeed;

impl<'de> DeserializeSeed<'de> for TextSeed {
    type Value = Cow<'de, str>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for TextSeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(text))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(text.to_owned()))
    }
}

/// An object key, recognized without allocating; only a payload key with
/// escapes is copied.
trait Key<'de>: Sized {
    fn borrowed(key: &'de str) -> Self;
    fn unescaped(key: &str) -> Self;
}

struct KeySeed<K>(PhantomData<fn() -> K>);

impl<K> KeySeed<K> {
    fn new() -> Self {
        KeySeed(PhantomData)
    }
}

impl<'de, K: Key<'de>> DeserializeSeed<'de> for KeySeed<K> {
    type Value = K;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, K: Key<'de>> Visitor<'de> for KeySeed<K> {
    type Value = K;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<K, E> {
        Ok(K::borrowed(key))
    }

    #[inline]
    fn visit_str<E: de::Error>(self, key: &str) -> Result<K, E> {
        Ok(K::unescaped(key))
    }
}

enum EnvelopeKey {
    Response,
    Other,
}

impl Key<'_> for EnvelopeKey {
    #[inline]
    fn borrowed(key: &str) -> Self {
        Self::unescaped(key)
    }

    #[inline]
    fn unescaped(key: &str) -> Self {
        match key {
            "Response" => EnvelopeKey::Response,
            _ => EnvelopeKey::Other,
        }
    }
}

enum ResponseKey<'de> {
    Error,
    RequestId,
    DeprecatedWarning,
    Payload(Cow<'de, str>),
}

impl ResponseKey<'_> {
    #[inline]
    fn envelope(key: &str) -> Option<Self> {
        match key {
            "Error" => Some(ResponseKey::Error),
            "RequestId" => Some(ResponseKey::RequestId),
            "DeprecatedWarning" => Some(ResponseKey::DeprecatedWarning),
            _ => None,
        }
    }
}

impl<'de> Key<'de> for ResponseKey<'de> {
    #[inline]
    fn borrowed(key: &'de str) -> Self {
        Self::envelope(key).unwrap_or(ResponseKey::Payload(Cow::Borrowed(key)))
    }

    #[inline]
    fn unescaped(key: &str) -> Self {
        Self::envelope(key).unwrap_or_else(|| ResponseKey::Payload(Cow::Owned(key.to_owned())))
    }
}

enum ErrorKey {
    Code,
    Message,
    Other,
}

impl Key<'_> for ErrorKey {
    #[inline]
    fn borrowed(key: &str) -> Self {
        Self::unescaped(key)
    }

    #[inline]
    fn unescaped(key: &str) -> Self {
        match key {
            "Code" => ErrorKey::Code,
            "Message" => ErrorKey::Message,
            _ => ErrorKey::Other,
        }
    }
}

// ---------------------------------------------------------------------------
// The payload, from the raw fields of a successful envelope.

type PayloadFields<'de> = [(Cow<'de, str>, &'de RawValue)];

fn decode_payload<T: DeserializeOwned>(
    fields: &PayloadFields<'_>,
    text: &str,
) -> Result<T, (InvalidBodyKind, String)> {
    let failed_field = Cell::new(None);
    let payload = Payload {
        fields,
        failed_field: &failed_field,
    };
    T::deserialize(payload).map_err(|error| {
        let kind = match is_recursion_limit(&error) {
            true => InvalidBodyKind::TooDeep,
            false => InvalidBodyKind::Payload,
        };
        let reason = match failed_field.get().and_then(|index| fields.get(index)) {
            Some((name, value)) => field_error(&error, name, value, text),
            None => error.to_string(),
        };
        (kind, reason)
    })
}

/// The payload fields as one map. A unit payload (`()`) accepts any fields,
/// as a struct ignores the fields it does not name.
struct Payload<'a, 'de> {
    fields: &'a PayloadFields<'de>,
    failed_field: &'a Cell<Option<usize>>,
}

impl<'de> Deserializer<'de> for Payload<'_, 'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_map(PayloadAccess {
            fields: self.fields,
            next: 0,
            failed_field: self.failed_field,
        })
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf seq tuple tuple_struct map struct enum identifier
    }
}

struct PayloadAccess<'a, 'de> {
    fields: &'a PayloadFields<'de>,
    next: usize,
    failed_field: &'a Cell<Option<usize>>,
}

impl<'de> MapAccess<'de> for PayloadAccess<'_, 'de> {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let Some((name, _)) = self.fields.get(self.next) else {
            return Ok(None);
        };
        match name {
            Cow::Borrowed(name) => seed.deserialize(BorrowedStrDeserializer::new(name)),
            Cow::Owned(name) => seed.deserialize(StrDeserializer::new(name)),
        }
        .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        let index = self.next;
        let Some(&(_, value)) = self.fields.get(index) else {
            return Err(de::Error::custom("a payload value was read before its key"));
        };
        self.next += 1;
        seed.deserialize(value)
            .inspect_err(|_| self.failed_field.set(Some(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.fields.len() - self.next)
    }
}

/// The message of an error inside the payload field `name`, with the
/// position translated from the field's raw value to the body.
fn field_error(error: &serde_json::Error, name: &str, value: &RawValue, text: &str) -> String {
    let name = truncate(name, FIELD_NAME_BYTES);
    let message = error.to_string();
    if error.line() == 0 {
        return format!("field `{name}`: {message}");
    }
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message);
    let Some(start) = (value.get().as_ptr() as usize).checked_sub(text.as_ptr() as usize) else {
        return format!("field `{name}`: {message}{suffix} of its value");
    };
    let before = &text.as_bytes()[..start.min(text.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let first_line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let (line, column) = match error.line() {
        1 => (first_line, start - line_start + error.column()),
        line => (first_line + line - 1, error.column()),
    };
    format!("field `{name}`: {message} at line {line} column {column}")
}

/// The `DeprecatedWarning` as text: a JSON string unescaped, anything else
/// as its JSON text, `null` as no warning.
fn warning_text(value: &RawValue) -> Option<String> {
    let json = value.get();
    match json {
        "null" => None,
        _ if json.starts_with('"') => {
            Some(serde_json::from_str(json).unwrap_or_else(|_| json.to_owned()))
        }
        _ => Some(json.to_owned()),
    }
}

// serde_json has no public error code for it; its message is stable.
fn is_recursion_limit(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("recursion limit exceeded")
}

fn is_json_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

// ---------------------------------------------------------------------------
// Salvaging an undecodable body.

/// At most [`SNIPPET_BYTES`] of the start of the body, cut on a character
/// boundary, lossily decoded; and whether it is cut.
fn snippet(body: &[u8]) -> (Box<str>, bool) {
    let mut end = body.len().min(SNIPPET_BYTES);
    // Step back over the continuation bytes (at most 3) of a split character.
    while end < body.len() && end + 3 > SNIPPET_BYTES && body[end] & 0xC0 == 0x80 {
        end -= 1;
    }
    let text = String::from_utf8_lossy(&body[..end]);
    let shown = truncate(&text, SNIPPET_BYTES);
    let is_cut = end < body.len() || shown.len() < text.len();
    (shown.into(), is_cut)
}

/// The last `"RequestId": "<id>"` in the last [`SCAN_WINDOW`] bytes of the
/// body (Tencent Cloud puts `RequestId` last), else in the first ones.
fn scan_request_id(body: &[u8]) -> Option<&str> {
    let tail = body.len().saturating_sub(SCAN_WINDOW);
    let head = match tail {
        0 => 0..0,
        _ => 0..SCAN_WINDOW.min(body.len()),
    };
    last_request_id(body, tail..body.len()).or_else(|| last_request_id(body, head))
}

fn last_request_id(body: &[u8], window: core::ops::Range<usize>) -> Option<&str> {
    const KEY: &[u8] = b"\"RequestId\"";
    let starts = window.start..window.end.saturating_sub(KEY.len() - 1);
    starts
        .rev()
        .filter(|&at| body[at..].starts_with(KEY))
        .find_map(|at| request_id_after(&body[at + KEY.len()..]))
}

/// The id in `: "<id>"` at the start of `rest`: at most
/// [`REQUEST_ID_BYTES`], without escapes or control characters.
fn request_id_after(rest: &[u8]) -> Option<&str> {
    let rest = skip_json_whitespace(rest).strip_prefix(b":")?;
    let rest = skip_json_whitespace(rest).strip_prefix(b"\"")?;
    let len = rest
        .iter()
        .take(REQUEST_ID_BYTES + 1)
        .position(|&b| b == b'"')?;
    let id = &rest[..len];
    if id.is_empty() || id.iter().any(|&b| b == b'\\' || b < 0x20) {
        return None;
    }
    core::str::from_utf8(id).ok()
}

fn skip_json_whitespace(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(bytes.len());
    &bytes[start..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    const DOCS_SUCCESS: &str = r#"{"Response": {"TotalCount": 0, "InstanceStatusSet": [], "RequestId": "b5b41468-520d-4192-b42f-595cc34b6c1c"}}"#;
    const DOCS_ERROR: &str = r#"{"Response": {"Error": {"Code": "AuthFailure.SignatureFailure", "Message": "The provided credentials could not be validated. Please check your signature is correct."}, "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}"#;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "PascalCase")]
    struct InstancesStatus {
        total_count: u64,
        instance_status_set: Vec<serde_json::Value>,
    }

    /// A closed enum, as `#[derive(TencentError)]` makes without `other`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    enum LaunchCode {
        ResourceNotFound,
        InvalidZone,
    }

    impl TencentError for LaunchCode {
        fn from_code(code: &str) -> Option<Self> {
            match code {
                "ResourceNotFound" => Some(LaunchCode::ResourceNotFound),
                "InvalidZone" => Some(LaunchCode::InvalidZone),
                _ => None,
            }
        }

        fn as_str(&self) -> &str {
            match self {
                LaunchCode::ResourceNotFound => "ResourceNotFound",
                LaunchCode::InvalidZone => "InvalidZone",
            }
        }

        fn description(&self) -> Option<&'static str> {
            None
        }

        fn retry_class(&self) -> RetryClass {
            RetryClass::Never
        }
    }

    fn decode(status: u16, body: &[u8]) -> Result<Success<serde_json::Value>, Error> {
        parse_response(status, body)
    }

    fn invalid_body(status: u16, body: &[u8]) -> InvalidBody {
        match decode(status, body) {
            Err(Error::InvalidBody(invalid)) => invalid,
            other => panic!("expected an invalid body, got {other:?}"),
        }
    }

    fn api_error(status: u16, body: &[u8]) -> ApiError<CommonCode> {
        match decode(status, body) {
            Err(Error::Api(error)) => error,
            other => panic!("expected an API error, got {other:?}"),
        }
    }

    fn error_envelope(code: &str, message: &str) -> String {
        let envelope = serde_json::json!({
            "Response": {"Error": {"Code": code, "Message": message}, "RequestId": "req-1"}
        });
        envelope.to_string()
    }

    #[test]
    fn docs_success_example_decodes_exactly() {
        let success =
            parse_response::<InstancesStatus, CommonCode>(200, DOCS_SUCCESS.as_bytes()).unwrap();
        assert_eq!(
            success.data(),
            &InstancesStatus {
                total_count: 0,
                instance_status_set: vec![],
            }
        );
        assert_eq!(success.request_id(), "b5b41468-520d-4192-b42f-595cc34b6c1c");
        assert_eq!(success.deprecated_warning(), None);
        let (data, request_id) = success.into_parts();
        assert_eq!(data.total_count, 0);
        assert_eq!(request_id, "b5b41468-520d-4192-b42f-595cc34b6c1c");
    }

    #[test]
    fn docs_error_example_decodes_exactly() {
        let result = parse_response::<InstancesStatus, CommonCode>(200, DOCS_ERROR.as_bytes());
        let Err(Error::Api(error)) = result else {
            panic!("expected an API error, got {result:?}");
        };
        assert_eq!(error.code(), &CommonCode::AuthFailureSignatureFailure);
        assert_eq!(
            error.message(),
            "The provided credentials could not be validated. Please check your signature is correct."
        );
        assert_eq!(
            error.request_id(),
            Some("ed93f3cb-f35e-473f-b9f3-0d451b8b79c6")
        );
        assert_eq!(error.http_status(), 200);
        assert_eq!(error.retry_class(), RetryClass::Never);
        assert!(!error.is_dry_run());
        assert_eq!(
            error.to_string(),
            "[AuthFailure.SignatureFailure] The provided credentials could not be validated. \
             Please check your signature is correct. (RequestId: ed93f3cb-f35e-473f-b9f3-0d451b8b79c6)"
        );
        assert_eq!(error.into_code(), CommonCode::AuthFailureSignatureFailure);
    }

    #[test]
    fn error_envelope_never_touches_the_payload_type() {
        // The payload type would reject this envelope's fields.
        let result = parse_response::<InstancesStatus, CommonCode>(
            200,
            error_envelope("InternalError", "boom").as_bytes(),
        );
        assert!(matches!(result, Err(Error::Api(ref e)) if e.code() == &CommonCode::InternalError));
    }

    #[test]
    fn error_accessors_agree_with_the_envelope() {
        let body = error_envelope("RequestLimitExceeded", "slow down");
        let error = decode(200, body.as_bytes()).unwrap_err();
        assert_eq!(error.code_str(), Some("RequestLimitExceeded"));
        assert_eq!(error.request_id(), Some("req-1"));
        assert_eq!(error.http_status(), 200);
        assert_eq!(error.retry_class(), RetryClass::Throttling);
        assert!(!error.is_dry_run());
        assert_eq!(error.api_error().unwrap().message(), "slow down");
        assert!(error.invalid_body().is_none());
        assert!(std::error::Error::source(&error).is_none());
    }

    #[test]
    fn api_error_display_is_code_message_and_request_id() {
        let error = ApiError::new(
            CommonCode::RequestLimitExceeded,
            "Your requests are too frequent.",
            Some("abc".to_owned()),
            200,
        );
        assert_eq!(
            error.to_string(),
            "[RequestLimitExceeded] Your requests are too frequent. (RequestId: abc)"
        );
        let error = ApiError::new(CommonCode::RequestLimitExceeded, "Too frequent.", None, 200);
        assert_eq!(error.to_string(), "[RequestLimitExceeded] Too frequent.");
    }

    #[test]
    fn message_control_characters_are_escaped_in_display() {
        let body = error_envelope(
            "InternalError",
            "line one\nforged: \u{1b}[31mred\u{1b}[0m\r",
        );
        let error = api_error(200, body.as_bytes());
        assert_eq!(
            error.message(),
            "line one\nforged: \u{1b}[31mred\u{1b}[0m\r"
        );
        let shown = error.to_string();
        assert_eq!(
            shown,
            "[InternalError] line one\\nforged: \\u{1b}[31mred\\u{1b}[0m\\r (RequestId: req-1)"
        );
        assert!(!shown.contains(['\n', '\r', '\u{1b}']));
        assert!(!format!("{error:?}").contains(['\n', '\u{1b}']));
    }

    #[test]
    fn megabyte_message_is_kept_whole_and_shown_bounded() {
        let message = "m".repeat(1 << 20);
        let error = api_error(200, error_envelope("InternalError", &message).as_bytes());
        assert_eq!(error.message().len(), 1 << 20);
        assert!(error.to_string().len() < 1200);
        assert!(format!("{error:?}").len() < 1300);
    }

    #[test]
    fn unknown_code_is_kept_in_other() {
        let body = error_envelope("InternalError.NewThing", "x");
        let error = api_error(200, body.as_bytes());
        let CommonCode::Other(unknown) = error.code() else {
            panic!("expected an unknown code, got {:?}", error.code());
        };
        assert_eq!(unknown.as_str(), "InternalError.NewThing");
        assert_eq!(error.retry_class(), RetryClass::Transient);
    }

    #[test]
    fn escaped_code_and_keys_decode() {
        let body = br#"{"Response": {"Error": {"Co\u0064e": "Request\u004cimitExceeded", "Message": "a\"b"}, "Request\u0049d": "r\u002d1"}}"#;
        let error = api_error(200, body);
        assert_eq!(error.code(), &CommonCode::RequestLimitExceeded);
        assert_eq!(error.message(), "a\"b");
        assert_eq!(error.request_id(), Some("r-1"));

        let body =
            br#"{"Response": {"Total\u0043ount": 4, "InstanceStatusSet": [], "RequestId": "r"}}"#;
        let success = parse_response::<InstancesStatus, CommonCode>(200, body).unwrap();
        assert_eq!(success.data().total_count, 4);
    }

    #[test]
    fn unexpected_code_keeps_the_common_code_and_its_retry_class() {
        let body = error_envelope("InternalError", "boom");
        let error = parse_response::<(), LaunchCode>(200, body.as_bytes()).unwrap_err();
        let Error::UnexpectedCode(ref unexpected) = error else {
            panic!("expected an unexpected code, got {error:?}");
        };
        assert_eq!(unexpected.code(), &CommonCode::InternalError);
        assert_eq!(unexpected.message(), "boom");
        assert_eq!(error.retry_class(), RetryClass::Transient);
        assert_eq!(error.code_str(), Some("InternalError"));
        assert_eq!(error.request_id(), Some("req-1"));
        assert!(error.api_error().is_none());
        assert_eq!(
            error.to_string(),
            "unexpected error code [InternalError] boom (RequestId: req-1)"
        );

        let body = error_envelope("Brand.New", "?");
        let error = parse_response::<(), LaunchCode>(200, body.as_bytes()).unwrap_err();
        assert!(matches!(error, Error::UnexpectedCode(ref e) if e.code().as_str() == "Brand.New"));
    }

    #[test]
    fn listed_code_of_a_closed_enum_is_an_api_error() {
        let body = error_envelope("InvalidZone", "no such zone");
        let error = parse_response::<(), LaunchCode>(404, body.as_bytes()).unwrap_err();
        assert_eq!(
            error.api_error().map(ApiError::code),
            Some(&LaunchCode::InvalidZone)
        );
        assert_eq!(error.http_status(), 404);
    }

    #[test]
    fn dry_run_is_reported() {
        let body = error_envelope("DryRunOperation", "would have succeeded");
        let error = decode(200, body.as_bytes()).unwrap_err();
        assert!(error.is_dry_run());
        assert!(error.api_error().unwrap().is_dry_run());
    }

    #[test]
    fn envelope_decides_not_the_http_status() {
        let success = decode(500, DOCS_SUCCESS.as_bytes()).unwrap();
        assert_eq!(success.request_id(), "b5b41468-520d-4192-b42f-595cc34b6c1c");
        let error = api_error(200, DOCS_ERROR.as_bytes());
        assert_eq!(error.http_status(), 200);
    }

    #[test]
    fn error_without_request_id_is_accepted() {
        let error = api_error(
            200,
            br#"{"Response": {"Error": {"Code": "InternalError", "Message": "x"}}}"#,
        );
        assert_eq!(error.request_id(), None);
        assert_eq!(error.to_string(), "[InternalError] x");
        let error = api_error(
            200,
            br#"{"Response": {"Error": {"Code": "InternalError"}, "RequestId": ""}}"#,
        );
        assert_eq!((error.message(), error.request_id()), ("", None));
    }

    #[test]
    fn success_without_request_id_is_invalid() {
        for body in [
            &br#"{"Response": {"TotalCount": 0}}"#[..],
            br#"{"Response": {"RequestId": ""}}"#,
        ] {
            let invalid = invalid_body(200, body);
            assert_eq!(invalid.kind(), InvalidBodyKind::MissingRequestId);
            assert_eq!(invalid.request_id(), None);
            assert_eq!(invalid.retry_class(), RetryClass::Never);
        }
    }

    #[test]
    fn empty_body_is_invalid() {
        for body in [&b""[..], b"  \r\n\t"] {
            let invalid = invalid_body(200, body);
            assert_eq!(invalid.kind(), InvalidBodyKind::Empty);
            assert_eq!(invalid.body_len(), body.len());
        }
        assert_eq!(
            invalid_body(502, b"").to_string(),
            "invalid response body (HTTP 502, 0 bytes, empty): expected a JSON document"
        );
    }

    #[test]
    fn html_from_gateway_is_transient_invalid_body() {
        let body = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        let invalid = invalid_body(502, body);
        assert_eq!(invalid.kind(), InvalidBodyKind::NotJson);
        assert_eq!(invalid.retry_class(), RetryClass::Transient);
        assert_eq!(invalid.reason(), "expected value at line 1 column 1");
        assert_eq!(invalid.snippet().as_bytes(), body);
        assert_eq!(invalid.request_id(), None);
        let shown = invalid.to_string();
        assert!(shown.starts_with(
            "invalid response body (HTTP 502, 150 bytes, not JSON): expected value at line 1 column 1; \
             body starts: <html>\\r\\n<head>"
        ), "{shown}");
        assert!(!shown.contains(['\r', '\n']));
        assert!(!shown.ends_with("..."));
    }

    #[test]
    fn status_decides_the_retry_class_of_an_invalid_body() {
        let class = |status| invalid_body(status, b"<html></html>").retry_class();
        assert_eq!(class(429), RetryClass::Throttling);
        assert_eq!(class(408), RetryClass::Transient);
        assert_eq!(class(500), RetryClass::Transient);
        assert_eq!(class(503), RetryClass::Transient);
        assert_eq!(class(599), RetryClass::Transient);
        assert_eq!(class(200), RetryClass::Never);
        assert_eq!(class(404), RetryClass::Never);
        assert_eq!(
            invalid_body(429, b"{").retry_class(),
            RetryClass::Throttling
        );
    }

    #[test]
    fn truncated_json_is_transient() {
        let invalid = invalid_body(200, br#"{"Response": {"Error": {"Code": "InternalError""#);
        assert_eq!(invalid.kind(), InvalidBodyKind::Truncated);
        assert_eq!(invalid.retry_class(), RetryClass::Transient);
        assert!(
            invalid.reason().starts_with("EOF while parsing an object"),
            "{}",
            invalid.reason()
        );
    }

    #[test]
    fn every_prefix_of_a_valid_envelope_is_truncated() {
        for envelope in [DOCS_SUCCESS, DOCS_ERROR] {
            for end in 1..envelope.len() {
                let invalid = invalid_body(200, &envelope.as_bytes()[..end]);
                assert_eq!(invalid.kind(), InvalidBodyKind::Truncated, "prefix {end}");
            }
        }
    }

    #[test]
    fn trailing_text_is_not_json() {
        let body = format!("{DOCS_SUCCESS} and more");
        assert_eq!(
            invalid_body(200, body.as_bytes()).kind(),
            InvalidBodyKind::NotJson
        );
    }

    #[test]
    fn document_without_response_object_has_no_response() {
        for body in [
            &b"{}"[..],
            b"[1, 2]",
            b"\"Response\"",
            b"5",
            b"null",
            br#"{"response": {}}"#,
        ] {
            let invalid = invalid_body(200, body);
            assert_eq!(invalid.kind(), InvalidBodyKind::NoResponse, "{invalid}");
        }
    }

    #[test]
    fn envelope_fields_of_the_wrong_type_are_wrong_type() {
        for body in [
            &br#"{"Response": 5}"#[..],
            br#"{"Response": null}"#,
            br#"{"Response": {"Error": "InternalError", "RequestId": "r"}}"#,
            br#"{"Response": {"Error": {"Code": 5}, "RequestId": "r"}}"#,
            br#"{"Response": {"Error": {"Code": null}, "RequestId": "r"}}"#,
            br#"{"Response": {"Error": {"Code": {"A": 1}}, "RequestId": "r"}}"#,
            br#"{"Response": {"Error": {"Code": "X", "Message": 7}, "RequestId": "r"}}"#,
            br#"{"Response": {"TotalCount": 0, "RequestId": 12}}"#,
        ] {
            let invalid = invalid_body(200, body);
            assert_eq!(invalid.kind(), InvalidBodyKind::WrongType, "{invalid}");
        }
        let invalid = invalid_body(
            200,
            br#"{"Response": {"Error": {"Code": 5}, "RequestId": "r-9"}}"#,
        );
        assert_eq!(
            invalid.reason(),
            "invalid type: integer `5`, expected an error code string at line 1 column 33"
        );
        assert_eq!(invalid.request_id(), Some("r-9"));
    }

    #[test]
    fn error_without_code_is_missing_code() {
        for body in [
            &br#"{"Response": {"Error": {"Message": "x"}, "RequestId": "r-2"}}"#[..],
            br#"{"Response": {"Error": {"Code": "", "Message": "x"}, "RequestId": "r-2"}}"#,
        ] {
            let invalid = invalid_body(200, body);
            assert_eq!(invalid.kind(), InvalidBodyKind::MissingCode);
            assert_eq!(invalid.request_id(), Some("r-2"));
        }
    }

    #[test]
    fn repeated_envelope_keys_are_rejected() {
        for (body, key) in [
            (
                &br#"{"Response": {"RequestId": "a", "RequestId": "b"}}"#[..],
                "Response.RequestId",
            ),
            (
                br#"{"Response": {"RequestId": "a"}, "Response": {"RequestId": "b"}}"#,
                "Response",
            ),
            (
                br#"{"Response": {"Error": {"Code": "InternalError", "Code": "DryRunOperation"}}}"#,
                "Response.Error.Code",
            ),
        ] {
            let invalid = invalid_body(200, body);
            assert_eq!(invalid.kind(), InvalidBodyKind::DuplicateKey);
            assert_eq!(invalid.reason(), format!("duplicate key `{key}`"));
        }
    }

    #[test]
    fn invalid_utf8_is_not_utf8() {
        let body = b"{\"Response\": {\"Error\": {\"Code\": \"InternalError\", \"Message\": \"caf\xe9\"}, \"RequestId\": \"r-3\"}}";
        let invalid = invalid_body(200, body);
        assert_eq!(invalid.kind(), InvalidBodyKind::NotUtf8);
        assert_eq!(invalid.reason(), "invalid UTF-8 at byte 64");
        assert_eq!(invalid.request_id(), Some("r-3"));
        assert!(invalid.snippet().contains("caf\u{fffd}\""));
    }

    #[test]
    fn nesting_beyond_the_recursion_limit_never_panics() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        // Deep payload: the envelope skips it; a payload type that reads it is too deep.
        let body = format!(r#"{{"Response": {{"Deep": {deep}, "RequestId": "r-4"}}}}"#);
        let invalid = invalid_body(200, body.as_bytes());
        assert_eq!(invalid.kind(), InvalidBodyKind::TooDeep);
        assert_eq!(invalid.request_id(), Some("r-4"));
        assert!(parse_response::<(), CommonCode>(200, body.as_bytes()).is_ok());
        type Skipped = std::collections::BTreeMap<String, IgnoredAny>;
        assert!(parse_response::<Skipped, CommonCode>(200, body.as_bytes()).is_ok());
        // Deep junk beside an error, or as the whole document.
        let body = format!(
            r#"{{"Extra": {deep}, "Response": {{"Error": {{"Code": "InternalError", "Detail": {deep}}}}}}}"#
        );
        assert_eq!(
            api_error(200, body.as_bytes()).code(),
            &CommonCode::InternalError
        );
        assert_eq!(
            invalid_body(200, deep.as_bytes()).kind(),
            InvalidBodyKind::NoResponse
        );
        let unclosed = "[".repeat(100_000);
        assert_eq!(
            invalid_body(200, unclosed.as_bytes()).kind(),
            InvalidBodyKind::NoResponse
        );
        let unclosed = format!(r#"{{"Response": {{"Deep": {unclosed}"#);
        assert_eq!(
            invalid_body(200, unclosed.as_bytes()).kind(),
            InvalidBodyKind::Truncated
        );
    }

    #[test]
    fn ten_megabyte_bodies_decode_and_stay_bounded() {
        let big = "x".repeat(10 << 20);
        let body = format!(r#"{{"Response": {{"Blob": "{big}", "RequestId": "r-5"}}}}"#);
        let success = decode(200, body.as_bytes()).unwrap();
        assert_eq!(
            success.data()["Blob"].as_str().map(str::len),
            Some(10 << 20)
        );

        let body = format!("<html>{big}");
        let invalid = invalid_body(502, body.as_bytes());
        assert_eq!(invalid.body_len(), body.len());
        assert_eq!(invalid.snippet().len(), 512);
        assert!(invalid.to_string().len() < 1024);
        assert!(invalid.to_string().ends_with("..."));
    }

    #[test]
    fn snippet_is_cut_at_512_bytes_on_a_char_boundary() {
        // 'é' is two bytes: after one ASCII byte, byte 512 splits a character.
        let body = format!("<{}", "é".repeat(400));
        let invalid = invalid_body(500, body.as_bytes());
        assert_eq!(invalid.snippet().len(), 511);
        assert_eq!(invalid.snippet(), &body[..511]);

        let body = "€".repeat(300); // three bytes each
        assert_eq!(invalid_body(500, body.as_bytes()).snippet().len(), 510);

        let body = [0xffu8; 1000]; // each invalid byte becomes three
        let snippet = invalid_body(500, &body).snippet().to_owned();
        assert!(snippet.len() <= 512 && snippet.chars().all(|c| c == '\u{fffd}'));
    }

    #[test]
    fn request_id_is_recovered_from_a_malformed_body() {
        let body = br#"{"Response": {"Error": {"Code": "InternalError", "Message": "x"}, "RequestId" : "ab-12""#;
        let invalid = invalid_body(200, body);
        assert_eq!(invalid.kind(), InvalidBodyKind::Truncated);
        assert_eq!(invalid.request_id(), Some("ab-12"));
        assert!(invalid.to_string().contains("(RequestId: ab-12)"));

        // The last one wins: Tencent Cloud puts `RequestId` last.
        let body =
            br#"{"Response": {"Items": [{"RequestId": "inner"}], "RequestId": "outer", oops}}"#;
        assert_eq!(invalid_request_id(body).as_deref(), Some("outer"));
        // In the tail of a long body.
        let body = format!(
            r#"{{"Response": {{"Blob": "{}", "RequestId": "tail"  ,"#,
            "y".repeat(1 << 20)
        );
        assert_eq!(invalid_request_id(body.as_bytes()).as_deref(), Some("tail"));
    }

    fn invalid_request_id(body: &[u8]) -> Option<String> {
        invalid_body(200, body).request_id().map(str::to_owned)
    }

    #[test]
    fn implausible_request_ids_are_not_recovered() {
        let long = "z".repeat(200);
        for body in [
            r#"{"RequestId": "esc\"aped"#.to_owned(),
            r#"{"RequestId": "unterminated"#.to_owned(),
            r#"{"RequestId": ""#.to_owned(),
            r#"{"RequestId": 42, "#.to_owned(),
            format!(r#"{{"RequestId": "{long}","#),
            r#"{"Note": "RequestId", "#.to_owned(),
        ] {
            assert_eq!(invalid_request_id(body.as_bytes()), None, "{body}");
        }
    }

    #[test]
    fn payload_mismatch_names_the_field_and_its_position_in_the_body() {
        let body = br#"{"Response": {"InstanceStatusSet": [],
            "TotalCount": "many", "RequestId": "r-6"}}"#;
        let result = parse_response::<InstancesStatus, CommonCode>(200, body);
        let Err(Error::InvalidBody(invalid)) = result else {
            panic!("expected an invalid body, got {result:?}");
        };
        assert_eq!(invalid.kind(), InvalidBodyKind::Payload);
        assert_eq!(invalid.request_id(), Some("r-6"));
        assert_eq!(invalid.retry_class(), RetryClass::Never);
        assert_eq!(
            invalid.reason(),
            "field `TotalCount`: invalid type: string \"many\", expected u64 at line 2 column 32"
        );
        let body = br#"{"Response": {"RequestId": "r-7"}}"#;
        let result = parse_response::<InstancesStatus, CommonCode>(200, body);
        let Err(Error::InvalidBody(invalid)) = result else {
            panic!("expected an invalid body, got {result:?}");
        };
        assert_eq!(invalid.reason(), "missing field `TotalCount`");
    }

    #[test]
    fn payload_types_beyond_structs_decode() {
        let body = br#"{"Response": {"TotalCount": 1, "RequestId": "r-8"}}"#;
        assert!(parse_response::<(), CommonCode>(200, body).is_ok());
        let map = parse_response::<std::collections::BTreeMap<String, u64>, CommonCode>(200, body)
            .unwrap()
            .into_data();
        assert_eq!(
            map.into_iter().collect::<Vec<_>>(),
            [("TotalCount".to_owned(), 1)]
        );

        #[derive(Deserialize)]
        struct Wrapper(Option<Count>);
        #[derive(Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Count {
            total_count: u8,
        }
        let wrapper = parse_response::<Wrapper, CommonCode>(200, body).unwrap();
        assert_eq!(wrapper.data().0.as_ref().map(|c| c.total_count), Some(1));
    }

    #[test]
    fn unknown_keys_beside_response_are_ignored() {
        let body = br#"{"Version": "2017-03-12", "Response": {"RequestId": "r-9"}, "Extra": [1, {"a": null}]}"#;
        assert_eq!(decode(200, body).unwrap().request_id(), "r-9");
    }

    #[test]
    fn deprecated_warning_is_kept_as_text() {
        let warning = |value: &str| {
            let body =
                format!(r#"{{"Response": {{"DeprecatedWarning": {value}, "RequestId": "r"}}}}"#);
            let success = decode(200, body.as_bytes()).unwrap();
            assert_eq!(success.data(), &serde_json::json!({}));
            success.deprecated_warning().map(str::to_owned)
        };
        assert_eq!(warning(r#""use V2\n""#).as_deref(), Some("use V2\n"));
        assert_eq!(
            warning(r#"{"Code": "Deprecated", "Message": "use V2"}"#).as_deref(),
            Some(r#"{"Code": "Deprecated", "Message": "use V2"}"#)
        );
        assert_eq!(warning("null"), None);
    }

    #[test]
    fn invalid_body_display_is_bounded_and_escaped() {
        let body = format!("\u{1b}]0;pwned\u{7}{}", "\n".repeat(5000));
        let shown = invalid_body(200, body.as_bytes()).to_string();
        assert!(!shown.contains(['\u{1b}', '\u{7}', '\n']));
        assert!(shown.len() < 2048);
        assert!(shown.ends_with("..."));
    }

    #[test]
    fn long_reasons_are_cut() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Numbered {
            #[serde(rename = "N")]
            n: u8,
        }
        let body = format!(
            r#"{{"Response": {{"N": "{}", "RequestId": "r"}}}}"#,
            "n".repeat(5000)
        );
        let result = parse_response::<Numbered, CommonCode>(200, body.as_bytes());
        let reason = result
            .unwrap_err()
            .invalid_body()
            .unwrap()
            .reason()
            .to_owned();
        assert!(
            reason.len() <= REASON_BYTES + 3 && reason.ends_with("..."),
            "{reason}"
        );
    }
}
