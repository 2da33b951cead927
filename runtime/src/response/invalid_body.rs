//! [`InvalidBody`]: a body that is not a valid envelope, and
//! [`InvalidBodyKind`], what is wrong with it.

use core::fmt;

use super::salvage::{snippet, SNIPPET_BYTES};
use crate::escape::{bounded_option, truncate, Bounded, REQUEST_ID_SHOWN_BYTES};
use crate::RetryClass;

/// Bytes of a decoder message an [`InvalidBody`] keeps: serde quotes the
/// offending value, which may be as long as the body.
pub(super) const REASON_BYTES: usize = 1024;

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
    pub(super) fn new(
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
