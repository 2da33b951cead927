//! `error_codes!`: an enum of unit variants plus `Other`, `#[repr(u16)]`,
//! its statics, and the thin impls of [`super`].
//!
//! Nothing is generated per variant but the variant itself (with its docs):
//! no per-variant `match` arms, no per-variant derives. The runtime reads a
//! value's discriminant as its index (the enum's layout, stated once by an
//! `unsafe impl` of `FieldlessCodes`), which keeps an enum of 12,388 codes
//! to about a second of release build.

use std::path::PathBuf;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};
use tencent_errors_table::build::{BuildError, DescriptionsBytes, TableBytes};

use super::{
    code_enum_impl, display_impl, from_str_impls, literal, methods, private, serde_impls,
    track_files, CodeEnumBodies, Data, Target,
};
use crate::check::{Code, CodeSet};
use crate::naming;

/// What `error_codes!` generates from.
pub struct EnumSpec<'a> {
    /// Attributes to put on the enum.
    pub attrs: TokenStream,
    /// The enum's visibility.
    pub vis: TokenStream,
    /// The enum's name.
    pub ident: Ident,
    /// The codes (already checked).
    pub set: &'a CodeSet,
    /// Files to track for rebuilds.
    pub files: &'a [PathBuf],
    /// Whether the codes include the common ones (`extends = ["tencent-errors"]`):
    /// then conversions to and from `CommonCode` are generated.
    pub extends_common: bool,
    /// What each variant's doc comment says.
    pub variant_docs: VariantDocs,
    /// Items to add to the enum's `impl` block (the catalogue's action
    /// methods): one block, not two, which rustc checks a little faster.
    pub more_methods: TokenStream,
}

/// What each variant's doc comment says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VariantDocs {
    /// The code, its descriptions in both languages, its retry class and
    /// why, whether it is deprecated, and the code as a search alias.
    Full,
    /// The code, its description (English, else Chinese) and whether it is
    /// deprecated; the rest is the methods' to say. For the catalogue's
    /// product enums, 18,000 codes in one crate: a third of the doc text
    /// and no alias attributes for rustc to hold.
    Brief,
}

/// The table of a code set, as `tencent-errors-table` lays it out: codes,
/// then categories, with retry bytes, parents and the perfect hash.
pub fn table_bytes(set: &CodeSet) -> Result<TableBytes, BuildError> {
    let entries: Vec<&str> = set.table_entries().collect();
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

/// The descriptions of a code set, by code index.
pub fn descriptions_bytes(set: &CodeSet) -> DescriptionsBytes {
    DescriptionsBytes::new(set.codes.iter().map(|code| {
        (
            code.description.as_str(),
            code.description_zh.as_deref(),
            code.deprecated.is_some(),
        )
    }))
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
        variant_docs,
        more_methods,
    } = spec;
    let private = private();
    let generics = syn::Generics::default();
    let target = Target {
        ident,
        generics: &generics,
    };
    let code_count = Literal::u16_unsuffixed(set.codes.len() as u16);
    let code_count_usize = Literal::usize_unsuffixed(set.codes.len());
    let variants = set.codes.iter().map(|code| variant(code, *variant_docs));
    let other_doc = Literal::string(&format!(
        " A code `{ident}` does not list, kept exactly as received. It inherits the retry class of its nearest known ancestor or category."
    ));
    let names = explicit_names(set);
    let (statics, data) = Data::new(table_bytes(set), &descriptions_bytes(set)).statics();
    let tracking = track_files(files);
    let code_enum = code_enum_impl(
        &target,
        CodeEnumBodies {
            data,
            other: quote!(::tencent_errors::UnknownCode<Self>),
            index: quote! {
                match self {
                    #ident::Other(unknown) => ::core::result::Result::Err(unknown),
                    _ => ::core::result::Result::Ok(#private::discriminant(self)),
                }
            },
            from_index: quote!(#private::fieldless_variant(index)),
            from_other: quote!(#ident::Other(other)),
        },
    );
    let (from_common, common_methods) = match extends_common {
        true => common_conversions(ident),
        false => Default::default(),
    };
    let methods = methods(
        &target,
        true,
        quote! {
            /// Every code the enum lists, in codes.toml order (`Other` is not among them).
            // Built by a const loop, not a list of 12,388 paths: far cheaper to compile.
            pub const ALL: &'static [Self] = &#private::all::<Self, #code_count_usize>();

            /// The code's Chinese description from codes.toml; `None` for
            /// unknown codes and codes without one.
            #[inline]
            pub fn description_zh(&self) -> ::core::option::Option<&'static str> {
                #private::description_zh::<Self>(self)
            }

            /// Whether codes.toml marks the code `deprecated` (an SDK
            /// release removed it); `false` for unknown codes.
            #[inline]
            pub fn is_deprecated(&self) -> bool {
                #private::is_deprecated::<Self>(self)
            }

            /// The nearest ancestor code the enum lists
            /// (`RequestLimitExceeded` for `RequestLimitExceeded.UinLimitExceeded`).
            #[inline]
            pub fn parent(&self) -> ::core::option::Option<Self> {
                #private::parent::<Self>(self)
            }

            /// The first segment of the code (`AuthFailure` for `AuthFailure.SignatureExpire`).
            #[inline]
            pub fn category(&self) -> &str {
                #private::category(#private::as_str::<Self>(self))
            }

            /// Whether the enum lists this code (it is not `Other`).
            #[inline]
            pub fn is_known(&self) -> bool {
                #private::is_known::<Self>(self)
            }

            #common_methods

            #more_methods
        },
    );
    let from_str = from_str_impls(&target, true);
    let display = display_impl(&target);
    let serde = serde_impls(&target);

    quote! {
        #attrs
        #[non_exhaustive]
        #[repr(u16)]
        #vis enum #ident {
            #(#variants)*
            #[doc = #other_doc]
            Other(::tencent_errors::UnknownCode<#ident>),
        }

        #[doc(hidden)]
        const _: () = {
            #tracking
            #statics

            // SAFETY: the enum above is `#[repr(u16)]`, and its first
            // #code_count variants, discriminants `0..#code_count`, have no fields.
            unsafe impl #private::FieldlessCodes for #ident {
                const CODE_COUNT: u16 = #code_count;
                const VARIANT_NAMES: &'static [(u16, &'static str)] = &[#(#names),*];
            }

            #code_enum
            #methods
            #from_str
            #display
            #serde

            #[automatically_derived]
            impl ::core::clone::Clone for #ident {
                #[inline]
                fn clone(&self) -> Self {
                    #private::clone(self)
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Debug for #ident {
                #[inline]
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #private::debug(self, f)
                }
            }

            // Not `#[derive]`d: each derive makes rustc copy and re-read the
            // whole enum, every variant's docs with it.
            #[automatically_derived]
            impl ::core::cmp::PartialEq for #ident {
                #[inline]
                fn eq(&self, other: &Self) -> bool {
                    #private::eq(self, other)
                }
            }

            #[automatically_derived]
            impl ::core::cmp::Eq for #ident {}

            #[automatically_derived]
            impl ::core::hash::Hash for #ident {
                #[inline]
                fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                    #private::hash(self, state)
                }
            }

            #[automatically_derived]
            impl ::core::convert::AsRef<str> for #ident {
                #[inline]
                fn as_ref(&self) -> &str {
                    #private::as_str::<Self>(self)
                }
            }

            #from_common
        };
    }
}

