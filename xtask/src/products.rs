//! `cargo xtask products`: the files that list the catalogue's products,
//! written from its folders so that they cannot drift from it: the
//! runtime's product features (a block of `runtime/Cargo.toml`), its
//! `src/products.rs` (one `__product!` per feature) and the test that
//! every product enum decodes every shipped code
//! (`runtime/tests/every_product.rs`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use tencent_errors_catalogue::layers::CatalogueLayers;
use tencent_errors_catalogue::names::{enum_name, module_name};

const BEGIN: &str = "# BEGIN products\n";
const END: &str = "# END products\n";
/// Where the generated part of products.rs starts.
const ENTRIES: &str =
    "// Written by `cargo xtask products`, one entry per product of the catalogue.\n";

/// The feature of `product`: its name, or `product-NAME` when NAME is one
/// of the crate's own features (`redis`, the Redis support).
///
/// ```
/// assert_eq!(xtask::products::feature_name("cvm", &["redis"]), "cvm");
/// assert_eq!(xtask::products::feature_name("redis", &["redis"]), "product-redis");
/// ```
pub fn feature_name(product: &str, own_features: &[&str]) -> String {
    if own_features.contains(&product) {
        format!("product-{product}")
    } else {
        product.to_owned()
    }
}

/// The generated files, as they should read: (path under `root`, text).
pub fn expected_files(root: &Path) -> Result<Vec<(PathBuf, String)>, String> {
    let layers = CatalogueLayers::in_dir(root.join("catalogue/data"));
    let products: Vec<&str> = layers.products().collect();
    if products.is_empty() {
        return Err(format!(
            "no products under {}",
            root.join("catalogue/data").display()
        ));
    }
    let manifest_path = root.join("runtime/Cargo.toml");
    let manifest = read(&manifest_path)?;
    let (before, rest) = manifest
        .split_once(BEGIN)
        .ok_or_else(|| format!("{}: no `{}`", manifest_path.display(), BEGIN.trim()))?;
    let (_, after) = rest
        .split_once(END)
        .ok_or_else(|| format!("{}: no `{}`", manifest_path.display(), END.trim()))?;
    let own = own_features(before);
    let own: Vec<&str> = own.iter().map(String::as_str).collect();
    let features: Vec<String> = products.iter().map(|p| feature_name(p, &own)).collect();

    let mut block = String::from(BEGIN);
    let quoted: Vec<String> = features.iter().map(|f| format!("\"{f}\"")).collect();
    let _ = writeln!(block, "all-products = [{}]", quoted.join(", "));
    for feature in &features {
        let _ = writeln!(block, "{feature} = [\"catalogue\"]");
    }
    block.push_str(END);
    let manifest = format!("{before}{block}{after}");

    let products_path = root.join("runtime/src/products.rs");
    let current = read(&products_path)?;
    let header = current
        .split_once(ENTRIES)
        .map_or(current.as_str(), |(header, _)| header);
    let mut module = format!("{header}{ENTRIES}");
    for (product, feature) in products.iter().zip(&features) {
        let _ = writeln!(
            module,
            "#[cfg(feature = \"{feature}\")]\ntencent_errors_macros::__product!({product}, \"{feature}\");"
        );
    }

    let mut test = String::from(
        "//! Every code the catalogue ships round-trips through its product enum, and\n\
         //! every action resolves with exactly the codes the catalogue lists for it\n\
         //! (feature `all-products`). Written by `cargo xtask products`.\n\
         #![cfg(feature = \"all-products\")]\n\n\
         use std::collections::BTreeSet;\n\n\
         use tencent_errors::products;\n\
         use tencent_errors_catalogue::{read::read_catalogue, root, Catalogue, ProductVersion};\n\n\
         macro_rules! check {\n    ($catalogue:expr, $product:literal, $version:literal, $code:ty) => {\n        \
         check_version::<$code>(\n            $catalogue,\n            $product,\n            $version,\n            \
         |code| (<$code>::from_code(code).is_known(), <$code>::from_code(code).as_str() == code),\n        )\n    };\n}\n\n\
         /// The codes of one product-version round-trip; its actions list what the catalogue lists.\n\
         fn check_version<C>(catalogue: &Catalogue, product: &str, version: &str, round_trip: impl Fn(&str) -> (bool, bool))\n\
         where\n    C: tencent_errors::__private::ProductActions + PartialEq,\n{\n    \
         let data = &catalogue.products[&ProductVersion::new(product, version)];\n    \
         for code in data.codes.keys() {\n        \
         assert_eq!(round_trip(code), (true, true), \"{product}/{version}: {code}\");\n    }\n    \
         assert_eq!(tencent_errors::Actions::<C>::all().len(), data.actions.len(), \"{product}/{version}\");\n    \
         for (name, codes) in &data.actions {\n        \
         let action = tencent_errors::Action::<C>::find(name).unwrap_or_else(|| panic!(\"{product}/{version}: {name}\"));\n        \
         let listed: BTreeSet<String> = action.codes().map(|code| code.as_str().to_owned()).collect();\n        \
         assert_eq!(listed, codes.iter().cloned().collect(), \"{product}/{version}: {name}\");\n        \
         for code in action.codes() {\n            \
         assert!(action.can_return(&code));\n            \
         assert!(tencent_errors::Actions::returning(&code).any(|returning| returning == action));\n        }\n    }\n}\n\n\
         #[test]\nfn every_shipped_code_round_trips_and_every_action_resolves() {\n    \
         let catalogue = read_catalogue(root()).unwrap();\n",
    );
    let mut count = 0;
    for product in &products {
        let module = module_name(product);
        let code = enum_name(product);
        for version in layers
            .versions(product)
            .into_iter()
            .flat_map(|versions| versions.keys())
        {
            let _ = writeln!(
                test,
                "    check!(&catalogue, \"{product}\", \"{version}\", products::{module}::{version}::{code});"
            );
            count += 1;
        }
    }
    let _ = writeln!(
        test,
        "    assert_eq!(catalogue.products.len(), {count});\n}}"
    );
    Ok(vec![
        (manifest_path, manifest),
        (products_path, module),
        (root.join("runtime/tests/every_product.rs"), rustfmt(&test)?),
    ])
}

