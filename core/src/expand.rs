//! Code generation for `error_codes!`: one enum of unit variants plus
//! `Other`, and static tables that every method reads by discriminant.
//!
//! Nothing is generated per variant but the variant itself and its entry in
//! `ALL`: no per-variant `match` arms, no per-variant derives. That keeps an
//! enum of 12,388 codes to about a second of release build.

use std::path::PathBuf;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};
use tencent_errors_table::build::{u16_bytes, BuildError, TableBytes, TextsBytes};

use crate::check::CodeSet;
use crate::naming;

/// What `error_codes!` generates from.
pub struct EnumSpec<'a> {
    /// Attributes to put on the enum.
    pub attrs: TokenStream,
    /// The enum's visibility.
    pub vis: TokenStream,
    /// The enum's name.
    pub ident: Ident,
    /// The codes (already validated).
    pub set: &'a CodeSet,
    /// Files to track for rebuilds.
    pub files: &'a [PathBuf],
    /// Whether the codes include the common ones (`extends = ["tencent-errors"]`):
    /// then conversions to and from `CommonCode` are generated.
    pub extends_common: bool,
}

/// The static tables of a code set, as the runtime's statics hold them.
pub struct Tables {
    /// `CodeTable { .. }` as an expression.
    pub table: TokenStream,
    /// `Texts { .. }` of the descriptions (English, else Chinese).
    pub descriptions: TokenStream,
    /// `Texts { .. }` of the Chinese descriptions (empty where none).
    pub descriptions_zh: TokenStream,
    /// Little-endian `u16` indices, ascending, of the deprecated codes.
    pub deprecated: Literal,
    /// `&[(index, "Name")]` of the variant names that the naming rule would
    /// not give.
    pub name_overrides: TokenStream,
}

