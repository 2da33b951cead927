//! `tencent-errors explain CODE [--product P]`: what a code means, how a
//! request that failed with it may be retried, its parents, the products
//! that define it and the actions that return it. A code no table lists:
//! what it inherits, as the runtime decodes it, and the closest known codes.

use std::io::Write;

use serde_json::{json, Map, Value};
use tencent_errors::escape::CODE_SHOWN_BYTES;
use tencent_errors::retry::Idempotency;
use tencent_errors::RetryClass;
use tencent_errors_core::naming;

use crate::advice;
use crate::args::{ExplainArgs, Format};
use crate::codebook::{self, Codebook, Entry, Origin};
use crate::output::{bounded_json, json, shown, CommandResult, Outcome, UsageError};

/// Known codes suggested for an unknown one, at most.
const SUGGESTIONS: usize = 3;
/// Definitions shown in full by the human output; the others are named
/// (`--product` shows one product's, JSON shows all).
const DEFINITIONS_SHOWN: usize = 4;
/// Actions listed per product-version by the human output.
const ACTIONS_SHOWN: usize = 6;
/// Product-versions named, and whose actions are listed, per definition.
const ORIGINS_SHOWN: usize = 12;

/// Runs `explain`, writing the answer to `out`.
pub fn run(args: &ExplainArgs, codebook: &Codebook, out: &mut impl Write) -> CommandResult {
    let product = checked_product(codebook, args.product.as_deref())?;
    let entries = codebook.lookup(&args.code, product);
    if entries.is_empty() {
        let answer = Unknown::new(codebook, &args.code, product);
        match args.format {
            Format::Human => answer.write_human(out)?,
            Format::Json => writeln!(out, "{}", json(&answer.to_json()))?,
        }
        return Ok(Outcome::Finding);
    }
    match args.format {
        Format::Human => {
            writeln!(out, "{}", entries[0].code)?;
            let groups = same_text_groups(&entries);
            for group in groups.iter().take(DEFINITIONS_SHOWN) {
                writeln!(out)?;
                write_group_human(codebook, group, out)?;
            }
            let rest: Vec<String> = groups
                .iter()
                .skip(DEFINITIONS_SHOWN)
                .flatten()
                .map(|entry| origin_text(entry.origin))
                .collect();
            if !rest.is_empty() {
                writeln!(out)?;
                writeln!(
                    out,
                    "  {:<15} {} more product-versions: {} (see one with --product)",
                    "also defined by",
                    rest.len(),
                    rest.join(", ")
                )?;
            }
        }
        Format::Json => {
            let entries_code = entries[0].code;
            let entries: Vec<Value> = entries
                .iter()
                .map(|entry| entry_json(codebook, entry))
                .collect();
            let answer = json!({"code": entries_code, "known": true, "definitions": entries});
            writeln!(out, "{}", json(&answer))?;
        }
    }
    Ok(Outcome::Success)
}

/// `--product`, if it names a product this build knows.
pub fn checked_product<'a>(
    codebook: &Codebook,
    product: Option<&'a str>,
) -> Result<Option<&'a str>, UsageError> {
    let Some(product) = product else {
        return Ok(None);
    };
    if codebook.has_product(product) {
        return Ok(Some(product));
    }
    let products = codebook.products();
    let mut message = format!("unknown product `{}`", shown(product, CODE_SHOWN_BYTES));
    if products.is_empty() {
        message.push_str("; this build knows only the common codes, which every product shares");
    } else if let Some(guess) =
        naming::did_you_mean(&naming::closest(product, products.iter().copied(), 3))
    {
        message = format!("{message}; {guess}");
    }
    Err(UsageError::new(message))
}

