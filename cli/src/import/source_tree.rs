//! Reading an SDK's files wherever they are: an unpacked folder or Go
//! checkout, a Python wheel (a zip file), or a Git directory (through `git`).

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tencent_errors_catalogue::ProductVersion;

use super::ImportError;

/// Where an SDK's files are.
pub enum SourceTree {
    /// A folder holding `tencentcloud/` (an unpacked wheel, a Go checkout).
    Directory(PathBuf),
    /// A wheel file.
    Wheel(Box<zip::ZipArchive<File>>),
    /// A Git directory (bare or `.git`), read at one commit.
    Git {
        /// The `--git-dir`.
        git_dir: PathBuf,
        /// The full commit hash read.
        commit: String,
    },
}

/// A file of the SDK that belongs to a product-version.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ProductFile {
    /// The product-version whose folder holds the file.
    pub product_version: ProductVersion,
    /// The path inside the tree, `tencentcloud/<product>/<version>/<name>`.
    pub path: String,
}

impl SourceTree {
    /// Opens `path`: a wheel (a file), a Git directory (has `HEAD` and
    /// `objects/`), or a folder holding `tencentcloud/`. `rev` picks the
    /// commit of a Git directory (default `HEAD`).
    pub fn open(path: &Path, rev: Option<&str>) -> Result<SourceTree, ImportError> {
        if path.is_file() {
            let file = File::open(path).map_err(|error| ImportError::io(path, &error))?;
            let archive = zip::ZipArchive::new(file).map_err(|error| {
                ImportError::new(format!(
                    "{}: not a wheel (zip) file: {error}",
                    path.display()
                ))
            })?;
            return Ok(SourceTree::Wheel(Box::new(archive)));
        }
        if path.join("HEAD").is_file() && path.join("objects").is_dir() {
            let rev = format!("{}^{{commit}}", rev.unwrap_or("HEAD"));
            let commit = git(path, &["rev-parse", "--verify", &rev])?;
            return Ok(SourceTree::Git {
                git_dir: path.to_owned(),
                commit: commit.trim().to_owned(),
            });
        }
        if path.join("tencentcloud").is_dir() {
            return Ok(SourceTree::Directory(path.to_owned()));
        }
        Err(ImportError::new(format!(
            "{}: neither a wheel, a Git directory nor a folder holding `tencentcloud/`: \
             give the wheel file, the unpacked wheel's or the checkout's root, or its Git directory",
            path.display()
        )))
    }

    /// The commit read, for a Git directory.
    pub fn commit(&self) -> Option<&str> {
        match self {
            SourceTree::Git { commit, .. } => Some(commit),
            _ => None,
        }
    }

    /// Every `tencentcloud/<product>/v<digits>/<name>` file, sorted.
    pub fn product_files(&mut self, name: &str) -> Result<Vec<ProductFile>, ImportError> {
        let mut files: Vec<ProductFile> = self
            .all_paths()?
            .into_iter()
            .filter_map(|path| product_file(&path, name))
            .collect();
        files.sort();
        Ok(files)
    }

    fn all_paths(&mut self) -> Result<Vec<String>, ImportError> {
        match self {
            SourceTree::Directory(root) => {
                let mut paths = Vec::new();
                let base = root.join("tencentcloud");
                for product in read_dir_sorted(&base)? {
                    if !product.is_dir() {
                        continue;
                    }
                    for version in read_dir_sorted(&product)? {
                        if !version.is_dir() {
                            continue;
                        }
                        for file in read_dir_sorted(&version)? {
                            if let Ok(relative) = file.strip_prefix(root.as_path()) {
                                let parts: Vec<String> = relative
                                    .components()
                                    .map(|part| part.as_os_str().to_string_lossy().into_owned())
                                    .collect();
                                paths.push(parts.join("/"));
                            }
                        }
                    }
                }
                Ok(paths)
            }
            SourceTree::Wheel(archive) => Ok(archive.file_names().map(str::to_owned).collect()),
            SourceTree::Git { git_dir, commit } => {
                let listing = git(
                    git_dir,
                    &["ls-tree", "-r", "--name-only", commit, "--", "tencentcloud"],
                )?;
                Ok(listing.lines().map(str::to_owned).collect())
            }
        }
    }

    /// Reads one file as UTF-8, or `None` if the tree has no such file.
    pub fn read_optional(&mut self, path: &str) -> Result<Option<String>, ImportError> {
        let mut texts = Vec::new();
        match self {
            SourceTree::Directory(root) => {
                let full = root.join(path);
                if !full.is_file() {
                    return Ok(None);
                }
                return std::fs::read_to_string(&full)
                    .map(Some)
                    .map_err(|error| ImportError::io(&full, &error));
            }
            SourceTree::Wheel(archive) => {
                if archive.index_for_name(path).is_none() {
                    return Ok(None);
                }
            }
            SourceTree::Git { git_dir, commit } => {
                let listed = git(git_dir, &["ls-tree", "--name-only", commit, "--", path])?;
                if listed.trim().is_empty() {
                    return Ok(None);
                }
            }
        }
        self.read_each(&[path.to_owned()], |_, text| texts.push(text))?;
        Ok(texts.pop())
    }

