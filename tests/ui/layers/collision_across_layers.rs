tencent_errors::error_codes! {
    pub enum ProductCode from "ui/layers/collision_across_layers.toml";
}

fn main() {}
