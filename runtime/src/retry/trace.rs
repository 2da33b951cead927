//! `tracing` events of the retry loop, behind the `tracing` feature; without
//! it these functions do nothing and the crate does not depend on `tracing`.

use core::time::Duration;

use super::{Failure, StopReason};

/// The target of every event, for filters such as
/// `RUST_LOG=tencent_errors::retry=debug`.
#[cfg(feature = "tracing")]
const TARGET: &str = "tencent_errors::retry";

/// An attempt failed and will be retried after `delay`.
pub(crate) fn retrying(
    attempt: u32,
    failure: Failure,
    code: Option<&str>,
    request_id: Option<&str>,
    delay: Duration,
) {
    #[cfg(feature = "tracing")]
    tracing::debug!(
        target: TARGET,
        attempt,
        code,
        request_id,
        failure = %failure,
        delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
        "retrying Tencent Cloud request"
    );
    #[cfg(not(feature = "tracing"))]
    let _ = (attempt, failure, code, request_id, delay);
}

/// An attempt failed and the call returns its error.
pub(crate) fn gave_up(
    attempts: u32,
    reason: StopReason,
    code: Option<&str>,
    request_id: Option<&str>,
) {
    #[cfg(feature = "tracing")]
    tracing::debug!(
        target: TARGET,
        attempts,
        code,
        request_id,
        reason = reason.as_str(),
        "not retrying Tencent Cloud request"
    );
    #[cfg(not(feature = "tracing"))]
    let _ = (attempts, reason, code, request_id);
}

/// A call was refused before its first attempt.
pub(crate) fn refused(reason: StopReason) {
    #[cfg(feature = "tracing")]
    tracing::debug!(target: TARGET, reason = reason.as_str(), "not sending Tencent Cloud request");
    #[cfg(not(feature = "tracing"))]
    let _ = reason;
}
