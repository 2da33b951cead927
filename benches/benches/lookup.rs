//! String -> code lookup: the `error_codes!` enum against a string `match`,
//! `phf::Map`, `HashMap<&str, _>` and binary search, over the same codes
//! and the same queries (~10% unknown, in random order), in one run.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use tencent_errors::__private::CodeEnum;
use tencent_errors_benches::{
    binary_search, hash_map, query_stream, unknown_share, CodeSet, QUERIES,
};

fn lookup<S: CodeSet>(c: &mut Criterion)
where
    S::Code: CodeEnum,
{
    let queries = query_stream::<S>(QUERIES);
    eprintln!(
        "lookup/{}: {} queries, {:.1}% unknown",
        S::SIZE,
        queries.len(),
        100.0 * unknown_share::<S>(&queries)
    );
    let mut group = c.benchmark_group(format!("lookup/{}", S::SIZE));
    group.throughput(Throughput::Elements(queries.len() as u64));
    group.sampling_mode(SamplingMode::Flat);

    // What users call: unknown codes are kept (one allocation each) in `Other`.
    group.bench_function("error_codes from_code", |b| {
        b.iter(|| {
            for query in &queries {
                black_box(S::from_code(black_box(query)));
            }
        })
    });
    // The same table lookup, returning an index as the baselines do.
    group.bench_function("error_codes table index", |b| {
        let table = S::Code::TABLE;
        b.iter(|| {
            for query in &queries {
                black_box(table.lookup_code(black_box(query)));
            }
        })
    });
    // A user's own enum of the same codes: the derive's table lookup.
    group.bench_function("derive from_code", |b| {
        b.iter(|| {
            for query in &queries {
                black_box(S::derived_from_code(black_box(query)));
            }
        })
    });
    group.bench_function("match", |b| {
        b.iter(|| {
            for query in &queries {
                black_box(S::match_lookup(black_box(query)));
            }
        })
    });
    group.bench_function("phf::Map", |b| {
        let map = S::phf();
        b.iter(|| {
            for query in &queries {
                black_box(map.get(black_box(query.as_str())).copied());
            }
        })
    });
    group.bench_function("HashMap", |b| {
        let map = hash_map::<S>();
        b.iter(|| {
            for query in &queries {
                black_box(map.get(black_box(query.as_str())).copied());
            }
        })
    });
    group.bench_function("binary search", |b| {
        let sorted = S::sorted();
        b.iter(|| {
            for query in &queries {
                black_box(binary_search(sorted, black_box(query)));
            }
        })
    });
    group.finish();
}

fn lookups(c: &mut Criterion) {
    use tencent_errors_benches::*;
    lookup::<set_26::Set>(c);
    lookup::<set_1000::Set>(c);
    #[cfg(large_set)]
    lookup::<set_12388::Set>(c);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    targets = lookups
}
criterion_main!(benches);
