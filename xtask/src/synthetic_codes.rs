//! Synthetic codes shaped like Tencent Cloud's, for benchmarks and build
//! measurements: a codes.toml, the list of its codes, a query mix of those
//! codes and unknown ones, and the same codes as Rust enums.
//!
//! Real codes are 10 to 89 characters, about 36 on average, in 2 or 3
//! dotted levels under a few dozen categories; this reproduces that shape
//! from a seed, so every run writes the same files. With the default seed
//! the files are those the benchmarks in BENCHMARKS.md were measured on
//! (the draws are CPython's, see [`PythonRandom`]).

use std::collections::{BTreeSet, HashSet};
use std::fmt::Write as _;

use tencent_errors_core::naming::variant_name;

use crate::python_random::PythonRandom;

/// The seed of every committed figure.
pub const DEFAULT_SEED: u64 = 2064;
/// The share of unknown codes in a query mix.
pub const DEFAULT_UNKNOWN_SHARE: f64 = 0.10;
/// The longest code made, as the longest real one.
const MAX_CODE_LEN: usize = 89;

/// Top-level categories, with the retry class codes.toml gives them
/// (`None`: the default, `never`).
const CATEGORIES: [(&str, Option<&str>); 16] = [
    ("AuthFailure", Some("never")),
    ("FailedOperation", None),
    ("InternalError", Some("transient")),
    ("InvalidParameter", None),
    ("InvalidParameterValue", None),
    ("LimitExceeded", None),
    ("MissingParameter", None),
    ("OperationDenied", None),
    ("RequestLimitExceeded", Some("throttling")),
    ("ResourceInUse", None),
    ("ResourceInsufficient", None),
    ("ResourceNotFound", None),
    ("ResourceUnavailable", None),
    ("ResourcesSoldOut", None),
    ("UnauthorizedOperation", None),
    ("UnsupportedOperation", None),
];

/// The words segments are made of.
const WORDS: &str = "Instance Image Disk Snapshot Vpc Subnet Security Group Policy Domain Record \
    Certificate Bucket Object Channel Input Output Template Plan Quota Account Role User Key \
    Token Zone Region Cluster Node Pod Service Task Job Queue Topic Message Stream Record Backup \
    Database Table Index Query Cdn Origin Cache Rule Listener Target Health Check Alarm Metric \
    Tag State Status Type Name Id Count Limit Size Length Format Value Param Period Time Start \
    End Not Found Exist Exists Invalid Illegal Expired Occupied Busy Deleted Locked Conflict \
    Mismatch Unsupported Exceeded Insufficient Balance Order Deal Price Charge Renew Release Mount";

/// A generated set: its codes.toml, its codes and its query mix.
///
/// ```
/// let set = xtask::synthetic_codes::SyntheticCodes::generate(26, 2064, 0.10);
/// assert_eq!(set.codes.len(), 26);
/// assert!(set.codes_toml.starts_with("[AuthFailure]\nretry = \"never\"\n"));
/// assert_eq!(set.queries.lines().count(), 26 + 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticCodes {
    /// The codes.toml: the categories with their retry class, then every
    /// code with a description, sorted.
    pub codes_toml: String,
    /// The codes, in codes.toml order.
    pub codes: Vec<String>,
    /// The codes and about `unknown_share` as many unknown ones, shuffled,
    /// one a line.
    pub queries: String,
}

