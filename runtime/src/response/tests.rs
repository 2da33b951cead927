//! Decoding whole bodies through [`parse_response`]: the documentation's
//! examples, every kind of invalid body, the payload and the salvage.

use super::*;
use crate::{CommonCode, RetryClass, TencentError};
use invalid_body::REASON_BYTES;
use serde::de::IgnoredAny;
use serde::Deserialize;

const DOCS_SUCCESS: &str = r#"{"Response": {"TotalCount": 0, "InstanceStatusSet": [], "RequestId": "b5b41468-520d-4192-b42f-595cc34b6c1c"}}"#;
const DOCS_ERROR: &str = r#"{"Response": {"Error": {"Code": "AuthFailure.SignatureFailure", "Message": "The provided credentials could not be validated. Please check your signature is correct."}, "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}"#;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "PascalCase")]
struct InstancesStatus {
    total_count: u64,
    instance_status_set: Vec<serde_json::Value>,
}

/// A closed enum, as `#[derive(TencentError)]` makes without `other`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LaunchCode {
    ResourceNotFound,
    InvalidZone,
}

impl TencentError for LaunchCode {
    fn from_code(code: &str) -> Option<Self> {
        match code {
            "ResourceNotFound" => Some(LaunchCode::ResourceNotFound),
            "InvalidZone" => Some(LaunchCode::InvalidZone),
            _ => None,
        }
    }

    fn as_str(&self) -> &str {
        match self {
            LaunchCode::ResourceNotFound => "ResourceNotFound",
            LaunchCode::InvalidZone => "InvalidZone",
        }
    }

    fn description(&self) -> Option<&'static str> {
        None
    }

    fn retry_class(&self) -> RetryClass {
        RetryClass::Never
    }
}

fn decode(status: u16, body: &[u8]) -> Result<Success<serde_json::Value>, Error> {
    parse_response(status, body)
}

fn invalid_body(status: u16, body: &[u8]) -> InvalidBody {
    match decode(status, body) {
        Err(Error::InvalidBody(invalid)) => invalid,
        other => panic!("expected an invalid body, got {other:?}"),
    }
}

fn api_error(status: u16, body: &[u8]) -> ApiError<CommonCode> {
    match decode(status, body) {
        Err(Error::Api(error)) => error,
        other => panic!("expected an API error, got {other:?}"),
    }
}

fn error_envelope(code: &str, message: &str) -> String {
    let envelope = serde_json::json!({
        "Response": {"Error": {"Code": code, "Message": message}, "RequestId": "req-1"}
    });
    envelope.to_string()
}

#[test]
fn docs_success_example_decodes_exactly() {
    let success =
        parse_response::<InstancesStatus, CommonCode>(200, DOCS_SUCCESS.as_bytes()).unwrap();
    assert_eq!(
        success.data(),
        &InstancesStatus {
            total_count: 0,
            instance_status_set: vec![],
        }
    );
    assert_eq!(success.request_id(), "b5b41468-520d-4192-b42f-595cc34b6c1c");
    assert_eq!(success.deprecated_warning(), None);
    let (data, request_id) = success.into_parts();
    assert_eq!(data.total_count, 0);
    assert_eq!(request_id, "b5b41468-520d-4192-b42f-595cc34b6c1c");
}

#[test]
fn docs_error_example_decodes_exactly() {
    let result = parse_response::<InstancesStatus, CommonCode>(200, DOCS_ERROR.as_bytes());
    let Err(Error::Api(error)) = result else {
        panic!("expected an API error, got {result:?}");
    };
    assert_eq!(error.code(), &CommonCode::AuthFailureSignatureFailure);
    assert_eq!(
        error.message(),
        "The provided credentials could not be validated. Please check your signature is correct."
    );
    assert_eq!(
        error.request_id(),
        Some("ed93f3cb-f35e-473f-b9f3-0d451b8b79c6")
    );
    assert_eq!(error.http_status(), 200);
    assert_eq!(error.retry_class(), RetryClass::Never);
    assert!(!error.is_dry_run());
    assert_eq!(
        error.to_string(),
        "[AuthFailure.SignatureFailure] The provided credentials could not be validated. \
         Please check your signature is correct. (RequestId: ed93f3cb-f35e-473f-b9f3-0d451b8b79c6)"
    );
    assert_eq!(error.into_code(), CommonCode::AuthFailureSignatureFailure);
}

