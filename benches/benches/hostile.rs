//! Hostile codes: what a code of a megabyte of dots costs, against a short
//! unknown code of the same family, through every method that looks at
//! ancestors (issue 8: it cost 57 s in `retry_class()` before lookups were
//! bounded to the first 128 bytes).
//!
//!     cargo bench -p tencent-errors-benches --bench hostile

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use tencent_errors::{CommonCode, TencentError};

#[derive(Debug, TencentError)]
enum ActionError {
    #[tencent(code = "InternalError")]
    Internal,
    #[tencent(other)]
    Other(String),
}

fn hostile(c: &mut Criterion) {
    let short = "RequestLimitExceeded.SomethingNew".to_owned();
    let dots = format!("RequestLimitExceeded{}", ".".repeat(1 << 20));
    let mut group = c.benchmark_group("hostile");
    for (name, code) in [("short unknown code", &short), ("1 MiB of dots", &dots)] {
        let decoded = CommonCode::from_code(code);
        group.bench_function(format!("{name}: retry_class, parent"), |b| {
            b.iter(|| {
                black_box(black_box(&decoded).retry_class());
                black_box(black_box(&decoded).parent());
            })
        });
        let derived = ActionError::from_code(code);
        group.bench_function(format!("{name}: derived Other(String) retry_class"), |b| {
            b.iter(|| black_box(black_box(&derived).retry_class()))
        });
        group.bench_function(format!("{name}: from_code"), |b| {
            b.iter(|| black_box(CommonCode::from_code(black_box(code))))
        });
    }
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
