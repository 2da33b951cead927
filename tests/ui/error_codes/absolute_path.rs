tencent_errors::error_codes! {
    pub enum Codes from "/etc/codes.toml";
}

fn main() {}
