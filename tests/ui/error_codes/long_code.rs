tencent_errors::error_codes! {
    pub enum Codes from "ui/error_codes/long_code.toml";
}

fn main() {}
