//! Code generation, the last step: the pieces both macros emit, joined by
//! `error_codes` (an enum of its own, from a checked set) and `derive` (the
//! user's enum, from its checked attributes).
//!
//! Each enum gets its tables (the codes with their perfect hash, the
//! descriptions; see [`Data`]) and a thin impl of the runtime's `CodeEnum`: how to
//! read an index from a value and make a value from an index. Every method
//! is a one-line call of a generic function in `tencent_errors::__private`
//! over that impl, so an enum costs its data and a few small impls, however
//! many codes it has. Generated code reaches the runtime only through that
//! private, versioned path, and names every item fully qualified, so that
//! it compiles whatever the user has in scope (even no prelude).

pub mod derive;
pub mod error_codes;
pub mod literal;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Mutex;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;
use syn::Generics;
use tencent_errors_table::build::{BuildError, DescriptionsBytes, TableBytes, TextsBytes};

/// The path generated code reaches its runtime support by.
pub fn private() -> TokenStream {
    quote!(::tencent_errors::__private)
}

/// The type the impls are for, with its generics split for impls.
pub struct Target<'a> {
    /// The enum.
    pub ident: &'a Ident,
    /// Its generics, with the bounds the impls need.
    pub generics: &'a Generics,
}

impl Target<'_> {
    /// `impl<..> Trait for Enum<..> where ..` around `body`.
    fn impl_block(&self, header: TokenStream, body: TokenStream) -> TokenStream {
        let ident = self.ident;
        let (impl_generics, ty_generics, where_clause) = self.generics.split_for_impl();
        quote! {
            #[automatically_derived]
            impl #impl_generics #header for #ident #ty_generics #where_clause {
                #body
            }
        }
    }

    /// `impl<..> Enum<..> where ..` around `body`.
    fn inherent_block(&self, body: TokenStream) -> TokenStream {
        let ident = self.ident;
        let (impl_generics, ty_generics, where_clause) = self.generics.split_for_impl();
        quote! {
            impl #impl_generics #ident #ty_generics #where_clause {
                #body
            }
        }
    }
}

/// Tokens that make rustc rebuild when a file changes: an `include_bytes!`
/// of each file that no earlier expansion of this compiler process tracked.
///
/// One is enough. rustc loads a proc macro once per crate it compiles and
/// expands every macro of that crate before writing its dependency info,
/// which lists every file any expansion included; so in a crate of 300
/// derived enums that name one codes.toml, the first tracks it for all 300
/// (each further copy of the file was a literal rustc parsed, checked and
/// dropped). A long-lived host of proc macros (an IDE's) writes no
/// dependency info and watches files itself.
pub fn track_files(files: &[PathBuf]) -> TokenStream {
    static TRACKED: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());
    // A poisoned lock only means an earlier expansion panicked: tracking
    // again is always correct.
    let mut tracked = TRACKED.lock().unwrap_or_else(|poisoned| {
        let mut tracked = poisoned.into_inner();
        tracked.clear();
        tracked
    });
    let paths = files
        .iter()
        .filter(|path| tracked.insert(path.to_path_buf()))
        .map(|path| Literal::string(&path.to_string_lossy()));
    quote! { #(const _: &[u8] = ::core::include_bytes!(#paths);)* }
}

/// The data of an enum: its table (the codes with their perfect hash) and
/// its descriptions, as expressions. Checks keep entries distinct, within
/// the grammar and below the size limit; should a table still not build,
/// the enum gets an empty one (and the build already has an error).
pub struct Data {
    table: TokenStream,
    descriptions: TokenStream,
}

