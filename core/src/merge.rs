//! Layers into one view per path: every code and category, each field
//! resolved across the layers that define it, and the conflicts between
//! layers that do not build on one another.
//!
//! The rules (README, "Layers merge by these rules"):
//! - The result never depends on the order of `extends` entries: nothing
//!   below looks at which of two unrelated layers comes first, except to
//!   pick the first of several equal values.
//! - A field set in a layer overrides the same field set in a layer it
//!   extends. Two layers that do not extend one another conflict only on a
//!   field both set explicitly to different values, and a layer that
//!   extends both settles only the fields it sets.
//! - A category default (`retry` on a table) applies to the codes of its
//!   layer and of layers that extend it, unless the code or a nearer
//!   category sets its own.
//! - A redefinition keeps the variant name: `variant` may only repeat it.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::load::{Layer, Layers};
use crate::naming;
use crate::schema::{Located, RetryClass, Table};

/// One code or category as all layers together define it.
#[derive(Debug)]
pub struct MergedTable<'a> {
    /// The dotted path.
    pub path: &'a str,
    /// Where the path's table is first written, in layer order.
    pub location: &'a Location,
    /// Whether a layer gives it a description (English or Chinese).
    pub is_code: bool,
    /// Whether a layer nests tables below it.
    pub has_children: bool,
    /// The English description.
    pub description: Option<&'a str>,
    /// The Chinese description.
    pub description_zh: Option<&'a str>,
    /// The SDK release that removed the code.
    pub deprecated: Option<&'a Located<String>>,
    /// The explicit variant name.
    pub variant: Option<&'a Located<String>>,
    /// The retry class: set on the table, else inherited (see the rules).
    pub retry: RetryClass,
    /// Why: the `retry_reason` beside the `retry` that decided it.
    pub retry_reason: Option<&'a str>,
}

/// Every path of every layer, in the order they first appear.
#[derive(Debug, Default)]
pub struct Merged<'a> {
    /// The paths, in layer order, then source order within a layer.
    pub tables: Vec<MergedTable<'a>>,
}

/// One layer's table at a path.
#[derive(Clone, Copy)]
struct Definition<'a> {
    layer: usize,
    table: &'a Table,
}

/// The definitions of a path, and which layers extend which.
struct Definitions<'l, 'a> {
    layers: &'l [Layer],
    of_path: &'l [Definition<'a>],
}

/// A field resolved over some of a path's definitions.
enum Resolution<'a, T> {
    Unset,
    Set(Definition<'a>, &'a Located<T>),
    Conflict(Definition<'a>, Definition<'a>),
}

impl<'a> Definitions<'_, 'a> {
    /// Whether layer `later` extends layer `earlier`, directly or not.
    fn extends(&self, later: usize, earlier: usize) -> bool {
        self.layers[later].ancestors.contains(&earlier)
    }

    /// `field` over the definitions of layers that `within` admits: the
    /// settings no other setting overrides, agreeing or in conflict.
    fn resolve<T: PartialEq>(
        &self,
        field: impl Fn(&'a Table) -> Option<&'a Located<T>>,
        within: impl Fn(usize) -> bool,
    ) -> Resolution<'a, T> {
        let settings: Vec<(Definition<'a>, &'a Located<T>)> = self
            .of_path
            .iter()
            .filter(|definition| within(definition.layer))
            .filter_map(|definition| Some((*definition, field(definition.table)?)))
            .collect();
        let mut standing = settings.iter().filter(|(definition, _)| {
            !settings
                .iter()
                .any(|(other, _)| self.extends(other.layer, definition.layer))
        });
        let Some(&(first, value)) = standing.next() else {
            return Resolution::Unset;
        };
        match standing.find(|(_, other)| other.value != value.value) {
            Some(&(second, _)) => Resolution::Conflict(first, second),
            None => Resolution::Set(first, value),
        }
    }
}

