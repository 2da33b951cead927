//! The connection to Redis, and what happens when Redis fails: every
//! command has a bounded wait, a failure sends callers to their local
//! fallback for a while, and the next call after that tries Redis again.

use core::fmt;
use core::future::Future;
use core::time::Duration;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use ::redis::aio::MultiplexedConnection;
use ::redis::{AsyncConnectionConfig, Client, Connection, RedisError};

use crate::retry::{Clock, SystemClock};

/// Where Redis is and how long to wait for it.
///
/// ```
/// use std::time::Duration;
/// use tencent_errors::redis::RedisConfig;
///
/// let config = RedisConfig::new("redis://127.0.0.1:6379/")
///     .with_key_prefix("billing-service")
///     .with_response_timeout(Duration::from_millis(20));
/// assert_eq!(config.key_prefix(), "billing-service");
/// assert_eq!(config.connect_timeout(), Duration::from_millis(100));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct RedisConfig {
    url: String,
    key_prefix: String,
    connect_timeout: Duration,
    response_timeout: Duration,
    retry_after: Duration,
    key_ttl: Duration,
}

impl RedisConfig {
    /// Redis at `url` (`redis://host:port/db`), with the defaults: keys
    /// under `tencent-errors`, 100 ms to connect, 50 ms to answer, 1 s of
    /// local limiting after a failure, keys that expire 10 minutes after
    /// their last use.
    pub fn new(url: &str) -> RedisConfig {
        RedisConfig {
            url: url.to_owned(),
            key_prefix: "tencent-errors".to_owned(),
            connect_timeout: Duration::from_millis(100),
            response_timeout: Duration::from_millis(50),
            retry_after: Duration::from_secs(1),
            key_ttl: Duration::from_secs(600),
        }
    }

    /// The prefix of every key: fleets that share a Redis but not their
    /// limits take different prefixes.
    pub fn with_key_prefix(mut self, prefix: &str) -> RedisConfig {
        self.key_prefix = prefix.to_owned();
        self
    }

    /// The longest wait for a connection.
    pub fn with_connect_timeout(mut self, timeout: Duration) -> RedisConfig {
        self.connect_timeout = timeout;
        self
    }

    /// The longest wait for an answer; a request never waits longer for
    /// Redis than this (plus the connect timeout when it reconnects).
    pub fn with_response_timeout(mut self, timeout: Duration) -> RedisConfig {
        self.response_timeout = timeout;
        self
    }

    /// After a failure, how long calls use their local fallback before one
    /// of them tries Redis again.
    pub fn with_retry_after(mut self, retry_after: Duration) -> RedisConfig {
        self.retry_after = retry_after;
        self
    }

    /// How long a key lives after its last use (at least 1 ms).
    pub fn with_key_ttl(mut self, ttl: Duration) -> RedisConfig {
        self.key_ttl = ttl.max(Duration::from_millis(1));
        self
    }

    /// The URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The prefix of every key.
    pub fn key_prefix(&self) -> &str {
        &self.key_prefix
    }

    /// The longest wait for a connection.
    pub fn connect_timeout(&self) -> Duration {
        self.connect_timeout
    }

    /// The longest wait for an answer.
    pub fn response_timeout(&self) -> Duration {
        self.response_timeout
    }

    /// How long the local fallback is used after a failure.
    pub fn retry_after(&self) -> Duration {
        self.retry_after
    }

    /// How long a key lives after its last use.
    pub fn key_ttl(&self) -> Duration {
        self.key_ttl
    }
}

impl fmt::Debug for RedisConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisConfig")
            .field("url", &redacted(&self.url))
            .field("key_prefix", &self.key_prefix)
            .field("connect_timeout", &self.connect_timeout)
            .field("response_timeout", &self.response_timeout)
            .field("retry_after", &self.retry_after)
            .field("key_ttl", &self.key_ttl)
            .finish()
    }
}

/// `url` without the password it may carry (`redis://user:secret@host`).
fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://***{}", &url[..scheme], &url[at..])
        }
        _ => url.to_owned(),
    }
}

/// A connection to Redis that never makes a caller wait long and never
/// fails a caller: a command that fails or times out returns `None`, and the
/// callers fall back to their local state until
/// [`retry_after`](RedisConfig::retry_after) has passed. Clones share the
/// connection.
///
/// Nothing connects until the first command: making a link with Redis down
/// is fine.
///
/// ```
/// use tencent_errors::redis::{RedisConfig, RedisLink};
///
/// let link = RedisLink::new(RedisConfig::new("redis://127.0.0.1:6379/")).unwrap();
/// assert!(!link.is_up()); // not connected yet
/// assert!(RedisLink::new(RedisConfig::new("not a url")).is_err());
/// ```
#[derive(Clone)]
pub struct RedisLink {
    shared: Arc<Shared>,
}

