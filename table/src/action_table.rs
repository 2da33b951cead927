//! Which codes each action of an API can return, and which actions can
//! return each code: two static adjacency lists over one product's table.

use crate::{u16_at, u32_at, Texts};

/// The actions of one API and the codes each may return, as indices into
/// the product's [`CodeTable`](crate::CodeTable) (its known codes).
///
/// Both directions are stored, each as a list of `u16` indices with `u32`
/// start offsets: `codes[code_starts[a]..code_starts[a + 1]]` are the codes
/// of action `a`, `actions[action_starts[c]..action_starts[c + 1]]` the
/// actions of code `c`. Action names are sorted, so a name is found by
/// binary search; each list is ascending.
///
/// ```
/// use tencent_errors_table::{ActionTable, Texts};
///
/// // Actions `Create` (codes 0 and 2) and `Delete` (code 2), over 3 codes.
/// let table = ActionTable {
///     names: Texts { text: "CreateDelete", ends: &[6, 0, 0, 0, 12, 0, 0, 0] },
///     code_starts: &[0, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0],
///     codes: &[0, 0, 2, 0, 2, 0],
///     action_starts: &[0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0],
///     actions: &[0, 0, 0, 0, 1, 0],
/// };
/// assert_eq!(table.find("Delete"), Some(1));
/// assert_eq!(table.codes(0).collect::<Vec<_>>(), [0, 2]);
/// assert_eq!(table.actions_of(2).collect::<Vec<_>>(), [0, 1]);
/// assert!(table.returns(1, 2) && !table.returns(1, 0));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ActionTable<'a> {
    /// Every action's name, sorted by bytes.
    pub names: Texts<'a>,
    /// Start of each action's codes in `codes`, and the end of the last
    /// (`u32`, little-endian; one more than the actions).
    pub code_starts: &'a [u8],
    /// Code indices, ascending within each action (`u16`, little-endian).
    pub codes: &'a [u8],
    /// Start of each code's actions in `actions`, and the end of the last
    /// (`u32`, little-endian; one more than the known codes).
    pub action_starts: &'a [u8],
    /// Action indices, ascending within each code (`u16`, little-endian).
    pub actions: &'a [u8],
}

impl<'a> ActionTable<'a> {
    /// A table of no actions.
    pub const EMPTY: ActionTable<'static> = ActionTable {
        names: Texts {
            text: "",
            ends: &[],
        },
        code_starts: &[],
        codes: &[],
        action_starts: &[],
        actions: &[],
    };

    /// How many actions there are.
    #[inline]
    pub fn len(&self) -> u16 {
        (self.names.ends.len() / 4) as u16
    }

    /// Whether there are no actions.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The name of action `action`.
    #[inline]
    pub fn name(&self, action: u16) -> Option<&'a str> {
        self.names.get(action)
    }

    /// The index of the action named `name`, if the API has it.
    pub fn find(&self, name: &str) -> Option<u16> {
        let (mut low, mut high) = (0u16, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            match self.names.get_bytes(middle)?.cmp(name.as_bytes()) {
                core::cmp::Ordering::Less => low = middle + 1,
                core::cmp::Ordering::Greater => high = middle,
                core::cmp::Ordering::Equal => return Some(middle),
            }
        }
        None
    }

    /// The codes action `action` may return, ascending (none for an
    /// action the table does not have).
    #[inline]
    pub fn codes(&self, action: u16) -> Indices<'a> {
        Indices::slice(self.codes, self.code_starts, action)
    }

    /// The actions that may return code `code`, ascending.
    #[inline]
    pub fn actions_of(&self, code: u16) -> Indices<'a> {
        Indices::slice(self.actions, self.action_starts, code)
    }

    /// Whether action `action` lists code `code`.
    #[inline]
    pub fn returns(&self, action: u16, code: u16) -> bool {
        self.codes(action).contains(code)
    }
}

/// Ascending `u16` indices, read from a table's bytes.
///
/// ```
/// use tencent_errors_table::Indices;
///
/// let indices = Indices::new(&[1, 0, 5, 0]);
/// assert!(indices.contains(5) && !indices.contains(2));
/// assert_eq!(indices.collect::<Vec<_>>(), [1, 5]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Indices<'a> {
    bytes: &'a [u8],
}

impl<'a> Indices<'a> {
    /// The indices in `bytes` (`u16`, little-endian, ascending).
    #[inline]
    pub const fn new(bytes: &'a [u8]) -> Indices<'a> {
        Indices { bytes }
    }

    /// List `at` of `items`, which `starts` delimits; empty when out of range.
    #[inline]
    fn slice(items: &'a [u8], starts: &[u8], at: u16) -> Indices<'a> {
        let at = usize::from(at);
        let bytes = match (u32_at(starts, at), u32_at(starts, at + 1)) {
            (Some(start), Some(end)) => items
                .get(start as usize * 2..end as usize * 2)
                .unwrap_or(&[]),
            _ => &[],
        };
        Indices { bytes }
    }

    /// Whether `index` is among them (binary search).
    pub fn contains(&self, index: u16) -> bool {
        let (mut low, mut high) = (0, self.bytes.len() / 2);
        while low < high {
            let middle = low + (high - low) / 2;
            match u16_at(self.bytes, middle).map(|at| at.cmp(&index)) {
                Some(core::cmp::Ordering::Less) => low = middle + 1,
                Some(core::cmp::Ordering::Greater) => high = middle,
                Some(core::cmp::Ordering::Equal) => return true,
                None => return false,
            }
        }
        false
    }
}

impl Iterator for Indices<'_> {
    type Item = u16;

    #[inline]
    fn next(&mut self) -> Option<u16> {
        let first = u16_at(self.bytes, 0)?;
        self.bytes = &self.bytes[2..];
        Some(first)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.bytes.len() / 2;
        (len, Some(len))
    }
}

impl DoubleEndedIterator for Indices<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<u16> {
        let last = self.bytes.len().checked_sub(2)?;
        let value = u16_at(self.bytes, last / 2)?;
        self.bytes = &self.bytes[..last];
        Some(value)
    }
}

impl ExactSizeIterator for Indices<'_> {}
