//! With the `tracing` feature, every retry emits an event with the code,
//! RequestId, attempt and delay.
#![cfg(feature = "tracing")]

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use tencent_errors::retry::{Idempotency, Jitter, ManualClock, Retrier};
use tencent_errors::{parse_response, CommonCode};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

type Fields = BTreeMap<String, String>;

/// A subscriber that keeps every event's target and fields.
#[derive(Clone, Default)]
struct Capture {
    events: Arc<Mutex<Vec<Fields>>>,
}

struct FieldVisitor<'a>(&'a mut Fields);

impl Visit for FieldVisitor<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }

    fn record(&self, _: &Id, _: &Record<'_>) {}

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields::new();
        fields.insert("target".to_owned(), event.metadata().target().to_owned());
        fields.insert("level".to_owned(), event.metadata().level().to_string());
        event.record(&mut FieldVisitor(&mut fields));
        self.events.lock().unwrap().push(fields);
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

#[test]
fn every_retry_emits_an_event_with_code_request_id_attempt_and_delay() {
    let capture = Capture::default();
    let retrier = Retrier::default()
        .with_clock(ManualClock::new())
        .with_jitter(Jitter::seeded(5));
    let mut attempt_number = 0;
    tracing::subscriber::with_default(capture.clone(), || {
        let _ = retrier.run_blocking(Idempotency::Idempotent, |attempt| {
            attempt_number = attempt.number();
            let body = format!(
                r#"{{"Response": {{"Error": {{"Code": "RequestLimitExceeded", "Message": ""}}, "RequestId": "req-{}"}}}}"#,
                attempt.number()
            );
            parse_response::<serde_json::Value, CommonCode>(200, body.as_bytes())
        });
    });
    assert_eq!(attempt_number, 3);

    let events = capture.events.lock().unwrap();
    let retries: Vec<&Fields> = events
        .iter()
        .filter(|e| e.get("message").map(String::as_str) == Some("retrying Tencent Cloud request"))
        .collect();
    assert_eq!(retries.len(), 2);
    for (index, event) in retries.iter().enumerate() {
        let attempt = index + 1;
        assert_eq!(event["target"], "tencent_errors::retry");
        assert_eq!(event["code"], "RequestLimitExceeded");
        assert_eq!(event["request_id"], format!("req-{attempt}"));
        assert_eq!(event["attempt"], attempt.to_string());
        assert_eq!(event["failure"], "throttling error");
        let delay_ms: u64 = event["delay_ms"].parse().unwrap();
        assert!(delay_ms <= 1000 << index, "{delay_ms}");
    }
    let gave_up = events
        .iter()
        .find(|e| {
            e.get("message").map(String::as_str) == Some("not retrying Tencent Cloud request")
        })
        .expect("an event when the call stops");
    assert_eq!(gave_up["reason"], "no attempts left");
    assert_eq!(gave_up["request_id"], "req-3");
}
