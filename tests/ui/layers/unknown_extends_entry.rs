tencent_errors::error_codes! {
    pub enum ProductCode from "ui/layers/unknown_extends_entry.toml";
}

fn main() {}
