//! The per-action rule of a derived enum. With `product = "..."` the
//! variants' codes are checked against that product of the catalogue (and
//! take its descriptions and retry classes); with `action = "..."` too,
//! each code must be one the action may return (Tencent lists it for the
//! action, or it is a common code); with `exhaustive`, every code listed
//! for the action needs a variant.
//!
//! A product's checked codes are kept for the whole compilation (a
//! `static`), so a few hundred enums naming one product parse it once, and
//! only the named product is ever read.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use proc_macro2::Span;
use syn::LitStr;

use super::attr::{Enum, Errors, ACTION, EXHAUSTIVE, PRODUCT};
use crate::check::{self, CodeSet};
use crate::diagnostic::{Diagnostics, Location};
use crate::load::{self, ActionCodes, BuiltinLayers, BUILTIN_PREFIX};
use crate::naming;

/// How many codes a message lists before it says "and N more".
const LISTED: usize = 12;

/// A product of the catalogue, loaded and checked.
pub struct Product {
    /// Its codes, with the common ones.
    pub set: Arc<CodeSet>,
    /// How messages name it and its layers, lowest first (`tencent-errors/codes.toml`, ...).
    pub labels: Vec<String>,
    /// The action rule, when `action` names one of its actions.
    pub rule: Option<ActionRule>,
}

/// The codes one action may return.
pub struct ActionRule {
    /// `CreateStreamLiveChannel`.
    action: String,
    /// `mdl/v20200326`.
    product: String,
    /// The codes Tencent lists for the action.
    listed: BTreeSet<String>,
    /// Every action of the product, for saying which return a code.
    actions: Arc<ActionCodes>,
}

impl ActionRule {
    /// A variant's code must be listed for the action or be a common code.
    /// Returns whether `code` passes; records the error if not.
    pub fn check_code(&self, code: &str, span: Span, errors: &mut Errors) -> bool {
        if self.listed.contains(code) || common_codes().contains(code) {
            return true;
        }
        let mut message = format!(
            "`{}` ({}) cannot return `{code}`: Tencent does not list it for this action, and it is not a common code",
            self.action, self.product
        );
        match naming::did_you_mean(&naming::closest(
            code,
            self.listed.iter().map(String::as_str),
            3,
        )) {
            Some(guess) => message.push_str(&format!("\n= help: {guess}")),
            None => message.push_str(&format!(
                "\n= help: besides the common codes, it may return {}",
                listing(self.listed.iter())
            )),
        }
        let others: Vec<&String> = self
            .actions
            .iter()
            .filter(|(_, codes)| codes.iter().any(|listed| listed == code))
            .map(|(action, _)| action)
            .collect();
        if !others.is_empty() {
            message.push_str(&format!(
                "\n= note: Tencent lists `{code}` for {}",
                listing(others.into_iter())
            ));
        }
        errors.push(span, message);
        false
    }

    /// With `exhaustive`, every code listed for the action has a variant.
    pub fn check_exhaustive<'a>(
        &self,
        named: impl IntoIterator<Item = &'a str>,
        span: Span,
        errors: &mut Errors,
    ) {
        let named: BTreeSet<&str> = named.into_iter().collect();
        let missing: Vec<&String> = self
            .listed
            .iter()
            .filter(|code| !named.contains(code.as_str()))
            .collect();
        if missing.is_empty() {
            return;
        }
        errors.push(
            span,
            format!(
                "`{EXHAUSTIVE}`: no variant names {} of the {} codes `{}` ({}) may return: {}\n= help: add a variant for each, or remove `{EXHAUSTIVE}`",
                missing.len(),
                self.listed.len(),
                self.action,
                self.product,
                listing(missing.into_iter()),
            ),
        );
    }
}

/// `A`, `B`, ... and N more.
fn listing<'a>(codes: impl ExactSizeIterator<Item = &'a String>) -> String {
    let total = codes.len();
    let shown: Vec<String> = codes.take(LISTED).map(|code| format!("`{code}`")).collect();
    match total.saturating_sub(LISTED) {
        0 => shown.join(", "),
        more => format!("{}, and {more} more", shown.join(", ")),
    }
}

/// The common codes, which every action may return.
fn common_codes() -> &'static BTreeSet<String> {
    static COMMON: OnceLock<BTreeSet<String>> = OnceLock::new();
    COMMON.get_or_init(|| {
        let mut diagnostics = Diagnostics::default();
        let layers = load::load_builtin(&mut diagnostics);
        let set = check::code_set(&layers, &mut diagnostics);
        set.codes.into_iter().map(|code| code.code).collect()
    })
}

