//! The codes `explain`, `search` and `decode` know: the generated tables
//! compiled into this binary, never a file read at start-up. The common
//! codes ([`CommonCode`]) and every product's API versions, through the
//! runtime's product enums and their action tables ([`products`]).

pub mod products;

use tencent_errors::{CommonCode, RetryClass};

use products::{ProductVersion, PRODUCT_VERSIONS};

/// Where a code is defined: a product's API version, or the common codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// The common codes: every product's actions can return them.
    Common,
    /// One product's API version, by the SDKs' folder names (`cvm`, `v20170312`).
    Product {
        /// The product (`cvm`).
        product: &'static str,
        /// The API version (`v20170312`).
        version: &'static str,
    },
}

/// One code as a product (or the common codes) defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Who defines it.
    pub origin: Origin,
    /// The code.
    pub code: &'static str,
    /// English description.
    pub description: Option<&'static str>,
    /// Chinese description.
    pub description_zh: Option<&'static str>,
    /// Its retry class, after inheritance.
    pub retry: RetryClass,
    /// Whether a newer SDK release removed it.
    pub deprecated: bool,
}

/// What a code no table lists inherits, as the runtime decodes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inherited {
    /// The retry class of its nearest known ancestor or category.
    pub retry: RetryClass,
    /// Its nearest ancestor that is a known code.
    pub ancestor: Option<Entry>,
}

/// The codes compiled into this binary.
#[derive(Debug, Clone, Copy, Default)]
pub struct Codebook;

impl Codebook {
    /// The products `--product` accepts, sorted.
    pub fn products(&self) -> Vec<&'static str> {
        let mut products: Vec<&'static str> = PRODUCT_VERSIONS
            .iter()
            .map(|version| version.product)
            .collect();
        products.dedup();
        products
    }

    /// Whether `--product` names a product this build knows.
    pub fn has_product(&self, product: &str) -> bool {
        PRODUCT_VERSIONS
            .iter()
            .any(|version| version.product == product)
    }

    /// The API versions of `product`, or of every product.
    fn versions(&self, product: Option<&str>) -> impl Iterator<Item = &'static ProductVersion> {
        let product = product.map(str::to_owned);
        PRODUCT_VERSIONS.iter().filter(move |version| {
            product
                .as_deref()
                .is_none_or(|wanted| version.product == wanted)
        })
    }

    /// Every code: the common codes, then each product-version's own
    /// (those it defines or redefines, not those it only inherits); of
    /// `product` only, if given.
    pub fn entries(&self, product: Option<&str>) -> Vec<Entry> {
        let mut entries: Vec<Entry> = CommonCode::ALL.iter().map(common_entry).collect();
        for version in self.versions(product) {
            entries.extend((version.entries)());
        }
        entries
    }

    /// Every distinct code (of `product` and the common codes, if given),
    /// sorted.
    pub fn codes(&self, product: Option<&str>) -> Vec<&'static str> {
        let mut codes: Vec<&'static str> = CommonCode::ALL.iter().map(CommonCode::as_str).collect();
        for version in self.versions(product) {
            codes.extend((version.codes)());
        }
        codes.sort_unstable();
        codes.dedup();
        codes
    }

    /// Every definition of exactly `code`: the common code, and each
    /// product-version's (of `product` only, if given).
    pub fn lookup(&self, code: &str, product: Option<&str>) -> Vec<Entry> {
        let mut found = Vec::new();
        let common = CommonCode::from_code(code);
        if common.is_known() {
            found.extend(
                CommonCode::ALL
                    .iter()
                    .find(|known| **known == common)
                    .map(common_entry),
            );
        }
        found.extend(
            self.versions(product)
                .filter_map(|version| (version.lookup)(code)),
        );
        found
    }

    /// What `code`, which [`lookup`](Codebook::lookup) does not find,
    /// inherits: in `product`'s newest version if given, else in the
    /// common codes.
    pub fn inherited(&self, code: &str, product: Option<&str>) -> Inherited {
        if let Some(newest) = product.and_then(|product| self.versions(Some(product)).last()) {
            return (newest.inherited)(code);
        }
        let decoded = CommonCode::from_code(code);
        let ancestor = decoded.parent().and_then(|parent| {
            CommonCode::ALL
                .iter()
                .find(|known| **known == parent)
                .map(common_entry)
        });
        Inherited {
            retry: decoded.retry_class(),
            ancestor,
        }
    }

    /// The actions of `origin`'s API version that may return `code`, in
    /// name order; empty for the common codes, which every action may
    /// return.
    pub fn actions_returning(&self, code: &str, origin: Origin) -> Vec<&'static str> {
        match origin {
            Origin::Common => Vec::new(),
            Origin::Product { product, version } => PRODUCT_VERSIONS
                .iter()
                .find(|known| known.product == product && known.version == version)
                .map(|known| (known.actions_returning)(code))
                .unwrap_or_default(),
        }
    }
}

