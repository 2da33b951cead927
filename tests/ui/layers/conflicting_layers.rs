tencent_errors::error_codes! {
    pub enum ProductCode from "ui/layers/conflicting_layers.toml";
}

fn main() {}
