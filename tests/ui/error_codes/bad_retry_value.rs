tencent_errors::error_codes! {
    pub enum Codes from "ui/error_codes/bad_retry_value.toml";
}

fn main() {}
