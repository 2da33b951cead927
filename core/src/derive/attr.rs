//! `#[tencent(...)]` attributes of a derived enum, read into a borrowed view
//! of the input. Every mistake is recorded; parsing goes on.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, DeriveInput, Fields, Ident, LitBool, LitStr, Type};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::naming;

/// The attribute's name.
pub const TENCENT: &str = "tencent";
/// On the enum: the codes.toml to check codes against.
pub const CODES: &str = "codes";
/// On the enum: `display = false` leaves `Display` to the user.
pub const DISPLAY: &str = "display";
/// On the enum: `serde = false` leaves serde to the user.
pub const SERDE: &str = "serde";
/// On the enum: a product of the catalogue (`"mdl"`, `"mdl/v20200326"`)
/// whose codes the variants are.
pub const PRODUCT: &str = "product";
/// On the enum: an action of [`PRODUCT`], whose codes the variants must be.
pub const ACTION: &str = "action";
/// On the enum: the variants must name every code of [`ACTION`].
pub const EXHAUSTIVE: &str = "exhaustive";
/// On a variant: its wire code.
pub const CODE: &str = "code";
/// On a variant: its retry class.
pub const RETRY: &str = "retry";
/// On a variant: it takes every code no other variant names.
pub const OTHER: &str = "other";

const ENUM_KEYS: &[&str] = &[CODES, DISPLAY, SERDE, PRODUCT, ACTION, EXHAUSTIVE];
const VARIANT_KEYS: &[&str] = &[CODE, RETRY, OTHER];

/// A derived enum as the attributes describe it.
pub struct Enum<'a> {
    /// The input.
    pub input: &'a DeriveInput,
    /// `codes = "..."`: the codes.toml to check codes against.
    pub codes: Option<LitStr>,
    /// Whether to generate `Display` (`display = false` turns it off).
    pub display: bool,
    /// Whether to generate serde impls (`serde = false` turns them off).
    pub serde: bool,
    /// `product = "..."`: the catalogue product whose codes the variants are.
    pub product: Option<LitStr>,
    /// `action = "..."`: the action of `product` whose codes the variants are.
    pub action: Option<LitStr>,
    /// `exhaustive`, with the span of the word: every code of `action` needs a variant.
    pub exhaustive: Option<Span>,
    /// The variants.
    pub variants: Vec<Variant<'a>>,
}

/// One variant.
pub struct Variant<'a> {
    /// Its name.
    pub ident: &'a Ident,
    /// Its fields.
    pub fields: &'a Fields,
    /// `code = "..."`.
    pub code: Option<LitStr>,
    /// `retry = "..."`.
    pub retry: Option<LitStr>,
    /// `other`, with the span of the word.
    pub other: Option<Span>,
    /// The doc comment, joined.
    pub doc: Option<String>,
    /// Where to point at the variant: its name.
    pub span: Span,
    /// Whether one of its attributes failed to parse (then its other
    /// errors would only repeat that one).
    pub attr_error: bool,
}

impl Variant<'_> {
    /// The type of the single field of an `other` variant.
    pub fn single_field(&self) -> Option<&Type> {
        match self.fields {
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => Some(&fields.unnamed[0].ty),
            Fields::Named(fields) if fields.named.len() == 1 => Some(&fields.named[0].ty),
            _ => None,
        }
    }
}