impl SyntheticCodes {
    /// `count` codes drawn from `seed`, and a query mix with
    /// `unknown_share` unknown codes (at least one).
    pub fn generate(count: usize, seed: u64, unknown_share: f64) -> SyntheticCodes {
        let words: Vec<&str> = WORDS.split_whitespace().collect();
        let mut random = PythonRandom::new(seed);
        let listed = draw_codes(count, &mut random, &words);

        let mut codes_toml = String::new();
        let categories: BTreeSet<&str> = listed
            .iter()
            .map(|code| code.split('.').next().unwrap_or(code))
            .collect();
        for category in categories {
            let retry = CATEGORIES
                .iter()
                .find(|(name, _)| *name == category)
                .and_then(|(_, retry)| *retry)
                .unwrap_or("never");
            write!(codes_toml, "[{category}]\nretry = \"{retry}\"\n\n").unwrap();
        }
        let mut codes = listed.clone();
        codes.sort_unstable();
        for code in &codes {
            let description = camel(&mut random, &words, 3, 8);
            let last = code.rsplit('.').next().unwrap_or(code);
            write!(
                codes_toml,
                "[{code}]\ndescription = \"{description} of {last} failed.\"\n\n"
            )
            .unwrap();
        }

        let unknown_count = (count as f64 * unknown_share) as usize;
        let known: HashSet<&str> = listed.iter().map(String::as_str).collect();
        let mut unknown_random = PythonRandom::new(seed + 1);
        let unknown = draw_codes(unknown_count + listed.len(), &mut unknown_random, &words)
            .into_iter()
            .filter(|code| !known.contains(code.as_str()))
            .take(((listed.len() as f64 * unknown_share) as usize).max(1));
        let mut mix: Vec<String> = listed.iter().cloned().chain(unknown).collect();
        random.shuffle(&mut mix);
        let mut queries = mix.join("\n");
        queries.push('\n');

        SyntheticCodes {
            codes_toml,
            codes,
            queries,
        }
    }

    /// The codes as a `#[derive(TencentError)]` enum `Big` with one variant
    /// per code (`V0`, `V1`, ...) and an `other` variant: Rust source.
    pub fn derive_enum(&self) -> String {
        let mut out = String::from(
            "/// Generated codes.\n#[derive(Debug, tencent_errors::TencentError)]\npub enum Big {\n",
        );
        for (index, code) in self.codes.iter().enumerate() {
            writeln!(out, "    #[tencent(code = \"{code}\")]\n    V{index},").unwrap();
        }
        out.push_str("    #[tencent(other)]\n    Other(String),\n}\n");
        out
    }

    /// The codes as a plain enum `Big` with strum's `EnumString` and
    /// `IntoStaticStr` (its `from_code` and `as_str`) and the std derives a
    /// generated enum has, variants named by the crate's naming rule: Rust
    /// source.
    pub fn strum_enum(&self) -> String {
        let mut out = String::from(
            "/// Generated codes.\n#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr)]\npub enum Big {\n",
        );
        for code in &self.codes {
            writeln!(
                out,
                "    #[strum(serialize = \"{code}\")]\n    {},",
                variant_name(code)
            )
            .unwrap();
        }
        out.push_str("}\n");
        out
    }
}

/// `count` distinct codes whose variant names are distinct too, in the
/// order drawn.
fn draw_codes(count: usize, random: &mut PythonRandom, words: &[&str]) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut names = HashSet::new();
    let mut codes = Vec::with_capacity(count);
    while codes.len() < count {
        let (category, _) = random.choice(&CATEGORIES);
        let mut segments = vec![category.to_string(), camel(random, words, 1, 4)];
        if random.random() < 0.25 {
            segments.push(camel(random, words, 1, 3));
        }
        if random.random() < 0.05 {
            let last = segments.last_mut().expect("two segments at least");
            *last = shouting_snake_case(last);
        }
        let mut code = segments.join(".");
        code.truncate(MAX_CODE_LEN);
        let name = variant_name(&code);
        if seen.contains(&code) || names.contains(&name) || code.len() < 10 || code.ends_with('_') {
            continue;
        }
        seen.insert(code.clone());
        names.insert(name);
        codes.push(code);
    }
    codes
}

/// `low` to `high` random words, concatenated.
fn camel(random: &mut PythonRandom, words: &[&str], low: usize, high: usize) -> String {
    let count = random.int_between(low, high);
    (0..count).map(|_| *random.choice(words)).collect()
}

/// `DiskQuota` as `DISK_QUOTA`: each capitalized word upper-cased, joined
/// by underscores.
fn shouting_snake_case(camel: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut in_word = false;
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            words.push(c.to_string());
            in_word = true;
        } else if c.is_ascii_lowercase() && in_word {
            words
                .last_mut()
                .expect("in a word")
                .push(c.to_ascii_uppercase());
        } else {
            in_word = false;
        }
    }
    words.join("_")
}
