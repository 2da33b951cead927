//! Redis unreachable, slow or restarted: no call waits longer than the
//! link's timeouts, none is lost (the in-process limiter answers instead),
//! and sharing resumes when Redis answers again. One test per fault, each
//! against a real `redis-server` this test starts, freezes and kills.
#![cfg(feature = "redis")]

use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use tencent_errors::limiter::{Admission, LimitKey, LimiterConfig, RateLimit, StatedLimit};
use tencent_errors::redis::{RedisConfig, RedisLink, SharedLimiter};
use tencent_errors::retry::ManualClock;
use tencent_errors_testkit::RedisServer;

const THROTTLED: &str = "Your current request times equals to 21 in a second, \
                         which exceeds the frequency limit 20 for a second.";
const RESPONSE_TIMEOUT: Duration = Duration::from_millis(50);
const RETRY_AFTER: Duration = Duration::from_secs(1);

/// A process's limiter; `clock` decides when the link tries Redis again.
fn process(url: &str, clock: &ManualClock) -> SharedLimiter {
    let config = RedisConfig::new(url)
        .with_response_timeout(RESPONSE_TIMEOUT)
        .with_retry_after(RETRY_AFTER);
    let link = RedisLink::new(config).unwrap().with_clock(clock.clone());
    SharedLimiter::new(link, LimiterConfig::default())
}

/// Two processes of one fleet, on one clock.
fn two_processes(url: &str, clock: &ManualClock) -> (SharedLimiter, SharedLimiter) {
    (process(url, clock), process(url, clock))
}

fn key() -> LimitKey {
    LimitKey::new("100012345678", "ap-guangzhou", "DescribeInstances")
}

fn wait_of(admission: Admission) -> Duration {
    match admission {
        Admission::Send { after } => after,
        other => panic!("expected a slot, got {other:?}"),
    }
}

/// Whether `a` and `b` share: a throttling answer booked by `a` makes `b`
/// wait, though `b`'s own fallback never heard of it.
async fn shares(a: &SharedLimiter, b: &SharedLimiter) -> bool {
    static PROBES: AtomicU32 = AtomicU32::new(0);
    let probe = PROBES.fetch_add(1, Ordering::Relaxed);
    let key = key().for_action(&format!("Probe{probe}"));
    a.throttled_shared(&key, None).await;
    let waits = wait_of(b.admit(&key, Duration::ZERO).await) > Duration::from_millis(500);
    waits && !b.fallback().is_limiting(&key)
}

#[tokio::test]
async fn redis_unreachable_the_local_limiter_answers_and_sharing_starts_when_it_comes_up() {
    let mut server = RedisServer::start();
    server.stop();
    let clock = ManualClock::new();
    let (a, b) = two_processes(&server.url(), &clock);
    let key = key();

    // Every call is admitted, by the in-process limiter.
    assert_eq!(wait_of(a.admit(&key, Duration::ZERO).await), Duration::ZERO);
    assert_eq!(a.link().failures(), 1);
    assert!(!a.link().is_up());

    // A throttling answer is not lost: the local limiter learned it.
    a.throttled_shared(&key, StatedLimit::from_message(THROTTLED))
        .await;
    assert!(a.fallback().is_limiting(&key));
    let wait = wait_of(a.admit(&key, Duration::ZERO).await);
    assert!(wait > Duration::from_millis(900), "{wait:?}");
    // Within `retry_after`, Redis is not even tried.
    assert_eq!(a.link().failures(), 3);

    // Redis comes up; after `retry_after` the next call connects.
    server.restart();
    clock.advance(RETRY_AFTER);
    assert!(shares(&a, &b).await);
    assert!(a.link().is_up() && b.link().is_up());
}

#[tokio::test]
async fn redis_slow_a_call_waits_one_response_timeout_then_the_local_limiter_answers() {
    let server = RedisServer::start();
    let clock = ManualClock::new();
    let (a, b) = two_processes(&server.url(), &clock);
    let key = key();
    assert!(shares(&a, &b).await);

    server.pause();
    // On tokio's paused clock the wait is measured exactly: the runtime jumps
    // to the next timer when it has nothing else to do.
    tokio::time::pause();
    let started = tokio::time::Instant::now();
    assert_eq!(wait_of(b.admit(&key, Duration::ZERO).await), Duration::ZERO);
    // Tokio's timer rounds up to its 1 ms tick.
    let waited = started.elapsed();
    assert!(
        waited >= RESPONSE_TIMEOUT && waited <= RESPONSE_TIMEOUT + Duration::from_millis(1),
        "{waited:?}"
    );
    assert!(!b.link().is_up());
    let failures = b.link().failures();

    // Until `retry_after` has passed, calls do not wait for Redis at all.
    let started = tokio::time::Instant::now();
    b.admit(&key, Duration::ZERO).await;
    assert_eq!(started.elapsed(), Duration::ZERO);
    assert_eq!(b.link().failures(), failures + 1);
    tokio::time::resume();

    server.resume();
    clock.advance(RETRY_AFTER);
    assert!(shares(&a, &b).await);
    assert!(b.link().is_up());
}

