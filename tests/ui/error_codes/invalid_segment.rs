tencent_errors::error_codes! {
    pub enum Codes from "ui/error_codes/invalid_segment.toml";
}

fn main() {}
