//! [`Error`], why a call failed, and [`ApiError`], the error envelope.

use core::fmt;

use super::InvalidBody;
use crate::escape::{
    bounded_option, Bounded, CODE_SHOWN_BYTES, MESSAGE_SHOWN_BYTES, REQUEST_ID_SHOWN_BYTES,
};
use crate::{CommonCode, RetryClass, TencentError};

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
