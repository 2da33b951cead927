//! The variant naming rule, the one both sides use: the code generator to
//! name variants, the runtime to print them (`Debug`) without a table of
//! names.

use core::fmt;

/// Writes the variant name of `code`: split on `.` and `_`, upper-case the
/// first letter of each piece, keep the rest, concatenate.
///
/// ```
/// let mut name = String::new();
/// tencent_errors_table::write_variant_name("InvalidParameter.INVALID_PARAM", &mut name).unwrap();
/// assert_eq!(name, "InvalidParameterINVALIDPARAM");
/// ```
pub fn write_variant_name(code: &str, out: &mut impl fmt::Write) -> fmt::Result {
    for piece in code.split(['.', '_']) {
        let mut chars = piece.chars();
        if let Some(first) = chars.next() {
            for upper in first.to_uppercase() {
                out.write_char(upper)?;
            }
            out.write_str(chars.as_str())?;
        }
    }
    Ok(())
}
