//! The retry budget: a token bucket shared by every call to one endpoint,
//! so that a fleet in trouble does not multiply its own load by retrying.

use core::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use super::Failure;
use crate::RetryClass;

/// The sizes of a [`RetryBudget`]. The defaults are the AWS SDK for Rust's
/// standard token bucket: 500 tokens, 10 per transient retry, 5 per other
/// retry, 1 back per first-try success.
///
/// ```
/// use tencent_errors::retry::BudgetConfig;
///
/// let config = BudgetConfig::default().with_capacity(50);
/// assert_eq!(config.capacity(), 50);
/// assert_eq!(config.transient_cost(), 10);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetConfig {
    capacity: u32,
    throttling_cost: u32,
    transient_cost: u32,
    success_refill: u32,
}

impl BudgetConfig {
    /// The defaults: see [`BudgetConfig`].
    pub const fn new() -> BudgetConfig {
        BudgetConfig {
            capacity: 500,
            throttling_cost: 5,
            transient_cost: 10,
            success_refill: 1,
        }
    }

    /// The most tokens the bucket holds; it starts full.
    pub const fn with_capacity(mut self, capacity: u32) -> BudgetConfig {
        self.capacity = capacity;
        self
    }

    /// The price of a retry after throttling, or of the retry after a refresh.
    /// The throttled request did no work, so it is the cheaper one.
    pub const fn with_throttling_cost(mut self, cost: u32) -> BudgetConfig {
        self.throttling_cost = cost;
        self
    }

    /// The price of a retry after a transient error or a transport failure:
    /// a sign that the endpoint itself is in trouble.
    pub const fn with_transient_cost(mut self, cost: u32) -> BudgetConfig {
        self.transient_cost = cost;
        self
    }

    /// The tokens a call that succeeds at its first attempt puts back.
    pub const fn with_success_refill(mut self, tokens: u32) -> BudgetConfig {
        self.success_refill = tokens;
        self
    }

    /// The most tokens the bucket holds.
    pub const fn capacity(&self) -> u32 {
        self.capacity
    }

    /// The price of a retry after throttling or a refresh.
    pub const fn throttling_cost(&self) -> u32 {
        self.throttling_cost
    }

    /// The price of a retry after a transient error or a transport failure.
    pub const fn transient_cost(&self) -> u32 {
        self.transient_cost
    }

    /// The tokens a first-try success puts back.
    pub const fn success_refill(&self) -> u32 {
        self.success_refill
    }

    /// The price of a retry after `failure`; zero for a failure never retried.
    pub const fn cost_of(&self, failure: Failure) -> u32 {
        match failure.retry_class() {
            RetryClass::Transient => self.transient_cost,
            RetryClass::Throttling | RetryClass::Refresh => self.throttling_cost,
            RetryClass::Never => 0,
        }
    }
}

impl Default for BudgetConfig {
    fn default() -> Self {
        BudgetConfig::new()
    }
}

/// A token bucket that every retry to one endpoint pays from; when it cannot
/// pay, the error is returned at once. Successes refill it.
///
/// Clones share the bucket: make one per endpoint (region) and give a clone
/// to every [`Retrier`](super::Retrier) that calls it. The balance never
/// goes below zero nor above the capacity.
///
/// ```
/// use tencent_errors::retry::{BudgetConfig, Failure, RetryBudget};
/// use tencent_errors::RetryClass;
///
/// let budget = RetryBudget::new(BudgetConfig::default().with_capacity(12));
/// let throttled = Failure::Answered(RetryClass::Throttling);
/// assert_eq!(budget.try_spend(throttled), Some(5));
/// assert_eq!(budget.try_spend(throttled), Some(5));
/// assert_eq!(budget.try_spend(throttled), None); // 2 tokens left: no retry
/// budget.refill(3);
/// assert_eq!(budget.available(), 5);
/// ```
#[derive(Debug, Clone)]
pub struct RetryBudget {
    config: BudgetConfig,
    tokens: Arc<AtomicU32>,
}

impl RetryBudget {
    /// A full bucket of the given sizes.
    pub fn new(config: BudgetConfig) -> RetryBudget {
        RetryBudget {
            config,
            tokens: Arc::new(AtomicU32::new(config.capacity)),
        }
    }

    /// The bucket's sizes.
    pub fn config(&self) -> &BudgetConfig {
        &self.config
    }

    /// The tokens in the bucket now.
    pub fn available(&self) -> u32 {
        self.tokens.load(Ordering::Acquire)
    }

    /// Takes the price of a retry after `failure`, if the bucket holds it,
    /// and returns the price paid; `None` leaves the bucket as it was.
    pub fn try_spend(&self, failure: Failure) -> Option<u32> {
        let cost = self.config.cost_of(failure);
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |tokens| {
                tokens.checked_sub(cost)
            })
            .ok()
            .map(|_| cost)
    }

    /// Puts `tokens` back, up to the capacity.
    pub fn refill(&self, tokens: u32) {
        let capacity = self.config.capacity;
        // The closure always returns Some, so this cannot fail.
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |available| {
                Some(available.saturating_add(tokens).min(capacity))
            });
    }

    /// Adds `delta` tokens (removes them when negative), within zero and the
    /// capacity, and returns the new balance: how a budget shared through
    /// Redis takes in what the rest of the fleet spent.
    #[cfg(feature = "redis")]
    pub(crate) fn adjust(&self, delta: i64) -> u32 {
        let capacity = i64::from(self.config.capacity);
        let clamp = |available: u32| (i64::from(available) + delta).clamp(0, capacity) as u32;
        match self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |available| {
                Some(clamp(available))
            }) {
            Ok(previous) | Err(previous) => clamp(previous),
        }
    }

    /// Books a call's success: a first-try success puts back
    /// [`success_refill`](BudgetConfig::success_refill) tokens; a success
    /// after retries gives back the price of the last retry, as the AWS SDK
    /// does (the earlier retries stay spent).
    pub fn record_success(&self, last_retry_cost: Option<u32>) {
        self.refill(last_retry_cost.unwrap_or(self.config.success_refill));
    }
}

impl Default for RetryBudget {
    fn default() -> Self {
        RetryBudget::new(BudgetConfig::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transient_retries_cost_more_than_throttled_ones() {
        let config = BudgetConfig::default();
        let throttled = config.cost_of(Failure::Answered(RetryClass::Throttling));
        for transient in [
            Failure::Answered(RetryClass::Transient),
            Failure::NotConnected,
            Failure::TimedOut,
        ] {
            assert!(config.cost_of(transient) > throttled);
        }
    }

    #[test]
    fn refill_stops_at_capacity() {
        let budget = RetryBudget::new(BudgetConfig::default().with_capacity(7));
        budget.refill(u32::MAX);
        assert_eq!(budget.available(), 7);
        budget.record_success(None);
        assert_eq!(budget.available(), 7);
    }

    #[test]
    fn clones_share_one_bucket() {
        let budget = RetryBudget::new(BudgetConfig::default().with_capacity(10));
        let clone = budget.clone();
        assert!(clone.try_spend(Failure::TimedOut).is_some());
        assert_eq!(budget.available(), 0);
        assert_eq!(budget.try_spend(Failure::TimedOut), None);
    }
}
