//! An optional circuit breaker per endpoint, for failing over to another
//! region while one is unhealthy.

use core::fmt;
use core::time::Duration;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use super::{AttemptError, Clock, SystemClock};

/// The thresholds of a [`CircuitBreaker`].
///
/// The defaults follow the Tencent Cloud Go SDK's region breaker, with its
/// consecutive-failure rule made to work: open on at least 5 failures at a
/// failure rate of at least 75% within 60 s, or on 5 failures in a row; stay
/// open 60 s; then let 3 probes through and close when all 3 succeed.
///
/// ```
/// use std::time::Duration;
/// use tencent_errors::retry::BreakerConfig;
///
/// let config = BreakerConfig::default().with_open_for(Duration::from_secs(10));
/// assert_eq!(config.minimum_failures(), 5);
/// assert_eq!(config.failure_percent(), 75);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BreakerConfig {
    window: Duration,
    minimum_failures: u32,
    failure_percent: u8,
    consecutive_failures: u32,
    open_for: Duration,
    probes: u32,
}

impl BreakerConfig {
    /// The defaults: see [`BreakerConfig`].
    pub const fn new() -> BreakerConfig {
        BreakerConfig {
            window: Duration::from_secs(60),
            minimum_failures: 5,
            failure_percent: 75,
            consecutive_failures: 5,
            open_for: Duration::from_secs(60),
            probes: 3,
        }
    }

    /// How far back failures and successes count (a sliding window).
    pub const fn with_window(mut self, window: Duration) -> BreakerConfig {
        self.window = window;
        self
    }

    /// The fewest failures in the window that can open the breaker.
    pub const fn with_minimum_failures(mut self, failures: u32) -> BreakerConfig {
        self.minimum_failures = failures;
        self
    }

    /// The failure rate in the window, in percent, at or above which the
    /// breaker opens (given the minimum failures); capped at 100.
    pub const fn with_failure_percent(mut self, percent: u8) -> BreakerConfig {
        self.failure_percent = if percent > 100 { 100 } else { percent };
        self
    }

    /// Failures in a row that open the breaker whatever the rate; 0 turns
    /// this rule off.
    pub const fn with_consecutive_failures(mut self, failures: u32) -> BreakerConfig {
        self.consecutive_failures = failures;
        self
    }

    /// How long the breaker stays open before it lets probes through. A
    /// period too long to add to the clock (such as [`Duration::MAX`])
    /// keeps it open indefinitely.
    pub const fn with_open_for(mut self, open_for: Duration) -> BreakerConfig {
        self.open_for = open_for;
        self
    }

    /// How many probes a half-open breaker lets through, and how many must
    /// succeed to close it; at least 1.
    pub const fn with_probes(mut self, probes: u32) -> BreakerConfig {
        self.probes = if probes == 0 { 1 } else { probes };
        self
    }

    /// How far back failures and successes count.
    pub const fn window(&self) -> Duration {
        self.window
    }

    /// The fewest failures in the window that can open the breaker.
    pub const fn minimum_failures(&self) -> u32 {
        self.minimum_failures
    }

    /// The failure rate, in percent, at or above which the breaker opens.
    pub const fn failure_percent(&self) -> u8 {
        self.failure_percent
    }

    /// Failures in a row that open the breaker; 0 when the rule is off.
    pub const fn consecutive_failures(&self) -> u32 {
        self.consecutive_failures
    }

    /// How long the breaker stays open.
    pub const fn open_for(&self) -> Duration {
        self.open_for
    }

    /// How many probes a half-open breaker lets through.
    pub const fn probes(&self) -> u32 {
        self.probes
    }
}

impl Default for BreakerConfig {
    fn default() -> Self {
        BreakerConfig::new()
    }
}

/// The state of a [`CircuitBreaker`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BreakerState {
    /// Requests flow; failures are counted.
    Closed,
    /// Requests are refused until the open period ends.
    Open,
    /// A few probes may go through; their answers close or reopen the breaker.
    HalfOpen,
}

impl fmt::Display for BreakerState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BreakerState::Closed => "closed",
            BreakerState::Open => "open",
            BreakerState::HalfOpen => "half-open",
        })
    }
}

/// A circuit breaker for one endpoint (region): after many transient
/// failures it refuses requests for a while, so the caller can fail over to
/// another region, then lets a few probes through to find out whether the
/// endpoint recovered.
///
/// Only transient failures count as failures: transient error codes,
/// connections never established, timeouts. An answer with a RequestId and
/// any other code counts as a success: the endpoint works, the request did
/// not. [`record`](CircuitBreaker::record) applies that rule.
///
/// Clones share the state. A [`Retrier`](super::Retrier) uses one when given
/// one; it is off by default.
///
/// ```
/// use std::time::Duration;
/// use tencent_errors::retry::{BreakerConfig, BreakerState, CircuitBreaker, ManualClock};
///
/// let clock = ManualClock::new();
/// let breaker = CircuitBreaker::new(BreakerConfig::default()).with_clock(clock.clone());
/// for _ in 0..5 {
///     assert!(breaker.try_acquire());
///     breaker.record_failure();
/// }
/// assert_eq!(breaker.state(), BreakerState::Open);
/// assert!(!breaker.try_acquire());
///
/// clock.advance(Duration::from_secs(60));
/// assert_eq!(breaker.state(), BreakerState::HalfOpen);
/// for _ in 0..3 {
///     assert!(breaker.try_acquire());
///     breaker.record_success();
/// }
/// assert_eq!(breaker.state(), BreakerState::Closed);
/// ```
#[derive(Debug, Clone)]
pub struct CircuitBreaker {
    config: BreakerConfig,
    clock: Arc<dyn Clock>,
    state: Arc<Mutex<State>>,
}

