//! The optional keys of codes.toml that the catalogue writes:
//! `description_zh`, `deprecated` and `retry_reason`.

use tencent_errors::{CommonCode, RetryClass};

tencent_errors::error_codes! {
    /// Codes with the catalogue's keys.
    pub enum KeysCode from "codes/catalogue_keys.toml";
}

#[test]
fn description_zh_is_the_chinese_description() {
    assert_eq!(
        KeysCode::FailedOperationChannelBusy.description_zh(),
        Some("频道忙。")
    );
    assert_eq!(
        KeysCode::FailedOperationChannelBusy.description(),
        Some("The channel is busy.")
    );
    assert_eq!(KeysCode::FailedOperationRemoved.description_zh(), None);
    assert_eq!(
        KeysCode::from_code("FailedOperation.New").description_zh(),
        None
    );
}

#[test]
fn description_falls_back_to_chinese() {
    assert_eq!(
        KeysCode::FailedOperationOnlyChinese.description(),
        Some("只有中文描述。")
    );
    assert_eq!(
        KeysCode::FailedOperationOnlyChinese.description_zh(),
        Some("只有中文描述。")
    );
}

#[test]
fn deprecated_codes_say_so() {
    assert!(KeysCode::FailedOperationRemoved.is_deprecated());
    assert!(!KeysCode::FailedOperationChannelBusy.is_deprecated());
    assert!(!KeysCode::InternalError.is_deprecated());
    assert!(!KeysCode::from_code("FailedOperation.Removed.Sub").is_deprecated());
    assert!(!CommonCode::InternalError.is_deprecated());
}

#[test]
fn retry_reason_leaves_the_class_as_written() {
    assert_eq!(
        KeysCode::FailedOperationChannelBusy.retry_class(),
        RetryClass::Transient
    );
}