#[test]
fn error_envelope_never_touches_the_payload_type() {
    // The payload type would reject this envelope's fields.
    let result = parse_response::<InstancesStatus, CommonCode>(
        200,
        error_envelope("InternalError", "boom").as_bytes(),
    );
    assert!(matches!(result, Err(Error::Api(ref e)) if e.code() == &CommonCode::InternalError));
}

#[test]
fn error_accessors_agree_with_the_envelope() {
    let body = error_envelope("RequestLimitExceeded", "slow down");
    let error = decode(200, body.as_bytes()).unwrap_err();
    assert_eq!(error.code_str(), Some("RequestLimitExceeded"));
    assert_eq!(error.request_id(), Some("req-1"));
    assert_eq!(error.http_status(), 200);
    assert_eq!(error.retry_class(), RetryClass::Throttling);
    assert!(!error.is_dry_run());
    assert_eq!(error.api_error().unwrap().message(), "slow down");
    assert!(error.invalid_body().is_none());
    assert!(std::error::Error::source(&error).is_none());
}

#[test]
fn api_error_display_is_code_message_and_request_id() {
    let error = ApiError::new(
        CommonCode::RequestLimitExceeded,
        "Your requests are too frequent.",
        Some("abc".to_owned()),
        200,
    );
    assert_eq!(
        error.to_string(),
        "[RequestLimitExceeded] Your requests are too frequent. (RequestId: abc)"
    );
    let error = ApiError::new(CommonCode::RequestLimitExceeded, "Too frequent.", None, 200);
    assert_eq!(error.to_string(), "[RequestLimitExceeded] Too frequent.");
}

#[test]
fn message_control_characters_are_escaped_in_display() {
    let body = error_envelope(
        "InternalError",
        "line one\nforged: \u{1b}[31mred\u{1b}[0m\r",
    );
    let error = api_error(200, body.as_bytes());
    assert_eq!(
        error.message(),
        "line one\nforged: \u{1b}[31mred\u{1b}[0m\r"
    );
    let shown = error.to_string();
    assert_eq!(
        shown,
        "[InternalError] line one\\nforged: \\u{1b}[31mred\\u{1b}[0m\\r (RequestId: req-1)"
    );
    assert!(!shown.contains(['\n', '\r', '\u{1b}']));
    assert!(!format!("{error:?}").contains(['\n', '\u{1b}']));
}

#[test]
fn megabyte_message_is_kept_whole_and_shown_bounded() {
    let message = "m".repeat(1 << 20);
    let error = api_error(200, error_envelope("InternalError", &message).as_bytes());
    assert_eq!(error.message().len(), 1 << 20);
    assert!(error.to_string().len() < 1200);
    assert!(format!("{error:?}").len() < 1300);
}

#[test]
fn unknown_code_is_kept_in_other() {
    let body = error_envelope("InternalError.NewThing", "x");
    let error = api_error(200, body.as_bytes());
    let CommonCode::Other(unknown) = error.code() else {
        panic!("expected an unknown code, got {:?}", error.code());
    };
    assert_eq!(unknown.as_str(), "InternalError.NewThing");
    assert_eq!(error.retry_class(), RetryClass::Transient);
}

