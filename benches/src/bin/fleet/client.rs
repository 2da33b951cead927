//! One client process: `rate` calls a second of `DescribeInstances` for
//! `seconds`, each through the retrier, with the mode's limiter.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tencent_errors::http::{HttpError, ResponseReader};
use tencent_errors::limiter::{AdaptiveLimiter, LimiterConfig};
use tencent_errors::redis::{RedisConfig, RedisLink, SharedBudget, SharedLimiter};
use tencent_errors::retry::{Call, Retrier, RetryBudget, RetryPolicy, StopReason};
use tencent_errors::CommonCode;

use crate::options::{Mode, Options};
use crate::report::ClientReport;

/// Every client calls for the same account: the limit is the account's.
const ACCOUNT: &str = "100012345678";
const REGION: &str = "ap-guangzhou";

/// How one call ended.
enum Outcome {
    Succeeded,
    /// The limiter refused an attempt: not sent (after `attempts` sent).
    Refused,
    Failed,
}

pub fn run(
    options: &Options,
    endpoint: &str,
    redis: Option<&str>,
    start_at_ms: u64,
    index: u32,
) -> ClientReport {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(calls(options, endpoint, redis, start_at_ms, index))
}

async fn calls(
    options: &Options,
    endpoint: &str,
    redis: Option<&str>,
    start_at_ms: u64,
    index: u32,
) -> ClientReport {
    let budget = RetryBudget::default();
    let mut retrier = Retrier::new(RetryPolicy::default()).with_budget(budget.clone());
    let mut _budget_sync = None;
    match options.mode {
        Mode::None => {}
        Mode::Local => {
            let limiter = AdaptiveLimiter::new(LimiterConfig::default());
            retrier = retrier.with_limiter(limiter, ACCOUNT, REGION);
        }
        Mode::Shared => {
            let url = redis.expect("shared mode needs --redis");
            let link = RedisLink::new(RedisConfig::new(url)).expect("a Redis URL");
            let limiter = SharedLimiter::new(link.clone(), LimiterConfig::default());
            retrier = retrier.with_limiter(limiter, ACCOUNT, REGION);
            let shared = SharedBudget::new(link, REGION, budget);
            _budget_sync = Some(shared.spawn_sync(Duration::from_millis(100)));
        }
    }
    let http = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("a reqwest client");
    let reader = ResponseReader::new();
    let shared = Arc::new((retrier, reader, http, endpoint.to_owned()));

    // Calls start on a fixed schedule (an open loop): a slow call does not
    // hold back the next. Clients are offset within the first interval.
    let interval = Duration::from_secs(1) / options.rate;
    let offset = interval * index / options.clients.max(1);
    let start = tokio::time::Instant::now() + until(start_at_ms) + offset;
    let total = options.rate * options.seconds;
    let mut tasks = tokio::task::JoinSet::new();
    for number in 0..total {
        let shared = shared.clone();
        let at = start + interval * number;
        tasks.spawn(async move {
            tokio::time::sleep_until(at).await;
            one_call(&shared.0, &shared.1, &shared.2, &shared.3).await
        });
    }
    let mut report = ClientReport::default();
    while let Some(result) = tasks.join_next().await {
        let (outcome, attempts, waited) = result.expect("a call task");
        report.calls += 1;
        report.attempts += u64::from(attempts);
        report.first_attempts += u64::from(attempts > 0);
        report.waits_ms.push(waited.as_secs_f64() * 1e3);
        match outcome {
            Outcome::Succeeded => report.succeeded += 1,
            Outcome::Refused => report.refused += 1,
            Outcome::Failed => report.failed += 1,
        }
    }
    report
}

/// One call: the retrier runs it, counting attempts and every wait.
async fn one_call(
    retrier: &Retrier,
    reader: &ResponseReader,
    http: &reqwest::Client,
    endpoint: &str,
) -> (Outcome, u32, Duration) {
    let attempts = AtomicU32::new(0);
    let waited_us = Arc::new(AtomicU64::new(0));
    let sleep_waited = waited_us.clone();
    let result = retrier
        .run(
            Call::new("cvm", "DescribeInstances"),
            |_attempt| {
                attempts.fetch_add(1, Ordering::Relaxed);
                let request = http
                    .post(endpoint)
                    .header("X-TC-Account", ACCOUNT)
                    .header("X-TC-Action", "DescribeInstances")
                    .header("X-TC-Timestamp", reader.signing_clock().timestamp())
                    .body("{}");
                reader.send::<serde_json::Value, CommonCode>(request)
            },
            move |wait: Duration| {
                sleep_waited.fetch_add(wait.as_micros() as u64, Ordering::Relaxed);
                tokio::time::sleep(wait)
            },
        )
        .await;
    let outcome = match result {
        Ok(_) => Outcome::Succeeded,
        Err(error) if error.stop_reason() == StopReason::RateLimited => Outcome::Refused,
        Err(error) => {
            if let Some(HttpError::Transport(transport)) = error.last() {
                eprintln!("fleet client: transport error: {transport}");
            }
            Outcome::Failed
        }
    };
    let waited = Duration::from_micros(waited_us.load(Ordering::Relaxed));
    (outcome, attempts.load(Ordering::Relaxed), waited)
}

/// The time from now until `unix_ms`, zero if it has passed.
fn until(unix_ms: u64) -> Duration {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    Duration::from_millis(unix_ms).saturating_sub(now)
}
