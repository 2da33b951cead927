tencent_errors::error_codes! {
    pub enum ProductCode from "ui/layers/settling_one_field_leaves_the_other.toml";
}

fn main() {}
