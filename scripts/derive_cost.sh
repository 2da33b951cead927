#!/usr/bin/env bash
# Compares the release build cost of a crate of N per-action error enums
# (default 300; five variants each: four codes and a catch-all), the main
# use of `#[derive(TencentError)]`, written three ways in three crates
# whose dependencies are built beforehand:
#
#   tencent     #[derive(Debug, TencentError)], #[tencent(codes = "codes.toml")]
#               on each enum, #[tencent(other)] Other(String)
#   thiserror   #[derive(Debug, thiserror::Error)], an #[error("...")] per variant
#   none        #[derive(Debug)] only
#
# and, for the fixed cost of `error_codes!` per enum (the catalogue invokes
# it once per product-version), a fourth crate:
#
#   error_codes N invocations of `error_codes!`, each over a file of its own
#               that extends the common codes with two codes
#
# Each crate is built ROUNDS times (default 3), the modes interleaved so that
# a burst of load on the machine slows a whole round; it prints every time
# and the fastest of each mode, and the ratios of the fastest.
#
#     scripts/derive_cost.sh [N] [ROUNDS]
set -euo pipefail
count=${1:-300}
rounds=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${DERIVE_COST_DIR:-$root/target/derive-cost}
modes=(tencent thiserror none error_codes)
codes=(InvalidParameter.Name RequestLimitExceeded InternalError ResourceNotFound.Channel)

for mode in "${modes[@]}"; do
    dir=$work/$mode
    mkdir -p "$dir/src"
    case $mode in
        tencent | error_codes) dependency="tencent-errors = { path = \"$root/runtime\" }" ;;
        thiserror) dependency='thiserror = "2"' ;;
        none) dependency="" ;;
    esac
    cat > "$dir/Cargo.toml" <<TOML
[package]
name = "derive-cost-$mode"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$dependency

[workspace]
TOML
    cat > "$dir/codes.toml" <<'TOML'
extends = ["tencent-errors"]

[InvalidParameter.Name]
description = "The name is invalid or already used."

[ResourceNotFound.Channel]
description = "The channel does not exist."
TOML
    if [ "$mode" = error_codes ]; then
        mkdir -p "$dir/codes"
        {
            echo "//! $count error_codes! enums, one file each."
            for ((i = 0; i < count; i++)); do
                printf 'extends = ["tencent-errors"]\n\n[InvalidParameter.Name%d]\ndescription = "The name is invalid."\n\n[ResourceNotFound.Channel%d]\ndescription = "No such channel."\n' \
                    "$i" "$i" > "$dir/codes/a$i.toml"
                echo "tencent_errors::error_codes! { pub enum Action${i}Code from \"codes/a$i.toml\"; }"
            done
        } > "$dir/src/lib.rs"
        (cd "$dir" && CARGO_TARGET_DIR="$dir/target" cargo build --release --quiet 2>&1)
        continue
    fi
    {
        echo "//! $count per-action error enums."
        echo "#![allow(dead_code)]"
        for ((i = 0; i < count; i++)); do
            case $mode in
                tencent) echo "#[derive(Debug, tencent_errors::TencentError)]"
                         echo "#[tencent(codes = \"codes.toml\")]" ;;
                thiserror) echo "#[derive(Debug, thiserror::Error)]" ;;
                none) echo "#[derive(Debug)]" ;;
            esac
            echo "pub enum Action${i}Error {"
            for ((v = 0; v < ${#codes[@]}; v++)); do
                case $mode in
                    tencent) echo "    #[tencent(code = \"${codes[v]}\")]" ;;
                    thiserror) echo "    #[error(\"${codes[v]}\")]" ;;
                esac
                echo "    Variant$v,"
            done
            case $mode in
                tencent) echo "    #[tencent(other)]" ;;
                thiserror) echo "    #[error(\"{0}\")]" ;;
            esac
            echo "    Other(String),"
            echo "}"
        done
    } > "$dir/src/lib.rs"
    # Dependencies first: the timed builds compile the crate alone.
    (cd "$dir" && CARGO_TARGET_DIR="$dir/target" cargo build --release --quiet 2>&1)
done

declare -A best
for ((round = 1; round <= rounds; round++)); do
    for mode in "${modes[@]}"; do
        dir=$work/$mode
        touch "$dir/src/lib.rs"
        (cd "$dir" && CARGO_TARGET_DIR="$dir/target" /usr/bin/time -f "%e" -o "$dir/time.txt" \
            cargo build --release --quiet 2>&1)
        seconds=$(cat "$dir/time.txt")
        echo "round $round: $mode $seconds s"
        if [ -z "${best[$mode]:-}" ] || [ "$(echo "$seconds < ${best[$mode]}" | bc)" = 1 ]; then
            best[$mode]=$seconds
        fi
    done
done
echo "fastest of $rounds rounds, $count enums:"
for mode in "${modes[@]}"; do
    [ "$mode" = error_codes ] && continue
    printf '  %-9s %6.2f s  (%.2fx thiserror)\n' "$mode" "${best[$mode]}" \
        "$(echo "${best[$mode]} / ${best[thiserror]}" | bc -l)"
done
printf '  %-9s %6.2f s  (%d invocations of error_codes!)\n' error_codes "${best[error_codes]}" "$count"
