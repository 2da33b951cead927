tencent_errors::error_codes! {
    pub enum Codes from "ui/error_codes/name_collision.toml";
}

fn main() {}
