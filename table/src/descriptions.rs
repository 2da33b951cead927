//! What a code table leaves out: the descriptions of the codes, kept apart,
//! so a binary that never asks for them does not carry them.

use crate::{u16_at, Texts};

/// The descriptions of an enum's codes, by code index.
///
/// ```
/// use tencent_errors_table::{Descriptions, Texts};
///
/// let descriptions = Descriptions {
///     text: Texts { text: "Busy.", ends: &[5, 0, 0, 0, 5, 0, 0, 0] },
///     chinese: Texts { text: "忙。", ends: &[6, 0, 0, 0] },
///     deprecated: &[1, 0],
/// };
/// assert_eq!(descriptions.text(0), Some("Busy."));
/// assert_eq!(descriptions.text(1), None);
/// assert_eq!(descriptions.chinese(0), Some("忙。"));
/// assert!(descriptions.is_deprecated(1) && !descriptions.is_deprecated(0));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Descriptions<'a> {
    /// The description of each code: English, else Chinese; empty for none.
    pub text: Texts<'a>,
    /// The Chinese description of each code; empty for none (or no entries
    /// at all when no code has one).
    pub chinese: Texts<'a>,
    /// The indices of the deprecated codes, ascending (`u16`, little-endian).
    pub deprecated: &'a [u8],
}

impl<'a> Descriptions<'a> {
    /// The description of code `index`: English, else Chinese.
    #[inline]
    pub fn text(&self, index: u16) -> Option<&'a str> {
        self.text.get(index).filter(|text| !text.is_empty())
    }

    /// The Chinese description of code `index`.
    #[inline]
    pub fn chinese(&self, index: u16) -> Option<&'a str> {
        self.chinese.get(index).filter(|text| !text.is_empty())
    }

    /// Whether code `index` is deprecated.
    pub fn is_deprecated(&self, index: u16) -> bool {
        let (mut low, mut high) = (0, self.deprecated.len() / 2);
        while low < high {
            let middle = low + (high - low) / 2;
            match u16_at(self.deprecated, middle).map(|at| at.cmp(&index)) {
                Some(core::cmp::Ordering::Less) => low = middle + 1,
                Some(core::cmp::Ordering::Greater) => high = middle,
                Some(core::cmp::Ordering::Equal) => return true,
                None => return false,
            }
        }
        false
    }
}
