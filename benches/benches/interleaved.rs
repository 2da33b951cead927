//! The lookups and decodes of `lookup.rs` and `decode.rs`, timed in
//! interleaved rounds rather than one case after another: each round times
//! one batch of every variant, in a shuffled order, and a variant's ratio is
//! the median over rounds of its time divided by the baseline's time in the
//! same round. A burst of load from elsewhere on a shared machine then
//! slows the variants of a round alike instead of skewing one case.
//!
//! Prints the Markdown tables of BENCHMARKS.md:
//!
//!     TENCENT_ERRORS_BENCH_LARGE=1 cargo bench -p tencent-errors-benches --bench interleaved

use std::hint::black_box;
use std::time::Instant;

use serde::de::IgnoredAny;
use serde_json::Value;
use tencent_errors::__private::CodeEnum;
use tencent_errors::parse_response;
use tencent_errors_benches::{
    binary_search, error_bodies, hash_map, query_stream, CodeSet, StringEnvelope, BODIES, QUERIES,
};

/// Rounds timed per size, after `WARM_UP` untimed ones.
const ROUNDS: usize = 301;
const WARM_UP: usize = 10;

/// A named variant: runs one batch, returns how many elements it handled.
type Variant<'a> = (&'static str, Box<dyn Fn() -> usize + 'a>);
/// What a decode variant does with one body.
type DecodeOne<'a> = Box<dyn Fn(&[u8]) + 'a>;

/// Per variant: (median ns per element, median ratio to the baseline).
fn measure(variants: &[Variant<'_>], baselines: &[&str]) -> Vec<(f64, f64)> {
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); variants.len()];
    let mut order: Vec<usize> = (0..variants.len()).collect();
    let mut random = 0x1234_5678_9ABC_DEF0u64;
    for round in 0..WARM_UP + ROUNDS {
        // Fisher-Yates with xorshift: a fixed, varied order every round.
        for i in (1..order.len()).rev() {
            random ^= random << 13;
            random ^= random >> 7;
            random ^= random << 17;
            order.swap(i, (random % (i as u64 + 1)) as usize);
        }
        for &index in &order {
            let start = Instant::now();
            let elements = (variants[index].1)();
            let ns = start.elapsed().as_nanos() as f64 / elements as f64;
            if round >= WARM_UP {
                times[index].push(ns);
            }
        }
    }
    let baseline_indices: Vec<usize> = baselines
        .iter()
        .map(|name| variants.iter().position(|(n, _)| n == name).unwrap())
        .collect();
    // The baseline of a round is the fastest of the baselines in it.
    let baseline: Vec<f64> = (0..ROUNDS)
        .map(|round| {
            baseline_indices
                .iter()
                .map(|&i| times[i][round])
                .fold(f64::MAX, f64::min)
        })
        .collect();
    times
        .iter()
        .map(|series| {
            let ratios: Vec<f64> = series.iter().zip(&baseline).map(|(t, b)| t / b).collect();
            (median(series.clone()), median(ratios))
        })
        .collect()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn lookup_variants<'a, S: CodeSet>(
    queries: &'a [String],
    map: &'a std::collections::HashMap<&'static str, u16>,
) -> Vec<Variant<'a>>
where
    S::Code: CodeEnum,
{
    let batch = move |f: fn(&str) -> Option<u16>| {
        Box::new(move || {
            for query in queries {
                black_box(f(black_box(query)));
            }
            queries.len()
        }) as Box<dyn Fn() -> usize + 'a>
    };
    vec![
        (
            "error_codes from_code",
            Box::new(move || {
                for query in queries {
                    black_box(S::from_code(black_box(query)));
                }
                queries.len()
            }),
        ),
        (
            "error_codes table index",
            batch(|q| S::Code::TABLE.lookup_code(q)),
        ),
        ("match", batch(S::match_lookup)),
        ("phf::Map", batch(|q| S::phf().get(q).copied())),
        (
            "HashMap",
            Box::new(move || {
                for query in queries {
                    black_box(map.get(black_box(query.as_str())).copied());
                }
                queries.len()
            }),
        ),
        ("binary search", batch(|q| binary_search(S::sorted(), q))),
    ]
}

