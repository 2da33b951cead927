//! Support for generated code. Not public API: it changes with the exact
//! version of `tencent-errors-macros` that generates code against it.
//!
//! Every generated enum, from `error_codes!` or `#[derive(TencentError)]`,
//! implements [`CodeEnum`]: its codes are a table, and every method is one
//! generic function here over that table, so that each enum costs its
//! tables and a thin impl, not a copy of the method bodies.

pub use crate::actions::{action_table, ProductActions};
pub use serde;
pub use tencent_errors_table::{ActionTable, CodeTable, Descriptions, Texts};

use core::fmt;
use core::mem::MaybeUninit;

use crate::table::RetryClasses;
use crate::{RetryClass, TencentError, UnknownCode};

/// An enum whose codes are a table: what every generated enum implements.
pub trait CodeEnum: Sized {
    /// What holds the codes the enum does not list: [`UnknownCode<Self>`]
    /// for `error_codes!`, the field of a derived `#[tencent(other)]`
    /// variant, or [`Closed`] for a derived enum without one.
    type Other: CatchAll;

    /// The codes: perfect hash, retry classes, parents.
    const TABLE: &'static CodeTable<'static>;

    /// The descriptions, by code index. Read them through
    /// [`descriptions`], which keeps one copy per crate.
    const DESCRIPTIONS: &'static Descriptions<'static>;

    /// The table index of a listed code, or what holds an unlisted one.
    fn index(&self) -> Result<u16, &Self::Other>;

    /// The value of the listed code at `index`.
    fn from_index(index: u16) -> Option<Self>;

    /// The value that holds an unlisted code.
    fn from_other(other: Self::Other) -> Self;
}

/// The layout `error_codes!` gives its enums, which lets the runtime read
/// and make their values without a `match` over thousands of variants.
///
/// # Safety
///
/// Implemented only for an enum with the `#[repr(u16)]` primitive
/// representation whose first `CODE_COUNT` variants, of discriminants
/// `0..CODE_COUNT`, have no fields. Such a variant is a lone `u16` (every
/// other byte of the value is padding), and every value of the enum starts
/// with its discriminant as a `u16`.
pub unsafe trait FieldlessCodes: CodeEnum {
    /// How many variants, from the first, have no fields.
    const CODE_COUNT: u16;
    /// The variant names codes.toml sets explicitly, by index, ascending:
    /// `Debug` derives every other name from its code.
    const VARIANT_NAMES: &'static [(u16, &'static str)];
}

/// The discriminant of `value`.
#[inline(always)]
pub fn discriminant<T: FieldlessCodes>(value: &T) -> u16 {
    // SAFETY: `FieldlessCodes` guarantees `#[repr(u16)]`, whose values all
    // start with their discriminant as a `u16`.
    unsafe { *(value as *const T).cast::<u16>() }
}

/// The fieldless variant of discriminant `index`, if there is one.
#[inline(always)]
pub fn fieldless_variant<T: FieldlessCodes>(index: u16) -> Option<T> {
    (index < T::CODE_COUNT).then(|| {
        let mut value = MaybeUninit::<T>::uninit();
        // SAFETY: `FieldlessCodes` guarantees that a variant below
        // `CODE_COUNT` is a lone `u16` tag, so writing the tag makes a
        // valid value.
        unsafe {
            value.as_mut_ptr().cast::<u16>().write(index);
            value.assume_init()
        }
    })
}

/// Every fieldless variant, in discriminant order: a generated enum's `ALL`,
/// built without naming each variant. `N` must be `T::CODE_COUNT` (checked
/// when the constant is evaluated).
pub const fn all<T: FieldlessCodes, const N: usize>() -> [T; N] {
    assert!(
        N == T::CODE_COUNT as usize,
        "N is the number of fieldless variants"
    );
    let mut all = MaybeUninit::<[T; N]>::uninit();
    let first = all.as_mut_ptr().cast::<T>();
    let mut index = 0;
    while index < N {
        // SAFETY: `index < N` stays inside the array, and `FieldlessCodes`
        // guarantees that a lone tag below `CODE_COUNT` is a valid value.
        unsafe { first.add(index).cast::<u16>().write(index as u16) };
        index += 1;
    }
    // SAFETY: every element was initialised above.
    unsafe { all.assume_init() }
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
    /// The code kept, exactly as given.
    fn as_str(&self) -> &str;
    /// Its retry class.
    fn retry_class(&self) -> RetryClass;
    /// Its description, if known.
    fn description(&self) -> Option<&'static str>;
}

