//! How an error code should be retried.

use core::fmt;
use core::str::FromStr;

/// How a failed request should be retried, as codes.toml's `retry` key says.
///
/// The class says what the error means for a retry; whether a retry actually
/// happens also depends on the action (is it idempotent?), the attempt and the
/// time left, which a retry policy decides.
///
/// ```
/// use tencent_errors::{CommonCode, RetryClass};
///
/// assert_eq!(CommonCode::RequestLimitExceeded.retry_class(), RetryClass::Throttling);
/// assert_eq!(CommonCode::InternalError.retry_class(), RetryClass::Transient);
/// assert!(!RetryClass::Never.is_retryable());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
#[repr(u8)]
pub enum RetryClass {
    /// Retrying the same request cannot succeed: fix the request or give up.
    #[default]
    Never = 0,
    /// The request was rejected by a rate limit before it ran: retry after a backoff.
    Throttling = 1,
    /// The service failed, perhaps after the request ran: retry only idempotent requests.
    Transient = 2,
    /// Credentials or the signature must be refreshed (new temporary credentials,
    /// a corrected clock) before a single retry.
    Refresh = 3,
}

impl RetryClass {
    /// Every class, in the order of their codes.toml spelling's documentation.
    pub const ALL: &'static [RetryClass] = &[
        RetryClass::Never,
        RetryClass::Throttling,
        RetryClass::Transient,
        RetryClass::Refresh,
    ];

    /// The spelling used by codes.toml's `retry` key: `"never"`, `"throttling"`,
    /// `"transient"` or `"refresh"`.
    ///
    /// ```
    /// assert_eq!(tencent_errors::RetryClass::Refresh.as_str(), "refresh");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            RetryClass::Never => "never",
            RetryClass::Throttling => "throttling",
            RetryClass::Transient => "transient",
            RetryClass::Refresh => "refresh",
        }
    }

    /// Whether some retry may help (every class but [`RetryClass::Never`]).
    ///
    /// ```
    /// assert!(tencent_errors::RetryClass::Throttling.is_retryable());
    /// ```
    pub const fn is_retryable(self) -> bool {
        !matches!(self, RetryClass::Never)
    }

    /// The class stored in a generated table; unknown numbers mean `Never`.
    pub(crate) const fn from_table(byte: u8) -> RetryClass {
        match byte {
            1 => RetryClass::Throttling,
            2 => RetryClass::Transient,
            3 => RetryClass::Refresh,
            _ => RetryClass::Never,
        }
    }
}

impl fmt::Display for RetryClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`RetryClass`] from a string that names none.
#[derive(Clone, PartialEq, Eq)]
pub struct ParseRetryClassError {
    input: String,
}

impl fmt::Display for ParseRetryClassError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown retry class {:?}: expected one of \"never\", \"throttling\", \"transient\", \"refresh\"",
            crate::escape::Bounded::new(&self.input, 64)
        )
    }
}

impl fmt::Debug for ParseRetryClassError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParseRetryClassError")
            .field("input", &crate::escape::Bounded::new(&self.input, 64))
            .finish()
    }
}

impl std::error::Error for ParseRetryClassError {}

impl FromStr for RetryClass {
    type Err = ParseRetryClassError;

    /// Parses codes.toml's spelling.
    ///
    /// ```
    /// use tencent_errors::RetryClass;
    /// assert_eq!("throttling".parse::<RetryClass>().unwrap(), RetryClass::Throttling);
    /// assert!("sometimes".parse::<RetryClass>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RetryClass::ALL
            .iter()
            .copied()
            .find(|class| class.as_str() == s)
            .ok_or_else(|| ParseRetryClassError {
                input: s.to_owned(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_round_trips() {
        for &class in RetryClass::ALL {
            assert_eq!(class.as_str().parse::<RetryClass>(), Ok(class));
            assert_eq!(RetryClass::from_table(class as u8), class);
        }
    }

    #[test]
    fn unknown_table_byte_is_never() {
        assert_eq!(RetryClass::from_table(200), RetryClass::Never);
    }
}
