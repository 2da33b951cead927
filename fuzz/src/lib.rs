//! What the fuzz targets share: the codes.toml pipeline of
//! `tencent-errors-core` (the one the macros run), and the invariants every
//! decoded result must keep.

#![allow(dead_code, clippy::all)]

use tencent_errors_core::emit::error_codes as expand;
use tencent_errors_core::{check, diagnostic, load};

use std::collections::HashSet;

use tencent_errors::{CommonCode, Error, Success};

/// What `error_codes!` does with a file's text, short of emitting tokens:
/// parse, validate, fall back to the usable subset on error, build the
/// perfect hash; then checks that the result is one rustc would accept.
pub fn load_like_the_macro(source: &str) {
    let mut diagnostics = diagnostic::Diagnostics::default();
    let layers = load::load_source("codes.toml", source, &mut diagnostics);
    let set = check::code_set(&layers, &mut diagnostics);
    let errors = diagnostics.into_vec();
    for error in &errors {
        let _ = error.to_string();
    }
    let set = match errors.is_empty() {
        true => set,
        false => check::usable_subset(set),
    };
    check_generatable(&set);
}

/// Distinct codes, distinct identifier variant names, a perfect hash that
/// finds every entry.
fn check_generatable(set: &check::CodeSet) {
    let mut variants = HashSet::new();
    for code in &set.codes {
        assert!(
            variants.insert(code.variant.as_str()),
            "variant `{}` twice",
            code.variant
        );
        assert_ne!(code.variant, check::OTHER_VARIANT);
        assert!(
            syn::parse_str::<syn::Ident>(&code.variant).is_ok(),
            "variant `{}` of `{}` is not an identifier",
            code.variant,
            code.code
        );
    }
    let entries: Vec<&str> = set.table_entries().collect();
    let distinct: HashSet<&str> = entries.iter().copied().collect();
    assert_eq!(distinct.len(), entries.len(), "entries repeat");
    let bytes = expand::table_bytes(set).expect("a table over distinct entries");
    let table = bytes.table();
    for (index, entry) in entries.iter().enumerate() {
        assert_eq!(table.lookup(entry), Some(index as u16), "{entry}");
    }
}

/// The most `Display` or `Debug` may print for any body.
const SHOWN_BOUND: usize = 64 * 1024;

/// What every result of `parse_response` must satisfy.
pub fn check_result<T>(result: &Result<Success<T>, Error<CommonCode>>, status: u16) {
    match result {
        Ok(success) => assert!(!success.request_id().is_empty()),
        Err(error) => {
            let shown = error.to_string();
            assert!(!shown.chars().any(char::is_control), "{shown:?}");
            assert!(shown.len() <= SHOWN_BOUND, "{} bytes shown", shown.len());
            assert!(format!("{error:?}").len() <= SHOWN_BOUND);
            assert_eq!(error.http_status(), status);
            let _ = (error.retry_class(), error.request_id(), error.code_str());
            if let Some(invalid) = error.invalid_body() {
                assert!(invalid.snippet().len() <= 512);
            }
            if let Error::Api(api) = error {
                assert!(!api.code().as_str().is_empty());
                let _ = (api.code().description(), api.code().retry_class());
            }
        }
    }
}