impl OtherCode for String {
    fn from_code(code: &str) -> Self {
        code.to_owned()
    }
    fn as_str(&self) -> &str {
        self
    }
    /// A bare string gets the class its category has among the common codes.
    fn retry_class(&self) -> RetryClass {
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
    fn as_str(&self) -> &str {
        self
    }
    fn retry_class(&self) -> RetryClass {
        common_retry_class(self)
    }
    fn description(&self) -> Option<&'static str> {
        None
    }
}

/// Every enum of `error_codes!` keeps any code: one impl for all of them,
/// not one each. (Not recommended in diagnostics: a wrong `other` field
/// type is then reported as lacking `OtherCode`, with its note, rather
/// than the layout trait of `error_codes!` enums.)
#[diagnostic::do_not_recommend]
impl<T: FieldlessCodes<Other = UnknownCode<T>>> OtherCode for T {
    #[inline]
    fn from_code(code: &str) -> Self {
        from_code(code)
    }
    #[inline]
    fn as_str(&self) -> &str {
        as_str(self)
    }
    #[inline]
    fn retry_class(&self) -> RetryClass {
        retry_class(self)
    }
    #[inline]
    fn description(&self) -> Option<&'static str> {
        description(self)
    }
}

/// The retry class of `code` among the common codes, without decoding it
/// (which would copy an unknown code).
fn common_retry_class(code: &str) -> RetryClass {
    <crate::CommonCode as CodeEnum>::TABLE.inherited_retry_class(code)
}

/// Where an enum keeps the codes it does not list: an [`OtherCode`], or
/// nowhere ([`Closed`]).
pub trait CatchAll: Sized {
    /// Keeps `code`, if codes can be kept.
    fn keep(code: &str) -> Option<Self>;
    /// The code kept.
    fn code(&self) -> &str;
    /// Its retry class.
    fn retry_class(&self) -> RetryClass;
    /// Its description, if known.
    fn description(&self) -> Option<&'static str>;
}

impl<T: OtherCode> CatchAll for T {
    #[inline]
    fn keep(code: &str) -> Option<Self> {
        Some(T::from_code(code))
    }
    #[inline]
    fn code(&self) -> &str {
        self.as_str()
    }
    #[inline]
    fn retry_class(&self) -> RetryClass {
        OtherCode::retry_class(self)
    }
    #[inline]
    fn description(&self) -> Option<&'static str> {
        OtherCode::description(self)
    }
}

/// A catch-all that keeps any code: what makes `from_code` infallible.
pub trait KeepsEveryCode: CatchAll {
    /// Keeps `code`.
    fn keep_every(code: &str) -> Self;
}

impl<T: OtherCode> KeepsEveryCode for T {
    #[inline]
    fn keep_every(code: &str) -> Self {
        T::from_code(code)
    }
}

impl<C: FieldlessCodes<Other = UnknownCode<C>>> KeepsEveryCode for UnknownCode<C> {
    #[inline]
    fn keep_every(code: &str) -> Self {
        UnknownCode::__new(code)
    }
}

/// The catch-all of `error_codes!` enums. (Not an [`OtherCode`]: a derived
/// enum's `other` field keeps codes on its own.)
impl<C: FieldlessCodes<Other = UnknownCode<C>>> CatchAll for UnknownCode<C> {
    #[inline]
    fn keep(code: &str) -> Option<Self> {
        Some(UnknownCode::__new(code))
    }
    #[inline]
    fn code(&self) -> &str {
        self.as_str()
    }
    #[inline]
    fn retry_class(&self) -> RetryClass {
        C::TABLE.inherited_retry_class(self.as_str())
    }
    #[inline]
    fn description(&self) -> Option<&'static str> {
        None
    }
}

