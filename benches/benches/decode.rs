//! Decoding a Tencent Cloud error envelope: `parse_response` into the
//! `error_codes!` enum against serde's derive into a struct whose `Code` is a
//! `String` (the baseline), that struct plus a `phf::Map` or `match` lookup,
//! and `serde_json::Value` plus a `HashMap` lookup; same bodies, one run.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use serde::de::IgnoredAny;
use serde_json::Value;
use tencent_errors::{parse_response, Error};
use tencent_errors_benches::{
    error_bodies, hash_map, query_stream, CodeSet, StringEnvelope, BODIES,
};

fn decode<S: CodeSet>(c: &mut Criterion) {
    let bodies = error_bodies(&query_stream::<S>(BODIES));
    let mut group = c.benchmark_group(format!("decode/{}", S::SIZE));
    group.throughput(Throughput::Elements(bodies.len() as u64));
    group.sampling_mode(SamplingMode::Flat);

    group.bench_function("parse_response", |b| {
        b.iter(|| {
            for body in &bodies {
                let result = parse_response::<IgnoredAny, S::Code>(200, black_box(body));
                debug_assert!(matches!(result, Err(Error::Api(_))));
                black_box(result).ok();
            }
        })
    });
    group.bench_function("String struct", |b| {
        b.iter(|| {
            for body in &bodies {
                black_box(serde_json::from_slice::<StringEnvelope>(black_box(body)).ok());
            }
        })
    });
    group.bench_function("String struct + phf::Map", |b| {
        let map = S::phf();
        b.iter(|| {
            for body in &bodies {
                let envelope = serde_json::from_slice::<StringEnvelope>(black_box(body)).ok();
                let code = envelope
                    .as_ref()
                    .and_then(|e| e.response.error.as_ref())
                    .and_then(|error| map.get(error.code.as_str()).copied());
                black_box((envelope, code));
            }
        })
    });
    group.bench_function("String struct + match", |b| {
        b.iter(|| {
            for body in &bodies {
                let envelope = serde_json::from_slice::<StringEnvelope>(black_box(body)).ok();
                let code = envelope
                    .as_ref()
                    .and_then(|e| e.response.error.as_ref())
                    .and_then(|error| S::match_lookup(&error.code));
                black_box((envelope, code));
            }
        })
    });
    group.bench_function("Value + HashMap", |b| {
        let map = hash_map::<S>();
        b.iter(|| {
            for body in &bodies {
                let value = serde_json::from_slice::<Value>(black_box(body)).ok();
                let code = value
                    .as_ref()
                    .and_then(|v| v["Response"]["Error"]["Code"].as_str())
                    .and_then(|code| map.get(code).copied());
                black_box((value, code));
            }
        })
    });
    group.finish();
}

fn decodes(c: &mut Criterion) {
    use tencent_errors_benches::*;
    decode::<set_26::Set>(c);
    decode::<set_1000::Set>(c);
    #[cfg(large_set)]
    decode::<set_12388::Set>(c);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    targets = decodes
}
criterion_main!(benches);