/// Builds the statics: codes then categories, with retry bytes, parents and
/// the perfect hash; descriptions; explicit variant names.
pub fn tables(set: &CodeSet) -> Tables {
    let descriptions = texts(set.codes.iter().map(|code| code.description.as_str()));
    let descriptions_zh = if set.codes.iter().any(|code| code.description_zh.is_some()) {
        texts(
            set.codes
                .iter()
                .map(|code| code.description_zh.as_deref().unwrap_or("")),
        )
    } else {
        texts(std::iter::empty())
    };
    let deprecated = u16_literal(
        set.codes
            .iter()
            .enumerate()
            .filter(|(_, code)| code.deprecated.is_some())
            .map(|(index, _)| index as u16),
    );
    let overrides = set
        .codes
        .iter()
        .enumerate()
        .filter(|(_, code)| code.variant != naming::variant_name(&code.code))
        .map(|(index, code)| {
            let index = Literal::u16_unsuffixed(index as u16);
            let name = Literal::string(&code.variant);
            quote!((#index, #name))
        });
    Tables {
        table: code_table(table_bytes(set)),
        descriptions,
        descriptions_zh,
        deprecated,
        name_overrides: quote!(&[#(#overrides),*]),
    }
}

/// The table of a code set, as `tencent-errors-table` lays it out: codes,
/// then categories, with retry bytes, parents and the perfect hash.
pub fn table_bytes(set: &CodeSet) -> Result<TableBytes, BuildError> {
    let entries: Vec<&str> = set
        .codes
        .iter()
        .map(|code| code.code.as_str())
        .chain(set.categories.iter().map(|category| category.path.as_str()))
        .collect();
    let retry: Vec<u8> = set
        .codes
        .iter()
        .map(|code| code.retry)
        .chain(set.categories.iter().map(|category| category.retry))
        .map(|retry| retry.table_byte())
        .collect();
    let parents: Vec<Option<u16>> = set
        .codes
        .iter()
        .map(|code| code.parent.map(|parent| parent as u16))
        .collect();
    TableBytes::build(&entries, set.codes.len(), &retry, &parents)
}

/// `CodeTable { .. }` of a built table. The checks keep entries distinct,
/// within the grammar and below the size limit; should a table still not
/// build, the enum gets an empty one (and the build already has an error).
pub fn code_table(bytes: Result<TableBytes, BuildError>) -> TokenStream {
    let private = private_path();
    let bytes = bytes.or_else(|_| TableBytes::build(&[], 0, &[], &[]));
    let Ok(bytes) = bytes else {
        return quote!(::core::unreachable!());
    };
    let codes = texts_literal(&bytes.codes);
    let known = Literal::u16_unsuffixed(bytes.known);
    let retry = Literal::byte_string(&bytes.retry);
    let parents = Literal::byte_string(&bytes.parents);
    let seed = Literal::u64_unsuffixed(bytes.hash.seed);
    let pilots = Literal::byte_string(&bytes.hash.pilots);
    let slots = Literal::byte_string(&bytes.hash.slots);
    quote! {
        #private::CodeTable {
            codes: #codes,
            known: #known,
            retry: #retry,
            parents: #parents,
            seed: #seed,
            pilots: #pilots,
            slots: #slots,
        }
    }
}

/// `Texts { .. }` of `parts`.
pub fn texts<'a>(parts: impl Iterator<Item = &'a str>) -> TokenStream {
    texts_literal(&TextsBytes::new(parts))
}

fn texts_literal(bytes: &TextsBytes) -> TokenStream {
    let text = Literal::string(&bytes.text);
    let ends = Literal::byte_string(&bytes.ends);
    let private = private_path();
    quote!(#private::Texts { text: #text, ends: #ends })
}

/// Little-endian `u16`s as a byte-string literal.
pub fn u16_literal(values: impl Iterator<Item = u16>) -> Literal {
    Literal::byte_string(&u16_bytes(values))
}

/// `From<CommonCode>`, `to_common` and `common_ancestor` for an enum whose
/// codes include the common ones.
fn common_conversions(ident: &Ident) -> TokenStream {
    let private = private_path();
    quote! {
        #[automatically_derived]
        impl ::core::convert::From<::tencent_errors::CommonCode> for #ident {
            /// Every common code is one of this enum's; an unknown common
            /// code may be one this enum lists.
            #[inline]
            fn from(code: ::tencent_errors::CommonCode) -> Self {
                Self::from_code(code.as_str())
            }
        }

        impl #ident {
            /// The same code as a [`CommonCode`](::tencent_errors::CommonCode):
            /// `Other` there when it is not a common code.
            #[inline]
            pub fn to_common(&self) -> ::tencent_errors::CommonCode {
                ::tencent_errors::CommonCode::from_code(self.as_str())
            }

            /// The code itself if it is a common code, else its nearest
            /// ancestor that is (`InvalidParameter` for `InvalidParameter.Name`).
            pub fn common_ancestor(&self) -> ::core::option::Option<::tencent_errors::CommonCode> {
                #private::nearest_known::<::tencent_errors::CommonCode>(self.as_str())
            }
        }
    }
}

fn private_path() -> TokenStream {
    quote!(::tencent_errors::__private)
}

/// Tokens that make rustc rebuild when a file changes, and only then.
pub fn track_files(files: &[PathBuf]) -> TokenStream {
    let paths = files
        .iter()
        .map(|path| Literal::string(&path.to_string_lossy()));
    quote! { #(const _: &[u8] = ::core::include_bytes!(#paths);)* }
}

/// The whole expansion of `error_codes!`.
pub fn expand(spec: &EnumSpec<'_>) -> TokenStream {
    let EnumSpec {
        attrs,
        vis,
        ident,
        set,
        files,
        extends_common,
    } = spec;
    let common_conversions = extends_common.then(|| common_conversions(ident));
    let private = private_path();
    let known = set.codes.len();
    let known_literal = Literal::u16_unsuffixed(known as u16);
    let known_usize = Literal::usize_unsuffixed(known);
    let variants: Vec<Ident> = set
        .codes
        .iter()
        .map(|code| format_ident!("{}", code.variant))
        .collect();
    let variant_docs = set.codes.iter().map(|code| {
        let mut doc = format!(" `{}`: {}", code.code, code.description);
        // A code with only a Chinese description already shows it.
        if let Some(zh) = code
            .description_zh
            .as_ref()
            .filter(|zh| **zh != code.description)
        {
            doc.push_str(&format!("\n\n {zh}"));
        }
        doc.push_str(&format!("\n\n Retry class: `{}`", code.retry.as_str()));
        match &code.retry_reason {
            Some(reason) => doc.push_str(&format!(" ({reason}).")),
            None => doc.push('.'),
        }
        if let Some(release) = &code.deprecated {
            doc.push_str(&format!(" Deprecated: removed in SDK release {release}."));
        }
        Literal::string(&doc)
    });
    // rustdoc refuses an alias equal to the name itself.
    let aliases = set.codes.iter().map(|code| {
        let alias = Literal::string(&code.code);
        (code.code != code.variant).then(|| quote!(#[doc(alias = #alias)]))
    });
    let Tables {
        table,
        descriptions,
        descriptions_zh,
        deprecated,
        name_overrides,
    } = tables(set);
    let tracking = track_files(files);
    let other_doc = Literal::string(&format!(
        " A code `{ident}` does not list, kept exactly as received. It inherits the retry class of its nearest known ancestor or category."
    ));

    quote! {
        #attrs
        #[derive(::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]
        #[non_exhaustive]
        #[repr(u16)]
        #vis enum #ident {
            #(
                #[doc = #variant_docs]
                #aliases
                #variants,
            )*
            #[doc = #other_doc]
            Other(::tencent_errors::UnknownCode<#ident>),
        }

        #[doc(hidden)]
        const _: () = {
            #tracking

            static TABLE: #private::CodeTable<'static> = #table;
            static DESCRIPTIONS: #private::Texts<'static> = #descriptions;
            static DESCRIPTIONS_ZH: #private::Texts<'static> = #descriptions_zh;
            static DEPRECATED: &[u8] = #deprecated;
            static NAME_OVERRIDES: &[(u16, &str)] = #name_overrides;

            /// The discriminant of a known code; `None` for `Other`.
            #[inline(always)]
            fn known_index(value: &#ident) -> ::core::option::Option<u16> {
                match value {
                    #ident::Other(_) => ::core::option::Option::None,
                    // SAFETY: the enum is `#[repr(u16)]`.
                    _ => ::core::option::Option::Some(unsafe { #private::discriminant(value) }),
                }
            }

            #[automatically_derived]
            impl #private::Generated for #ident {
                #[inline]
                fn table() -> &'static #private::CodeTable<'static> {
                    &TABLE
                }

                #[inline]
                fn from_known_index(index: u16) -> Self {
                    if index < #known_literal {
                        // SAFETY: the enum is `#[repr(u16)]` and its first
                        // `#known` variants, discriminants `0..#known`, have no fields.
                        unsafe { #private::fieldless_variant(index) }
                    } else {
                        #ident::Other(::tencent_errors::UnknownCode::__new(""))
                    }
                }
            }

            impl #ident {
                /// Every code the enum lists, in codes.toml order (`Other` is not among them).
                // Built by a const loop, not a list of 12,388 paths: far cheaper to compile.
                // SAFETY: the enum is `#[repr(u16)]` and its first `#known`
                // variants, discriminants `0..#known`, have no fields.
                pub const ALL: &'static [Self] = &unsafe { #private::fieldless_variants::<Self, #known_usize>() };

                /// Decodes a wire code. Never fails: codes the enum does not
                /// list are kept in `Other`, exactly as given.
                #[inline]
                pub fn from_code(code: &str) -> Self {
                    match TABLE.lookup_code(code) {
                        ::core::option::Option::Some(index) => <Self as #private::Generated>::from_known_index(index),
                        ::core::option::Option::None => #ident::Other(::tencent_errors::UnknownCode::__new(code)),
                    }
                }

                /// The code exactly as on the wire.
                #[inline]
                pub fn as_str(&self) -> &str {
                    match self {
                        #ident::Other(unknown) => unknown.as_str(),
                        _ => known_index(self).map_or("", |index| TABLE.code(index)),
                    }
                }

                /// The code's description from codes.toml; `None` for unknown codes.
                #[inline]
                pub fn description(&self) -> ::core::option::Option<&'static str> {
                    known_index(self).and_then(|index| DESCRIPTIONS.get(index))
                }

                /// The code's Chinese description from codes.toml; `None` for
                /// unknown codes and codes without one.
                #[inline]
                pub fn description_zh(&self) -> ::core::option::Option<&'static str> {
                    known_index(self)
                        .and_then(|index| DESCRIPTIONS_ZH.get(index))
                        .filter(|text| !text.is_empty())
                }

                /// Whether codes.toml marks the code `deprecated` (an SDK
                /// release removed it); `false` for unknown codes.
                #[inline]
                pub fn is_deprecated(&self) -> bool {
                    known_index(self).is_some_and(|index| #private::sorted_u16_contains(DEPRECATED, index))
                }

                /// How a request that failed with this code may be retried.
                /// An unknown code inherits the class of its nearest known
                /// ancestor or category.
                #[inline]
                pub fn retry_class(&self) -> ::tencent_errors::RetryClass {
                    match self {
                        #ident::Other(unknown) => unknown.retry_class(),
                        _ => known_index(self).map_or(::tencent_errors::RetryClass::Never, |index| #private::retry_class(&TABLE, index)),
                    }
                }

                /// The nearest ancestor code the enum lists
                /// (`RequestLimitExceeded` for `RequestLimitExceeded.UinLimitExceeded`).
                pub fn parent(&self) -> ::core::option::Option<Self> {
                    match self {
                        #ident::Other(unknown) => unknown.parent(),
                        _ => known_index(self)
                            .and_then(|index| TABLE.parent(index))
                            .map(<Self as #private::Generated>::from_known_index),
                    }
                }

                /// The first segment of the code (`AuthFailure` for `AuthFailure.SignatureExpire`).
                pub fn category(&self) -> &str {
                    #private::category(self.as_str())
                }

                /// Whether the enum lists this code (it is not `Other`).
                #[inline]
                pub fn is_known(&self) -> bool {
                    known_index(self).is_some()
                }
            }

            #[automatically_derived]
            impl ::core::clone::Clone for #ident {
                #[inline]
                fn clone(&self) -> Self {
                    match self {
                        #ident::Other(unknown) => #ident::Other(::core::clone::Clone::clone(unknown)),
                        _ => <Self as #private::Generated>::from_known_index(known_index(self).unwrap_or(u16::MAX)),
                    }
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Debug for #ident {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    match self {
                        #ident::Other(unknown) => f.debug_tuple("Other").field(unknown).finish(),
                        _ => {
                            let index = known_index(self).unwrap_or(u16::MAX);
                            #private::write_variant_name(f, index, TABLE.code(index), NAME_OVERRIDES)
                        }
                    }
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Display for #ident {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(self.as_str())
                }
            }

            #[automatically_derived]
            impl ::core::convert::AsRef<str> for #ident {
                #[inline]
                fn as_ref(&self) -> &str {
                    self.as_str()
                }
            }

            #[automatically_derived]
            impl ::core::convert::From<&str> for #ident {
                #[inline]
                fn from(code: &str) -> Self {
                    Self::from_code(code)
                }
            }

            #[automatically_derived]
            impl ::core::str::FromStr for #ident {
                type Err = ::core::convert::Infallible;

                #[inline]
                fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                    ::core::result::Result::Ok(Self::from_code(code))
                }
            }

            #[automatically_derived]
            impl #private::serde::Serialize for #ident {
                fn serialize<S: #private::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }

            #[automatically_derived]
            impl<'de> #private::serde::Deserialize<'de> for #ident {
                fn deserialize<D: #private::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                    #private::deserialize_code(deserializer, Self::from_code)
                }
            }

            #common_conversions

            #[automatically_derived]
            impl #private::OtherCode for #ident {
                #[inline]
                fn from_code(code: &str) -> Self {
                    #ident::from_code(code)
                }

                #[inline]
                fn code_str(&self) -> &str {
                    self.as_str()
                }

                #[inline]
                fn retry_class(&self) -> ::tencent_errors::RetryClass {
                    #ident::retry_class(self)
                }

                #[inline]
                fn description(&self) -> ::core::option::Option<&'static str> {
                    #ident::description(self)
                }
            }

            #[automatically_derived]
            impl ::tencent_errors::TencentError for #ident {
                #[inline]
                fn from_code(code: &str) -> ::core::option::Option<Self> {
                    ::core::option::Option::Some(#ident::from_code(code))
                }

                #[inline]
                fn as_str(&self) -> &str {
                    #ident::as_str(self)
                }

                #[inline]
                fn description(&self) -> ::core::option::Option<&'static str> {
                    #ident::description(self)
                }

                #[inline]
                fn retry_class(&self) -> ::tencent_errors::RetryClass {
                    #ident::retry_class(self)
                }
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;

    /// A codes.toml of `count` codes shaped like Tencent's (see scripts/gen_codes.py).
    fn synthetic_file(count: usize) -> String {
        let mut text = String::from("[InternalError]\nretry = \"transient\"\n\n");
        for index in 0..count {
            let category = [
                "InternalError",
                "InvalidParameter",
                "FailedOperation",
                "ResourceNotFound",
            ][index % 4];
            text.push_str(&format!(
                "[{category}.Detail{index}.Part{}]\ndescription = \"Detail {index} failed.\"\n\n",
                index % 7
            ));
        }
        text
    }

    #[test]
    fn twelve_thousand_codes_expand_without_errors() {
        let mut diagnostics = Diagnostics::default();
        let layers =
            crate::load::load_source("big.toml", &synthetic_file(12_388), &mut diagnostics);
        let set = crate::check::code_set(&layers, &mut diagnostics);
        assert!(
            diagnostics.is_empty(),
            "{:?}",
            diagnostics.as_slice().first()
        );
        assert_eq!(set.codes.len(), 12_388);
        // Only `InternalError` changes what its unknown codes inherit.
        assert_eq!(set.categories.len(), 1);
        let spec = EnumSpec {
            attrs: TokenStream::new(),
            vis: quote!(pub),
            ident: format_ident!("Big"),
            set: &set,
            files: &[],
            extends_common: false,
        };
        let tokens = expand(&spec).to_string();
        assert!(tokens.contains("InternalErrorDetail0Part0"));
        assert!(
            tokens.contains("known : 12388"),
            "the table counts every code"
        );
    }
}