fn decode_variants<'a, S: CodeSet>(
    bodies: &'a [Vec<u8>],
    map: &'a std::collections::HashMap<&'static str, u16>,
) -> Vec<Variant<'a>> {
    let batch = move |f: DecodeOne<'a>| {
        Box::new(move || {
            for body in bodies {
                f(black_box(body));
            }
            bodies.len()
        }) as Box<dyn Fn() -> usize + 'a>
    };
    vec![
        (
            "parse_response",
            batch(Box::new(|body| {
                black_box(parse_response::<IgnoredAny, S::Code>(200, body).ok());
            })),
        ),
        (
            "String struct",
            batch(Box::new(|body| {
                black_box(serde_json::from_slice::<StringEnvelope>(body).ok());
            })),
        ),
        (
            "String struct + phf::Map",
            batch(Box::new(|body| {
                let envelope = serde_json::from_slice::<StringEnvelope>(body).ok();
                let code = envelope
                    .as_ref()
                    .and_then(|e| e.response.error.as_ref())
                    .and_then(|error| S::phf().get(error.code.as_str()).copied());
                black_box((envelope, code));
            })),
        ),
        (
            "String struct + match",
            batch(Box::new(|body| {
                let envelope = serde_json::from_slice::<StringEnvelope>(body).ok();
                let code = envelope
                    .as_ref()
                    .and_then(|e| e.response.error.as_ref())
                    .and_then(|error| S::match_lookup(&error.code));
                black_box((envelope, code));
            })),
        ),
        (
            "Value + HashMap",
            batch(Box::new(move |body| {
                let value = serde_json::from_slice::<Value>(body).ok();
                let code = value
                    .as_ref()
                    .and_then(|v| v["Response"]["Error"]["Code"].as_str())
                    .and_then(|code| map.get(code).copied());
                black_box((value, code));
            })),
        ),
    ]
}

/// One column of a table: the size and each variant's figures.
struct Column {
    size: usize,
    names: Vec<&'static str>,
    figures: Vec<(f64, f64)>,
}

fn lookup_column<S: CodeSet>() -> Column
where
    S::Code: CodeEnum,
{
    let queries = query_stream::<S>(QUERIES);
    let map = hash_map::<S>();
    let variants = lookup_variants::<S>(&queries, &map);
    let figures = measure(&variants, &["match", "phf::Map", "HashMap"]);
    Column {
        size: S::SIZE,
        names: variants.iter().map(|(name, _)| *name).collect(),
        figures,
    }
}

fn decode_column<S: CodeSet>() -> Column {
    let bodies = error_bodies(&query_stream::<S>(BODIES));
    let map = hash_map::<S>();
    let variants = decode_variants::<S>(&bodies, &map);
    let figures = measure(&variants, &["String struct"]);
    Column {
        size: S::SIZE,
        names: variants.iter().map(|(name, _)| *name).collect(),
        figures,
    }
}

fn print_table(title: &str, columns: &[Column]) {
    let sizes: Vec<String> = columns
        .iter()
        .map(|c| format!("{} codes", c.size))
        .collect();
    println!("| {title} | {} |", sizes.join(" | "));
    println!("|---{}|", "|---:".repeat(columns.len()));
    for (row, name) in columns[0].names.iter().enumerate() {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| {
                let (ns, ratio) = c.figures[row];
                format!("{ns:.1} ({ratio:.2}x)")
            })
            .collect();
        println!("| {name} | {} |", cells.join(" | "));
    }
    println!();
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not.
    if !std::env::args().any(|arg| arg == "--bench") {
        return;
    }
    use tencent_errors_benches::*;
    #[allow(unused_mut)] // the 12,388-code set is pushed when built
    let mut lookups = vec![
        lookup_column::<set_26::Set>(),
        lookup_column::<set_1000::Set>(),
    ];
    #[cfg(large_set)]
    lookups.push(lookup_column::<set_12388::Set>());
    print_table(
        "lookup (ns/lookup; median ratio ÷ fastest of match, phf, HashMap in the round)",
        &lookups,
    );
    #[allow(unused_mut)]
    let mut decodes = vec![
        decode_column::<set_26::Set>(),
        decode_column::<set_1000::Set>(),
    ];
    #[cfg(large_set)]
    decodes.push(decode_column::<set_12388::Set>());
    print_table(
        "decode (ns/decode; median ratio ÷ String struct in the round)",
        &decodes,
    );
}
