//! Decodes the two example responses of the Tencent Cloud API documentation
//! (a DescribeInstancesStatus success and an AuthFailure.SignatureFailure
//! error) and a throttled one, and prints what a caller gets.
//!
//! Run it with `cargo run --example quickstart`.

use serde::Deserialize;
use tencent_errors::{parse_response, CommonCode, Error, Success};

/// The payload of CVM's DescribeInstancesStatus: the fields of `Response`
/// beside `RequestId`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DescribeInstancesStatus {
    total_count: u64,
    instance_status_set: Vec<InstanceStatus>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct InstanceStatus {
    instance_id: String,
    instance_state: String,
}

const SUCCESS: &str = r#"{
  "Response": {
    "TotalCount": 0,
    "InstanceStatusSet": [],
    "RequestId": "b5b41468-520d-4192-b42f-595cc34b6c1c"
  }
}"#;

const SIGNATURE_FAILURE: &str = r#"{
  "Response": {
    "Error": {
      "Code": "AuthFailure.SignatureFailure",
      "Message": "The provided credentials could not be validated. Please check your signature is correct."
    },
    "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"
  }
}"#;

const THROTTLED: &str = r#"{"Response": {"Error": {"Code": "RequestLimitExceeded",
  "Message": "Your current request times equals to `21` in a second, which exceeds the frequency limit `20` for a second."},
  "RequestId": "4f1c4c53-2a3e-4bd6-9a8e-4d1f8bbd6f0e"}}"#;

const GATEWAY_PAGE: &str =
    "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";

fn main() {
    for (name, status, body) in [
        ("DescribeInstancesStatus", 200, SUCCESS),
        ("with a bad signature", 200, SIGNATURE_FAILURE),
        ("too often", 200, THROTTLED),
        ("through a failing gateway", 502, GATEWAY_PAGE),
    ] {
        println!("== {name} (HTTP {status})");
        match parse_response::<DescribeInstancesStatus, CommonCode>(status, body.as_bytes()) {
            Ok(success) => print_success(&success),
            Err(error) => print_error(&error),
        }
        println!();
    }
}

fn print_success(success: &Success<DescribeInstancesStatus>) {
    let data = success.data();
    println!(
        "ok: {} instance(s), RequestId {}",
        data.total_count,
        success.request_id()
    );
    for instance in &data.instance_status_set {
        println!("  {} is {}", instance.instance_id, instance.instance_state);
    }
}

fn print_error(error: &Error) {
    println!("error: {error}");
    println!("  retry class: {}", error.retry_class());
    match error {
        Error::Api(api) => {
            let code = api.code();
            println!("  code: {code:?}, known: {}", code.is_known());
            println!(
                "  description: {}",
                code.description().unwrap_or("(unknown code)")
            );
            match code {
                CommonCode::AuthFailureSignatureFailure => {
                    println!("  -> fix the signing code; retrying cannot help")
                }
                CommonCode::RequestLimitExceeded => println!("  -> back off, then retry"),
                _ => println!("  -> see the retry class"),
            }
        }
        Error::InvalidBody(invalid) => {
            println!(
                "  not an envelope ({}): {} bytes, starts {:?}",
                invalid.kind(),
                invalid.body_len(),
                invalid.snippet()
            );
        }
        other => println!("  {other:?}"),
    }
}
