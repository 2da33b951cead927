#!/usr/bin/env python3
"""Prints the Markdown tables of BENCHMARKS.md from criterion's results.

Each figure is criterion's median time of one iteration divided by the
lookups or decodes in it; each ratio is against a baseline of the same
table. Given several result directories (runs of the same build), each
figure is the lowest of the runs' medians: on a shared machine, noise only
ever adds time.

    python3 benches/report.py [target/criterion ...]
"""
import json
import sys
from pathlib import Path

# Per group kind: the rows in order, and the baselines a ratio is taken to.
KINDS = {
    "lookup": {
        "rows": [
            "error_codes from_code",
            "error_codes table index",
            "match",
            "phf::Map",
            "HashMap",
            "binary search",
        ],
        # The target: no slower than the fastest of these.
        "baseline": ["match", "phf::Map", "HashMap"],
        "unit": "ns/lookup",
        "ratio": "÷ fastest of match, phf, HashMap",
    },
    "decode": {
        "rows": [
            "parse_response",
            "String struct",
            "String struct + phf::Map",
            "String struct + match",
            "Value + HashMap",
        ],
        "baseline": ["String struct"],
        "unit": "ns/decode",
        "ratio": "÷ String struct",
    },
}


def load(root, results):
    for benchmark in root.glob("*/*/new/benchmark.json"):
        meta = json.loads(benchmark.read_text())
        estimates = json.loads((benchmark.parent / "estimates.json").read_text())
        elements = meta["throughput"]["Elements"]
        kind, size = meta["group_id"].split("/")
        value = estimates["median"]["point_estimate"] / elements
        cases = results.setdefault(kind, {}).setdefault(int(size), {})
        cases[meta["function_id"]] = min(value, cases.get(meta["function_id"], value))


def table(kind, by_size):
    spec = KINDS[kind]
    sizes = sorted(by_size)
    header = f"| {kind} ({spec['unit']}; ratio {spec['ratio']}) | " + " | ".join(
        f"{size:,} codes" for size in sizes
    ) + " |"
    lines = [header, "|---" + "|---:" * len(sizes) + "|"]
    baselines = {
        size: min(by_size[size][name] for name in spec["baseline"] if name in by_size[size])
        for size in sizes
    }
    for row in spec["rows"]:
        cells = []
        for size in sizes:
            value = by_size[size].get(row)
            cells.append("—" if value is None else f"{value:,.1f} ({value / baselines[size]:.2f}x)")
        lines.append(f"| {row} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    roots = [Path(arg) for arg in sys.argv[1:]] or [Path("target/criterion")]
    results = {}
    for root in roots:
        load(root, results)
    if not results:
        sys.exit(f"no criterion results under {', '.join(map(str, roots))}")
    for kind in KINDS:
        if kind in results:
            print(table(kind, results[kind]))
            print()


if __name__ == "__main__":
    main()