/// Loads what `product` and `action` name; records every mistake in them.
pub fn load(
    input: &Enum<'_>,
    builtins: &dyn BuiltinLayers,
    errors: &mut Errors,
) -> Option<Product> {
    // `action` and `exhaustive` need what comes before them.
    if let (Some(action), None) = (&input.action, &input.product) {
        errors.push(
            action.span(),
            format!("`{ACTION}` needs `{PRODUCT}`: the actions are a product's\n= help: add `{PRODUCT} = \"...\"`, the product's folder in the catalogue (`\"mdl\"` for StreamLive)"),
        );
    }
    if let (Some(span), None) = (input.exhaustive, &input.action) {
        errors.push(
            span,
            format!("`{EXHAUSTIVE}` needs `{ACTION}`: it asks for a variant for every code of one action\n= help: add `{ACTION} = \"...\"`"),
        );
    }
    let product = input.product.as_ref()?;
    let name = format!("{BUILTIN_PREFIX}{}", product.value());
    let Some(layer) = builtins.layer(&name) else {
        unknown_product(product, builtins, errors);
        return None;
    };
    let (set, labels) = checked(&layer.name, &layer.source, &name, product, builtins, errors)?;
    let rule = match &input.action {
        Some(action) => Some(action_rule(action, &layer.name, builtins, errors)?),
        None => None,
    };
    Some(Product { set, labels, rule })
}

fn unknown_product(product: &LitStr, builtins: &dyn BuiltinLayers, errors: &mut Errors) {
    let names = builtins.names();
    let products: Vec<&str> = names
        .iter()
        .filter_map(|name| name.strip_prefix(BUILTIN_PREFIX))
        .filter(|name| !name.contains('/'))
        .collect();
    let help = if products.is_empty() {
        "the catalogue is off: enable the `catalogue` feature of tencent-errors (a product feature enables it too)".to_owned()
    } else {
        let value = product.value();
        let product_part = value.split('/').next().unwrap_or_default();
        naming::did_you_mean(&naming::closest(product_part, products.iter().copied(), 3))
            .unwrap_or_else(|| format!("products are the catalogue's folders (`cvm`, `mdl`, ...), optionally with a version (`mdl/v20200326`); it has {}", products.len()))
    };
    errors.push(
        product.span(),
        format!("unknown product `{}`\n= help: {help}", product.value()),
    );
}

/// The product's checked codes, from the cache or loaded now.
fn checked(
    canonical: &str,
    source: &str,
    name: &str,
    product: &LitStr,
    builtins: &dyn BuiltinLayers,
    errors: &mut Errors,
) -> Option<(Arc<CodeSet>, Vec<String>)> {
    type Cache = Mutex<HashMap<(String, u64), (Arc<CodeSet>, Vec<String>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key = (canonical.to_owned(), fingerprint(source));
    let cache = CACHE.get_or_init(Default::default);
    if let Some(found) = cache.lock().ok().and_then(|cache| cache.get(&key).cloned()) {
        return Some(found);
    }
    let mut diagnostics = Diagnostics::default();
    let from = Location {
        file: Arc::from(format!("#[tencent({PRODUCT} = \"{}\")]", product.value())),
        line: 1,
        column: 1,
    };
    let layers = load::load_named(name, &from, builtins, &mut diagnostics);
    let set = check::code_set(&layers, &mut diagnostics);
    if !diagnostics.is_empty() {
        for diagnostic in diagnostics.into_vec() {
            errors.push(product.span(), diagnostic);
        }
        return None;
    }
    let labels = layers
        .layers
        .iter()
        .map(|layer| layer.label.to_string())
        .collect();
    let value = (Arc::new(set), labels);
    if let Ok(mut cache) = cache.lock() {
        cache.insert(key, value.clone());
    }
    Some(value)
}

/// A cheap identity of a layer's text: its length and FNV-1a hash.
fn fingerprint(text: &str) -> u64 {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    hash ^ (text.len() as u64).rotate_left(32)
}

fn action_rule(
    action: &LitStr,
    canonical: &str,
    builtins: &dyn BuiltinLayers,
    errors: &mut Errors,
) -> Option<ActionRule> {
    let product = canonical
        .strip_prefix(BUILTIN_PREFIX)
        .unwrap_or(canonical)
        .to_owned();
    let actions = builtins.actions(canonical).unwrap_or_default();
    let name = action.value();
    let Some(listed) = actions.get(&name) else {
        let help = naming::did_you_mean(&naming::closest(
            &name,
            actions.keys().map(String::as_str),
            3,
        ))
        .unwrap_or_else(|| {
            format!(
                "action names are as in the API (`CreateStreamLiveChannel`); `{product}` has {} actions",
                actions.len()
            )
        });
        errors.push(
            action.span(),
            format!("`{product}` has no action `{name}`\n= help: {help}"),
        );
        return None;
    };
    Some(ActionRule {
        action: name,
        product,
        listed: listed.iter().cloned().collect(),
        actions: Arc::clone(&actions),
    })
}
