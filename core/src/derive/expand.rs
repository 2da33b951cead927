//! Code generation for `#[derive(TencentError)]`: the same table-driven
//! shape as `error_codes!` (a perfect hash from string to index, static
//! tables by index), with one `match` from index to variant and back, since
//! a user's enum has no layout to lean on.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::spanned::Spanned;
use syn::Fields;

use super::attr::{Enum, Variant};
use super::valid::Resolved;
use tencent_errors_table::build::TableBytes;

use crate::expand::{code_table, texts, track_files};

fn private() -> TokenStream {
    quote!(::tencent_errors::__private)
}

/// `Self::V`, `Self::V(Default::default())` or `Self::V { f: Default::default() }`.
fn construct(variant: &Variant<'_>) -> TokenStream {
    let ident = variant.ident;
    match variant.fields {
        Fields::Unit => quote!(Self::#ident),
        Fields::Unnamed(fields) => {
            let defaults = fields
                .unnamed
                .iter()
                .map(|_| quote!(::core::default::Default::default()));
            quote!(Self::#ident(#(#defaults),*))
        }
        Fields::Named(fields) => {
            let names = fields.named.iter().map(|field| &field.ident);
            quote!(Self::#ident { #(#names: ::core::default::Default::default()),* })
        }
    }
}

/// A pattern matching any value of the variant.
fn pattern(variant: &Variant<'_>) -> TokenStream {
    let ident = variant.ident;
    match variant.fields {
        Fields::Unit => quote!(Self::#ident),
        Fields::Unnamed(_) => quote!(Self::#ident(..)),
        Fields::Named(_) => quote!(Self::#ident { .. }),
    }
}

/// A pattern binding the single field of the `other` variant to `code`.
fn bind_other(variant: &Variant<'_>) -> TokenStream {
    let ident = variant.ident;
    match variant.fields {
        Fields::Named(fields) => {
            let name = &fields.named[0].ident;
            quote!(Self::#ident { #name: code })
        }
        _ => quote!(Self::#ident(code)),
    }
}

/// The whole expansion for a valid enum.
pub fn expand(input: &Enum<'_>, resolved: &Resolved<'_>) -> TokenStream {
    let private = private();
    let ident = &input.input.ident;
    let codes: Vec<&str> = resolved
        .codes
        .iter()
        .map(|coded| coded.code.as_str())
        .collect();
    let description_texts = texts(
        resolved
            .codes
            .iter()
            .map(|coded| coded.description.as_deref().unwrap_or("")),
    );
    let retry: Vec<u8> = resolved
        .codes
        .iter()
        .map(|coded| coded.retry.table_byte())
        .collect();
    let table = code_table(TableBytes::build(
        &codes,
        codes.len(),
        &retry,
        &vec![None; codes.len()],
    ));
    let tracking = track_files(&resolved.files);

    let indices: Vec<proc_macro2::Literal> = (0..codes.len())
        .map(|index| proc_macro2::Literal::u16_unsuffixed(index as u16))
        .collect();
    let constructors = resolved.codes.iter().map(|coded| construct(coded.variant));
    let patterns = resolved.codes.iter().map(|coded| pattern(coded.variant));

    let mut generics = input.input.generics.clone();
    {
        let where_clause = generics.make_where_clause();
        for coded in &resolved.codes {
            for field in coded.variant.fields {
                let ty = &field.ty;
                where_clause
                    .predicates
                    .push(syn::parse_quote_spanned!(ty.span()=> #ty: ::core::default::Default));
            }
        }
        if let Some(other) = &resolved.other {
            let ty = other.ty;
            where_clause
                .predicates
                .push(syn::parse_quote_spanned!(ty.span()=> #ty: #private::OtherCode));
        }
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();

    let other_pattern = resolved
        .other
        .as_ref()
        .map(|other| bind_other(other.variant));
    let (from_code, from_code_type, trait_from_code, other_arms) = match &resolved.other {
        Some(other) => {
            let other_ident = other.variant.ident;
            let ty = other.ty;
            let keep = match other.variant.fields {
                Fields::Named(fields) => {
                    let name = &fields.named[0].ident;
                    quote!(Self::#other_ident { #name: <#ty as #private::OtherCode>::from_code(code) })
                }
                _ => quote!(Self::#other_ident(<#ty as #private::OtherCode>::from_code(code))),
            };
            (
                quote! {
                    match TABLE.lookup_code(code).and_then(Self::__tencent_from_index) {
                        ::core::option::Option::Some(known) => known,
                        ::core::option::Option::None => #keep,
                    }
                },
                quote!(Self),
                quote!(::core::option::Option::Some(Self::from_code(code))),
                Some(quote! {
                    #other_pattern => return (
                        #private::OtherCode::code_str(code),
                        #private::OtherCode::description(code),
                        #private::OtherCode::retry_class(code),
                    ),
                }),
            )
        }
        None => (
            quote!(TABLE.lookup_code(code).and_then(Self::__tencent_from_index)),
            quote!(::core::option::Option<Self>),
            quote!(Self::from_code(code)),
            None,
        ),
    };
    let from_code_doc = if resolved.other.is_some() {
        "Decodes a wire code. Never fails: codes no variant names go to the `other` variant."
    } else {
        "Decodes a wire code; `None` for a code no variant names."
    };
    let (from_str_error, from_str_body, from_str_ref) = match &resolved.other {
        Some(_) => (
            quote!(::core::convert::Infallible),
            quote!(::core::result::Result::Ok(Self::from_code(code))),
            Some(quote! {
                #[automatically_derived]
                impl #impl_generics ::core::convert::From<&str> for #ident #ty_generics #where_clause {
                    #[inline]
                    fn from(code: &str) -> Self {
                        Self::from_code(code)
                    }
                }
            }),
        ),
        None => (
            quote!(::tencent_errors::UnrecognizedCode),
            quote!(
                Self::from_code(code).ok_or_else(|| ::tencent_errors::UnrecognizedCode::new(code))
            ),
            None,
        ),
    };
    let display = input.display.then(|| {
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(self.as_str())
                }
            }
        }
    });
    let serde = input.serde.then(|| {
        let mut with_de = generics.clone();
        with_de.params.insert(0, syn::parse_quote!('de));
        let (impl_generics_de, _, _) = with_de.split_for_impl();
        let deserialize = if resolved.other.is_some() {
            quote!(#private::deserialize_code(deserializer, Self::from_code))
        } else {
            quote!(#private::deserialize_closed_code(deserializer, Self::from_code))
        };
        quote! {
            #[automatically_derived]
            impl #impl_generics #private::serde::Serialize for #ident #ty_generics #where_clause {
                fn serialize<S: #private::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }

            #[automatically_derived]
            impl #impl_generics_de #private::serde::Deserialize<'de> for #ident #ty_generics #where_clause {
                fn deserialize<D: #private::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                    #deserialize
                }
            }
        }
    });
    let index_fn = format_ident!("__tencent_index");
    // Without code variants, a `match` of only a diverging arm would warn
    // (unreachable call) under `-D warnings`.
    let from_index_body = if resolved.codes.is_empty() {
        quote! {
            let _ = index;
            ::core::option::Option::None
        }
    } else {
        quote! {
            ::core::option::Option::Some(match index {
                #(#indices => #constructors,)*
                _ => return ::core::option::Option::None,
            })
        }
    };

    quote! {
        #[doc(hidden)]
        const _: () = {
            #tracking

            static TABLE: #private::CodeTable<'static> = #table;
            static DESCRIPTIONS: #private::Texts<'static> = #description_texts;

            impl #impl_generics #ident #ty_generics #where_clause {
                #[inline]
                fn __tencent_from_index(index: u16) -> ::core::option::Option<Self> {
                    #from_index_body
                }

                #[inline]
                fn #index_fn(&self) -> u16 {
                    #[allow(unreachable_patterns)]
                    match self {
                        #(#patterns => #indices,)*
                        _ => u16::MAX,
                    }
                }

                /// The code, its description and its retry class.
                #[inline]
                fn __tencent_metadata(&self) -> (&str, ::core::option::Option<&'static str>, ::tencent_errors::RetryClass) {
                    #[allow(unreachable_patterns)]
                    match self {
                        #other_arms
                        _ => {}
                    }
                    let index = self.#index_fn();
                    (
                        TABLE.code(index),
                        DESCRIPTIONS.get(index).filter(|text| !text.is_empty()),
                        #private::retry_class(&TABLE, index),
                    )
                }

                #[doc = #from_code_doc]
                #[inline]
                pub fn from_code(code: &str) -> #from_code_type {
                    #from_code
                }

                /// The code exactly as on the wire.
                #[inline]
                pub fn as_str(&self) -> &str {
                    self.__tencent_metadata().0
                }

                /// The code's description: the variant's doc comment, else codes.toml's.
                #[inline]
                pub fn description(&self) -> ::core::option::Option<&'static str> {
                    self.__tencent_metadata().1
                }

                /// How a request that failed with this code may be retried.
                #[inline]
                pub fn retry_class(&self) -> ::tencent_errors::RetryClass {
                    self.__tencent_metadata().2
                }
            }

            #[automatically_derived]
            impl #impl_generics ::tencent_errors::TencentError for #ident #ty_generics #where_clause {
                #[inline]
                fn from_code(code: &str) -> ::core::option::Option<Self> {
                    #trait_from_code
                }

                #[inline]
                fn as_str(&self) -> &str {
                    Self::as_str(self)
                }

                #[inline]
                fn description(&self) -> ::core::option::Option<&'static str> {
                    Self::description(self)
                }

                #[inline]
                fn retry_class(&self) -> ::tencent_errors::RetryClass {
                    Self::retry_class(self)
                }
            }

            #[automatically_derived]
            impl #impl_generics ::core::str::FromStr for #ident #ty_generics #where_clause {
                type Err = #from_str_error;

                #[inline]
                fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                    #from_str_body
                }
            }

            #from_str_ref
            #display
            #serde
        };
    }
}

/// What an enum with errors still gets: the methods and the trait, with
/// bodies that never run (the build fails anyway), so that uses of them do
/// not add errors of their own.
pub fn fallback(input: &Enum<'_>) -> TokenStream {
    let ident = &input.input.ident;
    let (impl_generics, ty_generics, where_clause) = input.input.generics.split_for_impl();
    let has_other = input.variants.iter().any(|variant| variant.other.is_some());
    let from_code_type = if has_other {
        quote!(Self)
    } else {
        quote!(::core::option::Option<Self>)
    };
    quote! {
        impl #impl_generics #ident #ty_generics #where_clause {
            /// Decodes a wire code.
            pub fn from_code(_code: &str) -> #from_code_type {
                ::core::unreachable!()
            }
            /// The code.
            pub fn as_str(&self) -> &str {
                ::core::unreachable!()
            }
            /// The description.
            pub fn description(&self) -> ::core::option::Option<&'static str> {
                ::core::unreachable!()
            }
            /// The retry class.
            pub fn retry_class(&self) -> ::tencent_errors::RetryClass {
                ::core::unreachable!()
            }
        }

        impl #impl_generics ::tencent_errors::TencentError for #ident #ty_generics #where_clause {
            fn from_code(_code: &str) -> ::core::option::Option<Self> {
                ::core::unreachable!()
            }
            fn as_str(&self) -> &str {
                ::core::unreachable!()
            }
            fn description(&self) -> ::core::option::Option<&'static str> {
                ::core::unreachable!()
            }
            fn retry_class(&self) -> ::tencent_errors::RetryClass {
                ::core::unreachable!()
            }
        }
    }
}
