//! `CommonCode`, generated from the root codes.toml, as users see it.

use std::collections::HashSet;

use tencent_errors::{CommonCode, RetryClass, TencentError, UnknownCode};

/// The 26 codes the API documentation lists for every product, and the wider
/// common set (issue: foundation).
const DOCUMENTED: &[&str] = &[
    "AuthFailure.InvalidSecretId",
    "AuthFailure.MFAFailure",
    "AuthFailure.SecretIdNotFound",
    "AuthFailure.SignatureExpire",
    "AuthFailure.SignatureFailure",
    "AuthFailure.TokenFailure",
    "AuthFailure.UnauthorizedOperation",
    "DryRunOperation",
    "FailedOperation",
    "InternalError",
    "InvalidAction",
    "InvalidParameter",
    "InvalidParameterValue",
    "LimitExceeded",
    "MissingParameter",
    "NoSuchVersion",
    "RequestLimitExceeded",
    "ResourceInUse",
    "ResourceInsufficient",
    "ResourceNotFound",
    "ResourceUnavailable",
    "UnauthorizedOperation",
    "UnknownParameter",
    "UnsupportedOperation",
    "UnsupportedProtocol",
    "UnsupportedRegion",
    "ActionOffline",
    "AuthFailure.InvalidAuthorization",
    "InvalidRequest",
    "IpInBlacklist",
    "IpNotInWhitelist",
    "RequestLimitExceeded.UinLimitExceeded",
    "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
];

#[test]
fn every_documented_common_code_is_known() {
    for &code in DOCUMENTED {
        let parsed = CommonCode::from_code(code);
        assert!(parsed.is_known(), "{code} is not in codes.toml");
        assert!(parsed.description().is_some_and(|d| !d.is_empty()));
    }
    assert_eq!(CommonCode::ALL.len(), DOCUMENTED.len());
}

#[test]
fn every_common_code_round_trips() {
    let mut seen = HashSet::new();
    for code in CommonCode::ALL {
        let wire = code.as_str();
        assert!(seen.insert(wire), "{wire} twice");
        assert_eq!(&CommonCode::from_code(wire), code);
        assert_eq!(&wire.parse::<CommonCode>().unwrap(), code);
        assert_eq!(&CommonCode::from(wire), code);
        assert_eq!(code.to_string(), wire);
        let json = serde_json::to_string(code).unwrap();
        assert_eq!(json, format!("\"{wire}\""));
        assert_eq!(&serde_json::from_str::<CommonCode>(&json).unwrap(), code);
        assert_eq!(
            &<CommonCode as TencentError>::from_code(wire).unwrap(),
            code
        );
    }
}

#[test]
fn variant_names_follow_the_naming_rule() {
    assert_eq!(
        CommonCode::AuthFailureSignatureExpire.as_str(),
        "AuthFailure.SignatureExpire"
    );
    assert_eq!(
        CommonCode::RequestLimitExceededGlobalRegionUinLimitExceeded.as_str(),
        "RequestLimitExceeded.GlobalRegionUinLimitExceeded"
    );
    assert_eq!(
        format!("{:?}", CommonCode::AuthFailureTokenFailure),
        "AuthFailureTokenFailure"
    );
}

#[test]
fn retry_classes_match_what_the_codes_mean() {
    use CommonCode as C;
    for (code, class) in [
        (C::RequestLimitExceeded, RetryClass::Throttling),
        (
            C::RequestLimitExceededUinLimitExceeded,
            RetryClass::Throttling,
        ),
        (
            C::RequestLimitExceededGlobalRegionUinLimitExceeded,
            RetryClass::Throttling,
        ),
        (C::InternalError, RetryClass::Transient),
        (C::AuthFailureSignatureExpire, RetryClass::Refresh),
        (C::AuthFailureTokenFailure, RetryClass::Refresh),
        (C::AuthFailureSignatureFailure, RetryClass::Never),
        (C::InvalidParameter, RetryClass::Never),
        (C::DryRunOperation, RetryClass::Never),
        (C::ResourceNotFound, RetryClass::Never),
    ] {
        assert_eq!(code.retry_class(), class, "{code}");
    }
    assert!(C::DryRunOperation.is_dry_run());
}

