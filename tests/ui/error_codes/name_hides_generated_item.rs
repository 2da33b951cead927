tencent_errors::error_codes! {
    pub enum Codes from "ui/error_codes/name_hides_generated_item.toml";
}

fn main() {
    // The generated list is still there: only the clashing codes are left out.
    let _ = Codes::ALL;
}
