#!/usr/bin/env bash
# Builds the benchmarks once, with the 12,388-code set, runs them RUNS times
# (default 8) back to back and prints the tables of BENCHMARKS.md: each
# figure the lowest of the runs' medians (noise on a shared machine only
# ever adds time).
#
#     benches/run.sh [RUNS] [lookup|decode ...]
set -euo pipefail
runs=${1:-8}
shift || true
benches=("$@")
[ ${#benches[@]} -gt 0 ] || benches=(lookup decode)
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export TENCENT_ERRORS_BENCH_LARGE=${TENCENT_ERRORS_BENCH_LARGE:-1}
target=$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
results=$target/criterion-runs
rm -rf "$results"
cargo bench -p tencent-errors-benches --no-run
for run in $(seq "$runs"); do
    for bench in "${benches[@]}"; do
        CRITERION_HOME="$results/$run" cargo bench -q -p tencent-errors-benches --bench "$bench" >/dev/null
    done
done
python3 "$root/benches/report.py" "$results"/*
