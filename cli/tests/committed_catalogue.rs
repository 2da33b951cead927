//! The committed catalogue (CI never downloads the SDKs: these files are
//! what it tests) is consistent.

use std::collections::BTreeSet;

use tencent_errors_catalogue::read::read_catalogue;
use tencent_errors_catalogue::{root, ProductVersion};
use tencent_errors_cli::common::CommonCodes;
use tencent_errors_cli::import::naming::{fits_grammar, variant_name};

#[test]
fn every_action_code_is_a_code_of_its_product_or_a_common_code() {
    let catalogue = read_catalogue(root()).unwrap();
    let common = CommonCodes::shipped();
    let mut strays = Vec::new();
    for (key, data) in &catalogue.products {
        for (action, codes) in &data.actions {
            for code in codes {
                if !data.codes.contains_key(code) && !common.is_code(code) {
                    strays.push(format!("{key} {action} {code}"));
                }
            }
        }
    }
    assert!(strays.is_empty(), "{strays:#?}");
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
fn variant_names_are_unique_within_each_product_version() {
    let catalogue = read_catalogue(root()).unwrap();
    let common = CommonCodes::shipped();
    for (key, data) in &catalogue.products {
        let mut names: BTreeSet<String> = common.codes().map(variant_name).collect();
        for (code, entry) in &data.codes {
            if common.is_code(code) {
                continue;
            }
            let name = entry.variant.clone().unwrap_or_else(|| variant_name(code));
            assert!(
                names.insert(name.clone()),
                "{key}: {code} takes the taken name {name}"
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
