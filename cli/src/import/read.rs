//! Reading the four SDK releases: what each holds, per product-version.

use std::collections::{BTreeMap, BTreeSet};
use std::io::IsTerminal;
use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tencent_errors_catalogue::ProductVersion;

use super::go;
use super::python::{self, Entry};
use super::source_tree::{ProductFile, SourceTree};
use super::ImportError;

/// Product folders the Go SDKs name differently from the Python ones
/// (`as` is a Python keyword): Go's name, the catalogue's name.
pub const GO_PRODUCT_ALIASES: &[(&str, &str)] = &[("as", "autoscaling")];

/// Which SDK a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SdkKind {
    /// `tencentcloud-sdk-python`: Chinese descriptions.
    Python,
    /// `tencentcloud-sdk-python-intl-en`: English descriptions.
    PythonIntl,
    /// `tencentcloud-sdk-go`: actions' codes, Chinese descriptions.
    Go,
    /// `tencentcloud-sdk-go-intl-en`: actions' codes, English descriptions.
    GoIntl,
}

impl SdkKind {
    /// The package or repository name.
    pub fn package(self) -> &'static str {
        match self {
            SdkKind::Python => "tencentcloud-sdk-python",
            SdkKind::PythonIntl => "tencentcloud-sdk-python-intl-en",
            SdkKind::Go => "tencentcloud-sdk-go",
            SdkKind::GoIntl => "tencentcloud-sdk-go-intl-en",
        }
    }

    /// Whether its descriptions are English.
    pub fn is_english(self) -> bool {
        matches!(self, SdkKind::PythonIntl | SdkKind::GoIntl)
    }

    /// Whether it is a Go SDK (client.go and errors.go).
    pub fn is_go(self) -> bool {
        matches!(self, SdkKind::Go | SdkKind::GoIntl)
    }
}

/// What one SDK release holds.
#[derive(Debug, Clone)]
pub struct Sdk {
    /// Which SDK.
    pub kind: SdkKind,
    /// Its release (`3.1.195`, `v1.3.166`), as the SDK states it.
    pub version: String,
    /// The commit read, for a Git directory.
    pub commit: Option<String>,
    /// How many files were read.
    pub files: usize,
    /// The described codes of each product-version (errorcodes.py or errors.go), in file order.
    pub codes: BTreeMap<ProductVersion, Vec<Entry>>,
    /// Go only: each product-version's actions with their codes.
    pub actions: BTreeMap<ProductVersion, BTreeMap<String, Vec<String>>>,
}

impl Sdk {
    /// The distinct codes its files describe.
    pub fn distinct_codes(&self) -> usize {
        let codes: BTreeSet<&str> = self
            .codes
            .values()
            .flatten()
            .map(|entry| entry.code.as_str())
            .collect();
        codes.len()
    }
}

/// An opened source and the files to read from it.
struct Plan {
    kind: SdkKind,
    tree: SourceTree,
    version: String,
    files: Vec<(ProductFile, FileKind)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    ErrorCodesPy,
    ClientGo,
    ErrorsGo,
}

/// Reads the four sources, with a progress bar on a terminal.
pub fn read_sdks(sources: [(SdkKind, &Path, Option<&str>); 4]) -> Result<Vec<Sdk>, ImportError> {
    let mut plans = Vec::new();
    for (kind, path, rev) in sources {
        plans.push(plan(kind, path, rev)?);
    }
    let total: usize = plans.iter().map(|plan| plan.files.len()).sum();
    let progress = progress_bar(total as u64);
    let sdks = plans
        .into_iter()
        .map(|plan| read_plan(plan, &progress))
        .collect();
    progress.finish_and_clear();
    sdks
}

