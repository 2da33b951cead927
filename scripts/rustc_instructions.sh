#!/usr/bin/env bash
# Counts the instructions rustc executes to compile one crate: valgrind's
# cachegrind (`--cache-sim=no`) around that crate's own rustc command, the
# proc macros it runs and its codegen threads included. Unlike a build's
# time, load on the machine does not move the count, so it compares two
# versions of the emitter on a shared machine. The crate's dependencies are
# built first, uncounted; CRATE is the crate name rustc sees (`tencent_errors`,
# `derive_cost_tencent`), the arguments after it are `cargo build`'s, and
# name the package with `-p`:
#
#     scripts/rustc_instructions.sh tencent_errors --release -p tencent-errors --features all-products
#
# Run from the directory of the workspace that holds the package. Prints
# the count and leaves cachegrind's per-function profile for cg_annotate in
# target/rustc-instructions/CRATE.cachegrind.
set -euo pipefail
if [ -n "${RUSTC_INSTRUCTIONS_CRATE:-}" ]; then
    # Called by cargo as RUSTC_WRAPPER: `$0 rustc ARGS...`.
    rustc=$1
    shift
    if [[ " $* " == *" --crate-name $RUSTC_INSTRUCTIONS_CRATE "* && -n "${RUSTC_INSTRUCTIONS_OUT:-}" ]]; then
        exec valgrind --tool=cachegrind --cache-sim=no --log-file=/dev/null \
            --cachegrind-out-file="$RUSTC_INSTRUCTIONS_OUT" "$rustc" "$@"
    fi
    exec "$rustc" "$@"
fi
if [ $# -lt 2 ]; then
    sed -n '2,16p' "$0" >&2
    exit 2
fi
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 1; }
crate=$1
shift
package=
previous=
for arg in "$@"; do
    [ "$previous" = -p ] && package=$arg
    previous=$arg
done
[ -n "$package" ] || { echo "name the package with -p" >&2; exit 2; }
target=${CARGO_TARGET_DIR:-$PWD/target}/rustc-instructions
out=$target/$crate.cachegrind
export CARGO_TARGET_DIR=$target RUSTC_WRAPPER=$0 RUSTC_INSTRUCTIONS_CRATE=$crate
cargo build --quiet "$@"
release=()
[[ " $* " == *" --release "* ]] && release=(--release)
cargo clean --quiet -p "$package" "${release[@]}"
RUSTC_INSTRUCTIONS_OUT=$out cargo build --quiet "$@"
count=$(awk '/^summary:/ { print $2 }' "$out")
printf '%s: %s instructions\n' "$crate" "$(printf "%'d" "$count" 2>/dev/null || echo "$count")"