impl CircuitBreaker {
    /// A closed breaker with the given thresholds, on the system clock.
    pub fn new(config: BreakerConfig) -> CircuitBreaker {
        CircuitBreaker::on_clock(config, Arc::new(SystemClock))
    }

    /// The same breaker measuring time on `clock`; its counts start afresh.
    pub fn with_clock(self, clock: impl Clock + 'static) -> CircuitBreaker {
        CircuitBreaker::on_clock(self.config, Arc::new(clock))
    }

    fn on_clock(config: BreakerConfig, clock: Arc<dyn Clock>) -> CircuitBreaker {
        let state = State {
            phase: Phase::Closed,
            window: Window::new(clock.now(), config.window),
            consecutive_failures: 0,
        };
        CircuitBreaker {
            config,
            clock,
            state: Arc::new(Mutex::new(state)),
        }
    }

    /// The breaker's thresholds.
    pub fn config(&self) -> &BreakerConfig {
        &self.config
    }

    /// The state now. An open breaker whose open period has ended reads as
    /// half-open.
    pub fn state(&self) -> BreakerState {
        let state = self.lock();
        let now = self.clock.now();
        match state.phase {
            Phase::Closed => BreakerState::Closed,
            Phase::Open { until } if until.is_none_or(|until| now < until) => BreakerState::Open,
            Phase::Open { .. } | Phase::HalfOpen { .. } => BreakerState::HalfOpen,
        }
    }

    /// Asks to send a request: `true` when the breaker is closed, or
    /// half-open with a probe left. Call it once per attempt, and record the
    /// attempt's outcome.
    pub fn try_acquire(&self) -> bool {
        // Read the clock under the lock, so updates see time in order.
        let mut state = self.lock();
        let now = self.clock.now();
        match &mut state.phase {
            Phase::Closed => true,
            Phase::Open { until } if until.is_none_or(|until| now < until) => false,
            Phase::Open { .. } => {
                state.phase = Phase::half_open(now);
                true
            }
            Phase::HalfOpen {
                admitted,
                round_started,
                ..
            } => {
                if *admitted < self.config.probes {
                    *admitted += 1;
                    true
                } else if now.saturating_duration_since(*round_started) >= self.config.open_for {
                    // Probes whose outcome never came (a dropped call) must not
                    // keep the breaker half-open forever: start a new round.
                    state.phase = Phase::half_open(now);
                    true
                } else {
                    false
                }
            }
        }
    }

    /// Books an attempt's outcome by the rule in [`CircuitBreaker`]'s docs:
    /// a success, a transient failure, or neither (a non-transient error
    /// without a RequestId, such as a gateway's error page).
    pub fn record<T, E: AttemptError>(&self, outcome: &Result<T, E>) {
        match outcome {
            Ok(_) => self.record_success(),
            Err(error) if error.failure().is_transient() => self.record_failure(),
            Err(error) if error.request_id().is_some() => self.record_success(),
            Err(_) => {}
        }
    }

    /// Books a success of the endpoint.
    pub fn record_success(&self) {
        let mut state = self.lock();
        let now = self.clock.now();
        match &mut state.phase {
            Phase::Closed => {
                state.window.add(now, Tally::Success);
                state.consecutive_failures = 0;
            }
            // An answer to a request sent before the breaker opened.
            Phase::Open { .. } => {}
            Phase::HalfOpen { succeeded, .. } => {
                *succeeded += 1;
                if *succeeded >= self.config.probes {
                    state.close(now);
                }
            }
        }
    }

    /// Books a transient failure of the endpoint.
    pub fn record_failure(&self) {
        let mut state = self.lock();
        let now = self.clock.now();
        match state.phase {
            Phase::Closed => {
                state.window.add(now, Tally::Failure);
                state.consecutive_failures = state.consecutive_failures.saturating_add(1);
                if self.should_open(state.window.totals(now), state.consecutive_failures) {
                    state.phase = self.open(now);
                }
            }
            Phase::Open { .. } => {}
            Phase::HalfOpen { .. } => state.phase = self.open(now),
        }
    }

    /// The open phase that starts `now`.
    fn open(&self, now: Instant) -> Phase {
        Phase::Open {
            until: now.checked_add(self.config.open_for),
        }
    }

