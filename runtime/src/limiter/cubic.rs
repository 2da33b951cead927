//! The learned rate: a CUBIC-style token bucket, as in the AWS SDKs'
//! adaptive retry mode, with the two changes a per-second limit needs.
//!
//! The bucket stays out of the way until the first throttling answer. Then
//! the rate drops to `BETA` times the rate that was being sent, and grows
//! back along a cubic curve: fast far below the last rate that was
//! throttled, slowly near it, fast again above it, probing for more.
//!
//! Tencent Cloud counts requests per second, so, unlike the AWS bucket:
//! - a throttling answer means the current second is used up: the bucket
//!   earns no token for one window, and reacts once per window however
//!   many throttled answers arrive (as TCP reduces once per round trip);
//! - the bucket holds at most one token: requests leave evenly spaced,
//!   never in a burst that a fixed one-second window would count at once.
//!
//! `redis/limiter.lua` is this file in Lua, for the limiter shared through
//! Redis: a change here is a change there (`redis/script_agrees.rs` replays
//! the same traces against both and fails when their answers differ).
//!
//! Time is in seconds (`f64`) since an origin the caller chooses.

/// The lowest rate, in requests a second.
pub(crate) const MIN_RATE: f64 = 0.5;
/// The rate after a throttling answer, as a share of the rate before it.
pub(crate) const BETA: f64 = 0.7;
/// How fast the cubic curve grows back.
pub(crate) const SCALE: f64 = 0.4;
/// The weight of the newest measurement of the send rate.
pub(crate) const SMOOTH: f64 = 0.8;
/// The send rate is measured over buckets of this many seconds.
pub(crate) const MEASURE_SECONDS: f64 = 0.5;
/// Until a measurement bucket completes, the rate so far is measured over
/// at least this many seconds.
const MIN_MEASURE_SECONDS: f64 = 0.05;

/// What a [`CubicBucket`] needs to know that is not its state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct CubicSettings {
    /// The length of the service's counting window, in seconds.
    pub(crate) window: f64,
    /// The share of a rate stated in a throttling message kept free.
    pub(crate) headroom: f64,
}

/// The outcome of asking a [`CubicBucket`] for a slot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Slot {
    /// Send after this many seconds; the slot is taken.
    After(f64),
    /// The next slot is this many seconds away, more than the caller waits:
    /// nothing was taken.
    TooFar(f64),
}

/// One key's learned rate and its token bucket.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CubicBucket {
    /// Whether a throttling answer was seen: until then nothing is limited.
    enabled: bool,
    tokens: f64,
    refilled_at: f64,
    /// No token is earned before this time: the window a throttling answer
    /// used up.
    paused_until: f64,
    /// The rate the last refill used.
    rate: f64,
    /// The send rate when the last throttling answer came (CUBIC's W_max).
    max_rate: f64,
    throttled_at: f64,
    /// The highest rate allowed: a throttling message's stated limit, less
    /// the headroom.
    ceiling: f64,
    measured_rate: f64,
    measure_bucket: Option<f64>,
    measure_count: f64,
    first_send: Option<f64>,
    sends: f64,
}

impl Default for CubicBucket {
    fn default() -> Self {
        CubicBucket {
            enabled: false,
            tokens: 1.0,
            refilled_at: 0.0,
            paused_until: f64::NEG_INFINITY,
            rate: 0.0,
            max_rate: 0.0,
            throttled_at: f64::NEG_INFINITY,
            ceiling: f64::INFINITY,
            measured_rate: 0.0,
            measure_bucket: None,
            measure_count: 0.0,
            first_send: None,
            sends: 0.0,
        }
    }
}

impl CubicBucket {
    /// Whether a throttling answer has engaged the bucket.
    pub(crate) fn is_limiting(&self) -> bool {
        self.enabled
    }

    /// The rate in use, in requests a second; `None` before the bucket
    /// limits anything.
    pub(crate) fn rate(&self, now: f64) -> Option<f64> {
        self.enabled.then(|| self.rate_at(now))
    }

    /// Asks for a slot to send one request at `now`, waiting at most
    /// `max_wait` seconds.
    pub(crate) fn reserve(&mut self, now: f64, max_wait: f64) -> Slot {
        if !self.enabled {
            self.count_send(now);
            return Slot::After(0.0);
        }
        self.refill(now);
        let paused = (self.paused_until - now).max(0.0);
        let wait = if self.tokens >= 1.0 {
            paused
        } else {
            paused + (1.0 - self.tokens) / self.rate
        };
        // A little slack: a wait of exactly `max_wait` may come out a hair
        // longer in floating point.
        if wait > max_wait + 1e-9 {
            return Slot::TooFar(wait);
        }
        self.tokens -= 1.0;
        self.count_send(now);
        Slot::After(wait)
    }

