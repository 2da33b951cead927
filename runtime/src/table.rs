//! The runtime's side of the generated tables: their layout and lookup live
//! in `tencent-errors-table`, shared with the code generator; here the
//! table's retry bytes become [`RetryClass`]es.

pub(crate) use tencent_errors_table::CodeTable;

use crate::RetryClass;

/// Retry classes read from a table's bytes.
pub(crate) trait RetryClasses {
    /// The retry class of the entry at `index`.
    fn retry_class(&self, index: u16) -> RetryClass;
    /// The retry class an unknown `code` inherits from its nearest known
    /// ancestor or category; [`RetryClass::Never`] when it has none.
    fn inherited_retry_class(&self, code: &str) -> RetryClass;
}

impl RetryClasses for CodeTable<'_> {
    #[inline]
    fn retry_class(&self, index: u16) -> RetryClass {
        RetryClass::from_table(self.retry_byte(index))
    }

    fn inherited_retry_class(&self, code: &str) -> RetryClass {
        RetryClass::from_table(self.inherited_retry_byte(code))
    }
}