    /// Reads every path in order, calling `each` with the path and its text.
    pub fn read_each(
        &mut self,
        paths: &[String],
        mut each: impl FnMut(&str, String),
    ) -> Result<(), ImportError> {
        match self {
            SourceTree::Directory(root) => {
                for path in paths {
                    let full = root.join(path);
                    let text = std::fs::read_to_string(&full)
                        .map_err(|error| ImportError::io(&full, &error))?;
                    each(path, text);
                }
            }
            SourceTree::Wheel(archive) => {
                for path in paths {
                    let mut entry = archive.by_name(path).map_err(|error| {
                        ImportError::new(format!("{path} in the wheel: {error}"))
                    })?;
                    let mut text = String::new();
                    entry.read_to_string(&mut text).map_err(|error| {
                        ImportError::new(format!("{path} in the wheel: {error}"))
                    })?;
                    each(path, text);
                }
            }
            SourceTree::Git { git_dir, commit } => {
                cat_files(git_dir, commit, paths, each)?;
            }
        }
        Ok(())
    }
}

fn product_file(path: &str, name: &str) -> Option<ProductFile> {
    let mut parts = path.split('/');
    let (Some("tencentcloud"), Some(product), Some(version), Some(file), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return None;
    };
    let is_version = version.len() > 1
        && version.starts_with('v')
        && version[1..].bytes().all(|b| b.is_ascii_digit());
    let is_product = !product.is_empty()
        && product
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    (file == name && is_version && is_product).then(|| ProductFile {
        product_version: ProductVersion::new(product, version),
        path: path.to_owned(),
    })
}

fn read_dir_sorted(dir: &Path) -> Result<Vec<PathBuf>, ImportError> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|error| ImportError::io(dir, &error))? {
        paths.push(entry.map_err(|error| ImportError::io(dir, &error))?.path());
    }
    paths.sort();
    Ok(paths)
}

/// Runs `git --git-dir=DIR ARGS...` and returns its standard output.
fn git(git_dir: &Path, args: &[&str]) -> Result<String, ImportError> {
    let output = Command::new("git")
        .arg("--git-dir")
        .arg(git_dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|error| ImportError::new(format!("running git: {error}")))?;
    if !output.status.success() {
        return Err(ImportError::new(format!(
            "git {} in {}: {}",
            args.join(" "),
            git_dir.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    String::from_utf8(output.stdout)
        .map_err(|_| ImportError::new(format!("git {}: output is not UTF-8", args.join(" "))))
}

/// Reads many files of one commit through one `git cat-file --batch`.
fn cat_files(
    git_dir: &Path,
    commit: &str,
    paths: &[String],
    mut each: impl FnMut(&str, String),
) -> Result<(), ImportError> {
    let mut child = Command::new("git")
        .arg("--git-dir")
        .arg(git_dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|error| ImportError::new(format!("running git cat-file: {error}")))?;
    let requests: String = paths
        .iter()
        .map(|path| format!("{commit}:{path}\n"))
        .collect();
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // Write from a thread: git answers while it reads, and both pipes are bounded.
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
    let broken = |what: &str| ImportError::new(format!("git cat-file: {what}"));
    for path in paths {
        let mut header = String::new();
        stdout
            .read_line(&mut header)
            .map_err(|error| broken(&error.to_string()))?;
        let fields: Vec<&str> = header.split_whitespace().collect();
        let size = match fields.as_slice() {
            [_, "blob", size] => size
                .parse::<usize>()
                .map_err(|_| broken("bad object header"))?,
            _ => return Err(broken(&format!("{path}: {}", header.trim()))),
        };
        let mut bytes = vec![0; size + 1];
        stdout
            .read_exact(&mut bytes)
            .map_err(|error| broken(&error.to_string()))?;
        bytes.pop();
        let text = String::from_utf8(bytes).map_err(|_| broken(&format!("{path} is not UTF-8")))?;
        each(path, text);
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_files_need_product_version_and_name() {
        let file = product_file("tencentcloud/mdl/v20200326/errorcodes.py", "errorcodes.py");
        assert_eq!(
            file.unwrap().product_version,
            ProductVersion::new("mdl", "v20200326")
        );
        for path in [
            "tencentcloud/common/errorcodes.py",
            "tencentcloud/mdl/v20200326/models.py",
            "tencentcloud/mdl/latest/errorcodes.py",
            "tencentcloud/Mdl/v20200326/errorcodes.py",
            "examples/mdl/v20200326/errorcodes.py",
            "tencentcloud/mdl/v20200326/x/errorcodes.py",
        ] {
            assert_eq!(product_file(path, "errorcodes.py"), None, "{path}");
        }
    }
}
