//! How `extends` layers merge, end to end through `error_codes!` (issue 8,
//! items 5 and 6): category defaults reach the codes of their own layer,
//! and the order of `extends` entries changes nothing.

use tencent_errors::RetryClass;

tencent_errors::error_codes! {
    /// A product layer over a base layer.
    pub enum CdnCode from "codes/layers/cdn_product.toml";
}

tencent_errors::error_codes! {
    /// Four sibling layers, listed in one order.
    pub enum PlainFirstCode from "codes/layers/extends_plain_first.toml";
}

tencent_errors::error_codes! {
    /// The same four, listed in the other order.
    pub enum RetryFirstCode from "codes/layers/extends_retry_first.toml";
}

#[test]
fn a_category_default_reaches_new_codes_of_its_own_layer() {
    assert_eq!(CdnCode::CdnDomainBusy.retry_class(), RetryClass::Transient);
    assert_eq!(
        CdnCode::from_code("Cdn.Domain.Unknown").retry_class(),
        RetryClass::Transient
    );
}

#[test]
fn a_category_default_leaves_the_codes_of_the_layers_below() {
    assert_eq!(CdnCode::CdnDomainNotFound.retry_class(), RetryClass::Never);
}

#[test]
fn siblings_that_agree_on_a_description_merge_whatever_the_order() {
    assert_eq!(PlainFirstCode::X.retry_class(), RetryClass::Transient);
    assert_eq!(RetryFirstCode::X.retry_class(), RetryClass::Transient);
    assert_eq!(PlainFirstCode::X.description(), Some("d"));
}

#[test]
fn a_category_default_never_leaks_into_a_sibling_layer() {
    for (own, sibling) in [
        (
            PlainFirstCode::YOwn.retry_class(),
            PlainFirstCode::YSibling.retry_class(),
        ),
        (
            RetryFirstCode::YOwn.retry_class(),
            RetryFirstCode::YSibling.retry_class(),
        ),
    ] {
        assert_eq!(own, RetryClass::Throttling);
        assert_eq!(sibling, RetryClass::Never);
    }
}

#[test]
fn the_order_of_extends_entries_changes_no_code() {
    let plain: Vec<(&str, RetryClass)> = PlainFirstCode::ALL
        .iter()
        .map(|code| (code.as_str(), code.retry_class()))
        .collect();
    let retry: Vec<(&str, RetryClass)> = RetryFirstCode::ALL
        .iter()
        .map(|code| (code.as_str(), code.retry_class()))
        .collect();
    assert_eq!(plain, retry);
}
