//! Generated code compiles wherever users put it: in a module without the
//! prelude (every path fully qualified), and without warnings under
//! `#![deny(warnings)]`, whatever the shape of the enum.

#![deny(warnings)]

mod without_prelude {
    #![no_implicit_prelude]

    ::tencent_errors::error_codes! {
        /// Codes generated where no prelude is in scope.
        pub enum BarePreludeCode from "codes/mdl.toml";
    }

    /// A derived enum where no prelude is in scope.
    #[derive(Debug, PartialEq, ::tencent_errors::TencentError)]
    pub enum BarePreludeError {
        /// Throttled.
        #[tencent(code = "RequestLimitExceeded")]
        Throttled,
        /// With a field filled by `Default`.
        #[tencent(code = "InternalError")]
        Internal(::std::string::String),
        /// Everything else.
        #[tencent(other)]
        Other(BarePreludeCode),
    }

    /// A derived enum without a catch-all.
    #[derive(Debug, PartialEq, ::tencent_errors::TencentError)]
    pub enum ClosedBarePreludeError {
        /// Throttled.
        #[tencent(code = "RequestLimitExceeded")]
        Throttled,
    }
}

mod edge_shapes {
    /// Only a catch-all: every code goes to it.
    #[derive(Debug, PartialEq, tencent_errors::TencentError)]
    pub enum OnlyOther {
        /// Every code.
        #[tencent(other)]
        Other(String),
    }

    /// No variant at all: no code decodes.
    #[derive(Debug, PartialEq, tencent_errors::TencentError)]
    pub enum NoVariants {}
}

use tencent_errors::{CommonCode, RetryClass, TencentError};
use without_prelude::{BarePreludeCode, BarePreludeError, ClosedBarePreludeError};

#[test]
fn enums_generated_without_a_prelude_work() {
    let code = BarePreludeCode::from_code("InternalError.Db");
    assert_eq!(code.category(), "InternalError");
    assert_eq!(code.to_common(), CommonCode::from_code("InternalError.Db"));
    assert_eq!(code.retry_class(), RetryClass::Transient);
    assert_eq!(
        BarePreludeError::from_code("InternalError"),
        BarePreludeError::Internal(String::new())
    );
    assert_eq!(BarePreludeError::from_code("X.Y").as_str(), "X.Y");
    assert_eq!(
        ClosedBarePreludeError::from_code("RequestLimitExceeded"),
        Some(ClosedBarePreludeError::Throttled)
    );
}

#[test]
fn enums_without_code_variants_decode_without_warnings() {
    use edge_shapes::{NoVariants, OnlyOther};
    assert_eq!(
        OnlyOther::from_code("InternalError"),
        OnlyOther::Other("InternalError".to_owned())
    );
    assert_eq!(
        OnlyOther::from_code("InternalError").retry_class(),
        RetryClass::Transient
    );
    assert_eq!(NoVariants::from_code("InternalError"), None);
    assert!(<NoVariants as TencentError>::from_code("X").is_none());
}
