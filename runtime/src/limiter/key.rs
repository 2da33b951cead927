//! What a limit counts: one action of one account in one region.

use core::fmt;
use std::sync::Arc;

use crate::escape::Bounded;

/// What a rate limit counts: one action (`DescribeInstances`) of one account
/// in one region. Tencent Cloud's limits are per account and action; the
/// region is part of the key because each region's endpoint counts apart.
///
/// Clones are cheap (the strings are shared).
///
/// ```
/// use tencent_errors::limiter::LimitKey;
///
/// let key = LimitKey::new("100012345678", "ap-guangzhou", "DescribeInstances");
/// assert_eq!(key.action(), "DescribeInstances");
/// assert_eq!(key.to_string(), "100012345678/ap-guangzhou/DescribeInstances");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LimitKey {
    account: Arc<str>,
    region: Arc<str>,
    action: Arc<str>,
}

impl LimitKey {
    /// The key of `action` for `account` (an account ID, or any name that
    /// stands for one set of credentials) in `region`.
    pub fn new(account: &str, region: &str, action: &str) -> LimitKey {
        LimitKey {
            account: account.into(),
            region: region.into(),
            action: action.into(),
        }
    }

    /// This key's account and region, for another action.
    ///
    /// ```
    /// use tencent_errors::limiter::LimitKey;
    /// let scope = LimitKey::new("1000", "ap-beijing", "");
    /// assert_eq!(scope.for_action("RunInstances").to_string(), "1000/ap-beijing/RunInstances");
    /// ```
    pub fn for_action(&self, action: &str) -> LimitKey {
        LimitKey {
            account: self.account.clone(),
            region: self.region.clone(),
            action: action.into(),
        }
    }

    /// The account.
    pub fn account(&self) -> &str {
        &self.account
    }

    /// The region.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The action.
    pub fn action(&self) -> &str {
        &self.action
    }
}

impl fmt::Display for LimitKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}/{}",
            Bounded::new(&self.account, 64),
            Bounded::new(&self.region, 64),
            Bounded::new(&self.action, 128)
        )
    }
}

impl fmt::Debug for LimitKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LimitKey({self})")
    }
}
