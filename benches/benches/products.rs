//! A product enum (`products::cvm::CvmCode`, 424 codes and the common ones)
//! against `CommonCode`, in one run: string lookup and `parse_response` over
//! the same queries (the common codes and ~10% unknown ones, shuffled), and
//! CVM's own codes through `CvmCode`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use serde::de::IgnoredAny;
use tencent_errors::products::cvm::CvmCode;
use tencent_errors::{parse_response, CommonCode};
use tencent_errors_benches::error_bodies;

/// `codes`, each 8 times, with one unknown code per 9 known ones, in a
/// fixed shuffled order.
fn queries(codes: &[&str]) -> Vec<String> {
    let mut queries: Vec<String> = Vec::new();
    for round in 0..8 {
        for (index, code) in codes.iter().enumerate() {
            queries.push((*code).to_owned());
            if index % 9 == round % 9 {
                queries.push(format!("{code}.NotInTheTable{round}"));
            }
        }
    }
    // A fixed permutation (multiplicative stride), so runs compare.
    let len = queries.len();
    let stride = (0..)
        .map(|k| 7919 + k)
        .find(|s| gcd(*s, len) == 1)
        .unwrap_or(1);
    (0..len)
        .map(|i| queries[(i * stride) % len].clone())
        .collect()
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn products(c: &mut Criterion) {
    let common: Vec<&str> = CommonCode::ALL.iter().map(CommonCode::as_str).collect();
    let cvm_own: Vec<&str> = CvmCode::ALL
        .iter()
        .map(CvmCode::as_str)
        .filter(|code| !common.contains(code))
        .collect();
    let common_queries = queries(&common);
    let cvm_queries = queries(&cvm_own);

    let mut group = c.benchmark_group("products/lookup");
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Elements(common_queries.len() as u64));
    group.bench_function("CommonCode from_code", |b| {
        b.iter(|| {
            for query in &common_queries {
                black_box(CommonCode::from_code(black_box(query)));
            }
        })
    });
    group.bench_function("CvmCode from_code, common codes", |b| {
        b.iter(|| {
            for query in &common_queries {
                black_box(CvmCode::from_code(black_box(query)));
            }
        })
    });
    group.throughput(Throughput::Elements(cvm_queries.len() as u64));
    group.bench_function("CvmCode from_code, CVM codes", |b| {
        b.iter(|| {
            for query in &cvm_queries {
                black_box(CvmCode::from_code(black_box(query)));
            }
        })
    });
    group.finish();

    let common_bodies = error_bodies(&common_queries);
    let cvm_bodies = error_bodies(&cvm_queries);
    let mut group = c.benchmark_group("products/decode");
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Elements(common_bodies.len() as u64));
    group.bench_function("parse_response CommonCode", |b| {
        b.iter(|| {
            for body in &common_bodies {
                black_box(parse_response::<IgnoredAny, CommonCode>(
                    200,
                    black_box(body),
                ))
                .ok();
            }
        })
    });
    group.bench_function("parse_response CvmCode, common codes", |b| {
        b.iter(|| {
            for body in &common_bodies {
                black_box(parse_response::<IgnoredAny, CvmCode>(200, black_box(body))).ok();
            }
        })
    });
    group.throughput(Throughput::Elements(cvm_bodies.len() as u64));
    group.bench_function("parse_response CvmCode, CVM codes", |b| {
        b.iter(|| {
            for body in &cvm_bodies {
                black_box(parse_response::<IgnoredAny, CvmCode>(200, black_box(body))).ok();
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = products
}
criterion_main!(benches);
