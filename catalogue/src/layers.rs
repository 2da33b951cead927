//! The catalogue as built-in layers of codes.toml: a user's file writes
//! `extends = ["tencent-errors/cvm"]` (the newest API version of CVM) or
//! `extends = ["tencent-errors/cvm/v20170312"]` (one version; the API's own
//! spelling `tencent-errors/cvm/2017-03-12` works too) to build on the
//! codes Tencent publishes, as `"tencent-errors"` builds on the common codes.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use std::sync::{Arc, Mutex};

use tencent_errors_core::load::{
    ActionCodes, BuiltinLayer, BuiltinLayers, LayerStamp, BUILTIN_PREFIX,
};

use crate::{read, root, ACTIONS_FILE, CODES_FILE, DATA_DIR};

/// The shipped catalogue's product-versions, as [`BuiltinLayers`] for the
/// core's loader.
///
/// ```
/// use tencent_errors_catalogue::layers::CatalogueLayers;
/// use tencent_errors_core::load::BuiltinLayers;
///
/// let layers = CatalogueLayers::shipped();
/// let cvm = layers.layer("tencent-errors/cvm").unwrap();
/// assert_eq!(cvm.name, "tencent-errors/cvm/v20170312");
/// assert!(cvm.source.contains("[InvalidInstanceId.NotFound]"));
/// assert_eq!(layers.layer("tencent-errors/cvm/2017-03-12").unwrap().name, cvm.name);
/// assert!(layers.layer("tencent-errors/cvn").is_none());
/// ```
#[derive(Debug, Clone, Default)]
pub struct CatalogueLayers {
    /// Product -> its versions (folder names, oldest first) and their folders.
    products: BTreeMap<String, BTreeMap<String, PathBuf>>,
    /// The actions read so far, by canonical layer name, with the stamp of
    /// the files they were read at: each product-version's actions.toml is
    /// read when an action of it is first asked for, and again only once
    /// the file has changed.
    actions: Arc<Mutex<ActionsRead>>,
}

/// Canonical layer name -> the stamp its files had when read, and the actions.
type ActionsRead = BTreeMap<String, (u64, Arc<ActionCodes>)>;

impl CatalogueLayers {
    /// The product-versions of the catalogue this crate ships.
    pub fn shipped() -> CatalogueLayers {
        CatalogueLayers::in_dir(root().join(DATA_DIR))
    }

    /// The product-versions under `data_dir` (`<product>/<version>/codes.toml`).
    pub fn in_dir(data_dir: PathBuf) -> CatalogueLayers {
        let mut products: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
        for product in subdirectories(&data_dir) {
            for version in subdirectories(&product) {
                if version.join(CODES_FILE).is_file() {
                    products
                        .entry(file_name(&product))
                        .or_default()
                        .insert(file_name(&version), version);
                }
            }
        }
        CatalogueLayers {
            products,
            actions: Arc::default(),
        }
    }

    /// Every product, sorted.
    pub fn products(&self) -> impl Iterator<Item = &str> {
        self.products.keys().map(String::as_str)
    }

    /// The versions of `product` (folder names, oldest first) and their
    /// folders; `None` for a product the catalogue does not have.
    ///
    /// ```
    /// use tencent_errors_catalogue::layers::CatalogueLayers;
    ///
    /// let layers = CatalogueLayers::shipped();
    /// let versions = layers.versions("mdl").unwrap();
    /// assert_eq!(versions.keys().collect::<Vec<_>>(), ["v20200326"]);
    /// ```
    pub fn versions(&self, product: &str) -> Option<&BTreeMap<String, PathBuf>> {
        self.products.get(product)
    }

    /// The product and version folder an `extends` entry names, if any.
    fn find(&self, name: &str) -> Option<(&str, &str, &PathBuf)> {
        let rest = name.strip_prefix(BUILTIN_PREFIX)?;
        let (product, version) = match rest.split_once('/') {
            Some((product, version)) => (product, Some(version)),
            None => (rest, None),
        };
        let (product, versions) = self.products.get_key_value(product)?;
        let (version, dir) = match version {
            // The newest: version folders are `vYYYYMMDD`.
            None => versions.iter().next_back()?,
            Some(version) => versions
                .get_key_value(version)
                .or_else(|| versions.get_key_value(&format!("v{}", version.replace('-', ""))))?,
        };
        Some((product, version, dir))
    }
}

