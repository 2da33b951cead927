//! Property tests of `parse_response`: arbitrary bytes, arbitrary JSON and
//! envelopes with fields of any type never make it panic and always yield a
//! typed result, an error envelope decodes to exactly the code and message
//! it carries, and what `Display` prints is escaped and bounded.

use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use tencent_errors::{parse_response, CommonCode, Error, InvalidBodyKind, RetryClass, Success};

/// A typed payload, so that payload decoding is exercised too.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct Instances {
    total_count: u64,
    #[serde(default)]
    instance_set: Vec<Value>,
}

/// The most `Display` may print for any body: the message, code, reason
/// and snippet are each cut to at most about 1 KiB before escaping, and an
/// escape is at most 10 bytes per character.
const DISPLAY_BOUND: usize = 64 * 1024;

/// What every result must satisfy, whatever the input.
fn check_result<T>(result: &Result<Success<T>, Error<CommonCode>>, status: u16) {
    match result {
        Ok(success) => assert!(!success.request_id().is_empty()),
        Err(error) => {
            let shown = error.to_string();
            assert!(
                !shown.chars().any(char::is_control),
                "Display prints a control character: {shown:?}"
            );
            assert!(shown.len() <= DISPLAY_BOUND, "{} bytes shown", shown.len());
            assert!(format!("{error:?}").len() <= DISPLAY_BOUND);
            assert_eq!(error.http_status(), status);
            // An envelope's code decides the class; for an invalid body, the
            // HTTP status, then whether it was cut off.
            let expected = match error {
                Error::Api(api) => api.code().retry_class(),
                Error::UnexpectedCode(api) => api.code().retry_class(),
                Error::InvalidBody(invalid) => match status {
                    429 => RetryClass::Throttling,
                    408 | 500..=599 => RetryClass::Transient,
                    _ if invalid.kind() == InvalidBodyKind::Truncated => RetryClass::Transient,
                    _ => RetryClass::Never,
                },
                other => panic!("an error of a kind this test does not know: {other}"),
            };
            assert_eq!(error.retry_class(), expected);
            if let Some(invalid) = error.invalid_body() {
                assert!(
                    invalid.snippet().len() <= 512 + 3,
                    "{}",
                    invalid.snippet().len()
                );
                assert!(invalid.reason().len() <= 1024 + 3);
            }
            if let Error::Api(api) = error {
                assert!(!api.code().as_str().is_empty());
            }
        }
    }
}

fn check_body(status: u16, body: &[u8]) {
    check_result(&parse_response::<Value, CommonCode>(status, body), status);
    check_result(
        &parse_response::<Instances, CommonCode>(status, body),
        status,
    );
    check_result(&parse_response::<(), CommonCode>(status, body), status);
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![Just(200u16), Just(429), Just(502), any::<u16>()]
}

/// Strings with the characters that matter: quotes, escapes, controls,
/// line separators, non-ASCII.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z.]{0,20}",
        "[\"\\\\\u{0}-\u{1f}\u{7f}\u{85}\u{2028}\u{2029}é\u{1F600}a]{0,20}",
        any::<String>(),
    ]
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((text(), inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// A field that is absent, of the expected type, or any JSON value.
fn field(expected: impl Strategy<Value = Value>) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        2 => Just(None),
        5 => expected.prop_map(Some),
        3 => json_value().prop_map(Some),
    ]
}

fn code_value() -> impl Strategy<Value = Value> {
    let known: Vec<&str> = CommonCode::ALL.iter().map(CommonCode::as_str).collect();
    prop_oneof![
        prop::sample::select(known).prop_map(Value::from),
        "[A-Za-z]{1,8}(\\.[A-Za-z]{1,8}){0,2}".prop_map(Value::from),
        text().prop_map(Value::from),
    ]
}

