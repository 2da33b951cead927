//! The committed catalogue (CI never downloads the SDKs: these files are
//! what it tests) is consistent.

use tencent_errors_catalogue::read::read_catalogue;
use tencent_errors_catalogue::{root, ProductVersion, CODES_FILE, DATA_DIR};
use tencent_errors_cli::common::CommonCodes;
use tencent_errors_cli::import::naming::fits_grammar;
use tencent_errors_core::diagnostic::Diagnostics;
use tencent_errors_core::load;

/// Every product-version's codes.toml loads through the core (as
/// `error_codes!` would load it, extending the common codes) without a
/// diagnostic, and every code its actions list is a code of that set.
#[test]
fn every_product_version_loads_through_the_core_and_its_actions_name_its_codes() {
    let catalogue = read_catalogue(root()).unwrap();
    let data_dir = root().join(DATA_DIR);
    let mut problems = Vec::new();
    for (key, data) in &catalogue.products {
        let mut diagnostics = Diagnostics::default();
        let relative = format!("{}/{}/{CODES_FILE}", key.product, key.version);
        let loaded = tencent_errors_core::check::code_set(
            &load::load(&data_dir, &relative, &mut diagnostics),
            &mut diagnostics,
        );
        problems.extend(diagnostics.into_vec().iter().map(|d| format!("{key}: {d}")));
        for (action, codes) in &data.actions {
            for code in codes {
                if loaded.find(code).is_none() {
                    problems.push(format!(
                        "{key} {action}: {code} is not a code of the product"
                    ));
                }
            }
        }
        let export_retry = CommonCodes::shipped();
        for (code, entry) in &data.codes {
            let Some(loaded_code) = loaded.find(code) else {
                problems.push(format!("{key}: {code} did not load"));
                continue;
            };
            let expected = entry.retry.unwrap_or_else(|| {
                export_retry
                    .inherited(code, |prefix| data.codes.get(prefix).and_then(|e| e.retry))
                    .retry
            });
            if loaded_code.retry.as_str() != expected.as_str() {
                problems.push(format!(
                    "{key}: {code} is {} in the core, {expected} in the export",
                    loaded_code.retry.as_str()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(catalogue.products.len() >= 315);
}

#[test]
fn every_code_fits_the_grammar_and_is_described() {
    let catalogue = read_catalogue(root()).unwrap();
    for (key, data) in &catalogue.products {
        for (code, entry) in &data.codes {
            assert!(fits_grammar(code), "{key} {code}");
            let described = [&entry.description, &entry.description_zh]
                .into_iter()
                .flatten()
                .any(|text| !text.trim().is_empty());
            assert!(described, "{key} {code} has no description");
            assert_eq!(
                entry.retry.is_some(),
                entry.retry_reason.is_some(),
                "{key} {code}"
            );
        }
    }
}

#[test]
fn streamlive_lists_its_channel_codes() {
    let catalogue = read_catalogue(root()).unwrap();
    let streamlive = &catalogue.products[&ProductVersion::new("mdl", "v20200326")];
    let create = &streamlive.actions["CreateStreamLiveChannel"];
    assert!(create.iter().any(|code| code == "InvalidParameter.Name"));
    assert!(streamlive.codes["InvalidParameter.Name"]
        .description
        .is_some());
}
