//! `tencent-errors decode [FILE|-] [--status N] [--action NAME]`: a response
//! body in, the runtime's verdict out ([`parse_response`]): a success, an
//! error with its code, descriptions, RequestId and retry class, or the
//! typed reason a body is no envelope (an HTML page, truncated JSON, ...).
//! With `--action`, the default retry policy's decision for that action.
//!
//! Everything the body says is untrusted: printed escaped and bounded with
//! the runtime's limits.

use std::io::{Read, Write};
use std::path::Path;

use serde_json::{json, Value};
use tencent_errors::escape::{CODE_SHOWN_BYTES, MESSAGE_SHOWN_BYTES, REQUEST_ID_SHOWN_BYTES};
use tencent_errors::retry::Idempotency;
use tencent_errors::{
    parse_response, ApiError, CommonCode, Error, InvalidBody, InvalidBodyKind, RetryClass, Success,
};

use crate::advice;
use crate::args::{DecodeArgs, Format};
use crate::codebook::{Codebook, Entry, Inherited, Origin};
use crate::explain::checked_product;
use crate::output::{bounded_json, json, shown, CommandResult, Outcome, UsageError};

/// Bytes of the start of an invalid body shown (the runtime keeps 512).
const SNIPPET_SHOWN_BYTES: usize = 512;
/// Bytes of a decoder's message shown (the runtime keeps about 1 KiB).
const REASON_SHOWN_BYTES: usize = 1027;

/// Runs `decode`; the body comes from `stdin` when the input is `-`.
pub fn run(
    args: &DecodeArgs,
    codebook: &Codebook,
    stdin: &mut impl Read,
    out: &mut impl Write,
) -> CommandResult {
    let product = checked_product(codebook, args.product.as_deref())?;
    let body = read_body(&args.input, stdin)?;
    let verdict = parse_response::<Value, CommonCode>(args.status, &body);
    let meaning = match &verdict {
        Err(Error::Api(error)) => Some(Meaning::of(codebook, error, product)),
        _ => None,
    };
    let action = args.action.as_deref().map(|action| {
        (
            action,
            Idempotency::infer(action, args.client_token.as_deref()),
        )
    });
    match args.format {
        Format::Human => write_human(&verdict, args.status, meaning.as_ref(), action, out)?,
        Format::Json => writeln!(
            out,
            "{}",
            json(&to_json(&verdict, args.status, meaning.as_ref(), action))
        )?,
    }
    Ok(match verdict {
        Ok(_) => Outcome::Success,
        Err(_) => Outcome::Finding,
    })
}

fn read_body(input: &Path, stdin: &mut impl Read) -> Result<Vec<u8>, UsageError> {
    let mut body = Vec::new();
    if input == Path::new("-") {
        stdin
            .read_to_end(&mut body)
            .map_err(|error| UsageError::new(format!("cannot read standard input: {error}")))?;
    } else {
        body = std::fs::read(input).map_err(|error| {
            UsageError::new(format!("cannot read `{}`: {error}", input.display()))
        })?;
    }
    Ok(body)
}

type Verdict = Result<Success<Value>, Error<CommonCode>>;

/// What the codebook says about an error envelope's code.
struct Meaning {
    /// Every definition of the code (in `--product` and the common codes).
    definitions: Vec<Entry>,
    /// The one whose text and class apply: `--product`'s, else the common
    /// code's, else the first product's.
    chosen: Option<Entry>,
    /// For a code no table lists: what it inherits.
    inherited: Option<Inherited>,
    /// The retry class that applies.
    retry: RetryClass,
}

impl Meaning {
    fn of(codebook: &Codebook, error: &ApiError<CommonCode>, product: Option<&str>) -> Meaning {
        let code = error.code().as_str();
        let definitions = codebook.lookup(code, product);
        let in_product = |entry: &&Entry| matches!(entry.origin, Origin::Product { product: own, .. } if Some(own) == product);
        let chosen = definitions
            .iter()
            .rfind(in_product)
            .or_else(|| {
                definitions
                    .iter()
                    .find(|entry| entry.origin == Origin::Common)
            })
            .or_else(|| definitions.first())
            .cloned();
        let inherited = definitions
            .is_empty()
            .then(|| codebook.inherited(code, product));
        let retry = match (&chosen, &inherited) {
            (Some(entry), _) => entry.retry,
            (None, Some(inherited)) => inherited.retry,
            (None, None) => error.retry_class(),
        };
        Meaning {
            definitions,
            chosen,
            inherited,
            retry,
        }
    }

