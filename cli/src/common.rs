//! The common codes every product extends (the core's built-in layer):
//! what a product code inherits, and the variant names they take.

use std::collections::BTreeMap;
use std::sync::Arc;

use tencent_errors_catalogue::Retry;
use tencent_errors_core::diagnostic::Diagnostics;
use tencent_errors_core::load::{BUILTIN_LABEL, BUILTIN_SOURCE};
use tencent_errors_core::schema;

/// What a code inherits, and from where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inherited {
    /// The class.
    pub retry: Retry,
    /// Whether the common codes set it on the code or one of its ancestors
    /// (`AuthFailure` never, `RequestLimitExceeded` throttling, ...), rather
    /// than it being the default or an import rule's.
    pub set_by_common_codes: bool,
}

/// The common layer: every table's path, whether it is a code, and the
/// `retry` it sets.
#[derive(Debug, Clone, Default)]
pub struct CommonCodes {
    tables: BTreeMap<String, (bool, Option<Retry>)>,
}

impl CommonCodes {
    /// The common codes the runtime ships (the core's built-in layer).
    pub fn shipped() -> CommonCodes {
        let mut diagnostics = Diagnostics::default();
        let file = schema::parse(&Arc::from(BUILTIN_LABEL), BUILTIN_SOURCE, &mut diagnostics);
        let tables = file
            .tables
            .into_iter()
            .map(|table| {
                let retry = table
                    .retry
                    .and_then(|setting| Retry::parse(setting.value.as_str()));
                (table.path, (table.description.is_some(), retry))
            })
            .collect();
        CommonCodes { tables }
    }

    /// The common codes (not categories), sorted.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.tables
            .iter()
            .filter(|(_, (is_code, _))| *is_code)
            .map(|(code, _)| code.as_str())
    }

    /// Whether `code` is a common code.
    pub fn is_code(&self, code: &str) -> bool {
        matches!(self.tables.get(code), Some((true, _)))
    }

    /// What `code` inherits in a product layer whose codes set the classes
    /// `product_retry` gives: the nearest of the code itself (in the common
    /// codes), its ancestors in the product, and its ancestors in the
    /// common codes; `never` where none sets one.
    pub fn inherited(
        &self,
        code: &str,
        product_retry: impl Fn(&str) -> Option<Retry>,
    ) -> Inherited {
        let mut prefix = code;
        loop {
            if prefix != code {
                if let Some(retry) = product_retry(prefix) {
                    return Inherited {
                        retry,
                        set_by_common_codes: false,
                    };
                }
            }
            if let Some((_, Some(retry))) = self.tables.get(prefix) {
                return Inherited {
                    retry: *retry,
                    set_by_common_codes: true,
                };
            }
            match prefix.rfind('.') {
                Some(dot) => prefix = &prefix[..dot],
                None => {
                    return Inherited {
                        retry: Retry::Never,
                        set_by_common_codes: false,
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_inherit_from_the_nearest_setting() {
        let common = CommonCodes::shipped();
        let none = |_: &str| None;
        assert_eq!(
            common.inherited("InternalError.Db", none).retry,
            Retry::Transient
        );
        assert_eq!(
            common.inherited("AuthFailure.SignatureExpire", none).retry,
            Retry::Refresh
        );
        assert!(
            common
                .inherited("AuthFailure.Other", none)
                .set_by_common_codes
        );
        let failed = common.inherited("FailedOperation.X", none);
        assert_eq!(
            (failed.retry, failed.set_by_common_codes),
            (Retry::Never, false)
        );
        let product = |code: &str| (code == "FailedOperation.X").then_some(Retry::Transient);
        assert_eq!(
            common.inherited("FailedOperation.X.Y", product).retry,
            Retry::Transient
        );
        assert_eq!(
            common.inherited("FailedOperation.X", product).retry,
            Retry::Never
        );
    }
}