    /// The opening rule: enough failures at a high enough rate, or enough
    /// failures in a row.
    fn should_open(&self, totals: Totals, consecutive_failures: u32) -> bool {
        let config = &self.config;
        let all = u64::from(totals.failures) + u64::from(totals.successes);
        let rate_reached =
            u64::from(totals.failures) * 100 >= u64::from(config.failure_percent) * all;
        let by_rate = totals.failures >= config.minimum_failures && rate_reached;
        let in_a_row =
            config.consecutive_failures > 0 && consecutive_failures >= config.consecutive_failures;
        by_rate || in_a_row
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // Every update leaves a valid state, even one cut short by a panic.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Default for CircuitBreaker {
    fn default() -> Self {
        CircuitBreaker::new(BreakerConfig::default())
    }
}

/// The counts are those of the closed phase; they start afresh each time
/// the breaker closes.
#[derive(Debug)]
struct State {
    phase: Phase,
    window: Window,
    consecutive_failures: u32,
}

impl State {
    fn close(&mut self, now: Instant) {
        self.phase = Phase::Closed;
        self.window.clear(now);
        self.consecutive_failures = 0;
    }
}

#[derive(Debug, Clone, Copy)]
enum Phase {
    Closed,
    /// Open until the instant; `None` when `open_for` reaches past what
    /// the clock can represent: open indefinitely.
    Open {
        until: Option<Instant>,
    },
    HalfOpen {
        admitted: u32,
        succeeded: u32,
        round_started: Instant,
    },
}

impl Phase {
    /// The first probe is admitted by the transition itself.
    fn half_open(now: Instant) -> Phase {
        Phase::HalfOpen {
            admitted: 1,
            succeeded: 0,
            round_started: now,
        }
    }
}

const BUCKETS: usize = 10;

/// A sliding window of counts in `BUCKETS` slices of time: old slices fall
/// out as time moves, without a timer.
#[derive(Debug)]
struct Window {
    origin: Instant,
    slice_nanos: u128,
    buckets: [Bucket; BUCKETS],
}

#[derive(Debug, Default, Clone, Copy)]
struct Bucket {
    slice: u128,
    successes: u32,
    failures: u32,
}

#[derive(Debug, Clone, Copy, Default)]
struct Totals {
    successes: u32,
    failures: u32,
}

enum Tally {
    Success,
    Failure,
}

impl Window {
    fn new(origin: Instant, length: Duration) -> Window {
        Window {
            origin,
            slice_nanos: (length.as_nanos() / BUCKETS as u128).max(1),
            buckets: [Bucket::default(); BUCKETS],
        }
    }

    fn clear(&mut self, now: Instant) {
        *self = Window {
            origin: now,
            slice_nanos: self.slice_nanos,
            buckets: [Bucket::default(); BUCKETS],
        };
    }

    fn slice_of(&self, now: Instant) -> u128 {
        now.saturating_duration_since(self.origin).as_nanos() / self.slice_nanos
    }

    fn add(&mut self, now: Instant, tally: Tally) {
        let slice = self.slice_of(now);
        let bucket = &mut self.buckets[(slice % BUCKETS as u128) as usize];
        if bucket.slice != slice {
            *bucket = Bucket {
                slice,
                ..Bucket::default()
            };
        }
        match tally {
            Tally::Success => bucket.successes = bucket.successes.saturating_add(1),
            Tally::Failure => bucket.failures = bucket.failures.saturating_add(1),
        }
    }

    fn totals(&self, now: Instant) -> Totals {
        let current = self.slice_of(now);
        self.buckets
            .iter()
            .filter(|bucket| current.saturating_sub(bucket.slice) < BUCKETS as u128)
            .fold(Totals::default(), |totals, bucket| Totals {
                successes: totals.successes.saturating_add(bucket.successes),
                failures: totals.failures.saturating_add(bucket.failures),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_slices_fall_out_of_the_window() {
        let start = Instant::now();
        let mut window = Window::new(start, Duration::from_secs(10));
        window.add(start, Tally::Failure);
        window.add(start + Duration::from_secs(5), Tally::Failure);
        window.add(start + Duration::from_secs(9), Tally::Success);
        let totals = window.totals(start + Duration::from_secs(9));
        assert_eq!((totals.failures, totals.successes), (2, 1));
        let totals = window.totals(start + Duration::from_secs(12));
        assert_eq!((totals.failures, totals.successes), (1, 1));
        let totals = window.totals(start + Duration::from_secs(30));
        assert_eq!((totals.failures, totals.successes), (0, 0));
    }

    #[test]
    fn the_consecutive_failure_count_saturates() {
        // Neither rule opens this breaker, so failures only count.
        let config = BreakerConfig::default()
            .with_consecutive_failures(0)
            .with_minimum_failures(u32::MAX);
        let breaker = CircuitBreaker::new(config);
        breaker.lock().consecutive_failures = u32::MAX - 1;
        breaker.record_failure();
        breaker.record_failure();
        assert_eq!(breaker.lock().consecutive_failures, u32::MAX);
        assert_eq!(breaker.state(), BreakerState::Closed);
    }

    #[test]
    fn a_zero_window_does_not_divide_by_zero() {
        let start = Instant::now();
        let mut window = Window::new(start, Duration::ZERO);
        window.add(start + Duration::from_nanos(3), Tally::Failure);
        assert_eq!(window.totals(start + Duration::from_nanos(3)).failures, 1);
    }
}
