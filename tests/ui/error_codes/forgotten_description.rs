tencent_errors::error_codes! {
    pub enum Codes from "../../../../tests/ui/error_codes/forgotten_description.toml";
}

fn main() {}
