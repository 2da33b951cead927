tencent_errors::error_codes! {
    pub enum ProductCode from "ui/layers/missing_extends_file.toml";
}

fn main() {}
