#!/usr/bin/env bash
# Compares the release build cost of a crate of N per-action error enums
# (default 300; five variants each: four codes and a catch-all), the main
# use of `#[derive(TencentError)]`, written four ways in four crates
# whose dependencies are built beforehand:
#
#   tencent     #[derive(Debug, TencentError)], #[tencent(codes = "codes.toml")]
#               on each enum, #[tencent(other)] Other(String)
#   thiserror   #[derive(Debug, thiserror::Error)], an #[error("...")] per variant
#   none        #[derive(Debug)] only
#   floor       #[derive(Debug)] and, written by hand, only the items the
#               derive's public API requires of each enum (the `TencentError`
#               impl through `CodeEnum`, `from_code`, `as_str`, `description`,
#               `retry_class`, `FromStr`, `From<&str>`, `Display`, serde's two
#               impls), every body `loop {}` and one table shared by all: what
#               any emitter of that API costs rustc at the least, before its
#               proc macro runs or a body does any work
#
# and, for the fixed cost of `error_codes!` per enum (the catalogue invokes
# it once per product-version), a fifth crate:
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
modes=(tencent thiserror none floor error_codes)
codes=(InvalidParameter.Name RequestLimitExceeded InternalError ResourceNotFound.Channel)

for mode in "${modes[@]}"; do
    dir=$work/$mode
    mkdir -p "$dir/src"
    case $mode in
        tencent | floor | error_codes) dependency="tencent-errors = { path = \"$root/runtime\" }" ;;
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
    if [ "$mode" = floor ]; then
        p=::tencent_errors::__private
        {
            echo "//! $count per-action error enums, the derive's items by hand, bodies empty."
            echo "#![allow(dead_code, unused_variables)]"
            echo "const TABLE: &$p::CodeTable<'static> = &$p::CodeTable { codes: $p::Texts { text: \"\", ends: b\"\" }, code_count: 0, retry: b\"\", parents: b\"\", seed: 0, pilots: b\"\", slots: b\"\" };"
            echo "const DESCRIPTIONS: &$p::Descriptions<'static> = &$p::Descriptions { text: $p::Texts { text: \"\", ends: b\"\" }, chinese: $p::Texts { text: \"\", ends: b\"\" }, deprecated: b\"\" };"
            for ((i = 0; i < count; i++)); do
                e=Action${i}Error
                cat <<RUST
#[derive(Debug)]
pub enum $e { Variant0, Variant1, Variant2, Variant3, Other(String) }
impl $p::CodeEnum for $e {
    type Other = String;
    const TABLE: &'static $p::CodeTable<'static> = TABLE;
    const DESCRIPTIONS: &'static $p::Descriptions<'static> = DESCRIPTIONS;
    #[inline] fn index(&self) -> Result<u16, &String> { loop {} }
    #[inline] fn from_index(index: u16) -> Option<Self> { loop {} }
    #[inline] fn from_other(other: String) -> Self { loop {} }
}
impl $e {
    /// Decodes a wire code.
    #[inline] pub fn from_code(code: &str) -> Self { loop {} }
    /// The code.
    #[inline] pub fn as_str(&self) -> &str { loop {} }
    /// The description.
    #[inline] pub fn description(&self) -> Option<&'static str> { loop {} }
    /// The retry class.
    #[inline] pub fn retry_class(&self) -> ::tencent_errors::RetryClass { loop {} }
}
impl ::core::str::FromStr for $e {
    type Err = ::core::convert::Infallible;
    #[inline] fn from_str(code: &str) -> Result<Self, Self::Err> { loop {} }
}
impl From<&str> for $e {
    #[inline] fn from(code: &str) -> Self { loop {} }
}
impl ::core::fmt::Display for $e {
    #[inline] fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result { loop {} }
}
impl $p::serde::Serialize for $e {
    #[inline] fn serialize<S: $p::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> { loop {} }
}
impl<'de> $p::serde::Deserialize<'de> for $e {
    #[inline] fn deserialize<D: $p::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> { loop {} }
}
RUST
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
