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

use crate::args::{ExplainArgs, Format};
use crate::codebook::{self, Codebook, Entry, Origin};
use crate::output::{bounded_json, json, shown, CommandResult, Outcome, UsageError};

/// Known codes suggested for an unknown one, at most.
const SUGGESTIONS: usize = 3;

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
            for entry in &entries {
                writeln!(out)?;
                write_entry_human(codebook, entry, out)?;
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

fn write_entry_human(
    codebook: &Codebook,
    entry: &Entry,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let field =
        |out: &mut dyn Write, name: &str, value: &str| writeln!(out, "  {name:<15} {value}");
    match entry.origin {
        Origin::Common => field(
            out,
            "defined by",
            "the common codes: every action of every product may return it",
        )?,
        Origin::Product { product, version } => {
            field(out, "defined by", &format!("{product} {version}"))?
        }
    }
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
    if let Origin::Product { product, version } = entry.origin {
        let actions: Vec<&str> = codebook
            .actions_returning(entry.code, Some(product))
            .into_iter()
            .filter(|(_, action_version, _)| *action_version == version)
            .map(|(_, _, action)| action)
            .collect();
        field(out, "returned by", &list_or_none(&actions))?;
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
        codebook::retry_meaning(retry)
    )?;
    for (name, idempotency) in [
        ("idempotent", Idempotency::Idempotent),
        ("not idempotent", Idempotency::NotIdempotent),
    ] {
        let decision = codebook::decision(retry, idempotency);
        writeln!(out, "  {name:<15} {}", codebook::decision_text(&decision))?;
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
        let decision = codebook::decision(retry, idempotency);
        decisions.insert(
            name.to_owned(),
            json!({
                "decision": codebook::decision_token(&decision),
                "stop_reason": codebook::stop_token(&decision),
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
    let actions: Vec<&str> = match entry.origin {
        Origin::Common => Vec::new(),
        Origin::Product { product, version } => codebook
            .actions_returning(entry.code, Some(product))
            .into_iter()
            .filter(|(_, action_version, _)| *action_version == version)
            .map(|(_, _, action)| action)
            .collect(),
    };
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
        let codes: Vec<&'static str> = codebook
            .entries()
            .filter(|entry| match (entry.origin, product) {
                (Origin::Product { product: own, .. }, Some(wanted)) => own == wanted,
                _ => true,
            })
            .map(|entry| entry.code)
            .collect();
        let mut suggestions = naming::closest(code, codes.iter().copied(), SUGGESTIONS);
        suggestions.dedup();
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
            None => "(none)".to_owned(),
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
