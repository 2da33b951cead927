//! The per-action rule of a derived enum. With `product = "..."` the
//! variants' codes are checked against that product of the catalogue (and
//! take its descriptions and retry classes); with `action = "..."` too,
//! each code must be one the action may return (Tencent lists it for the
//! action, or it is a common code); with `exhaustive`, every code listed
//! for the action needs a variant.
//!
//! What the check needs of a product-version (its checked codes and its
//! actions) is kept for the whole compilation (a `static`), keyed by the
//! product-version and checked against its files' stamp, so a few hundred
//! enums naming one product read and check it once and share it, and only
//! the named product is ever read.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use proc_macro2::Span;
use syn::LitStr;

use super::attr::{Enum, ACTION, EXHAUSTIVE, PRODUCT};
use crate::cache::{self, CheckedFile};
use crate::check;
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::load::{self, ActionCodes, BuiltinLayers, LayerStamp, BUILTIN_PREFIX};
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
    /// Every action of the product, shared by every enum that names it:
    /// the action's own codes and, for messages, which actions return a code.
    actions: Arc<ActionCodes>,
}

impl ActionRule {
    /// The codes Tencent lists for the action (the catalogue sorts them).
    fn listed(&self) -> &[String] {
        self.actions.get(&self.action).map_or(&[], Vec::as_slice)
    }

    /// Whether Tencent lists `code` for the action.
    fn lists(&self, code: &str) -> bool {
        self.listed().iter().any(|listed| listed == code)
    }

