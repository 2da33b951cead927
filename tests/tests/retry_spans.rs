//! With the `tracing` feature, every call is a span and every attempt a
//! child span, with OpenTelemetry's RPC field names.
#![cfg(all(feature = "tracing", feature = "limiter"))]

use std::collections::BTreeMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tencent_errors::limiter::{AdaptiveLimiter, LimiterConfig};
use tencent_errors::retry::{Call, Idempotency, Jitter, ManualClock, Retrier};
use tencent_errors::{parse_response, CommonCode, Error, Success};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

#[derive(Debug, Clone)]
struct Span {
    name: &'static str,
    metadata: &'static Metadata<'static>,
    parent: Option<u64>,
    fields: BTreeMap<String, String>,
}

/// A subscriber that keeps every span with its fields as last recorded,
/// and knows which span is current (the tests run on one thread).
#[derive(Clone, Default)]
struct Capture {
    spans: Arc<Mutex<BTreeMap<u64, Span>>>,
    next: Arc<AtomicU64>,
    entered: Arc<Mutex<Vec<u64>>>,
}

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.insert(field.name().to_owned(), value.to_string());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, attributes: &Attributes<'_>) -> Id {
        let id = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        let mut span = Span {
            name: attributes.metadata().name(),
            metadata: attributes.metadata(),
            parent: attributes.parent().map(Id::into_u64),
            fields: BTreeMap::new(),
        };
        attributes.record(&mut Fields(&mut span.fields));
        self.spans.lock().unwrap().insert(id, span);
        Id::from_u64(id)
    }

    fn record(&self, id: &Id, values: &Record<'_>) {
        let mut spans = self.spans.lock().unwrap();
        let span = spans.get_mut(&id.into_u64()).unwrap();
        values.record(&mut Fields(&mut span.fields));
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, _: &Event<'_>) {}

    fn enter(&self, id: &Id) {
        self.entered.lock().unwrap().push(id.into_u64());
    }

    fn exit(&self, _: &Id) {
        self.entered.lock().unwrap().pop();
    }

    fn current_span(&self) -> tracing_core::span::Current {
        let Some(&id) = self.entered.lock().unwrap().last() else {
            return tracing_core::span::Current::none();
        };
        let metadata = self.spans.lock().unwrap()[&id].metadata;
        tracing_core::span::Current::new(Id::from_u64(id), metadata)
    }
}

impl Capture {
    fn spans(&self) -> Vec<Span> {
        self.spans.lock().unwrap().values().cloned().collect()
    }
}

fn answer(body: &str) -> Result<Success<serde_json::Value>, Error> {
    parse_response::<serde_json::Value, CommonCode>(200, body.as_bytes())
}

const THROTTLED: &str = r#"{"Response": {"Error": {"Code": "RequestLimitExceeded", "Message": "slow down"}, "RequestId": "req-1"}}"#;
const UNKNOWN: &str = r#"{"Response": {"Error": {"Code": "InternalError.Shard7f3a", "Message": ""}, "RequestId": "req-2"}}"#;

fn field<'a>(span: &'a Span, name: &str) -> Option<&'a str> {
    span.fields.get(name).map(String::as_str)
}

