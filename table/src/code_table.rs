//! A generated code table and the perfect-hash lookup from a wire string to
//! a table index.

use crate::{bucket, fingerprint, hash, slot, u16_at, Texts, MAX_CODE_LEN};

/// `parents` value of a code without a known ancestor.
pub const NO_PARENT: u16 = u16::MAX;
/// The entry index of a slot no entry hashes to.
pub const EMPTY_SLOT: u16 = u16::MAX;

/// A slot: where its entry's text is, so that a lookup reads the slot and
/// then the text, and a length or fingerprint mismatch rejects without
/// touching the text.
///
/// Eight bytes, little-endian: the entry index (`u16`, [`EMPTY_SLOT`] for
/// none), the text's length (`u8`; `0xFF` for none: no entry is that long),
/// the [`fingerprint`](crate::fingerprint) of the entry's hash (`u8`), and
/// the text's offset in [`Texts::text`] (`u32`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// The entry index, or [`EMPTY_SLOT`].
    pub index: u16,
    /// The length of the entry's text in bytes (`0xFF` for an empty slot).
    pub len: u8,
    /// The fingerprint of the entry's hash (0 for an empty slot).
    pub fingerprint: u8,
    /// The offset of the entry's text.
    pub offset: u32,
}

impl Slot {
    /// The size of a slot in a table's `slots`.
    pub const SIZE: usize = 8;

    /// A slot no entry hashes to.
    pub const EMPTY: Slot = Slot {
        index: EMPTY_SLOT,
        len: 0xFF,
        fingerprint: 0,
        offset: 0,
    };

    /// The slot's eight bytes.
    pub const fn to_bytes(self) -> [u8; Slot::SIZE] {
        let index = self.index.to_le_bytes();
        let offset = self.offset.to_le_bytes();
        [
            index[0],
            index[1],
            self.len,
            self.fingerprint,
            offset[0],
            offset[1],
            offset[2],
            offset[3],
        ]
    }

    /// The slot at `position` of `slots`.
    #[inline(always)]
    pub fn read(slots: &[u8], position: usize) -> Option<Slot> {
        let bytes = slots.get(position * Slot::SIZE..position * Slot::SIZE + Slot::SIZE)?;
        let mut word = [0u8; Slot::SIZE];
        word.copy_from_slice(bytes);
        let word = u64::from_le_bytes(word);
        Some(Slot {
            index: word as u16,
            len: (word >> 16) as u8,
            fingerprint: (word >> 24) as u8,
            offset: (word >> 32) as u32,
        })
    }
}

/// A generated table. Entries `0..code_count` are the enum's codes in variant
/// order; the entries after them are categories (codes.toml tables without
/// `description`), kept so that unknown codes inherit their retry class.
///
/// Descriptions and explicit variant names are kept apart from the table,
/// so a binary that never asks for them does not carry them.
///
/// ```
/// use tencent_errors_table::{CodeTable, Texts, EMPTY_SLOT};
///
/// // One entry, `A`, in a table of one bucket and one slot.
/// let table = CodeTable {
///     codes: Texts { text: "A", ends: &[1, 0, 0, 0] },
///     code_count: 1,
///     retry: &[2],
///     parents: &[0xff, 0xff],
///     seed: 0,
///     pilots: &[0],
///     // Entry 0: 1 byte at offset 0, fingerprint 0x5e (that of `A`).
///     slots: &[0, 0, 1, 0x5e, 0, 0, 0, 0],
/// };
/// assert_eq!(table.lookup("A"), Some(0));
/// assert_eq!(table.lookup("B"), None);
/// assert_eq!(table.retry_byte(0), 2);
/// assert_eq!(table.parent(0), None);
/// # let _ = EMPTY_SLOT;
/// ```
#[derive(Debug, Clone, Copy)]
pub struct CodeTable<'a> {
    /// Every code and category.
    pub codes: Texts<'a>,
    /// How many entries are codes (and variants).
    pub code_count: u16,
    /// Retry class of every entry, as the runtime's `RetryClass as u8`.
    pub retry: &'a [u8],
    /// Index of the nearest ancestor that is a code, or [`NO_PARENT`] (`u16`, little-endian).
    pub parents: &'a [u8],
    /// Seed of the perfect hash.
    pub seed: u64,
    /// One pilot per bucket, a byte each.
    pub pilots: &'a [u8],
    /// The slots of the perfect hash, [`Slot::SIZE`] bytes each.
    pub slots: &'a [u8],
}

