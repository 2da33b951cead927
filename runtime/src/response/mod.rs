//! Decoding the envelope every Tencent Cloud API answers with into a typed
//! [`Success`] or [`Error`].
//!
//! The body is parsed once. `Error`, `RequestId` and `DeprecatedWarning` are
//! decoded on the way; every other field of `Response` is kept as a borrowed
//! slice of raw JSON and handed to the payload type only when the envelope is
//! a success. An error envelope never touches the payload type, and a known
//! code is decoded from the borrowed string without allocating.
//!
//! One concern per file, each using only those listed before it:
//! `salvage.rs` (what an undecodable body still tells: its start, its
//! RequestId), the public results (`success.rs`, `invalid_body.rs`,
//! `error.rs`), `envelope.rs` (the one-pass visitor of the envelope) and
//! `payload.rs` (the action's fields, re-deserialized into its type). This
//! file joins them in [`parse_response`].

use std::borrow::Cow;

use serde::de::DeserializeOwned;

use crate::TencentError;

mod envelope;
mod error;
mod invalid_body;
mod payload;
mod salvage;
mod success;

#[cfg(test)]
mod tests;

pub use error::{ApiError, Error};
pub use invalid_body::{InvalidBody, InvalidBodyKind};
pub use success::Success;

use envelope::{decode_envelope, warning_text, DecodedCode, Findings};
use payload::decode_payload;
use salvage::scan_request_id;

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

fn is_json_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}
