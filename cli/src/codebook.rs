//! The codes `explain`, `search` and `decode` know: the generated tables
//! compiled into this binary, never a file read at start-up.
//!
//! Today these are the common codes ([`CommonCode`]), which every product's
//! actions can return. The rest of the command asks only this module, so
//! that the products' enums and their per-action code sets plug in here.

use tencent_errors::retry::{
    Decision, FailedAttempt, Idempotency, Jitter, RetryPolicy, StopReason,
};
use tencent_errors::{CommonCode, Failure, RetryClass};

/// Where a code is defined: a product's API version, or the common codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// The common codes: every product's actions can return them.
    Common,
    /// One product's API version, by the SDKs' folder names (`cvm`, `v20170312`).
    Product {
        /// The product (`cvm`).
        product: &'static str,
        /// The API version (`v20170312`).
        version: &'static str,
    },
}

/// One code as a product (or the common codes) defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Who defines it.
    pub origin: Origin,
    /// The code.
    pub code: &'static str,
    /// English description.
    pub description: Option<&'static str>,
    /// Chinese description.
    pub description_zh: Option<&'static str>,
    /// Its retry class, after inheritance.
    pub retry: RetryClass,
    /// Whether a newer SDK release removed it.
    pub deprecated: bool,
}

/// What a code no table lists inherits, as the runtime decodes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inherited {
    /// The retry class of its nearest known ancestor or category.
    pub retry: RetryClass,
    /// Its nearest ancestor that is a known code.
    pub ancestor: Option<Entry>,
}

/// The codes compiled into this binary.
#[derive(Debug, Clone, Copy, Default)]
pub struct Codebook;

impl Codebook {
    /// The products `--product` accepts.
    pub fn products(&self) -> Vec<&'static str> {
        Vec::new()
    }

    /// Whether `--product` names a product this build knows.
    pub fn has_product(&self, product: &str) -> bool {
        self.products().contains(&product)
    }

    /// Every code of every product (and the common codes).
    pub fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        CommonCode::ALL.iter().map(common_entry)
    }

    /// Every definition of exactly `code`: the common code, and each
    /// product's; within `product` and the common codes only, if given.
    pub fn lookup(&self, code: &str, product: Option<&str>) -> Vec<Entry> {
        let _ = product; // the common codes belong to every product
        let common = CommonCode::from_code(code);
        if common.is_known() {
            vec![common_entry(&common)]
        } else {
            Vec::new()
        }
    }

    /// What `code`, which [`lookup`](Codebook::lookup) does not find,
    /// inherits (in `product`, if given).
    pub fn inherited(&self, code: &str, product: Option<&str>) -> Inherited {
        let _ = product;
        let decoded = CommonCode::from_code(code);
        Inherited {
            retry: decoded.retry_class(),
            ancestor: decoded.parent().as_ref().map(common_entry),
        }
    }

    /// The actions that may return `code`, as `(product, version, action)`,
    /// sorted; empty for a common code, which every action may return.
    pub fn actions_returning(
        &self,
        code: &str,
        product: Option<&str>,
    ) -> Vec<(&'static str, &'static str, &'static str)> {
        let _ = (code, product);
        Vec::new()
    }
}

fn common_entry(code: &CommonCode) -> Entry {
    let text = CommonCode::ALL
        .iter()
        .find(|known| *known == code)
        .map_or("", CommonCode::as_str);
    Entry {
        origin: Origin::Common,
        code: text,
        description: code.description(),
        description_zh: code.description_zh(),
        retry: code.retry_class(),
        deprecated: code.is_deprecated(),
    }
}

/// The known codes above `entry`, nearest first: `AuthFailure` for
/// `AuthFailure.SignatureExpire`; a product's code may have a common parent.
pub fn parents(codebook: &Codebook, entry: &Entry) -> Vec<Entry> {
    let product = match entry.origin {
        Origin::Common => None,
        Origin::Product { product, .. } => Some(product),
    };
    let mut parents = Vec::new();
    let mut prefix = entry.code;
    while let Some(dot) = prefix.rfind('.') {
        prefix = &prefix[..dot];
        let found = codebook.lookup(prefix, product);
        // The product's own definition first, then the common one.
        if let Some(parent) = found
            .iter()
            .find(|parent| parent.origin == entry.origin)
            .or_else(|| found.iter().find(|parent| parent.origin == Origin::Common))
        {
            parents.push(parent.clone());
        }
    }
    parents
}

