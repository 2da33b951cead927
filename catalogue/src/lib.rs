//! Every Tencent Cloud product's error codes and every action's codes, as
//! data files imported from Tencent's official SDKs (Apache-2.0, see NOTICE).
//!
//! The files live under `data/<product>/<version>/` beside this crate's
//! `Cargo.toml`, named by the SDKs' folders (`data/mdl/v20200326/` is
//! StreamLive's API 2020-03-26):
//!
//! - `codes.toml`: the codes.toml format, extending the common codes. A table
//!   with `description` (English) or `description_zh` (Chinese) is a code;
//!   `retry` is written only where it differs from what the code inherits,
//!   with `retry_reason` saying which import rule set it; `deprecated`
//!   names the release whose import no longer found the code; `variant` is
//!   set where two codes collide under the variant naming rule.
//! - `actions.toml`: `Action = ["Code", ...]`, the codes each action may
//!   return besides the common ones.
//!
//! `sources.toml` records the SDK releases the files came from and what the
//! import counted. The `tencent-errors` command (`tencent-errors-cli`)
//! writes all of them with `import` and exports them with `export`.
//!
//! ```
//! use tencent_errors_catalogue::{read::read_catalogue, root, ProductVersion};
//!
//! let catalogue = read_catalogue(root())?;
//! let cvm = &catalogue.products[&ProductVersion::new("cvm", "v20170312")];
//! let code = &cvm.codes["InvalidInstanceId.NotFound"];
//! assert!(code.description.is_some() && code.description_zh.is_some());
//! # Ok::<(), tencent_errors_catalogue::read::ReadError>(())
//! ```

pub mod emit;
pub mod layers;
pub mod model;
pub mod names;
pub mod read;
pub mod write;

pub use model::{Catalogue, Code, ProductData, ProductVersion, Retry};

/// The folder, under the catalogue's root, that holds one folder per product.
pub const DATA_DIR: &str = "data";
/// A product-version's codes.
pub const CODES_FILE: &str = "codes.toml";
/// A product-version's actions.
pub const ACTIONS_FILE: &str = "actions.toml";
/// The sources the catalogue was imported from, under the catalogue's root.
pub const SOURCES_FILE: &str = "sources.toml";

/// The root of the shipped catalogue: this crate's folder, which holds
/// `data/`, `sources.toml` and `NOTICE`.
pub fn root() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
}
