tencent_errors::error_codes! {
    pub enum Codes from "../../../../tests/ui/error_codes/invalid_segment.toml";
}

fn main() {}
