//! `#[tencent(product = "...", action = "...")]`: a derived enum checked
//! against what one action of a catalogue product may return (feature
//! `catalogue`). The mistakes are compile-fail tests (`ui/actions/`).
#![cfg(feature = "catalogue")]

use tencent_errors::{parse_response, Error, RetryClass, TencentError};

/// Every code Tencent lists for `DeleteStreamLiveChannel`, and a common one.
#[derive(Debug, PartialEq, TencentError)]
#[tencent(product = "mdl", action = "DeleteStreamLiveChannel", exhaustive)]
enum DeleteChannelError {
    #[tencent(code = "InternalError")]
    Internal,
    #[tencent(code = "InvalidParameter")]
    Invalid,
    #[tencent(code = "InvalidParameter.Id")]
    BadId,
    #[tencent(code = "InvalidParameter.NotFound")]
    NotFound,
    #[tencent(code = "InvalidParameter.State")]
    State,
    #[tencent(code = "InvalidParameter.StateError")]
    StateError,
    #[tencent(code = "RequestLimitExceeded")]
    Throttled,
    #[tencent(other)]
    Other(String),
}

/// A version named explicitly, in the API's spelling, without an action.
#[derive(Debug, PartialEq, TencentError)]
#[tencent(product = "mdl/2020-03-26")]
enum AnyStreamLiveError {
    #[tencent(code = "InvalidParameter.EndTime")]
    EndTime,
    #[tencent(other)]
    Other(String),
}

#[test]
fn an_exhaustive_action_enum_decodes_every_listed_code() {
    for (code, expected) in [
        ("InvalidParameter.NotFound", DeleteChannelError::NotFound),
        (
            "InvalidParameter.StateError",
            DeleteChannelError::StateError,
        ),
        ("RequestLimitExceeded", DeleteChannelError::Throttled),
    ] {
        assert_eq!(DeleteChannelError::from_code(code), expected);
    }
    let body = br#"{"Response": {"Error": {"Code": "InternalError", "Message": "oops"}, "RequestId": "r-1"}}"#;
    let Err(Error::Api(error)) = parse_response::<(), DeleteChannelError>(200, body) else {
        panic!("an API error")
    };
    assert_eq!(error.code(), &DeleteChannelError::Internal);
}

#[test]
fn product_codes_take_the_catalogue_descriptions_and_retry_classes() {
    use tencent_errors_catalogue::{read::parse_codes, root};

    let path = root().join("data/mdl/v20200326/codes.toml");
    let codes = parse_codes(&path, &std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        DeleteChannelError::NotFound.description(),
        codes["InvalidParameter.NotFound"].best_description()
    );
    assert_eq!(
        DeleteChannelError::Throttled.retry_class(),
        RetryClass::Throttling
    );
    assert!(AnyStreamLiveError::EndTime.description().is_some());
}
