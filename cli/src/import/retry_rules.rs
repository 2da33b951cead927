//! Retry classes from evidence: category defaults are a start, these rules
//! refine them from a code's name and descriptions. They are tried in order
//! and the first that applies decides; a code no rule applies to keeps what
//! it inherits. The importer writes `retry` (with `retry_reason`, the rule's
//! reason) only where the decision differs from what the code inherits.

use tencent_errors_catalogue::Retry;

pub use crate::common::Inherited;

/// What a rule sees of a code.
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'a> {
    /// The code string.
    pub code: &'a str,
    /// The English description, if any.
    pub description: Option<&'a str>,
    /// The Chinese description, if any.
    pub description_zh: Option<&'a str>,
    /// What the code inherits.
    pub inherited: Inherited,
}

/// A rule: its name (as the report and `retry_reason` give it), its
/// decision function, and the reason written beside the codes it changes.
pub struct Rule {
    /// The function's name.
    pub name: &'static str,
    /// The class it decides, or `None` where it does not apply.
    pub decide: fn(&Evidence<'_>) -> Option<Retry>,
    /// The `retry_reason` written beside a `retry` it sets.
    pub reason: &'static str,
}

/// The rules, in the order they are tried.
pub const RULES: [Rule; 4] = [
    Rule {
        name: "request_rate_limit",
        decide: request_rate_limit,
        reason: "a LimitExceeded code whose description names the request frequency limit: throttling (import rule request_rate_limit)",
    },
    Rule {
        name: "quota_request_limit",
        decide: quota_request_limit,
        reason: "a RequestLimitExceeded code that counts tasks, jobs or creations, or a window of hours or days: a quota, not a rate (import rule quota_request_limit)",
    },
    Rule {
        name: "quota_limit_exceeded",
        decide: quota_limit_exceeded,
        reason: "LimitExceeded codes are quotas: waiting does not lift them (import rule quota_limit_exceeded)",
    },
    Rule {
        name: "retry_later_description",
        decide: retry_later_description,
        reason: "the description asks to try again later (import rule retry_later_description)",
    },
];

/// The first rule that applies to `evidence` and its decision.
pub fn decide(evidence: &Evidence<'_>) -> Option<(&'static Rule, Retry)> {
    RULES
        .iter()
        .find_map(|rule| (rule.decide)(evidence).map(|retry| (rule, retry)))
}

fn descriptions<'a>(evidence: &Evidence<'a>) -> impl Iterator<Item = &'a str> {
    evidence
        .description
        .into_iter()
        .chain(evidence.description_zh)
}

fn first_segment(code: &str) -> &str {
    code.split('.').next().unwrap_or(code)
}

/// Request-frequency wording, in Chinese and (lower-cased) English.
const REQUEST_RATE_WORDS: &[&str] = &[
    "请求频率",
    "请求过于频繁",
    "请求太过频繁",
    "接口频限",
    "请求超过限制频率",
    "请求的次数超过了频率限制",
    "request frequency",
    "api rate limit",
    "api frequency limit",
    "too many requests",
];

/// A `LimitExceeded` code whose description says the request frequency limit was hit is throttling.
pub fn request_rate_limit(evidence: &Evidence<'_>) -> Option<Retry> {
    let names_rate = descriptions(evidence).any(|text| {
        let lower = text.to_lowercase();
        REQUEST_RATE_WORDS.iter().any(|word| lower.contains(word))
    });
    (first_segment(evidence.code) == "LimitExceeded" && names_rate).then_some(Retry::Throttling)
}

/// Words in a `RequestLimitExceeded.*` name that count things, not requests.
const QUOTA_NAME_WORDS: &[&str] = &[
    "Batch",
    "Concurrency",
    "Create",
    "Job",
    "Num",
    "Overflow",
    "Task",
];
/// Windows too long to wait out, in Chinese and (lower-cased) English.
const LONG_WINDOW_WORDS: &[&str] = &["小时", "每天", "每日", "天内", "hour", "daily", "per day"];

/// A `RequestLimitExceeded.*` code that counts tasks, jobs or creations, or over hours or days, is a quota: never.
pub fn quota_request_limit(evidence: &Evidence<'_>) -> Option<Retry> {
    let rest = evidence.code.strip_prefix("RequestLimitExceeded.")?;
    let counts_things = QUOTA_NAME_WORDS.iter().any(|word| rest.contains(word));
    let long_window = descriptions(evidence).any(|text| {
        let lower = text.to_lowercase();
        LONG_WINDOW_WORDS.iter().any(|word| lower.contains(word))
    });
    (counts_things || long_window).then_some(Retry::Never)
}

/// `LimitExceeded` and its codes are quotas: never, whatever the description says.
pub fn quota_limit_exceeded(evidence: &Evidence<'_>) -> Option<Retry> {
    (first_segment(evidence.code) == "LimitExceeded").then_some(Retry::Never)
}