    /// Books a throttling answer received at `now`; `stated` is the limit
    /// the message gave, in requests a second, if it gave one.
    pub(crate) fn throttled(&mut self, now: f64, stated: Option<f64>, settings: CubicSettings) {
        if let Some(stated) = stated.filter(|rate| rate.is_finite() && *rate > 0.0) {
            self.ceiling = (stated * (1.0 - settings.headroom)).max(MIN_RATE);
        }
        if self.enabled && now - self.throttled_at < settings.window {
            // This window's answer is already taken into account.
            return;
        }
        let measured = self.send_rate(now);
        let sent = if measured > 0.0 {
            measured
        } else if self.ceiling.is_finite() {
            self.ceiling
        } else {
            MIN_RATE
        };
        let sent = if self.enabled {
            sent.min(self.rate_at(now))
        } else {
            sent
        };
        self.refill(now);
        self.max_rate = sent.max(MIN_RATE);
        self.throttled_at = now;
        self.enabled = true;
        self.rate = self.rate_at(now);
        // The window is used up: the next slot opens when it has passed.
        self.paused_until = now + settings.window;
    }

    /// The CUBIC rate `now`, within the ceiling and twice the measured send
    /// rate (a client that sends little does not earn a high rate).
    fn rate_at(&self, now: f64) -> f64 {
        let since = (now - self.throttled_at).max(0.0);
        let k = (self.max_rate * (1.0 - BETA) / SCALE).cbrt();
        let mut rate = SCALE * (since - k).powi(3) + self.max_rate;
        if self.measured_rate > 0.0 {
            rate = rate.min(2.0 * self.measured_rate);
        }
        rate.min(self.ceiling).max(MIN_RATE)
    }

    fn refill(&mut self, now: f64) {
        self.rate = self.rate_at(now);
        let earning_since = self.refilled_at.max(self.paused_until);
        if now > earning_since {
            self.tokens = (self.tokens + (now - earning_since) * self.rate).min(1.0);
        }
        self.refilled_at = self.refilled_at.max(now);
    }

    fn count_send(&mut self, now: f64) {
        self.sends += 1.0;
        self.first_send.get_or_insert(now);
        let bucket = (now / MEASURE_SECONDS).floor() * MEASURE_SECONDS;
        let last = *self.measure_bucket.get_or_insert(bucket);
        self.measure_count += 1.0;
        if bucket > last {
            let current = self.measure_count / (bucket - last);
            self.measured_rate = current * SMOOTH + self.measured_rate * (1.0 - SMOOTH);
            self.measure_count = 0.0;
            self.measure_bucket = Some(bucket);
        }
    }

