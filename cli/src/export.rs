//! `tencent-errors export`: the catalogue as JSON Lines, one object per
//! code of each product-version, then one per action:
//!
//! ```text
//! {"kind":"code","product":"mdl","version":"v20200326","code":"InvalidParameter.Name","description":"...","description_zh":"...","retry":"never","deprecated":false}
//! {"kind":"action","product":"mdl","version":"v20200326","action":"CreateStreamLiveChannel","codes":["..."]}
//! ```
//!
//! `retry` is the code's class after inheritance; `deprecated` is `false`
//! or the release whose import no longer found the code.

use std::io::{self, Write};

use serde_json::Value;
use tencent_errors_catalogue::{Catalogue, Code, ProductData, ProductVersion};

use crate::common::CommonCodes;

/// Writes every line of `catalogue` to `out`.
pub fn write_jsonl(catalogue: &Catalogue, out: &mut impl Write) -> io::Result<()> {
    let common = CommonCodes::shipped();
    for (key, data) in &catalogue.products {
        for (code, entry) in &data.codes {
            writeln!(out, "{}", code_line(key, data, code, entry, &common))?;
        }
        for (action, codes) in &data.actions {
            writeln!(out, "{}", action_line(key, action, codes))?;
        }
    }
    Ok(())
}

/// A JSON string or `null`.
fn string(text: Option<&str>) -> String {
    Value::from(text).to_string()
}

fn code_line(
    key: &ProductVersion,
    data: &ProductData,
    code: &str,
    entry: &Code,
    common: &CommonCodes,
) -> String {
    let retry = entry.retry.unwrap_or_else(|| {
        common
            .inherited(code, |prefix| data.codes.get(prefix).and_then(|e| e.retry))
            .retry
    });
    let deprecated = match &entry.deprecated {
        Some(release) => string(Some(release)),
        None => "false".to_owned(),
    };
    format!(
        "{{\"kind\":\"code\",\"product\":{},\"version\":{},\"code\":{},\"description\":{},\"description_zh\":{},\"retry\":{},\"deprecated\":{deprecated}}}",
        string(Some(&key.product)),
        string(Some(&key.version)),
        string(Some(code)),
        string(entry.description.as_deref()),
        string(entry.description_zh.as_deref()),
        string(Some(retry.as_str())),
    )
}

fn action_line(key: &ProductVersion, action: &str, codes: &[String]) -> String {
    format!(
        "{{\"kind\":\"action\",\"product\":{},\"version\":{},\"action\":{},\"codes\":{}}}",
        string(Some(&key.product)),
        string(Some(&key.version)),
        string(Some(action)),
        Value::from(codes.to_vec())
    )
}
