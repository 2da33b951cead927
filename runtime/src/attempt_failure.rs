//! What a failed attempt is, in the words every retry decision uses: the
//! [`Failure`] and the [`AttemptError`] trait that reads it off an error.
//! Vocabulary, like [`RetryClass`]: the machinery that acts on it lives in
//! [`retry`](crate::retry).

use core::fmt;

use crate::{ApiError, Error, InvalidBody, RetryClass, TencentError};

/// What the retry policy needs to know about a failed attempt: did the
/// request reach the service, and if it did, what class is the error.
///
/// ```
/// use tencent_errors::{Failure, RetryClass};
///
/// // A connection that was never established: the service never saw the request.
/// assert_eq!(Failure::NotConnected.retry_class(), RetryClass::Transient);
/// assert!(Failure::NotConnected.is_safe_for_any_action());
///
/// // A timeout after the request was sent: it may have run.
/// assert!(!Failure::TimedOut.is_safe_for_any_action());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Failure {
    /// The service answered with an error of this class: an error code, or
    /// an HTTP status or body that implies one.
    Answered(RetryClass),
    /// No connection was established (refused, unreachable, DNS failure,
    /// connect timeout): the service never saw the request, so a retry is
    /// safe for any action.
    NotConnected,
    /// The request was sent but no complete answer came (a read timeout, a
    /// reset connection): it may have run, so this counts as
    /// [`RetryClass::Transient`].
    TimedOut,
}

impl Failure {
    /// The retry class this failure counts as: a transport failure is
    /// [`RetryClass::Transient`].
    ///
    /// ```
    /// use tencent_errors::{Failure, RetryClass};
    /// assert_eq!(Failure::Answered(RetryClass::Throttling).retry_class(), RetryClass::Throttling);
    /// assert_eq!(Failure::TimedOut.retry_class(), RetryClass::Transient);
    /// ```
    pub const fn retry_class(self) -> RetryClass {
        match self {
            Failure::Answered(class) => class,
            Failure::NotConnected | Failure::TimedOut => RetryClass::Transient,
        }
    }

    /// Whether the request certainly did not run, so repeating it is safe
    /// even for an action that is not idempotent: throttled, refused for
    /// its signature or credentials, or never sent.
    ///
    /// ```
    /// use tencent_errors::{Failure, RetryClass};
    /// assert!(Failure::Answered(RetryClass::Throttling).is_safe_for_any_action());
    /// assert!(!Failure::Answered(RetryClass::Transient).is_safe_for_any_action());
    /// ```
    pub const fn is_safe_for_any_action(self) -> bool {
        matches!(
            self,
            Failure::NotConnected
                | Failure::Answered(RetryClass::Throttling)
                | Failure::Answered(RetryClass::Refresh)
        )
    }

    /// Whether this failure says the endpoint is unhealthy: a transient
    /// error or a transport failure. Only these count against a
    /// [`CircuitBreaker`](crate::retry::CircuitBreaker).
    ///
    /// ```
    /// use tencent_errors::{Failure, RetryClass};
    /// assert!(Failure::NotConnected.is_transient());
    /// assert!(!Failure::Answered(RetryClass::Throttling).is_transient());
    /// ```
    pub const fn is_transient(self) -> bool {
        matches!(self.retry_class(), RetryClass::Transient)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Answered(class) => write!(f, "{class} error"),
            Failure::NotConnected => f.write_str("connection not established"),
            Failure::TimedOut => f.write_str("no answer after the request was sent"),
        }
    }
}

/// An error that one attempt of a request can fail with.
///
/// The retry helpers read three things off it: the [`Failure`] that the
/// policy decides on, and the code and RequestId that are logged and kept.
/// [`Error`], [`ApiError`] and [`InvalidBody`] implement it; a client that
/// also has transport errors wraps both in an enum of its own:
///
/// ```
/// use tencent_errors::{AttemptError, Error, Failure};
///
/// enum CallError {
///     Service(Error),
///     Connect(std::io::Error),
///     Timeout,
/// }
///
/// impl AttemptError for CallError {
///     fn failure(&self) -> Failure {
///         match self {
///             CallError::Service(error) => error.failure(),
///             CallError::Connect(_) => Failure::NotConnected,
///             CallError::Timeout => Failure::TimedOut,
///         }
///     }
///
///     fn request_id(&self) -> Option<&str> {
///         match self {
///             CallError::Service(error) => error.request_id(),
///             _ => None,
///         }
///     }
///
///     fn code(&self) -> Option<&str> {
///         match self {
///             CallError::Service(error) => AttemptError::code(error),
///             _ => None,
///         }
///     }
/// }
/// # assert_eq!(CallError::Timeout.failure(), Failure::TimedOut);
/// ```
pub trait AttemptError {
    /// How the attempt failed.
    fn failure(&self) -> Failure;

