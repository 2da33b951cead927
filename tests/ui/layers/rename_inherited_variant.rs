tencent_errors::error_codes! {
    pub enum ProductCode from "ui/layers/rename_inherited_variant.toml";
}

fn main() {}