/// Envelope-shaped JSON whose every field may be missing or of any type.
fn envelope() -> impl Strategy<Value = Value> {
    (
        field(code_value()),
        field(text().prop_map(Value::from)),
        field(text().prop_map(Value::from)),
        any::<bool>(),
        field(
            json!({"TotalCount": 3, "InstanceSet": []})
                .as_object()
                .cloned()
                .map(Value::Object)
                .map(Just)
                .unwrap(),
        ),
        prop::collection::vec((text(), json_value()), 0..3),
    )
        .prop_map(|(code, message, request_id, is_error, payload, extra)| {
            let mut response = Map::new();
            if is_error {
                let mut error = Map::new();
                if let Some(code) = code {
                    error.insert("Code".into(), code);
                }
                if let Some(message) = message {
                    error.insert("Message".into(), message);
                }
                response.insert("Error".into(), Value::Object(error));
            } else if let Some(Value::Object(payload)) = payload {
                response.extend(payload);
            }
            if let Some(request_id) = request_id {
                response.insert("RequestId".into(), request_id);
            }
            response.extend(extra);
            json!({ "Response": response })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(status in status(), body in prop::collection::vec(any::<u8>(), 0..512)) {
        check_body(status, &body);
    }

    #[test]
    fn arbitrary_json_never_panics(status in status(), value in json_value()) {
        check_body(status, value.to_string().as_bytes());
        check_body(status, json!({ "Response": value }).to_string().as_bytes());
    }

    #[test]
    fn arbitrary_envelopes_decode_to_what_they_carry(status in status(), value in envelope()) {
        let body = value.to_string();
        check_body(status, body.as_bytes());
        let result = parse_response::<Value, CommonCode>(status, body.as_bytes());
        let response = &value["Response"];
        let error = &response["Error"];
        let request_id = response.get("RequestId");
        let well_typed_id = matches!(request_id, None | Some(Value::String(_)));
        match (error.get("Code"), error.get("Message")) {
            (Some(Value::String(code)), None | Some(Value::String(_)))
                if !code.is_empty() && well_typed_id =>
            {
                let Err(Error::Api(api)) = &result else {
                    return Err(TestCaseError::fail(format!("{result:?} for {body}")));
                };
                prop_assert_eq!(api.code().as_str(), code.as_str());
                prop_assert_eq!(api.message(), error["Message"].as_str().unwrap_or(""));
                let expected_id = request_id.and_then(Value::as_str).filter(|id| !id.is_empty());
                prop_assert_eq!(api.request_id(), expected_id);
            }
            (Some(_), _) | (None, Some(_)) if response.get("Error").is_some() => {
                prop_assert!(result.is_err(), "{:?}", result);
            }
            _ if response.get("Error").is_none() => {
                if let Ok(success) = &result {
                    prop_assert_eq!(Some(success.request_id()), request_id.and_then(Value::as_str));
                }
            }
            _ => {
                // `Error` without `Code`: never an `Api` error.
                let invalid = result.as_ref().err().and_then(Error::invalid_body);
                prop_assert!(invalid.is_some(), "{:?}", result);
            }
        }
    }

    #[test]
    fn display_escapes_any_message(message in text(), code in text()) {
        let body = json!({
            "Response": {
                "Error": { "Code": format!("X{code}"), "Message": message },
                "RequestId": format!("id\n{message}"),
            }
        })
        .to_string();
        let result = parse_response::<(), CommonCode>(200, body.as_bytes());
        check_result(&result, 200);
        let Err(Error::Api(api)) = &result else {
            return Err(TestCaseError::fail(format!("{result:?}")));
        };
        prop_assert_eq!(api.message(), message.as_str());
        prop_assert!(!api.to_string().contains('\n'));
    }

    #[test]
    fn a_body_that_is_not_an_envelope_keeps_a_bounded_snippet(prefix in "[<a-z> \n]{0,40}", size in 0usize..4096) {
        let body = format!("{prefix}{}", "é".repeat(size));
        let result = parse_response::<Value, CommonCode>(502, body.as_bytes());
        check_result(&result, 502);
        if let Some(invalid) = result.as_ref().err().and_then(Error::invalid_body) {
            prop_assert!(body.starts_with(invalid.snippet()));
            prop_assert!(invalid.kind() != InvalidBodyKind::Empty || body.trim().is_empty());
        }
    }
}
