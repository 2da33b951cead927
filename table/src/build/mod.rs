//! Laying tables out (feature `build`): the code generator's side. What
//! [`TableBytes`] builds is what [`CodeTable`] reads, so a table built here
//! can be looked up here, exactly as the runtime will.

mod action_table;
mod perfect_hash;

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::{fingerprint, hash as hash_of, CodeTable, Slot, Texts, MAX_CODE_LEN, NO_PARENT};

pub use action_table::ActionTableBytes;
pub use perfect_hash::PerfectHash;

/// The most entries a table holds: indices are `u16`, and `u16::MAX` marks
/// empty slots and missing parents.
pub const MAX_ENTRIES: usize = u16::MAX as usize - 1;

/// Little-endian `u16`s, the layout of every `u16` column of a table.
///
/// ```
/// assert_eq!(tencent_errors_table::build::u16_bytes([1, 0x0203]), [1, 0, 3, 2]);
/// ```
pub fn u16_bytes(values: impl IntoIterator<Item = u16>) -> Vec<u8> {
    values.into_iter().flat_map(u16::to_le_bytes).collect()
}

/// The bytes of a [`Texts`]: strings concatenated, and the end offset of
/// each as a little-endian `u32`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextsBytes {
    /// Every string, concatenated.
    pub text: String,
    /// End offset of each string in `text` (`u32`, little-endian).
    pub ends: Vec<u8>,
}

impl TextsBytes {
    /// Lays out `parts`, in order.
    ///
    /// ```
    /// use tencent_errors_table::build::TextsBytes;
    ///
    /// let bytes = TextsBytes::new(["Auth", "Failure"]);
    /// assert_eq!(bytes.texts().get(1), Some("Failure"));
    /// ```
    pub fn new<'a>(parts: impl IntoIterator<Item = &'a str>) -> TextsBytes {
        let mut bytes = TextsBytes::default();
        for part in parts {
            bytes.text.push_str(part);
            bytes
                .ends
                .extend_from_slice(&(bytes.text.len() as u32).to_le_bytes());
        }
        bytes
    }

    /// The view the runtime reads.
    pub fn texts(&self) -> Texts<'_> {
        Texts {
            text: &self.text,
            ends: &self.ends,
        }
    }
}

/// Why a table cannot be built.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BuildError {
    /// More than [`MAX_ENTRIES`] entries.
    TooManyEntries(usize),
    /// The entry at this index is longer than [`MAX_CODE_LEN`] bytes.
    TooLong(usize),
    /// The entry at this index repeats an earlier one.
    Repeated(usize),
    /// The columns do not have one value per entry (retry) or per code (parents).
    ColumnLength,
    /// No seed gave a perfect hash (for distinct keys this does not happen).
    NoSeed,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::TooManyEntries(count) => {
                write!(f, "{count} entries; a table holds at most {MAX_ENTRIES}")
            }
            BuildError::TooLong(index) => {
                write!(f, "entry {index} is longer than {MAX_CODE_LEN} bytes")
            }
            BuildError::Repeated(index) => write!(f, "entry {index} repeats an earlier one"),
            BuildError::ColumnLength => f.write_str("a column does not match the entries"),
            BuildError::NoSeed => f.write_str("no seed gives a perfect hash"),
        }
    }
}

/// The bytes of a [`CodeTable`], owned.
///
/// ```
/// use tencent_errors_table::build::TableBytes;
///
/// // Two codes (`A`, `A.B`), then a category (`C`).
/// let bytes = TableBytes::build(&["A", "A.B", "C"], 2, &[0, 0, 2], &[None, Some(0)]).unwrap();
/// let table = bytes.table();
/// assert_eq!(table.lookup("A.B"), Some(1));
/// assert_eq!(table.lookup_code("C"), None);
/// assert_eq!(table.parent(1), Some(0));
/// assert_eq!(table.inherited_retry_byte("C.X"), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableBytes {
    /// Every entry: the codes, then the categories.
    pub codes: TextsBytes,
    /// How many entries are codes.
    pub code_count: u16,
    /// A retry byte per entry.
    pub retry: Vec<u8>,
    /// The parent of each code, or [`NO_PARENT`] (`u16`, little-endian).
    pub parents: Vec<u8>,
    /// The perfect hash over every entry.
    pub hash: PerfectHash,
    /// The slots of the perfect hash, laid out as [`Slot`]s.
    pub slots: Vec<u8>,
}