/// A description asking to try again later makes a code transient, unless the common codes set its class.
pub fn retry_later_description(evidence: &Evidence<'_>) -> Option<Retry> {
    let asks = evidence.description_zh.is_some_and(asks_later_zh)
        || evidence.description.is_some_and(asks_later_en);
    (asks && !evidence.inherited.set_by_common_codes).then_some(Retry::Transient)
}

/// 稍后 / 稍候 / 稍等: "in a moment" (请稍后重试, 稍后再试, 请稍后提交, ...).
fn asks_later_zh(text: &str) -> bool {
    ["稍后", "稍候", "稍等"]
        .iter()
        .any(|word| text.contains(word))
}

/// "later", except in comparisons ("later than").
fn asks_later_en(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower
        .match_indices("later")
        .any(|(at, _)| !lower[at + "later".len()..].starts_with(" than"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence<'a>(
        code: &'a str,
        en: Option<&'a str>,
        zh: Option<&'a str>,
        inherited: Retry,
        common: bool,
    ) -> Evidence<'a> {
        Evidence {
            code,
            description: en,
            description_zh: zh,
            inherited: Inherited {
                retry: inherited,
                set_by_common_codes: common,
            },
        }
    }

    fn decision(evidence: &Evidence<'_>) -> Option<(&'static str, Retry)> {
        decide(evidence).map(|(rule, retry)| (rule.name, retry))
    }

    #[test]
    fn try_again_later_is_transient() {
        let e = evidence(
            "FailedOperation.Busy",
            None,
            Some("服务器繁忙，请稍后再试。"),
            Retry::Never,
            false,
        );
        assert_eq!(
            decision(&e),
            Some(("retry_later_description", Retry::Transient))
        );
        let e = evidence(
            "OperationDenied.Busy",
            Some("Billing resources are in operation. Try again later."),
            None,
            Retry::Never,
            false,
        );
        assert_eq!(
            decision(&e),
            Some(("retry_later_description", Retry::Transient))
        );
    }

    #[test]
    fn later_than_is_not_a_request_to_wait() {
        let e = evidence(
            "InvalidParameterValue.TimeFuture",
            Some("Query end time is later than current system time"),
            None,
            Retry::Never,
            false,
        );
        assert_eq!(decision(&e), None);
    }

    #[test]
    fn check_and_try_again_is_not_later() {
        let e = evidence(
            "InvalidParameter.Cache",
            Some("Invalid cache. Check and try again."),
            Some("缓存配置不合法，请确认后重试。"),
            Retry::Never,
            false,
        );
        assert_eq!(decision(&e), None);
    }

    #[test]
    fn classes_the_common_codes_set_stay() {
        let e = evidence(
            "RequestLimitExceeded.FrequentRequest",
            Some("Too many requests. Try again later."),
            None,
            Retry::Throttling,
            true,
        );
        assert_eq!(decision(&e), None);
        let e = evidence(
            "AuthFailure",
            Some("CAM signature/authentication error. Please try again later."),
            None,
            Retry::Never,
            true,
        );
        assert_eq!(decision(&e), None);
    }

    #[test]
    fn quotas_under_request_limit_are_never() {
        for (code, zh) in [
            (
                "RequestLimitExceeded.BatchTaskLimit",
                "您的IP添加了过多任务。每个小时内，一个IP最多可提交80个任务，请稍后重试。",
            ),
            (
                "RequestLimitExceeded.JobNumExceed",
                "提交任务数超过最大并发。",
            ),
            (
                "RequestLimitExceeded.CreateDomainLimit",
                "您的账号在短时间内添加了大量的域名，请控制添加频率。",
            ),
            (
                "RequestLimitExceeded.RotateRateLimited",
                "轮转操作触发限频，默认24小时内仅可轮转一次",
            ),
        ] {
            let e = evidence(code, None, Some(zh), Retry::Throttling, true);
            assert_eq!(
                decision(&e),
                Some(("quota_request_limit", Retry::Never)),
                "{code}"
            );
        }
        let e = evidence(
            "RequestLimitExceeded.UinLimitExceeded",
            None,
            Some("超出请求频率。"),
            Retry::Throttling,
            true,
        );
        assert_eq!(decision(&e), None);
    }

    #[test]
    fn limit_exceeded_is_a_quota_unless_it_names_the_request_rate() {
        let e = evidence(
            "LimitExceeded.TaskConcurrency",
            None,
            Some("转码或录制任务并发数量超过限制，请参考错误描述或稍后重试。"),
            Retry::Never,
            false,
        );
        assert_eq!(decision(&e), Some(("quota_limit_exceeded", Retry::Never)));
        let e = evidence(
            "LimitExceeded.RateLimitExceeded",
            Some("Reached the API rate limit."),
            Some("单位时间内接口请求频率达到限制。"),
            Retry::Never,
            false,
        );
        assert_eq!(
            decision(&e),
            Some(("request_rate_limit", Retry::Throttling))
        );
        let e = evidence(
            "LimitExceeded.PhoneNumberDailyLimit",
            Some("You can adjust the SMS delivery rate limit policy in the console."),
            None,
            Retry::Never,
            false,
        );
        assert_eq!(decision(&e), Some(("quota_limit_exceeded", Retry::Never)));
    }
}
