//! The build side of [`tencent-errors`](https://docs.rs/tencent-errors): the
//! codes.toml schema, the loading and merging of layers, the checks, the
//! variant naming rule and code generation for `error_codes!` and
//! `#[derive(TencentError)]`.
//!
//! A plain library, with no `proc_macro` types: `tencent-errors-macros` is a
//! shim over [`error_codes`] and [`derive_tencent_error`], and tests, fuzz
//! targets and the command-line tool call the same pipeline directly. Data
//! flows one way, each module using only those before it:
//!
//! ```text
//! schema (parse) -> load (layers) -> merge -> check (the checked set) -> emit
//!                                               cache (checked sets, reused)
//! derive::attr (parse) -> derive::check (against a cached set) -----------^
//! ```
//!
//! ```
//! use std::path::Path;
//!
//! let input: proc_macro2::TokenStream = quote::quote! {
//!     pub enum Codes from "codes/does_not_exist.toml";
//! };
//! let expansion = tencent_errors_core::error_codes(input, Path::new("/nowhere")).to_string();
//! assert!(expansion.contains("compile_error"));
//! assert!(expansion.contains("cannot read `codes/does_not_exist.toml`"));
//! ```

pub mod cache;
pub mod check;
pub mod derive;
pub mod diagnostic;
pub mod emit;
pub mod input;
pub mod load;
pub mod merge;
pub mod naming;
pub mod schema;

use std::path::Path;

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use diagnostic::Diagnostics;
pub use load::{BuiltinLayer, BuiltinLayers, NoBuiltinLayers};

/// The expansion of `error_codes! { ... }` for the tokens inside the
/// braces; codes.toml paths start at `manifest_dir`. Errors become
/// `compile_error!` invocations beside what could still be generated.
pub fn error_codes(input: TokenStream, manifest_dir: &Path) -> TokenStream {
    error_codes_with(input, manifest_dir, &NoBuiltinLayers)
}

/// [`error_codes`], with the built-in layers of `builtins` available to
/// `extends` (`"tencent-errors/PRODUCT/VERSION"`).
pub fn error_codes_with(
    input: TokenStream,
    manifest_dir: &Path,
    builtins: &dyn BuiltinLayers,
) -> TokenStream {
    let input = match syn::parse2::<input::ErrorCodesInput>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let mut diagnostics = Diagnostics::default();
    let layers = load::load_with(
        manifest_dir,
        &input.path.value(),
        builtins,
        &mut diagnostics,
    );
    let set = check::code_set(&layers, &mut diagnostics);
    // On error, still generate the enum from what is valid, so that one bad
    // table does not turn every use of the enum into a further error.
    let set = if diagnostics.is_empty() {
        set
    } else {
        check::usable_subset(set)
    };
    let files = layers.files();
    let spec = emit::error_codes::EnumSpec {
        attrs: input.attr_tokens(),
        vis: input.vis.to_token_stream(),
        ident: input.ident.clone(),
        set: &set,
        files: &files,
        extends_common: layers.extends_builtin(),
        variant_docs: emit::error_codes::VariantDocs::Full,
        more_methods: proc_macro2::TokenStream::new(),
    };
    let expansion = emit::error_codes::expand(&spec);
    let errors = diagnostics.to_compile_errors(input.path.span());
    quote! { #errors #expansion }
}

/// The expansion of `#[derive(TencentError)]` on the item `input`;
/// `codes = "..."` paths start at `manifest_dir`.
pub fn derive_tencent_error(input: TokenStream, manifest_dir: &Path) -> TokenStream {
    derive_tencent_error_with(input, manifest_dir, &NoBuiltinLayers)
}

/// [`derive_tencent_error`], with the built-in layers of `builtins`
/// available to the `extends` of a `codes = "..."` file.
pub fn derive_tencent_error_with(
    input: TokenStream,
    manifest_dir: &Path,
    builtins: &dyn BuiltinLayers,
) -> TokenStream {
    let input = match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let mut diagnostics = Diagnostics::default();
    let Some(parsed) = derive::attr::parse(&input, &mut diagnostics) else {
        return diagnostics.to_compile_errors(input.ident.span());
    };
    let checked = derive::check::check(&parsed, manifest_dir, builtins, &mut diagnostics);
    if diagnostics.is_empty() {
        emit::derive::expand(&parsed, &checked)
    } else {
        let errors = diagnostics.to_compile_errors(input.ident.span());
        let fallback = emit::derive::fallback(&parsed);
        quote!(#errors #fallback)
    }
}
