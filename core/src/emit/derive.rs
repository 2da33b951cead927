//! `#[derive(TencentError)]`: the data of the user's enum and the thin
//! impls of [`super`], with one `match` from index to variant and one back,
//! since a user's enum has no layout to lean on.
//!
//! A service has hundreds of such enums, so each is kept to as few items as
//! its API allows: the data in `CodeEnum`'s constants (no statics), bounds
//! only where they can fail, and every body one call.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::spanned::Spanned;
use syn::Fields;
use tencent_errors_table::build::{DescriptionsBytes, TableBytes};

use super::{
    code_enum_impl, display_impl, from_str_impls, methods, private, serde_impls, track_files,
    CodeEnumBodies, Data, Target,
};
use crate::derive::attr::{Enum, Variant};
use crate::derive::check::Checked;

/// The whole expansion for a checked enum.
pub fn expand(input: &Enum<'_>, checked: &Checked<'_>) -> TokenStream {
    let private = private();
    let ident = &input.input.ident;
    let codes: Vec<&str> = checked
        .codes
        .iter()
        .map(|coded| coded.code.as_str())
        .collect();
    let retry: Vec<u8> = checked
        .codes
        .iter()
        .map(|coded| coded.retry.table_byte())
        .collect();
    let table = TableBytes::build(&codes, codes.len(), &retry, &vec![None; codes.len()]);
    let descriptions = DescriptionsBytes::new(
        checked
            .codes
            .iter()
            .map(|coded| (coded.description.as_deref().unwrap_or(""), None, false)),
    );
    let data = Data::new(table, &descriptions).consts();
    let tracking = track_files(&checked.files);

    let mut generics = input.input.generics.clone();
    {
        let where_clause = generics.make_where_clause();
        for coded in &checked.codes {
            for field in coded.variant.fields {
                let ty = &field.ty;
                where_clause
                    .predicates
                    .push(syn::parse_quote_spanned!(ty.span()=> #ty: ::core::default::Default));
            }
        }
        if let Some(other) = checked
            .other
            .as_ref()
            .filter(|other| !keeps_codes(other.ty))
        {
            let ty = other.ty;
            where_clause
                .predicates
                .push(syn::parse_quote_spanned!(ty.span()=> #ty: #private::OtherCode));
        }
    }
    let target = Target {
        ident,
        generics: &generics,
    };

    let indices: Vec<Literal> = (0..codes.len())
        .map(|index| Literal::u16_unsuffixed(index as u16))
        .collect();
    let patterns = checked
        .codes
        .iter()
        .map(|coded| pattern(ident, coded.variant));
    let constructors = checked
        .codes
        .iter()
        .map(|coded| construct(ident, coded.variant));
    let other_arm = checked.other.as_ref().map(|other| {
        let bind = bind_other(ident, other.variant);
        quote!(#bind => ::core::result::Result::Err(code),)
    });
    let index = if checked.codes.is_empty() && checked.other.is_none() {
        quote!(match *self {})
    } else {
        quote! {
            match self {
                #(#patterns => ::core::result::Result::Ok(#indices),)*
                #other_arm
            }
        }
    };
    // Without code variants, a `match` of only a diverging arm would warn
    // (unreachable call) under `-D warnings`.
    let from_index = if checked.codes.is_empty() {
        quote! {
            let _ = index;
            ::core::option::Option::None
        }
    } else {
        quote! {
            match index {
                #(#indices => ::core::option::Option::Some(#constructors),)*
                _ => ::core::option::Option::None,
            }
        }
    };
    let (other, from_other) = match &checked.other {
        Some(other) => {
            let ty = other.ty;
            (quote!(#ty), keep_other(ident, other.variant))
        }
        None => (quote!(#private::Closed), quote!(match other {})),
    };
    let code_enum = code_enum_impl(
        &target,
        CodeEnumBodies {
            data,
            other,
            index,
            from_index,
            from_other,
        },
    );
    let keeps_every_code = checked.other.is_some();
    let methods = methods(&target, keeps_every_code, TokenStream::new());
    let from_str = from_str_impls(&target, keeps_every_code);
    let display = input.display.then(|| display_impl(&target));
    let serde = input.serde.then(|| serde_impls(&target));

    quote! {
        #[doc(hidden)]
        const _: () = {
            #tracking
            #code_enum
            #methods
            #from_str
            #display
            #serde
        };
    }
}

/// What an enum with errors still gets: the methods and `TencentError`
/// (through `CodeEnum`), with bodies that never run (the build fails
/// anyway), so that uses of them do not add errors of their own.
pub fn fallback(input: &Enum<'_>) -> TokenStream {
    let private = private();
    let target = Target {
        ident: &input.input.ident,
        generics: &input.input.generics,
    };
    let keeps_every_code = input.variants.iter().any(|variant| variant.other.is_some());
    let other = match keeps_every_code {
        true => quote!(::std::string::String),
        false => quote!(#private::Closed),
    };
    let unreachable = quote!(::core::unreachable!());
    let code_enum = code_enum_impl(
        &target,
        CodeEnumBodies {
            data: Data::new(
                TableBytes::build(&[], 0, &[], &[]),
                &DescriptionsBytes::default(),
            )
            .consts(),
            other,
            index: unreachable.clone(),
            from_index: unreachable.clone(),
            from_other: unreachable,
        },
    );
    let methods = methods(&target, keeps_every_code, TokenStream::new());
    quote! {
        #[doc(hidden)]
        const _: () = {
            #code_enum
            #methods
        };
    }
}

/// Whether `ty` is `String` or `Box<str>`, which keep any code. Their
/// bound `ty: OtherCode`, which rustc proves again on every impl (a tenth
/// of the build of a crate of such enums), cannot fail and is left out;
/// for other types it stays, so that should it fail, rustc reports it once
/// and not again at each use in the impls. (A type of the user's own named
/// `String` that keeps no codes then gets those further errors too.)
fn keeps_codes(ty: &syn::Type) -> bool {
    let text = quote!(#ty).to_string().replace(' ', "");
    matches!(
        text.trim_start_matches("::"),
        "String"
            | "std::string::String"
            | "alloc::string::String"
            | "Box<str>"
            | "std::boxed::Box<str>"
            | "alloc::boxed::Box<str>"
    )
}

/// `E::V`, `E::V(Default::default())` or `E::V { f: Default::default() }`.
fn construct(ident: &syn::Ident, variant: &Variant<'_>) -> TokenStream {
    let name = variant.ident;
    match variant.fields {
        Fields::Unit => quote!(#ident::#name),
        Fields::Unnamed(fields) => {
            let defaults = fields
                .unnamed
                .iter()
                .map(|_| quote!(::core::default::Default::default()));
            quote!(#ident::#name(#(#defaults),*))
        }
        Fields::Named(fields) => {
            let names = fields.named.iter().map(|field| &field.ident);
            quote!(#ident::#name { #(#names: ::core::default::Default::default()),* })
        }
    }
}

/// A pattern matching any value of the variant.
fn pattern(ident: &syn::Ident, variant: &Variant<'_>) -> TokenStream {
    let name = variant.ident;
    match variant.fields {
        Fields::Unit => quote!(#ident::#name),
        Fields::Unnamed(_) => quote!(#ident::#name(..)),
        Fields::Named(_) => quote!(#ident::#name { .. }),
    }
}

/// A pattern binding the single field of the `other` variant to `code`.
fn bind_other(ident: &syn::Ident, variant: &Variant<'_>) -> TokenStream {
    let name = variant.ident;
    match variant.fields {
        Fields::Named(fields) => {
            let field = &fields.named[0].ident;
            quote!(#ident::#name { #field: code })
        }
        _ => quote!(#ident::#name(code)),
    }
}

/// The `other` variant holding `other`.
fn keep_other(ident: &syn::Ident, variant: &Variant<'_>) -> TokenStream {
    let name = variant.ident;
    match variant.fields {
        Fields::Named(fields) => {
            let field = &fields.named[0].ident;
            quote!(#ident::#name { #field: other })
        }
        _ => quote!(#ident::#name(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_string_and_boxed_str_go_without_a_bound() {
        for keeps in [
            "String",
            "::std::string::String",
            "alloc::string::String",
            "Box<str>",
            "std::boxed::Box<str>",
        ] {
            assert!(keeps_codes(&syn::parse_str(keeps).unwrap()), "{keeps}");
        }
        for other in [
            "CommonCode",
            "u32",
            "T",
            "Box<String>",
            "my::String",
            "Box<str, A>",
            "std::string::String<u8>",
        ] {
            assert!(!keeps_codes(&syn::parse_str(other).unwrap()), "{other}");
        }
    }
}