fn progress_bar(total: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{prefix:>31} [{bar:30}] {pos}/{len} files {wide_msg}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

fn plan(kind: SdkKind, path: &Path, rev: Option<&str>) -> Result<Plan, ImportError> {
    let mut tree = SourceTree::open(path, rev)?;
    let in_source =
        |error: ImportError| error.context(&format!("{} ({})", kind.package(), path.display()));
    let (version, names): (String, &[(&str, FileKind)]) = if kind.is_go() {
        let request = tree
            .read_optional("tencentcloud/common/http/request.go")
            .map_err(in_source)?;
        let version = request.as_deref().and_then(go_version).ok_or_else(|| {
            ImportError::new(format!(
                "{}: no `SDK_GO_<version>` in tencentcloud/common/http/request.go: is this the Go SDK?",
                path.display()
            ))
        })?;
        (
            version,
            &[
                ("client.go", FileKind::ClientGo),
                ("errors.go", FileKind::ErrorsGo),
            ],
        )
    } else {
        let init = tree
            .read_optional("tencentcloud/__init__.py")
            .map_err(in_source)?;
        let version = init.as_deref().and_then(python_version).ok_or_else(|| {
            ImportError::new(format!(
                "{}: no `__version__` in tencentcloud/__init__.py: is this the Python SDK?",
                path.display()
            ))
        })?;
        (version, &[("errorcodes.py", FileKind::ErrorCodesPy)])
    };
    let mut files = Vec::new();
    for (name, file_kind) in names {
        for file in tree.product_files(name).map_err(in_source)? {
            files.push((file, *file_kind));
        }
    }
    if files.is_empty() {
        return Err(ImportError::new(format!(
            "{}: no tencentcloud/<product>/<version>/{} files",
            path.display(),
            names[0].0
        )));
    }
    Ok(Plan {
        kind,
        tree,
        version,
        files,
    })
}

fn read_plan(mut plan: Plan, progress: &ProgressBar) -> Result<Sdk, ImportError> {
    progress.set_prefix(format!("{} {}", plan.kind.package(), plan.version));
    let mut sdk = Sdk {
        kind: plan.kind,
        version: plan.version,
        commit: plan.tree.commit().map(str::to_owned),
        files: plan.files.len(),
        codes: BTreeMap::new(),
        actions: BTreeMap::new(),
    };
    let paths: Vec<String> = plan
        .files
        .iter()
        .map(|(file, _)| file.path.clone())
        .collect();
    let mut index = 0;
    plan.tree.read_each(&paths, |path, text| {
        let (file, kind) = &plan.files[index];
        index += 1;
        debug_assert_eq!(path, file.path);
        progress.set_message(path.to_owned());
        progress.inc(1);
        let key = catalogue_name(&file.product_version, sdk.kind);
        match kind {
            FileKind::ErrorCodesPy => {
                sdk.codes.insert(key, python::parse_errorcodes(&text));
            }
            FileKind::ErrorsGo => {
                sdk.codes.insert(key, go::parse_errors(&text));
            }
            FileKind::ClientGo => {
                sdk.actions.insert(key, go::parse_client(&text));
            }
        }
    })?;
    Ok(sdk)
}

/// The catalogue's name of an SDK's product-version folder.
fn catalogue_name(key: &ProductVersion, kind: SdkKind) -> ProductVersion {
    let alias = GO_PRODUCT_ALIASES
        .iter()
        .find(|(go, _)| kind.is_go() && *go == key.product);
    match alias {
        Some((_, name)) => ProductVersion::new(*name, key.version.clone()),
        None => key.clone(),
    }
}

/// `3.1.195` from `__version__ = '3.1.195'`.
fn python_version(init: &str) -> Option<String> {
    init.lines().find_map(|line| {
        let value = line
            .strip_prefix("__version__")?
            .trim()
            .strip_prefix('=')?
            .trim();
        Some(value.trim_matches(['\'', '"']).to_owned()).filter(|v| !v.is_empty())
    })
}

/// `v1.3.166` from `"SDK_GO_1.3.166"`.
fn go_version(request: &str) -> Option<String> {
    let start = request.find("\"SDK_GO_")? + "\"SDK_GO_".len();
    let end = request[start..].find('"')? + start;
    Some(format!("v{}", &request[start..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_come_from_the_sdks_own_files() {
        assert_eq!(
            python_version("import x\n__version__ = '3.1.195'\n").as_deref(),
            Some("3.1.195")
        );
        assert_eq!(
            go_version("\tparams[\"RequestClient\"] = \"SDK_GO_1.3.166\"\n").as_deref(),
            Some("v1.3.166")
        );
    }

    #[test]
    fn go_folder_as_is_autoscaling() {
        let key = ProductVersion::new("as", "v20180419");
        assert_eq!(catalogue_name(&key, SdkKind::Go).product, "autoscaling");
        assert_eq!(catalogue_name(&key, SdkKind::Python).product, "as");
    }
}
