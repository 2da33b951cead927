//! Procedural macros of [`tencent-errors`](https://docs.rs/tencent-errors):
//! use them through that crate, which re-exports them.
//!
//! The `#[proc_macro]` functions are shims. The codes.toml schema
//! (`schema`), the checks across codes (`validate`), the naming rule
//! (`naming`), the perfect hash (`phf`) and code generation (`expand`) are
//! plain modules that tests call without rustc.

mod derive;
mod diagnostic;
mod expand;
mod input;
mod load;
mod naming;
mod phf;
mod schema;
mod validate;

use proc_macro::TokenStream;
use proc_macro2::Span;
use quote::{quote, ToTokens};

/// Generates an error-code enum from a codes.toml file.
///
/// See the `tencent-errors` crate for the full documentation.
#[proc_macro]
pub fn error_codes(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as input::ErrorCodesInput);
    error_codes_impl(&input).into()
}

/// Implements `TencentError` and its companions for an enum of your own.
///
/// See the `tencent-errors` crate for the full documentation.
#[proc_macro_derive(TencentError, attributes(tencent))]
pub fn derive_tencent_error(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    derive::derive(&input, std::path::Path::new(&manifest_dir)).into()
}

fn error_codes_impl(input: &input::ErrorCodesInput) -> proc_macro2::TokenStream {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut diagnostics = diagnostic::Diagnostics::default();
    let loaded = load::load(
        std::path::Path::new(&manifest_dir),
        &input.path.value(),
        &mut diagnostics,
    );
    let errors = diagnostics.into_vec();
    let files = loaded.files();
    let extends_common = loaded.extends_builtin();
    // On error, still generate the enum from what is valid, so that one bad
    // table does not turn every use of the enum into a further error.
    let set = if errors.is_empty() {
        loaded.set.clone()
    } else {
        validate::usable_subset(&loaded.set)
    };
    let spec = expand::EnumSpec {
        attrs: input.attr_tokens(),
        vis: input.vis.to_token_stream(),
        ident: input.ident.clone(),
        set: &set,
        files: &files,
        extends_common,
    };
    let expansion = expand::expand(&spec);
    let compile_errors = errors
        .iter()
        .map(|error| compile_error(&error.to_string(), input.path.span()));
    quote! { #(#compile_errors)* #expansion }
}

fn compile_error(message: &str, span: Span) -> proc_macro2::TokenStream {
    syn::Error::new(span, message).to_compile_error()
}
