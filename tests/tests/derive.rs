//! `#[derive(TencentError)]` on enums of users' own, end to end: codes,
//! metadata, conversions, serde and `parse_response`.

use std::marker::PhantomData;

use tencent_errors::{
    error_codes, parse_response, CommonCode, Error, RetryClass, TencentError, UnrecognizedCode,
};

error_codes! {
    /// The test product's codes: the common ones plus its own.
    pub enum ProductCode from "codes/mdl.toml";
}

/// Errors of a channel-creating action, named as the caller reads them.
#[derive(Debug, Clone, PartialEq, TencentError)]
#[tencent(codes = "codes/mdl.toml")]
enum CreateChannelError {
    /// The channel name is already used.
    #[tencent(code = "InvalidParameter.Name")]
    NameTaken,
    #[tencent(code = "RequestLimitExceeded")]
    Throttled,
    #[tencent(code = "InternalError", retry = "transient")]
    Internal,
    #[tencent(other)]
    Other(ProductCode),
}

#[test]
fn derived_codes_round_trip_with_metadata() {
    let name_taken = CreateChannelError::from_code("InvalidParameter.Name");
    assert_eq!(name_taken, CreateChannelError::NameTaken);
    assert_eq!(name_taken.as_str(), "InvalidParameter.Name");
    // The doc comment wins over codes.toml's description.
    assert_eq!(
        name_taken.description(),
        Some("The channel name is already used.")
    );
    assert_eq!(name_taken.retry_class(), RetryClass::Never);
    assert_eq!(name_taken.to_string(), "InvalidParameter.Name");

    let throttled: CreateChannelError = "RequestLimitExceeded".parse().unwrap();
    assert_eq!(throttled, CreateChannelError::Throttled);
    assert_eq!(throttled.retry_class(), RetryClass::Throttling);
    assert_eq!(
        throttled.description(),
        Some("The number of requests exceeds the frequency limit.")
    );
    assert_eq!(
        CreateChannelError::Internal.retry_class(),
        RetryClass::Transient
    );
}

#[test]
fn other_codes_land_in_the_other_variant_losslessly() {
    let listed_by_product = CreateChannelError::from("InvalidParameter.NotFound");
    assert_eq!(
        listed_by_product,
        CreateChannelError::Other(ProductCode::InvalidParameterNotFound)
    );
    assert_eq!(listed_by_product.as_str(), "InvalidParameter.NotFound");
    assert_eq!(
        listed_by_product.description(),
        Some("The resource does not exist.")
    );

    let new = CreateChannelError::from_code("RequestLimitExceeded.Brand.New");
    assert_eq!(new.as_str(), "RequestLimitExceeded.Brand.New");
    assert_eq!(new.retry_class(), RetryClass::Throttling);
    assert_eq!(new.description(), None);
}

#[test]
fn derived_enums_serialize_as_the_wire_string() {
    let json = serde_json::to_string(&CreateChannelError::NameTaken).unwrap();
    assert_eq!(json, "\"InvalidParameter.Name\"");
    let back: CreateChannelError = serde_json::from_str(&json).unwrap();
    assert_eq!(back, CreateChannelError::NameTaken);
    let other: CreateChannelError = serde_json::from_str("\"X.Y\"").unwrap();
    assert_eq!(other.as_str(), "X.Y");
}

#[test]
fn parse_response_decodes_into_a_derived_enum() {
    let body = br#"{"Response": {"Error": {"Code": "InvalidParameter.Name", "Message": "name taken"}, "RequestId": "r-1"}}"#;
    let Err(Error::Api(error)) = parse_response::<(), CreateChannelError>(200, body) else {
        panic!("an API error");
    };
    assert_eq!(error.code(), &CreateChannelError::NameTaken);
    assert_eq!(error.request_id(), Some("r-1"));
    assert_eq!(
        error.to_string(),
        "[InvalidParameter.Name] name taken (RequestId: r-1)"
    );
}

/// A closed enum: codes no variant names are an error, not a variant.
#[derive(Debug, PartialEq, TencentError)]
enum DescribeError {
    #[tencent(code = "ResourceNotFound")]
    NotFound,
    #[tencent(code = "InternalError.Db")]
    Database,
}

