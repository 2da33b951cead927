//! StreamLive (service `mdl`, API version 2020-03-26) with tencent-errors:
//! the shipped StreamLive codes (feature `mdl`), one error enum per action
//! that the compiler checks against the codes Tencent lists for that
//! action, typed decoding of realistic responses, and what a retry policy
//! does with each failure.
//!
//! Run it with `cargo run -p streamlive-example`.

use serde::Deserialize;
use tencent_errors::retry::{Idempotency, ManualClock, Retrier, RetryPolicy};
use tencent_errors::{parse_response, Error, TencentError};

/// Every error code StreamLive can answer: the common ones and its own,
/// as Tencent's SDKs publish them.
use tencent_errors::products::mdl::MdlCode as StreamLiveCode;

/// What `CreateStreamLiveChannel` can fail with, named for its caller.
///
/// `product` and `action` make the compiler check every code against the
/// codes Tencent lists for the action (and the common codes, which every
/// action may return): `#[tencent(code = "InvalidParameter.EndTime")]`
/// here is a compile error, since only other actions return it, and a
/// misspelt code gets a did-you-mean. Add `exhaustive` to have the
/// compiler list the action's codes the enum does not name.
#[derive(Debug, Clone, PartialEq, TencentError)]
#[tencent(product = "mdl", action = "CreateStreamLiveChannel")]
enum CreateStreamLiveChannelError {
    /// A channel with this name already exists, or the name is invalid.
    #[tencent(code = "InvalidParameter.Name")]
    NameTaken,
    #[tencent(code = "InvalidParameter.ExceededQuantityLimit")]
    QuotaExceeded,
    #[tencent(code = "InvalidParameter.AttachedInputs")]
    BadInputs,
    #[tencent(code = "RequestLimitExceeded")]
    Throttled,
    #[tencent(code = "InternalError")]
    Internal,
    /// Any other code, still typed as a StreamLive code.
    #[tencent(other)]
    Other(StreamLiveCode),
}

/// What `DescribeStreamLiveChannels` can fail with: Tencent lists only
/// `InternalError` for it, besides the common codes.
#[derive(Debug, Clone, PartialEq, TencentError)]
#[tencent(product = "mdl", action = "DescribeStreamLiveChannels")]
enum DescribeStreamLiveChannelsError {
    #[tencent(code = "RequestLimitExceeded")]
    Throttled,
    #[tencent(code = "InternalError")]
    Internal,
    #[tencent(other)]
    Other(StreamLiveCode),
}

/// The payload of `CreateStreamLiveChannel`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct CreateStreamLiveChannelResponse {
    /// The new channel's ID.
    id: String,
}

/// The payload of `DescribeStreamLiveChannels`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DescribeStreamLiveChannelsResponse {
    /// The channels.
    infos: Vec<ChannelInfo>,
}

/// One channel.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ChannelInfo {
    /// Its ID.
    id: String,
    /// Its name.
    name: String,
    /// `IDLE`, `RUNNING`, ...
    state: String,
}

/// Responses as StreamLive sends them: an action, the HTTP status, the body.
const CREATE_RESPONSES: &[(&str, u16, &str)] = &[
    (
        "created",
        200,
        r#"{"Response": {"Id": "63FB4C7A-0000-4C79-9A4F-4B5C6D1E0F21", "RequestId": "2b1a9f0e-7c3d-4e55-8d6a-1f2e3d4c5b6a"}}"#,
    ),
    (
        "name taken",
        200,
        r#"{"Response": {"Error": {"Code": "InvalidParameter.Name", "Message": "Name already exists."}, "RequestId": "a6f1c2d3-0b4e-4f5a-9c8d-7e6f5a4b3c2d"}}"#,
    ),
    (
        "throttled",
        200,
        r#"{"Response": {"Error": {"Code": "RequestLimitExceeded", "Message": "Your current request times equals to `21` in a second, which exceeds the frequency limit `20` for a second."}, "RequestId": "c3d4e5f6-a7b8-49c0-8d1e-2f3a4b5c6d7e"}}"#,
    ),
    (
        "internal error",
        200,
        r#"{"Response": {"Error": {"Code": "InternalError", "Message": "Internal error, please try again later."}, "RequestId": "d4e5f6a7-b8c9-40d1-9e2f-3a4b5c6d7e8f"}}"#,
    ),
    (
        "a StreamLive code this action does not name",
        200,
        r#"{"Response": {"Error": {"Code": "InvalidParameter.SecurityGroups", "Message": "Security group not found."}, "RequestId": "e5f6a7b8-c9d0-41e2-8f3a-4b5c6d7e8f90"}}"#,
    ),
    (
        "a code newer than this build",
        200,
        r#"{"Response": {"Error": {"Code": "RequestLimitExceeded.ChannelCreation", "Message": "Too many channels created."}, "RequestId": "f6a7b8c9-d0e1-42f3-9a4b-5c6d7e8f9a01"}}"#,
    ),
    (
        "a gateway's error page",
        502,
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
    ),
];