/// Definitions with the same descriptions, class and deprecation, in
/// order: the common codes first, then by product and version.
fn same_text_groups(entries: &[Entry]) -> Vec<Vec<&Entry>> {
    let mut groups: Vec<Vec<&Entry>> = Vec::new();
    for entry in entries {
        let same = |other: &&Entry| {
            other.origin != Origin::Common
                && entry.origin != Origin::Common
                && (
                    other.description,
                    other.description_zh,
                    other.retry,
                    other.deprecated,
                ) == (
                    entry.description,
                    entry.description_zh,
                    entry.retry,
                    entry.deprecated,
                )
        };
        match groups.iter_mut().find(|group| same(&group[0])) {
            Some(group) => group.push(entry),
            None => groups.push(vec![entry]),
        }
    }
    groups
}

fn origin_text(origin: Origin) -> String {
    match origin {
        Origin::Common => "the common codes".to_owned(),
        Origin::Product { product, version } => format!("{product} {version}"),
    }
}

fn write_group_human(
    codebook: &Codebook,
    group: &[&Entry],
    out: &mut impl Write,
) -> std::io::Result<()> {
    let field =
        |out: &mut dyn Write, name: &str, value: &str| writeln!(out, "  {name:<15} {value}");
    let entry = group[0];
    let defined_by = match entry.origin {
        Origin::Common => {
            "the common codes: every action of every product may return it".to_owned()
        }
        Origin::Product { .. } => {
            let mut names = group
                .iter()
                .take(ORIGINS_SHOWN)
                .map(|entry| origin_text(entry.origin))
                .collect::<Vec<_>>()
                .join(", ");
            if group.len() > ORIGINS_SHOWN {
                names.push_str(&format!(" and {} more", group.len() - ORIGINS_SHOWN));
            }
            names
        }
    };
    field(out, "defined by", &defined_by)?;
    field(out, "description", entry.description.unwrap_or("(none)"))?;
    field(
        out,
        "description_zh",
        entry.description_zh.unwrap_or("(none)"),
    )?;
    if entry.deprecated {
        field(out, "deprecated", "a newer SDK release no longer lists it")?;
    }
    write_retry_human(entry.retry, false, out)?;
    let parents: Vec<&str> = codebook::parents(codebook, entry)
        .iter()
        .map(|parent| parent.code)
        .collect();
    field(out, "parents", &list_or_none(&parents))?;
    if group.len() > 3 {
        return writeln!(
            out,
            "  {:<15} (one product's actions: explain {} --product P)",
            "returned by", entry.code
        );
    }
    for entry in group {
        if entry.origin == Origin::Common {
            continue;
        }
        let actions = codebook.actions_returning(entry.code, entry.origin);
        let mut shown_actions = actions
            .iter()
            .take(ACTIONS_SHOWN)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if actions.len() > ACTIONS_SHOWN {
            shown_actions.push_str(&format!(" and {} more", actions.len() - ACTIONS_SHOWN));
        }
        if shown_actions.is_empty() {
            shown_actions = "(no action lists it)".to_owned();
        }
        if group.len() > 1 {
            shown_actions = format!("{}: {shown_actions}", origin_text(entry.origin));
        }
        writeln!(out, "  {:<15} {shown_actions}", "returned by")?;
    }
    Ok(())
}

fn write_retry_human(
    retry: RetryClass,
    inherited: bool,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let how = if inherited { " (inherited)" } else { "" };
    writeln!(
        out,
        "  {:<15} {retry}{how}: {}",
        "retry class",
        advice::retry_meaning(retry)
    )?;
    for (name, idempotency) in [
        ("idempotent", Idempotency::Idempotent),
        ("not idempotent", Idempotency::NotIdempotent),
    ] {
        let decision = advice::decision(retry, idempotency);
        writeln!(out, "  {name:<15} {}", advice::decision_text(&decision))?;
    }
    Ok(())
}

fn list_or_none(items: &[&str]) -> String {
    if items.is_empty() {
        "(none)".to_owned()
    } else {
        items.join(", ")
    }
}

fn origin_json(origin: Origin) -> (Value, Value) {
    match origin {
        Origin::Common => (Value::Null, Value::Null),
        Origin::Product { product, version } => (product.into(), version.into()),
    }
}

