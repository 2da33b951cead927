//! Limits shared by a fleet through Redis (feature `redis`): every process
//! of a service admits its requests from one learned rate per
//! [`LimitKey`](crate::limiter::LimitKey) ([`SharedLimiter`]) and pays its
//! retries from one retry budget ([`SharedBudget`]).
//!
//! Tencent Cloud's limits count the whole account: processes that each
//! learn alone still send several times the limit between them. Shared, the
//! fleet learns once and stays under it.
//!
//! Redis is a helper, never a dependency of a call: the [`RedisLink`] bounds
//! every wait (100 ms to connect, 50 ms to answer, by default), and while
//! Redis is unreachable, slow or restarting each process limits on its own
//! in-process state; sharing resumes when Redis answers again. The state is
//! updated atomically on the server by Lua scripts, and every key expires
//! when unused.
//!
//! ```no_run
//! # async fn example() -> Result<(), Box<dyn std::error::Error>> {
//! use tencent_errors::limiter::LimiterConfig;
//! use tencent_errors::redis::{RedisConfig, RedisLink, SharedBudget, SharedLimiter};
//! use tencent_errors::retry::{Retrier, RetryBudget, RetryPolicy};
//!
//! let link = RedisLink::new(RedisConfig::new("redis://127.0.0.1:6379/"))?;
//! let limiter = SharedLimiter::new(link.clone(), LimiterConfig::default());
//! let budget = RetryBudget::default();
//! let shared_budget = SharedBudget::new(link, "ap-guangzhou", budget.clone());
//! let _sync = shared_budget.spawn_sync(std::time::Duration::from_millis(100));
//! let retrier = Retrier::new(RetryPolicy::default()).with_budget(budget);
//! # let _ = (limiter, retrier);
//! # Ok(())
//! # }
//! ```

mod budget;
mod link;
#[cfg(test)]
mod script_agrees;
mod shared_limiter;
mod trace;

pub use budget::{SharedBudget, SyncTask};
pub use link::{RedisConfig, RedisLink};
pub use shared_limiter::SharedLimiter;