    /// The RequestId of the service's answer, when there was one.
    fn request_id(&self) -> Option<&str> {
        None
    }

    /// The error code of the service's answer, when there was one.
    fn code(&self) -> Option<&str> {
        None
    }

    /// The message of the service's answer, when there was one. A throttling
    /// message may state the limit, which the client-side rate limiter reads.
    fn message(&self) -> Option<&str> {
        None
    }

    /// A name of the error from a small, fixed set, for metrics and the
    /// `error.type` of `tracing` spans: the code when the enum knows it,
    /// OpenTelemetry's `_OTHER` for a code it does not (the set of values
    /// never grows with what a server sends), `tencentcloud.not_connected` and
    /// `tencentcloud.timed_out` for failures without an answer.
    ///
    /// ```
    /// use tencent_errors::{parse_response, AttemptError, CommonCode};
    ///
    /// let body = br#"{"Response": {"Error": {"Code": "RequestLimitExceeded", "Message": "slow down"}, "RequestId": "r"}}"#;
    /// let error = parse_response::<(), CommonCode>(200, body).unwrap_err();
    /// assert_eq!(error.error_type(), "RequestLimitExceeded");
    /// assert_eq!(error.message(), Some("slow down"));
    ///
    /// let body = br#"{"Response": {"Error": {"Code": "RequestLimitExceeded.X7f3a", "Message": ""}, "RequestId": "r"}}"#;
    /// let error = parse_response::<(), CommonCode>(200, body).unwrap_err();
    /// assert_eq!(error.error_type(), "_OTHER");
    /// ```
    fn error_type(&self) -> &str {
        match self.failure() {
            Failure::NotConnected => "tencentcloud.not_connected",
            Failure::TimedOut => "tencentcloud.timed_out",
            Failure::Answered(_) => "_OTHER",
        }
    }
}

impl<C: TencentError> AttemptError for Error<C> {
    fn failure(&self) -> Failure {
        Failure::Answered(self.retry_class())
    }

    fn request_id(&self) -> Option<&str> {
        Error::request_id(self)
    }

    fn code(&self) -> Option<&str> {
        self.code_str()
    }

    fn message(&self) -> Option<&str> {
        match self {
            Error::Api(error) => Some(error.message()),
            Error::UnexpectedCode(error) => Some(error.message()),
            Error::InvalidBody(_) => None,
        }
    }

    fn error_type(&self) -> &str {
        match self {
            Error::Api(error) => error.error_type(),
            Error::UnexpectedCode(error) => error.error_type(),
            Error::InvalidBody(body) => body.error_type(),
        }
    }
}

impl<C: TencentError> AttemptError for ApiError<C> {
    fn failure(&self) -> Failure {
        Failure::Answered(self.retry_class())
    }

    fn request_id(&self) -> Option<&str> {
        ApiError::request_id(self)
    }

    fn code(&self) -> Option<&str> {
        Some(TencentError::as_str(ApiError::code(self)))
    }

    fn message(&self) -> Option<&str> {
        Some(ApiError::message(self))
    }

    fn error_type(&self) -> &str {
        // A known code has a description: its string comes from the
        // enum's table, not from the server.
        let code = ApiError::code(self);
        match code.description() {
            Some(_) => code.as_str(),
            None => "_OTHER",
        }
    }
}

impl AttemptError for InvalidBody {
    fn failure(&self) -> Failure {
        Failure::Answered(self.retry_class())
    }

    fn request_id(&self) -> Option<&str> {
        InvalidBody::request_id(self)
    }

    fn error_type(&self) -> &str {
        "tencentcloud.invalid_body"
    }
}

impl<E: AttemptError + ?Sized> AttemptError for &E {
    fn failure(&self) -> Failure {
        (**self).failure()
    }

    fn request_id(&self) -> Option<&str> {
        (**self).request_id()
    }

    fn code(&self) -> Option<&str> {
        (**self).code()
    }

    fn message(&self) -> Option<&str> {
        (**self).message()
    }

    fn error_type(&self) -> &str {
        (**self).error_type()
    }
}

impl<E: AttemptError + ?Sized> AttemptError for Box<E> {
    fn failure(&self) -> Failure {
        (**self).failure()
    }

    fn request_id(&self) -> Option<&str> {
        (**self).request_id()
    }

    fn code(&self) -> Option<&str> {
        (**self).code()
    }

    fn message(&self) -> Option<&str> {
        (**self).message()
    }

    fn error_type(&self) -> &str {
        (**self).error_type()
    }
}
