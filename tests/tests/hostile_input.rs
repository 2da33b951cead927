//! Hostile bodies: huge, deep, invalid, mistyped. Each is a typed error or a
//! correct decode, never a panic, and whatever is printed is bounded and
//! escaped.

use serde::Deserialize;
use serde_json::Value;
use tencent_errors::{parse_response, CommonCode, Error, InvalidBodyKind, RetryClass};

const MB: usize = 1024 * 1024;

/// The most a printed error may take, whatever the body.
const SHOWN_BOUND: usize = 8 * 1024;

fn error_of(body: &[u8]) -> Error {
    match parse_response::<Value, CommonCode>(200, body) {
        Ok(success) => panic!("decoded as a success: {}", success.request_id()),
        Err(error) => error,
    }
}

fn invalid_kind(body: &[u8]) -> InvalidBodyKind {
    let error = error_of(body);
    let shown = error.to_string();
    assert!(shown.len() <= SHOWN_BOUND, "{} bytes shown", shown.len());
    assert!(!shown.chars().any(char::is_control), "{shown:?}");
    error
        .invalid_body()
        .unwrap_or_else(|| panic!("not an invalid body: {error}"))
        .kind()
}

fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn a_10_mb_payload_decodes() {
    let items = vec!["i-0123456789abcdef"; 10 * MB / 21];
    let body = serde_json::json!({
        "Response": { "InstanceIdSet": items, "RequestId": "big" }
    })
    .to_string();
    assert!(body.len() >= 10 * MB);

    #[derive(Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Ids {
        instance_id_set: Vec<String>,
    }
    let success = parse_response::<Ids, CommonCode>(200, body.as_bytes()).unwrap();
    assert_eq!(success.data().instance_id_set.len(), items.len());
    assert_eq!(success.request_id(), "big");
}

#[test]
fn a_10_mb_body_that_is_not_json_keeps_a_512_byte_snippet() {
    let body = format!("<html>{}", "x".repeat(10 * MB));
    let error = error_of(body.as_bytes());
    let invalid = error.invalid_body().unwrap();
    assert_eq!(invalid.kind(), InvalidBodyKind::NotJson);
    assert_eq!(invalid.snippet().len(), 512);
    assert_eq!(invalid.body_len(), body.len());
    assert!(error.to_string().len() <= SHOWN_BOUND);
}

#[test]
fn a_10_mb_body_cut_off_is_truncated_and_transient() {
    let body = format!(
        r#"{{"Response": {{"RequestId": "cut-1", "Data": "{}"#,
        "y".repeat(10 * MB)
    );
    let error = error_of(body.as_bytes());
    assert_eq!(
        error.invalid_body().unwrap().kind(),
        InvalidBodyKind::Truncated
    );
    assert_eq!(error.retry_class(), RetryClass::Transient);
    assert_eq!(error.request_id(), Some("cut-1"));
}

