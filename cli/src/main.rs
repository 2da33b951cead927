//! `tencent-errors`: see `tencent-errors --help`.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;
use tencent_errors_catalogue::read::read_catalogue;
use tencent_errors_cli::args::{Cli, Command, ExportArgs};
use tencent_errors_cli::codebook::Codebook;
use tencent_errors_cli::output::{CommandResult, UsageError};
use tencent_errors_cli::{check, completions, decode, diff, explain, export, import, search};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let codebook = Codebook;
    match &cli.command {
        Command::Import(args) => failed_if_err(
            import::run(args)
                .map(|summary| print!("{summary}"))
                .map_err(|e| e.to_string()),
        ),
        Command::Export(args) => failed_if_err(run_export(args)),
        Command::Explain(args) => answer(|out| explain::run(args, &codebook, out)),
        Command::Search(args) => answer(|out| search::run(args, &codebook, out)),
        Command::Check(args) => answer(|out| check::run(args, out)),
        Command::Decode(args) => {
            answer(|out| decode::run(args, &codebook, &mut io::stdin().lock(), out))
        }
        Command::Diff(args) => answer(|out| diff::run(args, out)),
        Command::Completions(args) => answer(|out| completions::run(args, out)),
    }
}

fn failed_if_err(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a command that answers on standard output; its exit status is its
/// [`Outcome`](tencent_errors_cli::output::Outcome), or 2 for a usage error.
fn answer(
    command: impl FnOnce(&mut BufWriter<io::StdoutLock<'static>>) -> CommandResult,
) -> ExitCode {
    let mut out = BufWriter::new(io::stdout().lock());
    let result = command(&mut out).and_then(|outcome| {
        out.flush()?;
        Ok(outcome)
    });
    match result {
        Ok(outcome) => outcome.into(),
        Err(error) if error.is_closed_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            drop(out);
            eprintln!("error: {error}");
            ExitCode::from(UsageError::EXIT_STATUS)
        }
    }
}

fn run_export(args: &ExportArgs) -> Result<(), String> {
    let root = args
        .catalogue
        .as_deref()
        .unwrap_or_else(|| tencent_errors_catalogue::root());
    let catalogue = read_catalogue(root).map_err(|error| error.to_string())?;
    let written = match &args.output {
        Some(path) => {
            let file =
                File::create(path).map_err(|error| format!("{}: {error}", path.display()))?;
            let mut out = BufWriter::new(file);
            export::write_jsonl(&catalogue, &mut out).and_then(|()| out.flush())
        }
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            export::write_jsonl(&catalogue, &mut out).and_then(|()| out.flush())
        }
    };
    written.map_err(|error| format!("writing the export: {error}"))
}