#[test]
fn closed_enums_refuse_other_codes() {
    assert_eq!(
        DescribeError::from_code("ResourceNotFound"),
        Some(DescribeError::NotFound)
    );
    assert_eq!(DescribeError::from_code("Nope"), None);
    assert_eq!(
        "Nope".parse::<DescribeError>(),
        Err(UnrecognizedCode::new("Nope"))
    );
    assert!(serde_json::from_str::<DescribeError>("\"Nope\"").is_err());
    // Without `codes`, retry classes come from the common codes' categories.
    assert_eq!(DescribeError::Database.retry_class(), RetryClass::Transient);
    assert_eq!(
        DescribeError::NotFound.description(),
        Some("The resource does not exist.")
    );
    assert_eq!(DescribeError::Database.description(), None);

    let body = br#"{"Response": {"Error": {"Code": "AuthFailure.TokenFailure", "Message": "expired"}, "RequestId": "r-2"}}"#;
    let Err(Error::UnexpectedCode(error)) = parse_response::<(), DescribeError>(200, body) else {
        panic!("a code the closed enum does not list");
    };
    assert_eq!(error.code(), &CommonCode::AuthFailureTokenFailure);
    assert_eq!(error.retry_class(), RetryClass::Refresh);
}

/// Side by side with thiserror: `display = false` leaves `Display` to it.
#[derive(Debug, thiserror::Error, TencentError)]
#[tencent(display = false)]
enum WithThiserror {
    #[error("the name is taken")]
    #[tencent(code = "InvalidParameter.Name")]
    NameTaken,
    #[error("unexpected error {0}")]
    #[tencent(other)]
    Other(String),
}

#[test]
fn lives_beside_thiserror() {
    let error = WithThiserror::from_code("InvalidParameter.Name");
    assert_eq!(error.to_string(), "the name is taken");
    assert_eq!(error.as_str(), "InvalidParameter.Name");
    let other = WithThiserror::from_code("InternalError");
    assert_eq!(other.to_string(), "unexpected error InternalError");
    assert_eq!(other.retry_class(), RetryClass::Transient);
    let _: &dyn std::error::Error = &other;
}

/// Variants may carry data that has a `Default`; generics and
/// `#[non_exhaustive]` keep working.
#[derive(Debug, PartialEq, TencentError)]
#[non_exhaustive]
enum WithData<T> {
    #[tencent(code = "LimitExceeded")]
    Limit { retry_after: Option<u64> },
    #[tencent(code = "ResourceInUse")]
    InUse(PhantomData<T>),
    #[tencent(other)]
    Other { code: CommonCode },
}

#[test]
fn data_carrying_and_generic_enums_work() {
    assert_eq!(
        WithData::<u8>::from_code("LimitExceeded"),
        WithData::Limit { retry_after: None }
    );
    assert_eq!(WithData::<u8>::InUse(PhantomData).as_str(), "ResourceInUse");
    let other = WithData::<u8>::from_code("InternalError");
    assert_eq!(
        other,
        WithData::Other {
            code: CommonCode::InternalError
        }
    );
    assert_eq!(other.retry_class(), RetryClass::Transient);
    assert_eq!(
        <WithData<u8> as TencentError>::from_code("X")
            .unwrap()
            .as_str(),
        "X"
    );
}

#[test]
fn extended_enums_convert_to_and_from_common_codes() {
    assert_eq!(
        ProductCode::from(CommonCode::InternalError),
        ProductCode::InternalError
    );
    assert_eq!(
        ProductCode::InvalidParameterName.to_common().as_str(),
        "InvalidParameter.Name"
    );
    assert_eq!(
        ProductCode::InvalidParameterName.common_ancestor(),
        Some(CommonCode::InvalidParameter)
    );
    assert_eq!(
        ProductCode::RequestLimitExceededChannelLimit.retry_class(),
        RetryClass::Throttling
    );
    // A product's redefinition gives a more specific description.
    assert_eq!(
        ProductCode::InternalError.description(),
        Some("StreamLive failed inside; the request may have run.")
    );
    for common in CommonCode::ALL {
        let product = ProductCode::from(common.clone());
        assert!(product.is_known(), "{common}");
        assert_eq!(product.as_str(), common.as_str());
    }
    assert_eq!(ProductCode::ALL.len(), CommonCode::ALL.len() + 3);
}

/// A derived enum whose catch-all is a bare string.
#[derive(Debug, PartialEq, TencentError)]
enum StringCatchAll {
    #[tencent(code = "InternalError")]
    Internal,
    #[tencent(other)]
    Other(String),
}

#[test]
fn a_megabyte_of_dots_in_a_string_catch_all_keeps_its_inherited_class() {
    let dots = format!("RequestLimitExceeded{}", ".".repeat(1 << 20));
    let code = StringCatchAll::from_code(&dots);
    assert_eq!(code.as_str().len(), dots.len());
    assert_eq!(code.retry_class(), RetryClass::Throttling);
    let beyond = format!("{}.RequestLimitExceeded", "A".repeat(200));
    assert_eq!(
        StringCatchAll::from_code(&beyond).retry_class(),
        RetryClass::Never
    );
    let product = ProductCode::from_code(&format!("InternalError.Db{}", ".".repeat(1 << 20)));
    assert_eq!(product.common_ancestor(), Some(CommonCode::InternalError));
    assert_eq!(product.parent(), Some(ProductCode::InternalError));
}
