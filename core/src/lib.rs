//! The build side of [`tencent-errors`](https://docs.rs/tencent-errors): the
//! codes.toml schema, the loading and merging of layers, the checks, the
//! variant naming rule, the perfect-hash builder and code generation for
//! `error_codes!` and `#[derive(TencentError)]`.
//!
//! A plain library, with no `proc_macro` types: `tencent-errors-macros` is a
//! shim over [`error_codes`] and [`derive_tencent_error`], and tests, fuzz
//! targets and the command-line tool call the same pipeline directly.
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

pub mod check;
pub mod derive;
pub mod diagnostic;
pub mod expand;
pub mod input;
pub mod load;
pub mod merge;
pub mod naming;
pub mod schema;

use std::path::Path;

use proc_macro2::{Span, TokenStream};

pub use load::{BuiltinLayer, BuiltinLayers, NoBuiltinLayers};
use quote::{quote, ToTokens};

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
    match syn::parse2::<input::ErrorCodesInput>(input) {
        Ok(input) => error_codes_impl(&input, manifest_dir, builtins),
        Err(error) => error.to_compile_error(),
    }
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
    match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => derive::derive(&input, manifest_dir, builtins),
        Err(error) => error.to_compile_error(),
    }
}

fn error_codes_impl(
    input: &input::ErrorCodesInput,
    manifest_dir: &Path,
    builtins: &dyn BuiltinLayers,
) -> TokenStream {
    let mut diagnostics = diagnostic::Diagnostics::default();
    let layers = load::load_with(
        manifest_dir,
        &input.path.value(),
        builtins,
        &mut diagnostics,
    );
    let set = check::code_set(&layers, &mut diagnostics);
    let errors = diagnostics.into_vec();
    let files = layers.files();
    let extends_common = layers.extends_builtin();
    // On error, still generate the enum from what is valid, so that one bad
    // table does not turn every use of the enum into a further error.
    let set = if errors.is_empty() {
        set
    } else {
        check::usable_subset(set)
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

fn compile_error(message: &str, span: Span) -> TokenStream {
    syn::Error::new(span, message).to_compile_error()
}