/// The catch-all of a derived enum without an `other` variant: there is
/// none, so no value of this type exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {}

impl CatchAll for Closed {
    fn keep(_code: &str) -> Option<Self> {
        None
    }
    fn code(&self) -> &str {
        match *self {}
    }
    fn retry_class(&self) -> RetryClass {
        match *self {}
    }
    fn description(&self) -> Option<&'static str> {
        match *self {}
    }
}

impl<T: CodeEnum> TencentError for T {
    #[inline]
    fn from_code(code: &str) -> Option<Self> {
        from_listed_code(code)
    }
    #[inline]
    fn as_str(&self) -> &str {
        as_str(self)
    }
    #[inline]
    fn description(&self) -> Option<&'static str> {
        description(self)
    }
    #[inline]
    fn retry_class(&self) -> RetryClass {
        retry_class(self)
    }
}

/// Decodes a code; unlisted codes go to the catch-all.
#[inline]
pub fn from_code<T: CodeEnum>(code: &str) -> T
where
    T::Other: KeepsEveryCode,
{
    match T::TABLE.lookup_code(code).and_then(T::from_index) {
        Some(listed) => listed,
        None => T::from_other(T::Other::keep_every(code)),
    }
}

/// `FromStr` of an enum that keeps every code: never fails.
#[inline]
pub fn parse<T: CodeEnum>(code: &str) -> Result<T, core::convert::Infallible>
where
    T::Other: KeepsEveryCode,
{
    Ok(from_code(code))
}

/// `FromStr` of an enum that does not: an unlisted code is an error that
/// names it.
#[inline]
pub fn parse_listed<T: CodeEnum>(code: &str) -> Result<T, crate::UnrecognizedCode> {
    from_listed_code(code).ok_or_else(|| crate::UnrecognizedCode::new(code))
}

/// Decodes a code; `None` for an unlisted code the enum cannot keep.
#[inline]
pub fn from_listed_code<T: CodeEnum>(code: &str) -> Option<T> {
    match T::TABLE.lookup_code(code) {
        Some(index) => T::from_index(index),
        None => T::Other::keep(code).map(T::from_other),
    }
}

/// The code exactly as on the wire.
#[inline]
pub fn as_str<T: CodeEnum>(value: &T) -> &str {
    match value.index() {
        Ok(index) => T::TABLE.code(index),
        Err(other) => other.code(),
    }
}

/// The description: the table's for a listed code, the catch-all's else.
#[inline]
pub fn description<T: CodeEnum>(value: &T) -> Option<&'static str> {
    match value.index() {
        Ok(index) => descriptions::<T>().text(index),
        Err(other) => other.description(),
    }
}

/// The Chinese description of a listed code.
#[inline]
pub fn description_zh<T: CodeEnum>(value: &T) -> Option<&'static str> {
    value
        .index()
        .ok()
        .and_then(|index| descriptions::<T>().chinese(index))
}

/// Whether a listed code is deprecated.
#[inline]
pub fn is_deprecated<T: CodeEnum>(value: &T) -> bool {
    value
        .index()
        .is_ok_and(|index| descriptions::<T>().is_deprecated(index))
}

/// The retry class: the table's for a listed code, inherited for the others.
#[inline]
pub fn retry_class<T: CodeEnum>(value: &T) -> RetryClass {
    match value.index() {
        Ok(index) => T::TABLE.retry_class(index),
        Err(other) => other.retry_class(),
    }
}

/// Whether the enum lists the code.
#[inline]
pub fn is_known<T: CodeEnum>(value: &T) -> bool {
    value.index().is_ok()
}

/// The nearest ancestor code the enum lists.
pub fn parent<T: FieldlessCodes<Other = UnknownCode<T>>>(value: &T) -> Option<T> {
    let table = T::TABLE;
    match value.index() {
        Ok(index) => table.parent(index),
        Err(unknown) => table.nearest_ancestor_code(unknown.as_str()),
    }
    .and_then(fieldless_variant)
}

