//! What an import counted and noticed: written to sources.toml (the record
//! kept with the data) and printed (the summary, with what changed).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use tencent_errors_catalogue::write::quote;
use tencent_errors_catalogue::{Catalogue, ProductVersion};

use super::assemble::Findings;
use super::classify::RuleCounts;
use super::read::{Sdk, GO_PRODUCT_ALIASES};
use super::update::ProductChanges;

/// Everything an import reports.
pub struct Report<'a> {
    /// The sources read.
    pub sdks: &'a [Sdk],
    /// The release that names deprecations.
    pub release: &'a str,
    /// The catalogue written.
    pub catalogue: &'a Catalogue,
    /// What assembly noticed.
    pub findings: &'a Findings,
    /// Groups of codes that differ only in case.
    pub case_only: &'a [Vec<String>],
    /// Codes given a `variant`: (product-version, code, variant).
    pub variants: &'a BTreeSet<(ProductVersion, String, String)>,
    /// What the retry rules did.
    pub rules: &'a RuleCounts,
    /// What changed, per product-version (empty on a first import).
    pub changes: &'a BTreeMap<ProductVersion, ProductChanges>,
}

/// Counts over the catalogue written.
struct Totals {
    products: usize,
    product_versions: usize,
    with_codes: usize,
    distinct_codes: usize,
    code_entries: usize,
    deprecated: usize,
    actions: usize,
    actions_with_codes: usize,
    action_codes: usize,
    retry_set: usize,
}

fn totals(catalogue: &Catalogue) -> Totals {
    let data = catalogue.products.values();
    let distinct: BTreeSet<&str> = data
        .clone()
        .flat_map(|d| d.codes.keys())
        .map(String::as_str)
        .collect();
    let codes = || data.clone().flat_map(|d| d.codes.values());
    Totals {
        products: catalogue.product_names().len(),
        product_versions: catalogue.products.len(),
        with_codes: data.clone().filter(|d| !d.codes.is_empty()).count(),
        distinct_codes: distinct.len(),
        code_entries: codes().count(),
        deprecated: codes().filter(|c| c.deprecated.is_some()).count(),
        actions: data.clone().map(|d| d.actions.len()).sum(),
        actions_with_codes: data
            .clone()
            .flat_map(|d| d.actions.values())
            .filter(|c| !c.is_empty())
            .count(),
        action_codes: data
            .clone()
            .flat_map(|d| d.actions.values())
            .map(Vec::len)
            .sum(),
        retry_set: codes().filter(|c| c.retry.is_some()).count(),
    }
}

struct SdkCounts {
    product_versions: usize,
    entries: usize,
    actions: usize,
    actions_with_codes: usize,
    action_codes: usize,
}

fn sdk_counts(sdk: &Sdk) -> SdkCounts {
    let lists = || sdk.actions.values().flat_map(|actions| actions.values());
    let keys: BTreeSet<&ProductVersion> = sdk.codes.keys().chain(sdk.actions.keys()).collect();
    SdkCounts {
        product_versions: keys.len(),
        entries: sdk.codes.values().map(Vec::len).sum(),
        actions: lists().count(),
        actions_with_codes: lists().filter(|codes| !codes.is_empty()).count(),
        action_codes: lists().map(Vec::len).sum(),
    }
}

fn pairs<'a>(items: impl IntoIterator<Item = &'a (ProductVersion, String)>) -> String {
    let quoted: Vec<String> = items
        .into_iter()
        .map(|(key, code)| format!("\n    {}", quote(&format!("{key} {code}"))))
        .collect();
    if quoted.is_empty() {
        "[]".to_owned()
    } else {
        format!("[{},\n]", quoted.join(","))
    }
}

