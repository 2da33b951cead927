//! The Rust names of a product's module and enum in
//! `tencent_errors::products`, and of its version modules.
//!
//! The rule: the module is the product's folder name (`cvm`), the enum is
//! that name with its first letter upper-cased, followed by `Code`
//! (`CvmCode`). A name Rust cannot take as a module (a keyword, reserved
//! or not, of any edition, or a name starting with a digit) gets the
//! prefix `product_` (`product_type`, enum `ProductTypeCode`). A version
//! module is the version's folder name (`v20170312`).

/// Rust's keywords, strict and reserved, of every edition.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The module of `product` under `tencent_errors::products`.
///
/// ```
/// use tencent_errors_catalogue::names::module_name;
///
/// assert_eq!(module_name("cvm"), "cvm");
/// assert_eq!(module_name("type"), "product_type");
/// assert_eq!(module_name("3d"), "product_3d");
/// ```
pub fn module_name(product: &str) -> String {
    let starts_with_digit = product.starts_with(|c: char| c.is_ascii_digit());
    if starts_with_digit || KEYWORDS.contains(&product) {
        format!("product_{product}")
    } else {
        product.to_owned()
    }
}

/// The enum of `product`'s codes.
///
/// ```
/// use tencent_errors_catalogue::names::enum_name;
///
/// assert_eq!(enum_name("cvm"), "CvmCode");
/// assert_eq!(enum_name("ga2"), "Ga2Code");
/// assert_eq!(enum_name("type"), "ProductTypeCode");
/// assert_eq!(enum_name("3d"), "Product3dCode");
/// ```
pub fn enum_name(product: &str) -> String {
    let module = module_name(product);
    let stem = match module.strip_prefix("product_") {
        Some(rest) if module != product => format!("Product{}", upper_first(rest)),
        _ => upper_first(&module),
    };
    format!("{stem}Code")
}

/// The API version of a version folder, as the API writes it:
/// `2017-03-12` for `v20170312`; other names unchanged.
///
/// ```
/// use tencent_errors_catalogue::names::api_version;
///
/// assert_eq!(api_version("v20170312"), "2017-03-12");
/// assert_eq!(api_version("beta"), "beta");
/// ```
pub fn api_version(folder: &str) -> String {
    match folder.strip_prefix('v') {
        Some(date) if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..])
        }
        _ => folder.to_owned(),
    }
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