fn retry_json(retry: RetryClass) -> Value {
    let mut decisions = Map::new();
    for (name, idempotency) in [
        ("idempotent", Idempotency::Idempotent),
        ("not_idempotent", Idempotency::NotIdempotent),
    ] {
        let decision = advice::decision(retry, idempotency);
        decisions.insert(
            name.to_owned(),
            json!({
                "decision": advice::decision_token(&decision),
                "stop_reason": advice::stop_token(&decision),
            }),
        );
    }
    json!({"class": retry.as_str(), "decisions": decisions})
}

fn entry_json(codebook: &Codebook, entry: &Entry) -> Value {
    let (product, version) = origin_json(entry.origin);
    let parents: Vec<&str> = codebook::parents(codebook, entry)
        .iter()
        .map(|parent| parent.code)
        .collect();
    let actions = codebook.actions_returning(entry.code, entry.origin);
    json!({
        "product": product,
        "version": version,
        "common": entry.origin == Origin::Common,
        "description": entry.description,
        "description_zh": entry.description_zh,
        "deprecated": entry.deprecated,
        "retry": retry_json(entry.retry),
        "parents": parents,
        "actions": actions,
    })
}

/// The answer for a code no table lists.
struct Unknown<'a> {
    code: &'a str,
    inherited: codebook::Inherited,
    suggestions: Vec<&'static str>,
}

impl<'a> Unknown<'a> {
    fn new(codebook: &Codebook, code: &'a str, product: Option<&str>) -> Unknown<'a> {
        // The core's `closest` measures edits to each candidate; a length
        // difference is a lower bound on them, and it keeps no candidate
        // more than a third of the input's length away (or one that only
        // differs in case): skipping those more than half away changes
        // nothing but the time (12,000 codes).
        let length = code.chars().count();
        let reach = length / 2 + 1;
        let codes = codebook.codes(product);
        let near = codes
            .iter()
            .copied()
            .filter(|known| known.chars().count().abs_diff(length) <= reach);
        let suggestions = naming::closest(code, near, SUGGESTIONS);
        Unknown {
            code,
            inherited: codebook.inherited(code, product),
            suggestions,
        }
    }

    fn write_human(&self, out: &mut impl Write) -> std::io::Result<()> {
        writeln!(out, "unknown code `{}`", shown(self.code, CODE_SHOWN_BYTES))?;
        writeln!(out)?;
        let ancestor = match &self.inherited.ancestor {
            Some(ancestor) => format!(
                "{}: {}",
                ancestor.code,
                ancestor.description.unwrap_or("(no description)")
            ),
            // Say why: the first segment is not a code of its own (the
            // retry class below then comes from its category's default).
            None => match self.code.split_once('.') {
                Some((category, _)) => format!(
                    "(none: `{}` is not a code)",
                    shown(category, CODE_SHOWN_BYTES)
                ),
                None => "(none)".to_owned(),
            },
        };
        writeln!(out, "  {:<15} {ancestor}", "nearest known")?;
        write_retry_human(self.inherited.retry, true, out)?;
        let suggestions = match naming::did_you_mean(&self.suggestions) {
            Some(guess) => guess,
            None => "no known code is close".to_owned(),
        };
        writeln!(out, "  {:<15} {suggestions}", "suggestions")
    }

    fn to_json(&self) -> Value {
        json!({
            "code": bounded_json(self.code, CODE_SHOWN_BYTES),
            "known": false,
            "nearest_known": self.inherited.ancestor.as_ref().map(|ancestor| ancestor.code),
            "retry": retry_json(self.inherited.retry),
            "suggestions": self.suggestions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipping_far_lengths_keeps_the_cores_suggestions() {
        let codes = Codebook.codes(None);
        for code in [
            "AuthFailure.SignatureExpird",
            "authfailure.tokenfailure",
            "Ab",
        ] {
            let unfiltered = naming::closest(code, codes.iter().copied(), SUGGESTIONS);
            let unknown = Unknown::new(&Codebook, code, None);
            assert_eq!(unknown.suggestions, unfiltered, "{code}");
        }
    }
}
