//! Laying out an [`ActionTable`]: both directions from one list of actions.

use alloc::collections::BTreeSet;
use alloc::vec::Vec;

use super::{u16_bytes, TextsBytes};
use crate::ActionTable;

/// The bytes of an [`ActionTable`], owned.
///
/// ```
/// use tencent_errors_table::build::ActionTableBytes;
///
/// // Actions over a table of 3 known codes; the input order does not matter.
/// let bytes = ActionTableBytes::build(&[("Delete", &[2][..]), ("Create", &[2, 0, 2][..])], 3);
/// let table = bytes.table();
/// assert_eq!(table.name(0), Some("Create"));
/// assert_eq!(table.codes(0).collect::<Vec<_>>(), [0, 2]);
/// assert_eq!(table.actions_of(2).collect::<Vec<_>>(), [0, 1]);
/// assert_eq!(table.actions_of(1).count(), 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionTableBytes {
    /// Action names, sorted.
    pub names: TextsBytes,
    /// `u32` starts of each action's codes, and the end.
    pub code_starts: Vec<u8>,
    /// `u16` code indices.
    pub codes: Vec<u8>,
    /// `u32` starts of each code's actions, and the end.
    pub action_starts: Vec<u8>,
    /// `u16` action indices.
    pub actions: Vec<u8>,
}

impl ActionTableBytes {
    /// Lays out `actions` (a name and the indices of the codes it may
    /// return) over a table of `known` codes. Names are sorted and made
    /// unique (a repeated name keeps the union of its codes); indices of
    /// `known` or more are dropped.
    pub fn build(actions: &[(&str, &[u16])], known: u16) -> ActionTableBytes {
        let mut merged: alloc::collections::BTreeMap<&str, BTreeSet<u16>> = Default::default();
        for (name, codes) in actions {
            merged
                .entry(name)
                .or_default()
                .extend(codes.iter().copied().filter(|&code| code < known));
        }
        let mut by_code: Vec<Vec<u16>> = alloc::vec![Vec::new(); usize::from(known)];
        let mut code_starts = Vec::with_capacity(merged.len() + 1);
        let mut codes = Vec::new();
        for (action, action_codes) in merged.values().enumerate() {
            code_starts.push(codes.len() as u32);
            for &code in action_codes {
                codes.push(code);
                by_code[usize::from(code)].push(action as u16);
            }
        }
        code_starts.push(codes.len() as u32);
        let mut action_starts = Vec::with_capacity(by_code.len() + 1);
        let mut code_actions = Vec::new();
        for list in &by_code {
            action_starts.push(code_actions.len() as u32);
            code_actions.extend_from_slice(list);
        }
        action_starts.push(code_actions.len() as u32);
        ActionTableBytes {
            names: TextsBytes::new(merged.keys().copied()),
            code_starts: u32_bytes(&code_starts),
            codes: u16_bytes(codes),
            action_starts: u32_bytes(&action_starts),
            actions: u16_bytes(code_actions),
        }
    }

    /// The view the runtime reads.
    pub fn table(&self) -> ActionTable<'_> {
        ActionTable {
            names: self.names.texts(),
            code_starts: &self.code_starts,
            codes: &self.codes,
            action_starts: &self.action_starts,
            actions: &self.actions,
        }
    }
}

fn u32_bytes(values: &[u32]) -> Vec<u8> {
    values
        .iter()
        .flat_map(|value| value.to_le_bytes())
        .collect()
}
