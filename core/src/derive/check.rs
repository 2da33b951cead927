//! Checks of a derived enum, and the checked view code generation reads:
//! every code valid and unique, one catch-all at most, codes known to the
//! named codes.toml, descriptions and retry classes filled in. Each rule is
//! a function named after what it requires.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use proc_macro2::Span;
use syn::{LitStr, Type};

use super::action::{self, Product};
use super::attr::{Enum, Variant};
use crate::cache::{self, CheckedFile};
use crate::check::MAX_ENTRIES;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::BuiltinLayers;
use crate::naming;
use crate::schema::RetryClass;

/// A variant with a code, ready for generation.
pub struct CodeVariant<'a> {
    /// The variant.
    pub variant: &'a Variant<'a>,
    /// Its wire code.
    pub code: String,
    /// Its description: the doc comment, else the codes.toml's.
    pub description: Option<String>,
    /// Its retry class: the attribute, else the codes.toml's, else inherited
    /// from the common codes.
    pub retry: RetryClass,
}

/// The catch-all variant.
pub struct OtherVariant<'a> {
    /// The variant.
    pub variant: &'a Variant<'a>,
    /// The type of its one field.
    pub ty: &'a Type,
}

/// A derived enum, checked.
pub struct Checked<'a> {
    /// Variants with a code, in declaration order.
    pub codes: Vec<CodeVariant<'a>>,
    /// The catch-all, if any.
    pub other: Option<OtherVariant<'a>>,
    /// codes.toml files read (for rebuild tracking).
    pub files: Vec<PathBuf>,
}

/// The codes a derived enum's codes are checked against and take their
/// metadata from: the `codes` file and its layers, or the common codes.
struct KnownCodes {
    checked: Arc<CheckedFile>,
    /// How messages name the file (`codes = "..."`) or product
    /// (`product = "..."`) the user named: codes must then be in it.
    named: Option<String>,
    /// How messages name the layers below the named file.
    lower_layers: Vec<String>,
    /// Whether the file loaded without errors: if not, the codes it lacks
    /// say nothing (one mistake, one error).
    complete: bool,
}

/// Checks `input`, recording every error.
pub fn check<'a>(
    input: &'a Enum<'a>,
    manifest_dir: &Path,
    builtins: &dyn BuiltinLayers,
    diagnostics: &mut Diagnostics,
) -> Checked<'a> {
    let product = action::load(input, builtins, diagnostics);
    let rule = product.as_ref().and_then(|product| product.rule.as_ref());
    let (known, files) =
        load_known_codes(input, manifest_dir, builtins, product.as_ref(), diagnostics);
    let mut checked = Checked {
        codes: Vec::new(),
        other: None,
        files,
    };
    let mut first_use: HashMap<String, &Variant<'_>> = HashMap::new();
    for variant in &input.variants {
        other_has_no_retry(variant, diagnostics);
        match (&variant.code, variant.other) {
            (Some(_), Some(other)) => {
                code_and_other_exclude_each_other(variant, other, diagnostics)
            }
            (None, Some(other)) => {
                one_other_holding_the_code(variant, other, &mut checked, diagnostics)
            }
            (Some(code), None) => {
                let text = code.value();
                if !code_follows_the_grammar(code, &text, diagnostics)
                    || !code_names_one_variant(variant, code, &text, &mut first_use, diagnostics)
                {
                    continue;
                }
                // With `action`, the code is one the action may return.
                if rule.is_some_and(|rule| !rule.check_code(&text, code.span(), diagnostics)) {
                    continue;
                }
                if let Some(coded) = known_code(variant, text, &known, diagnostics) {
                    checked.codes.push(coded);
                }
            }
            (None, None) => every_variant_has_a_code(variant, diagnostics),
        }
    }
    if let (Some(rule), Some(span)) = (rule, input.exhaustive) {
        rule.check_exhaustive(first_use.keys().map(String::as_str), span, diagnostics);
    }
    the_enum_fits_a_table(input, &checked, diagnostics);
    checked
}