    fn origins(&self) -> Vec<String> {
        self.definitions
            .iter()
            .map(|entry| match entry.origin {
                Origin::Common => "the common codes".to_owned(),
                Origin::Product { product, version } => format!("{product} {version}"),
            })
            .collect()
    }
}

fn write_human(
    verdict: &Verdict,
    http_status: u16,
    meaning: Option<&Meaning>,
    action: Option<(&str, Idempotency)>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let field = |out: &mut dyn Write, name: &str, value: &dyn std::fmt::Display| {
        writeln!(out, "  {name:<15} {value}")
    };
    let retry = match verdict {
        Ok(success) => {
            writeln!(out, "success (HTTP {http_status})")?;
            field(
                out,
                "request id",
                &shown(success.request_id(), REQUEST_ID_SHOWN_BYTES),
            )?;
            if let Some(warning) = success.deprecated_warning() {
                field(out, "warning", &shown(warning, MESSAGE_SHOWN_BYTES))?;
            }
            return Ok(());
        }
        Err(Error::Api(error)) => {
            writeln!(out, "error response (HTTP {})", error.http_status())?;
            write_api_error_human(error, meaning, out)?;
            meaning.map_or(error.retry_class(), |meaning| meaning.retry)
        }
        Err(Error::InvalidBody(invalid)) => {
            writeln!(
                out,
                "invalid body (HTTP {}, {} bytes): {}",
                invalid.http_status(),
                invalid.body_len(),
                invalid.kind()
            )?;
            field(out, "reason", &shown(invalid.reason(), REASON_SHOWN_BYTES))?;
            field(
                out,
                "request id",
                &optional(invalid.request_id(), REQUEST_ID_SHOWN_BYTES),
            )?;
            field(
                out,
                "body starts",
                &shown(invalid.snippet(), SNIPPET_SHOWN_BYTES),
            )?;
            invalid.retry_class()
        }
        Err(other) => {
            // `CommonCode` takes every code: only a closed enum rejects one.
            writeln!(out, "error: {other}")?;
            other.retry_class()
        }
    };
    field(
        out,
        "retry class",
        &format_args!("{retry}: {}", advice::retry_meaning(retry)),
    )?;
    if let Some((name, idempotency)) = action {
        let decision = advice::decision(retry, idempotency);
        field(
            out,
            "action",
            &format_args!(
                "{} ({idempotency}): {}",
                shown(name, CODE_SHOWN_BYTES),
                advice::decision_text(&decision)
            ),
        )?;
    }
    Ok(())
}

fn write_api_error_human(
    error: &ApiError<CommonCode>,
    meaning: Option<&Meaning>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let field = |out: &mut dyn Write, name: &str, value: &dyn std::fmt::Display| {
        writeln!(out, "  {name:<15} {value}")
    };
    let code = error.code().as_str();
    let mut code_line = shown(code, CODE_SHOWN_BYTES).to_string();
    if let Some(inherited) = meaning.and_then(|meaning| meaning.inherited.as_ref()) {
        code_line.push_str(&match &inherited.ancestor {
            Some(ancestor) => format!(" (not a known code; nearest known: {})", ancestor.code),
            None => " (not a known code)".to_owned(),
        });
    }
    field(out, "code", &code_line)?;
    field(out, "message", &shown(error.message(), MESSAGE_SHOWN_BYTES))?;
    field(
        out,
        "request id",
        &optional(error.request_id(), REQUEST_ID_SHOWN_BYTES),
    )?;
    let Some(meaning) = meaning else {
        return Ok(());
    };
    let origins = meaning.origins();
    if !origins.is_empty() {
        let mut defined_by = origins
            .iter()
            .take(8)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if origins.len() > 8 {
            defined_by.push_str(&format!(
                " and {} more (choose with --product)",
                origins.len() - 8
            ));
        }
        field(out, "defined by", &defined_by)?;
    }
    if let Some(entry) = &meaning.chosen {
        field(out, "description", &entry.description.unwrap_or("(none)"))?;
        field(
            out,
            "description_zh",
            &entry.description_zh.unwrap_or("(none)"),
        )?;
    }
    Ok(())
}

