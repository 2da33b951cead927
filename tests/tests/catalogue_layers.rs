//! `extends = ["tencent-errors/PRODUCT"]`: a user's codes.toml builds on a
//! product of the shipped catalogue (feature `catalogue`).
#![cfg(feature = "catalogue")]

use tencent_errors::{error_codes, RetryClass, TencentError};

error_codes! {
    /// StreamLive's shipped codes, one code newer than them, one override.
    pub enum StreamLiveCode from "codes/extends_streamlive.toml";
}

#[derive(Debug, PartialEq, TencentError)]
#[tencent(codes = "codes/extends_streamlive.toml")]
enum CreateChannelError {
    #[tencent(code = "InvalidParameter.Name")]
    NameTaken,
    #[tencent(other)]
    Other(StreamLiveCode),
}

#[test]
fn shipped_product_codes_decode_with_their_descriptions() {
    let code = StreamLiveCode::from_code("InvalidParameter.Name");
    assert!(code.is_known());
    assert_eq!(code.description(), Some("Invalid `Name`."));
    assert_eq!(code.retry_class(), RetryClass::Never);
}

#[test]
fn the_users_layer_adds_codes_and_overrides_retry_classes() {
    assert!(StreamLiveCode::from_code("InvalidParameter.NewerThanTheCatalogue").is_known());
    assert_eq!(
        StreamLiveCode::from_code("InternalError").retry_class(),
        RetryClass::Never
    );
    assert_eq!(
        StreamLiveCode::from_code("AuthFailure.SignatureExpire").retry_class(),
        RetryClass::Refresh
    );
}

#[test]
fn a_derived_enum_checks_its_codes_against_the_extended_product() {
    assert_eq!(
        CreateChannelError::from_code("InvalidParameter.Name"),
        CreateChannelError::NameTaken
    );
    assert_eq!(
        CreateChannelError::from_code("InvalidParameter.Id"),
        CreateChannelError::Other(StreamLiveCode::from_code("InvalidParameter.Id"))
    );
}