#[test]
fn escaped_code_and_keys_decode() {
    let body = br#"{"Response": {"Error": {"Co\u0064e": "Request\u004cimitExceeded", "Message": "a\"b"}, "Request\u0049d": "r\u002d1"}}"#;
    let error = api_error(200, body);
    assert_eq!(error.code(), &CommonCode::RequestLimitExceeded);
    assert_eq!(error.message(), "a\"b");
    assert_eq!(error.request_id(), Some("r-1"));

    let body =
        br#"{"Response": {"Total\u0043ount": 4, "InstanceStatusSet": [], "RequestId": "r"}}"#;
    let success = parse_response::<InstancesStatus, CommonCode>(200, body).unwrap();
    assert_eq!(success.data().total_count, 4);
}

#[test]
fn unexpected_code_keeps_the_common_code_and_its_retry_class() {
    let body = error_envelope("InternalError", "boom");
    let error = parse_response::<(), LaunchCode>(200, body.as_bytes()).unwrap_err();
    let Error::UnexpectedCode(ref unexpected) = error else {
        panic!("expected an unexpected code, got {error:?}");
    };
    assert_eq!(unexpected.code(), &CommonCode::InternalError);
    assert_eq!(unexpected.message(), "boom");
    assert_eq!(error.retry_class(), RetryClass::Transient);
    assert_eq!(error.code_str(), Some("InternalError"));
    assert_eq!(error.request_id(), Some("req-1"));
    assert!(error.api_error().is_none());
    assert_eq!(
        error.to_string(),
        "unexpected error code [InternalError] boom (RequestId: req-1)"
    );

    let body = error_envelope("Brand.New", "?");
    let error = parse_response::<(), LaunchCode>(200, body.as_bytes()).unwrap_err();
    assert!(matches!(error, Error::UnexpectedCode(ref e) if e.code().as_str() == "Brand.New"));
}

#[test]
fn listed_code_of_a_closed_enum_is_an_api_error() {
    let body = error_envelope("InvalidZone", "no such zone");
    let error = parse_response::<(), LaunchCode>(404, body.as_bytes()).unwrap_err();
    assert_eq!(
        error.api_error().map(ApiError::code),
        Some(&LaunchCode::InvalidZone)
    );
    assert_eq!(error.http_status(), 404);
}

#[test]
fn dry_run_is_reported() {
    let body = error_envelope("DryRunOperation", "would have succeeded");
    let error = decode(200, body.as_bytes()).unwrap_err();
    assert!(error.is_dry_run());
    assert!(error.api_error().unwrap().is_dry_run());
}

#[test]
fn envelope_decides_not_the_http_status() {
    let success = decode(500, DOCS_SUCCESS.as_bytes()).unwrap();
    assert_eq!(success.request_id(), "b5b41468-520d-4192-b42f-595cc34b6c1c");
    let error = api_error(200, DOCS_ERROR.as_bytes());
    assert_eq!(error.http_status(), 200);
}

#[test]
fn error_without_request_id_is_accepted() {
    let error = api_error(
        200,
        br#"{"Response": {"Error": {"Code": "InternalError", "Message": "x"}}}"#,
    );
    assert_eq!(error.request_id(), None);
    assert_eq!(error.to_string(), "[InternalError] x");
    let error = api_error(
        200,
        br#"{"Response": {"Error": {"Code": "InternalError"}, "RequestId": ""}}"#,
    );
    assert_eq!((error.message(), error.request_id()), ("", None));
}

#[test]
fn success_without_request_id_is_invalid() {
    for body in [
        &br#"{"Response": {"TotalCount": 0}}"#[..],
        br#"{"Response": {"RequestId": ""}}"#,
    ] {
        let invalid = invalid_body(200, body);
        assert_eq!(invalid.kind(), InvalidBodyKind::MissingRequestId);
        assert_eq!(invalid.request_id(), None);
        assert_eq!(invalid.retry_class(), RetryClass::Never);
    }
}

