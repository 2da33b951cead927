//! Any string round-trips exactly through `CommonCode`, and an unknown code
//! never shadows a known one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tencent_errors::CommonCode;

fuzz_target!(|code: &str| {
    let parsed = CommonCode::from_code(code);
    assert_eq!(parsed.as_str(), code);
    assert_eq!(CommonCode::from_code(parsed.as_str()), parsed);
    let listed = CommonCode::ALL.iter().any(|known| known.as_str() == code);
    assert_eq!(parsed.is_known(), listed);
    let _ = (
        parsed.retry_class(),
        parsed.parent(),
        parsed.category(),
        format!("{parsed:?}"),
    );
    let json = serde_json::to_string(&parsed).unwrap();
    assert_eq!(serde_json::from_str::<CommonCode>(&json).unwrap(), parsed);
});