impl BuiltinLayers for CatalogueLayers {
    fn layer(&self, name: &str) -> Option<BuiltinLayer> {
        let (product, version, dir) = self.find(name)?;
        let source = std::fs::read_to_string(dir.join(CODES_FILE)).ok()?;
        Some(BuiltinLayer {
            name: format!("{BUILTIN_PREFIX}{product}/{version}"),
            source: Cow::Owned(source),
        })
    }

    fn names(&self) -> Vec<String> {
        let mut names = Vec::new();
        for (product, versions) in &self.products {
            names.push(format!("{BUILTIN_PREFIX}{product}"));
            for version in versions.keys() {
                names.push(format!("{BUILTIN_PREFIX}{product}/{version}"));
            }
        }
        names
    }

    /// ```
    /// use tencent_errors_catalogue::layers::CatalogueLayers;
    /// use tencent_errors_core::load::BuiltinLayers;
    ///
    /// let layers = CatalogueLayers::shipped();
    /// let actions = layers.actions("tencent-errors/mdl").unwrap();
    /// assert!(actions["CreateStreamLiveChannel"].iter().any(|code| code == "InvalidParameter.Name"));
    /// ```
    fn actions(&self, name: &str) -> Option<Arc<ActionCodes>> {
        let (product, version, dir) = self.find(name)?;
        let canonical = format!("{product}/{version}");
        let stamp = files_stamp(dir);
        let mut cache = self.actions.lock().ok()?;
        if let Some((_, found)) = cache.get(&canonical).filter(|(at, _)| *at == stamp) {
            return Some(Arc::clone(found));
        }
        let path = dir.join(ACTIONS_FILE);
        let actions = match std::fs::read_to_string(&path) {
            Ok(text) => read::parse_actions(&path, &text).ok()?,
            // A product-version without actions.toml lists none.
            Err(_) => ActionCodes::new(),
        };
        let actions = Arc::new(actions);
        cache.insert(canonical, (stamp, Arc::clone(&actions)));
        Some(actions)
    }

    /// ```
    /// use tencent_errors_catalogue::layers::CatalogueLayers;
    /// use tencent_errors_core::load::BuiltinLayers;
    ///
    /// let layers = CatalogueLayers::shipped();
    /// let newest = layers.stamp("tencent-errors/mdl").unwrap();
    /// assert_eq!(newest.name, "tencent-errors/mdl/v20200326");
    /// assert_eq!(layers.stamp("tencent-errors/mdl/2020-03-26"), Some(newest));
    /// assert!(layers.stamp("tencent-errors/cvn").is_none());
    /// ```
    fn stamp(&self, name: &str) -> Option<LayerStamp> {
        let (product, version, dir) = self.find(name)?;
        Some(LayerStamp {
            name: format!("{BUILTIN_PREFIX}{product}/{version}"),
            stamp: files_stamp(dir),
        })
    }
}

/// The sizes and modification times of a product-version's codes.toml and
/// actions.toml, hashed by the tables' string hash: one `stat` each, no
/// reading.
fn files_stamp(dir: &Path) -> u64 {
    let mut parts = Vec::with_capacity(32);
    for file in [CODES_FILE, ACTIONS_FILE] {
        let (len, modified) = match std::fs::metadata(dir.join(file)) {
            Ok(metadata) => (
                metadata.len(),
                metadata
                    .modified()
                    .ok()
                    .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |since| since.as_nanos() as u64),
            ),
            Err(_) => (u64::MAX, u64::MAX),
        };
        parts.extend(len.to_le_bytes());
        parts.extend(modified.to_le_bytes());
    }
    tencent_errors_table::hash(&parts, 0)
}

fn subdirectories(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}
