//! Typed Tencent Cloud API error codes, checked at compile time and decoded
//! without allocation.
//!
//! Every Tencent Cloud API answers with one JSON envelope. This crate turns
//! it into a typed result: [`parse_response`] gives a [`Success`] with the
//! action's payload, or an [`Error`] whose code is an enum generated from a
//! codes.toml file, with a description and a [`RetryClass`].
//!
//! ```
//! use tencent_errors::{parse_response, CommonCode, Error, RetryClass};
//!
//! let body = br#"{"Response": {"Error": {"Code": "RequestLimitExceeded",
//!     "Message": "Your requests are too frequent."}, "RequestId": "b5b41468-520d"}}"#;
//! let result = parse_response::<serde_json::Value, CommonCode>(200, body);
//! let Err(Error::Api(error)) = result else { panic!("an API error") };
//! assert_eq!(error.code(), &CommonCode::RequestLimitExceeded);
//! assert_eq!(error.retry_class(), RetryClass::Throttling);
//! assert_eq!(error.request_id(), Some("b5b41468-520d"));
//! ```
//!
//! - [`CommonCode`]: the codes every API can answer, from the crate's codes.toml.
//! - [`error_codes!`]: the same for a product's own codes.toml.
//! - [`derive@TencentError`]: an error enum of your own, for one action.
//! - [`RetryClass`], [`Failure`] and [`AttemptError`]: how a failed attempt
//!   may be retried; [`retry`] holds the machinery that acts on it (retrier,
//!   budget, backoff, circuit breaker).
//! - [`SigningClock`] and [`ClockSkew`]: sign with the server's time, learned
//!   from its `Date` header, after `AuthFailure.SignatureExpire`.
//! - [`escape::Bounded`]: received text escaped and bounded, as every
//!   `Display` here prints it, for tools that print it themselves.
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// Generated code names this crate `::tencent_errors`, also from inside it.
extern crate self as tencent_errors;

mod actions;
mod attempt_failure;
mod clock_skew;
mod code;
mod response;
mod retry_class;
mod table;

pub mod escape;
pub mod retry;

pub mod products;

#[cfg(feature = "limiter")]
#[cfg_attr(docsrs, doc(cfg(feature = "limiter")))]
pub mod limiter;

#[cfg(feature = "redis")]
#[cfg_attr(docsrs, doc(cfg(feature = "redis")))]
pub mod redis;

#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod http;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use actions::{Action, ActionCodes, Actions};
pub use attempt_failure::{AttemptError, Failure};
pub use clock_skew::{parse_http_date, ClockSkew, InvalidHttpDate, RejectedDate, SigningClock};
pub use code::{TencentError, UnknownCode, UnrecognizedCode};
pub use response::{parse_response, ApiError, Error, InvalidBody, InvalidBodyKind, Success};
pub use retry_class::{ParseRetryClassError, RetryClass};
pub use tencent_errors_macros::{error_codes, TencentError};

error_codes! {
    /// The common error codes of the Tencent Cloud API: every product's API
    /// can answer with these. Generated from the crate's `codes.toml`.
    ///
    /// Match on the codes you handle and keep a catch-all arm: the enum is
    /// `#[non_exhaustive]`, and codes it does not list arrive in
    /// [`CommonCode::Other`], exactly as received.
    ///
    /// ```
    /// use tencent_errors::{CommonCode, RetryClass};
    ///
    /// let code: CommonCode = "AuthFailure.SignatureExpire".parse().unwrap();
    /// match &code {
    ///     CommonCode::AuthFailureSignatureExpire => { /* re-sign with a corrected clock */ }
    ///     CommonCode::RequestLimitExceeded => { /* back off */ }
    ///     other => println!("{other}: {:?}", other.description()),
    /// }
    /// assert_eq!(code.retry_class(), RetryClass::Refresh);
    /// assert_eq!(code.as_str(), "AuthFailure.SignatureExpire");
    /// ```
    pub enum CommonCode from "codes.toml";
}

// The README's examples run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
