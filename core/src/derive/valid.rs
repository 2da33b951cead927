//! Checks of a derived enum, and the resolved view code generation reads:
//! every code valid and unique, one catch-all at most, codes known to the
//! named codes.toml, descriptions and retry classes filled in.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use syn::Type;

use super::action::{self, Product};
use super::attr::{Enum, Errors, Variant};
use crate::check::{self, CodeSet};
use crate::diagnostic::Diagnostics;
use crate::load::{self, BuiltinLayers};
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
pub struct Resolved<'a> {
    /// Variants with a code, in declaration order.
    pub codes: Vec<CodeVariant<'a>>,
    /// The catch-all, if any.
    pub other: Option<OtherVariant<'a>>,
    /// codes.toml files read (for rebuild tracking).
    pub files: Vec<PathBuf>,
}

/// Checks `input`, recording every error.
pub fn check<'a>(
    input: &'a Enum<'a>,
    manifest_dir: &Path,
    builtins: &dyn BuiltinLayers,
    errors: &mut Errors,
) -> Resolved<'a> {
    let product = action::load(input, builtins, errors);
    let rule = product.as_ref().and_then(|product| product.rule.as_ref());
    let (reference, files) =
        load_reference(input, manifest_dir, builtins, product.as_ref(), errors);
    let mut resolved = Resolved {
        codes: Vec::new(),
        other: None,
        files,
    };
    let mut first_use: HashMap<String, &Variant<'_>> = HashMap::new();
    for variant in &input.variants {
        match (&variant.code, variant.other) {
            (Some(_), Some(other)) => {
                errors.push(other, format!("variant `{}` has both `code` and `other`", variant.ident));
            }
            (None, Some(other)) => check_other(variant, other, &mut resolved, errors),
            (Some(code), None) => {
                let text = code.value();
                // Codes follow the grammar of codes.toml.
                if let Err(message) = naming::check_code(&text) {
                    errors.push(code.span(), format!("bad code: {message}"));
                    continue;
                }
                // One code, one variant: otherwise decoding is ambiguous.
                if let Some(first) = first_use.get(&text) {
                    errors.push(
                        code.span(),
                        format!("code `{text}` is already the code of variant `{}`", first.ident),
                    );
                    if let Some(first_code) = &first.code {
                        errors.push(first_code.span(), format!("code `{text}` is also used by variant `{}`", variant.ident));
                    }
                    continue;
                }
                first_use.insert(text.clone(), variant);
                // With `action`, the code is one the action may return.
                if let Some(rule) = rule {
                    if !rule.check_code(&text, code.span(), errors) {
                        continue;
                    }
                }
                if let Some(coded) = resolve_code(variant, text, &reference, errors) {
                    resolved.codes.push(coded);
                }
            }
            (None, None) if variant.attr_error => {}
            (None, None) => errors.push(
                variant.ident.span(),
                format!(
                    "variant `{}` has no code\n= help: add `#[tencent(code = \"...\")]`, or `#[tencent(other)]` to make it the catch-all",
                    variant.ident
                ),
            ),
        }
        if let (Some(retry), Some(_)) = (&variant.retry, variant.other) {
            errors.push(
                retry.span(),
                "`retry` of an `other` variant comes from the code it holds; remove it",
            );
        }
    }
    if let (Some(rule), Some(span)) = (rule, input.exhaustive) {
        rule.check_exhaustive(first_use.keys().map(String::as_str), span, errors);
    }
    resolved
}