impl TableBytes {
    /// Lays out a table of `entries`, whose first `code_count` are codes and the
    /// rest categories; `retry` has a byte per entry, `parents` an index
    /// (into the codes) per code.
    pub fn build(
        entries: &[&str],
        code_count: usize,
        retry: &[u8],
        parents: &[Option<u16>],
    ) -> Result<TableBytes, BuildError> {
        if entries.len() > MAX_ENTRIES {
            return Err(BuildError::TooManyEntries(entries.len()));
        }
        if code_count > entries.len() || retry.len() != entries.len() || parents.len() != code_count
        {
            return Err(BuildError::ColumnLength);
        }
        if let Some(index) = entries.iter().position(|entry| entry.len() > MAX_CODE_LEN) {
            return Err(BuildError::TooLong(index));
        }
        let mut seen = alloc::collections::BTreeSet::new();
        if let Some(index) = entries.iter().position(|entry| !seen.insert(*entry)) {
            return Err(BuildError::Repeated(index));
        }
        let hash = PerfectHash::build(entries).ok_or(BuildError::NoSeed)?;
        let codes = TextsBytes::new(entries.iter().copied());
        let texts = codes.texts();
        let seed = hash.seed;
        let slots = hash
            .slot_keys
            .iter()
            .flat_map(|&key| {
                let slot = match texts.range(key) {
                    Some((start, end)) => Slot {
                        index: key,
                        len: (end - start) as u8,
                        fingerprint: fingerprint(hash_of(&codes.text.as_bytes()[start..end], seed)),
                        offset: start as u32,
                    },
                    None => Slot::EMPTY,
                };
                slot.to_bytes()
            })
            .collect();
        Ok(TableBytes {
            slots,
            codes,
            code_count: code_count as u16,
            retry: retry.to_vec(),
            parents: u16_bytes(parents.iter().map(|parent| parent.unwrap_or(NO_PARENT))),
            hash,
        })
    }

    /// The view the runtime reads.
    pub fn table(&self) -> CodeTable<'_> {
        CodeTable {
            codes: self.codes.texts(),
            code_count: self.code_count,
            retry: &self.retry,
            parents: &self.parents,
            seed: self.hash.seed,
            pilots: &self.hash.pilots,
            slots: &self.slots,
        }
    }
}

/// The bytes of a [`Descriptions`](crate::Descriptions), owned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DescriptionsBytes {
    /// The description of each code: English, else Chinese.
    pub text: TextsBytes,
    /// The Chinese description of each code (no entries when none has one).
    pub chinese: TextsBytes,
    /// The indices of the deprecated codes, ascending.
    pub deprecated: Vec<u8>,
}

impl DescriptionsBytes {
    /// Lays out the descriptions of codes given in index order as
    /// (description, Chinese description, deprecated).
    ///
    /// ```
    /// use tencent_errors_table::build::DescriptionsBytes;
    ///
    /// let bytes = DescriptionsBytes::new([("Busy.", Some("忙。"), false), ("Gone.", None, true)]);
    /// let descriptions = bytes.descriptions();
    /// assert_eq!(descriptions.chinese(1), None);
    /// assert!(descriptions.is_deprecated(1));
    /// ```
    pub fn new<'a>(
        codes: impl IntoIterator<Item = (&'a str, Option<&'a str>, bool)> + Clone,
    ) -> DescriptionsBytes {
        let any_chinese = codes
            .clone()
            .into_iter()
            .any(|(_, chinese, _)| chinese.is_some());
        DescriptionsBytes {
            text: TextsBytes::new(codes.clone().into_iter().map(|(text, _, _)| text)),
            chinese: if any_chinese {
                TextsBytes::new(
                    codes
                        .clone()
                        .into_iter()
                        .map(|(_, chinese, _)| chinese.unwrap_or_default()),
                )
            } else {
                TextsBytes::default()
            },
            deprecated: u16_bytes(
                codes
                    .into_iter()
                    .enumerate()
                    .filter(|(_, (_, _, deprecated))| *deprecated)
                    .map(|(index, _)| index as u16),
            ),
        }
    }

    /// The view the runtime reads.
    pub fn descriptions(&self) -> crate::Descriptions<'_> {
        crate::Descriptions {
            text: self.text.texts(),
            chinese: self.chinese.texts(),
            deprecated: &self.deprecated,
        }
    }
}
