//! Support for generated code. Not public API: it changes with the exact
//! version of `tencent-errors-macros` that generates code against it.

pub use crate::actions::ProductActions;
pub use serde;
pub use tencent_errors_table::{ActionTable, CodeTable, Texts};

use crate::table::RetryClasses;

use core::fmt;
use core::mem::MaybeUninit;

/// Implemented by every generated enum: how its runtime reaches its table.
pub trait Generated: Sized {
    /// The enum's table.
    fn table() -> &'static CodeTable<'static>;
    /// The variant of the known code at `index` (`index < table().known`).
    fn from_known_index(index: u16) -> Self;
}

/// What the field of a derived enum's `#[tencent(other)]` variant must be:
/// something that keeps any code string.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold the codes of a `#[tencent(other)]` variant",
    label = "the field of the `other` variant",
    note = "use `String`, `Box<str>`, `tencent_errors::CommonCode` or an enum made by `error_codes!`"
)]
pub trait OtherCode: Sized {
    /// Keeps `code`.
    fn from_code(code: &str) -> Self;
    /// The code kept.
    fn code_str(&self) -> &str;
    /// Its retry class.
    fn retry_class(&self) -> crate::RetryClass;
    /// Its description, if known.
    fn description(&self) -> Option<&'static str>;
}

impl OtherCode for String {
    fn from_code(code: &str) -> Self {
        code.to_owned()
    }
    fn code_str(&self) -> &str {
        self
    }
    /// A bare string gets the class its category has among the common codes.
    fn retry_class(&self) -> crate::RetryClass {
        common_retry_class(self)
    }
    fn description(&self) -> Option<&'static str> {
        None
    }
}

impl OtherCode for Box<str> {
    fn from_code(code: &str) -> Self {
        code.into()
    }
    fn code_str(&self) -> &str {
        self
    }
    fn retry_class(&self) -> crate::RetryClass {
        common_retry_class(self)
    }
    fn description(&self) -> Option<&'static str> {
        None
    }
}

/// The retry class of the entry at `index` of `table`.
#[inline]
pub fn retry_class(table: &CodeTable<'_>, index: u16) -> crate::RetryClass {
    table.retry_class(index)
}

/// The retry class of `code` among the common codes, without decoding it
/// (which would copy an unknown code).
fn common_retry_class(code: &str) -> crate::RetryClass {
    <crate::CommonCode as Generated>::table().inherited_retry_class(code)
}

/// The first segment of `code` (`AuthFailure` for `AuthFailure.SignatureExpire`).
#[inline]
pub fn category(code: &str) -> &str {
    match code.find('.') {
        Some(end) => &code[..end],
        None => code,
    }
}

