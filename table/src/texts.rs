//! Strings stored as one concatenation and the end offset of each.

use crate::u32_at;

/// Strings stored as one concatenation and the end offset of each.
///
/// ```
/// use tencent_errors_table::Texts;
///
/// let texts = Texts { text: "AB", ends: &[1, 0, 0, 0, 2, 0, 0, 0] };
/// assert_eq!(texts.get(1), Some("B"));
/// assert_eq!(texts.get(2), None);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Texts<'a> {
    /// Every string, concatenated.
    pub text: &'a str,
    /// End offset of each string in `text` (`u32`, little-endian).
    pub ends: &'a [u8],
}

impl<'a> Texts<'a> {
    /// The byte range of string `index` in `text`.
    #[inline]
    pub fn range(&self, index: u16) -> Option<(usize, usize)> {
        let index = usize::from(index);
        let end = u32_at(self.ends, index)? as usize;
        let start = match index {
            0 => 0,
            _ => u32_at(self.ends, index - 1)? as usize,
        };
        Some((start, end))
    }

    /// The bytes of string `index`: no character-boundary checks, for
    /// comparisons on the lookup path.
    ///
    /// ```
    /// # use tencent_errors_table::Texts;
    /// let texts = Texts { text: "AB", ends: &[1, 0, 0, 0, 2, 0, 0, 0] };
    /// assert_eq!(texts.get_bytes(0), Some(&b"A"[..]));
    /// ```
    #[inline]
    pub fn get_bytes(&self, index: u16) -> Option<&'a [u8]> {
        let (start, end) = self.range(index)?;
        self.text.as_bytes().get(start..end)
    }

    /// String `index`.
    ///
    /// ```
    /// # use tencent_errors_table::Texts;
    /// let texts = Texts { text: "AB", ends: &[1, 0, 0, 0, 2, 0, 0, 0] };
    /// assert_eq!(texts.get(0), Some("A"));
    /// ```
    #[inline]
    pub fn get(&self, index: u16) -> Option<&'a str> {
        let (start, end) = self.range(index)?;
        self.text.get(start..end)
    }
}
