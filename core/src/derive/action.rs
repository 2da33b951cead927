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

use super::attr::{Enum, ACTION, EXHAUSTIVE, PRODUCT};
use crate::cache::{self, CheckedFile};
use crate::check;
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::load::{self, ActionCodes, BuiltinLayers, BUILTIN_PREFIX};
use crate::naming;

/// How many codes a message lists before it says "and N more".
const LISTED: usize = 12;

/// A product of the catalogue, loaded and checked.
pub struct Product {
    /// Its codes, with the common ones, and how messages name its layers,
    /// lowest first (`tencent-errors/codes.toml`, ...).
    pub checked: Arc<CheckedFile>,
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
    pub fn check_code(&self, code: &str, span: Span, diagnostics: &mut Diagnostics) -> bool {
        if self.listed.contains(code) || common_codes().contains(code) {
            return true;
        }
        let message = format!(
            "`{}` ({}) cannot return `{code}`: Tencent does not list it for this action, and it is not a common code",
            self.action, self.product
        );
        let help = match naming::did_you_mean(&naming::closest(
            code,
            self.listed.iter().map(String::as_str),
            3,
        )) {
            Some(guess) => guess,
            None => format!(
                "besides the common codes, it may return {}",
                listing(self.listed.iter())
            ),
        };
        let mut diagnostic = Diagnostic::spanned(span, message);
        let others: Vec<&String> = self
            .actions
            .iter()
            .filter(|(_, codes)| codes.iter().any(|listed| listed == code))
            .map(|(action, _)| action)
            .collect();
        if !others.is_empty() {
            diagnostic = diagnostic.note(format!(
                "Tencent lists `{code}` for {}",
                listing(others.into_iter())
            ));
        }
        diagnostics.push(diagnostic.help(help));
        false
    }

    /// With `exhaustive`, every code listed for the action has a variant.
    pub fn check_exhaustive<'a>(
        &self,
        named: impl IntoIterator<Item = &'a str>,
        span: Span,
        diagnostics: &mut Diagnostics,
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
        diagnostics.push(
            Diagnostic::spanned(
                span,
                format!(
                    "`{EXHAUSTIVE}`: no variant names {} of the {} codes `{}` ({}) may return: {}",
                    missing.len(),
                    self.listed.len(),
                    self.action,
                    self.product,
                    listing(missing.into_iter()),
                ),
            )
            .help(format!("add a variant for each, or remove `{EXHAUSTIVE}`")),
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
        let common = cache::common_codes();
        common
            .set
            .codes
            .iter()
            .map(|code| code.code.clone())
            .collect()
    })
}

/// Loads what `product` and `action` name; records every mistake in them.
pub fn load(
    input: &Enum<'_>,
    builtins: &dyn BuiltinLayers,
    diagnostics: &mut Diagnostics,
) -> Option<Product> {
    // `action` and `exhaustive` need what comes before them.
    if let (Some(action), None) = (&input.action, &input.product) {
        diagnostics.push(
            Diagnostic::spanned(action.span(), format!("`{ACTION}` needs `{PRODUCT}`: the actions are a product's"))
                .help(format!("add `{PRODUCT} = \"...\"`, the product's folder in the catalogue (`\"mdl\"` for StreamLive)")),
        );
    }
    if let (Some(span), None) = (input.exhaustive, &input.action) {
        diagnostics.push(
            Diagnostic::spanned(span, format!("`{EXHAUSTIVE}` needs `{ACTION}`: it asks for a variant for every code of one action"))
                .help(format!("add `{ACTION} = \"...\"`")),
        );
    }
    let product = input.product.as_ref()?;
    let name = format!("{BUILTIN_PREFIX}{}", product.value());
    let Some(layer) = builtins.layer(&name) else {
        unknown_product(product, builtins, diagnostics);
        return None;
    };
    let checked = checked(
        &layer.name,
        &layer.source,
        &name,
        product,
        builtins,
        diagnostics,
    )?;
    let rule = match &input.action {
        Some(action) => Some(action_rule(action, &layer.name, builtins, diagnostics)?),
        None => None,
    };
    Some(Product { checked, rule })
}

fn unknown_product(product: &LitStr, builtins: &dyn BuiltinLayers, diagnostics: &mut Diagnostics) {
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
    diagnostics.push(
        Diagnostic::spanned(
            product.span(),
            format!("unknown product `{}`", product.value()),
        )
        .help(help),
    );
}

/// The product's checked codes, from the cache or loaded now.
fn checked(
    canonical: &str,
    source: &str,
    name: &str,
    product: &LitStr,
    builtins: &dyn BuiltinLayers,
    diagnostics: &mut Diagnostics,
) -> Option<Arc<CheckedFile>> {
    type Cache = Mutex<HashMap<(String, u64), Arc<CheckedFile>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key = (canonical.to_owned(), fingerprint(source));
    let cache = CACHE.get_or_init(Default::default);
    if let Some(found) = cache.lock().ok().and_then(|cache| cache.get(&key).cloned()) {
        return Some(found);
    }
    let mut found = Diagnostics::default();
    let from = Location {
        file: Arc::from(format!("#[tencent({PRODUCT} = \"{}\")]", product.value())),
        line: 1,
        column: 1,
    };
    let layers = load::load_named(name, &from, builtins, &mut found);
    let set = check::code_set(&layers, &mut found);
    if !found.is_empty() {
        for diagnostic in found.into_vec() {
            diagnostics.push(diagnostic.or_span(product.span()));
        }
        return None;
    }
    let labels = layers
        .layers
        .iter()
        .map(|layer| layer.label.to_string())
        .collect();
    let value = Arc::new(CheckedFile {
        set,
        files: Vec::new(),
        labels,
        extends_common: layers.extends_builtin(),
    });
    if let Ok(mut cache) = cache.lock() {
        cache.insert(key, Arc::clone(&value));
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
    diagnostics: &mut Diagnostics,
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
        diagnostics.push(
            Diagnostic::spanned(action.span(), format!("`{product}` has no action `{name}`"))
                .help(help),
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