/// Reads the attributes of `input`; returns `None` if it is not an enum.
pub fn parse<'a>(input: &'a DeriveInput, diagnostics: &mut Diagnostics) -> Option<Enum<'a>> {
    let syn::Data::Enum(data) = &input.data else {
        diagnostics.push(Diagnostic::spanned(
            input.ident.span(),
            "`#[derive(TencentError)]` works on enums: one variant per error code",
        ));
        return None;
    };
    let mut parsed = Enum {
        input,
        codes: None,
        display: true,
        serde: true,
        product: None,
        action: None,
        exhaustive: None,
        variants: Vec::new(),
    };
    let mut seen = SeenKeys::default();
    for attr in tencent_attrs(&input.attrs) {
        let mut unknown = None;
        let result = attr.parse_nested_meta(|meta| {
            let key = key_of(&meta.path);
            seen.check(&key, meta.path.span(), "the enum", diagnostics);
            match key.as_str() {
                CODES => parsed.codes = Some(meta.value()?.parse()?),
                DISPLAY => parsed.display = meta.value()?.parse::<LitBool>()?.value,
                SERDE => parsed.serde = meta.value()?.parse::<LitBool>()?.value,
                PRODUCT => parsed.product = Some(meta.value()?.parse()?),
                ACTION => parsed.action = Some(meta.value()?.parse()?),
                EXHAUSTIVE => parsed.exhaustive = Some(meta.path.span()),
                _ => {
                    unknown = Some(unknown_key(meta.path.span(), &key, ENUM_KEYS, "enum"));
                    return Err(meta.error("unknown key"));
                }
            }
            Ok(())
        });
        if let Err(error) = result {
            match unknown {
                Some(unknown) => diagnostics.push(unknown),
                None => diagnostics.push_syn(error),
            }
        }
    }
    for variant in &data.variants {
        let mut parsed_variant = Variant {
            ident: &variant.ident,
            fields: &variant.fields,
            code: None,
            retry: None,
            other: None,
            doc: doc_comment(&variant.attrs),
            span: variant.ident.span(),
            attr_error: false,
        };
        let mut seen = SeenKeys::default();
        let place = format!("variant `{}`", variant.ident);
        for attr in tencent_attrs(&variant.attrs) {
            let mut unknown = None;
            let result = attr.parse_nested_meta(|meta| {
                let key = key_of(&meta.path);
                if seen.check(&key, meta.path.span(), &place, diagnostics) {
                    parsed_variant.attr_error = true;
                }
                match key.as_str() {
                    CODE => parsed_variant.code = Some(meta.value()?.parse()?),
                    RETRY => parsed_variant.retry = Some(meta.value()?.parse()?),
                    OTHER => parsed_variant.other = Some(meta.path.span()),
                    _ => {
                        unknown =
                            Some(unknown_key(meta.path.span(), &key, VARIANT_KEYS, "variant"));
                        return Err(meta.error("unknown key"));
                    }
                }
                Ok(())
            });
            if let Err(error) = result {
                match unknown {
                    Some(unknown) => diagnostics.push(unknown),
                    None => diagnostics.push_syn(error),
                }
                parsed_variant.attr_error = true;
            }
        }
        parsed.variants.push(parsed_variant);
    }
    Some(parsed)
}

/// The keys already given in the `#[tencent]` attributes of one item.
#[derive(Default)]
struct SeenKeys {
    first: Vec<(String, Span)>,
}

impl SeenKeys {
    /// A key is given once per item, across all its `#[tencent]`
    /// attributes: a second value would silently replace the first.
    /// Returns whether `key` was a repeat.
    fn check(&mut self, key: &str, span: Span, place: &str, diagnostics: &mut Diagnostics) -> bool {
        match self.first.iter().find(|(seen, _)| seen == key) {
            Some((_, first)) => {
                diagnostics.push(
                    Diagnostic::spanned(span, format!("`{key}` is given twice on {place}"))
                        .help("keep one of the two"),
                );
                diagnostics.push(Diagnostic::spanned(
                    *first,
                    format!("`{key}` is first given here"),
                ));
                true
            }
            None => {
                self.first.push((key.to_owned(), span));
                false
            }
        }
    }
}

fn tencent_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|attr| attr.path().is_ident(TENCENT))
}

fn key_of(path: &syn::Path) -> String {
    path.get_ident().map_or_else(
        || {
            quote::ToTokens::to_token_stream(path)
                .to_string()
                .replace(' ', "")
        },
        ToString::to_string,
    )
}

/// An unknown key: what the known ones are, and the closest.
fn unknown_key(span: Span, key: &str, known: &[&str], place: &str) -> Diagnostic {
    let listed: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
    let mut message = format!("unknown `tencent` {place} attribute `{key}`");
    if let Some(guess) = naming::did_you_mean(&naming::closest(key, known.iter().copied(), 1)) {
        message = format!("{message}; {guess}");
    }
    Diagnostic::spanned(span, message)
        .help(format!("the {place} attributes are {}", listed.join(", ")))
}

/// The `///` lines of `attrs`, trimmed and joined; `None` if there are none.
fn doc_comment(attrs: &[Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(syn::MetaNameValue {
                value:
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(text),
                        ..
                    }),
                ..
            }) => Some(text.value().trim().to_owned()),
            _ => None,
        })
        .collect();
    let joined = lines.join(" ").trim().to_owned();
    (!joined.is_empty()).then_some(joined)
}
