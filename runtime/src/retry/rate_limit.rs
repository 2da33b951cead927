//! The limiter hook (feature `limiter`): before every attempt the retrier
//! asks the [`RateLimit`] for a slot and waits for it; after a throttling
//! answer it tells the limiter.

use core::time::Duration;
use std::sync::Arc;

use super::{AsyncSleep, Call, Clock};
use crate::limiter::{Admission, LimitKey, RateLimit, RateLimited, StatedLimit};

/// A limiter and the account and region it counts for.
#[derive(Debug, Clone)]
pub(crate) struct LimitGate {
    limiter: Arc<dyn RateLimit>,
    /// Account and region; the action comes from each call.
    scope: LimitKey,
}

impl LimitGate {
    pub(crate) fn new(limiter: Arc<dyn RateLimit>, account: &str, region: &str) -> LimitGate {
        LimitGate {
            limiter,
            scope: LimitKey::new(account, region, ""),
        }
    }

    /// The key a call counts against; `None` for a call that names no
    /// action (it is not limited).
    pub(crate) fn key(&self, call: &Call) -> Option<LimitKey> {
        call.action().map(|action| self.scope.for_action(action))
    }

    /// Waits for a slot with `sleep`; returns how long it waited.
    pub(crate) async fn admit<S: AsyncSleep>(
        &self,
        key: &LimitKey,
        sleep: &mut S,
    ) -> Result<Duration, RateLimited> {
        let mut waited = Duration::ZERO;
        loop {
            match self.limiter.admit(key, waited).await {
                Admission::Send { after } => {
                    if !after.is_zero() {
                        sleep.sleep(after).await;
                    }
                    return Ok(waited + after);
                }
                Admission::AskAgain { after } => {
                    // Never spin: a limiter that says "now" still waits a tick.
                    let after = after.max(Duration::from_millis(1));
                    sleep.sleep(after).await;
                    waited += after;
                }
                Admission::Refused(refused) => return Err(refused),
            }
        }
    }

    /// Waits for a slot on `clock`, blocking the thread.
    pub(crate) fn admit_blocking(
        &self,
        key: &LimitKey,
        clock: &dyn Clock,
    ) -> Result<Duration, RateLimited> {
        let mut waited = Duration::ZERO;
        loop {
            match self.limiter.admit_blocking(key, waited) {
                Admission::Send { after } => {
                    if !after.is_zero() {
                        clock.sleep(after);
                    }
                    return Ok(waited + after);
                }
                Admission::AskAgain { after } => {
                    let after = after.max(Duration::from_millis(1));
                    clock.sleep(after);
                    waited += after;
                }
                Admission::Refused(refused) => return Err(refused),
            }
        }
    }

    /// Books a throttling answer whose message was `message`.
    pub(crate) fn throttled(&self, key: &LimitKey, message: Option<&str>) {
        let stated = message.and_then(StatedLimit::from_message);
        self.limiter.throttled(key, stated);
    }
}
