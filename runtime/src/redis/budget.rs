//! The retry budget shared by a fleet: each process keeps deciding on its
//! own [`RetryBudget`] (no Redis round trip on the request path) and
//! exchanges what it spent with Redis every sync, taking in what the others
//! spent.

use core::fmt;
use core::time::Duration;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use ::redis::Script;

use super::shared_limiter::escape_part;
use super::RedisLink;
use crate::retry::RetryBudget;

fn script() -> &'static Script {
    static SCRIPT: OnceLock<Script> = OnceLock::new();
    SCRIPT.get_or_init(|| Script::new(include_str!("budget.lua")))
}

/// A [`RetryBudget`] that every process of a fleet pays into together: an
/// endpoint in trouble stops the whole fleet's retries, not one process's.
///
/// Calls keep spending from the local budget, with no wait; each
/// [`sync`](SharedBudget::sync) (every 100 ms, say, from
/// [`spawn_sync`](SharedBudget::spawn_sync)) adds this process's spending
/// and refills to the fleet's balance in Redis, atomically, and sets the
/// local budget to the result. A sync that fails (Redis unreachable, slow,
/// restarted) changes nothing: the local budget goes on alone, and the next
/// sync that reaches Redis carries everything spent meanwhile.
///
/// ```
/// use tencent_errors::redis::{RedisConfig, RedisLink, SharedBudget};
/// use tencent_errors::retry::RetryBudget;
///
/// let link = RedisLink::new(RedisConfig::new("redis://127.0.0.1:6379/")).unwrap();
/// let budget = RetryBudget::default();
/// let shared = SharedBudget::new(link, "ap-guangzhou", budget.clone());
/// assert_eq!(shared.budget().available(), budget.available());
/// ```
#[derive(Clone)]
pub struct SharedBudget {
    link: RedisLink,
    key: String,
    budget: RetryBudget,
    /// The local balance right after the last sync that reached Redis.
    synced: Arc<Mutex<u32>>,
}

impl SharedBudget {
    /// Shares `budget` with every process that uses the same `endpoint`
    /// name (a region, say) through `link`.
    pub fn new(link: RedisLink, endpoint: &str, budget: RetryBudget) -> SharedBudget {
        let key = link.key(&["budget", &escape_part(endpoint)]);
        let synced = Arc::new(Mutex::new(budget.config().capacity()));
        SharedBudget {
            link,
            key,
            budget,
            synced,
        }
    }

    /// The local budget the retrier pays from.
    pub fn budget(&self) -> &RetryBudget {
        &self.budget
    }

    /// Adds what this process spent and refilled since the last sync to
    /// the fleet's balance, and takes the fleet's balance in. Returns
    /// whether Redis answered; when it did not, nothing changed.
    pub async fn sync(&self) -> bool {
        let before = self.budget.available();
        let delta = i64::from(before) - i64::from(*self.synced());
        let capacity = self.budget.config().capacity();
        let ttl_ms = u64::try_from(self.link.config().key_ttl().as_millis()).unwrap_or(u64::MAX);
        let fleet = self
            .link
            .run(|mut connection| {
                let mut invocation = script().key(&self.key);
                invocation.arg(delta).arg(capacity).arg(ttl_ms);
                async move { invocation.invoke_async::<i64>(&mut connection).await }
            })
            .await;
        let Some(fleet) = fleet else {
            return false;
        };
        // Calls that spent or refilled during the round trip count on top.
        let during = i64::from(self.budget.available()) - i64::from(before);
        let target = fleet + during;
        let now = self.budget.available();
        let balance = self.budget.adjust(target - i64::from(now));
        *self.synced() = balance;
        true
    }

    /// Syncs every `interval` on the tokio runtime until the returned
    /// guard is dropped.
    pub fn spawn_sync(&self, interval: Duration) -> SyncTask {
        let shared = self.clone();
        let interval = interval.max(Duration::from_millis(1));
        let handle = ::tokio::spawn(async move {
            loop {
                shared.sync().await;
                ::tokio::time::sleep(interval).await;
            }
        });
        SyncTask { handle }
    }

    fn synced(&self) -> std::sync::MutexGuard<'_, u32> {
        // A u32 is whole whatever a panicking holder did.
        self.synced.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl fmt::Debug for SharedBudget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedBudget")
            .field("key", &self.key)
            .field("available", &self.budget.available())
            .field("link", &self.link)
            .finish()
    }
}

/// The task [`SharedBudget::spawn_sync`] started; dropping it stops the
/// syncing.
#[derive(Debug)]
pub struct SyncTask {
    handle: ::tokio::task::JoinHandle<()>,
}

impl Drop for SyncTask {
    fn drop(&mut self) {
        self.handle.abort();
    }
}