#[test]
fn nesting_past_the_recursion_limit_is_too_deep() {
    // serde_json's limit is 128 levels.
    for depth in [129, 10_000, 1_000_000] {
        let payload = format!(
            r#"{{"Response": {{"Deep": {}, "RequestId": "d"}}}}"#,
            nested(depth)
        );
        assert_eq!(invalid_kind(payload.as_bytes()), InvalidBodyKind::TooDeep);
        let whole = nested(depth);
        assert_eq!(invalid_kind(whole.as_bytes()), InvalidBodyKind::NoResponse);
        let response = format!(r#"{{"Response": {}}}"#, nested(depth));
        assert_eq!(
            invalid_kind(response.as_bytes()),
            InvalidBodyKind::WrongType
        );
    }
}

#[test]
fn deep_nesting_in_an_ignored_field_of_an_error_decodes_the_error() {
    // serde_json skips an ignored value without recursing: the error decodes.
    for depth in [129, 1_000_000] {
        let body = format!(
            r#"{{"Response": {{"Error": {{"Code": "InternalError", "Extra": {}}}, "RequestId": "d"}}}}"#,
            nested(depth)
        );
        let Error::Api(api) = error_of(body.as_bytes()) else {
            panic!("an API error");
        };
        assert_eq!(api.code(), &CommonCode::InternalError);
        assert_eq!(api.request_id(), Some("d"));
    }
}

#[test]
fn deep_nesting_in_an_ignored_payload_does_not_overflow_the_stack() {
    let body = format!(
        r#"{{"Response": {{"Deep": {}, "RequestId": "d"}}}}"#,
        nested(1_000_000)
    );
    // serde_json skips a value it is not asked for without recursing: a
    // payload type that ignores the field decodes, whether it is `()` or a
    // struct that does not name it.
    let success = parse_response::<(), CommonCode>(200, body.as_bytes()).unwrap();
    assert_eq!(success.request_id(), "d");

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Counted {
        total_count: Option<u64>,
    }
    let success = parse_response::<Counted, CommonCode>(200, body.as_bytes()).unwrap();
    assert_eq!(success.request_id(), "d");
    assert_eq!(success.data().total_count, None);
}

#[test]
fn nesting_within_the_limit_decodes() {
    let body = format!(
        r#"{{"Response": {{"Deep": {}, "RequestId": "d"}}}}"#,
        nested(100)
    );
    let success = parse_response::<Value, CommonCode>(200, body.as_bytes()).unwrap();
    assert_eq!(success.request_id(), "d");
}

#[test]
fn a_1_mb_message_is_kept_whole_and_shown_bounded() {
    let message = "m".repeat(MB);
    let body = serde_json::json!({
        "Response": {
            "Error": { "Code": "InternalError", "Message": message },
            "RequestId": "r-1"
        }
    })
    .to_string();
    let Error::Api(api) = error_of(body.as_bytes()) else {
        panic!("an API error");
    };
    assert_eq!(api.code(), &CommonCode::InternalError);
    assert_eq!(api.message().len(), MB);
    let shown = api.to_string();
    assert!(shown.len() <= SHOWN_BOUND, "{} bytes shown", shown.len());
    assert!(shown.starts_with("[InternalError] mmm"), "{}", &shown[..40]);
    assert!(shown.contains("more bytes"), "the cut is marked");
    assert!(
        shown.ends_with("(RequestId: r-1)"),
        "{}",
        &shown[shown.len() - 40..]
    );
    assert!(format!("{api:?}").len() <= SHOWN_BOUND);
}

#[test]
fn invalid_utf8_is_not_utf8_with_a_lossy_snippet() {
    let body = b"{\"Response\": {\"Error\": {\"Code\": \"InternalError\", \"Message\": \"\xff\xfe\"}, \"RequestId\": \"u-1\"}}";
    let error = error_of(body);
    let invalid = error.invalid_body().unwrap();
    assert_eq!(invalid.kind(), InvalidBodyKind::NotUtf8);
    assert!(invalid.snippet().contains('\u{FFFD}'));
    assert_eq!(invalid.request_id(), Some("u-1"));

    assert_eq!(invalid_kind(b"\xc3"), InvalidBodyKind::NotUtf8);
    assert_eq!(invalid_kind(b"\xef\xbb\xbf{}"), InvalidBodyKind::NotJson);
}

#[test]
fn a_code_that_is_not_a_string_is_a_wrong_type() {
    for code in ["42", "-1.5", "null", "true", "[]", "{}"] {
        let body = format!(
            r#"{{"Response": {{"Error": {{"Code": {code}, "Message": "m"}}, "RequestId": "t-1"}}}}"#
        );
        let error = error_of(body.as_bytes());
        let invalid = error
            .invalid_body()
            .unwrap_or_else(|| panic!("Code {code}: {error}"));
        assert_eq!(invalid.kind(), InvalidBodyKind::WrongType, "Code {code}");
        assert_eq!(error.request_id(), Some("t-1"), "Code {code}");
    }
}

#[test]
fn a_code_that_is_an_out_of_range_number_is_not_json() {
    // serde_json refuses the number itself, before its type matters.
    let body = r#"{"Response": {"Error": {"Code": 1e400}, "RequestId": "t-1"}}"#;
    assert_eq!(invalid_kind(body.as_bytes()), InvalidBodyKind::NotJson);
}

#[test]
fn an_empty_or_missing_code_is_missing_code() {
    for error in [r#"{"Code": ""}"#, r#"{"Message": "m"}"#, "{}"] {
        let body = format!(r#"{{"Response": {{"Error": {error}, "RequestId": "e-1"}}}}"#);
        assert_eq!(
            invalid_kind(body.as_bytes()),
            InvalidBodyKind::MissingCode,
            "{body}"
        );
    }
}

#[test]
fn a_message_or_request_id_that_is_not_a_string_is_a_wrong_type() {
    let bodies = [
        r#"{"Response": {"Error": {"Code": "InternalError", "Message": null}, "RequestId": "w"}}"#,
        r#"{"Response": {"Error": {"Code": "InternalError", "Message": 7}, "RequestId": "w"}}"#,
        r#"{"Response": {"Error": {"Code": "InternalError"}, "RequestId": 7}}"#,
        r#"{"Response": {"Error": "InternalError", "RequestId": "w"}}"#,
        r#"{"Response": []}"#,
    ];
    for body in bodies {
        assert_eq!(
            invalid_kind(body.as_bytes()),
            InvalidBodyKind::WrongType,
            "{body}"
        );
    }
}

#[test]
fn display_escapes_control_characters_in_the_message() {
    let body = serde_json::json!({
        "Response": {
            "Error": {
                "Code": "InternalError",
                "Message": "line one\nFAKE 2024-01-01 ERROR admin login\r\x1b[31mred\x1b[0m\u{7}\u{2028}end\t."
            },
            "RequestId": "id\nforged"
        }
    })
    .to_string();
    let error = error_of(body.as_bytes());
    assert_eq!(
        error.to_string(),
        "[InternalError] line one\\nFAKE 2024-01-01 ERROR admin login\\r\\u{1b}[31mred\\u{1b}[0m\\u{7}\\u{2028}end\\t. (RequestId: id\\nforged)"
    );
}

#[test]
fn display_escapes_control_characters_in_an_unknown_code_and_a_snippet() {
    let body = "{\"Response\": {\"Error\": {\"Code\": \"X\\u001b]0;title\\u0007\", \"Message\": \"m\"}, \"RequestId\": \"c\"}}";
    let shown = error_of(body.as_bytes()).to_string();
    assert!(shown.starts_with("[X\\u{1b}]0;title\\u{7}] m"), "{shown}");

    let shown = error_of(b"<html>\x1b[2J\n</html>").to_string();
    assert!(!shown.chars().any(char::is_control), "{shown:?}");
    assert!(shown.contains("<html>\\u{1b}[2J\\n</html>"), "{shown}");
}

#[test]
fn a_huge_unknown_code_is_kept_and_shown_bounded() {
    let code = format!("InternalError.{}", "Z".repeat(MB));
    let body = format!(r#"{{"Response": {{"Error": {{"Code": "{code}"}}, "RequestId": "h"}}}}"#);
    let error = error_of(body.as_bytes());
    assert_eq!(error.code_str(), Some(code.as_str()));
    assert_eq!(error.retry_class(), RetryClass::Transient);
    assert!(error.to_string().len() <= SHOWN_BOUND);
}

/// 1 MiB of server text, with the characters a log forger needs.
fn hostile_text() -> String {
    format!("A\n\u{1b}[2J\"\\{}", "Z".repeat(MB))
}

/// `Debug` output of received text: bounded and escaped like `Display`.
fn assert_debug_bounded(debug: &str) {
    assert!(debug.len() <= SHOWN_BOUND, "{} bytes of Debug", debug.len());
    assert!(!debug.chars().any(char::is_control), "{}", &debug[..200]);
    assert!(debug.contains("more bytes"), "the cut is marked");
}

#[test]
fn a_1_mb_unknown_code_debugs_bounded_and_escaped() {
    let code = hostile_text();
    let body = serde_json::json!({
        "Response": { "Error": { "Code": code, "Message": "m" }, "RequestId": "r" }
    })
    .to_string();
    let Error::Api(api) = error_of(body.as_bytes()) else {
        panic!("an API error");
    };
    let CommonCode::Other(unknown) = api.code() else {
        panic!("an unknown code");
    };
    assert_eq!(unknown.as_str(), code);
    assert_debug_bounded(&format!("{unknown:?}"));
    assert!(format!("{unknown:?}").starts_with(r#"UnknownCode("A\n\u{1b}[2J\"\\ZZZ"#));
    assert_debug_bounded(&format!("{:?}", api.code()));
    assert_debug_bounded(&format!("{api:?}"));
}

#[test]
fn a_1_mb_request_id_in_an_invalid_body_debugs_bounded_and_escaped() {
    let request_id = hostile_text();
    let body = serde_json::json!({
        "Response": { "Error": { "Code": "" }, "RequestId": request_id }
    })
    .to_string();
    let error = error_of(body.as_bytes());
    let invalid = error.invalid_body().expect("an invalid body");
    assert_eq!(invalid.kind(), InvalidBodyKind::MissingCode);
    assert_eq!(invalid.request_id(), Some(request_id.as_str()));
    assert_debug_bounded(&format!("{invalid:?}"));
    assert_debug_bounded(&format!("{error:?}"));
    assert!(error.to_string().len() <= SHOWN_BOUND);
}

#[test]
fn a_1_mb_request_id_and_warning_of_a_success_debug_bounded_and_escaped() {
    let text = hostile_text();
    let body = serde_json::json!({
        "Response": { "RequestId": text, "DeprecatedWarning": text }
    })
    .to_string();
    let success = parse_response::<Value, CommonCode>(200, body.as_bytes()).unwrap();
    assert_eq!(success.request_id(), text);
    assert_eq!(success.deprecated_warning(), Some(text.as_str()));
    let debug = format!("{success:?}");
    assert!(
        debug.len() <= 2 * SHOWN_BOUND,
        "{} bytes of Debug",
        debug.len()
    );
    assert!(!debug.chars().any(char::is_control));
}

#[test]
fn a_1_mb_unrecognized_code_debugs_bounded_and_escaped() {
    let error = tencent_errors::UnrecognizedCode::new(&hostile_text());
    assert_debug_bounded(&format!("{error:?}"));
}

#[test]
fn a_1_mb_date_header_or_retry_class_debugs_bounded_and_escaped() {
    let date = tencent_errors::parse_http_date(&hostile_text()).unwrap_err();
    assert_debug_bounded(&format!("{date:?}"));
    let rejected = tencent_errors::SigningClock::new()
        .observe_date_header(&hostile_text())
        .unwrap_err();
    assert_debug_bounded(&format!("{rejected:?}"));
    let class = hostile_text().parse::<RetryClass>().unwrap_err();
    assert_debug_bounded(&format!("{class:?}"));
}

#[test]
fn a_1_mb_code_and_request_id_debug_bounded_through_the_retrier() {
    use tencent_errors::retry::{Attempt, Idempotency, ManualClock, Retrier};
    // An unknown code under AuthFailure.SignatureExpire: one refresh, then a retry.
    let code = format!("AuthFailure.SignatureExpire.{}", hostile_text());
    let body = serde_json::json!({
        "Response": { "Error": { "Code": code, "Message": "m" }, "RequestId": hostile_text() }
    })
    .to_string();
    let retrier = Retrier::default().with_clock(ManualClock::new());
    let mut attempts: Vec<Attempt> = Vec::new();
    let error = retrier
        .run_blocking(Idempotency::Idempotent, |attempt| {
            attempts.push(attempt);
            parse_response::<Value, CommonCode>(401, body.as_bytes())
        })
        .unwrap_err();
    assert_eq!(attempts.len(), 2);
    assert_eq!(attempts[1].previous_code(), Some(code.as_str()));
    assert_debug_bounded(&format!("{:?}", attempts[1]));
    let debug = format!("{error:?}");
    // The last error and two RequestIds, each bounded.
    assert!(
        debug.len() <= 3 * SHOWN_BOUND,
        "{} bytes of Debug",
        debug.len()
    );
    assert!(!debug.chars().any(char::is_control));
}
