//! Property tests of retries: whatever the failures, the policy never makes
//! more than the maximum attempts, never retries `Never`, never repeats a
//! non-idempotent action after a transient failure, keeps every delay within
//! its bounds, and the budget never goes below zero.

use std::fmt;
use std::time::Duration;

use proptest::prelude::*;
use tencent_errors::retry::{
    AttemptError, Backoff, BudgetConfig, Decision, FailedAttempt, Failure, Idempotency, Jitter,
    ManualClock, Retrier, RetryBudget, RetryPolicy, StopReason,
};
use tencent_errors::RetryClass;

/// A scripted attempt error.
#[derive(Debug, Clone)]
struct Scripted(Failure);

impl fmt::Display for Scripted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "scripted {}", self.0)
    }
}

impl AttemptError for Scripted {
    fn failure(&self) -> Failure {
        self.0
    }
}

fn failure() -> impl Strategy<Value = Failure> {
    prop_oneof![
        Just(Failure::Answered(RetryClass::Never)),
        Just(Failure::Answered(RetryClass::Throttling)),
        Just(Failure::Answered(RetryClass::Transient)),
        Just(Failure::Answered(RetryClass::Refresh)),
        Just(Failure::NotConnected),
        Just(Failure::TimedOut),
    ]
}

fn idempotency() -> impl Strategy<Value = Idempotency> {
    prop_oneof![
        Just(Idempotency::Idempotent),
        Just(Idempotency::NotIdempotent)
    ]
}

/// An attempt's outcome: a failure, or (`None`) a success.
fn script() -> impl Strategy<Value = Vec<Option<Failure>>> {
    prop::collection::vec(prop::option::weighted(0.8, failure()), 1..12)
}

fn backoff() -> impl Strategy<Value = Backoff> {
    (0u64..5_000, 0u64..60_000).prop_map(|(initial, max)| {
        Backoff::new(Duration::from_millis(initial), Duration::from_millis(max))
    })
}

/// One call through the blocking helper: the attempts it made and the
/// delays it slept.
struct Run {
    attempts: Vec<Failure>,
    delays: Vec<Duration>,
    outcome: Result<(), StopReason>,
}