struct Shared {
    client: Client,
    /// Where Redis is, without credentials: what logs and `Debug` show.
    address: String,
    config: RedisConfig,
    clock: Arc<dyn Clock>,
    state: Mutex<State>,
    /// Blocking connections between the calls of blocked threads.
    idle: Mutex<Vec<Connection>>,
    /// Whether the last blocking command reached Redis.
    blocking_up: AtomicBool,
    failures: AtomicU64,
}

/// How many blocking connections wait idle for the next blocked thread;
/// more threads at once open more, and close them after.
const MAX_IDLE: usize = 8;

enum State {
    /// Not connected; the next command connects.
    Idle,
    /// One caller is connecting; the others fall back meanwhile.
    Connecting,
    Up(MultiplexedConnection),
    /// A command failed; fall back until then.
    Down {
        until: Instant,
    },
}

impl RedisLink {
    /// A link to Redis at `config`'s URL, on the system clock. Fails only
    /// for a URL that cannot be parsed.
    pub fn new(config: RedisConfig) -> Result<RedisLink, RedisError> {
        RedisLink::on_clock(config, Arc::new(SystemClock))
    }

    /// The same link, not connected, measuring
    /// [`retry_after`](RedisConfig::retry_after) on `clock`.
    pub fn with_clock(self, clock: impl Clock + 'static) -> RedisLink {
        RedisLink {
            shared: Arc::new(Shared {
                client: self.shared.client.clone(),
                address: self.shared.address.clone(),
                config: self.shared.config.clone(),
                clock: Arc::new(clock),
                state: Mutex::new(State::Idle),
                idle: Mutex::default(),
                blocking_up: AtomicBool::new(false),
                failures: AtomicU64::new(0),
            }),
        }
    }

    fn on_clock(config: RedisConfig, clock: Arc<dyn Clock>) -> Result<RedisLink, RedisError> {
        let client = Client::open(config.url.as_str())?;
        let address = client.get_connection_info().addr().to_string();
        Ok(RedisLink {
            shared: Arc::new(Shared {
                client,
                address,
                config,
                clock,
                state: Mutex::new(State::Idle),
                idle: Mutex::default(),
                blocking_up: AtomicBool::new(false),
                failures: AtomicU64::new(0),
            }),
        })
    }

    /// The settings.
    pub fn config(&self) -> &RedisConfig {
        &self.shared.config
    }

    /// Whether the last command reached Redis.
    pub fn is_up(&self) -> bool {
        match *self.lock() {
            State::Up(_) => true,
            State::Down { .. } => false,
            State::Idle | State::Connecting => self.shared.blocking_up.load(Ordering::Relaxed),
        }
    }

    /// How many commands failed, timed out or were not tried because Redis
    /// was down: each time, the caller used its local fallback.
    pub fn failures(&self) -> u64 {
        self.shared.failures.load(Ordering::Relaxed)
    }

    /// `prefix:part:part...`, the name of a key.
    pub(crate) fn key(&self, parts: &[&str]) -> String {
        let mut key = self.shared.config.key_prefix.clone();
        for part in parts {
            key.push(':');
            key.push_str(part);
        }
        key
    }

