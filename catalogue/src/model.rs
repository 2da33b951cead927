//! What the catalogue holds: product-versions, their codes and their actions.

use std::collections::BTreeMap;
use std::fmt;

/// A product and one of its API versions, named by the SDKs' folders
/// (`mdl` and `v20200326` for StreamLive's API 2020-03-26).
///
/// ```
/// use tencent_errors_catalogue::ProductVersion;
///
/// let streamlive = ProductVersion::new("mdl", "v20200326");
/// assert_eq!(streamlive.to_string(), "mdl/v20200326");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProductVersion {
    /// The product's folder name, e.g. `cvm`.
    pub product: String,
    /// The API version's folder name, e.g. `v20170312`.
    pub version: String,
}

impl ProductVersion {
    /// A product-version from its two folder names.
    pub fn new(product: impl Into<String>, version: impl Into<String>) -> Self {
        ProductVersion {
            product: product.into(),
            version: version.into(),
        }
    }
}

impl fmt::Display for ProductVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.product, self.version)
    }
}

/// A retry class, as codes.toml spells it.
///
/// ```
/// use tencent_errors_catalogue::Retry;
///
/// assert_eq!(Retry::parse("transient"), Some(Retry::Transient));
/// assert_eq!(Retry::Throttling.as_str(), "throttling");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[non_exhaustive]
pub enum Retry {
    /// `"never"`: fix the request.
    #[default]
    Never,
    /// `"throttling"`: a rate limit rejected the request before it ran.
    Throttling,
    /// `"transient"`: the service failed, perhaps after the request ran.
    Transient,
    /// `"refresh"`: re-sign or refresh credentials, then retry once.
    Refresh,
}

impl Retry {
    /// Every class.
    pub const ALL: [Retry; 4] = [
        Retry::Never,
        Retry::Throttling,
        Retry::Transient,
        Retry::Refresh,
    ];

    /// The codes.toml spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Retry::Never => "never",
            Retry::Throttling => "throttling",
            Retry::Transient => "transient",
            Retry::Refresh => "refresh",
        }
    }

    /// Parses the codes.toml spelling.
    pub fn parse(text: &str) -> Option<Retry> {
        Retry::ALL.into_iter().find(|retry| retry.as_str() == text)
    }
}

impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One code of a product-version: a table of its codes.toml.
///
/// ```
/// use tencent_errors_catalogue::Code;
///
/// let code = Code {
///     description_zh: Some("通道名称已存在。".into()),
///     ..Code::default()
/// };
/// assert_eq!(code.best_description(), Some("通道名称已存在。"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Code {
    /// The English description, where Tencent publishes one.
    pub description: Option<String>,
    /// The Chinese description, where Tencent publishes one.
    pub description_zh: Option<String>,
    /// The retry class, only where it differs from what the code inherits.
    pub retry: Option<Retry>,
    /// Why the importer set `retry` (the rule that decided it).
    pub retry_reason: Option<String>,
    /// An explicit variant name, where two codes collide under the naming rule.
    pub variant: Option<String>,
    /// The release whose import no longer found the code, if it was removed.
    pub deprecated: Option<String>,
}

impl Code {
    /// The English description, else the Chinese one.
    pub fn best_description(&self) -> Option<&str> {
        self.description
            .as_deref()
            .or(self.description_zh.as_deref())
    }
}

/// The codes and actions of one product-version.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProductData {
    /// Every code, by its string, sorted.
    pub codes: BTreeMap<String, Code>,
    /// Every action, by name, with the codes the SDKs say it may return
    /// (sorted, no duplicates).
    pub actions: BTreeMap<String, Vec<String>>,
}

/// The whole catalogue: every product-version's data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalogue {
    /// Every product-version, sorted by product then version.
    pub products: BTreeMap<ProductVersion, ProductData>,
}

impl Catalogue {
    /// The distinct product names, sorted.
    ///
    /// ```
    /// use tencent_errors_catalogue::{Catalogue, ProductData, ProductVersion};
    ///
    /// let mut catalogue = Catalogue::default();
    /// for (product, version) in [("cvm", "v20170312"), ("iai", "v20180301"), ("iai", "v20200303")] {
    ///     catalogue.products.insert(ProductVersion::new(product, version), ProductData::default());
    /// }
    /// assert_eq!(catalogue.product_names(), ["cvm", "iai"]);
    /// ```
    pub fn product_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .products
            .keys()
            .map(|key| key.product.as_str())
            .collect();
        names.dedup();
        names
    }
}