fn run(
    retrier: &Retrier,
    clock: &ManualClock,
    idempotency: Idempotency,
    script: &[Option<Failure>],
) -> Run {
    let mut attempts = Vec::new();
    let mut last_elapsed = clock.elapsed();
    let mut delays = Vec::new();
    let result = retrier.run_blocking(idempotency, |attempt| {
        // The manual clock moves only by the helper's sleeps.
        let now = clock.elapsed();
        if attempt.is_retry() {
            delays.push(now - last_elapsed);
        }
        last_elapsed = now;
        let outcome = script.get(attempts.len()).copied().flatten();
        match outcome {
            Some(failure) => {
                attempts.push(failure);
                Err(Scripted(failure))
            }
            None => Ok(()),
        }
    });
    Run {
        attempts,
        delays,
        outcome: result.map_err(|error| error.stop_reason()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_more_than_the_maximum_attempts(
        max_attempts in 1u32..6,
        idempotency in idempotency(),
        script in script(),
    ) {
        let clock = ManualClock::new();
        let retrier = Retrier::new(RetryPolicy::default().with_max_attempts(max_attempts))
            .with_clock(clock.clone())
            .with_jitter(Jitter::seeded(1));
        let run = run(&retrier, &clock, idempotency, &script);
        prop_assert!(run.attempts.len() <= max_attempts as usize);
        // No sleep after the last attempt: one delay between two attempts.
        let sent = run.attempts.len() + usize::from(run.outcome.is_ok());
        prop_assert_eq!(run.delays.len(), sent.saturating_sub(1));
    }

    #[test]
    fn never_retries_never_nor_a_transient_non_idempotent_failure(
        idempotency in idempotency(),
        script in script(),
    ) {
        let clock = ManualClock::new();
        let retrier = Retrier::new(RetryPolicy::default().with_max_attempts(20))
            .with_clock(clock.clone())
            .with_jitter(Jitter::seeded(2));
        let run = run(&retrier, &clock, idempotency, &script);
        // Every failure followed by another attempt was retried: none may be a forbidden one.
        let retried = if run.outcome.is_ok() { run.attempts.len() } else { run.attempts.len().saturating_sub(1) };
        for failure in &run.attempts[..retried] {
            prop_assert_ne!(failure.retry_class(), RetryClass::Never);
            if idempotency == Idempotency::NotIdempotent {
                prop_assert!(failure.is_safe_for_any_action(), "{failure:?} was retried");
            }
        }
        // And the policy itself refuses them whatever the attempt.
        for attempt in 1..5 {
            let never = FailedAttempt::new(Failure::Answered(RetryClass::Never), idempotency, attempt);
            prop_assert_eq!(retrier.policy().decide(&never, &Jitter::seeded(0)), Decision::Stop(StopReason::NotRetryable));
        }
    }

    #[test]
    fn every_delay_is_within_its_bounds(
        backoff in backoff(),
        deadline_ms in prop::option::of(0u64..120_000),
        failure in failure(),
        idempotency in idempotency(),
        attempt in 1u32..40,
        elapsed_ms in 0u64..120_000,
        seed in any::<u64>(),
    ) {
        let mut policy = RetryPolicy::default().with_max_attempts(50).with_backoff(backoff);
        if let Some(deadline) = deadline_ms {
            policy = policy.with_deadline(Duration::from_millis(deadline));
        }
        let failed = FailedAttempt::new(failure, idempotency, attempt)
            .with_elapsed(Duration::from_millis(elapsed_ms));
        let decision = policy.decide(&failed, &Jitter::seeded(seed));
        if let Some(delay) = decision.delay() {
            prop_assert!(delay <= backoff.ceiling(attempt));
            // Drawn from [0, ceiling): below a ceiling that is not zero.
            prop_assert!(delay.is_zero() || delay < backoff.ceiling(attempt));
            prop_assert!(delay <= backoff.max());
            if let Some(deadline) = policy.deadline() {
                prop_assert!(failed.elapsed() + delay < deadline);
            }
        }
        if failure.retry_class() == RetryClass::Transient && !failure.is_safe_for_any_action()
            && idempotency == Idempotency::NotIdempotent
        {
            prop_assert_eq!(decision, Decision::Stop(StopReason::NotIdempotent));
        }
    }

    #[test]
    fn the_budget_never_goes_below_zero_nor_above_capacity(
        capacity in 0u32..60,
        throttling_cost in 0u32..12,
        transient_cost in 0u32..25,
        operations in prop::collection::vec(prop_oneof![
            failure().prop_map(Some),
            Just(None),
        ], 0..80),
    ) {
        let config = BudgetConfig::default()
            .with_capacity(capacity)
            .with_throttling_cost(throttling_cost)
            .with_transient_cost(transient_cost);
        let budget = RetryBudget::new(config);
        let mut model = i64::from(capacity);
        for operation in operations {
            match operation {
                Some(failure) => {
                    let cost = i64::from(config.cost_of(failure));
                    let paid = budget.try_spend(failure);
                    // It pays when, and only when, the tokens cover the price.
                    prop_assert_eq!(paid.is_some(), model >= cost);
                    if paid.is_some() {
                        model -= cost;
                    }
                }
                None => {
                    budget.record_success(None);
                    model = (model + 1).min(i64::from(capacity));
                }
            }
            prop_assert!(model >= 0);
            prop_assert_eq!(i64::from(budget.available()), model);
        }
    }

    #[test]
    fn a_shared_budget_bounds_the_retries_of_many_calls(
        capacity in 0u32..40,
        calls in 1usize..20,
    ) {
        // Every attempt throttled: each retry costs 5 tokens, none are earned back.
        let budget = RetryBudget::new(BudgetConfig::default().with_capacity(capacity));
        let clock = ManualClock::new();
        let retrier = Retrier::new(RetryPolicy::default().with_max_attempts(10))
            .with_budget(budget.clone())
            .with_clock(clock.clone())
            .with_jitter(Jitter::seeded(3));
        let mut retries = 0;
        for _ in 0..calls {
            let script = vec![Some(Failure::Answered(RetryClass::Throttling)); 10];
            let run = run(&retrier, &clock, Idempotency::NotIdempotent, &script);
            retries += run.attempts.len() - 1;
        }
        prop_assert!(retries as u32 <= capacity / 5);
        prop_assert_eq!(budget.available(), capacity - 5 * retries as u32);
    }
}