#[test]
fn unknown_code_round_trips_and_inherits_from_its_category() {
    for (wire, class, parent) in [
        (
            "RequestLimitExceeded.NewThing",
            RetryClass::Throttling,
            Some(CommonCode::RequestLimitExceeded),
        ),
        (
            "InternalError.",
            RetryClass::Transient,
            Some(CommonCode::InternalError),
        ),
        (
            "InternalError.Db.Timeout",
            RetryClass::Transient,
            Some(CommonCode::InternalError),
        ),
        // A category without a code of its own still lends its class.
        ("AuthFailure.NewKind", RetryClass::Never, None),
        ("ProductSpecific.Thing", RetryClass::Never, None),
        ("", RetryClass::Never, None),
        ("not a code at all \n\u{1b}", RetryClass::Never, None),
    ] {
        let code = CommonCode::from_code(wire);
        assert!(!code.is_known());
        assert_eq!(code.as_str(), wire);
        assert_eq!(code.to_string(), wire);
        assert_eq!(code.retry_class(), class, "{wire:?}");
        assert_eq!(code.parent(), parent, "{wire:?}");
        assert_eq!(code.description(), None);
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(serde_json::from_str::<CommonCode>(&json).unwrap(), code);
        assert_eq!(code.clone(), code);
    }
}

#[test]
fn unknown_codes_keep_their_exact_string() {
    let code = CommonCode::from_code("InvalidParameter.INVALID_PARAM");
    let CommonCode::Other(unknown) = &code else {
        panic!("not listed in the common codes");
    };
    assert_eq!(unknown.as_str(), "InvalidParameter.INVALID_PARAM");
    assert_eq!(
        format!("{code:?}"),
        "Other(UnknownCode(\"InvalidParameter.INVALID_PARAM\"))"
    );
    assert_eq!(code.parent(), Some(CommonCode::InvalidParameter));
    assert_eq!(code.category(), "InvalidParameter");
}

#[test]
fn a_known_code_has_one_representation() {
    // Case matters on the wire: a different case is a different code.
    assert!(!CommonCode::from_code("internalerror").is_known());
    let known = CommonCode::from_code("InternalError");
    assert_eq!(known, CommonCode::InternalError);
    assert_ne!(
        CommonCode::from_code("InternalErro"),
        CommonCode::InternalError
    );
    let _: fn(&UnknownCode<CommonCode>) -> &str = UnknownCode::as_str;
}

#[test]
fn parents_are_the_nearest_known_ancestor() {
    assert_eq!(
        CommonCode::RequestLimitExceededUinLimitExceeded.parent(),
        Some(CommonCode::RequestLimitExceeded)
    );
    assert_eq!(CommonCode::AuthFailureSignatureExpire.parent(), None);
    assert_eq!(CommonCode::InternalError.parent(), None);
}

#[test]
fn deserializing_a_known_code_borrows_or_copies_nothing_owned() {
    // A code with an escape cannot be borrowed; it must still decode.
    let code: CommonCode = serde_json::from_str("\"Internal\\u0045rror\"").unwrap();
    assert_eq!(code, CommonCode::InternalError);
    assert!(serde_json::from_str::<CommonCode>("42").is_err());
}

#[test]
fn equal_codes_hash_equally() {
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};
    let hash = |code: &CommonCode| {
        let mut hasher = DefaultHasher::new();
        code.hash(&mut hasher);
        hasher.finish()
    };
    let set: HashSet<CommonCode> = CommonCode::ALL.iter().cloned().collect();
    assert_eq!(set.len(), CommonCode::ALL.len());
    assert_eq!(
        hash(&CommonCode::from_code("X.Y")),
        hash(&CommonCode::from_code("X.Y"))
    );
    assert_ne!(CommonCode::from_code("X.Y"), CommonCode::from_code("X.Z"));
}
