tencent_errors::error_codes! {
    pub enum Codes from "ui/error_codes/quoted_dotted_key.toml";
}

fn main() {}