#[tokio::test]
async fn redis_restarted_the_script_and_the_sharing_come_back_on_a_fresh_state() {
    let mut server = RedisServer::start();
    let clock = ManualClock::new();
    let (a, b) = two_processes(&server.url(), &clock);
    let key = key();
    a.throttled_shared(&key, StatedLimit::from_message(THROTTLED))
        .await;
    assert!(wait_of(b.admit(&key, Duration::ZERO).await) > Duration::from_millis(500));

    // The restart loses every key and the loaded script. The next call
    // finds its connection closed, connects again at once, reloads the
    // script and starts from a fresh state...
    server.restart();
    assert_eq!(wait_of(b.admit(&key, Duration::ZERO).await), Duration::ZERO);
    assert!(b.link().is_up());
    assert_eq!(b.link().failures(), 0);
    // ...while A's own state still holds what it learned, for the next outage.
    assert!(a.fallback().is_limiting(&key));
    // Sharing resumes.
    assert!(shares(&a, &b).await);
    assert!(a.link().is_up());
}

#[tokio::test]
async fn redis_restarted_late_calls_use_the_local_limiter_until_it_is_back() {
    let mut server = RedisServer::start();
    let clock = ManualClock::new();
    let (a, b) = two_processes(&server.url(), &clock);
    assert!(shares(&a, &b).await);

    server.stop();
    // The closed connection is replaced at once, but nothing listens: local.
    let key = key();
    assert_eq!(wait_of(b.admit(&key, Duration::ZERO).await), Duration::ZERO);
    assert!(!b.link().is_up());
    assert_eq!(b.link().failures(), 1);

    server.restart();
    clock.advance(RETRY_AFTER);
    assert!(shares(&a, &b).await);
}

#[test]
fn outside_a_tokio_runtime_an_unreachable_redis_leaves_the_answers_to_the_local_limiter() {
    let clock = ManualClock::new();
    let limiter = process("redis://127.0.0.1:1/", &clock);
    let key = key();
    // A blocked thread tells the fleet itself: refused, so Redis is down.
    limiter.throttled(&key, None);
    assert!(limiter.fallback().is_limiting(&key));
    assert_eq!(limiter.link().failures(), 1);

    // A future polled outside a runtime cannot drive the async connection.
    let mut admit = std::pin::pin!(limiter.admit(&key, Duration::ZERO));
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    let std::task::Poll::Ready(admission) = admit.as_mut().poll(&mut context) else {
        panic!("the local answer is ready at once");
    };
    assert!(wait_of(admission) >= Duration::from_millis(500));
    assert_eq!(limiter.link().failures(), 2);
    // Until `retry_after` has passed, a blocked thread does not try Redis.
    assert!(matches!(
        limiter.admit_blocking(&key, Duration::ZERO),
        Admission::Refused(_)
    ));
    assert_eq!(limiter.link().failures(), 3);
    assert!(!limiter.link().is_up());
}

/// [`shares`] for blocked threads, outside any runtime.
fn shares_blocking(a: &SharedLimiter, b: &SharedLimiter) -> bool {
    static PROBES: AtomicU32 = AtomicU32::new(0);
    let probe = PROBES.fetch_add(1, Ordering::Relaxed);
    let key = key().for_action(&format!("BlockingProbe{probe}"));
    a.throttled(&key, None);
    let waits = wait_of(b.admit_blocking(&key, Duration::ZERO)) > Duration::from_millis(500);
    waits && !b.fallback().is_limiting(&key)
}

#[test]
fn redis_slow_a_blocked_thread_waits_one_response_timeout_then_the_local_limiter_answers() {
    let server = RedisServer::start();
    let clock = ManualClock::new();
    let (a, b) = two_processes(&server.url(), &clock);
    let key = key();
    assert!(shares_blocking(&a, &b));
    assert!(b.link().is_up());

    server.pause();
    let started = std::time::Instant::now();
    assert_eq!(
        wait_of(b.admit_blocking(&key, Duration::ZERO)),
        Duration::ZERO
    );
    // The socket's read timeout: at least the response timeout, and bounded
    // (the upper bound only allows for a loaded machine).
    let waited = started.elapsed();
    assert!(
        waited >= RESPONSE_TIMEOUT && waited < Duration::from_secs(2),
        "{waited:?}"
    );
    assert!(!b.link().is_up());
    assert_eq!(b.link().failures(), 1);

    // Until `retry_after` has passed, calls do not wait for Redis at all.
    let started = std::time::Instant::now();
    b.admit_blocking(&key, Duration::ZERO);
    assert!(started.elapsed() < RESPONSE_TIMEOUT);
    assert_eq!(b.link().failures(), 2);

    server.resume();
    clock.advance(RETRY_AFTER);
    assert!(shares_blocking(&a, &b));
    assert!(b.link().is_up());
}

#[test]
fn redis_restarted_a_blocked_thread_reconnects_at_once() {
    let mut server = RedisServer::start();
    let clock = ManualClock::new();
    let (a, b) = two_processes(&server.url(), &clock);
    assert!(shares_blocking(&a, &b));

    // The idle connections are closed by the restart: the next call opens
    // a fresh one, loads the script again and starts from a fresh state.
    server.restart();
    let key = key();
    assert_eq!(
        wait_of(b.admit_blocking(&key, Duration::ZERO)),
        Duration::ZERO
    );
    assert_eq!(b.link().failures(), 0);
    assert!(shares_blocking(&a, &b));
}
