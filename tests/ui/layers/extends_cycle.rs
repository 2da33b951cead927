tencent_errors::error_codes! {
    pub enum ProductCode from "ui/layers/extends_cycle.toml";
}

fn main() {}