/// A variant: its docs (the code, its description, with [`VariantDocs::Full`]
/// its class and the code as a doc alias), its name.
fn variant(code: &Code, docs: VariantDocs) -> TokenStream {
    let full = docs == VariantDocs::Full;
    let mut doc = format!(" `{}`: {}", code.code, code.description);
    // A code with only a Chinese description already shows it.
    if let Some(zh) = code
        .description_zh
        .as_ref()
        .filter(|zh| full && **zh != code.description)
    {
        doc.push_str(&format!("\n\n {zh}"));
    }
    if full {
        doc.push_str(&format!("\n\n Retry class: `{}`", code.retry.as_str()));
        match &code.retry_reason {
            Some(reason) => doc.push_str(&format!(" ({reason}).")),
            None => doc.push('.'),
        }
    }
    if let Some(release) = &code.deprecated {
        doc.push_str(&format!(" Deprecated: removed in SDK release {release}."));
    }
    let doc = literal::string(&doc);
    // rustdoc refuses an alias equal to the name itself.
    let alias = (full && code.code != code.variant).then(|| {
        let alias = Literal::string(&code.code);
        quote!(#[doc(alias = #alias)])
    });
    let name = format_ident!("{}", code.variant);
    quote! {
        #[doc = #doc]
        #alias
        #name,
    }
}

/// `(index, "Name")` of the variant names the naming rule would not give.
fn explicit_names(set: &CodeSet) -> Vec<TokenStream> {
    set.codes
        .iter()
        .enumerate()
        .filter(|(_, code)| code.variant != naming::variant_name(&code.code))
        .map(|(index, code)| {
            let index = Literal::u16_unsuffixed(index as u16);
            let name = Literal::string(&code.variant);
            quote!((#index, #name))
        })
        .collect()
}

/// `From<CommonCode>`, and the methods `to_common` and `common_ancestor`
/// (for the enum's one inherent impl), of an enum whose codes include the
/// common ones.
fn common_conversions(ident: &Ident) -> (TokenStream, TokenStream) {
    let private = private();
    let from_common = quote! {
        #[automatically_derived]
        impl ::core::convert::From<::tencent_errors::CommonCode> for #ident {
            /// Every common code is one of this enum's; an unknown common
            /// code may be one this enum lists.
            #[inline]
            fn from(code: ::tencent_errors::CommonCode) -> Self {
                #private::from_code::<Self>(#private::as_str(&code))
            }
        }
    };
    let methods = quote! {
        /// The same code as a [`CommonCode`](::tencent_errors::CommonCode):
        /// `Other` there when it is not a common code.
        #[inline]
        pub fn to_common(&self) -> ::tencent_errors::CommonCode {
            #private::from_code::<::tencent_errors::CommonCode>(#private::as_str::<Self>(self))
        }

        /// The code itself if it is a common code, else its nearest
        /// ancestor that is (`InvalidParameter` for `InvalidParameter.Name`).
        #[inline]
        pub fn common_ancestor(&self) -> ::core::option::Option<::tencent_errors::CommonCode> {
            #private::nearest_known::<::tencent_errors::CommonCode>(#private::as_str::<Self>(self))
        }
    };
    (from_common, methods)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;

    /// A codes.toml of `count` codes shaped like Tencent's.
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
            variant_docs: VariantDocs::Full,
            more_methods: TokenStream::new(),
        };
        let tokens = expand(&spec).to_string();
        assert!(tokens.contains("InternalErrorDetail0Part0"));
        assert!(
            tokens.contains("code_count : 12388"),
            "the table counts every code"
        );
    }
}
