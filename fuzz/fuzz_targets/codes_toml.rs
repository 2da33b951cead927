//! Any text as a codes.toml: the loader never panics, and what it lets
//! through is an enum rustc accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = std::str::from_utf8(data) {
        tencent_errors_fuzz::load_like_the_macro(source);
    }
});
