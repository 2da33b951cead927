tencent_errors::error_codes! {
    pub enum Codes from "../../../../tests/ui/error_codes/long_code.toml";
}

fn main() {}