impl Data {
    /// The data of `table` and `descriptions`.
    pub fn new(table: Result<TableBytes, BuildError>, descriptions: &DescriptionsBytes) -> Self {
        let private = private();
        let table = table.or_else(|_| TableBytes::build(&[], 0, &[], &[]));
        let table = match table {
            Ok(bytes) => {
                let codes = texts(&bytes.codes);
                let code_count = Literal::u16_unsuffixed(bytes.code_count);
                let retry = Literal::byte_string(&bytes.retry);
                let parents = Literal::byte_string(&bytes.parents);
                let seed = Literal::u64_unsuffixed(bytes.hash.seed);
                let pilots = Literal::byte_string(&bytes.hash.pilots);
                let slots = Literal::byte_string(&bytes.slots);
                quote! {
                    #private::CodeTable {
                        codes: #codes,
                        code_count: #code_count,
                        retry: #retry,
                        parents: #parents,
                        seed: #seed,
                        pilots: #pilots,
                        slots: #slots,
                    }
                }
            }
            Err(_) => quote!(::core::unreachable!()),
        };
        let text = texts(&descriptions.text);
        let chinese = texts(&descriptions.chinese);
        let deprecated = Literal::byte_string(&descriptions.deprecated);
        let descriptions = quote! {
            #private::Descriptions {
                text: #text,
                chinese: #chinese,
                deprecated: #deprecated,
            }
        };
        Data {
            table,
            descriptions,
        }
    }

    /// `static TABLE`, and `CodeEnum`'s constants: `TABLE` pointing at it
    /// (one copy in a binary, however many codegen units look codes up in
    /// it), `DESCRIPTIONS` holding its data. The runtime reads descriptions
    /// through one call it never inlines, which keeps them to one copy per
    /// crate that reads them; and a static would cost the crate that
    /// defines the enum its bytes through LLVM whether or not anything
    /// reads them (for the catalogue's product enums, 7% of the build).
    pub fn statics(&self) -> (TokenStream, TokenStream) {
        let private = private();
        let Data {
            table,
            descriptions,
        } = self;
        let statics = quote! {
            static TABLE: #private::CodeTable<'static> = #table;
        };
        (statics, data_consts(quote!(TABLE), descriptions.clone()))
    }

    /// `CodeEnum`'s constants alone, the data in them: two items fewer per
    /// enum, for small tables, which a few copies do not weigh on.
    pub fn consts(&self) -> TokenStream {
        data_consts(self.table.clone(), self.descriptions.clone())
    }
}

/// `CodeEnum::TABLE` and `CodeEnum::DESCRIPTIONS` as references to `table`
/// and `descriptions`.
fn data_consts(table: TokenStream, descriptions: TokenStream) -> TokenStream {
    let private = private();
    quote! {
        const TABLE: &'static #private::CodeTable<'static> = &#table;
        const DESCRIPTIONS: &'static #private::Descriptions<'static> = &#descriptions;
    }
}

fn texts(bytes: &TextsBytes) -> TokenStream {
    let private = private();
    let text = literal::string(&bytes.text);
    let ends = Literal::byte_string(&bytes.ends);
    quote!(#private::Texts { text: #text, ends: #ends })
}

/// How a value and an index relate: the bodies of `CodeEnum`'s three
/// methods, and what holds the codes the enum does not list.
pub struct CodeEnumBodies {
    /// `const TABLE` and `const DESCRIPTIONS` (see [`Data`]).
    pub data: TokenStream,
    /// The `Other` type.
    pub other: TokenStream,
    /// `fn index(&self) -> Result<u16, &Self::Other>`.
    pub index: TokenStream,
    /// `fn from_index(index: u16) -> Option<Self>`.
    pub from_index: TokenStream,
    /// `fn from_other(other: Self::Other) -> Self`.
    pub from_other: TokenStream,
}

/// The impl of the runtime's `CodeEnum`. (`Self::Other` would be ambiguous
/// with a variant named `Other`: the signatures name the type itself.)
pub fn code_enum_impl(target: &Target<'_>, bodies: CodeEnumBodies) -> TokenStream {
    let private = private();
    let CodeEnumBodies {
        data,
        other,
        index,
        from_index,
        from_other,
    } = bodies;
    target.impl_block(
        quote!(#private::CodeEnum),
        quote! {
            type Other = #other;
            #data
            #[inline]
            fn index(&self) -> ::core::result::Result<u16, &#other> {
                #index
            }
            #[inline]
            fn from_index(index: u16) -> ::core::option::Option<Self> {
                #from_index
            }
            #[inline]
            fn from_other(other: #other) -> Self {
                #from_other
            }
        },
    )
}

/// The inherent methods both macros give: `from_code` (infallible for an
/// enum that keeps every code, `Option` else), `as_str`, `description`,
/// `retry_class`, then `more`.
pub fn methods(target: &Target<'_>, keeps_every_code: bool, more: TokenStream) -> TokenStream {
    let private = private();
    let from_code = if keeps_every_code {
        quote! {
            /// Decodes a wire code; never fails: unlisted codes are kept as given.
            #[inline]
            pub fn from_code(code: &str) -> Self {
                #private::from_code::<Self>(code)
            }
        }
    } else {
        quote! {
            /// Decodes a wire code; `None` for a code no variant names.
            #[inline]
            pub fn from_code(code: &str) -> ::core::option::Option<Self> {
                #private::from_listed_code::<Self>(code)
            }
        }
    };
    target.inherent_block(quote! {
        #from_code

        /// The code exactly as on the wire.
        #[inline]
        pub fn as_str(&self) -> &str {
            #private::as_str::<Self>(self)
        }

        /// The code's description; `None` for codes without one.
        #[inline]
        pub fn description(&self) -> ::core::option::Option<&'static str> {
            #private::description::<Self>(self)
        }

        /// How a request that failed with this code may be retried.
        #[inline]
        pub fn retry_class(&self) -> ::tencent_errors::RetryClass {
            #private::retry_class::<Self>(self)
        }

        #more
    })
}