/// The codes to check against (the `codes` file), or the common codes.
/// Without `codes`, a `product` is the reference.
fn load_reference(
    input: &Enum<'_>,
    manifest_dir: &Path,
    builtins: &dyn BuiltinLayers,
    product: Option<&Product>,
    errors: &mut Errors,
) -> (Reference, Vec<PathBuf>) {
    if let (None, Some(product), Some(name)) = (&input.codes, product, &input.product) {
        let reference = Reference {
            set: CodeSet::clone(&product.set),
            named: true,
            name: format!("{}{}", crate::load::BUILTIN_PREFIX, name.value()),
            layers: product.labels.clone(),
        };
        return (reference, Vec::new());
    }
    let mut diagnostics = Diagnostics::default();
    let (layers, named) = match &input.codes {
        Some(path) => (
            load::load_with(manifest_dir, &path.value(), builtins, &mut diagnostics),
            true,
        ),
        None => (load::load_builtin(&mut diagnostics), false),
    };
    let set = check::code_set(&layers, &mut diagnostics);
    if let Some(path) = &input.codes {
        for diagnostic in diagnostics.into_vec() {
            errors.push(path.span(), diagnostic);
        }
    }
    let files = layers.files();
    let layers = layers
        .layers
        .iter()
        .map(|layer| layer.label.to_string())
        .collect();
    let name = input
        .codes
        .as_ref()
        .map(|path| path.value())
        .unwrap_or_default();
    (
        Reference {
            set,
            named,
            name,
            layers,
        },
        files,
    )
}

struct Reference {
    set: CodeSet,
    /// Whether the user named the file (codes must then be in it).
    named: bool,
    /// How messages name it: the `codes` path or the product.
    name: String,
    /// How messages name the files read.
    layers: Vec<String>,
}

fn resolve_code<'a>(
    variant: &'a Variant<'a>,
    code: String,
    reference: &Reference,
    errors: &mut Errors,
) -> Option<CodeVariant<'a>> {
    let listed = reference.set.find(&code);
    // With `codes = "..."`, every code must be one the file lists.
    if reference.named && listed.is_none() {
        let candidates = reference.set.codes.iter().map(|c| c.code.as_str());
        let mut message = format!("code `{code}` is not in `{}`", reference.name);
        if let [lower @ .., _] = reference.layers.as_slice() {
            if !lower.is_empty() {
                message = format!(
                    "{message} nor in the layers it extends ({})",
                    lower.join(", ")
                );
            }
        }
        if let Some(guess) = naming::did_you_mean(&naming::closest(&code, candidates, 3)) {
            message = format!("{message}\n= help: {guess}");
        } else {
            message = format!("{message}\n= help: add it to the file, or fix the code");
        }
        errors.push(
            variant.code.as_ref().map_or(variant.span, |c| c.span()),
            message,
        );
        return None;
    }
    let retry = match &variant.retry {
        Some(text) => match RetryClass::parse(&text.value()) {
            Some(retry) => retry,
            None => {
                let spellings: Vec<&str> = RetryClass::ALL.iter().map(|r| r.as_str()).collect();
                let mut message = format!(
                    "unknown retry class \"{}\"\n= help: use one of {}",
                    text.value(),
                    spellings
                        .iter()
                        .map(|s| format!("\"{s}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                if let Some(guess) = naming::did_you_mean(&naming::closest(
                    &text.value(),
                    spellings.iter().copied(),
                    1,
                )) {
                    message = format!("{message}; {guess}");
                }
                errors.push(text.span(), message);
                return None;
            }
        },
        None => listed.map_or_else(
            || reference.set.inherited_retry(&code),
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

/// The catch-all holds the code in its one field; there is one at most.
fn check_other<'a>(
    variant: &'a Variant<'a>,
    span: proc_macro2::Span,
    resolved: &mut Resolved<'a>,
    errors: &mut Errors,
) {
    if let Some(first) = &resolved.other {
        errors.push(
            span,
            format!(
                "a second `other` variant: `{}` already takes every other code",
                first.variant.ident
            ),
        );
        return;
    }
    match variant.single_field() {
        Some(ty) => resolved.other = Some(OtherVariant { variant, ty }),
        None => errors.push(
            variant.span,
            format!(
                "the `other` variant `{}` must hold the code in one field\n= help: write `{}(String)`, or `{}(CommonCode)` to keep retry classes and descriptions",
                variant.ident, variant.ident, variant.ident
            ),
        ),
    }
}
