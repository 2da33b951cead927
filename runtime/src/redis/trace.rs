//! `tracing` events of the Redis link, behind the `tracing` feature; without
//! it these functions do nothing.

/// The target of every event, for filters such as
/// `RUST_LOG=tencent_errors::redis=info`.
#[cfg(feature = "tracing")]
const TARGET: &str = "tencent_errors::redis";

/// The link (re)connected: sharing resumes.
pub(crate) fn connected(address: &str) {
    #[cfg(feature = "tracing")]
    tracing::info!(target: TARGET, address, "Redis connected: limits are shared");
    #[cfg(not(feature = "tracing"))]
    let _ = address;
}

/// A command failed: callers fall back to their local state for a while.
pub(crate) fn down(address: &str, why: &str) {
    #[cfg(feature = "tracing")]
    tracing::warn!(
        target: TARGET,
        address,
        error = %crate::escape::Bounded::new(why, 256),
        "Redis unavailable: limiting locally until it answers again"
    );
    #[cfg(not(feature = "tracing"))]
    let _ = (address, why);
}
