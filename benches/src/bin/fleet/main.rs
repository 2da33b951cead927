//! The fleet simulation: N client processes share one Tencent Cloud rate
//! limit, in three modes, and the mock endpoint counts what happens.
//!
//! ```text
//! cargo run --release -p tencent-errors-benches --bin fleet -- --mode none|local|shared --clients N
//! ```
//!
//! It starts what it needs and stops it afterwards: a mock endpoint on
//! 127.0.0.1 that allows 20 requests a second per (account, action), counted
//! in one-second windows, and answers the rest with Tencent's
//! `RequestLimitExceeded`; for `shared`, a `redis-server` on a free loopback
//! port; and N processes of itself, each wanting 10 calls a second of
//! `DescribeInstances` for 30 s, through the retrier:
//!
//! - `none`: the retrier alone (backoff and retry budget, per process);
//! - `local`: plus an adaptive limiter in each process;
//! - `shared`: plus the limiter and the retry budget shared through Redis.
//!
//! The last line it prints is
//! `fleet: mode=shared clients=8 sent=... throttled=...% goodput=...% extra_load=...% p99_wait_ms=...`:
//! `sent` the requests the endpoint received, `throttled` the share of them
//! it answered `RequestLimitExceeded`, `goodput` the successes within the
//! windows of the sending period (the clients start at the start of a
//! window) as a share of what the limit allows in them, `extra_load` the
//! retries as a share of first attempts, and `p99_wait_ms` the 99th
//! percentile of the time a call spent waiting (limiter and backoff). The
//! lines before it give the successes and requests of every window.

mod client;
mod endpoint;
mod options;
mod report;

use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use options::{Mode, Options, Role};

fn main() {
    let options = match Options::parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("fleet: {message}\n\n{}", options::USAGE);
            std::process::exit(2);
        }
    };
    match options.role {
        Role::Orchestrate => orchestrate(&options),
        Role::Client {
            ref endpoint,
            ref redis,
            start_at_ms,
            index,
        } => {
            let report = client::run(&options, endpoint, redis.as_deref(), start_at_ms, index);
            println!(
                "{}",
                serde_json::to_string(&report).expect("a report serializes")
            );
        }
    }
}

fn orchestrate(options: &Options) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let endpoint = runtime.block_on(endpoint::Endpoint::start(options.limit));
    let redis = (options.mode == Mode::Shared).then(tencent_errors_testkit::RedisServer::start);

    // Every client starts at the same instant, once all have started up,
    // at the start of one of the endpoint's one-second windows.
    let ready = SystemTime::now() + Duration::from_millis(1500);
    let start_at_s = ready.duration_since(UNIX_EPOCH).unwrap().as_secs() + 1;
    let start_at_ms = start_at_s * 1000;
    let exe = std::env::current_exe().expect("the fleet binary's path");
    let children: Vec<_> = (0..options.clients)
        .map(|index| {
            let mut command = Command::new(&exe);
            command
                .args(["--role", "client", "--mode", options.mode.as_str()])
                .args(["--endpoint", endpoint.url()])
                .args(["--start-at-ms", &start_at_ms.to_string()])
                .args(["--index", &index.to_string()])
                .args(["--seconds", &options.seconds.to_string()])
                .args(["--rate", &options.rate.to_string()])
                .args(["--limit", &options.limit.to_string()])
                .stdout(Stdio::piped());
            if let Some(redis) = &redis {
                command.args(["--redis", &redis.url()]);
            }
            command.spawn().expect("a client process")
        })
        .collect();
    let reports: Vec<report::ClientReport> = children
        .into_iter()
        .map(|child| {
            let output = child.wait_with_output().expect("a client's output");
            assert!(
                output.status.success(),
                "a client failed: {}",
                output.status
            );
            let line = String::from_utf8_lossy(&output.stdout);
            serde_json::from_str(line.trim()).expect("a client's report")
        })
        .collect();
    let counts = endpoint.counts();
    runtime.shutdown_background();
    drop(redis);
    for line in report::summary(options, start_at_s, &counts, &reports) {
        println!("{line}");
    }
}
