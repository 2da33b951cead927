//! The limiter shared by a fleet: the learned rate of every key kept in
//! Redis and updated there by one Lua script, with the in-process limiter
//! as the fallback while Redis fails.

use core::fmt;
use core::time::Duration;
use std::sync::OnceLock;

use ::redis::Script;

use super::RedisLink;
use crate::limiter::{
    AdaptiveLimiter, Admission, LimitFuture, LimitKey, LimiterConfig, RateLimit, RateLimited,
    StatedLimit, BETA, MEASURE_SECONDS, MIN_RATE, SCALE, SMOOTH,
};

/// The script: `limiter.lua`, the learned rate of `limiter/cubic.rs` in Lua.
fn script() -> &'static Script {
    static SCRIPT: OnceLock<Script> = OnceLock::new();
    SCRIPT.get_or_init(|| Script::new(include_str!("limiter.lua")))
}

/// A rate limiter shared by every process of a fleet through Redis: one
/// learned rate per [`LimitKey`] for all of them, so that together they
/// stay under the account's limit instead of each backing off alone.
///
/// Every admission is one Lua script run on the Redis server (atomic; the
/// server's clock), every throttling answer one more. Keys expire after
/// [`key_ttl`](super::RedisConfig::key_ttl) unused.
///
/// When Redis is unreachable, slow (no answer within the response timeout)
/// or restarted, no call waits longer than the link's timeouts and none is
/// lost: the call is admitted by the in-process [`AdaptiveLimiter`] (which
/// also learns from every throttling answer, shared or not), and sharing
/// resumes once Redis answers again. The async calls need a tokio runtime
/// (polled outside one, they limit locally); a blocked thread
/// ([`RateLimit::admit_blocking`], as `Retrier::run_blocking` calls it)
/// shares through a blocking connection, with the same timeouts.
///
/// ```no_run
/// # async fn example() -> Result<(), Box<dyn std::error::Error>> {
/// use std::time::Duration;
/// use tencent_errors::limiter::{Admission, LimitKey, LimiterConfig, RateLimit};
/// use tencent_errors::redis::{RedisConfig, RedisLink, SharedLimiter};
///
/// let link = RedisLink::new(RedisConfig::new("redis://127.0.0.1:6379/"))?;
/// let limiter = SharedLimiter::new(link, LimiterConfig::default());
/// let key = LimitKey::new("100012345678", "ap-guangzhou", "DescribeInstances");
/// match limiter.admit(&key, Duration::ZERO).await {
///     Admission::Send { after } => tokio::time::sleep(after).await, // then send
///     Admission::AskAgain { after } => { /* wait, then ask again */ }
///     Admission::Refused(refused) => return Err(refused.into()),
///     _ => {}
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct SharedLimiter {
    link: RedisLink,
    fallback: AdaptiveLimiter,
}

impl SharedLimiter {
    /// A limiter with `config`, shared through `link`, falling back to a
    /// fresh [`AdaptiveLimiter`] with the same settings.
    pub fn new(link: RedisLink, config: LimiterConfig) -> SharedLimiter {
        SharedLimiter {
            link,
            fallback: AdaptiveLimiter::new(config),
        }
    }

    /// Falls back to `fallback` (and takes its settings).
    pub fn with_fallback(mut self, fallback: AdaptiveLimiter) -> SharedLimiter {
        self.fallback = fallback;
        self
    }

    /// The link to Redis.
    pub fn link(&self) -> &RedisLink {
        &self.link
    }

    /// The in-process limiter used while Redis fails.
    pub fn fallback(&self) -> &AdaptiveLimiter {
        &self.fallback
    }

    /// The settings.
    pub fn config(&self) -> &LimiterConfig {
        self.fallback.config()
    }

    /// Asks the fleet's limiter to send one request for `key`, after the
    /// call already waited `waited` for this attempt. Falls back to the
    /// in-process limiter when Redis does not answer in time.
    pub async fn admit_shared(&self, key: &LimitKey, waited: Duration) -> Admission {
        let allowed = self.config().max_wait().saturating_sub(waited);
        let answer = self
            .link
            .run(|mut connection| {
                let invocation = self.invocation(key, "admit", allowed.as_secs_f64());
                async move { invocation.invoke_async::<(u8, u64)>(&mut connection).await }
            })
            .await;
        self.admission(key, waited, answer)
    }

    /// The script's answer to an admission as an [`Admission`]; the
    /// fallback's when Redis gave none.
    fn admission(&self, key: &LimitKey, waited: Duration, answer: Option<(u8, u64)>) -> Admission {
        let config = self.config();
        match answer {
            Some((0, micros)) => Admission::Send {
                after: Duration::from_micros(micros),
            },
            Some((_, micros)) => Admission::Refused(RateLimited::new(
                key.clone(),
                waited + Duration::from_micros(micros),
                config.max_wait(),
            )),
            None => self.fallback.admit_now(key, waited),
        }
    }

