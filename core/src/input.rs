//! The input of `error_codes!`: `#[attrs] vis enum Name from "path";`.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, LitStr, Token, Visibility};

mod keyword {
    syn::custom_keyword!(from);
}

/// One `error_codes!` invocation.
pub struct ErrorCodesInput {
    /// Attributes to put on the enum (docs, extra derives).
    pub attrs: Vec<Attribute>,
    /// The enum's visibility.
    pub vis: Visibility,
    /// The enum's name.
    pub ident: Ident,
    /// The codes.toml path, relative to the crate root.
    pub path: LitStr,
}

impl Parse for ErrorCodesInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis = input.parse()?;
        input.parse::<Token![enum]>()?;
        let ident = input.parse()?;
        input.parse::<keyword::from>().map_err(|error| {
            syn::Error::new(
                error.span(),
                "expected `from \"path/to/codes.toml\"` after the enum name",
            )
        })?;
        let path = input.parse()?;
        input.parse::<Token![;]>()?;
        if !input.is_empty() {
            return Err(input.error("expected one enum per `error_codes!`"));
        }
        Ok(ErrorCodesInput {
            attrs,
            vis,
            ident,
            path,
        })
    }
}

impl ErrorCodesInput {
    /// The attributes as tokens.
    pub fn attr_tokens(&self) -> TokenStream {
        self.attrs.iter().map(ToTokens::to_token_stream).collect()
    }
}
