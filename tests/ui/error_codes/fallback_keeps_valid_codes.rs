// One bad table must not turn every use of the enum into an error: the
// valid codes are still generated, so only the bad table is reported.
tencent_errors::error_codes! {
    pub enum Codes from "ui/error_codes/fallback_keeps_valid_codes.toml";
}

fn main() {
    let code = Codes::from_code("InternalError");
    assert_eq!(code, Codes::InternalError);
    let _ = code.retry_class();
}