    /// Runs `command` on the connection within the response timeout;
    /// `None` when Redis is down, slow or failing (then the caller falls
    /// back). A connection found closed (Redis restarted) is replaced at
    /// once, within the connect timeout. Outside a tokio runtime, always
    /// `None`.
    pub(crate) async fn run<T, F, Fut>(&self, command: F) -> Option<T>
    where
        F: Fn(MultiplexedConnection) -> Fut,
        Fut: Future<Output = Result<T, RedisError>>,
    {
        if ::tokio::runtime::Handle::try_current().is_err() {
            self.shared.failures.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        let mut reconnected = false;
        loop {
            let Some(connection) = self.connection().await else {
                self.shared.failures.fetch_add(1, Ordering::Relaxed);
                return None;
            };
            let timeout = self.shared.config.response_timeout;
            match ::tokio::time::timeout(timeout, command(connection)).await {
                Ok(Ok(value)) => return Some(value),
                Ok(Err(error)) if is_closed(&error) && !reconnected => {
                    // The server went away (restarted, say): one fresh
                    // connection, within the connect timeout.
                    reconnected = true;
                    *self.lock() = State::Idle;
                }
                Ok(Err(error)) => {
                    self.failed(&error.to_string());
                    self.shared.failures.fetch_add(1, Ordering::Relaxed);
                    return None;
                }
                Err(_elapsed) => {
                    self.failed("no answer within the response timeout");
                    self.shared.failures.fetch_add(1, Ordering::Relaxed);
                    return None;
                }
            }
        }
    }

    /// [`run`](Self::run) for a blocked thread, without a tokio runtime:
    /// `command` on a blocking connection (a few are kept idle between
    /// calls), with the same timeouts, and `None` whenever `run` would give
    /// `None`. A failure here sends the async callers to their fallback too.
    pub(crate) fn run_blocking<T, F>(&self, command: F) -> Option<T>
    where
        F: Fn(&mut Connection) -> Result<T, RedisError>,
    {
        let answer = self.try_blocking(command);
        if answer.is_none() {
            self.shared.failures.fetch_add(1, Ordering::Relaxed);
        }
        answer
    }

    fn try_blocking<T, F>(&self, command: F) -> Option<T>
    where
        F: Fn(&mut Connection) -> Result<T, RedisError>,
    {
        if let State::Down { until } = &*self.lock() {
            if self.shared.clock.now() < *until {
                return None;
            }
        }
        loop {
            let idle = self.idle().pop();
            let reused = idle.is_some();
            let mut connection = match idle {
                Some(connection) => connection,
                None => self.connect_blocking()?,
            };
            match command(&mut connection) {
                Ok(value) => {
                    let mut idle = self.idle();
                    if idle.len() < MAX_IDLE {
                        idle.push(connection);
                    }
                    drop(idle);
                    self.shared.blocking_up.store(true, Ordering::Relaxed);
                    let mut state = self.lock();
                    if matches!(*state, State::Down { .. }) {
                        // Up again: the async callers may connect at once.
                        *state = State::Idle;
                    }
                    return Some(value);
                }
                // An idle connection the server closed (it restarted, say):
                // try the next, or a fresh one.
                Err(error) if reused && is_closed(&error) => continue,
                Err(error) => {
                    self.failed(&error.to_string());
                    return None;
                }
            }
        }
    }

    /// A blocking connection within the connect timeout, whose commands
    /// wait at most the response timeout.
    fn connect_blocking(&self) -> Option<Connection> {
        let config = &self.shared.config;
        let connected = self
            .shared
            .client
            .get_connection_with_timeout(config.connect_timeout)
            .and_then(|connection| {
                connection.set_read_timeout(Some(config.response_timeout))?;
                connection.set_write_timeout(Some(config.response_timeout))?;
                Ok(connection)
            });
        match connected {
            Ok(connection) => Some(connection),
            Err(error) => {
                self.failed(&error.to_string());
                None
            }
        }
    }

    fn idle(&self) -> std::sync::MutexGuard<'_, Vec<Connection>> {
        // A vector of whole connections: nothing to repair after a panic.
        self.shared
            .idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The connection, connecting if it is time to; `None` meanwhile.
    async fn connection(&self) -> Option<MultiplexedConnection> {
        {
            let mut state = self.lock();
            match &*state {
                State::Up(connection) => return Some(connection.clone()),
                State::Connecting => return None,
                State::Down { until } if self.shared.clock.now() < *until => return None,
                State::Down { .. } | State::Idle => *state = State::Connecting,
            }
        }
        // Whatever happens to this future, the state leaves `Connecting`.
        let mut attempt = ConnectAttempt {
            link: self,
            done: false,
        };
        let config = &self.shared.config;
        let settings = AsyncConnectionConfig::new()
            .set_connection_timeout(Some(config.connect_timeout))
            .set_response_timeout(Some(config.response_timeout));
        let connecting = self
            .shared
            .client
            .get_multiplexed_async_connection_with_config(&settings);
        let connected = ::tokio::time::timeout(config.connect_timeout, connecting).await;
        attempt.done = true;
        match connected {
            Ok(Ok(connection)) => {
                *self.lock() = State::Up(connection.clone());
                crate::redis::trace::connected(&self.shared.address);
                Some(connection)
            }
            Ok(Err(error)) => {
                self.failed(&error.to_string());
                None
            }
            Err(_elapsed) => {
                self.failed("no connection within the connect timeout");
                None
            }
        }
    }

    fn failed(&self, why: &str) {
        self.shared.blocking_up.store(false, Ordering::Relaxed);
        let until = self.shared.clock.now() + self.shared.config.retry_after;
        *self.lock() = State::Down { until };
        crate::redis::trace::down(&self.shared.address, why);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // Every assignment leaves a whole state behind.
        self.shared
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// Whether `error` says the connection is closed (the server went away),
/// rather than that a command failed on a live one.
fn is_closed(error: &RedisError) -> bool {
    !error.is_timeout()
        && (error.is_connection_dropped() || error.is_connection_refusal() || error.is_io_error())
}

/// Puts a link that was connecting back to `Down` if the connecting future
/// is dropped before it finishes.
struct ConnectAttempt<'a> {
    link: &'a RedisLink,
    done: bool,
}

impl Drop for ConnectAttempt<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.link.failed("the connecting call was cancelled");
        }
    }
}

impl fmt::Debug for RedisLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match &*self.lock() {
            State::Idle => "idle",
            State::Connecting => "connecting",
            State::Up(_) => "up",
            State::Down { .. } => "down",
        };
        f.debug_struct("RedisLink")
            .field("address", &self.shared.address)
            .field("state", &state)
            .field("failures", &self.failures())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_in_the_url_is_never_shown() {
        let config = RedisConfig::new("redis://fleet:s3cret@10.0.0.7:6379/2");
        let shown = format!("{config:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("redis://***@10.0.0.7:6379/2"), "{shown}");
        let link = RedisLink::new(config).unwrap();
        assert!(!format!("{link:?}").contains("s3cret"));
    }
}
