tencent_errors::error_codes! {
    pub enum Codes from "ui/error_codes/bad_variant.toml";
}

fn main() {}