#[test]
fn empty_body_is_invalid() {
    for body in [&b""[..], b"  \r\n\t"] {
        let invalid = invalid_body(200, body);
        assert_eq!(invalid.kind(), InvalidBodyKind::Empty);
        assert_eq!(invalid.body_len(), body.len());
    }
    assert_eq!(
        invalid_body(502, b"").to_string(),
        "invalid response body (HTTP 502, 0 bytes, empty): expected a JSON document"
    );
}

#[test]
fn html_from_gateway_is_transient_invalid_body() {
    let body = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    let invalid = invalid_body(502, body);
    assert_eq!(invalid.kind(), InvalidBodyKind::NotJson);
    assert_eq!(invalid.retry_class(), RetryClass::Transient);
    assert_eq!(invalid.reason(), "expected value at line 1 column 1");
    assert_eq!(invalid.snippet().as_bytes(), body);
    assert_eq!(invalid.request_id(), None);
    let shown = invalid.to_string();
    assert!(shown.starts_with(
        "invalid response body (HTTP 502, 150 bytes, not JSON): expected value at line 1 column 1; \
         body starts: <html>\\r\\n<head>"
    ), "{shown}");
    assert!(!shown.contains(['\r', '\n']));
    assert!(!shown.ends_with("..."));
}

#[test]
fn status_decides_the_retry_class_of_an_invalid_body() {
    let class = |status| invalid_body(status, b"<html></html>").retry_class();
    assert_eq!(class(429), RetryClass::Throttling);
    assert_eq!(class(408), RetryClass::Transient);
    assert_eq!(class(500), RetryClass::Transient);
    assert_eq!(class(503), RetryClass::Transient);
    assert_eq!(class(599), RetryClass::Transient);
    assert_eq!(class(200), RetryClass::Never);
    assert_eq!(class(404), RetryClass::Never);
    assert_eq!(
        invalid_body(429, b"{").retry_class(),
        RetryClass::Throttling
    );
}

