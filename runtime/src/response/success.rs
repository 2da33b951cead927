//! [`Success`]: a decoded answer's payload, RequestId and warning.

use core::fmt;

use crate::escape::{bounded_option, Bounded, MESSAGE_SHOWN_BYTES, REQUEST_ID_SHOWN_BYTES};

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
    pub(super) data: T,
    pub(super) request_id: String,
    pub(super) deprecated_warning: Option<String>,
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