/// Merges `layers` (each after the layers it extends), recording conflicts
/// and renamed variants.
pub fn merge<'a>(layers: &'a Layers, diagnostics: &mut Diagnostics) -> Merged<'a> {
    let layers = layers.layers.as_slice();
    let mut order: Vec<&'a str> = Vec::new();
    let mut by_path: HashMap<&'a str, Vec<Definition<'a>>> = HashMap::new();
    for (layer, loaded) in layers.iter().enumerate() {
        for table in &loaded.file.tables {
            let definitions = by_path.entry(&table.path).or_default();
            if definitions.is_empty() {
                order.push(&table.path);
            }
            definitions.push(Definition { layer, table });
        }
    }
    let definitions_of = |path: &str| Definitions {
        layers,
        of_path: by_path.get(path).map_or(&[], Vec::as_slice),
    };
    let mut conflicts = Vec::new();
    let mut merged = Merged::default();
    for &path in &order {
        let definitions = definitions_of(path);
        let everywhere = |_: usize| true;
        let mut text = |field: fn(&'a Table) -> Option<&'a Located<String>>, name| match definitions
            .resolve(field, everywhere)
        {
            Resolution::Unset => None,
            Resolution::Set(_, value) => Some(value),
            Resolution::Conflict(first, second) => {
                conflicts.push((path, first, second, name));
                field(first.table)
            }
        };
        let description = text(|table| table.description.as_ref(), "description");
        let description_zh = text(|table| table.description_zh.as_ref(), "description_zh");
        let deprecated = text(|table| table.deprecated.as_ref(), "deprecated");
        let variant = merge_variant(path, &definitions, diagnostics, &mut conflicts);
        let is_code = definitions.of_path.iter().any(|d| d.table.is_code());
        let (retry, retry_reason) = if is_code {
            code_retry(path, &definitions, &definitions_of, &mut conflicts)
        } else {
            category_retry(path, &definitions_of, &mut conflicts)
        };
        let first = definitions.of_path[0];
        merged.tables.push(MergedTable {
            path,
            location: &first.table.location,
            is_code,
            has_children: definitions.of_path.iter().any(|d| d.table.has_children),
            description: description.map(|d| d.value.as_str()),
            description_zh: description_zh.map(|d| d.value.as_str()),
            deprecated,
            variant,
            retry,
            retry_reason,
        });
    }
    report_conflicts(conflicts, diagnostics);
    merged
}

/// A field two layers that do not extend one another set differently.
type Conflict<'a> = (&'a str, Definition<'a>, Definition<'a>, &'static str);

/// The variant name: a redefinition may only repeat the name the layers
/// below it give.
fn merge_variant<'a>(
    path: &'a str,
    definitions: &Definitions<'_, 'a>,
    diagnostics: &mut Diagnostics,
    conflicts: &mut Vec<Conflict<'a>>,
) -> Option<&'a Located<String>> {
    let variant_of = |table: &'a Table| table.variant.as_ref();
    // The name seen from layer `layer` and the layers it extends.
    let name_below = |layer: usize| -> String {
        match definitions.resolve(variant_of, |other| {
            other == layer || definitions.extends(layer, other)
        }) {
            Resolution::Set(_, name) => name.value.clone(),
            Resolution::Conflict(first, _) => variant_of(first.table)
                .map_or_else(|| naming::variant_name(path), |name| name.value.clone()),
            Resolution::Unset => naming::variant_name(path),
        }
    };
    let mut renames = Vec::new();
    for later in definitions.of_path {
        let Some(renamed) = &later.table.variant else {
            continue;
        };
        let earlier = definitions.of_path.iter().find(|earlier| {
            definitions.extends(later.layer, earlier.layer)
                && name_below(earlier.layer) != renamed.value
        });
        if let Some(earlier) = earlier {
            diagnostics.push(
                Diagnostic::at(
                    &renamed.location,
                    format!(
                        "`[{path}]` renames the variant `{}` defined at {}",
                        name_below(earlier.layer),
                        definitions.of_path[0].table.location
                    ),
                )
                .help("a redefinition keeps the variant name: remove `variant`"),
            );
            renames.push(later.layer);
        }
    }
    match definitions.resolve(variant_of, |layer| !renames.contains(&layer)) {
        Resolution::Unset => None,
        Resolution::Set(_, name) => Some(name),
        Resolution::Conflict(first, second) => {
            conflicts.push((path, first, second, "variant"));
            variant_of(first.table)
        }
    }
}