/// `FromStr`, and `From<&str>` for an enum that keeps every code.
pub fn from_str_impls(target: &Target<'_>, keeps_every_code: bool) -> TokenStream {
    let private = private();
    let from_str = if keeps_every_code {
        target.impl_block(
            quote!(::core::str::FromStr),
            quote! {
                type Err = ::core::convert::Infallible;
                #[inline]
                fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                    #private::parse::<Self>(code)
                }
            },
        )
    } else {
        target.impl_block(
            quote!(::core::str::FromStr),
            quote! {
                type Err = ::tencent_errors::UnrecognizedCode;
                #[inline]
                fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                    #private::parse_listed::<Self>(code)
                }
            },
        )
    };
    let from_ref = keeps_every_code.then(|| {
        target.impl_block(
            quote!(::core::convert::From<&str>),
            quote! {
                #[inline]
                fn from(code: &str) -> Self {
                    #private::from_code::<Self>(code)
                }
            },
        )
    });
    quote!(#from_str #from_ref)
}

/// `Display`: the code as on the wire.
pub fn display_impl(target: &Target<'_>) -> TokenStream {
    let private = private();
    target.impl_block(
        quote!(::core::fmt::Display),
        quote! {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #private::display::<Self>(self, f)
            }
        },
    )
}

/// serde: the code as a string, both ways.
pub fn serde_impls(target: &Target<'_>) -> TokenStream {
    let private = private();
    let serialize = target.impl_block(
        quote!(#private::serde::Serialize),
        quote! {
            #[inline]
            fn serialize<S: #private::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                #private::serialize::<Self, S>(self, serializer)
            }
        },
    );
    let ident = target.ident;
    let body = quote! {
        #[inline]
        fn deserialize<D: #private::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
            #private::deserialize::<D, Self>(deserializer)
        }
    };
    let deserialize = if target.generics.params.is_empty() && target.generics.where_clause.is_none()
    {
        quote! {
            #[automatically_derived]
            impl<'de> #private::serde::Deserialize<'de> for #ident {
                #body
            }
        }
    } else {
        // `impl<'de, ..>`, but the type's own generics after `for`.
        let mut with_de = target.generics.clone();
        with_de.params.insert(0, syn::parse_quote!('de));
        let (impl_generics, _, _) = with_de.split_for_impl();
        let (_, ty_generics, where_clause) = target.generics.split_for_impl();
        quote! {
            #[automatically_derived]
            impl #impl_generics #private::serde::Deserialize<'de> for #ident #ty_generics #where_clause {
                #body
            }
        }
    };
    quote!(#serialize #deserialize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_tracked_once_per_compiler_process() {
        let path = PathBuf::from("/emit-tests/tracked-once/codes.toml");
        let first = track_files(std::slice::from_ref(&path)).to_string();
        let second = track_files(&[path]).to_string();
        assert!(first.contains("include_bytes"), "{first}");
        assert!(second.is_empty(), "{second}");
    }
}