    /// A variant's code must be listed for the action or be a common code.
    /// Returns whether `code` passes; records the error if not.
    pub fn check_code(&self, code: &str, span: Span, diagnostics: &mut Diagnostics) -> bool {
        if self.lists(code) || common_codes().contains(code) {
            return true;
        }
        let message = format!(
            "`{}` ({}) cannot return `{code}`: Tencent does not list it for this action, and it is not a common code",
            self.action, self.product
        );
        let help = match naming::did_you_mean(&naming::closest(
            code,
            self.listed().iter().map(String::as_str),
            3,
        )) {
            Some(guess) => guess,
            None => format!(
                "besides the common codes, it may return {}",
                listing(self.listed().iter())
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
            .listed()
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
                    self.listed().len(),
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
    let shared = product_version(&name, product, builtins, diagnostics)?;
    let rule = match &input.action {
        Some(action) => Some(action_rule(action, &shared, builtins, diagnostics)?),
        None => None,
    };
    Some(Product {
        checked: Arc::clone(&shared.checked),
        rule,
    })
}

/// What the check needs of one product-version, read and checked once per
/// compilation and shared by every enum that names it.
struct ProductVersion {
    /// `tencent-errors/mdl/v20200326`.
    canonical: String,
    /// Its codes, with the common ones.
    checked: Arc<CheckedFile>,
    /// Its actions, read when an enum first names one.
    actions: OnceLock<Arc<ActionCodes>>,
}

/// The product-version `name` (`tencent-errors/PRODUCT[/VERSION]`) names,
/// from the cache while its files are unchanged, else loaded and checked
/// now; records an unknown product or a file that does not check.
fn product_version(
    name: &str,
    product: &LitStr,
    builtins: &dyn BuiltinLayers,
    diagnostics: &mut Diagnostics,
) -> Option<Arc<ProductVersion>> {
    type Cache = Mutex<HashMap<String, (u64, Arc<ProductVersion>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    // The stamp costs a `stat` of the files; a set without stamps is
    // identified by its text's hash (the tables' string hash, which mixes
    // in the length).
    let Some(LayerStamp {
        name: canonical,
        stamp,
    }) = builtins.stamp(name).or_else(|| {
        builtins.layer(name).map(|layer| LayerStamp {
            stamp: tencent_errors_table::hash(layer.source.as_bytes(), 0),
            name: layer.name,
        })
    })
    else {
        unknown_product(product, builtins, diagnostics);
        return None;
    };
    let cache = CACHE.get_or_init(Default::default);
    if let Some(found) = cache.lock().ok().and_then(|cache| {
        cache
            .get(&canonical)
            .filter(|(at, _)| *at == stamp)
            .map(|(_, found)| Arc::clone(found))
    }) {
        return Some(found);
    }
    let checked = load_product(name, product, builtins, diagnostics)?;
    let value = Arc::new(ProductVersion {
        canonical: canonical.clone(),
        checked,
        actions: OnceLock::new(),
    });
    if let Ok(mut cache) = cache.lock() {
        cache.insert(canonical, (stamp, Arc::clone(&value)));
    }
    Some(value)
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

/// The product's codes, loaded and checked as `extends` would load them.
fn load_product(
    name: &str,
    product: &LitStr,
    builtins: &dyn BuiltinLayers,
    diagnostics: &mut Diagnostics,
) -> Option<Arc<CheckedFile>> {
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
    Some(Arc::new(CheckedFile {
        set,
        files: Vec::new(),
        labels,
        extends_common: layers.extends_builtin(),
    }))
}

fn action_rule(
    action: &LitStr,
    shared: &ProductVersion,
    builtins: &dyn BuiltinLayers,
    diagnostics: &mut Diagnostics,
) -> Option<ActionRule> {
    let canonical = shared.canonical.as_str();
    let product = canonical
        .strip_prefix(BUILTIN_PREFIX)
        .unwrap_or(canonical)
        .to_owned();
    let actions = shared
        .actions
        .get_or_init(|| builtins.actions(canonical).unwrap_or_default());
    let name = action.value();
    if !actions.contains_key(&name) {
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
    }
    Some(ActionRule {
        action: name,
        product,
        actions: Arc::clone(actions),
    })
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

    use quote::{format_ident, quote};

    use super::*;
    use crate::load::BuiltinLayer;

    /// One product, `counted`, whose reads are counted and whose stamp the
    /// test moves, as an edit of its files would.
    #[derive(Default)]
    struct Counted {
        layer_reads: AtomicUsize,
        action_reads: AtomicUsize,
        stamp: AtomicU64,
    }

    impl BuiltinLayers for Counted {
        fn layer(&self, name: &str) -> Option<BuiltinLayer> {
            self.stamp(name)?;
            self.layer_reads.fetch_add(1, Ordering::SeqCst);
            Some(BuiltinLayer {
                name: "tencent-errors/counted/v1".to_owned(),
                source: Cow::Borrowed(
                    "extends = [\"tencent-errors\"]\n[ResourceNotFound.Disk]\ndescription = \"No disk.\"\n",
                ),
            })
        }

        fn names(&self) -> Vec<String> {
            vec!["tencent-errors/counted".to_owned()]
        }

        fn actions(&self, name: &str) -> Option<Arc<ActionCodes>> {
            self.stamp(name)?;
            self.action_reads.fetch_add(1, Ordering::SeqCst);
            let listed = vec!["ResourceNotFound.Disk".to_owned()];
            Some(Arc::new([("AttachDisk".to_owned(), listed)].into()))
        }

        fn stamp(&self, name: &str) -> Option<LayerStamp> {
            matches!(name, "tencent-errors/counted" | "tencent-errors/counted/v1").then(|| {
                LayerStamp {
                    name: "tencent-errors/counted/v1".to_owned(),
                    stamp: self.stamp.load(Ordering::SeqCst),
                }
            })
        }
    }

    /// Derives `count` enums naming `AttachDisk` of `counted`; the expansions.
    fn derive(builtins: &Counted, count: usize) -> Vec<String> {
        (0..count)
            .map(|index| {
                let ident = format_ident!("AttachDiskError{index}");
                let input = quote! {
                    #[tencent(product = "counted", action = "AttachDisk")]
                    enum #ident {
                        #[tencent(code = "ResourceNotFound.Disk")]
                        NoDisk,
                        #[tencent(other)]
                        Other(String),
                    }
                };
                crate::derive_tencent_error_with(input, std::path::Path::new(""), builtins)
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn many_enums_naming_one_action_read_its_product_once() {
        let builtins = Counted::default();
        let expansions = derive(&builtins, 5);
        assert!(
            expansions
                .iter()
                .all(|tokens| !tokens.contains("compile_error")),
            "{}",
            expansions[0]
        );
        assert!(
            expansions[4].contains("No disk."),
            "the product's description"
        );
        assert_eq!(builtins.layer_reads.load(Ordering::SeqCst), 1);
        assert_eq!(builtins.action_reads.load(Ordering::SeqCst), 1);
        // Edited files: read again, once.
        builtins.stamp.store(1, Ordering::SeqCst);
        derive(&builtins, 3);
        assert_eq!(builtins.layer_reads.load(Ordering::SeqCst), 2);
        assert_eq!(builtins.action_reads.load(Ordering::SeqCst), 2);
    }
}