/// A common code as an [`Entry`]; `code` is one of [`CommonCode::ALL`].
fn common_entry(code: &'static CommonCode) -> Entry {
    Entry {
        origin: Origin::Common,
        code: code.as_str(),
        description: code.description(),
        description_zh: code.description_zh(),
        retry: code.retry_class(),
        deprecated: code.is_deprecated(),
    }
}

/// The known codes above `entry`, nearest first: `AuthFailure` for
/// `AuthFailure.SignatureExpire`; a product's code may have a common parent.
pub fn parents(codebook: &Codebook, entry: &Entry) -> Vec<Entry> {
    let product = match entry.origin {
        Origin::Common => None,
        Origin::Product { product, .. } => Some(product),
    };
    let mut parents = Vec::new();
    let mut prefix = entry.code;
    while let Some(dot) = prefix.rfind('.') {
        prefix = &prefix[..dot];
        let found = codebook.lookup(prefix, product);
        // The same version's definition first, then the common one.
        if let Some(parent) = found
            .iter()
            .find(|parent| parent.origin == entry.origin)
            .or_else(|| found.iter().find(|parent| parent.origin == Origin::Common))
        {
            parents.push(parent.clone());
        }
    }
    parents
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_common_code_is_found_with_its_class() {
        let found = Codebook.lookup("AuthFailure.SignatureExpire", None);
        assert_eq!(found[0].code, "AuthFailure.SignatureExpire");
        assert_eq!(found[0].retry, RetryClass::Refresh);
        assert_eq!(found[0].origin, Origin::Common);
    }

    #[test]
    fn a_product_code_is_found_in_its_product_with_its_actions() {
        let found = Codebook.lookup("InvalidParameter.Name", Some("mdl"));
        assert_eq!(found.len(), 1);
        let mdl = Origin::Product {
            product: "mdl",
            version: "v20200326",
        };
        assert_eq!(found[0].origin, mdl);
        let actions = Codebook.actions_returning("InvalidParameter.Name", mdl);
        assert!(actions.contains(&"CreateStreamLiveChannel"), "{actions:?}");
    }

    #[test]
    fn only_codes_a_product_defines_are_its_own() {
        // Every product extends the common codes; `RequestLimitExceeded`
        // is a product's own only where it redefines it.
        let found = Codebook.lookup("RequestLimitExceeded", None);
        assert_eq!(found[0].origin, Origin::Common);
        assert!(found.len() < Codebook.products().len(), "{}", found.len());
    }

    #[test]
    fn parents_are_nearest_first() {
        let of = |code: &str| {
            let entry = Codebook.lookup(code, None)[0].clone();
            let parents: Vec<&str> = parents(&Codebook, &entry).iter().map(|p| p.code).collect();
            parents
        };
        assert_eq!(
            of("RequestLimitExceeded.UinLimitExceeded"),
            ["RequestLimitExceeded"]
        );
        // `AuthFailure` is a category, not a code.
        assert!(of("AuthFailure.SignatureExpire").is_empty());
    }

    #[test]
    fn an_unknown_code_inherits_from_its_nearest_ancestor() {
        let inherited = Codebook.inherited("RequestLimitExceeded.NewThing", None);
        assert_eq!(inherited.retry, RetryClass::Throttling);
        assert_eq!(inherited.ancestor.unwrap().code, "RequestLimitExceeded");
    }
}
