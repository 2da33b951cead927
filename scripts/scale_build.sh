#!/usr/bin/env bash
# Builds a crate whose only content is `error_codes!` over N generated codes
# (default 12,388, the number of distinct codes in Tencent's SDKs) in release
# mode, and prints the build time, peak compiler memory and the bytes the enum
# adds to a stripped binary. Targets: at most 3 s, 300 MB and 0.6 MB.
# With `derive`, the crate holds a `#[derive(TencentError)]` enum of N
# variants (one `#[tencent(code = "...")]` each, plus `other`) instead.
#
#     scripts/scale_build.sh [N] [derive]
set -euo pipefail
count=${1:-12388}
mode=${2:-error_codes}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${SCALE_BUILD_DIR:-$root/target/scale-build}
mkdir -p "$work/src/bin"
(cd "$root" && cargo xtask gen-codes "$count") > "$work/codes.toml"
cat > "$work/Cargo.toml" <<TOML
[package]
name = "scale-build"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
tencent-errors = { path = "$root/runtime" }

[workspace]
TOML
if [ "$mode" = derive ]; then
    (cd "$root" && cargo xtask gen-codes "$count" --enum derive) > "$work/src/lib.rs"
else
    cat > "$work/src/lib.rs" <<'RS'
tencent_errors::error_codes! {
    /// Generated codes.
    pub enum Big from "codes.toml";
}
RS
fi
cat > "$work/src/bin/with_enum.rs" <<'RS'
fn main() {
    for arg in std::env::args().skip(1) {
        let code = scale_build::Big::from_code(&arg);
        println!("{} {:?}", code.as_str(), code.retry_class());
    }
}
RS
cat > "$work/src/bin/without_enum.rs" <<'RS'
fn main() {
    for arg in std::env::args().skip(1) {
        let code = tencent_errors::CommonCode::from_code(&arg);
        println!("{} {:?}", code.as_str(), code.retry_class());
    }
}
RS
cd "$work"
export CARGO_TARGET_DIR="$work/target"
cargo build --release --quiet --bins 2>&1
# Time only the crate itself: dependencies are built above.
touch src/lib.rs
/usr/bin/time -f "%e %M" -o time.txt cargo build --release --quiet --lib 2>&1
read -r seconds kilobytes < time.txt
strip -o with.stripped target/release/with_enum
strip -o without.stripped target/release/without_enum
added=$(( $(stat -c %s with.stripped) - $(stat -c %s without.stripped) ))
printf 'codes: %d (%s)\nrelease build of the crate: %s s\npeak memory: %d MB\nadded to a stripped binary: %.2f MB\n' \
    "$count" "$mode" "$seconds" $(( kilobytes / 1024 )) "$(echo "$added / 1048576" | bc -l)"
