//! `CommonCode`, generated from the root codes.toml, as users see it.

use std::collections::HashSet;

use tencent_errors::{CommonCode, RetryClass, TencentError, UnknownCode};

/// Every code of the crate's codes.toml, the single list of common codes:
/// its string, description and retry class (inherited from the nearest
/// ancestor table that sets one, else `never`).
fn codes_in_file() -> Vec<(String, String, RetryClass)> {
    let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../codes.toml"));
    let table: toml::Table = text.parse().expect("codes.toml parses");
    let mut codes = Vec::new();
    collect_codes(&table, "", RetryClass::Never, &mut codes);
    codes
}

fn collect_codes(
    table: &toml::Table,
    prefix: &str,
    inherited: RetryClass,
    codes: &mut Vec<(String, String, RetryClass)>,
) {
    for (key, value) in table {
        let Some(child) = value.as_table() else {
            continue;
        };
        let path = format!("{prefix}{key}");
        let retry = match child.get("retry").and_then(|retry| retry.as_str()) {
            Some(retry) => retry.parse().expect("a retry class"),
            None => inherited,
        };
        if let Some(description) = child.get("description").and_then(|d| d.as_str()) {
            codes.push((path.clone(), description.to_owned(), retry));
        }
        collect_codes(child, &format!("{path}."), retry, codes);
    }
}

#[test]
fn every_code_of_codes_toml_is_known_with_its_description_and_retry_class() {
    let codes = codes_in_file();
    assert!(codes.len() >= 26, "the 26 documented codes at least");
    for (wire, description, retry) in &codes {
        let parsed = CommonCode::from_code(wire);
        assert!(parsed.is_known(), "{wire} is not generated");
        assert_eq!(parsed.description(), Some(description.as_str()), "{wire}");
        assert!(!description.is_empty(), "{wire}");
        assert_eq!(parsed.retry_class(), *retry, "{wire}");
    }
    assert_eq!(CommonCode::ALL.len(), codes.len());
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
    // Equal codes reached by different paths: a variant and a parse, an
    // unknown code parsed, deserialized from an escaped string and cloned.
    let unknown = CommonCode::from_code(&["X", "Y"].join("."));
    let pairs = [
        (
            CommonCode::InternalError,
            CommonCode::from_code("InternalError"),
        ),
        (
            CommonCode::InternalError,
            serde_json::from_str(r#""Internal\u0045rror""#).unwrap(),
        ),
        (unknown.clone(), "X.Y".parse().unwrap()),
        (
            unknown.clone(),
            serde_json::from_str(r#""X.\u0059""#).unwrap(),
        ),
    ];
    for (left, right) in &pairs {
        assert_eq!(left, right);
        assert_eq!(hash(left), hash(right), "{left:?}");
    }
    let mut set: HashSet<CommonCode> = pairs.into_iter().flat_map(|(a, b)| [a, b]).collect();
    assert_eq!(set.len(), 2, "{set:?}");
    assert!(set.insert(CommonCode::from_code("X.Z")));
    assert_ne!(CommonCode::from_code("X.Y"), CommonCode::from_code("X.Z"));
}