/// `code` or its nearest ancestor that `C` lists as a code.
pub fn nearest_known<C: FieldlessCodes>(code: &str) -> Option<C> {
    C::TABLE.nearest_code(code).and_then(fieldless_variant)
}

/// The first segment of `code` (`AuthFailure` for `AuthFailure.SignatureExpire`).
#[inline]
pub fn category(code: &str) -> &str {
    match code.find('.') {
        Some(end) => &code[..end],
        None => code,
    }
}

/// The descriptions of `T`. Never inlined: code that names the constant
/// directly gets a copy of its data in every codegen unit, hundreds of
/// kilobytes for a product enum; through this call there is one per crate.
#[inline(never)]
pub fn descriptions<T: CodeEnum>() -> &'static Descriptions<'static> {
    T::DESCRIPTIONS
}

/// `PartialEq` of an `error_codes!` enum: the same variant, and for
/// `Other` the same code.
#[inline]
pub fn eq<T: CodeEnum>(value: &T, other: &T) -> bool
where
    T::Other: PartialEq,
{
    match (value.index(), other.index()) {
        (Ok(value), Ok(other)) => value == other,
        (Err(value), Err(other)) => value == other,
        _ => false,
    }
}

/// `Hash` of an `error_codes!` enum, agreeing with [`eq`]: a listed code
/// by its index, an unlisted one by its text.
#[inline]
pub fn hash<T: CodeEnum, H: core::hash::Hasher>(value: &T, state: &mut H)
where
    T::Other: core::hash::Hash,
{
    match value.index() {
        Ok(index) => state.write_u16(index),
        Err(other) => {
            state.write_u16(u16::MAX);
            core::hash::Hash::hash(other, state);
        }
    }
}

/// `Clone` of an `error_codes!` enum.
#[inline]
pub fn clone<T: FieldlessCodes<Other = UnknownCode<T>>>(value: &T) -> T {
    match value.index() {
        // A listed index always has its variant; an empty unknown code
        // stands in for the impossible rest.
        Ok(index) => {
            fieldless_variant(index).unwrap_or_else(|| T::from_other(UnknownCode::__new("")))
        }
        Err(unknown) => T::from_other(unknown.clone()),
    }
}

/// `Debug` of an `error_codes!` enum: the variant name, from codes.toml's
/// explicit names or else by the naming rule, so that binaries carry no
/// table of names; `Other(..)` for an unlisted code.
pub fn debug<T: FieldlessCodes>(value: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result
where
    T::Other: fmt::Debug,
{
    match value.index() {
        Ok(index) => match T::VARIANT_NAMES.binary_search_by_key(&index, |&(at, _)| at) {
            Ok(found) => f.write_str(T::VARIANT_NAMES[found].1),
            Err(_) => tencent_errors_table::write_variant_name(T::TABLE.code(index), f),
        },
        Err(other) => f.debug_tuple("Other").field(other).finish(),
    }
}

/// `Display` of a generated enum: the code as on the wire.
#[inline]
pub fn display<T: CodeEnum>(value: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(as_str(value))
}

/// `Serialize` of a generated enum: the code as a string.
#[inline]
pub fn serialize<T: CodeEnum, S: serde::Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(as_str(value))
}

/// `Deserialize` of a generated enum: from the wire string, borrowing when
/// the format lets it, and allocating only for codes kept in a catch-all.
/// A closed enum refuses the codes it does not list, naming them.
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: CodeEnum,
{
    struct CodeVisitor<T>(core::marker::PhantomData<T>);

    impl<T: CodeEnum> serde::de::Visitor<'_> for CodeVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a Tencent Cloud error code string")
        }

        fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<T, E> {
            from_listed_code(code)
                .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(code), &self))
        }

        fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<T, E> {
            match core::str::from_utf8(bytes) {
                Ok(code) => self.visit_str(code),
                Err(_) => Err(E::invalid_value(serde::de::Unexpected::Bytes(bytes), &self)),
            }
        }
    }

    deserializer.deserialize_str(CodeVisitor(core::marker::PhantomData))
}