/// A successful `DescribeStreamLiveChannels` answer.
const DESCRIBE_OK: &str = r#"{"Response": {"Infos": [
    {"Id": "63FB4C7A-0000-4C79-9A4F-4B5C6D1E0F21", "Name": "evening-news", "State": "RUNNING", "AttachedInputs": [], "OutputGroups": []},
    {"Id": "5A1B2C3D-0000-4E5F-8A9B-0C1D2E3F4A5B", "Name": "sports", "State": "IDLE", "AttachedInputs": [], "OutputGroups": []}
  ], "RequestId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}}"#;

/// An `InternalError` answer to any action.
const INTERNAL_ERROR: &str = r#"{"Response": {"Error": {"Code": "InternalError", "Message": "Internal error, please try again later."}, "RequestId": "11111111-2222-4333-8444-555555555555"}}"#;

fn main() {
    println!("# What CreateStreamLiveChannel may return, as Tencent lists it\n");
    if let Some(create) = StreamLiveCode::action("CreateStreamLiveChannel") {
        for code in create.codes() {
            let others = code.returned_by().len() - 1;
            println!("  {:<42} and {others} other action(s)", code.as_str());
        }
    }
    println!("  ...and every common code, such as RequestLimitExceeded\n");

    println!("# CreateStreamLiveChannel: one typed outcome per response\n");
    for &(name, status, body) in CREATE_RESPONSES {
        let result = parse_response::<CreateStreamLiveChannelResponse, CreateStreamLiveChannelError>(
            status,
            body.as_bytes(),
        );
        println!("{name} (HTTP {status}):");
        match result {
            Ok(created) => println!(
                "  created channel {} (RequestId {})",
                created.data().id,
                created.request_id()
            ),
            Err(error) => describe_error(&error),
        }
        println!();
    }

    println!("# What a retry policy does with InternalError\n");
    let retrier = Retrier::new(RetryPolicy::default()).with_clock(ManualClock::new());
    // A write that met InternalError may have run: it is sent once.
    let mut calls = 0;
    let create = retrier.run_blocking(
        Idempotency::infer("CreateStreamLiveChannel", None),
        |_attempt| {
            calls += 1;
            parse_response::<CreateStreamLiveChannelResponse, CreateStreamLiveChannelError>(
                200,
                INTERNAL_ERROR.as_bytes(),
            )
        },
    );
    if let Err(error) = create {
        println!(
            "CreateStreamLiveChannel: {calls} attempt(s), stopped: {}",
            error.stop_reason()
        );
    }
    // A read is idempotent: it is retried after a backoff.
    let mut answers = [INTERNAL_ERROR, DESCRIBE_OK].into_iter();
    let describe = retrier.run_blocking(
        Idempotency::infer("DescribeStreamLiveChannels", None),
        |_attempt| {
            let body = answers.next().unwrap_or(DESCRIBE_OK);
            parse_response::<DescribeStreamLiveChannelsResponse, DescribeStreamLiveChannelsError>(
                200,
                body.as_bytes(),
            )
        },
    );
    match describe {
        Ok(channels) => {
            println!(
                "DescribeStreamLiveChannels: retried, then {} channel(s):",
                channels.data().infos.len()
            );
            for channel in &channels.data().infos {
                println!("  {} {:<14} {}", channel.id, channel.name, channel.state);
            }
        }
        Err(error) => println!("DescribeStreamLiveChannels failed: {error}"),
    }
}