/// What the default retry policy does after a first attempt failed with
/// `retry`, for an action of `idempotency`.
pub fn decision(retry: RetryClass, idempotency: Idempotency) -> Decision {
    let attempt = FailedAttempt::new(Failure::Answered(retry), idempotency, 1);
    // The seed only draws the wait, which is not shown.
    RetryPolicy::default().decide(&attempt, &Jitter::seeded(0))
}

/// A decision in a few words.
pub fn decision_text(decision: &Decision) -> String {
    match decision {
        Decision::RetryAfter(_) => "retry after a backoff".to_owned(),
        Decision::RefreshThenRetry => {
            "refresh the clock or credentials, then retry once".to_owned()
        }
        Decision::Stop(reason) => format!("stop: {reason}"),
        _ => format!("{decision:?}"),
    }
}

/// A decision as a stable token for JSON: `retry`, `refresh_then_retry`,
/// `stop`.
pub fn decision_token(decision: &Decision) -> &'static str {
    match decision {
        Decision::RetryAfter(_) => "retry",
        Decision::RefreshThenRetry => "refresh_then_retry",
        Decision::Stop(_) => "stop",
        _ => "other",
    }
}

/// Why a decision stops, as a stable token for JSON; `None` for a retry.
pub fn stop_token(decision: &Decision) -> Option<&'static str> {
    match decision {
        Decision::Stop(reason) => Some(match reason {
            StopReason::NotRetryable => "not_retryable",
            StopReason::NotIdempotent => "not_idempotent",
            StopReason::RefreshDidNotHelp => "refresh_did_not_help",
            StopReason::AttemptsExhausted => "attempts_exhausted",
            StopReason::DeadlineExceeded => "deadline_exceeded",
            StopReason::BudgetExhausted => "budget_exhausted",
            StopReason::CircuitOpen => "circuit_open",
            _ => "other",
        }),
        _ => None,
    }
}

/// What a retry class means, in one line.
pub fn retry_meaning(retry: RetryClass) -> &'static str {
    match retry {
        RetryClass::Never => "fix the request: sending it again cannot succeed",
        RetryClass::Throttling => "a rate limit rejected the request before it ran",
        RetryClass::Transient => "the service failed, perhaps after the request ran",
        RetryClass::Refresh => "re-sign with a corrected clock or fetch new credentials",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_common_code_is_found_with_its_class() {
        let found = Codebook.lookup("AuthFailure.SignatureExpire", None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "AuthFailure.SignatureExpire");
        assert_eq!(found[0].retry, RetryClass::Refresh);
        assert_eq!(found[0].origin, Origin::Common);
    }

    #[test]
    fn parents_are_nearest_first() {
        let of = |code: &str| {
            let entry = Codebook.lookup(code, None)[0].clone();
            let parents: Vec<&str> = parents(&Codebook, &entry).iter().map(|p| p.code).collect();
            parents
        };
        assert_eq!(
            of("RequestLimitExceeded.UinLimitExceeded"),
            ["RequestLimitExceeded"]
        );
        // `AuthFailure` is a category, not a code.
        assert!(of("AuthFailure.SignatureExpire").is_empty());
    }

    #[test]
    fn an_unknown_code_inherits_from_its_nearest_ancestor() {
        let inherited = Codebook.inherited("RequestLimitExceeded.NewThing", None);
        assert_eq!(inherited.retry, RetryClass::Throttling);
        assert_eq!(inherited.ancestor.unwrap().code, "RequestLimitExceeded");
    }

    #[test]
    fn transient_stops_a_write_but_not_a_read() {
        let read = decision(RetryClass::Transient, Idempotency::Idempotent);
        let write = decision(RetryClass::Transient, Idempotency::NotIdempotent);
        assert_eq!(decision_token(&read), "retry");
        assert_eq!(stop_token(&write), Some("not_idempotent"));
    }
}
