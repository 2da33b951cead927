//! The command line, parsed in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Tencent Cloud API error codes: the catalogue of every product's codes.
#[derive(Debug, Parser)]
#[command(name = "tencent-errors", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read Tencent Cloud's SDKs and write the catalogue's files.
    #[command(after_help = IMPORT_EXAMPLE)]
    Import(ImportArgs),
    /// Write the catalogue as JSON Lines: one object per code and per action.
    #[command(after_help = EXPORT_EXAMPLE)]
    Export(ExportArgs),
}

const IMPORT_EXAMPLE: &str = "Example:
  pip download --no-deps tencentcloud-sdk-python==3.1.195 tencentcloud-sdk-python-intl-en==3.1.193 -d sdk/
  tencent-errors import \\
    --python sdk/tencentcloud_sdk_python-3.1.195-py2.py3-none-any.whl \\
    --python-intl sdk/tencentcloud_sdk_python_intl_en-3.1.193-py2.py3-none-any.whl \\
    --go tencentcloud-sdk-go/.git --go-intl tencentcloud-sdk-go-intl-en/.git \\
    --out catalogue/

Run on newer releases, it updates the files and prints what was added, removed
and changed per product-version; removed codes stay, marked deprecated.";

const EXPORT_EXAMPLE: &str = "Example:
  tencent-errors export > catalogue.jsonl
  tencent-errors export --catalogue catalogue/ --output catalogue.jsonl

Lines:
  {\"kind\":\"code\",\"product\":\"mdl\",\"version\":\"v20200326\",\"code\":\"InvalidParameter.Name\",\"description\":...,\"description_zh\":...,\"retry\":\"never\",\"deprecated\":false}
  {\"kind\":\"action\",\"product\":\"mdl\",\"version\":\"v20200326\",\"action\":\"CreateStreamLiveChannel\",\"codes\":[...]}";

/// `tencent-errors import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// tencentcloud-sdk-python: the wheel, or the unpacked folder holding `tencentcloud/`.
    #[arg(long, value_name = "WHEEL_OR_DIR")]
    pub python: PathBuf,
    /// tencentcloud-sdk-python-intl-en: the wheel, or the unpacked folder.
    #[arg(long, value_name = "WHEEL_OR_DIR")]
    pub python_intl: PathBuf,
    /// tencentcloud-sdk-go: a checkout, or a Git directory (read at --go-rev).
    #[arg(long, value_name = "GITDIR_OR_CHECKOUT")]
    pub go: PathBuf,
    /// tencentcloud-sdk-go-intl-en: a checkout, or a Git directory (read at --go-intl-rev).
    #[arg(long, value_name = "GITDIR_OR_CHECKOUT")]
    pub go_intl: PathBuf,
    /// The revision of the --go Git directory to read (default HEAD).
    #[arg(long, value_name = "REV")]
    pub go_rev: Option<String>,
    /// The revision of the --go-intl Git directory to read (default HEAD).
    #[arg(long, value_name = "REV")]
    pub go_intl_rev: Option<String>,
    /// The catalogue's folder: `data/`, `sources.toml` are written there.
    #[arg(long, value_name = "DIR", default_value = "catalogue")]
    pub out: PathBuf,
}

/// `tencent-errors export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The catalogue's folder (default: the catalogue built into this command).
    #[arg(long, value_name = "DIR")]
    pub catalogue: Option<PathBuf>,
    /// Write here instead of to standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