    /// The measured send rate; before a measurement bucket completes, the
    /// rate so far.
    fn send_rate(&self, now: f64) -> f64 {
        if self.measured_rate > 0.0 {
            return self.measured_rate;
        }
        match self.first_send {
            Some(first) if self.sends >= 2.0 => self.sends / (now - first).max(MIN_MEASURE_SECONDS),
            _ => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SETTINGS: CubicSettings = CubicSettings {
        window: 1.0,
        headroom: 0.03,
    };

    /// Sends at `rate` a second from `from` to `until`, returning the time
    /// after the last send and how many were sent.
    fn send_steadily(bucket: &mut CubicBucket, from: f64, until: f64, rate: f64) -> (f64, u32) {
        let mut now = from;
        let mut sent = 0;
        while now < until {
            match bucket.reserve(now, 10.0) {
                Slot::After(wait) => {
                    now += wait.max(1.0 / rate);
                    sent += 1;
                }
                Slot::TooFar(wait) => panic!("a {wait} s wait"),
            }
        }
        (now, sent)
    }

    #[test]
    fn nothing_is_limited_before_a_throttling_answer() {
        let mut bucket = CubicBucket::default();
        for i in 0..1000 {
            assert_eq!(bucket.reserve(f64::from(i) * 0.001, 0.0), Slot::After(0.0));
        }
        assert_eq!(bucket.rate(1.0), None);
    }

    #[test]
    fn a_throttling_answer_cuts_the_sent_rate_by_beta() {
        let mut bucket = CubicBucket::default();
        let (now, _) = send_steadily(&mut bucket, 0.0, 3.0, 40.0);
        bucket.throttled(now, None, SETTINGS);
        let rate = bucket.rate(now).unwrap();
        assert!((rate - 40.0 * BETA).abs() < 2.0, "{rate}");
    }

    #[test]
    fn a_throttling_answer_pauses_for_one_window() {
        let mut bucket = CubicBucket::default();
        let (now, _) = send_steadily(&mut bucket, 0.0, 3.0, 40.0);
        bucket.throttled(now, None, SETTINGS);
        let Slot::After(wait) = bucket.reserve(now, 10.0) else {
            panic!("refused")
        };
        assert!((wait - 1.0).abs() < 1e-9, "{wait}");
    }

    #[test]
    fn throttling_answers_of_one_window_reduce_once() {
        let mut bucket = CubicBucket::default();
        let (now, _) = send_steadily(&mut bucket, 0.0, 3.0, 40.0);
        bucket.throttled(now, None, SETTINGS);
        let once = bucket.rate(now).unwrap();
        for i in 1..20 {
            bucket.throttled(now + f64::from(i) * 0.01, None, SETTINGS);
        }
        assert_eq!(bucket.rate(now), Some(once));
        bucket.throttled(now + 1.5, None, SETTINGS);
        assert!(bucket.rate(now + 1.5).unwrap() < once);
    }

    #[test]
    fn the_rate_grows_back_past_the_throttled_rate() {
        let mut bucket = CubicBucket::default();
        let (now, _) = send_steadily(&mut bucket, 0.0, 3.0, 20.0);
        bucket.throttled(now, None, SETTINGS);
        let cut = bucket.rate(now).unwrap();
        // Keep sending as fast as allowed: the rate climbs back above 20.
        let (later, _) = send_steadily(&mut bucket, now, now + 6.0, 1000.0);
        let grown = bucket.rate(later).unwrap();
        assert!(cut < 16.0 && grown > 20.0, "{cut} then {grown}");
    }

    #[test]
    fn a_stated_limit_caps_the_rate_with_headroom() {
        let mut bucket = CubicBucket::default();
        let (now, _) = send_steadily(&mut bucket, 0.0, 1.0, 80.0);
        bucket.throttled(now, Some(20.0), SETTINGS);
        let (later, sent) = send_steadily(&mut bucket, now, now + 11.0, 1000.0);
        let rate = bucket.rate(later).unwrap();
        assert!((rate - 19.4).abs() < 1e-9, "{rate}");
        // One paused window, then at most 19.4 a second.
        assert!((190..=196).contains(&sent), "{sent}");
    }

    #[test]
    fn the_first_answer_throttled_before_any_measurement_uses_the_stated_limit() {
        let mut bucket = CubicBucket::default();
        assert_eq!(bucket.reserve(0.0, 1.0), Slot::After(0.0));
        bucket.throttled(0.001, Some(20.0), SETTINGS);
        let rate = bucket.rate(0.001).unwrap();
        assert!((rate - 19.4 * BETA).abs() < 1e-9, "{rate}");
    }

    #[test]
    fn a_slot_too_far_away_is_not_taken() {
        let mut bucket = CubicBucket::default();
        let (now, _) = send_steadily(&mut bucket, 0.0, 1.0, 10.0);
        bucket.throttled(now, None, SETTINGS);
        let before = bucket.clone();
        assert!(matches!(bucket.reserve(now, 0.5), Slot::TooFar(wait) if wait > 0.5));
        assert_eq!(bucket, before);
    }

    #[test]
    fn slots_are_evenly_spaced_without_bursts() {
        let mut bucket = CubicBucket::default();
        let (now, _) = send_steadily(&mut bucket, 0.0, 1.0, 80.0);
        bucket.throttled(now, Some(20.0), SETTINGS);
        // Idle for ten seconds, then a burst of 30 asks at one instant.
        let later = now + 10.0;
        let waits: Vec<f64> = (0..30)
            .map(|_| match bucket.reserve(later, 10.0) {
                Slot::After(wait) => wait,
                Slot::TooFar(wait) => panic!("{wait}"),
            })
            .collect();
        assert_eq!(waits[0], 0.0);
        for pair in waits.windows(2) {
            assert!((pair[1] - pair[0] - 1.0 / 19.4).abs() < 1e-9, "{waits:?}");
        }
    }
}