/// Prints what a caller can do with an error: its typed code, description
/// and retry class.
fn describe_error<C: TencentError + std::fmt::Debug>(error: &Error<C>) {
    println!("  error: {error}");
    println!("  retry class: {}", error.retry_class());
    match error {
        Error::Api(api) => {
            let code = api.code();
            println!("  typed code: {code:?}");
            println!(
                "  description: {}",
                code.description()
                    .unwrap_or("(a code this build does not know)")
            );
        }
        Error::InvalidBody(invalid) => println!("  not a StreamLive envelope: {}", invalid.kind()),
        other => println!("  {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tencent_errors::{CommonCode, RetryClass};

    fn create(
        index: usize,
    ) -> Result<
        tencent_errors::Success<CreateStreamLiveChannelResponse>,
        Error<CreateStreamLiveChannelError>,
    > {
        let (_, status, body) = CREATE_RESPONSES[index];
        parse_response(status, body.as_bytes())
    }

    #[test]
    fn every_response_decodes_to_the_expected_outcome() {
        assert_eq!(
            create(0).unwrap().data().id,
            "63FB4C7A-0000-4C79-9A4F-4B5C6D1E0F21"
        );
        let code = |index| {
            create(index)
                .unwrap_err()
                .api_error()
                .map(|api| api.code().clone())
        };
        assert_eq!(code(1), Some(CreateStreamLiveChannelError::NameTaken));
        assert_eq!(code(2), Some(CreateStreamLiveChannelError::Throttled));
        assert_eq!(code(3), Some(CreateStreamLiveChannelError::Internal));
        assert_eq!(
            code(4),
            Some(CreateStreamLiveChannelError::Other(
                StreamLiveCode::InvalidParameterSecurityGroups
            ))
        );
        let newer = create(5).unwrap_err();
        assert_eq!(
            newer.code_str(),
            Some("RequestLimitExceeded.ChannelCreation")
        );
        assert_eq!(newer.retry_class(), RetryClass::Throttling);
        let gateway = create(6).unwrap_err();
        assert!(gateway.invalid_body().is_some());
        assert_eq!(gateway.retry_class(), RetryClass::Transient);
    }

    #[test]
    fn product_codes_extend_the_common_ones() {
        assert_eq!(StreamLiveCode::ALL.len(), CommonCode::ALL.len() + 28);
        assert_eq!(
            StreamLiveCode::InvalidParameterName.common_ancestor(),
            Some(CommonCode::InvalidParameter)
        );
        assert_eq!(
            StreamLiveCode::InternalError.retry_class(),
            RetryClass::Transient
        );
        assert_eq!(
            StreamLiveCode::InvalidParameterStateError.retry_class(),
            RetryClass::Never
        );
        assert_eq!(
            CreateStreamLiveChannelError::QuotaExceeded.description(),
            StreamLiveCode::InvalidParameterExceededQuantityLimit.description()
        );
    }

    #[test]
    fn the_action_tables_say_what_create_may_return() {
        let create = StreamLiveCode::action("CreateStreamLiveChannel").unwrap();
        for code in [
            StreamLiveCode::InvalidParameterName,
            StreamLiveCode::InvalidParameterExceededQuantityLimit,
            StreamLiveCode::InvalidParameterAttachedInputs,
        ] {
            assert!(create.codes().any(|listed| listed == code), "{code}");
        }
        // Common codes: every action may return them.
        assert!(create.can_return(&StreamLiveCode::RequestLimitExceeded));
        // Another action's code.
        assert!(!create.can_return(&StreamLiveCode::InvalidParameterEndTime));
        assert!(StreamLiveCode::InvalidParameterName
            .returned_by()
            .any(|action| action.name() == "CreateStreamLiveChannel"));
    }
}
