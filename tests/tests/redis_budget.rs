//! The retry budget shared through a real `redis-server`: what one process
//! spends, the others can no longer spend; a sync that cannot reach Redis
//! changes nothing and the next one catches up.
#![cfg(feature = "redis")]

use std::time::Duration;

use tencent_errors::redis::{RedisConfig, RedisLink, SharedBudget};
use tencent_errors::retry::{BudgetConfig, Failure, ManualClock, RetryBudget};
use tencent_errors::RetryClass;
use tencent_errors_testkit::RedisServer;

const THROTTLED: Failure = Failure::Answered(RetryClass::Throttling);
const RETRY_AFTER: Duration = Duration::from_secs(1);

/// One process's budget of 100 tokens (5 per throttled retry).
fn process(server: &RedisServer, clock: &ManualClock) -> SharedBudget {
    let config = RedisConfig::new(&server.url()).with_retry_after(RETRY_AFTER);
    let link = RedisLink::new(config).unwrap().with_clock(clock.clone());
    let budget = RetryBudget::new(BudgetConfig::default().with_capacity(100));
    SharedBudget::new(link, "ap-guangzhou", budget)
}

fn spend(budget: &SharedBudget, retries: u32) {
    for _ in 0..retries {
        budget.budget().try_spend(THROTTLED).expect("tokens left");
    }
}

#[tokio::test]
async fn what_one_process_spends_the_others_cannot() {
    let server = RedisServer::start();
    let clock = ManualClock::new();
    let (a, b) = (process(&server, &clock), process(&server, &clock));

    spend(&a, 6); // 30 tokens
    spend(&b, 4); // 20 tokens
    assert!(a.sync().await && b.sync().await && a.sync().await);
    assert_eq!(a.budget().available(), 50);
    assert_eq!(b.budget().available(), 50);

    // Refills are shared too.
    a.budget().refill(10);
    assert!(a.sync().await && b.sync().await);
    assert_eq!(b.budget().available(), 60);
}

#[tokio::test]
async fn the_fleet_balance_never_leaves_zero_to_capacity() {
    let server = RedisServer::start();
    let clock = ManualClock::new();
    let fleet: Vec<SharedBudget> = (0..3).map(|_| process(&server, &clock)).collect();
    for budget in &fleet {
        spend(budget, 20); // each empties its own 100 tokens
    }
    for budget in &fleet {
        assert!(budget.sync().await);
        assert_eq!(budget.budget().available(), 0);
    }
    for budget in &fleet {
        budget.budget().refill(1000);
        assert!(budget.sync().await);
        assert_eq!(budget.budget().available(), 100);
    }
}

#[tokio::test]
async fn a_sync_without_redis_changes_nothing_and_the_next_one_catches_up() {
    let mut server = RedisServer::start();
    let clock = ManualClock::new();
    let (a, b) = (process(&server, &clock), process(&server, &clock));
    assert!(a.sync().await && b.sync().await);

    server.stop();
    spend(&a, 4);
    assert!(!a.sync().await);
    assert_eq!(a.budget().available(), 80, "the local budget goes on alone");

    // A restarted Redis starts full; A's spending while it was down still counts.
    server.restart();
    clock.advance(RETRY_AFTER);
    assert!(a.sync().await);
    assert!(b.sync().await);
    assert_eq!(b.budget().available(), 80);
}

#[tokio::test]
async fn spawn_sync_keeps_syncing_until_dropped() {
    let server = RedisServer::start();
    let clock = ManualClock::new();
    let (a, b) = (process(&server, &clock), process(&server, &clock));
    let task = b.spawn_sync(Duration::from_millis(5));
    spend(&a, 2);
    assert!(a.sync().await);
    let mut rounds = 0;
    while b.budget().available() != 90 {
        rounds += 1;
        assert!(rounds < 1000, "b never took a's spending in");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    drop(task);
}
