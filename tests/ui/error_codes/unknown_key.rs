tencent_errors::error_codes! {
    pub enum Codes from "ui/error_codes/unknown_key.toml";
}

fn main() {}
