tencent_errors::error_codes! {
    pub enum Codes from "ui/error_codes/toml_syntax_error.toml";
}

fn main() {}
