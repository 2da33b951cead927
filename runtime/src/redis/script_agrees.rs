//! `limiter.lua` and `limiter/cubic.rs` are one algorithm written twice: a
//! trace of admissions and throttling answers, replayed at the same times
//! against both (the script's optional time argument stands in for the
//! server's clock), gets the same answers. Needs `redis-server` on the PATH
//! (the Debian package), as the Redis integration tests do.

use tencent_errors_testkit::RedisServer;

use super::{RedisConfig, RedisLink, SharedLimiter};
use crate::limiter::{CubicBucket, LimitKey, LimiterConfig, Slot};

/// One step of a trace, at a time in whole milliseconds.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// Ask for a slot, waiting at most `allowed` milliseconds.
    Admit { at: u64, allowed: u64 },
    /// A throttling answer, with the limit its message stated.
    Throttled { at: u64, stated: Option<u32> },
}

/// A trace drawn from `seed` (xorshift): bursts and pauses, throttling
/// answers with and without a stated limit, several within one window.
fn trace(seed: u64, steps: usize) -> Vec<Step> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move |below: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % below
    };
    let mut at = 0;
    (0..steps)
        .map(|_| {
            at += match next(10) {
                0..=3 => 0,
                4..=7 => next(200),
                _ => next(3_000),
            };
            if next(100) < 15 {
                let stated = (next(2) == 0).then(|| 1 + next(40) as u32);
                Step::Throttled { at, stated }
            } else {
                let allowed = [0, 100, 500, 1_000, 5_000][next(5) as usize];
                Step::Admit { at, allowed }
            }
        })
        .collect()
}

fn seconds(milliseconds: u64) -> f64 {
    milliseconds as f64 / 1000.0
}

#[test]
fn the_script_and_the_bucket_answer_a_trace_alike() {
    let server = RedisServer::start();
    let mut connection = ::redis::Client::open(server.url())
        .and_then(|client| client.get_connection())
        .expect("a connection to the test server");
    let config = LimiterConfig::default();
    let link = RedisLink::new(RedisConfig::new(&server.url())).expect("a valid Redis URL");
    let shared = SharedLimiter::new(link, config.clone());
    let settings = config.cubic();
    let mut admissions = 0;
    let mut limited = 0;

    for seed in 1..=40 {
        let key = LimitKey::new("100012345678", "ap-guangzhou", &format!("Trace{seed}"));
        let mut bucket = CubicBucket::default();
        for (index, step) in trace(seed, 150).into_iter().enumerate() {
            let (mut invocation, at) = match step {
                Step::Admit { at, allowed } => {
                    (shared.invocation(&key, "admit", seconds(allowed)), at)
                }
                Step::Throttled { at, stated } => {
                    let stated = stated.map_or(0.0, f64::from);
                    (shared.invocation(&key, "throttled", stated), at)
                }
            };
            invocation.arg(seconds(at));
            let (refused, micros): (u8, u64) =
                invocation.invoke(&mut connection).expect("the script runs");
            let expected = match step {
                Step::Admit { at, allowed } => {
                    admissions += 1;
                    match bucket.reserve(seconds(at), seconds(allowed)) {
                        Slot::After(wait) => (0, wait),
                        Slot::TooFar(wait) => (1, wait),
                    }
                }
                Step::Throttled { at, stated } => {
                    bucket.throttled(seconds(at), stated.map(f64::from), settings);
                    (0, 0.0)
                }
            };
            if expected.1 > 0.0 {
                limited += 1;
            }
            let expected_micros = (expected.1 * 1e6).ceil() as u64;
            assert!(
                refused == expected.0 && micros.abs_diff(expected_micros) <= 1,
                "seed {seed}, step {index} ({step:?}): the script answered ({refused}, {micros} µs), \
                 cubic.rs ({}, {expected_micros} µs)",
                expected.0
            );
        }
    }
    // The traces reach the limiting part of the algorithm, not only the
    // free sends before the first throttling answer.
    assert!(
        admissions > 4_000 && limited > 1_000,
        "{admissions} admissions, {limited} limited"
    );
}