/// The codes to check against: the `codes` file, else the `product`, else
/// the common codes.
fn load_known_codes(
    input: &Enum<'_>,
    manifest_dir: &Path,
    builtins: &dyn BuiltinLayers,
    product: Option<&Product>,
    diagnostics: &mut Diagnostics,
) -> (KnownCodes, Vec<PathBuf>) {
    if let (None, Some(product), Some(name)) = (&input.codes, product, &input.product) {
        let mut lower_layers = product.checked.labels.clone();
        lower_layers.pop();
        let known = KnownCodes {
            checked: Arc::clone(&product.checked),
            named: Some(format!("{}{}", crate::load::BUILTIN_PREFIX, name.value())),
            lower_layers,
            complete: true,
        };
        return (known, Vec::new());
    }
    let errors_before = diagnostics.len();
    let checked = match &input.codes {
        Some(path) => {
            let mut found = Diagnostics::default();
            let checked = cache::load_checked(manifest_dir, &path.value(), builtins, &mut found);
            for diagnostic in found.into_vec() {
                diagnostics.push(diagnostic.or_span(path.span()));
            }
            checked
        }
        None => cache::common_codes(),
    };
    let mut lower_layers = checked.labels.clone();
    lower_layers.pop();
    let known = KnownCodes {
        checked: Arc::clone(&checked),
        named: input.codes.as_ref().map(LitStr::value),
        lower_layers,
        complete: diagnostics.len() == errors_before,
    };
    (known, checked.files.clone())
}

/// A variant is either one code's or the catch-all.
fn code_and_other_exclude_each_other(
    variant: &Variant<'_>,
    other: Span,
    diagnostics: &mut Diagnostics,
) {
    diagnostics.push(Diagnostic::spanned(
        other,
        format!("variant `{}` has both `code` and `other`", variant.ident),
    ));
}

/// A variant without `code` or `other` decodes nothing.
fn every_variant_has_a_code(variant: &Variant<'_>, diagnostics: &mut Diagnostics) {
    // Its attribute failed to parse: that error says it already.
    if variant.attr_error {
        return;
    }
    diagnostics.push(
        Diagnostic::spanned(
            variant.ident.span(),
            format!("variant `{}` has no code", variant.ident),
        )
        .help("add `#[tencent(code = \"...\")]`, or `#[tencent(other)]` to make it the catch-all"),
    );
}

/// Codes follow the grammar of codes.toml.
fn code_follows_the_grammar(code: &LitStr, text: &str, diagnostics: &mut Diagnostics) -> bool {
    match naming::check_code(text) {
        Ok(()) => true,
        Err(message) => {
            diagnostics.push(Diagnostic::spanned(
                code.span(),
                format!("bad code: {message}"),
            ));
            false
        }
    }
}

/// One code, one variant: otherwise decoding is ambiguous.
fn code_names_one_variant<'a>(
    variant: &'a Variant<'a>,
    code: &LitStr,
    text: &str,
    first_use: &mut HashMap<String, &'a Variant<'a>>,
    diagnostics: &mut Diagnostics,
) -> bool {
    let Some(first) = first_use.get(text) else {
        first_use.insert(text.to_owned(), variant);
        return true;
    };
    diagnostics.push(Diagnostic::spanned(
        code.span(),
        format!(
            "code `{text}` is already the code of variant `{}`",
            first.ident
        ),
    ));
    if let Some(first_code) = &first.code {
        diagnostics.push(Diagnostic::spanned(
            first_code.span(),
            format!("code `{text}` is also used by variant `{}`", variant.ident),
        ));
    }
    false
}

/// With `codes = "..."`, every code is one the file (or a layer) lists; the
/// retry class is a known one. Fills in the metadata.
fn known_code<'a>(
    variant: &'a Variant<'a>,
    code: String,
    known: &KnownCodes,
    diagnostics: &mut Diagnostics,
) -> Option<CodeVariant<'a>> {
    let listed = known.checked.set.find(&code);
    if let (Some(path), None, true) = (&known.named, listed, known.complete) {
        diagnostics.push(code_not_in_file(variant, &code, path, known));
        return None;
    }
    let retry = match &variant.retry {
        Some(text) => retry_class(text, diagnostics)?,
        None => listed.map_or_else(
            || known.checked.set.inherited_retry(&code),
            |listed| listed.retry,
        ),
    };
    let description = variant
        .doc
        .clone()
        .or_else(|| listed.map(|listed| listed.description.clone()));
    Some(CodeVariant {
        variant,
        code,
        description,
        retry,
    })
}