/// A code's class: its own `retry`, else the nearest ancestor's `retry`
/// among the layers that introduce the code and the layers they extend.
fn code_retry<'a: 'l, 'l>(
    path: &'a str,
    definitions: &Definitions<'l, 'a>,
    definitions_of: &impl Fn(&str) -> Definitions<'l, 'a>,
    conflicts: &mut Vec<Conflict<'a>>,
) -> (RetryClass, Option<&'a str>) {
    let retry_of = |table: &'a Table| table.retry.as_ref();
    match definitions.resolve(retry_of, |_| true) {
        Resolution::Set(definition, retry) => {
            return (retry.value, reason(definition));
        }
        Resolution::Conflict(first, second) => {
            conflicts.push((path, first, second, "retry"));
            let retry = retry_of(first.table).map_or_else(RetryClass::default, |r| r.value);
            return (retry, reason(first));
        }
        Resolution::Unset => {}
    }
    // The layers that first make the path a code: category defaults of
    // these and of the layers they extend apply to it.
    let code_layers: Vec<usize> = definitions
        .of_path
        .iter()
        .filter(|d| d.table.is_code())
        .map(|d| d.layer)
        .collect();
    let introducers: Vec<usize> = code_layers
        .iter()
        .copied()
        .filter(|&layer| {
            !code_layers
                .iter()
                .any(|&other| definitions.extends(layer, other))
        })
        .collect();
    let visible = |layer: usize| {
        introducers
            .iter()
            .any(|&introducer| introducer == layer || definitions.extends(introducer, layer))
    };
    inherited_retry(path, definitions_of, visible)
}

/// A category's class, as the unknown codes below it inherit it: its own
/// `retry` over all layers, else its nearest ancestor's.
fn category_retry<'a: 'l, 'l>(
    path: &'a str,
    definitions_of: &impl Fn(&str) -> Definitions<'l, 'a>,
    conflicts: &mut Vec<Conflict<'a>>,
) -> (RetryClass, Option<&'a str>) {
    match definitions_of(path).resolve(|table| table.retry.as_ref(), |_| true) {
        Resolution::Set(definition, retry) => (retry.value, reason(definition)),
        Resolution::Conflict(first, second) => {
            conflicts.push((path, first, second, "retry"));
            let retry = first
                .table
                .retry
                .as_ref()
                .map_or_else(RetryClass::default, |r| r.value);
            (retry, reason(first))
        }
        Resolution::Unset => inherited_retry(path, definitions_of, |_| true),
    }
}

/// The `retry` of the nearest ancestor of `path` that sets one in a layer
/// `visible` admits; `never` when none does.
fn inherited_retry<'a: 'l, 'l>(
    path: &'a str,
    definitions_of: &impl Fn(&str) -> Definitions<'l, 'a>,
    visible: impl Fn(usize) -> bool,
) -> (RetryClass, Option<&'a str>) {
    for ancestor in tencent_errors_table::ancestors(path) {
        match definitions_of(ancestor).resolve(|table| table.retry.as_ref(), &visible) {
            Resolution::Unset => continue,
            Resolution::Set(_, retry) => return (retry.value, None),
            // Reported as the ancestor's own conflict, when it is one.
            Resolution::Conflict(first, _) => {
                let retry = first
                    .table
                    .retry
                    .as_ref()
                    .map_or_else(RetryClass::default, |r| r.value);
                return (retry, None);
            }
        }
    }
    (RetryClass::default(), None)
}

/// The `retry_reason` beside a definition's `retry`.
fn reason<'a>(definition: Definition<'a>) -> Option<&'a str> {
    definition
        .table
        .retry_reason
        .as_ref()
        .map(|reason| reason.value.as_str())
}

/// One error per path and pair of layers, naming the fields they differ in.
fn report_conflicts(conflicts: Vec<Conflict<'_>>, diagnostics: &mut Diagnostics) {
    let mut grouped: Vec<(&str, Definition<'_>, Definition<'_>, Vec<&str>)> = Vec::new();
    for (path, first, second, field) in conflicts {
        match grouped
            .iter_mut()
            .find(|(p, f, s, _)| *p == path && f.layer == first.layer && s.layer == second.layer)
        {
            Some((_, _, _, fields)) => fields.push(field),
            None => grouped.push((path, first, second, vec![field])),
        }
    }
    for (path, first, second, fields) in grouped {
        let fields: Vec<String> = fields.iter().map(|field| format!("`{field}`")).collect();
        let fields = match fields.as_slice() {
            [one] => one.clone(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
            [] => continue,
        };
        diagnostics.push(
            Diagnostic::at(
                &second.table.location,
                format!(
                    "`{path}` is defined differently here and at {}",
                    first.table.location
                ),
            )
            .note(format!("the two layers set {fields} to different values"))
            .help("define it in one of the two layers, or in a layer that extends both"),
        );
    }
}
