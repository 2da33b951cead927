//! The command line, parsed in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Tencent Cloud API error codes: the catalogue of every product's codes.
#[derive(Debug, Parser)]
#[command(name = "tencent-errors", version, about, after_help = EXIT_CODES)]
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
    /// What a code means: descriptions, retry class and decision, parents, products, actions.
    #[command(after_help = EXPLAIN_EXAMPLE)]
    Explain(ExplainArgs),
    /// Codes whose name or description (English or Chinese) matches, best first.
    #[command(after_help = SEARCH_EXAMPLE)]
    Search(SearchArgs),
    /// Check codes.toml files and their layers, with the rules and messages of `error_codes!`.
    #[command(after_help = CHECK_EXAMPLE)]
    Check(CheckArgs),
    /// Decode a response body: success or error, code, RequestId, retry class and decision.
    #[command(after_help = DECODE_EXAMPLE)]
    Decode(DecodeArgs),
    /// Compare two catalogue exports: codes added, removed and changed per product.
    #[command(after_help = DIFF_EXAMPLE)]
    Diff(DiffArgs),
    /// Print a shell completion script.
    #[command(after_help = COMPLETIONS_EXAMPLE)]
    Completions(CompletionsArgs),
}

/// How a command prints its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// For people: aligned text, diagnostics as rustc shows them.
    #[default]
    Human,
    /// For scripts and editors: one JSON document, or JSON Lines for lists.
    Json,
}

const EXIT_CODES: &str = "Exit status:
  0  success
  1  a finding: an unknown code, no match, an invalid file, an error response, a difference
  2  a usage error: bad arguments, an unknown product, a body or an export that cannot be read";

const EXPLAIN_EXAMPLE: &str = "Example:
  tencent-errors explain AuthFailure.SignatureExpire
  tencent-errors explain InvalidParameter.Name --product mdl --format json

A code this build does not know is reported with what it inherits from its
nearest known ancestor and the closest known codes; the exit status is 1.";

const SEARCH_EXAMPLE: &str = "Example:
  tencent-errors search signature expired
  tencent-errors search 频率 --format json

Every word must match the code or one of its descriptions (case-insensitive);
the exit status is 1 when nothing matches.";

const CHECK_EXAMPLE: &str = "Example:
  tencent-errors check codes/mdl.toml codes/cvm.toml
  tencent-errors check codes/*.toml --format json

Every error of every file (and of the layers it extends) is reported; the
exit status is 1 if there is any.";

const DECODE_EXAMPLE: &str = "Example:
  curl -s ... | tencent-errors decode --product cvm --action DescribeInstances
  tencent-errors decode body.json --status 502 --format json

The exit status is 0 for a success envelope, 1 for an error envelope or a
body that is no envelope.";

const DIFF_EXAMPLE: &str = "Example:
  tencent-errors export > new.jsonl
  tencent-errors diff old.jsonl new.jsonl

The exit status is 1 when the exports differ.";

const COMPLETIONS_EXAMPLE: &str = "Example:
  tencent-errors completions bash > /etc/bash_completion.d/tencent-errors
  tencent-errors completions zsh > \"${fpath[1]}/_tencent-errors\"
  tencent-errors completions fish > ~/.config/fish/completions/tencent-errors.fish";

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

/// `tencent-errors explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The error code, as received (`AuthFailure.SignatureExpire`).
    pub code: String,
    /// Only this product's codes (`cvm`, `mdl`): the SDKs' folder name.
    #[arg(long, value_name = "PRODUCT")]
    pub product: Option<String>,
    /// How to print the answer.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// `tencent-errors search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words that must all match, in the code or a description.
    #[arg(required = true, value_name = "WORDS")]
    pub words: Vec<String>,
    /// Only this product's codes (`cvm`, `mdl`).
    #[arg(long, value_name = "PRODUCT")]
    pub product: Option<String>,
    /// At most this many codes.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// How to print the answer (JSON Lines, one code a line).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// `tencent-errors check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// codes.toml files, relative to the current directory.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// How to print the errors (JSON Lines, one error a line).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// `tencent-errors decode`.
#[derive(Debug, Args)]
pub struct DecodeArgs {
    /// The body: a file, or `-` (the default) for standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    pub input: PathBuf,
    /// The response's HTTP status.
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub status: u16,
    /// The action that was called: also print the retry decision for it.
    #[arg(long, value_name = "NAME")]
    pub action: Option<String>,
    /// The request carried this `ClientToken` (it makes the action idempotent).
    #[arg(long, value_name = "TOKEN", requires = "action")]
    pub client_token: Option<String>,
    /// The product that answered (`cvm`): its definition of the code applies.
    #[arg(long, value_name = "PRODUCT")]
    pub product: Option<String>,
    /// How to print the verdict.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// `tencent-errors diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older export (JSON Lines, as `tencent-errors export` writes).
    pub old: PathBuf,
    /// The newer export.
    pub new: PathBuf,
    /// How to print the changes (JSON Lines, one change a line).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// `tencent-errors completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    pub shell: clap_complete::Shell,
}