    /// Books a throttling answer for `key` with the fleet, and with the
    /// fallback so that it is ready if Redis fails; returns when Redis has
    /// it or failed. [`RateLimit::throttled`] does the same without waiting.
    pub async fn throttled_shared(&self, key: &LimitKey, stated: Option<StatedLimit>) {
        self.fallback.throttled_now(key, stated);
        self.tell_fleet(key, stated).await;
    }

    /// [`tell_fleet`](Self::tell_fleet) from a blocked thread.
    fn tell_fleet_blocking(&self, key: &LimitKey, stated: Option<StatedLimit>) {
        let stated = stated.map_or(0.0, |limit| limit.per_second());
        let _ = self.link.run_blocking(|connection| {
            self.invocation(key, "throttled", stated)
                .invoke::<(u8, u64)>(connection)
        });
    }

    async fn tell_fleet(&self, key: &LimitKey, stated: Option<StatedLimit>) {
        let stated = stated.map_or(0.0, |limit| limit.per_second());
        // A lost update only delays what the fleet learns; the fallback has it.
        let _ = self
            .link
            .run(|mut connection| {
                let invocation = self.invocation(key, "throttled", stated);
                async move { invocation.invoke_async::<(u8, u64)>(&mut connection).await }
            })
            .await;
    }

    /// The script's invocation for `operation` on `key` with its argument;
    /// then the window, headroom, configured rate, key TTL and the curve's
    /// constants.
    pub(super) fn invocation(
        &self,
        key: &LimitKey,
        operation: &str,
        argument: f64,
    ) -> ::redis::ScriptInvocation<'static> {
        let config = self.config();
        let configured = config
            .rate_of(key.action())
            .map_or(0.0, |rate| f64::from(rate.get()));
        let ttl_ms = u64::try_from(self.link.config().key_ttl().as_millis()).unwrap_or(u64::MAX);
        let mut invocation = script().key(self.key_of(key));
        invocation
            .arg(operation)
            .arg(argument)
            .arg(config.window().as_secs_f64())
            .arg(config.headroom())
            .arg(configured)
            .arg(ttl_ms)
            .arg(MIN_RATE)
            .arg(BETA)
            .arg(SCALE)
            .arg(SMOOTH)
            .arg(MEASURE_SECONDS);
        invocation
    }

    /// `prefix:limit:account:region:action`, each part escaped so that no
    /// two keys share a name.
    fn key_of(&self, key: &LimitKey) -> String {
        self.link.key(&[
            "limit",
            &escape_part(key.account()),
            &escape_part(key.region()),
            &escape_part(key.action()),
        ])
    }
}

/// `%` and `:` percent-encoded: the parts of a key name stay apart.
pub(crate) fn escape_part(part: &str) -> String {
    part.replace('%', "%25").replace(':', "%3A")
}

impl fmt::Debug for SharedLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedLimiter")
            .field("link", &self.link)
            .field("fallback", &self.fallback)
            .finish()
    }
}

impl RateLimit for SharedLimiter {
    fn admit<'a>(&'a self, key: &'a LimitKey, waited: Duration) -> LimitFuture<'a, Admission> {
        Box::pin(self.admit_shared(key, waited))
    }

    /// The fleet's answer through a blocking connection, within the same
    /// timeouts as [`admit_shared`](SharedLimiter::admit_shared); the
    /// in-process fallback's when Redis does not answer in time.
    fn admit_blocking(&self, key: &LimitKey, waited: Duration) -> Admission {
        let allowed = self.config().max_wait().saturating_sub(waited);
        let answer = self.link.run_blocking(|connection| {
            self.invocation(key, "admit", allowed.as_secs_f64())
                .invoke::<(u8, u64)>(connection)
        });
        self.admission(key, waited, answer)
    }

    /// Books the answer in the fallback at once, and tells the fleet from a
    /// task on the current tokio runtime; outside one (a blocked thread),
    /// through a blocking connection before returning.
    fn throttled(&self, key: &LimitKey, stated: Option<StatedLimit>) {
        self.fallback.throttled_now(key, stated);
        match ::tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                let (limiter, key) = (self.clone(), key.clone());
                runtime.spawn(async move { limiter.tell_fleet(&key, stated).await });
            }
            Err(_) => self.tell_fleet_blocking(key, stated),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_parts_cannot_run_into_each_other() {
        assert_eq!(escape_part("a:b"), "a%3Ab");
        assert_eq!(escape_part("a%3Ab"), "a%253Ab");
        assert_ne!(escape_part("a:b"), escape_part("a%3Ab"));
    }
}
