//! Merging a new import into the catalogue already written: codes Tencent
//! removed stay, deprecated with the release that removed them, so that
//! upgrading never breaks a match arm; what changed is reported.

use std::collections::{BTreeMap, BTreeSet};

use tencent_errors_catalogue::{Catalogue, ProductVersion};

/// What changed in one product-version since the catalogue already written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProductChanges {
    /// Codes new in this import.
    pub added: Vec<String>,
    /// Codes this import no longer found: kept, now deprecated.
    pub removed: Vec<String>,
    /// Deprecated codes this import found again.
    pub restored: Vec<String>,
    /// Codes whose description, Chinese description or retry class changed,
    /// with the keys that changed.
    pub changed: Vec<(String, Vec<&'static str>)>,
    /// Actions new in this import.
    pub actions_added: Vec<String>,
    /// Actions this import no longer found.
    pub actions_removed: Vec<String>,
    /// Actions whose list of codes changed.
    pub actions_changed: Vec<String>,
}

impl ProductChanges {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        *self == ProductChanges::default()
    }
}

/// Merges `new` into `old`: `new`'s codes and actions, plus `old`'s codes
/// that `new` lacks, marked `deprecated = release` (an older mark stays).
/// Returns the merged catalogue and the changes of each product-version.
pub fn merge(
    old: &Catalogue,
    mut new: Catalogue,
    release: &str,
) -> (Catalogue, BTreeMap<ProductVersion, ProductChanges>) {
    let mut changes = BTreeMap::new();
    let keys: BTreeSet<ProductVersion> = old
        .products
        .keys()
        .chain(new.products.keys())
        .cloned()
        .collect();
    for key in keys {
        let mut change = ProductChanges::default();
        let data = new.products.entry(key.clone()).or_default();
        let empty = Default::default();
        let before = old.products.get(&key).unwrap_or(&empty);
        for (code, entry) in &mut data.codes {
            match before.codes.get(code) {
                None => change.added.push(code.clone()),
                Some(previous) => {
                    if previous.deprecated.is_some() {
                        change.restored.push(code.clone());
                    }
                    let fields: Vec<&'static str> = [
                        ("description", previous.description != entry.description),
                        (
                            "description_zh",
                            previous.description_zh != entry.description_zh,
                        ),
                        ("retry", previous.retry != entry.retry),
                    ]
                    .into_iter()
                    .filter_map(|(field, differs)| differs.then_some(field))
                    .collect();
                    if !fields.is_empty() {
                        change.changed.push((code.clone(), fields));
                    }
                }
            }
        }
        for (code, previous) in &before.codes {
            if data.codes.contains_key(code) {
                continue;
            }
            let mut kept = previous.clone();
            if kept.deprecated.is_none() {
                kept.deprecated = Some(release.to_owned());
                change.removed.push(code.clone());
            }
            data.codes.insert(code.clone(), kept);
        }
        for (action, codes) in &data.actions {
            match before.actions.get(action) {
                None => change.actions_added.push(action.clone()),
                Some(previous) if previous != codes => change.actions_changed.push(action.clone()),
                Some(_) => {}
            }
        }
        change.actions_removed = before
            .actions
            .keys()
            .filter(|action| !data.actions.contains_key(*action))
            .cloned()
            .collect();
        changes.insert(key, change);
    }
    (new, changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tencent_errors_catalogue::{Code, ProductData};

    fn catalogue(codes: &[(&str, &str)], actions: &[(&str, &[&str])]) -> Catalogue {
        let mut data = ProductData::default();
        for (code, description) in codes {
            data.codes.insert(
                (*code).to_owned(),
                Code {
                    description: Some((*description).to_owned()),
                    ..Code::default()
                },
            );
        }
        for (action, codes) in actions {
            data.actions.insert(
                (*action).to_owned(),
                codes.iter().map(|c| (*c).to_owned()).collect(),
            );
        }
        let mut catalogue = Catalogue::default();
        catalogue
            .products
            .insert(ProductVersion::new("mdl", "v20200326"), data);
        catalogue
    }

    #[test]
    fn removed_codes_stay_deprecated_and_changes_are_listed() {
        let old = catalogue(
            &[("A", "a"), ("B", "b"), ("C", "c")],
            &[("Run", &["A", "B"])],
        );
        let new = catalogue(
            &[("A", "a2"), ("C", "c"), ("D", "d")],
            &[("Run", &["A"]), ("Stop", &[])],
        );
        let (merged, changes) = merge(&old, new, "3.1.196");
        let data = &merged.products[&ProductVersion::new("mdl", "v20200326")];
        assert_eq!(data.codes["B"].deprecated.as_deref(), Some("3.1.196"));
        assert_eq!(data.codes["B"].description.as_deref(), Some("b"));
        let change = &changes[&ProductVersion::new("mdl", "v20200326")];
        assert_eq!(change.added, ["D"]);
        assert_eq!(change.removed, ["B"]);
        assert_eq!(change.changed, [("A".to_owned(), vec!["description"])]);
        assert_eq!(change.actions_added, ["Stop"]);
        assert_eq!(change.actions_changed, ["Run"]);
    }

    #[test]
    fn an_older_deprecation_keeps_its_release() {
        let mut old = catalogue(&[("A", "a"), ("B", "b")], &[]);
        let key = ProductVersion::new("mdl", "v20200326");
        old.products
            .get_mut(&key)
            .unwrap()
            .codes
            .get_mut("B")
            .unwrap()
            .deprecated = Some("3.1.100".into());
        let (merged, changes) = merge(&old, catalogue(&[("A", "a")], &[]), "3.1.196");
        assert_eq!(
            merged.products[&key].codes["B"].deprecated.as_deref(),
            Some("3.1.100")
        );
        assert!(changes[&key].is_empty());
    }
}