impl<'a> CodeTable<'a> {
    /// The table index of `code` (a code or a category), if the table has it.
    ///
    /// A string longer than [`MAX_CODE_LEN`] is no entry: it is refused
    /// without being hashed.
    #[inline(always)]
    pub fn lookup(&self, code: &str) -> Option<u16> {
        let buckets = self.pilots.len();
        let slots = self.slots.len() / Slot::SIZE;
        if buckets == 0 || slots == 0 || code.len() > MAX_CODE_LEN {
            return None;
        }
        let hash = hash(code.as_bytes(), self.seed);
        let pilot = *self.pilots.get(bucket(hash, buckets))?;
        let found = Slot::read(self.slots, slot(hash, pilot, slots))?;
        // An empty slot's length (0xFF) matches no code.
        if (found.len, found.fingerprint) != (code.len() as u8, fingerprint(hash)) {
            return None;
        }
        let start = found.offset as usize;
        let text = self.codes.text.as_bytes().get(start..start + code.len())?;
        (text == code.as_bytes()).then_some(found.index)
    }

    /// The index of `code` if it is one of the enum's codes.
    #[inline]
    pub fn lookup_code(&self, code: &str) -> Option<u16> {
        self.lookup(code).filter(|&index| index < self.code_count)
    }

    /// The code or category at `index`.
    #[inline]
    pub fn entry(&self, index: u16) -> Option<&'a str> {
        self.codes.get(index)
    }

    /// The code at `index` (`""` for an index the table does not have).
    #[inline]
    pub fn code(&self, index: u16) -> &'a str {
        self.entry(index).unwrap_or_default()
    }

    /// The retry byte of the entry at `index` (0, `never`, for an index the
    /// table does not have).
    #[inline]
    pub fn retry_byte(&self, index: u16) -> u8 {
        self.retry.get(usize::from(index)).copied().unwrap_or(0)
    }

    /// The index of the nearest ancestor of the code at `index` that is a code.
    #[inline]
    pub fn parent(&self, index: u16) -> Option<u16> {
        u16_at(self.parents, usize::from(index)).filter(|&parent| parent != NO_PARENT)
    }

    /// The nearest entry (code or category) that is `code` itself or one of
    /// its dotted prefixes: where an unknown code takes its metadata from.
    ///
    /// At most one lookup per dot among the first [`MAX_CODE_LEN`] bytes:
    /// the cost does not grow with the length of `code`.
    pub fn nearest_entry(&self, code: &str) -> Option<u16> {
        self.lookup(code)
            .or_else(|| ancestors(code).find_map(|prefix| self.lookup(prefix)))
    }

    /// `code` itself or its nearest ancestor, whichever is first one of the
    /// enum's codes.
    pub fn nearest_code(&self, code: &str) -> Option<u16> {
        self.lookup_code(code)
            .or_else(|| self.nearest_ancestor_code(code))
    }

    /// The nearest strict ancestor of `code` that is one of the enum's codes.
    pub fn nearest_ancestor_code(&self, code: &str) -> Option<u16> {
        ancestors(code).find_map(|prefix| self.lookup_code(prefix))
    }

    /// The retry byte an unknown `code` inherits from its nearest known
    /// ancestor or category; 0 (`never`) when it has none.
    pub fn inherited_retry_byte(&self, code: &str) -> u8 {
        self.nearest_entry(code)
            .map_or(0, |index| self.retry_byte(index))
    }
}

/// The strict dotted prefixes of `code` that can be entries (at most
/// [`MAX_CODE_LEN`] bytes), nearest first: only the first
/// `MAX_CODE_LEN + 1` bytes are ever read, however long `code` is.
///
/// ```
/// let prefixes: Vec<&str> = tencent_errors_table::ancestors("A.B.C").collect();
/// assert_eq!(prefixes, ["A.B", "A"]);
/// ```
pub fn ancestors(code: &str) -> impl Iterator<Item = &str> {
    // A prefix ends before a dot, and an entry has at most MAX_CODE_LEN
    // bytes: dots past that index end no entry. `.` is ASCII, so every cut
    // is on a character boundary.
    let window = &code.as_bytes()[..code.len().min(MAX_CODE_LEN + 1)];
    let mut end = window.len();
    core::iter::from_fn(move || {
        end = window[..end].iter().rposition(|&byte| byte == b'.')?;
        code.get(..end)
    })
}