/// Untrusted optional text, or `(none)`.
fn optional(text: Option<&str>, max_bytes: usize) -> String {
    match text {
        Some(text) => shown(text, max_bytes).to_string(),
        None => "(none)".to_owned(),
    }
}

fn to_json(
    verdict: &Verdict,
    http_status: u16,
    meaning: Option<&Meaning>,
    action: Option<(&str, Idempotency)>,
) -> Value {
    let (mut answer, retry) = match verdict {
        Ok(success) => {
            let answer = json!({
                "verdict": "success",
                "http_status": http_status,
                "request_id": bounded_json(success.request_id(), REQUEST_ID_SHOWN_BYTES),
                "deprecated_warning": success
                    .deprecated_warning()
                    .map(|warning| bounded_json(warning, MESSAGE_SHOWN_BYTES)),
            });
            return answer;
        }
        Err(Error::Api(error)) => (
            api_error_json(error, meaning),
            meaning.map_or(error.retry_class(), |meaning| meaning.retry),
        ),
        Err(Error::InvalidBody(invalid)) => (invalid_body_json(invalid), invalid.retry_class()),
        Err(other) => (
            json!({"verdict": "error", "http_status": other.http_status()}),
            other.retry_class(),
        ),
    };
    answer["retry"] = Value::from(retry.as_str());
    if let Some((name, idempotency)) = action {
        answer["action"] = action_json(name, idempotency, retry);
    }
    answer
}

fn api_error_json(error: &ApiError<CommonCode>, meaning: Option<&Meaning>) -> Value {
    let code = error.code().as_str();
    let chosen = meaning.and_then(|meaning| meaning.chosen.as_ref());
    let nearest_known = meaning
        .and_then(|meaning| meaning.inherited.as_ref())
        .and_then(|inherited| inherited.ancestor.as_ref())
        .map(|ancestor| ancestor.code);
    json!({
        "verdict": "error",
        "http_status": error.http_status(),
        "code": bounded_json(code, CODE_SHOWN_BYTES),
        "known": chosen.is_some(),
        "defined_by": meaning.map(Meaning::origins).unwrap_or_default(),
        "nearest_known": nearest_known,
        "message": bounded_json(error.message(), MESSAGE_SHOWN_BYTES),
        "request_id": error.request_id().map(|id| bounded_json(id, REQUEST_ID_SHOWN_BYTES)),
        "description": chosen.and_then(|entry| entry.description),
        "description_zh": chosen.and_then(|entry| entry.description_zh),
    })
}

fn invalid_body_json(invalid: &InvalidBody) -> Value {
    json!({
        "verdict": "invalid_body",
        "http_status": invalid.http_status(),
        "kind": kind_token(invalid.kind()),
        "reason": bounded_json(invalid.reason(), REASON_SHOWN_BYTES),
        "request_id": invalid.request_id().map(|id| bounded_json(id, REQUEST_ID_SHOWN_BYTES)),
        "body_len": invalid.body_len(),
        "body_starts": bounded_json(invalid.snippet(), SNIPPET_SHOWN_BYTES),
    })
}

fn action_json(name: &str, idempotency: Idempotency, retry: RetryClass) -> Value {
    let decision = advice::decision(retry, idempotency);
    json!({
        "name": bounded_json(name, CODE_SHOWN_BYTES),
        "idempotent": idempotency.is_idempotent(),
        "decision": advice::decision_token(&decision),
        "stop_reason": advice::stop_token(&decision),
    })
}

/// The kind as a stable token for JSON.
fn kind_token(kind: InvalidBodyKind) -> &'static str {
    match kind {
        InvalidBodyKind::Empty => "empty",
        InvalidBodyKind::NotUtf8 => "not_utf8",
        InvalidBodyKind::NotJson => "not_json",
        InvalidBodyKind::Truncated => "truncated",
        InvalidBodyKind::TooDeep => "too_deep",
        InvalidBodyKind::NoResponse => "no_response",
        InvalidBodyKind::WrongType => "wrong_type",
        InvalidBodyKind::DuplicateKey => "duplicate_key",
        InvalidBodyKind::MissingCode => "missing_code",
        InvalidBodyKind::MissingRequestId => "missing_request_id",
        InvalidBodyKind::Payload => "payload",
        _ => "other",
    }
}
