//! Lists every product-version of the shipped catalogue for `codebook`: the
//! runtime's product enums (feature `all-products`) are the data; this only
//! names them, as the catalogue names them (`cvm::v20170312::CvmCode`).

use std::fmt::Write as _;

use tencent_errors_catalogue::layers::CatalogueLayers;
use tencent_errors_catalogue::names::{enum_name, module_name};
use tencent_errors_catalogue::{root, DATA_DIR};

fn main() {
    println!(
        "cargo::rerun-if-changed={}",
        root().join(DATA_DIR).display()
    );
    let layers = CatalogueLayers::shipped();
    let mut list = String::from("product_versions! {\n");
    for product in layers.products() {
        for version in layers.versions(product).into_iter().flat_map(|v| v.keys()) {
            let _ = writeln!(
                list,
                "    ({product:?}, {version:?}, {}::{version}::{}),",
                module_name(product),
                enum_name(product)
            );
        }
    }
    list.push_str("}\n");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("product_versions.rs"), list).expect("OUT_DIR is writable");
}