/// Whether `sorted`, little-endian `u16`s in ascending order, holds `value`.
pub fn sorted_u16_contains(sorted: &[u8], value: u16) -> bool {
    let (mut low, mut high) = (0, sorted.len() / 2);
    while low < high {
        let middle = low + (high - low) / 2;
        let at = u16::from_le_bytes([sorted[middle * 2], sorted[middle * 2 + 1]]);
        match at.cmp(&value) {
            core::cmp::Ordering::Less => low = middle + 1,
            core::cmp::Ordering::Greater => high = middle,
            core::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// `code` or its nearest ancestor that `C` lists as a code.
pub fn nearest_known<C: Generated>(code: &str) -> Option<C> {
    C::table().nearest_code(code).map(C::from_known_index)
}

/// The discriminant of a value of a `#[repr(u16)]` enum.
///
/// # Safety
/// `T` must be an enum with the `#[repr(u16)]` primitive representation,
/// whose discriminant is then a `u16` at offset 0 of every value.
#[inline(always)]
pub unsafe fn discriminant<T>(value: &T) -> u16 {
    // SAFETY: the caller guarantees the layout described above.
    unsafe { *(value as *const T).cast::<u16>() }
}

/// The fieldless variant of discriminant `tag` of a `#[repr(u16)]` enum.
///
/// # Safety
/// `T` must be an enum with the `#[repr(u16)]` primitive representation and
/// `tag` the discriminant of one of its variants without fields. Such a
/// variant is a lone `u16`; every other byte of the value is padding.
#[inline(always)]
pub unsafe fn fieldless_variant<T>(tag: u16) -> T {
    let mut value = MaybeUninit::<T>::uninit();
    // SAFETY: the caller guarantees that writing the tag makes a valid value.
    unsafe {
        value.as_mut_ptr().cast::<u16>().write(tag);
        value.assume_init()
    }
}

/// The first `N` fieldless variants of a `#[repr(u16)]` enum, in
/// discriminant order: a generated enum's `ALL`, built without naming each
/// variant.
///
/// # Safety
/// `T` must be an enum with the `#[repr(u16)]` primitive representation
/// whose variants of discriminants `0..N` have no fields.
pub const unsafe fn fieldless_variants<T, const N: usize>() -> [T; N] {
    let mut all = MaybeUninit::<[T; N]>::uninit();
    let first = all.as_mut_ptr().cast::<T>();
    let mut index = 0;
    while index < N {
        // SAFETY: `index < N` stays inside the array, and the caller
        // guarantees that a lone tag makes a valid value of `T`.
        unsafe { first.add(index).cast::<u16>().write(index as u16) };
        index += 1;
    }
    // SAFETY: every element was initialised above.
    unsafe { all.assume_init() }
}

/// `Debug` of a known code: its variant name, from the explicit names of
/// codes.toml (`overrides`, sorted by index) or else by the naming rule, so
/// that binaries carry no table of names.
pub fn write_variant_name(
    f: &mut fmt::Formatter<'_>,
    index: u16,
    code: &str,
    overrides: &[(u16, &str)],
) -> fmt::Result {
    if let Ok(found) = overrides.binary_search_by_key(&index, |&(at, _)| at) {
        return f.write_str(overrides[found].1);
    }
    // The naming rule: split on `.` and `_`, upper-case the first letter of
    // each piece, keep the rest.
    for piece in code.split(['.', '_']) {
        let mut chars = piece.chars();
        if let Some(first) = chars.next() {
            for upper in first.to_uppercase() {
                fmt::Write::write_char(f, upper)?;
            }
            f.write_str(chars.as_str())?;
        }
    }
    Ok(())
}

/// `Deserialize` of a generated enum: from the wire string, borrowing when
/// the format lets it, and allocating only for unknown codes.
pub fn deserialize_code<'de, D, C>(deserializer: D, from_code: fn(&str) -> C) -> Result<C, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct CodeVisitor<C>(fn(&str) -> C);

    impl<C> serde::de::Visitor<'_> for CodeVisitor<C> {
        type Value = C;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a Tencent Cloud error code string")
        }

        fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<C, E> {
            Ok((self.0)(code))
        }

        fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<C, E> {
            match core::str::from_utf8(bytes) {
                Ok(code) => Ok((self.0)(code)),
                Err(_) => Err(E::invalid_value(serde::de::Unexpected::Bytes(bytes), &self)),
            }
        }
    }

    deserializer.deserialize_str(CodeVisitor(from_code))
}

/// `Deserialize` of a derived enum without an `other` variant: unknown codes
/// are an error naming the code.
pub fn deserialize_closed_code<'de, D, C>(
    deserializer: D,
    from_code: fn(&str) -> Option<C>,
) -> Result<C, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct ClosedVisitor<C>(fn(&str) -> Option<C>);

    impl<C> serde::de::Visitor<'_> for ClosedVisitor<C> {
        type Value = C;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a Tencent Cloud error code this enum lists")
        }

        fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<C, E> {
            (self.0)(code).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(code), &self))
        }
    }

    deserializer.deserialize_str(ClosedVisitor(from_code))
}
