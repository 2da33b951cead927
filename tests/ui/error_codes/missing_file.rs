tencent_errors::error_codes! {
    pub enum Codes from "codes/does_not_exist.toml";
}

fn main() {}