impl Report<'_> {
    /// The text of sources.toml.
    pub fn sources_toml(&self) -> String {
        let mut text = String::from(
            "# The Tencent Cloud SDK releases this catalogue was imported from, and what\n\
             # the import counted and noticed. Written by `tencent-errors import`.\n\n",
        );
        let _ = writeln!(
            text,
            "# `deprecated = \"<release>\"` on a code names the import that no longer found it,\n\
             # by its tencentcloud-sdk-python version.\nrelease = {}\n",
            quote(self.release)
        );
        for sdk in self.sdks {
            let counts = sdk_counts(sdk);
            let _ = writeln!(
                text,
                "[[source]]\nname = {}\nversion = {}",
                quote(sdk.kind.package()),
                quote(&sdk.version)
            );
            if let Some(commit) = &sdk.commit {
                let _ = writeln!(text, "commit = {}", quote(commit));
            }
            let _ = writeln!(
                text,
                "descriptions = {}\nfiles = {}\nproduct_versions = {}\ncode_entries = {}\ndistinct_codes = {}",
                quote(if sdk.kind.is_english() { "en" } else { "zh" }),
                sdk.files,
                counts.product_versions,
                counts.entries,
                sdk.distinct_codes()
            );
            if sdk.kind.is_go() {
                let _ = writeln!(
                    text,
                    "actions = {}\nactions_with_codes = {}\naction_codes = {}",
                    counts.actions, counts.actions_with_codes, counts.action_codes
                );
            }
            text.push('\n');
        }
        let t = totals(self.catalogue);
        let _ =
            writeln!(
            text,
            "[catalogue]\nproducts = {}\nproduct_versions = {}\nproduct_versions_with_codes = {}\n\
             distinct_codes = {}\ncode_entries = {}\ndeprecated = {}\nretry_set = {}\n\
             actions = {}\nactions_with_codes = {}\naction_codes = {}\n",
            t.products, t.product_versions, t.with_codes, t.distinct_codes, t.code_entries,
            t.deprecated, t.retry_set, t.actions, t.actions_with_codes, t.action_codes
        );
        text.push_str("# Go folder names that differ from the Python ones.\n[product_aliases]\n");
        for (go, name) in GO_PRODUCT_ALIASES {
            let _ = writeln!(text, "{go} = {}", quote(name));
        }
        text.push_str(
            "\n# Each retry rule (cli/src/import/retry_rules.rs, tried in this order): the codes\n\
             # it decided, and those whose `retry` it set (where the decision differs from\n\
             # what the code inherits).\n[retry_rules]\n",
        );
        for rule in &super::retry_rules::RULES {
            let (decided, set) = self
                .rules
                .by_rule
                .get(rule.name)
                .copied()
                .unwrap_or_default();
            let _ = writeln!(
                text,
                "{} = {{ decided = {decided}, set = {set} }}",
                rule.name
            );
        }
        let later: Vec<(ProductVersion, String)> = self
            .rules
            .later_but_kept
            .iter()
            .map(|(key, code, retry)| (key.clone(), format!("{code} ({retry})")))
            .collect();
        let _ = writeln!(
            text,
            "\n# What the import noticed. Codes outside the grammar (segments of\n\
             # [A-Za-z][A-Za-z0-9_]* joined by dots, at most 128 characters) are in no enum and\n\
             # no action list: they decode as unknown codes inheriting from their parent.\n\
             [findings]\nunrepresentable = {}",
            pairs(&self.findings.unrepresentable)
        );
        let case_only: Vec<String> = self
            .case_only
            .iter()
            .map(|group| {
                format!(
                    "\n    [{}]",
                    group
                        .iter()
                        .map(|c| quote(c))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect();
        let _ = writeln!(
            text,
            "# Codes that differ only in case (anywhere in the catalogue); each is its own code.\n\
             case_only = [{}{}]",
            case_only.join(","),
            if case_only.is_empty() { "" } else { ",\n" }
        );
        let variants: Vec<(ProductVersion, String)> = self
            .variants
            .iter()
            .map(|(key, code, variant)| (key.clone(), format!("{code} = {variant}")))
            .collect();
        let _ = writeln!(
            text,
            "# Codes that collide with another under the variant naming rule, and the `variant` given.\n\
             variants = {}",
            pairs(&variants)
        );
        let _ = writeln!(
            text,
            "# Codes no Python SDK lists: from Go's errors.go or an action's list.\ngo_only = {}",
            pairs(&self.findings.go_only)
        );
        let _ = writeln!(
            text,
            "# Codes no SDK describes: `description` says so.\nundescribed = {}",
            pairs(&self.findings.undescribed)
        );
        let _ = writeln!(
            text,
            "# Codes whose description asks to try again later, kept at another class by an\n\
             # earlier rule or by the common codes.\nlater_but_kept = {}",
            pairs(&later)
        );
        text
    }

    /// The summary printed after an import.
    pub fn summary(&self) -> String {
        let mut text = String::new();
        for sdk in self.sdks {
            let c = sdk_counts(sdk);
            let _ = write!(
                text,
                "read {} {}: {} files, {} product-versions, {} code entries ({} distinct codes)",
                sdk.kind.package(),
                sdk.version,
                sdk.files,
                c.product_versions,
                c.entries,
                sdk.distinct_codes()
            );
            if sdk.kind.is_go() {
                let _ = write!(
                    text,
                    ", {} actions ({} list codes), {} action-code pairs",
                    c.actions, c.actions_with_codes, c.action_codes
                );
            }
            text.push('\n');
        }
        let t = totals(self.catalogue);
        let _ = writeln!(
            text,
            "catalogue: {} products, {} product-versions ({} with codes), {} distinct codes ({} entries, {} deprecated), \
             {} actions ({} list codes), {} action-code pairs",
            t.products, t.product_versions, t.with_codes, t.distinct_codes, t.code_entries, t.deprecated,
            t.actions, t.actions_with_codes, t.action_codes
        );
        let mut list = |title: &str, items: Vec<String>| {
            let _ = writeln!(text, "{title}: {}", items.len());
            for item in items {
                let _ = writeln!(text, "  {item}");
            }
        };
        list(
            "not representable (outside the grammar, decoded as unknown codes)",
            self.findings
                .unrepresentable
                .iter()
                .map(|(k, c)| format!("{k} {c:?}"))
                .collect(),
        );
        list(
            "codes differing only in case",
            self.case_only.iter().map(|group| group.join(" ")).collect(),
        );
        list(
            "naming collisions, given a variant",
            self.variants
                .iter()
                .map(|(k, c, v)| format!("{k} {c} -> {v}"))
                .collect(),
        );
        list(
            "codes no Python SDK lists (from Go)",
            self.findings
                .go_only
                .iter()
                .map(|(k, c)| format!("{k} {c}"))
                .collect(),
        );
        list(
            "codes no SDK describes",
            self.findings
                .undescribed
                .iter()
                .map(|(k, c)| format!("{k} {c}"))
                .collect(),
        );
        let _ = writeln!(text, "retry rules (decided / set):");
        for rule in &super::retry_rules::RULES {
            let (decided, set) = self
                .rules
                .by_rule
                .get(rule.name)
                .copied()
                .unwrap_or_default();
            let _ = writeln!(text, "  {:<24} {decided} / {set}", rule.name);
        }
        let _ = writeln!(
            text,
            "  asked to try later but kept at another class: {}",
            self.rules.later_but_kept.len()
        );
        self.write_changes(&mut text);
        text
    }

    fn write_changes(&self, text: &mut String) {
        let changed: Vec<_> = self.changes.iter().filter(|(_, c)| !c.is_empty()).collect();
        if changed.is_empty() {
            let _ = writeln!(text, "changes: none");
            return;
        }
        let _ = writeln!(text, "changes, per product-version:");
        for (key, change) in changed {
            let _ = writeln!(
                text,
                "  {key}: {} added, {} removed (deprecated), {} restored, {} changed; actions: {} added, {} removed, {} changed",
                change.added.len(), change.removed.len(), change.restored.len(), change.changed.len(),
                change.actions_added.len(), change.actions_removed.len(), change.actions_changed.len()
            );
            for code in &change.added {
                let _ = writeln!(text, "    + {code}");
            }
            for code in &change.removed {
                let _ = writeln!(text, "    - {code} (deprecated = {:?})", self.release);
            }
            for code in &change.restored {
                let _ = writeln!(text, "    ^ {code} (no longer deprecated)");
            }
            for (code, fields) in &change.changed {
                let _ = writeln!(text, "    ~ {code} ({})", fields.join(", "));
            }
            for action in &change.actions_added {
                let _ = writeln!(text, "    + action {action}");
            }
            for action in &change.actions_removed {
                let _ = writeln!(text, "    - action {action}");
            }
            for action in &change.actions_changed {
                let _ = writeln!(text, "    ~ action {action}");
            }
        }
    }
}
