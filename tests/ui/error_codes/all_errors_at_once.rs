tencent_errors::error_codes! {
    pub enum Codes from "ui/error_codes/all_errors_at_once.toml";
}

fn main() {}
