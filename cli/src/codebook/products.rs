//! Every product-version of the runtime's product enums
//! (`tencent_errors::products`, feature `all-products`), behind one
//! non-generic interface: the generated enums differ in type, so each gets a
//! few functions, written once here by a macro; `build.rs` lists them.

use tencent_errors::{CommonCode, RetryClass};

use super::{Entry, Inherited, Origin};

/// One API version of one product.
#[derive(Debug)]
pub struct ProductVersion {
    /// The product (`cvm`), the SDKs' folder name.
    pub product: &'static str,
    /// The API version (`v20170312`).
    pub version: &'static str,
    /// The codes it defines or redefines (not those it only inherits from
    /// the common codes), in the enum's order.
    pub entries: fn() -> Vec<Entry>,
    /// Every code its enum lists, the common codes included.
    pub codes: fn() -> Vec<&'static str>,
    /// Its own definition of exactly this code.
    pub lookup: fn(&str) -> Option<Entry>,
    /// What a code it does not list inherits in it.
    pub inherited: fn(&str) -> Inherited,
    /// The actions that may return this code, in name order.
    pub actions_returning: fn(&str) -> Vec<&'static str>,
}

/// Whether a code of a product enum is the product's own: not a common
/// code, or one the product redefines (its own description or class).
fn is_own(
    code: &str,
    description: Option<&str>,
    description_zh: Option<&str>,
    retry: RetryClass,
) -> bool {
    let common = CommonCode::from_code(code);
    !common.is_known()
        || common.description() != description
        || common.description_zh() != description_zh
        || common.retry_class() != retry
}

macro_rules! product_versions {
    ($(($product:literal, $version:literal, $($path:ident)::+)),* $(,)?) => {
        /// Every product-version, sorted by product, then version (oldest first).
        pub static PRODUCT_VERSIONS: &[ProductVersion] = &[$({
            use tencent_errors::products::$($path)::+ as Code;

            fn entry(code: &'static Code) -> Entry {
                Entry {
                    origin: Origin::Product { product: $product, version: $version },
                    code: code.as_str(),
                    description: code.description(),
                    description_zh: code.description_zh(),
                    retry: code.retry_class(),
                    deprecated: code.is_deprecated(),
                }
            }

            fn own(code: &Code) -> bool {
                is_own(code.as_str(), code.description(), code.description_zh(), code.retry_class())
            }

            /// The `'static` variant equal to `code`, a known code.
            fn listed(code: &Code) -> Option<&'static Code> {
                Code::ALL.iter().find(|known| *known == code)
            }

            ProductVersion {
                product: $product,
                version: $version,
                entries: || Code::ALL.iter().filter(|code| own(code)).map(entry).collect(),
                codes: || Code::ALL.iter().map(Code::as_str).collect(),
                lookup: |code| {
                    let decoded = Code::from_code(code);
                    if !decoded.is_known() || !own(&decoded) {
                        return None;
                    }
                    listed(&decoded).map(entry)
                },
                inherited: |code| {
                    let decoded = Code::from_code(code);
                    Inherited {
                        retry: decoded.retry_class(),
                        ancestor: decoded.parent().as_ref().and_then(listed).map(entry),
                    }
                },
                actions_returning: |code| {
                    Code::from_code(code).returned_by().map(|action| action.name()).collect()
                },
            }
        }),*];
    };
}

include!(concat!(env!("OUT_DIR"), "/product_versions.rs"));