#[test]
fn truncated_json_is_transient() {
    let invalid = invalid_body(200, br#"{"Response": {"Error": {"Code": "InternalError""#);
    assert_eq!(invalid.kind(), InvalidBodyKind::Truncated);
    assert_eq!(invalid.retry_class(), RetryClass::Transient);
    assert!(
        invalid.reason().starts_with("EOF while parsing an object"),
        "{}",
        invalid.reason()
    );
}

#[test]
fn every_prefix_of_a_valid_envelope_is_truncated() {
    for envelope in [DOCS_SUCCESS, DOCS_ERROR] {
        for end in 1..envelope.len() {
            let invalid = invalid_body(200, &envelope.as_bytes()[..end]);
            assert_eq!(invalid.kind(), InvalidBodyKind::Truncated, "prefix {end}");
        }
    }
}

#[test]
fn trailing_text_is_not_json() {
    let body = format!("{DOCS_SUCCESS} and more");
    assert_eq!(
        invalid_body(200, body.as_bytes()).kind(),
        InvalidBodyKind::NotJson
    );
}

#[test]
fn document_without_response_object_has_no_response() {
    for body in [
        &b"{}"[..],
        b"[1, 2]",
        b"\"Response\"",
        b"5",
        b"null",
        br#"{"response": {}}"#,
    ] {
        let invalid = invalid_body(200, body);
        assert_eq!(invalid.kind(), InvalidBodyKind::NoResponse, "{invalid}");
    }
}

#[test]
fn envelope_fields_of_the_wrong_type_are_wrong_type() {
    for body in [
        &br#"{"Response": 5}"#[..],
        br#"{"Response": null}"#,
        br#"{"Response": {"Error": "InternalError", "RequestId": "r"}}"#,
        br#"{"Response": {"Error": {"Code": 5}, "RequestId": "r"}}"#,
        br#"{"Response": {"Error": {"Code": null}, "RequestId": "r"}}"#,
        br#"{"Response": {"Error": {"Code": {"A": 1}}, "RequestId": "r"}}"#,
        br#"{"Response": {"Error": {"Code": "X", "Message": 7}, "RequestId": "r"}}"#,
        br#"{"Response": {"TotalCount": 0, "RequestId": 12}}"#,
    ] {
        let invalid = invalid_body(200, body);
        assert_eq!(invalid.kind(), InvalidBodyKind::WrongType, "{invalid}");
    }
    let invalid = invalid_body(
        200,
        br#"{"Response": {"Error": {"Code": 5}, "RequestId": "r-9"}}"#,
    );
    assert_eq!(
        invalid.reason(),
        "invalid type: integer `5`, expected an error code string at line 1 column 33"
    );
    assert_eq!(invalid.request_id(), Some("r-9"));
}

#[test]
fn error_without_code_is_missing_code() {
    for body in [
        &br#"{"Response": {"Error": {"Message": "x"}, "RequestId": "r-2"}}"#[..],
        br#"{"Response": {"Error": {"Code": "", "Message": "x"}, "RequestId": "r-2"}}"#,
    ] {
        let invalid = invalid_body(200, body);
        assert_eq!(invalid.kind(), InvalidBodyKind::MissingCode);
        assert_eq!(invalid.request_id(), Some("r-2"));
    }
}

#[test]
fn repeated_envelope_keys_are_rejected() {
    for (body, key) in [
        (
            &br#"{"Response": {"RequestId": "a", "RequestId": "b"}}"#[..],
            "Response.RequestId",
        ),
        (
            br#"{"Response": {"RequestId": "a"}, "Response": {"RequestId": "b"}}"#,
            "Response",
        ),
        (
            br#"{"Response": {"Error": {"Code": "InternalError", "Code": "DryRunOperation"}}}"#,
            "Response.Error.Code",
        ),
    ] {
        let invalid = invalid_body(200, body);
        assert_eq!(invalid.kind(), InvalidBodyKind::DuplicateKey);
        assert_eq!(invalid.reason(), format!("duplicate key `{key}`"));
    }
}

#[test]
fn invalid_utf8_is_not_utf8() {
    let body = b"{\"Response\": {\"Error\": {\"Code\": \"InternalError\", \"Message\": \"caf\xe9\"}, \"RequestId\": \"r-3\"}}";
    let invalid = invalid_body(200, body);
    assert_eq!(invalid.kind(), InvalidBodyKind::NotUtf8);
    assert_eq!(invalid.reason(), "invalid UTF-8 at byte 64");
    assert_eq!(invalid.request_id(), Some("r-3"));
    assert!(invalid.snippet().contains("caf\u{fffd}\""));
}

#[test]
fn nesting_beyond_the_recursion_limit_never_panics() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    // Deep payload: the envelope skips it; a payload type that reads it is too deep.
    let body = format!(r#"{{"Response": {{"Deep": {deep}, "RequestId": "r-4"}}}}"#);
    let invalid = invalid_body(200, body.as_bytes());
    assert_eq!(invalid.kind(), InvalidBodyKind::TooDeep);
    assert_eq!(invalid.request_id(), Some("r-4"));
    assert!(parse_response::<(), CommonCode>(200, body.as_bytes()).is_ok());
    type Skipped = std::collections::BTreeMap<String, IgnoredAny>;
    assert!(parse_response::<Skipped, CommonCode>(200, body.as_bytes()).is_ok());
    // Deep junk beside an error, or as the whole document.
    let body = format!(
        r#"{{"Extra": {deep}, "Response": {{"Error": {{"Code": "InternalError", "Detail": {deep}}}}}}}"#
    );
    assert_eq!(
        api_error(200, body.as_bytes()).code(),
        &CommonCode::InternalError
    );
    assert_eq!(
        invalid_body(200, deep.as_bytes()).kind(),
        InvalidBodyKind::NoResponse
    );
    let unclosed = "[".repeat(100_000);
    assert_eq!(
        invalid_body(200, unclosed.as_bytes()).kind(),
        InvalidBodyKind::NoResponse
    );
    let unclosed = format!(r#"{{"Response": {{"Deep": {unclosed}"#);
    assert_eq!(
        invalid_body(200, unclosed.as_bytes()).kind(),
        InvalidBodyKind::Truncated
    );
}

#[test]
fn ten_megabyte_bodies_decode_and_stay_bounded() {
    let big = "x".repeat(10 << 20);
    let body = format!(r#"{{"Response": {{"Blob": "{big}", "RequestId": "r-5"}}}}"#);
    let success = decode(200, body.as_bytes()).unwrap();
    assert_eq!(
        success.data()["Blob"].as_str().map(str::len),
        Some(10 << 20)
    );

    let body = format!("<html>{big}");
    let invalid = invalid_body(502, body.as_bytes());
    assert_eq!(invalid.body_len(), body.len());
    assert_eq!(invalid.snippet().len(), 512);
    assert!(invalid.to_string().len() < 1024);
    assert!(invalid.to_string().ends_with("..."));
}

#[test]
fn snippet_is_cut_at_512_bytes_on_a_char_boundary() {
    // 'é' is two bytes: after one ASCII byte, byte 512 splits a character.
    let body = format!("<{}", "é".repeat(400));
    let invalid = invalid_body(500, body.as_bytes());
    assert_eq!(invalid.snippet().len(), 511);
    assert_eq!(invalid.snippet(), &body[..511]);

    let body = "€".repeat(300); // three bytes each
    assert_eq!(invalid_body(500, body.as_bytes()).snippet().len(), 510);

    let body = [0xffu8; 1000]; // each invalid byte becomes three
    let snippet = invalid_body(500, &body).snippet().to_owned();
    assert!(snippet.len() <= 512 && snippet.chars().all(|c| c == '\u{fffd}'));
}

#[test]
fn request_id_is_recovered_from_a_malformed_body() {
    let body = br#"{"Response": {"Error": {"Code": "InternalError", "Message": "x"}, "RequestId" : "ab-12""#;
    let invalid = invalid_body(200, body);
    assert_eq!(invalid.kind(), InvalidBodyKind::Truncated);
    assert_eq!(invalid.request_id(), Some("ab-12"));
    assert!(invalid.to_string().contains("(RequestId: ab-12)"));

    // The last one wins: Tencent Cloud puts `RequestId` last.
    let body = br#"{"Response": {"Items": [{"RequestId": "inner"}], "RequestId": "outer", oops}}"#;
    assert_eq!(invalid_request_id(body).as_deref(), Some("outer"));
    // In the tail of a long body.
    let body = format!(
        r#"{{"Response": {{"Blob": "{}", "RequestId": "tail"  ,"#,
        "y".repeat(1 << 20)
    );
    assert_eq!(invalid_request_id(body.as_bytes()).as_deref(), Some("tail"));
}

fn invalid_request_id(body: &[u8]) -> Option<String> {
    invalid_body(200, body).request_id().map(str::to_owned)
}

#[test]
fn implausible_request_ids_are_not_recovered() {
    let long = "z".repeat(200);
    for body in [
        r#"{"RequestId": "esc\"aped"#.to_owned(),
        r#"{"RequestId": "unterminated"#.to_owned(),
        r#"{"RequestId": ""#.to_owned(),
        r#"{"RequestId": 42, "#.to_owned(),
        format!(r#"{{"RequestId": "{long}","#),
        r#"{"Note": "RequestId", "#.to_owned(),
    ] {
        assert_eq!(invalid_request_id(body.as_bytes()), None, "{body}");
    }
}

#[test]
fn payload_mismatch_names_the_field_and_its_position_in_the_body() {
    let body = br#"{"Response": {"InstanceStatusSet": [],
            "TotalCount": "many", "RequestId": "r-6"}}"#;
    let result = parse_response::<InstancesStatus, CommonCode>(200, body);
    let Err(Error::InvalidBody(invalid)) = result else {
        panic!("expected an invalid body, got {result:?}");
    };
    assert_eq!(invalid.kind(), InvalidBodyKind::Payload);
    assert_eq!(invalid.request_id(), Some("r-6"));
    assert_eq!(invalid.retry_class(), RetryClass::Never);
    assert_eq!(
        invalid.reason(),
        "field `TotalCount`: invalid type: string \"many\", expected u64 at line 2 column 32"
    );
    let body = br#"{"Response": {"RequestId": "r-7"}}"#;
    let result = parse_response::<InstancesStatus, CommonCode>(200, body);
    let Err(Error::InvalidBody(invalid)) = result else {
        panic!("expected an invalid body, got {result:?}");
    };
    assert_eq!(invalid.reason(), "missing field `TotalCount`");
}

#[test]
fn payload_types_beyond_structs_decode() {
    let body = br#"{"Response": {"TotalCount": 1, "RequestId": "r-8"}}"#;
    assert!(parse_response::<(), CommonCode>(200, body).is_ok());
    let map = parse_response::<std::collections::BTreeMap<String, u64>, CommonCode>(200, body)
        .unwrap()
        .into_data();
    assert_eq!(
        map.into_iter().collect::<Vec<_>>(),
        [("TotalCount".to_owned(), 1)]
    );

    #[derive(Deserialize)]
    struct Wrapper(Option<Count>);
    #[derive(Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Count {
        total_count: u8,
    }
    let wrapper = parse_response::<Wrapper, CommonCode>(200, body).unwrap();
    assert_eq!(wrapper.data().0.as_ref().map(|c| c.total_count), Some(1));
}

#[test]
fn unknown_keys_beside_response_are_ignored() {
    let body = br#"{"Version": "2017-03-12", "Response": {"RequestId": "r-9"}, "Extra": [1, {"a": null}]}"#;
    assert_eq!(decode(200, body).unwrap().request_id(), "r-9");
}

#[test]
fn deprecated_warning_is_kept_as_text() {
    let warning = |value: &str| {
        let body = format!(r#"{{"Response": {{"DeprecatedWarning": {value}, "RequestId": "r"}}}}"#);
        let success = decode(200, body.as_bytes()).unwrap();
        assert_eq!(success.data(), &serde_json::json!({}));
        success.deprecated_warning().map(str::to_owned)
    };
    assert_eq!(warning(r#""use V2\n""#).as_deref(), Some("use V2\n"));
    assert_eq!(
        warning(r#"{"Code": "Deprecated", "Message": "use V2"}"#).as_deref(),
        Some(r#"{"Code": "Deprecated", "Message": "use V2"}"#)
    );
    assert_eq!(warning("null"), None);
}

#[test]
fn invalid_body_display_is_bounded_and_escaped() {
    let body = format!("\u{1b}]0;pwned\u{7}{}", "\n".repeat(5000));
    let shown = invalid_body(200, body.as_bytes()).to_string();
    assert!(!shown.contains(['\u{1b}', '\u{7}', '\n']));
    assert!(shown.len() < 2048);
    assert!(shown.ends_with("..."));
}

#[test]
fn long_reasons_are_cut() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Numbered {
        #[serde(rename = "N")]
        n: u8,
    }
    let body = format!(
        r#"{{"Response": {{"N": "{}", "RequestId": "r"}}}}"#,
        "n".repeat(5000)
    );
    let result = parse_response::<Numbered, CommonCode>(200, body.as_bytes());
    let reason = result
        .unwrap_err()
        .invalid_body()
        .unwrap()
        .reason()
        .to_owned();
    assert!(
        reason.len() <= REASON_BYTES + 3 && reason.ends_with("..."),
        "{reason}"
    );
}
