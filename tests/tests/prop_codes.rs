//! Property tests of `CommonCode`: any string round-trips exactly through
//! `from_code`/`as_str` and serde, a known code is never `Other`, and an
//! unknown code inherits the retry class of its nearest known ancestor.

use proptest::prelude::*;
use tencent_errors::{CommonCode, RetryClass, TencentError};

/// The code strings of the table: the one list of codes.
fn known_codes() -> Vec<&'static str> {
    CommonCode::ALL.iter().map(CommonCode::as_str).collect()
}

/// Strings near the known codes: the codes themselves, extended below them,
/// cut, re-cased, padded; and arbitrary strings.
fn code_like() -> impl Strategy<Value = String> {
    let known = prop::sample::select(known_codes());
    prop_oneof![
        known.clone().prop_map(str::to_owned),
        (known.clone(), "[A-Za-z0-9_]{0,12}").prop_map(|(code, tail)| format!("{code}.{tail}")),
        (known.clone(), any::<prop::sample::Index>()).prop_map(|(code, cut)| {
            let cut = cut.index(code.len() + 1);
            code[..cut].to_owned()
        }),
        known.clone().prop_map(str::to_lowercase),
        (known, "[ \t\n.\u{0}é]{1,2}").prop_map(|(code, pad)| format!("{pad}{code}{pad}")),
        any::<String>(),
        "\\PC{0,200}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_string_round_trips_through_from_code_and_as_str(code in code_like()) {
        let parsed = CommonCode::from_code(&code);
        prop_assert_eq!(parsed.as_str(), code.as_str());
        prop_assert_eq!(parsed.to_string(), code.as_str());
        prop_assert_eq!(CommonCode::from_code(parsed.as_str()), parsed.clone());
        let via_trait = <CommonCode as TencentError>::from_code(&code);
        prop_assert_eq!(via_trait.as_ref(), Some(&parsed));
    }

    #[test]
    fn any_string_round_trips_through_serde(code in code_like()) {
        let parsed = CommonCode::from_code(&code);
        let json = serde_json::to_string(&parsed).unwrap();
        prop_assert_eq!(&json, &serde_json::to_string(&code).unwrap());
        let back: CommonCode = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, parsed);
    }

    #[test]
    fn a_code_is_known_exactly_when_the_table_lists_it(code in code_like()) {
        let parsed = CommonCode::from_code(&code);
        let listed = known_codes().contains(&code.as_str());
        prop_assert_eq!(parsed.is_known(), listed);
        prop_assert_eq!(matches!(parsed, CommonCode::Other(_)), !listed);
        prop_assert_eq!(parsed.description().is_some(), listed);
    }

    #[test]
    fn an_unknown_code_inherits_the_retry_class_of_its_nearest_known_ancestor(code in code_like()) {
        let parsed = CommonCode::from_code(&code);
        let CommonCode::Other(unknown) = &parsed else {
            return Ok(());
        };
        let mut prefix = code.as_str();
        let ancestor = loop {
            let Some(dot) = prefix.rfind('.') else { break None };
            prefix = &prefix[..dot];
            let candidate = CommonCode::from_code(prefix);
            if candidate.is_known() {
                break Some(candidate);
            }
        };
        prop_assert_eq!(unknown.parent(), ancestor.clone());
        // Categories (tables without description) may also set a class, so
        // only a known ancestor pins it exactly.
        if let Some(ancestor) = ancestor {
            let nearer_category = code.strip_prefix(ancestor.as_str()).is_some_and(|rest| rest[1..].contains('.'));
            if !nearer_category {
                prop_assert_eq!(unknown.retry_class(), ancestor.retry_class());
            }
        } else if !known_codes().iter().any(|known| known.starts_with(&format!("{}.", code.split('.').next().unwrap_or_default()))) {
            // No code (so no category either) shares its first segment.
            prop_assert_eq!(unknown.retry_class(), RetryClass::Never);
        }
    }
}
