#!/usr/bin/env bash
# Build cost of the product enums (tencent_errors::products), in release:
#
#   runtime   the tencent-errors crate alone, with no product feature, with
#             `cvm`, and with `all-products` (275 products, 315 enums):
#             wall time, CPU time (user + system, all compiler threads) and
#             peak memory of building the crate itself (dependencies first)
#   cvm-size  the bytes `products::cvm::CvmCode` adds to a stripped binary
#             that decodes codes, against the same binary using `CommonCode`
#   derive    N derived enums (default 300), each naming one action of CVM
#             with `#[tencent(product = "cvm", action = "...")]`, against
#             the same enums without `product` and `action`
#
# Wall times on a shared machine vary with its load; CPU times less.
#
#     scripts/products_build.sh [runtime|cvm-size|derive ...] [N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${PRODUCTS_BUILD_DIR:-$root/target/products-build}
export CARGO_TARGET_DIR="$work/target"
mkdir -p "$work"
count=300
modes=()
for arg in "$@"; do
    case $arg in
        [0-9]*) count=$arg ;;
        *) modes+=("$arg") ;;
    esac
done
[ ${#modes[@]} -gt 0 ] || modes=(runtime cvm-size derive)

# Prints "LABEL: wall W s, cpu C s, peak P MB" for the command after LABEL.
measure() {
    local label=$1
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/build.log" || {
        cat "$work/build.log" >&2
        return 1
    }
    read -r wall user system kilobytes < "$work/time.txt"
    printf '%-28s wall %6.2f s   cpu %6.2f s   peak %5d MB\n' "$label:" "$wall" \
        "$(echo "$user + $system" | bc -l)" $(( kilobytes / 1024 ))
}

runtime() {
    for features in "" cvm all-products; do
        local flags=(--release --quiet -p tencent-errors)
        [ -z "$features" ] || flags+=(--features "$features")
        (cd "$root" && cargo build "${flags[@]}")
        touch "$root/runtime/src/lib.rs"
        (cd "$root" && measure "runtime ${features:-no product}" cargo build "${flags[@]}")
    done
}

cvm_size() {
    local dir=$work/cvm-size
    mkdir -p "$dir/src/bin"
    cat > "$dir/Cargo.toml" <<TOML
[package]
name = "cvm-size"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
tencent-errors = { path = "$root/runtime", features = ["cvm"] }

[workspace]
TOML
    echo "" > "$dir/src/lib.rs"
    for which in CommonCode products::cvm::CvmCode; do
        local name=common
        [ "$which" = CommonCode ] || name=cvm
        cat > "$dir/src/bin/$name.rs" <<RS
use tencent_errors::$which as Code;

fn main() {
    for arg in std::env::args().skip(1) {
        let code = Code::from_code(&arg);
        println!("{} {:?} {:?}", code.as_str(), code.retry_class(), code.description());
    }
}
RS
    done
    (cd "$dir" && cargo build --release --quiet --bins)
    strip -o "$dir/common.stripped" "$CARGO_TARGET_DIR/release/common"
    strip -o "$dir/cvm.stripped" "$CARGO_TARGET_DIR/release/cvm"
    local added=$(( $(stat -c %s "$dir/cvm.stripped") - $(stat -c %s "$dir/common.stripped") ))
    printf 'CvmCode adds to a stripped binary: %d KB (%d bytes with CommonCode, %d with CvmCode)\n' \
        $(( added / 1024 )) "$(stat -c %s "$dir/common.stripped")" "$(stat -c %s "$dir/cvm.stripped")"
}

# Writes N enums, each for one action of CVM (cycling through its actions).
derive_source() {
    local with_action=$1
    python3 - "$root/catalogue/data/cvm/v20170312/actions.toml" "$count" "$with_action" <<'PY'
import re, sys
path, count, with_action = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "yes"
actions = []
for line in open(path):
    match = re.match(r'^(\w+) = \[(.*)\]$', line.strip())
    if match:
        codes = re.findall(r'"([^"]+)"', match.group(2))
        if codes:
            actions.append((match.group(1), codes))
for index in range(count):
    action, codes = actions[index % len(actions)]
    print("#[derive(Debug, tencent_errors::TencentError)]")
    if with_action:
        print(f'#[tencent(product = "cvm", action = "{action}")]')
    print(f"pub enum {action}Error{index} {{")
    for number, code in enumerate(codes[:6]):
        print(f'    #[tencent(code = "{code}")]\n    Code{number},')
    print('    #[tencent(code = "RequestLimitExceeded")]\n    Throttled,')
    print("    #[tencent(other)]\n    Other(String),\n}\n")
PY
}

derive() {
    for with_action in no yes; do
        local dir=$work/derive-$with_action
        mkdir -p "$dir/src"
        cat > "$dir/Cargo.toml" <<TOML
[package]
name = "derive-$with_action"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
tencent-errors = { path = "$root/runtime", features = ["catalogue"] }

[workspace]
TOML
        echo "" > "$dir/src/lib.rs"
        (cd "$dir" && cargo build --release --quiet)
        derive_source "$with_action" > "$dir/src/lib.rs"
        local label="$count derived enums"
        [ "$with_action" = yes ] && label="$label, product+action"
        (cd "$dir" && measure "$label" cargo build --release --quiet)
    done
}

for mode in "${modes[@]}"; do
    case $mode in
        runtime) runtime ;;
        cvm-size) cvm_size ;;
        derive) derive ;;
        *) echo "unknown mode $mode" >&2; exit 2 ;;
    esac
done
