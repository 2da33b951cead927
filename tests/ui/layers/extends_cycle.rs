tencent_errors::error_codes! {
    pub enum ProductCode from "../../../../tests/ui/layers/extends_cycle.toml";
}

fn main() {}
