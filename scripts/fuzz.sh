#!/usr/bin/env bash
# Runs each cargo-fuzz target under fuzz/ for the given number of seconds
# (default 60) and prints, per target, the executions libFuzzer ran and
# whether it found a crash.
#
#     scripts/fuzz.sh [seconds] [target ...]
#
# Targets: parse_response, codes_toml, code_round_trip (all by default).
# Needs cargo-fuzz (`cargo install cargo-fuzz`). cargo-fuzz passes nightly
# flags (-Zsanitizer=address); on the stable toolchain RUSTC_BOOTSTRAP=1
# lets it, which is what this script does unless FUZZ_TOOLCHAIN names
# another toolchain (e.g. FUZZ_TOOLCHAIN=nightly).
#
# New corpus entries go to fuzz/corpus/<target> and crashes to
# fuzz/artifacts/<target> (both git-ignored); seeds come from
# fuzz/seeds/<target> and, for codes_toml, every codes.toml of the repo.
set -euo pipefail
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse_response codes_toml code_round_trip)
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/fuzz"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "cargo-fuzz is not installed: cargo install cargo-fuzz" >&2
    exit 1
fi
toolchain=()
if [ -n "${FUZZ_TOOLCHAIN:-}" ]; then
    toolchain=("+$FUZZ_TOOLCHAIN")
else
    export RUSTC_BOOTSTRAP=1
fi

seed() {
    local target=$1 corpus=$root/fuzz/corpus/$1
    mkdir -p "$corpus"
    if [ -d "$root/fuzz/seeds/$target" ]; then
        cp -n "$root/fuzz/seeds/$target"/* "$corpus"/ 2>/dev/null || true
    fi
    if [ "$target" = codes_toml ]; then
        find "$root" -name '*.toml' -path '*codes*' -not -path '*/target/*' \
            -not -path "$root/fuzz/*" -print0 |
            while IFS= read -r -d '' file; do
                cp -n "$file" "$corpus/seed-$(echo "$file" | cksum | cut -d' ' -f1).toml"
            done
        find "$root/tests/ui" -name '*.toml' -print0 |
            while IFS= read -r -d '' file; do
                cp -n "$file" "$corpus/ui-$(echo "$file" | cksum | cut -d' ' -f1).toml"
            done
    fi
}

dictionary() {
    case $1 in
        parse_response) echo "-dict=$root/fuzz/json.dict" ;;
        codes_toml) echo "-dict=$root/fuzz/toml.dict" ;;
        *) echo "-max_len=256" ;;
    esac
}

summary=()
status=0
for target in "${targets[@]}"; do
    seed "$target"
    log=$root/fuzz/$target.log
    mkdir -p "$root/fuzz/artifacts/$target"
    echo "== $target: ${seconds}s" >&2
    set +e
    cargo "${toolchain[@]}" fuzz run "$target" "$root/fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -print_final_stats=1 "$(dictionary "$target")" \
        >"$log" 2>&1
    code=$?
    set -e
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
    if [ $code -eq 0 ]; then
        result="no crash"
    else
        result="CRASH (exit $code): see $log and fuzz/artifacts/$target/"
        status=1
    fi
    summary+=("$(printf '%-16s %12s executions in %ss: %s' "$target" "${runs:-?}" "$seconds" "$result")")
done
printf '%s\n' "${summary[@]}"
exit $status
