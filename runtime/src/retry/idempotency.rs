//! Whether repeating a request is safe when it may already have run.

use core::fmt;

/// Action-name prefixes of read-only Tencent Cloud actions.
const READ_ONLY_PREFIXES: &[&str] = &["Describe", "Get", "List", "Query", "Check", "Inquiry"];

/// Whether sending a request twice has the same effect as sending it once.
///
/// A [`Transient`](crate::RetryClass::Transient) error such as
/// `InternalError` may come after the action ran: only an idempotent request
/// may then be repeated. Throttled, refused-for-signature and never-sent
/// requests did not run and may be repeated either way.
///
/// [`Idempotency::infer`] reads it off the request; state it yourself when
/// you know better.
///
/// ```
/// use tencent_errors::retry::Idempotency;
///
/// assert_eq!(Idempotency::infer("DescribeInstances", None), Idempotency::Idempotent);
/// assert_eq!(Idempotency::infer("RunInstances", None), Idempotency::NotIdempotent);
/// // A ClientToken makes the service run the request at most once.
/// assert_eq!(Idempotency::infer("RunInstances", Some("5f0c7a1e")), Idempotency::Idempotent);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Idempotency {
    /// Repeating the request is harmless: a read, or a write carrying a
    /// `ClientToken`.
    Idempotent,
    /// The request may change state each time it runs (`Create*`,
    /// `RunInstances`, `Purchase*`, ...): never repeated after it may have run.
    NotIdempotent,
}

impl Idempotency {
    /// Infers idempotency from the action name and the request's
    /// `ClientToken` parameter, if any.
    ///
    /// Idempotent are read-only actions, whose names start with `Describe`,
    /// `Get`, `List`, `Query`, `Check` or `Inquiry` followed by an upper-case
    /// letter (`DescribeInstances`, `InquiryPriceRunInstances`; not
    /// `Checkout`), and requests with a `ClientToken` that is not empty or only
    /// whitespace. Everything else is not.
    ///
    /// ```
    /// use tencent_errors::retry::Idempotency;
    ///
    /// assert!(Idempotency::infer("InquiryPriceRunInstances", None).is_idempotent());
    /// assert!(!Idempotency::infer("CreateStreamLiveChannel", None).is_idempotent());
    /// assert!(!Idempotency::infer("CreateStreamLiveChannel", Some("")).is_idempotent());
    /// assert!(!Idempotency::infer("CreateStreamLiveChannel", Some("  ")).is_idempotent());
    /// ```
    pub fn infer(action: &str, client_token: Option<&str>) -> Idempotency {
        let has_client_token = client_token.is_some_and(|token| !token.trim().is_empty());
        if has_client_token || is_read_only_action(action) {
            Idempotency::Idempotent
        } else {
            Idempotency::NotIdempotent
        }
    }

    /// Whether this is [`Idempotency::Idempotent`].
    ///
    /// ```
    /// assert!(tencent_errors::retry::Idempotency::Idempotent.is_idempotent());
    /// ```
    pub const fn is_idempotent(self) -> bool {
        matches!(self, Idempotency::Idempotent)
    }
}

impl fmt::Display for Idempotency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Idempotency::Idempotent => "idempotent",
            Idempotency::NotIdempotent => "not idempotent",
        })
    }
}

/// The prefix must end a word: `DescribeX`, not `Describer`.
fn is_read_only_action(action: &str) -> bool {
    READ_ONLY_PREFIXES.iter().any(|prefix| {
        action
            .strip_prefix(prefix)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|next| next.is_ascii_uppercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_only_prefixes_must_end_a_word() {
        for action in [
            "DescribeStreamLiveChannels",
            "GetMonitorData",
            "ListUsers",
            "QueryCustomersCredit",
            "CheckDomain",
            "InquiryPriceRunInstances",
        ] {
            assert!(is_read_only_action(action), "{action}");
        }
        for action in [
            "Describe",
            "Checkout",
            "Getaway",
            "Listen",
            "",
            "describeInstances",
        ] {
            assert!(!is_read_only_action(action), "{action}");
        }
    }
}
