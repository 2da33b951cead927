//! Applying the retry rules to every code of a product-version.

use std::collections::BTreeMap;

use tencent_errors_catalogue::{ProductData, ProductVersion, Retry};

use super::retry_rules::{self, Evidence};
use crate::common::CommonCodes;

/// How often each rule decided a code's class, and how often that
/// decision differed from what the code inherits (and so was written).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleCounts {
    /// Rule name: (codes it decided, codes whose `retry` it set).
    pub by_rule: BTreeMap<&'static str, (usize, usize)>,
    /// Codes whose description asks to try again later but an earlier rule
    /// or the common codes kept another class: (product-version, code, class).
    pub later_but_kept: Vec<(ProductVersion, String, Retry)>,
}

/// Sets `retry` and `retry_reason` on the codes of `data` named in `codes`
/// (in code order, so a code sees its ancestors' classes).
pub fn classify(
    key: &ProductVersion,
    data: &mut ProductData,
    codes: &[String],
    common: &CommonCodes,
    counts: &mut RuleCounts,
) {
    for rule in &retry_rules::RULES {
        counts.by_rule.entry(rule.name).or_default();
    }
    let mut sorted: Vec<&String> = codes.iter().collect();
    sorted.sort();
    for code in sorted {
        let inherited = common.inherited(code, |prefix| {
            data.codes.get(prefix).and_then(|entry| entry.retry)
        });
        let Some(entry) = data.codes.get(code.as_str()) else {
            continue;
        };
        let evidence = Evidence {
            code,
            description: entry.description.as_deref(),
            description_zh: entry.description_zh.as_deref(),
            inherited,
        };
        let decision = retry_rules::decide(&evidence);
        let asks_later = retry_rules::retry_later_description(&Evidence {
            inherited: crate::common::Inherited {
                set_by_common_codes: false,
                ..inherited
            },
            ..evidence
        })
        .is_some();
        let (retry, reason) = match decision {
            Some((rule, retry)) => {
                let count = counts.by_rule.entry(rule.name).or_default();
                count.0 += 1;
                if retry != inherited.retry {
                    count.1 += 1;
                    (Some(retry), Some(rule.reason.to_owned()))
                } else {
                    (None, None)
                }
            }
            None => (None, None),
        };
        let class = retry.unwrap_or(inherited.retry);
        if asks_later && class != Retry::Transient {
            counts
                .later_but_kept
                .push((key.clone(), code.clone(), class));
        }
        let entry = data.codes.get_mut(code.as_str()).expect("the code exists");
        entry.retry = retry;
        entry.retry_reason = reason;
    }
}
