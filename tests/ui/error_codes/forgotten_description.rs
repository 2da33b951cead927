tencent_errors::error_codes! {
    pub enum Codes from "ui/error_codes/forgotten_description.toml";
}

fn main() {}
