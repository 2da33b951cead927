//! The tables of BENCHMARKS.md, from criterion's results.
//!
//! Each figure is criterion's median time of one iteration divided by the
//! lookups or decodes in it; each ratio is against a baseline of the same
//! table. Given several result directories (runs of the same build), each
//! figure is the lowest of the runs' medians: on a shared machine, noise
//! only ever adds time.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde_json::Value;

/// One kind of benchmark group (`lookup/26`, `decode/1000`, ...): its rows
/// in order and the baselines its ratios are taken to.
struct Kind {
    name: &'static str,
    rows: &'static [&'static str],
    /// The ratio's denominator: the fastest of these.
    baselines: &'static [&'static str],
    unit: &'static str,
    ratio: &'static str,
}

const KINDS: [Kind; 2] = [
    Kind {
        name: "lookup",
        rows: &[
            "error_codes from_code",
            "error_codes table index",
            "match",
            "phf::Map",
            "HashMap",
            "binary search",
        ],
        baselines: &["match", "phf::Map", "HashMap"],
        unit: "ns/lookup",
        ratio: "÷ fastest of match, phf, HashMap",
    },
    Kind {
        name: "decode",
        rows: &[
            "parse_response",
            "String struct",
            "String struct + phf::Map",
            "String struct + match",
            "Value + HashMap",
        ],
        baselines: &["String struct"],
        unit: "ns/decode",
        ratio: "÷ String struct",
    },
];

/// Per kind, per code count, per function: the lowest time per element.
#[derive(Debug, Default)]
pub struct Results {
    by_kind: BTreeMap<String, BTreeMap<u64, BTreeMap<String, f64>>>,
}

impl Results {
    /// Adds every benchmark under `root` (a criterion directory:
    /// `GROUP/FUNCTION/new/{benchmark,estimates}.json`); entries that are
    /// not a `KIND/SIZE` group with an element throughput are skipped.
    pub fn load(&mut self, root: &Path) -> std::io::Result<()> {
        for group in fs::read_dir(root)? {
            let group = group?.path();
            if !group.is_dir() {
                continue;
            }
            for function in fs::read_dir(&group)? {
                let new = function?.path().join("new");
                if let Some((kind, size, name, value)) = read_benchmark(&new) {
                    let cases = self
                        .by_kind
                        .entry(kind)
                        .or_default()
                        .entry(size)
                        .or_default();
                    let best = cases.entry(name).or_insert(value);
                    *best = best.min(value);
                }
            }
        }
        Ok(())
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.by_kind.is_empty()
    }

    /// The Markdown tables, one per kind found, each followed by a blank line.
    pub fn tables(&self) -> String {
        let mut out = String::new();
        for kind in &KINDS {
            if let Some(by_size) = self.by_kind.get(kind.name) {
                out.push_str(&table(kind, by_size));
                out.push_str("\n\n");
            }
        }
        out
    }
}

fn read_benchmark(new: &Path) -> Option<(String, u64, String, f64)> {
    let read = |name: &str| -> Option<Value> {
        serde_json::from_str(&fs::read_to_string(new.join(name)).ok()?).ok()
    };
    let meta = read("benchmark.json")?;
    let estimates = read("estimates.json")?;
    let elements = meta["throughput"]["Elements"].as_f64()?;
    let (kind, size) = meta["group_id"].as_str()?.split_once('/')?;
    let size = size.parse().ok()?;
    let function = meta["function_id"].as_str()?.to_owned();
    let median = estimates["median"]["point_estimate"].as_f64()?;
    Some((kind.to_owned(), size, function, median / elements))
}

fn table(kind: &Kind, by_size: &BTreeMap<u64, BTreeMap<String, f64>>) -> String {
    let mut out = format!("| {} ({}; ratio {}) |", kind.name, kind.unit, kind.ratio);
    for size in by_size.keys() {
        write!(out, " {} codes |", thousands(*size as f64, 0)).unwrap();
    }
    out.push_str("\n|---");
    out.push_str(&"|---:".repeat(by_size.len()));
    out.push('|');
    for row in kind.rows {
        write!(out, "\n| {row} |").unwrap();
        for cases in by_size.values() {
            let baseline = kind
                .baselines
                .iter()
                .filter_map(|name| cases.get(*name))
                .copied()
                .reduce(f64::min);
            match (cases.get(*row), baseline) {
                (Some(value), Some(baseline)) => write!(
                    out,
                    " {} ({:.2}x) |",
                    thousands(*value, 1),
                    value / baseline
                )
                .unwrap(),
                (Some(value), None) => write!(out, " {} |", thousands(*value, 1)).unwrap(),
                (None, _) => out.push_str(" — |"),
            }
        }
    }
    out
}

/// `value` with `decimals` decimals and commas between thousands, as
/// Python's `{:,.1f}`.
fn thousands(value: f64, decimals: usize) -> String {
    let formatted = format!("{value:.decimals$}");
    let (whole, fraction) = match formatted.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (formatted.as_str(), None),
    };
    let digits = whole.trim_start_matches('-');
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if whole.starts_with('-') { "-" } else { "" };
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_like_python() {
        assert_eq!(thousands(12_388.0, 0), "12,388");
        assert_eq!(thousands(26.0, 0), "26");
        assert_eq!(thousands(1_234_567.25, 1), "1,234,567.2");
        assert_eq!(thousands(999.96, 1), "1,000.0");
        assert_eq!(thousands(0.5, 1), "0.5");
    }

    #[test]
    fn a_table_gives_each_row_its_ratio_to_the_fastest_baseline() {
        let mut by_size = BTreeMap::new();
        let cases: BTreeMap<String, f64> = [
            ("error_codes from_code", 5.0),
            ("match", 10.0),
            ("phf::Map", 8.0),
            ("HashMap", 20.0),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value))
        .collect();
        by_size.insert(1000, cases);
        let table = table(&KINDS[0], &by_size);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(
            lines[0],
            "| lookup (ns/lookup; ratio ÷ fastest of match, phf, HashMap) | 1,000 codes |"
        );
        assert_eq!(lines[1], "|---|---:|");
        assert_eq!(lines[2], "| error_codes from_code | 5.0 (0.62x) |");
        assert_eq!(lines[3], "| error_codes table index | — |");
        assert_eq!(lines[5], "| phf::Map | 8.0 (1.00x) |");
    }
}