/// `text` as `cargo fmt` leaves it, so that formatting the workspace
/// leaves the generated test as written.
fn rustfmt(text: &str) -> Result<String, String> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};

    let mut child = Command::new("rustfmt")
        .args(["--edition", "2021", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("rustfmt: {error}"))?;
    child
        .stdin
        .take()
        .ok_or("rustfmt: no stdin")?
        .write_all(text.as_bytes())
        .map_err(|error| format!("rustfmt: {error}"))?;
    let output = child
        .wait_with_output()
        .map_err(|error| format!("rustfmt: {error}"))?;
    if !output.status.success() {
        return Err("rustfmt failed on the generated test".to_owned());
    }
    String::from_utf8(output.stdout).map_err(|error| error.to_string())
}

/// The features a manifest's `[features]` table defines before the block.
fn own_features(manifest: &str) -> Vec<String> {
    let Some((_, features)) = manifest.split_once("[features]\n") else {
        return Vec::new();
    };
    features
        .lines()
        .take_while(|line| !line.starts_with('['))
        .filter_map(|line| line.split_once(" = "))
        .map(|(name, _)| name.trim().to_owned())
        .filter(|name| !name.starts_with('#'))
        .collect()
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))
}

/// The generated files that differ from what they should read.
pub fn stale_files(root: &Path) -> Result<Vec<PathBuf>, String> {
    Ok(expected_files(root)?
        .into_iter()
        .filter(|(path, text)| std::fs::read_to_string(path).ok().as_deref() != Some(text))
        .map(|(path, _)| path)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_product_files_match_the_catalogue() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        assert_eq!(
            stale_files(&root).unwrap(),
            Vec::<PathBuf>::new(),
            "run `cargo xtask products`"
        );
    }
}
