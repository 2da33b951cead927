//! Any body, any status: `parse_response` returns a typed result whose
//! printed form is escaped and bounded, into a dynamic, a typed and a unit
//! payload.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use tencent_errors::{parse_response, CommonCode};
use tencent_errors_fuzz::check_result;

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct Instances {
    total_count: u64,
    #[serde(default)]
    instance_id_set: Vec<String>,
}

fuzz_target!(|data: &[u8]| {
    let (status, body) = match data {
        [high, low, body @ ..] if *high & 0x80 != 0 => {
            (u16::from_be_bytes([*high & 0x7f, *low]), body)
        }
        _ => (200, data),
    };
    check_result(
        &parse_response::<serde_json::Value, CommonCode>(status, body),
        status,
    );
    check_result(
        &parse_response::<Instances, CommonCode>(status, body),
        status,
    );
    check_result(&parse_response::<(), CommonCode>(status, body), status);
});
