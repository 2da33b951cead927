#!/usr/bin/env bash
# Compares the release build cost of one enum of N generated codes (default
# 12,388, the distinct codes of Tencent's SDKs) written two ways, each in a
# crate of its own whose dependencies are built beforehand:
#
#   error_codes  `tencent_errors::error_codes!` over the codes.toml
#   strum        the same codes as a plain enum with
#                #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash,
#                         strum::EnumString, strum::IntoStaticStr)]
#                (EnumString parses, IntoStaticStr is its `as_str`; the
#                std derives give what the generated enum offers)
#
# For each it prints the wall time and the peak memory of the clean release
# build of the crate itself. strum at 12,388 codes takes several minutes.
#
#     scripts/build_cost.sh [N] [error_codes|strum ...]
set -euo pipefail
count=${1:-12388}
shift || true
modes=("$@")
[ ${#modes[@]} -gt 0 ] || modes=(error_codes strum)
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BUILD_COST_DIR:-$root/target/build-cost}
mkdir -p "$work"
(cd "$root" && cargo xtask gen-codes "$count") > "$work/codes.toml"

# Writes the crate of one mode, with a stub lib so dependencies build first.
setup() {
    local mode=$1 dir=$work/$1
    mkdir -p "$dir/src"
    cp "$work/codes.toml" "$dir/codes.toml"
    local dependency
    case $mode in
        error_codes) dependency="tencent-errors = { path = \"$root/runtime\" }" ;;
        strum) dependency='strum = { version = "0.28", features = ["derive"] }' ;;
        *) echo "unknown mode $mode (error_codes, strum)" >&2; exit 2 ;;
    esac
    cat > "$dir/Cargo.toml" <<TOML
[package]
name = "build-cost-${mode//_/-}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$dependency

[workspace]
TOML
    echo "" > "$dir/src/lib.rs"
    (cd "$dir" && CARGO_TARGET_DIR="$dir/target" cargo build --release --quiet 2>&1)
}

lib_source() {
    case $1 in
        error_codes) cat <<'RS'
tencent_errors::error_codes! {
    /// Generated codes.
    pub enum Big from "codes.toml";
}
RS
        ;;
        strum) (cd "$root" && cargo xtask gen-codes "$count" --enum strum) ;;
    esac
}

printf 'codes: %d\n' "$count"
for mode in "${modes[@]}"; do
    setup "$mode"
    dir=$work/$mode
    lib_source "$mode" > "$dir/src/lib.rs"
    (
        cd "$dir"
        export CARGO_TARGET_DIR="$dir/target"
        /usr/bin/time -f "%e %M" -o time.txt cargo build --release --quiet --lib 2>&1
    )
    read -r seconds kilobytes < "$dir/time.txt"
    printf '%-12s release build: %8s s   peak memory: %6d MB\n' \
        "$mode" "$seconds" $(( kilobytes / 1024 ))
done