#[test]
fn a_call_and_its_attempts_are_spans_with_opentelemetry_names() {
    let capture = Capture::default();
    let clock = ManualClock::new();
    let limiter = AdaptiveLimiter::new(LimiterConfig::default()).with_clock(clock.clone());
    let retrier = Retrier::default()
        .with_clock(clock)
        .with_jitter(Jitter::seeded(3))
        .with_limiter(limiter, "1000", "ap-guangzhou");
    let mut answers = [THROTTLED, UNKNOWN, UNKNOWN].into_iter();
    tracing::subscriber::with_default(capture.clone(), || {
        retrier
            .run_blocking(Call::new("cvm", "DescribeInstances"), |_| {
                answer(answers.next().unwrap())
            })
            .unwrap_err();
    });

    let spans = capture.spans();
    assert_eq!(spans.len(), 4, "{spans:#?}");
    let call = &spans[0];
    assert_eq!(call.name, "tencentcloud.call");
    for span in &spans {
        assert_eq!(field(span, "rpc.system"), Some("tencentcloud"));
        assert_eq!(field(span, "rpc.service"), Some("cvm"));
        assert_eq!(field(span, "rpc.method"), Some("DescribeInstances"));
        assert_eq!(field(span, "otel.name"), Some("cvm/DescribeInstances"));
        assert_eq!(field(span, "otel.kind"), Some("client"));
        assert_eq!(field(span, "otel.status_code"), Some("ERROR"));
    }
    assert_eq!(field(call, "tencentcloud.attempts"), Some("3"));
    assert_eq!(
        field(call, "tencentcloud.stop_reason"),
        Some("no attempts left")
    );
    // An unknown code is `_OTHER`: the values never grow with what a server sends.
    assert_eq!(field(call, "error.type"), Some("_OTHER"));
    assert_eq!(field(call, "tencentcloud.request_id"), Some("req-2"));

    let attempts = &spans[1..];
    for (number, attempt) in attempts.iter().enumerate() {
        assert_eq!(attempt.name, "tencentcloud.attempt");
        assert_eq!(attempt.parent, Some(1));
        let number = (number + 1).to_string();
        assert_eq!(
            field(attempt, "tencentcloud.attempt"),
            Some(number.as_str())
        );
    }
    let first = &attempts[0];
    assert_eq!(field(first, "error.type"), Some("RequestLimitExceeded"));
    assert_eq!(field(first, "tencentcloud.request_id"), Some("req-1"));
    assert_eq!(field(first, "tencentcloud.retry_class"), Some("throttling"));
    assert_eq!(field(first, "tencentcloud.retry_decision"), Some("retry"));
    assert!(field(first, "tencentcloud.retry_wait_ms").is_some());
    assert_eq!(field(first, "tencentcloud.limiter_wait_ms"), Some("0"));
    // The second attempt waited for the window the throttling answer used up.
    let waited: u64 = field(&attempts[1], "tencentcloud.limiter_wait_ms")
        .unwrap()
        .parse()
        .unwrap();
    assert!(waited > 0);
    assert_eq!(
        field(&attempts[1], "tencentcloud.retry_class"),
        Some("transient")
    );
    let last = &attempts[2];
    assert_eq!(field(last, "tencentcloud.retry_decision"), Some("stop"));
    assert_eq!(field(last, "tencentcloud.retry_wait_ms"), None);
}

#[test]
fn a_call_without_a_name_is_a_span_named_tencentcloud() {
    let capture = Capture::default();
    let retrier = Retrier::default().with_clock(ManualClock::new());
    tracing::subscriber::with_default(capture.clone(), || {
        retrier
            .run_blocking(Idempotency::Idempotent, |_| {
                answer(r#"{"Response": {"RequestId": "ok"}}"#)
            })
            .unwrap();
    });
    let spans = capture.spans();
    assert_eq!(spans.len(), 2);
    assert_eq!(field(&spans[0], "otel.name"), Some("tencentcloud"));
    assert_eq!(field(&spans[0], "rpc.method"), None);
    assert_eq!(field(&spans[0], "tencentcloud.attempts"), Some("1"));
    assert_eq!(field(&spans[0], "otel.status_code"), None);
}

#[cfg(feature = "http")]
#[test]
fn reading_an_http_answer_records_its_status_and_request_id_on_the_attempt() {
    use tencent_errors::http::ResponseReader;

    let capture = Capture::default();
    let retrier = Retrier::default().with_clock(ManualClock::new());
    let reader = ResponseReader::new();
    tracing::subscriber::with_default(capture.clone(), || {
        retrier
            .run_blocking(Call::new("cvm", "DescribeRegions"), |_| {
                let response = http::Response::builder()
                    .status(200)
                    .body(r#"{"Response": {"RequestId": "req-ok"}}"#)
                    .unwrap();
                reader.read::<serde_json::Value, CommonCode, _>(&response)
            })
            .unwrap();
    });
    let spans = capture.spans();
    let attempt = &spans[1];
    assert_eq!(attempt.name, "tencentcloud.attempt");
    assert_eq!(field(attempt, "http.response.status_code"), Some("200"));
    assert_eq!(field(attempt, "tencentcloud.request_id"), Some("req-ok"));
    assert_eq!(field(attempt, "otel.status_code"), None);
}
