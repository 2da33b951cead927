//! Procedural macros of [`tencent-errors`](https://docs.rs/tencent-errors):
//! use them through that crate, which re-exports them.
//!
//! This crate is a shim: parsing codes.toml files, checking them and
//! generating code happen in `tencent-errors-core`, a plain library that
//! tests, fuzz targets and the command-line tool call without rustc.

use std::path::PathBuf;

use proc_macro::TokenStream;
use tencent_errors_core::load::BuiltinLayers;

/// Generates an error-code enum from a codes.toml file.
///
/// See the `tencent-errors` crate for the full documentation.
#[proc_macro]
pub fn error_codes(input: TokenStream) -> TokenStream {
    tencent_errors_core::error_codes_with(input.into(), &manifest_dir(), builtins()).into()
}

/// Implements `TencentError` and its companions for an enum of your own.
///
/// See the `tencent-errors` crate for the full documentation.
#[proc_macro_derive(TencentError, attributes(tencent))]
pub fn derive_tencent_error(input: TokenStream) -> TokenStream {
    tencent_errors_core::derive_tencent_error_with(input.into(), &manifest_dir(), builtins()).into()
}

/// The module of one product of the catalogue: its enums, one per API
/// version, and their action tables. `tencent_errors::products` invokes it
/// once per enabled product feature; not for use elsewhere.
#[cfg(feature = "catalogue")]
#[doc(hidden)]
#[proc_macro]
pub fn __product(input: TokenStream) -> TokenStream {
    // `product, "feature"`
    let text = input.to_string();
    let (product, feature) = text.split_once(',').unwrap_or((&text, ""));
    let feature = feature.trim().trim_matches('"');
    tencent_errors_catalogue::emit::product_module(product.trim(), feature, catalogue()).into()
}

/// Where codes.toml paths start: the directory of the calling crate's Cargo.toml.
fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// The layers `extends = ["tencent-errors/PRODUCT"]` names: the shipped
/// catalogue with the `catalogue` feature, read once per compilation.
#[cfg(feature = "catalogue")]
fn builtins() -> &'static dyn BuiltinLayers {
    catalogue()
}

/// The shipped catalogue, read once per compilation.
#[cfg(feature = "catalogue")]
fn catalogue() -> &'static tencent_errors_catalogue::layers::CatalogueLayers {
    use tencent_errors_catalogue::layers::CatalogueLayers;
    static LAYERS: std::sync::OnceLock<CatalogueLayers> = std::sync::OnceLock::new();
    LAYERS.get_or_init(CatalogueLayers::shipped)
}

/// Without the `catalogue` feature, only the common codes are built in.
#[cfg(not(feature = "catalogue"))]
fn builtins() -> &'static dyn BuiltinLayers {
    &tencent_errors_core::load::NoBuiltinLayers
}
