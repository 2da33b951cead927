//! `#[derive(TencentError)]`: parse the attributes (`attr`), check them
//! (`valid`), generate (`expand`).

mod action;
mod attr;
mod expand;
mod valid;

use std::path::Path;

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::load::BuiltinLayers;

/// The expansion of `#[derive(TencentError)]` on `input`, with every error
/// found; `manifest_dir` is where `codes = "..."` paths start.
pub fn derive(
    input: &DeriveInput,
    manifest_dir: &Path,
    builtins: &dyn BuiltinLayers,
) -> TokenStream {
    let mut errors = attr::Errors::default();
    let Some(parsed) = attr::parse(input, &mut errors) else {
        return errors.to_compile_errors();
    };
    let resolved = valid::check(&parsed, manifest_dir, builtins, &mut errors);
    if errors.is_empty() {
        expand::expand(&parsed, &resolved)
    } else {
        let compile_errors = errors.to_compile_errors();
        let fallback = expand::fallback(&parsed);
        quote::quote!(#compile_errors #fallback)
    }
}