fn code_not_in_file(
    variant: &Variant<'_>,
    code: &str,
    named: &str,
    known: &KnownCodes,
) -> Diagnostic {
    let mut message = format!("code `{code}` is not in `{named}`");
    if !known.lower_layers.is_empty() {
        message = format!(
            "{message} nor in the layers it extends ({})",
            known.lower_layers.join(", ")
        );
    }
    let candidates = known.checked.set.codes.iter().map(|c| c.code.as_str());
    let help = naming::did_you_mean(&naming::closest(code, candidates, 3))
        .unwrap_or_else(|| "add it to the file, or fix the code".to_owned());
    Diagnostic::spanned(
        variant.code.as_ref().map_or(variant.span, LitStr::span),
        message,
    )
    .help(help)
}

/// `retry = "..."` is one of the four classes.
fn retry_class(text: &LitStr, diagnostics: &mut Diagnostics) -> Option<RetryClass> {
    let value = text.value();
    if let Some(retry) = RetryClass::parse(&value) {
        return Some(retry);
    }
    let spellings: Vec<&str> = RetryClass::ALL.iter().map(|r| r.as_str()).collect();
    let quoted: Vec<String> = spellings.iter().map(|s| format!("\"{s}\"")).collect();
    let mut help = format!("use one of {}", quoted.join(", "));
    if let Some(guess) =
        naming::did_you_mean(&naming::closest(&value, spellings.iter().copied(), 1))
    {
        help = format!("{help}; {guess}");
    }
    diagnostics.push(
        Diagnostic::spanned(text.span(), format!("unknown retry class \"{value}\"")).help(help),
    );
    None
}

/// The catch-all holds the code in its one field; there is one at most.
fn one_other_holding_the_code<'a>(
    variant: &'a Variant<'a>,
    span: Span,
    checked: &mut Checked<'a>,
    diagnostics: &mut Diagnostics,
) {
    if let Some(first) = &checked.other {
        diagnostics.push(Diagnostic::spanned(
            span,
            format!(
                "a second `other` variant: `{}` already takes every other code",
                first.variant.ident
            ),
        ));
        return;
    }
    match variant.single_field() {
        Some(ty) => checked.other = Some(OtherVariant { variant, ty }),
        None => diagnostics.push(
            Diagnostic::spanned(
                variant.span,
                format!(
                    "the `other` variant `{}` must hold the code in one field",
                    variant.ident
                ),
            )
            .help(format!(
                "write `{}(String)`, or `{}(CommonCode)` to keep retry classes and descriptions",
                variant.ident, variant.ident
            )),
        ),
    }
}

/// The catch-all's class comes from the code it holds.
fn other_has_no_retry(variant: &Variant<'_>, diagnostics: &mut Diagnostics) {
    if let (Some(retry), Some(_)) = (&variant.retry, variant.other) {
        diagnostics.push(Diagnostic::spanned(
            retry.span(),
            "`retry` of an `other` variant comes from the code it holds; remove it",
        ));
    }
}

/// Table indices are `u16`: one enum holds at most [`MAX_ENTRIES`] codes.
fn the_enum_fits_a_table(input: &Enum<'_>, checked: &Checked<'_>, diagnostics: &mut Diagnostics) {
    if checked.codes.len() > MAX_ENTRIES {
        diagnostics.push(
            Diagnostic::spanned(
                input.input.ident.span(),
                format!(
                    "{} code variants; one enum holds at most {MAX_ENTRIES}",
                    checked.codes.len()
                ),
            )
            .help("split the codes over several enums"),
        );
    }
}

#[cfg(test)]
mod tests {
    use proc_macro2::TokenStream;
    use quote::{format_ident, quote};

    /// `count` code variants and a catch-all.
    fn enum_of(count: usize) -> TokenStream {
        let variants = (0..count).map(|index| {
            let code = format!("Category{}.Detail{index}", index % 7);
            let name = format_ident!("V{index}");
            quote!(#[tencent(code = #code)] #name,)
        });
        quote! {
            enum Huge {
                #(#variants)*
                #[tencent(other)]
                Other(String),
            }
        }
    }

    #[test]
    fn more_code_variants_than_a_table_holds_is_an_error() {
        let expansion =
            crate::derive_tencent_error(enum_of(super::MAX_ENTRIES + 1), std::path::Path::new(""))
                .to_string();
        assert!(
            expansion.contains("65535 code variants; one enum holds at most 65534"),
            "{}",
            &expansion[..expansion.len().min(300)]
        );
    }
}
