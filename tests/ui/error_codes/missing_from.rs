tencent_errors::error_codes! {
    pub enum Codes "codes.toml";
}

fn main() {}
